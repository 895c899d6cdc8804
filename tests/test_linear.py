"""Every newsclaims stage stays linear in its input: four times the input may cost at most eight times the CPU time
(linear is four, quadratic sixteen). Each input is parsed once by spaCy's own components; only our stages (and our
tokenization of long runs) are timed, in the same process, as a ratio, so a busy machine moves both sides alike."""
from __future__ import annotations

import time

import pytest

from pipeline.extraction import make_doc

OUR_STAGES = ("newsclaims_entities", "newsclaims_quantities", "newsclaims_attributions", "newsclaims_claims")
BOUND = 8.0


def our_stages_seconds(nlp, text: str) -> float:
    """CPU seconds of our stages on `text`, parsed beforehand by the components before them (best of two)."""
    doc = make_doc(nlp, text)
    for name, component in nlp.pipeline:
        if name not in OUR_STAGES:
            doc = component(doc)
    best = float("inf")
    for _ in range(2):
        start = time.process_time()
        for name in OUR_STAGES:
            doc = nlp.get_pipe(name)(doc)
        best = min(best, time.process_time() - start)
    return best


def ratio(cost, small: str, large: str, warm_up: str | None = None) -> float:
    cost(warm_up or small)
    a, b = cost(small), cost(large)
    print(f"{len(small):,} chars: {a:.3f} s; {len(large):,} chars: {b:.3f} s; ratio {b / a:.2f} (bound {BOUND})")
    return b / a


def percentages(n: int) -> str:
    return "Rates were " + ", ".join(f"{i % 90 + 1} percent in {2000 + i % 20}" for i in range(n)) + "."


def unpunctuated(n: int) -> str:
    """A sentence of `n` words with no punctuation, a cue verb in every seven."""
    return " ".join(("word", "said", "the", "mayor", "that", "people", "were")[i % 7] for i in range(n))


def vague_amounts(n: int) -> str:
    """"hundreds of" nested `n` times, with "one", glued qualifiers and hanging hyphens between: the forms of issue 16
    that read around a number."""
    return "hundreds of " * n + " ".join(("one", "near-$18", "two-,", "minus-40", "$5 a share")[i % 5] for i in range(n)) + "."


def small_integers(n: int) -> str:
    """Bare small integers, two values repeated: what `numbered_sequence` looks back and forward through."""
    return "Then " + " and ".join(("1 Ann", "2 Bob")[i % 2] for i in range(n)) + "."


@pytest.mark.parametrize("make, n", [(percentages, 300), (unpunctuated, 5000), (vague_amounts, 300),
                                     (small_integers, 1000)])
def test_our_stages_are_linear_in_one_long_sentence(nlp, make, n):
    assert ratio(lambda text: our_stages_seconds(nlp, text), make(n), make(4 * n)) < BOUND


def test_tokenizing_a_long_run_of_quote_marks_is_linear(nlp):
    import random

    def cost(text: str) -> float:
        start = time.process_time()
        doc = make_doc(nlp, text)
        assert doc.text == text
        return time.process_time() - start

    def quotes(n: int) -> str:  # no two stretches alike, so spaCy's cache of chunks it has seen does not help
        marks = random.Random(n)
        return 'He said "' + "".join(marks.choice("\"'“”") for _ in range(n)) + " ok."

    assert ratio(cost, quotes(5000), quotes(20000), warm_up=quotes(3000)) < BOUND
