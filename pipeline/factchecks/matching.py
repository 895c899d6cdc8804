"""Which fact-checked claims a text is about: hybrid lexical + embedding retrieval with a small learned ranker.

Candidates are the union of the top `POOL` fact-checks by BM25 (bm25s, Snowball-stemmed, English stop words, over
claim + title) and the top `POOL` by embedding similarity (the store's MiniLM, mean of claim and title cosines).
Each candidate gets a few features (cosines, normalised BM25, both ranks, shared numbers and names). Two logistic
regressions trained on the CLEF 2020 task 2 train split (`eval/factcheck_train.py`, weights in
`models/factcheck_ranker.json`) read them:

- the *ranker* uses them all; it knows how a candidate compares with the other candidates, which is what ranks best,
  but in a small collection the only candidate is always "the best", so alone it would be sure of anything;
- the *pair* model uses only what the claim and the fact-check say (cosines, shared numbers and names), the same
  whatever else is stored.

The score is the geometric mean of the two probabilities, in [0, 1]. Two thresholds calibrated on CLEF train say what
a score means: at or above `link` the match is made automatically, at or above `suggest` it is offered to a human.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

import numpy as np

from .. import resources

POOL = 100
NUMBER = re.compile(r"\d+(?:[.,]\d+)*")
NAME = re.compile(r"\b[A-Z][a-z]+\b")
FEATURES = ("cos_claim", "cos_title", "cos_gap", "bm25_norm", "bm25_log", "emb_rank_inv", "bm25_rank_inv",
            "numbers_shared", "numbers_differ", "names_jaccard")
PAIR_FEATURES = ("cos_claim", "cos_title", "numbers_shared", "numbers_differ", "names_jaccard")


def settings() -> dict:
    """Ranker weights and thresholds (models/factcheck_ranker.json), and the URL words to ignore in queries."""
    return resources.load("factcheck_ranker")


def query_text(text: str) -> str:
    """A query as the embedding model should see it: an embedded tweet's sign-off ("— Name (@handle) Month D,
    YYYY") kept as the name only, picture links dropped, hashtags and handles split into words."""
    junk = set(settings()["url_junk_words"])

    def url_words(m: re.Match) -> str:
        words = re.split(r"[^A-Za-z0-9]+", m.group(0))
        return " " + " ".join(w for w in words if w.lower() not in junk and re.fullmatch(r"[a-z]{3,}|[A-Z][a-z]{2,}", w)) + " "

    text = re.sub(r"\s+—\s+([^—]*)\(@\w+\)\s+\w+ \d{1,2}, \d{4}\s*$", r" \1", text)
    text = re.sub(r"pic\.twitter\.com/\S+", " ", text)
    text = re.sub(r"https?://\S+", url_words, text)
    text = re.sub(r"[#@](\w+)", lambda m: re.sub(r"(?<=[a-z])(?=[A-Z])", " ", m.group(1)), text)
    return re.sub(r"\s+", " ", text).strip()


@lru_cache(maxsize=1)
def _stemmer():
    import Stemmer

    return Stemmer.Stemmer("english")


def _tokenize(texts: list[str]):
    import bm25s

    return bm25s.tokenize(texts, stopwords="en", stemmer=_stemmer(), show_progress=False)


@dataclass
class Candidate:
    """One fact-check proposed for one query, with its features and score."""

    index: int
    features: list[float]
    score: float = 0.0


