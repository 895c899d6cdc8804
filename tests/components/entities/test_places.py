"""places: the known places (GeoNames, CLDR country names, ISO 3166-2 regions) and when a name is one."""
import pytest

from pipeline.components.entities.places import gazetteer, is_a_known_place


@pytest.mark.parametrize("text, kind", [
    ("Montserrat", "person"),  # a territory (GeoNames)
    ("Brasil", "person"),  # a country as written in Portuguese (CLDR)
    ("Deutschland", "organization"),
    ("Minas Gerais", "person"),  # a state of another country, of several words (ISO 3166-2)
    ("Queensland", "organization"),  # one word: over an organization
    ("Los Gatos", "person"),  # a city of several words
])
def test_known_places(text, kind):
    assert is_a_known_place(text, kind)


def test_a_one_word_region_or_city_is_no_place_over_a_person_unless_the_article_puts_something_in_it():
    assert not is_a_known_place("Victoria", "person") and is_a_known_place("Victoria", "person", located=True)
    assert not is_a_known_place("Carson", "person") and is_a_known_place("Carson", "person", located=True)
    assert not is_a_known_place("Lycos", "organization", located=True)


def test_the_gazetteer_holds_every_source():
    places = gazetteer()
    assert {"Brazil", "Brasil", "Texas", "Europe"} <= places.regions and "Queensland" in places.subdivisions
    assert places.city_population["Cairns"] > 100000


def test_a_country_s_short_form_is_the_country_by_its_english_name():
    from pipeline.components.entities.places import country_of_short_form

    assert country_of_short_form("U.S.") == country_of_short_form("US") == "United States"
    assert country_of_short_form("UK") == "United Kingdom" and country_of_short_form("UAE") == "United Arab Emirates"
    assert country_of_short_form("GE", codes=False) is None and country_of_short_form("U.S.", codes=False)
    assert country_of_short_form("NASA") is None and country_of_short_form("Us") is None
