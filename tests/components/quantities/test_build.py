"""Building a quantity around a number (`pipeline.components.quantities.build`): each step on a `Draft`, and
`quantity_at` on blank or hand-built Docs."""
import pytest

from pipeline.components.quantities import build, filters
from pipeline.components.quantities.build import Draft, quantity_at, take_negator, take_qualifier, take_rate_base
from pipeline.components.quantities.find import quantities_of
from pipeline.components.quantities.numbers import parse_number

from .docs import built, doc_of, first_token_at


def quantity(doc, surface):
    """The quantity built around the number written `surface` in `doc`."""
    return quantity_at(doc, parse_number(doc, first_token_at(doc, surface)))[1]


def draft_of(number):
    """A fresh draft for `number`, as `quantity_at` starts it."""
    return Draft(number.start_char, number.end_char, number.value, number.kind, number.qualifier or "=")


@pytest.mark.parametrize("text, surface, fields", [
    ("The fund holds $4.2 billion.", "4.2", dict(text="$4.2 billion", value=4.2e9, kind="money", unit_normalized="USD")),
    ("It lost ($99.99) there", "99.99", dict(text="($99.99)", value=-99.99, kind="money")),
    ("It cost 4,500 yuan ($640).", "640", dict(text="$640", value=640, unit_normalized="USD")),  # a conversion
    ("It paid A$2.1 billion ($1.4 billion).", "1.4", dict(text="$1.4 billion", value=1.4e9)),
    ("It is about 780,000 km (480,000 miles) away", "480,000", dict(text="480,000 miles", qualifier="~")),
    ("It paid nearly A$2.1 billion ($1.4 billion).", "1.4", dict(text="$1.4 billion", qualifier="~")),
    ("About 40 people (12 of them children) came", "12", dict(qualifier="=")),  # a part, not a conversion
    ("Nearly 30 percent (40 percent in cities) agree", "40", dict(qualifier="=")),
    ("He earns $15 an hour", "15", dict(text="$15 an hour", unit_normalized="USD / hour")),
    ("It costs 15€ now", "15", dict(text="15€", unit_normalized="EUR", kind="money")),
    ("cost 10 to 20 billion dollars", "10", dict(low=10e9, high=20e9, value=None, unit_normalized="USD")),
    ("between 10 and 20 percent died", "10", dict(text="between 10 and 20 percent", low=10, high=20)),
    ("a rate of 5.3 per 100,000 residents", "5.3", dict(kind="rate", base=100000, counted="residents",
                                                         unit_normalized="per 100000 residents")),
    ("Support slipped 2 percentage points", "2", dict(unit_normalized="percentage point", kind="percent")),
    ("more than 90 miles", "90", dict(text="more than 90 miles", qualifier=">", unit_normalized="mile")),
    ("just 18 percent of shots", "18", dict(text="18 percent", qualifier="=")),
    ("minus 5 percent", "5", dict(text="minus 5 percent", value=-5)),
    ("3 times the rate", "3", dict(kind="multiple", unit_normalized="times")),
    ("3 times a week", "3", dict(kind="frequency", unit="times a week", unit_normalized="1 / week")),
    ("1 in 5 teens", "1", dict(kind="ratio", unit="ratio", value=0.2)),
    ("Rice, who turned 50 on Sunday", "50", dict(kind="age", unit_normalized="year")),
    ("it measured 7.1 on the Richter scale", "7.1", dict(kind="scale", unit_normalized="Richter scale", text="7.1")),
    ("a magnitude 6.1 earthquake", "6.1", dict(kind="magnitude", counted=None, text="6.1")),
    ("a 6.1 magnitude quake", "6.1", dict(kind="magnitude", text="6.1 magnitude")),
    ("it took 6 or 7 months", "6", dict(text="6 or 7 months", low=6, high=7, unit_normalized="month")),
    ("shares traded from $12 to $9.", "12", dict(low=9, high=12, previous=None)),  # no change verb: a range
    ("prices from $5 to $10.", "5", dict(low=5, high=10, previous=None)),
    ("The Fed cut rates by 25 basis points", "25", dict(unit_normalized="basis point", kind="percent")),
])
def test_quantities_built_around_a_number(text, surface, fields):
    q = quantity(doc_of(text), surface)
    assert {k: getattr(q, k) for k in fields} == {k: pytest.approx(v) if isinstance(v, float) else v
                                                  for k, v in fields.items()}


