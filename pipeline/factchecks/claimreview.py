"""Fact-checks as fact-checkers publish them, read into `FactCheck` records.

Formats: schema.org ClaimReview JSON-LD (one object, an array, an `@graph`, or ClaimReviews nested in other nodes),
HTML pages carrying it in `<script type="application/ld+json">` blocks (parsed with lxml), the JSON of Google's
Fact Check Tools `claims:search`, and plain JSONL / TSV rows (`id`, `claim`, optional `title`, `rating`, `url`,
`publisher`, `date`). Every item either becomes a `FactCheck` or a `Problem` saying where it was and what is wrong
with it; a bad item never stops the rest. Verdicts are normalised to true / false / mixture / other the way ClaimsKG
does it: the textual rating looked up in word lists (models/verdicts.json), else the rating's position on its
numeric scale.
"""
from __future__ import annotations

import csv
import io
import json
import re
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any, Iterator

from .. import resources

VERDICTS = ("true", "false", "mixture", "other")


@dataclass
class FactCheck:
    """One fact-checked claim and what its fact-checker found."""

    id: str
    claim: str
    url: str | None = None
    title: str | None = None
    publisher: str | None = None  # the fact-checking organisation (ClaimReview author)
    publisher_url: str | None = None
    date_published: str | None = None
    rating: str | None = None  # the textual verdict as published ("Pants on Fire!")
    rating_value: float | None = None
    best_rating: float | None = None
    worst_rating: float | None = None
    verdict: str = "other"  # true | false | mixture | other
    claim_author: str | None = None  # who made the claim (itemReviewed.author)
    claim_date: str | None = None  # itemReviewed.datePublished
    appearances: list[str] = field(default_factory=list)
    first_appearance: str | None = None
    language: str | None = None
    origin: str = ""  # file and position it was read from
    warnings: list[str] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return {k: v for k, v in asdict(self).items() if k not in ("origin", "warnings")}


@dataclass
class Problem:
    """An item that could not be imported, or was imported with a caveat."""

    origin: str
    message: str


class ReadError(ValueError):
    """An item is not a usable fact-check; the message says what is missing or wrong."""


MAX_DEPTH = 64  # JSON-LD nesting read; deeper nodes are not looked into
MAX_CLAIM_CHARS = 5_000  # claimReviewed: longer is not a claim but a document
MAX_FIELD_CHARS = 2_000  # every other text field and URL (FactCheckRow.id is 2,000 characters)
URL_FIELDS = ("publisher_url", "first_appearance")


def parsed(text: str) -> Any:
    """`json.loads(text)`, with JSON nested too deeply to read reported as a `ValueError` like malformed JSON."""
    try:
        return json.loads(text)
    except RecursionError:
        raise ValueError("JSON nested too deeply to read") from None


def checked(item: FactCheck) -> FactCheck | Problem:
    """`item` within the limits a store and its queries can take: a claim over `MAX_CLAIM_CHARS`, a link that is not
    http(s), an id over `MAX_FIELD_CHARS` or a NUL character make it a Problem; other text fields over
    `MAX_FIELD_CHARS` are cut and other links that are not http(s) dropped, each with a warning."""
    from .export import is_url

    if len(item.claim) > MAX_CLAIM_CHARS:
        return Problem(item.origin, f"claimReviewed is {len(item.claim):,} characters long, over the limit of "
                                    f"{MAX_CLAIM_CHARS:,}")
    if item.url is not None and not is_url(item.url):
        return Problem(item.origin, f"url must be an http(s) URL, not {item.url[:80]!r}")
    if len(item.id) > MAX_FIELD_CHARS:
        return Problem(item.origin, f"the id is over the limit of {MAX_FIELD_CHARS:,} characters")
    values = item.to_dict()
    if any("\x00" in v for v in values.values() if isinstance(v, str)) or any("\x00" in u for u in item.appearances):
        return Problem(item.origin, "a field contains a NUL character")
    warnings = list(item.warnings)
    for name, value in values.items():
        if isinstance(value, str) and len(value) > MAX_FIELD_CHARS and name not in ("id", "claim"):
            setattr(item, name, value[:MAX_FIELD_CHARS])
            warnings.append(f"{name} cut to {MAX_FIELD_CHARS:,} characters")
    for name in URL_FIELDS:
        if getattr(item, name) is not None and not is_url(getattr(item, name)):
            warnings.append(f"{name} {getattr(item, name)[:80]!r} left out: not an http(s) URL")
            setattr(item, name, None)
    kept = [u for u in item.appearances if is_url(u) and len(u) <= MAX_FIELD_CHARS]
    if len(kept) < len(item.appearances):
        warnings.append(f"{len(item.appearances) - len(kept)} appearance link(s) left out: not http(s) URLs")
    item.appearances, item.warnings = kept, warnings
    return item


