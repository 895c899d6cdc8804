"""Floors on public quantity gold sets, with quantulum3 run on the same data in the same test (eval/quantity_score.py)."""
import pytest

from eval import quantity_score

pytestmark = pytest.mark.skipif(not quantity_score.SHARED.exists(),
                                reason=f"{quantity_score.SHARED} is missing: the gold sets live in ../shared (CI has it)")


@pytest.fixture(scope="module")
def results():
    pytest.importorskip("quantulum3", reason="quantulum3 is an eval extra: pip install -e '.[eval]' (make test does)")
    results = quantity_score.run()
    for name, by_system in results.items():
        for system, s in by_system.items():
            print(f"{name:<30} {system:<11} value P/R/F1 {s.value[0]:.3f} {s.value[1]:.3f} {s.value[2]:.3f}  "
                  f"value+unit F1 {s.value_unit[2]:.3f}  (gold {s.n_gold})")
    return results


def test_quantulum3_set(results):
    ours = results["quantulum3"]["newsclaims"]
    assert ours.value[2] >= 0.95
    assert ours.value_unit[2] >= 0.90


@pytest.mark.parametrize("name", ["NumberModel", "PercentModel", "CurrencyModel"])
def test_recognizers_sets_beat_quantulum3_by_15_points(results, name):
    by = results[f"recognizers-{name}"]
    assert by["newsclaims"].value[2] >= by["quantulum3"].value[2] + 0.15


def test_recognizers_dimensions_at_least_quantulum3(results):
    # quantulum3 scores 0.879 here, so "15 points above" would need an F1 over 1.0; we assert we are not below it
    by = results["recognizers-DimensionModel"]
    assert by["newsclaims"].value[2] >= by["quantulum3"].value[2]
    assert by["newsclaims"].value[2] >= 0.90


def test_number_range_set_has_no_supported_case(results):
    # every NumberRangeModel case with a result is marked NotSupported, so there is nothing to score
    assert results["recognizers-NumberRangeModel"]["newsclaims"].n_gold == 0


def test_a_price_per_thing_has_the_gold_currency_and_no_other():
    assert quantity_score.same_unit("USD / share", "Dollar") and quantity_score.same_unit("USD", "dollar")
    assert not quantity_score.same_unit("CAD / share", "Dollar") and not quantity_score.same_unit("mile / hour", "mile")