class Matcher:
    """An index over fact-checked claims (their ids, claim texts and titles) that ranks them for query texts."""

    def __init__(self, ids: list[str], claims: list[str], titles: list[str | None],
                 claim_vectors: np.ndarray | None = None, title_vectors: np.ndarray | None = None, embedder=None):
        import bm25s

        if not (len(ids) == len(claims) == len(titles)):
            raise ValueError("ids, claims and titles must be as many")
        self.ids = list(ids)
        self.claims = list(claims)
        self.titles = [t or c for t, c in zip(titles, claims)]
        self._embedder = embedder
        if claim_vectors is None:
            claim_vectors = self.embedder.encode(self.claims)
        if title_vectors is None:
            title_vectors = self.embedder.encode(self.titles)
        self.claim_vectors = np.asarray(claim_vectors, dtype=np.float32)
        self.title_vectors = np.asarray(title_vectors, dtype=np.float32)
        docs = [f"{c} {t}" if t != c else c for c, t in zip(self.claims, self.titles)]
        self.numbers = [set(NUMBER.findall(d)) for d in docs]
        self.names = [set(NAME.findall(d)) for d in docs]
        self.bm25 = bm25s.BM25()
        if self.ids:
            self.bm25.index(_tokenize(docs), show_progress=False)

    @property
    def embedder(self):
        if self._embedder is None:
            from ..linking.embed import shared

            self._embedder = shared()
        return self._embedder

    def __len__(self) -> int:
        return len(self.ids)

    def lexical(self, texts: list[str], k: int) -> list[list[tuple[int, float]]]:
        """BM25: for each text, up to k (fact-check position, score), best first."""
        if not self.ids:
            return [[] for _ in texts]
        k = min(k, len(self.ids))
        positions, scores = self.bm25.retrieve(_tokenize(texts), k=k, show_progress=False, n_threads=1)
        return [[(int(p), float(s)) for p, s in zip(row_p, row_s) if s > 0] for row_p, row_s in zip(positions, scores)]

    def semantic(self, texts: list[str]) -> tuple[np.ndarray, np.ndarray]:
        """Cosine similarity of each query to every fact-check's claim and title (two query x fact-check arrays)."""
        vectors = self.embedder.encode([query_text(t) for t in texts])
        return vectors @ self.claim_vectors.T, vectors @ self.title_vectors.T

    def candidates(self, texts: list[str], pool: int = POOL,
                   exclude: list[set[int]] | None = None) -> list[list[Candidate]]:
        """For each text: the union of the BM25 and embedding top `pool`, each with its feature vector. `exclude`
        (for training and calibration) takes given fact-checks out of each text's collection, as if never stored."""
        if not self.ids or not texts:
            return [[] for _ in texts]
        extra = max((len(e) for e in exclude), default=0) if exclude else 0
        lexical = self.lexical(texts, pool + extra)
        cos_claim, cos_title = self.semantic(texts)
        out = []
        for i, text in enumerate(texts):
            cos = (cos_claim[i] + cos_title[i]) / 2
            gone = exclude[i] if exclude else set()
            if gone:
                cos = cos.copy()
                cos[list(gone)] = -np.inf
            lexical[i] = [(j, b) for j, b in lexical[i] if j not in gone][:pool]
            by_embedding = np.argsort(-cos)[:pool]
            emb_rank = {int(j): r for r, j in enumerate(by_embedding)}
            bm25_rank = {j: r for r, (j, _) in enumerate(lexical[i])}
            bm25 = dict(lexical[i])
            bm25_max = max(bm25.values(), default=0.0) or 1.0
            best_cos = float(cos[by_embedding[0]])
            numbers, names = set(NUMBER.findall(text)), set(NAME.findall(text))
            rows = []
            for j in sorted(set(emb_rank) | set(bm25)):
                b = bm25.get(j, 0.0)
                union = names | self.names[j]
                rows.append(Candidate(j, [
                    float(cos_claim[i, j]), float(cos_title[i, j]), float(cos[j]) - best_cos, b / bm25_max,
                    float(np.log1p(b)), 1 / (emb_rank.get(j, pool) + 1), 1 / (bm25_rank.get(j, pool) + 1),
                    float(bool(numbers & self.numbers[j])),
                    float(bool(numbers) and bool(self.numbers[j]) and not (numbers & self.numbers[j])),
                    len(names & self.names[j]) / len(union) if union else 0.0]))
            out.append(rows)
        return out

    def rank(self, texts: list[str], k: int = 5, method: str = "hybrid") -> list[list[tuple[str, float]]]:
        """For each text, the k best (fact-check id, score). `method`: "hybrid" (the learned ranker, score in
        [0, 1]), or for comparison "bm25" (BM25 score) or "embedding" (mean cosine)."""
        if method == "bm25":
            return [[(self.ids[j], s) for j, s in row[:k]] for row in self.lexical(texts, k)]
        if method == "embedding":
            if not self.ids:
                return [[] for _ in texts]
            cos_claim, cos_title = self.semantic(texts)
            cos = (cos_claim + cos_title) / 2
            return [[(self.ids[j], float(row[j])) for j in np.argsort(-row)[:k]] for row in cos]
        if method != "hybrid":
            raise ValueError(f"unknown method {method!r}: hybrid, bm25 or embedding")
        out = []
        for rows in self.candidates(texts):
            if not rows:
                out.append([])
                continue
            scores = score(rows)
            best = np.argsort(-scores, kind="stable")[:k]
            out.append([(self.ids[rows[b].index], float(scores[b])) for b in best])
        return out


def probability(rows: list[Candidate], model: str) -> np.ndarray:
    """One of the two models' probability that each candidate matches: "ranker" or "pair"."""
    weights = settings()[model]["weights"]
    columns = [FEATURES.index(f) for f in weights]
    logits = np.array([r.features for r in rows])[:, columns] @ np.array(list(weights.values()))
    return 1 / (1 + np.exp(-(logits + settings()[model]["intercept"])))


def score(rows: list[Candidate]) -> np.ndarray:
    """The match score in [0, 1] of each candidate: the geometric mean of the ranker's and the pair model's
    probabilities."""
    return np.sqrt(probability(rows, "ranker") * probability(rows, "pair"))


