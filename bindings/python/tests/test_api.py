"""The typed Python API: keyword functions, errors with codes, no panic reaching Python."""
import json
import random

import pytest

import bhxh


def test_contribution_and_errors():
    r = bhxh.contribution(payment_month="2026-03", income=2_000_000, categories=["near_poor"])
    assert (r["gross"], r["state_support"], r["payable"]) == (440_000, 132_000, 308_000)
    with pytest.raises(bhxh.IncomeError) as e:
        bhxh.contribution(payment_month="2027-01", income=1_500_000)
    assert e.value.code == "income_below_floor" and e.value.field == "income"
    assert "thấp hơn" in e.value.message_vi
    assert isinstance(e.value, ValueError)
    with pytest.raises(bhxh.InputError) as e:
        bhxh.evaluate({"calculation": "contribution", "payment_month": "2026-13", "income": 1, "method": "monthly"})
    assert e.value.code == "invalid_month" and e.value.field == "payment_month"
    with pytest.raises(bhxh.HistoryError) as e:
        bhxh.pension(sex="male", birth_date="1960", history=[{"from": "2020-05", "to": "2020-01", "income": 2_000_000}])
    assert e.value.code == "period_reversed"
    with pytest.raises(bhxh.TargetUnreachableError):
        bhxh.minimum_income(as_of="2026-11-28", sex="female", birth_date="1986-05", target_monthly_pension=10**9)


def test_keyword_functions_speak_the_contract():
    assert bhxh.retirement(sex="female", birth_date="1966-09")["age_reached_month"] == "2022-05"
    p = bhxh.pension(sex="female", birth_date="1975-05", history=[{"from": "2012-01", "to": "2032-09", "income": 4_000_000}])
    assert p["eligible"] is True and p["rate"] == "0.57"
    e = bhxh.estimate(as_of="2026-11-28", sex="female", birth_date="1986-05", income=2_000_000,
                      categories=["near_poor"], province="hue")
    assert e["monthly_payment"] == 308_000 and e["health_insurance"] is True
    assert bhxh.death(death_month="2026-07", pension={"monthly_amount": 3_000_000, "start_month": "2026-07"})["survivor_lump_sum"] == 144_000_000
    assert bhxh.social_pension(birth_date="1940", month="2025-07")["monthly_amount"] == 500_000
    cat = bhxh.parameters()
    assert all(v["citation"]["document"] for p in cat for v in p.get("values", []))
    assert bhxh.version() == bhxh.__version__


def test_no_input_crashes_the_host():
    rng = random.Random(7)
    junk = [None, 1.5, -1, "x", [], {}, {"a": 1}, 10**30, "2026-03", True]
    keys = ["calculation", "payment_month", "income", "method", "history", "sex", "birth_date", "months"]
    for _ in range(500):
        req = {"calculation": rng.choice(["contribution", "pension", "estimate", "death", "nope"])}
        for k in rng.sample(keys, 3):
            req[k] = rng.choice(junk)
        out = json.loads(bhxh.evaluate_json(json.dumps(req)))
        assert "error" in out or "calculation" in out
    for text in ["", "{", "\x00", "[1,2]", '{"calculation": "contribution"' * 100]:
        assert "error" in json.loads(bhxh.evaluate_json(text))
    with pytest.raises(bhxh.InputError):
        bhxh.evaluate({"calculation": "contribution", "income": float("nan")})


def test_refund_keyword_function():
    r = bhxh.refund(payment_month="2026-01", income=3_000_000, method="every_12_months",
                    categories=["near_poor"], reason="lump_sum", from_month="2026-07")
    assert (r["months_refunded"], r["contributions"], r["support_excluded"], r["amount"]) == (
        6, 3_960_000, 792_000, 3_168_000)
    with pytest.raises(bhxh.BhxhError) as e:
        bhxh.refund(payment_month="2026-01", income=3_000_000, method="monthly",
                    reason="death", from_month="2026-01")
    assert (e.value.code, e.value.field) == ("method_not_prepaid", "method")


def test_health_insurance_keyword_function():
    r = bhxh.health_insurance(payment_month="2026-08", members=["self_paying", "near_poor",
                              {"group": "agri_average", "form": "household", "label": "bà"}])
    assert [m["monthly"] for m in r["members"]] == [113_850, 34_155, 79_695]
    assert (r["total_payable"], r["total_state_support"]) == (2_732_400, 956_340)
    assert r["members"][2]["label"] == "bà" and r["members"][1]["rank"] is None
    with pytest.raises(bhxh.BhxhError) as e:
        bhxh.health_insurance(payment_month="2026-08", members=["student"], months=5)
    assert (e.value.code, e.value.field) == ("period_months_not_allowed", "months")


def test_health_insurance_households_match_single_calls():
    pd = pytest.importorskip("pandas")
    df = pd.DataFrame({
        "household_id": [7, 7, 9, 7, 9, 9, 9, 9, 9],
        "group": ["self_paying", "near_poor", "self_paying", "self_paying", "student",
                  "self_paying", "self_paying", "self_paying", "agri_average"],
        "already_enrolled": [None, None, 1, None, None, None, None, None, None],
    })
    out = bhxh.health_insurance_households(df, payment_month="2026-08", months=6)
    for h in (7, 9):
        rows = [i for i, x in enumerate(df["household_id"]) if x == h]
        one = bhxh.health_insurance(payment_month="2026-08", months=6,
                                    members=[df["group"][i] for i in rows],
                                    already_enrolled=1 if h == 9 else 0)
        assert out["total_payable"][h] == one["total_payable"]
        for i, m in zip(rows, one["members"]):
            assert (out["rank"][i], out["monthly"][i], out["payable"][i]) == (
                m["rank"], m["monthly"], m["payable"])
    # Household 9 joined after one earlier member: its self-paying members are ranks 2–5,
    # and its agri_average member is better off in the household form at rank 6 (40 %).
    assert [out["rank"][i] for i in (2, 5, 6, 7, 8)] == [2, 3, 4, 5, 6]
    with pytest.raises(bhxh.BhxhError) as e:
        bhxh.health_insurance_households({"household_id": [1], "group": ["rich"]},
                                         payment_month="2026-08")
    assert e.value.code == "unknown_category" and "household_id=1" in e.value.field
    with pytest.raises(bhxh.ColumnError):
        bhxh.health_insurance_households({"group": ["self_paying"]}, payment_month="2026-08")


def test_strict_json_and_size_limit():
    dup = '{"calculation": "retirement", "sex": "male", "sex": "female", "birth_date": "1970"}'
    assert json.loads(bhxh.evaluate_json(dup))["error"]["code"] == "duplicate_field"
    small = '{"calculation": "retirement", "sex": "male", "birth_date": "1970"}'
    assert json.loads(bhxh.evaluate_json(small, max_request_bytes=10))["error"]["code"] == "request_too_large"
    with pytest.raises(bhxh.BhxhError) as e:
        bhxh.evaluate({"calculation": "retirement", "sex": "male", "birth_date": "1970"}, max_request_bytes=10)
    assert e.value.code == "request_too_large"