def test_a_count_over_a_duration_is_a_rate_of_what_it_counts_but_a_time_ago_is_not():
    doc = built(["sent", "50", "men", "a", "day", "."], pos=["VERB", "NUM", "NOUN", "DET", "NOUN", "PUNCT"],
                tags=["VBD", "CD", "NNS", "DT", "NN", "."])
    q = quantity(doc, "50")
    assert (q.text, q.kind, q.unit_normalized, q.counted) == ("50 men a day", "rate", "men / day", "men")
    doc = built(["hired", "5", "men", "a", "year", "ago"], pos=["VERB", "NUM", "NOUN", "DET", "NOUN", "ADV"],
                tags=["VBD", "CD", "NNS", "DT", "NN", "RB"])
    assert quantity(doc, "5").kind == "count"
    doc = built(["gave", "3", "workers", "a", "week", "'s", "notice"],
                spaces=[True, True, True, True, False, True, False],
                pos=["VERB", "NUM", "NOUN", "DET", "NOUN", "PART", "NOUN"],
                tags=["VBD", "CD", "NNS", "DT", "NN", "POS", "NN"])
    assert quantity(doc, "3").kind == "count"


def test_from_one_figure_to_another_after_a_verb_of_change_in_the_clause_is_a_change_with_its_rate():
    words = ["lower", "the", "wage", "from", "$", "10", "an", "hour", "to", "$", "7.70", "."]
    spaces = [True, True, True, True, False, True, True, True, True, False, False, False]
    pos = ["VERB", "DET", "NOUN", "ADP", "SYM", "NUM", "DET", "NOUN", "ADP", "SYM", "NUM", "PUNCT"]
    doc = built(words, spaces=spaces, pos=pos, lemmas=[w.lower() for w in words])
    q = quantity(doc, "10")
    assert (q.value, q.previous, q.change, q.unit_normalized) == (7.7, 10, "down", "USD / hour")


def test_two_figures_joined_by_or_or_by_a_falling_to_are_no_range():
    assert [q.text for _, q in quantities_of(doc_of("won 10 or 5 seats"))] == ["10", "5"]  # blank: no counted noun
    assert [q.text for _, q in quantities_of(doc_of("leads 50% to 40% now"))] == ["50%", "40%"]
    assert [q.text for _, q in quantities_of(doc_of("either 10 bln or 10 tln"))] == ["10 bln", "10 tln"]
    assert [q.text for _, q in quantities_of(doc_of("by 25 or 50 now"))] == ["25", "50"]  # alternatives far apart


def test_a_number_the_filters_reject_builds_nothing():
    doc = doc_of("Traffic on Route 66 was closed")
    assert quantity_at(doc, parse_number(doc, 3)) is None


def test_the_first_of_two_coordinated_numbers_takes_the_shared_unit():
    q = quantity(doc_of("doses of 45 and 50 mg"), "45")
    assert (q.text, q.unit_normalized, q.kind) == ("45", "milligram", "mass")


def test_the_unit_after_the_number_is_parsed_once(monkeypatch):
    calls = []
    real = filters.unit_after
    monkeypatch.setattr(filters, "unit_after", lambda doc, number: calls.append(number) or real(doc, number))
    monkeypatch.setattr(build, "unit_after", lambda *a: pytest.fail("parsed again"))
    q = quantity(doc_of("The trail runs 6.5 miles."), "6.5")
    assert q.unit_normalized == "mile" and len(calls) == 1


def test_take_negator_flips_the_value_and_the_range():
    doc = doc_of("negative 3 to 5 degrees")
    draft = draft_of(parse_number(doc, 1))
    draft.value, draft.low, draft.high = None, 3.0, 5.0
    take_negator(doc, parse_number(doc, 1), draft)
    assert (draft.start_char, draft.low, draft.high, draft.value) == (0, -5.0, -3.0, None)


def test_take_qualifier_moves_the_start_unless_it_stays_outside():
    doc = doc_of("at least 12 were hurt")
    number = parse_number(doc, 2)
    draft = draft_of(number)
    assert take_qualifier(doc, number, draft) == 2 and (draft.qualifier, draft.start_char) == (">=", 0)
    doc = doc_of("only 3 officers")
    number = parse_number(doc, 1)
    draft = draft_of(number)
    take_qualifier(doc, number, draft)
    assert (draft.qualifier, draft.start_char) == ("=", number.start_char)


def test_take_rate_base_only_for_a_bare_count():
    doc = doc_of("5.3 per 100,000 residents")
    draft = draft_of(parse_number(doc, 0))
    draft.unit_text = "cases"
    take_rate_base(doc, draft)
    assert draft.base is None and draft.kind == "count"


def test_counted_noun_from_the_parse():
    doc = built(["Forty", "-", "seven", "homes", "burned"], spaces=[False, False, True, True, False],
                tags=["CD", "HYPH", "CD", "NNS", "VBD"], pos=["NUM", "PUNCT", "NUM", "NOUN", "VERB"],
                heads=[3, 2, 3, 4, 4], deps=["nummod", "punct", "nummod", "nsubj", "ROOT"])
    q = quantity_at(doc, parse_number(doc, 0))[1]
    assert (q.text, q.value, q.counted) == ("Forty-seven homes", 47, "homes")


def test_a_parenthesised_amount_after_a_noun_is_an_aside_not_a_negative():
    doc = built(["Revenue", "(", "$", "5.2", ")", "fell"], spaces=[True, False, False, False, True, False],
                pos=["NOUN", "PUNCT", "SYM", "NUM", "PUNCT", "VERB"])
    assert build.an_aside(doc, doc[1].idx) and quantity(doc, "5.2").value == 5.2



