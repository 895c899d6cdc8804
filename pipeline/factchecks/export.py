"""The store's verdicts as schema.org ClaimReview JSON-LD, with every property Google's fact-check rich results
require (claimReviewed, reviewRating.alternateName, url) and those it recommends (author, datePublished,
itemReviewed with the claim's author, date and appearance; the rating's numeric scale when one was given).
`pipeline/schema/claimreview.schema.json` is the JSON Schema they are checked against.
"""
from __future__ import annotations

import json
import re
from functools import lru_cache
from pathlib import Path
from typing import Any

SCHEMA = Path(__file__).resolve().parent.parent / "schema" / "claimreview.schema.json"


def is_url(value: Any) -> bool:
    """Whether a value is an absolute http(s) URL, as ClaimReview wants its links."""
    return isinstance(value, str) and re.fullmatch(r"https?://[^\s/$.?#][^\s]*", value) is not None


def claim_review(v: dict[str, Any]) -> dict[str, Any]:
    """One verdict row (`Store.verdicts()`) as a ClaimReview object."""
    rating: dict[str, Any] = {"@type": "Rating", "alternateName": v["rating"]}
    if v.get("rating_value") is not None:
        rating["ratingValue"] = v["rating_value"]
        if v.get("best_rating") is not None:
            rating["bestRating"] = v["best_rating"]
        if v.get("worst_rating") is not None:
            rating["worstRating"] = v["worst_rating"]
    author: dict[str, Any] = {"@type": "Organization", "name": v["author"]}
    if is_url(v.get("author_url")):
        author["url"] = v["author_url"]
    claimant = v.get("claim_source") or v.get("outlet")
    item: dict[str, Any] = {"@type": "Claim"}
    if claimant:
        item["author"] = {"@type": "Organization" if claimant == v.get("outlet") else "Person", "name": claimant}
    if v.get("article_published"):
        item["datePublished"] = v["article_published"]
    if is_url(v.get("article_url")):
        work = {"@type": "CreativeWork", "url": v["article_url"]}
        if v.get("article_title"):
            work["headline"] = v["article_title"]
        item["appearance"] = [work]
        item["firstAppearance"] = work
    updated = v["updated_at"]
    review: dict[str, Any] = {
        "@context": "https://schema.org", "@type": "ClaimReview", "url": v["url"], "claimReviewed": v["claim"],
        "author": author, "datePublished": (updated if isinstance(updated, str) else updated.date().isoformat())[:10],
        "itemReviewed": item, "reviewRating": rating,
    }
    if v.get("explanation"):
        review["reviewBody"] = v["explanation"]
    return review


SCRIPT_ESCAPES = {"<": "\\u003c", ">": "\\u003e", "&": "\\u0026"}


def script_safe_json(value: Any) -> str:
    """`value` as JSON that can be pasted into `<script type="application/ld+json">`: `<`, `>` and `&` written as
    `\\u003c`, `\\u003e`, `\\u0026` (the same JSON to a parser), so that no text can close the block with
    `</script>` or open a comment."""
    text = json.dumps(value, indent=1, ensure_ascii=False)
    return re.sub(r"[<>&]", lambda m: SCRIPT_ESCAPES[m.group()], text)


@lru_cache(maxsize=1)
def schema() -> dict[str, Any]:
    return json.loads(SCHEMA.read_text("utf-8"))


def problems(review: dict[str, Any]) -> list[str]:
    """What is wrong with a ClaimReview object by the JSON Schema (empty: valid)."""
    from jsonschema import Draft202012Validator, FormatChecker

    validator = Draft202012Validator(schema(), format_checker=FormatChecker())
    return [f"{'/'.join(map(str, e.absolute_path)) or '(top)'}: {e.message}" for e in validator.iter_errors(review)]