# ------------------------------------------------------------------------------------------------ verdicts

def _fold(label: str) -> str:
    return re.sub(r"[^a-z0-9 ]+", "", re.sub(r"[\s_\-]+", " ", label.lower())).strip()


def verdict_from_label(label: str | None) -> str | None:
    """true / false / mixture / other for a textual rating found in models/verdicts.json; None if unknown."""
    if not label:
        return None
    folded = _fold(label)
    for verdict, labels in resources.load("verdicts")["labels"].items():
        if folded in {_fold(x) for x in labels}:
            return verdict
    return None


def verdict_from_scale(value: float | None, best: float | None, worst: float | None) -> str | None:
    """true / false / mixture from a rating's position on its scale (top quarter true, bottom quarter false)."""
    if value is None or best is None or worst is None or best == worst:
        return None
    position = (value - worst) / (best - worst)
    if not 0 <= position <= 1:
        return None
    cut = resources.load("verdicts")["scale_cut"]
    return "true" if position >= 1 - cut else "false" if position <= cut else "mixture"


def normalise(rating: str | None, value: float | None, best: float | None, worst: float | None) -> tuple[str, list[str]]:
    """The normalised verdict and any warnings about the rating (unknown label, unknown or broken scale)."""
    warnings = []
    by_label = verdict_from_label(rating)
    by_scale = verdict_from_scale(value, best, worst)
    if value is not None and by_scale is None:
        if best is None or worst is None:
            warnings.append(f"rating value {value:g} has no bestRating/worstRating: unknown rating scale")
        else:
            warnings.append(f"rating value {value:g} is not on the scale {worst:g}..{best:g}")
    if by_label:
        return by_label, warnings
    if by_scale:
        return by_scale, warnings
    if rating:
        warnings.append(f"rating {rating!r} is not a known verdict: normalised to other")
    return "other", warnings


# ------------------------------------------------------------------------------------------------ JSON-LD

def _text(value: Any) -> str | None:
    """A property's text: a string, the name or url of a node, the first of a list."""
    if isinstance(value, list):
        return next((t for t in (_text(v) for v in value) if t), None)
    if isinstance(value, dict):
        return _text(value.get("name") or value.get("url") or value.get("@id"))
    if isinstance(value, (str, int, float)) and not isinstance(value, bool):
        text = str(value).strip()
        return text or None
    return None


def _number(value: Any, name: str) -> float | None:
    if value is None or value == "":
        return None
    try:
        return float(str(value).strip().replace(",", "."))
    except ValueError:
        raise ReadError(f"{name} {value!r} is not a number") from None


def _urls(value: Any) -> list[str]:
    """The URLs of appearance / firstAppearance: strings or CreativeWork nodes, one or a list."""
    values = value if isinstance(value, list) else [value] if value else []
    out = []
    for v in values:
        url = v.get("url") or v.get("@id") if isinstance(v, dict) else v
        if isinstance(url, str) and url.strip():
            out.append(url.strip())
    return out


def _is_claim_review(node: Any) -> bool:
    if not isinstance(node, dict):
        return False
    kind = node.get("@type")
    kinds = kind if isinstance(kind, list) else [kind]
    return any(isinstance(k, str) and k.rsplit("/", 1)[-1].rsplit(":", 1)[-1] == "ClaimReview" for k in kinds)