def status(score: float) -> str:
    """What a hybrid score means, by the thresholds calibrated on CLEF train: "link", "suggest" or "weak"."""
    thresholds = settings()["thresholds"]
    if score >= thresholds["link"]:
        return "link"
    if score >= thresholds["suggest"]:
        return "suggest"
    return "weak"


def figures_of(text: str, side: str, nlp=None) -> list:
    """The figures a short text states, as `linking.compare.Figure`s of `side` ("claim" or "fact-check"), read by
    our quantity stage on the text alone; none for a text the pipeline refuses (over its length limit), so that one
    odd fact-check never breaks a query."""
    from ..extraction import ExtractionError, extract
    from ..linking.compare import Figure

    try:
        result = extract(text, nlp)
    except ExtractionError:
        return []
    return [Figure("", side, None, None, text, q.text, q.value, q.low, q.high, q.unit_normalized, q.kind, q.qualifier,
                   q.counted) for q in result.quantities]


def figure_relation(claim: list, fact_check: list) -> dict | None:
    """How the figures of a claim and of a fact-checked claim (`figures_of` each side) relate: None when none
    measure the same kind of thing; "conflict" when, for some kind of thing both measure, no pair of figures can
    both be true ("4 percent" vs "40 percent", even if both also say "106 shootings"); else "agree"."""
    from ..linking.compare import agree, comparable, dimension

    pairs = [(a, b) for a in claim for b in fact_check if comparable(a, b)]
    if not pairs:
        return None
    by_dimension: dict = {}
    for a, b in pairs:
        by_dimension.setdefault(dimension(a), []).append((a, b))
    conflicting = [p for ps in by_dimension.values() if not any(agree(a, b) for a, b in ps) for p in ps]
    shown = conflicting or [(a, b) for a, b in pairs if agree(a, b)]
    return {"relation": "conflict" if conflicting else "agree",
            "pairs": [{"claim": a.text, "fact_check": b.text} for a, b in shown]}


def stored_matcher(store, embedder) -> Matcher:
    """A `Matcher` over the fact-checks kept in `store`, with their stored embeddings (queries embedded by
    `embedder`)."""
    ids, claims, titles, claim_vectors, title_vectors = store.factcheck_index()
    return Matcher(ids, claims, titles, claim_vectors, title_vectors, embedder=embedder)


def stored_claim_figures(store) -> dict[str, list]:
    """The stored figures of every claim in `store` (`linking.compare.Figure`s), by claim id."""
    by_claim: dict[str, list] = {}
    for figure in store.figures():
        by_claim.setdefault(figure.claim_id, []).append(figure)
    return by_claim


def match_many(store, matcher: Matcher, texts: list[str], k: int = 5, nlp=None,
               text_figures: list[list] | None = None) -> list[list[dict]]:
    """For each text, its k best fact-checks in `store` as ranked by `matcher`: id, score, status (link / suggest /
    weak by the calibrated thresholds; conflict instead of link when both are about the same thing but their figures
    cannot both be true), verdict, rating, url, claim, publisher, and how the figures relate (`figures`: None, or
    relation agree / conflict with the pairs compared). Figures are compared when `nlp` is given: a fact-check's read
    by it, a text's taken from `text_figures` where known (stored claims), else read by it too."""
    ranked = matcher.rank(texts, k=k)
    checks = store.factchecks_by_id(sorted({i for hits in ranked for i, _ in hits}))
    checked_figures: dict[str, list] = {}  # a fact-check matched by several texts is read once
    out = []
    for n, (query, hits) in enumerate(zip(texts, ranked)):
        if nlp is None:
            own = []
        else:
            own = text_figures[n] if text_figures is not None else figures_of(query, "claim", nlp)
        matches = []
        for fid, score in hits:
            fc = checks.get(fid)
            if fc is None:  # deleted since the matcher was built
                continue
            if own and fid not in checked_figures:
                checked_figures[fid] = figures_of(fc["claim"], "fact-check", nlp)
            relation = figure_relation(own, checked_figures[fid]) if own else None
            matches.append(match_record(fc, score, relation))
        out.append(matches)
    return out


def match_record(fact_check: dict, score: float, relation: dict | None) -> dict:
    """One match as written out: the fact-check, its score, its status and how the figures relate."""
    state = status(score)
    if relation and relation["relation"] == "conflict" and state == "link":
        state = "conflict"  # the same claim with other figures: never linked as a confirmation
    return {"fact_check_id": fact_check["id"], "score": round(score, 4), "status": state,
            "verdict": fact_check["verdict"], "rating": fact_check["rating"], "url": fact_check["url"],
            "claim": fact_check["claim"], "publisher": fact_check["publisher"], "figures": relation}