def test_a_negator_glued_by_a_hyphen_joins_and_flips():
    q = quantity(doc_of("It was minus-40 degrees."), "minus-40")
    assert (q.text, q.value, q.unit_normalized) == ("minus-40 degrees", -40, "degree")


@pytest.mark.parametrize("words, ents, surface", [
    (["He", "died", "at", "the", "age", "of", "92", "."], None, "92"),
    (["He", "was", "aged", "12", "then"], None, "12"),
    (["Jillian", "Chase", ",", "27", ",", "said", "so"], ["B-PERSON", "I-PERSON", "O", "O", "O", "O", "O"], "27"),
])
def test_a_bare_number_that_is_an_age(words, ents, surface):
    q = quantity(built(words, ents=ents) if ents else built(words), surface)
    assert (q.kind, q.unit_normalized) == ("age", "year")


def test_a_number_after_a_name_and_comma_that_is_no_person_is_no_age():
    q = quantity(built(["Ohio", ",", "27", ",", "said", "so"], ents=["B-GPE", "O", "O", "O", "O", "O"]), "27")
    assert q.kind == "count"


def test_partitives_count_what_the_of_phrase_names():
    doc = built(["six", "of", "the", "past", "seven", "contests"], tags=["CD", "IN", "DT", "JJ", "CD", "NNS"],
                pos=["NUM", "ADP", "DET", "ADJ", "NUM", "NOUN"], heads=[0, 0, 5, 5, 5, 1],
                deps=["ROOT", "prep", "det", "amod", "nummod", "pobj"])
    assert quantity(doc, "six").counted == "contests"


def test_a_count_out_of_a_group_counts_what_the_group_names():
    doc = built(["four", "out", "of", "the", "five", "updates"], tags=["CD", "IN", "IN", "DT", "CD", "NNS"],
                pos=["NUM", "ADP", "ADP", "DET", "NUM", "NOUN"], heads=[0, 0, 1, 5, 5, 2],
                deps=["ROOT", "prep", "prep", "det", "nummod", "pobj"])
    assert quantity(doc, "four").counted == "updates"


@pytest.mark.parametrize("words, change", [(["It", "will", "more", "than", "double", "the", "staff"], "up"),
                                           (["They", "plan", "to", "double", "the", "budget"], "up"),
                                           (["It", "is", "double", "the", "size"], None)])
def test_a_multiple_after_a_modal_or_to_is_a_verb_of_change(words, change):
    lemmas = ["be" if w == "is" else w.lower() for w in words]
    pos = ["AUX" if w in ("will", "is") else "PART" if w == "to" else "X" for w in words]
    doc = built(words, lemmas=lemmas, pos=pos)
    assert build.changed_by_multiple(doc, parse_number(doc, words.index("double"))) == change


@pytest.mark.parametrize("text, surface, qualifier", [("It cost near-$18", "$18", "="),
                                                      ("nearly-$18 million", "nearly-$18 million", "~"),
                                                      ("an over-50", "over-50", ">")])
def test_a_word_glued_before_a_figure_at_the_end_of_the_text(text, surface, qualifier):
    (span, q), = quantities_of(doc_of(text))
    assert (q.text, q.qualifier) == (surface, qualifier) and text[q.start:q.end] == q.text


@pytest.mark.parametrize("text, surface, written, inches", [
    ("He is 6'2\" tall.", "6'2", "6'2\"", 74), ("An 8’10” gar.", "8’10", "8’10”", 106),
    ("He is 6′2″ now.", "6′2", "6′2″", 74), ("A 6-foot-2 guard.", "6", "6-foot-2", 74),
])
def test_feet_and_inches_are_one_length_in_inches(text, surface, written, inches):
    doc = doc_of(text)
    q = quantity_at(doc, parse_number(doc, next(t.i for t in doc if t.text.startswith(surface))))[1]
    assert (q.text, q.value, q.unit_normalized, q.kind) == (written, inches, "inch", "length")


def test_an_age_decade_is_a_range_of_years_of_age():
    doc = built(["She", "was", "in", "her", "20s", "."], tags=["PRP", "VBD", "IN", "PRP$", "NNS", "."])
    q = quantity(doc, "20s")
    assert (q.low, q.high, q.kind, q.unit_normalized) == (20, 29, "age", "year")


@pytest.mark.parametrize("text, surface", [("It lies at 40°45'07\" N.", "45'07"), ("The lap took 2'05\" today.", "2'05")])
def test_minutes_and_seconds_are_no_feet_and_inches(text, surface):
    doc = doc_of(text)
    i = next(t.i for t in doc if t.text.startswith(surface[:2]) or t.text.endswith(surface[:2]))
    number = parse_number(doc, i)
    built_one = quantity_at(doc, number) if number is not None else None
    assert built_one is None or built_one[1].unit_normalized != "inch"
