"""The quantity stage's word lists (`models/numbers.json`, `quantity_rules.json`, `quantity_words.json`,
`units.json`), keyed for lookup once per set of data files."""
from __future__ import annotations

import re

from ... import resources

DATA_FILES = ("numbers", "quantity_rules", "units", "quantity_words")


def tables() -> dict:
    """Number words, unit surfaces and context rules, keyed for lookup (built once per set of data files)."""
    return resources.derived(build_tables, *DATA_FILES)


def build_tables(numbers: dict, rules: dict, unit_data: dict, words: dict) -> dict:
    """The lookup tables of `tables` from the data files."""
    units, symbols = {}, {}
    for unit in unit_data["units"]:
        for surface in unit["surface"]:
            units[tuple(surface.split())] = unit
        for symbol in unit.get("symbols", []):
            symbols[symbol] = unit
    qualifiers = {tuple(k.split()): v for k, v in rules["qualifiers"].items()}
    return {"numbers": numbers, "rules": rules, "words": words, "units": units, "symbols": symbols,
            "qualifiers": qualifiers, "unit_data": unit_data, "unit_kinds": {},
            "max_unit_len": max(len(k) for k in units), "max_qualifier_len": max(len(k) for k in qualifiers),
            "qualifiers_outside_span": {tuple(q.split()) for q in rules["qualifiers_outside_span"]},
            "small": {**numbers["units"], **numbers["tens"]},
            "big_scales": {k: v for k, v in numbers["scales"].items() if len(k) > 2},
            "literal": literal_pattern(words["unicode_fractions"]),
            "rate_adverb": re.compile(r"\s+(" + "|".join(map(re.escape, words["rate_adverbs"])) + r")\b"),
            "inch_adjective": re.compile(r"(" + "|".join(map(re.escape, words["inch_adjectives"])) + r")\b"),
            "times_frequency": re.compile(r"\s+(?:per|a|an|each|every)\s+("
                                          + "|".join(map(re.escape, words["times_frequency_units"])) + r")\b")}


def literal_pattern(unicode_fractions: dict) -> re.Pattern:
    """A digit literal, read off the text: sign, grouped or plain digits, decimals, exponent, a mixed or plain
    fraction ("1,200", "1 234 567", "-1e-3", "2.48×10−5", "2 1/2", "3⅓")."""
    glyphs = "".join(unicode_fractions)
    return re.compile(
        r"(?P<sign>[-−–](?=\d|\.\d))?"
        r"(?P<num>\d{1,3}(?:(?P<sep>[,\u00a0\u202f\u2009 ])\d{3}(?!\d))(?:(?P=sep)\d{3}(?!\d))*(?:\.\d+)?|\d+(?:\.\d+)?|\.\d+)"
        r"(?P<exp>[eE][-+−]?\d+(?![A-Za-z])|\s?[x×]\s?\d+(?:\^[-+−]?\d+|[-−]\d+)|\^[-+−]*\d+)?"
        rf"(?P<frac>[/\u2044]\d+(?![\d/])|[ \u00a0]\d+[/\u2044]\d+(?![\d/])|[{glyphs}])?"
    )