def claim_reviews(data: Any) -> Iterator[dict]:
    """Every ClaimReview node in a JSON-LD document: top level, in arrays, in `@graph`, or nested in other nodes;
    references to other nodes of the document by `@id` resolved."""
    nodes: dict[str, dict] = {}

    def index(value: Any, depth: int = 0) -> None:
        if depth > MAX_DEPTH:
            return
        if isinstance(value, dict):
            if isinstance(value.get("@id"), str) and len(value) > 1:
                nodes.setdefault(value["@id"], value)
            for v in value.values():
                index(v, depth + 1)
        elif isinstance(value, list):
            for v in value:
                index(v, depth + 1)

    def walk(value: Any, depth: int = 0) -> Iterator[dict]:
        if depth > MAX_DEPTH:
            return
        if _is_claim_review(value):
            yield Resolved(value, nodes)
        elif isinstance(value, dict):
            for v in value.values():
                yield from walk(v, depth + 1)
        elif isinstance(value, list):
            for v in value:
                yield from walk(v, depth + 1)

    index(data)
    yield from walk(data)


class Resolved(dict):
    """A JSON-LD node whose `{"@id": ...}` references to other nodes of its document resolve when read, by reference:
    nothing is copied, so a node referenced a thousand times costs what it costs once."""

    def __init__(self, node: dict, nodes: dict[str, dict]):
        super().__init__(node)
        self.nodes = nodes

    def resolved(self, value: Any) -> Any:
        for _ in range(8):  # a chain of references, followed this far (a cycle ends here too)
            if isinstance(value, dict) and set(value) == {"@id"} and isinstance(value["@id"], str) \
                    and value["@id"] in self.nodes:
                value = self.nodes[value["@id"]]
            else:
                break
        if isinstance(value, dict) and not isinstance(value, Resolved):
            return Resolved(value, self.nodes)
        if isinstance(value, list):
            return [self.resolved(v) for v in value]
        return value

    def __getitem__(self, key: str) -> Any:
        return self.resolved(super().__getitem__(key))

    def get(self, key: str, default: Any = None) -> Any:
        return self[key] if key in self else default


def from_claim_review(node: dict, origin: str) -> FactCheck:
    """A FactCheck from one schema.org ClaimReview; `ReadError` when a field Google requires is missing."""
    claim = _text(node.get("claimReviewed"))
    url = _text(node.get("url")) or (node.get("@id") if isinstance(node.get("@id"), str) and
                                     node["@id"].startswith("http") else None)
    rating = node.get("reviewRating")
    if isinstance(rating, list):
        rating = rating[0] if rating else None
    missing = [name for name, v in (("claimReviewed", claim), ("url", url), ("reviewRating", rating)) if not v]
    if missing:
        raise ReadError("ClaimReview without " + ", ".join(missing) + " (required)")
    if not isinstance(rating, dict):
        raise ReadError(f"reviewRating must be a Rating object, not {type(rating).__name__}")
    label = _text(rating.get("alternateName")) or _text(rating.get("name"))
    value = _number(rating.get("ratingValue"), "ratingValue")
    best = _number(rating.get("bestRating"), "bestRating")
    worst = _number(rating.get("worstRating"), "worstRating")
    if label is None and value is None:
        raise ReadError("reviewRating has neither alternateName nor ratingValue (required)")
    verdict, warnings = normalise(label, value, best, worst)
    item = node.get("itemReviewed")
    item = item[0] if isinstance(item, list) and item else item
    item = item if isinstance(item, dict) else {}
    author = node.get("author")
    author = author[0] if isinstance(author, list) and author else author
    first = _urls(item.get("firstAppearance"))
    return FactCheck(
        id=url, claim=claim, url=url, title=_text(node.get("name") or node.get("headline")),
        publisher=_text(author), publisher_url=author.get("url") if isinstance(author, dict) else None,
        date_published=_text(node.get("datePublished")), rating=label, rating_value=value, best_rating=best,
        worst_rating=worst, verdict=verdict, claim_author=_text(item.get("author")),
        claim_date=_text(item.get("datePublished")), appearances=_urls(item.get("appearance")),
        first_appearance=first[0] if first else None, language=_text(node.get("inLanguage")), origin=origin,
        warnings=warnings)


