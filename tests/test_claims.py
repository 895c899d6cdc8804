"""Claim stage: each quantity is in a claim, linked to the attribution containing it or to the outlet."""


def test_claims_link_to_attribution_or_outlet(run):
    text = ("The city recorded 14 homicides in March. Crime fell 8 percent last year, the police department said.")
    data = run(text, outlet="Metro Daily")
    claims = data["claims"]
    quantities = {q["id"]: q for q in data["quantities"]}
    assert sorted(quantities[i]["text"] for c in claims for i in c["quantities"]) == ["14 homicides", "8 percent"]
    own = next(c for c in claims if quantities[c["quantities"][0]]["text"] == "14 homicides")
    assert own["attribution"] is None and own["source"] == "Metro Daily"
    assert own["text"] == "The city recorded 14 homicides in March."
    cited = next(c for c in claims if quantities[c["quantities"][0]]["text"] == "8 percent")
    assert cited["attribution"] is not None and cited["source"] == "police department"


def test_base_quantity_shares_the_claim(run):
    data = run("Just 4 percent of 106 attacks ended early, the study found.")
    assert len(data["claims"]) == 1 and len(data["claims"][0]["quantities"]) == 2
