"""Hand-built results (for the corpus formats and the scorer) on texts that break naive offsets: NBSP, curly quotes, emoji and other astral characters,
combining marks, CRLF and right-to-left text; every layer and every odd case of a record is present."""
from __future__ import annotations

from pipeline.records import (Article, Attribution, Claim, Entity, Quantity, Result, Source, TextSpan)

ODD_TEXT = (
    "🎉 Café owner José\u00a0Núñez said “rents rose 12\u00a0percent” in Zürich.\r\n"
    "𝐁𝐨𝐥𝐝 news: the Ministry of Health (MoH) said 3,400 people, or about half, were treated.\r\n"
    "قال الوزير إن 40 شخصا أصيبوا 👩‍👩‍👧, according to Ahmed.\r\n"
    "“It is over,” he added. Officials said nothing."
)


def span(text: str, piece: str, nth: int = 0) -> tuple[str, int, int]:
    """`piece` and its offsets in `text` (its nth occurrence)."""
    start = -1
    for _ in range(nth + 1):
        start = text.index(piece, start + 1)
    return piece, start, start + len(piece)


def odd_result(text: str = ODD_TEXT, article_id: str = "odd-1") -> Result:
    """Every layer: an alias, an acronym, a quantity with a range and base, one with no value, a source with a
    phrase, an attribution with no source, a continued speaker, a claim with and one without attribution."""
    s = lambda piece, nth=0: span(text, piece, nth)  # noqa: E731
    cafe = "Cafe\u0301" if "Cafe\u0301" in text else "Café"  # written with a combining accent, or not
    entities = [
        Entity("e1", *s("José\u00a0Núñez"), "person", "PERSON", "José\u00a0Núñez"),
        Entity("e2", *s("Zürich"), "place", "GPE", "Zürich"),
        Entity("e3", *s("Ministry of Health"), "agency", "ORG", "Ministry of Health"),
        Entity("e4", *s("MoH"), "agency", "ALIAS", "Ministry of Health"),
        Entity("e5", *s("Ahmed"), "person", "PERSON", "Ahmed"),
    ]
    quantities = [
        Quantity("q1", *s("12\u00a0percent"), 12.0, unit="percent", unit_normalized="percent", kind="percent",
                 change="up"),
        Quantity("q2", *s("3,400 people"), 3400, unit="people", kind="count", counted="people", time="this week",
                 place="Zürich"),
        Quantity("q3", *s("about half"), 0.5, low=0.4, high=0.6, kind="fraction", qualifier="~", base=3400.0),
        Quantity("q4", *s("40"), 40, previous=12.5, counted="شخصا"),
        Quantity("q5", *s("nothing"), None, kind="count"),
    ]
    t = lambda piece, nth=0: TextSpan(*s(piece, nth))  # noqa: E731
    attributions = [
        Attribution("a1", "mixed", Source(*s("José\u00a0Núñez"), "e1", "José\u00a0Núñez", f"{cafe} owner",
                                          TextSpan(*s(f"{cafe} owner José\u00a0Núñez"))),
                    t("said", 0), t("“rents rose 12\u00a0percent” in Zürich")),
        Attribution("a2", "indirect", Source(*s("the Ministry of Health (MoH)"), "e3", "Ministry of Health", None),
                    t("said", 1), t("3,400 people, or about half, were treated")),
        Attribution("a3", "indirect", Source(*s("Ahmed"), "e5", "Ahmed", None), t("according to"),
                    t("قال الوزير إن 40 شخصا أصيبوا 👩‍👩‍👧"), detected_by="model"),
        Attribution("a4", "direct", Source(None, None, None, "e1", "José\u00a0Núñez", None), t("he added"),
                    t("“It is over,”")),
        Attribution("a5", "indirect", None, t("said", 2), t("nothing")),
    ]
    claims = [
        Claim("c1", *s("“rents rose 12\u00a0percent”"), ["q1"], "a1", "José\u00a0Núñez"),
        Claim("c2", *s("the Ministry of Health (MoH) said 3,400 people, or about half, were treated."),
              ["q2", "q3"], "a2", "Ministry of Health"),
        Claim("c3", *s("قال الوزير إن 40 شخصا أصيبوا"), ["q4"], None, None),
    ]
    article = Article(article_id, title="Ünïcode 🎉 test", url="https://example.org/odd", outlet="Odd Times",
                      published="2024-05-01", path=None)
    return Result(article, text, entities, quantities, attributions, claims)
