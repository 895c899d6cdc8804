"""CLEF 2020 CheckThat! task 2 (English claim retrieval): the verified claims, the tweet queries and their relevance
judgements, read from the directory given (by default ../shared/data/clef2020-task2). Only train and dev exist there.
"""
from __future__ import annotations

import csv
import hashlib
import re
import unicodedata
from dataclasses import dataclass
from pathlib import Path

import numpy as np

DEFAULT = Path(__file__).resolve().parent.parent.parent / "shared" / "data" / "clef2020-task2"
CACHE = Path(__file__).resolve().parent.parent / ".newsclaims" / "cache"


@dataclass
class Split:
    """Queries (id -> tweet) that have at least one relevant verified claim, and those claims' ids."""

    queries: dict[str, str]
    relevant: dict[str, set[str]]


def _tsv(path: Path) -> list[list[str]]:
    csv.field_size_limit(2**31 - 1)
    with path.open(encoding="utf-8", newline="") as f:
        rows = list(csv.reader(f, delimiter="\t"))
    return rows[1:]


def verified_claims(root: Path = DEFAULT) -> tuple[list[str], list[str], list[str]]:
    """Ids, claim texts and fact-check titles of the 10,375 verified claims."""
    rows = _tsv(root / "verified_claims.docs.tsv")
    return [r[0] for r in rows], [r[1] for r in rows], [r[2] if len(r) > 2 else "" for r in rows]


def split(name: str, root: Path = DEFAULT) -> Split:
    if name not in ("train", "dev"):
        raise ValueError("only the train and dev splits of CLEF 2020 task 2 are used here")
    queries = {r[0]: r[1] for r in _tsv(root / name / "tweets.queries.tsv")}
    relevant: dict[str, set[str]] = {}
    for line in (root / name / "tweet-vclaim-pairs.qrels").read_text("utf-8").split("\n"):
        if line.strip():
            qid, _, doc, rel = line.split()
            if int(rel) > 0:
                relevant.setdefault(qid, set()).add(doc)
    return Split({q: t for q, t in queries.items() if q in relevant}, relevant)


def same_text(claim: str) -> str:
    """A verified claim's text with case, quote marks, punctuation and spacing taken out: what two stored copies of
    one fact-check have in common (`'Incredibles 2'` and `"Incredibles 2"`)."""
    text = re.sub(r"[\"'\u2018\u2019\u201c\u201d`\u00b4]", "", unicodedata.normalize("NFKC", claim).lower())
    return re.sub(r"[^\w]+", " ", text).strip()


def copies(root: Path = DEFAULT) -> dict[str, frozenset[str]]:
    """For each verified claim stored more than once (same `same_text`; in CLEF 2020 184 claims, nearly all the same
    Snopes article scraped twice with different quote marks), the ids of all its copies, itself included. The qrels
    mark one copy as relevant; the matcher cannot tell the copies apart, so a link to another copy is a right link
    (MAP@5, the official measure, still counts only the marked copy)."""
    ids, claims, _ = verified_claims(root)
    groups: dict[str, list[str]] = {}
    for i, c in zip(ids, claims):
        groups.setdefault(same_text(c), []).append(i)
    return {i: frozenset(g) for g in groups.values() if len(g) > 1 for i in g}


def with_copies(relevant: set[str], stored: dict[str, frozenset[str]]) -> set[str]:
    """The relevant claims and every stored copy of them."""
    return set(relevant).union(*(stored.get(d, ()) for d in relevant))


def binomial_se(right: int, n: int) -> float:
    """Standard error of a proportion right/n (binomial); at 0 or n right, that of (n - 1/2)/n, so that a perfect
    score on few cases is not taken for a certain one."""
    if n == 0:
        return float("nan")
    p = min(max(right, 0.5), n - 0.5) / n
    return float(np.sqrt(p * (1 - p) / n))


def wilson(right: int, n: int, z: float = 1.96) -> tuple[float, float]:
    """The Wilson interval of a proportion right/n (95% by default): unlike p ± 2 SE, honest near 0 and 1."""
    if n == 0:
        return float("nan"), float("nan")
    p = right / n
    centre = (p + z * z / (2 * n)) / (1 + z * z / n)
    half = z * np.sqrt(p * (1 - p) / n + z * z / (4 * n * n)) / (1 + z * z / n)
    return float(centre - half), float(centre + half)


def mean_se(values) -> float:
    """Standard error of a mean over queries (sample standard deviation / sqrt(n))."""
    values = np.asarray(values, dtype=float)
    return float(values.std(ddof=1) / np.sqrt(len(values))) if len(values) > 1 else float("nan")


def bootstrap_se(values, resamples: int = 10000, seed: int = 0) -> float:
    """Standard error of a mean over queries by resampling the queries (fixed seed)."""
    values = np.asarray(values, dtype=float)
    draws = np.random.default_rng(seed).integers(0, len(values), size=(resamples, len(values)))
    return float(values[draws].mean(axis=1).std(ddof=1))


def matcher(root: Path = DEFAULT):
    """A `Matcher` over the verified claims; their embeddings cached under .newsclaims/cache (keyed by the data
    file and the model) so that repeated eval runs do not spend a minute re-embedding."""
    from pipeline.factchecks.matching import Matcher
    from pipeline.linking.embed import model_path, shared

    ids, claims, titles = verified_claims(root)
    key = hashlib.sha1((root / "verified_claims.docs.tsv").read_bytes() + str(model_path()).encode()).hexdigest()[:16]
    path = CACHE / f"clef2020-{key}.npz"
    if path.exists():
        cached = np.load(path)
        return Matcher(ids, claims, titles, cached["claims"], cached["titles"])
    m = Matcher(ids, claims, titles, embedder=shared())
    path.parent.mkdir(parents=True, exist_ok=True)
    np.savez(path, claims=m.claim_vectors, titles=m.title_vectors)
    return m


def average_precision(ranked: list[str], relevant: set[str], k: int = 5) -> float:
    """AP@k as the CLEF 2020 scorer computes it (divided by min(|relevant|, k))."""
    hits = total = 0.0
    for i, doc in enumerate(ranked[:k]):
        if doc in relevant:
            hits += 1
            total += hits / (i + 1)
    return total / min(len(relevant), k) if relevant else 0.0


def reciprocal_rank(ranked: list[str], relevant: set[str]) -> float:
    return next((1 / (i + 1) for i, doc in enumerate(ranked) if doc in relevant), 0.0)


def recall(ranked: list[str], relevant: set[str], k: int = 5) -> float:
    return len(set(ranked[:k]) & relevant) / len(relevant) if relevant else 0.0
