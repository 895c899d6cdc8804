"""Entities one across articles, in a real store (SQLite and PostgreSQL): a short form one article defines names its
long form's entity in every article, stored before or after; a name typed an organization here and an agency there
is one entity; a shorter name of another body stays apart."""
import pytest

from pipeline.records import Article, Attribution, Claim, Entity, Quantity, Result, Source, TextSpan
from pipeline.store import Store

CDC = "Centers for Disease Control and Prevention"


def article(article_id: str, text: str, names: list[tuple[str, str, str]], source: str | None = None) -> Result:
    """An article of one claim ("... 40 percent ..."), its entities (text, kind, canonical), and the claim's source
    (the text of one of them)."""
    entities, seen = [], {}
    for n, (name, kind, canonical) in enumerate(names, start=1):
        start = text.index(name, seen.get(name, 0))
        seen[name] = start + 1
        entities.append(Entity(f"e{n}", name, start, start + len(name), kind, "ORG", canonical))
    at = text.index("40 percent")
    quantity = Quantity("q1", "40 percent", at, at + 10, 40.0, unit="percent", unit_normalized="percent",
                        kind="percent")
    attributions = []
    if source:
        e = next(e for e in entities if e.text == source)
        cue = text.index("said")
        attributions = [Attribution("a1", "indirect", Source(e.text, e.start, e.end, e.id, e.canonical),
                                    TextSpan("said", cue, cue + 4), TextSpan(text[:cue - 1], 0, cue - 1))]
    claim = Claim("c1", text[:at + 10], 0, at + 10, ["q1"], "a1" if source else None, source)
    return Result(Article(article_id), text, entities, [quantity], attributions, [claim])


DEFINES = article("defines", f"Cases rose 40 percent, the {CDC} (CDC) said. The CDC said more.",
                  [(CDC, "agency", CDC), ("CDC", "agency", CDC), ("CDC", "agency", CDC)], source=CDC)
SHORT = article("short", "Cases rose 40 percent, the CDC said.", [("CDC", "agency", "CDC")], source="CDC")
TYPED_ORG = article("typed-org", "Cases rose 40 percent, the CDC said.", [("CDC", "organization", "CDC")])
OTHER = article("other", "Turnout rose 40 percent, Texas State said.", [("Texas State", "organization", "Texas State")])
UNIVERSITY = article("university", "Turnout rose 40 percent, Texas State University said.",
                     [("Texas State University", "organization", "Texas State University")])


@pytest.mark.parametrize("order", [[DEFINES, SHORT, TYPED_ORG], [SHORT, TYPED_ORG, DEFINES]])
def test_a_defined_short_form_is_its_long_form_in_every_article(store_url, order):
    store = Store.open(store_url)
    store.add(order + [OTHER, UNIVERSITY])
    expected = {"defines", "short", "typed-org"}
    for name in ("CDC", CDC, "cdc"):
        assert {c.article_id for c in store.claims(entity=name)} == expected
    assert {c.article_id for c in store.claims(entity="Texas State")} == {"other"}
    [cdc] = [s for s in store.sources() if s.source in ("CDC", CDC)]
    assert cdc.attributions == 2 and cdc.articles == 2 and sorted(cdc.claim_ids) == ["defines#c1", "short#c1"]


def one_name(article_id: str, name: str, kind: str, canonical: str | None = None) -> Result:
    """An article of one claim naming one entity (as `name`, of `canonical`)."""
    return article(article_id, f"Cases rose 40 percent, {name} said.", [(name, kind, canonical or name)])


@pytest.mark.parametrize("order", [0, 1])
def test_a_surname_is_the_one_stored_person_of_that_name_either_way_round(store_url, order):
    pair = [one_name("full", "Jerome Powell", "person"), one_name("surname", "Powell", "person")]
    store = Store.open(store_url)
    store.add(pair if order == 0 else pair[::-1])
    assert {c.article_id for c in store.claims(entity="Powell")} == {"full", "surname"}


def test_a_surname_two_stored_people_share_stays_apart(store_url):
    store = Store.open(store_url)
    store.add([one_name("nitish", "Nitish Kumar", "person"), one_name("rajiv", "Rajiv Kumar", "person"),
               one_name("kumar", "Kumar", "person")])
    assert {c.article_id for c in store.claims(entity="Kumar")} == {"kumar"}
    assert {c.article_id for c in store.claims(entity="Rajiv Kumar")} == {"rajiv"}


@pytest.mark.parametrize("order", [0, 1])
def test_initials_are_the_one_stored_body_they_fit(store_url, order):
    pair = [one_name("full", "World Health Organization", "organization"), one_name("acronym", "WHO", "agency")]
    store = Store.open(store_url)
    store.add(pair + [one_name("bls", "Bureau of Labor Statistics", "agency"), one_name("place", "Wales", "place")]
              if order == 0 else pair[::-1])
    assert {c.article_id for c in store.claims(entity="WHO")} == {"full", "acronym"}


def test_a_body_named_first_in_a_longer_name_is_no_short_form_of_it(store_url):
    inside = article("inside", "Cases rose 40 percent, the UN Development Programme said; the UN said more.",
                     [("UN Development Programme", "organization", "UN Development Programme"),
                      ("UN", "organization", "UN Development Programme")])
    store = Store.open(store_url)
    store.add([inside, one_name("un", "UN", "organization")])
    assert {c.article_id for c in store.claims(entity="UN")} == {"un"}


def test_an_acronym_typed_two_kinds_joins_its_full_name_stored_after(store_url):
    store = Store.open(store_url)
    store.add([one_name("org", "WHO", "organization"), one_name("agency", "WHO", "agency"),
               one_name("full", "World Health Organization", "organization")])
    assert {c.article_id for c in store.claims(entity="World Health Organization")} == {"org", "agency", "full"}


def test_a_defined_short_form_takes_its_name_from_a_guessed_match(store_url):
    culinary = one_name("culinary", "Culinary Institute of America", "organization")
    defines = article("defines", "Cases rose 40 percent, the Central Intelligence Agency (CIA) said.",
                      [("Central Intelligence Agency", "agency", "Central Intelligence Agency"),
                       ("CIA", "agency", "Central Intelligence Agency")])
    store = Store.open(store_url)
    store.add([culinary, one_name("cia", "CIA", "agency"), defines])
    assert {c.article_id for c in store.claims(entity="CIA")} == {"cia", "defines"}
    assert {c.article_id for c in store.claims(entity="Culinary Institute of America")} == {"culinary"}


def test_match_keys_are_surnames_and_initials_of_title_case_words():
    from pipeline.store.identity import match_key

    assert match_key("Jerome Powell", "person") == "powell"
    assert match_key("Martin Luther King, Jr.", "person") == "king"
    assert match_key("Bureau of Labor Statistics", "agency") == "bls"
    assert match_key("U.S. Army", "agency") is None and match_key("NBC News", "organization") is None
    assert match_key(" ".join(["Word"] * 400), "organization") is None  # at most six initials
    assert match_key("Powell", "person") is None and match_key("New York City", "place") is None