# ------------------------------------------------------------------------------------------------ Google API

def is_google_response(data: Any) -> bool:
    return isinstance(data, dict) and isinstance(data.get("claims"), list) and not _is_claim_review(data)


def site_url(site: str | None) -> str | None:
    """The home page of a claims:search publisher's `site`, which Google gives as a bare domain ("politifact.com")."""
    if site and re.fullmatch(r"[\w-]+(\.[\w-]+)+", site):
        return f"https://{site}"
    return site


def from_google_claim(claim: dict, origin: str) -> Iterator[FactCheck | Problem]:
    """The fact-checks of one `claims:search` result (one per claimReview of the claim)."""
    if not isinstance(claim, dict):
        yield Problem(origin, "a claims:search result must be an object")
        return
    text = _text(claim.get("text"))
    reviews = claim.get("claimReview")
    if not text or not isinstance(reviews, list) or not reviews:
        yield Problem(origin, "claims:search result without text or claimReview (required)")
        return
    for n, review in enumerate(reviews):
        where = f"{origin} claimReview {n}"
        if not isinstance(review, dict) or not _text(review.get("url")):
            yield Problem(where, "claimReview without url (required)")
            continue
        label = _text(review.get("textualRating"))
        verdict, warnings = normalise(label, None, None, None)
        publisher = review.get("publisher") if isinstance(review.get("publisher"), dict) else {}
        yield FactCheck(
            id=review["url"].strip(), claim=text, url=review["url"].strip(), title=_text(review.get("title")),
            publisher=_text(publisher.get("name")) or _text(publisher.get("site")),
            publisher_url=site_url(_text(publisher.get("site"))), date_published=_text(review.get("reviewDate")),
            rating=label, verdict=verdict, claim_author=_text(claim.get("claimant")),
            claim_date=_text(claim.get("claimDate")), language=_text(review.get("languageCode")), origin=where,
            warnings=warnings)


# ------------------------------------------------------------------------------------------------ plain rows

ROW_FIELDS = ("id", "claim", "title", "rating", "url", "publisher", "date")


def from_row(row: dict, origin: str) -> FactCheck:
    """A FactCheck from a plain row (`id`, `claim`, optional `title`, `rating`, `url`, `publisher`, `date`)."""
    values = {k: (str(row[k]).strip() if row.get(k) not in (None, "") else None) for k in ROW_FIELDS}
    missing = [k for k in ("id", "claim") if not values[k]]
    if missing:
        raise ReadError("row without " + ", ".join(missing) + " (required)")
    verdict, warnings = normalise(values["rating"], None, None, None)
    return FactCheck(id=values["id"], claim=values["claim"], url=values["url"], title=values["title"],
                     publisher=values["publisher"], date_published=values["date"], rating=values["rating"],
                     verdict=verdict, origin=origin, warnings=warnings)


# ------------------------------------------------------------------------------------------------ files

def attempt(reader, item: dict, where: str) -> FactCheck | Problem:
    """`reader(item, where)` (from_claim_review, from_row), or the Problem saying why the item is not a fact-check."""
    try:
        return reader(item, where)
    except ReadError as e:
        return Problem(where, str(e))
    except RecursionError:
        return Problem(where, "nested too deeply to read")


def from_json(data: Any, origin: str) -> Iterator[FactCheck | Problem]:
    """Fact-checks in one parsed JSON value: a Google `claims:search` response, or JSON-LD."""
    if is_google_response(data):
        for n, claim in enumerate(data["claims"]):
            yield from from_google_claim(claim, f"{origin} claims[{n}]")
        return
    found = False
    for n, node in enumerate(claim_reviews(data)):
        found = True
        yield attempt(from_claim_review, node, f"{origin} ClaimReview {n}")
    if not found:
        yield Problem(origin, "no ClaimReview in it")


def from_html(html: str, origin: str) -> Iterator[FactCheck | Problem]:
    """Fact-checks in the JSON-LD blocks of an HTML page, each block read on its own."""
    import lxml.html
    from lxml.etree import ParserError

    try:
        page = lxml.html.document_fromstring(html)
    except (ParserError, ValueError) as e:
        yield Problem(origin, f"not HTML: {e}")
        return
    blocks = [s for s in page.iter("script") if (s.get("type") or "").strip().lower() == "application/ld+json"]
    if not blocks:
        yield Problem(origin, "no <script type=\"application/ld+json\"> block")
        return
    found = False
    for n, block in enumerate(blocks):
        where = f"{origin} ld+json block {n + 1} (line {block.sourceline})"
        try:
            data = parsed(block.text or "")
        except ValueError as e:
            yield Problem(where, f"malformed JSON-LD: {e}")
            continue
        for item in claim_reviews(data):
            found = True
            yield attempt(from_claim_review, item, where)
    if not found:
        yield Problem(origin, "no ClaimReview in its JSON-LD blocks")


def from_jsonl(text: str, origin: str) -> Iterator[FactCheck | Problem]:
    """One JSON object a line: a plain row, a ClaimReview, or a Google claims:search result."""
    for n, line in enumerate(text.splitlines(), 1):
        if not line.strip():
            continue
        where = f"{origin}:{n}"
        try:
            data = parsed(line)
        except ValueError as e:
            yield Problem(where, f"malformed JSON: {e}")
            continue
        if _is_claim_review(data):
            yield attempt(from_claim_review, next(claim_reviews(data)), where)
        elif isinstance(data, dict) and "claimReview" in data:
            yield from from_google_claim(data, where)
        elif isinstance(data, dict) and ("claim" in data or "id" in data):
            yield attempt(from_row, data, where)
        else:
            yield Problem(where, "neither a fact-check row (id, claim) nor a ClaimReview")


def from_tsv(text: str, origin: str) -> Iterator[FactCheck | Problem]:
    """A tab-separated table with a header naming at least `id` and `claim`."""
    reader = csv.DictReader(io.StringIO(text), delimiter="\t")
    header = [h.strip().lower() for h in (reader.fieldnames or [])]
    if "id" not in header or "claim" not in header:
        yield Problem(origin, f"TSV header must name id and claim; it has {header}")
        return
    reader.fieldnames = header
    for n, row in enumerate(reader, 2):
        yield attempt(from_row, row, f"{origin}:{n}")


def read(path: Path | str) -> Iterator[FactCheck | Problem]:
    """Every fact-check in a file, or a Problem for each item (or the whole file) that cannot be read. The format
    comes from the extension (.html/.htm, .jsonl, .tsv, .json/.jsonld), else from the content."""
    path = Path(path)
    origin = str(path)
    try:
        text = path.read_text("utf-8-sig")
    except (OSError, UnicodeDecodeError) as e:
        yield Problem(origin, f"cannot read: {e}")
        return
    suffix = path.suffix.lower()
    stripped = text.lstrip()
    if suffix in (".html", ".htm") or (suffix not in (".json", ".jsonld", ".jsonl", ".tsv") and stripped.startswith("<")):
        yield from from_html(text, origin)
    elif suffix == ".jsonl":
        yield from from_jsonl(text, origin)
    elif suffix == ".tsv" or (suffix not in (".json", ".jsonld") and not stripped.startswith(("{", "["))):
        yield from from_tsv(text, origin)
    else:
        try:
            data = parsed(text)
        except ValueError as e:
            if suffix not in (".json", ".jsonld") and "nested too deeply" not in str(e):
                yield from from_jsonl(text, origin)
            else:
                yield Problem(origin, f"malformed JSON: {e}")
            return
        yield from from_json(data, origin)


@dataclass
class ImportReport:
    """What an import did: every item read is imported (new), updated, unchanged or failed (with the reason);
    warnings are caveats on items that were imported."""

    imported: int = 0
    updated: int = 0
    unchanged: int = 0
    failed: list[tuple[str, str]] = field(default_factory=list)
    warnings: list[tuple[str, str]] = field(default_factory=list)

    @property
    def read(self) -> int:
        return self.imported + self.updated + self.unchanged + len(self.failed)

    def counts(self) -> dict[str, int]:
        return {"read": self.read, "imported": self.imported, "updated": self.updated, "unchanged": self.unchanged,
                "failed": len(self.failed), "warnings": len(self.warnings)}
