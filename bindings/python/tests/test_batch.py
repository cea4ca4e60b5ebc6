"""Columnar batches equal the row-by-row contract answers, valid rows or not."""
import numpy as np
import pytest

import bhxh


def _population(n, seed=1):
    rng = np.random.default_rng(seed)
    months = 202401 + (rng.integers(0, 48, n) // 12) * 100 + rng.integers(0, 48, n) % 12
    income = 1_450_000 + rng.integers(0, 200, n) * 50_000
    income[::97] += 1_234  # off the step
    cats = rng.integers(0, 5, n).astype(np.uint8)
    cats[::113] = 9  # unknown
    before = rng.integers(0, 125, n)
    months[::131] = 202613  # invalid month
    return months, income, cats, before


def test_quote_monthly_equals_rows():
    months, income, cats, before = _population(3000)
    out = bhxh.quote_monthly(payment_month=months, income=income, category=cats, subsidised_before=before)
    for i in range(0, 3000, 7):
        month = f"{months[i] // 100:04d}-{months[i] % 100:02d}"
        req = {"calculation": "contribution", "payment_month": month, "income": int(income[i]), "method": "monthly",
               "categories": [bhxh.CATEGORIES[cats[i]] if cats[i] < 5 else "rich"],
               "subsidised_months_before": int(before[i]), "trace": False}
        try:
            r = bhxh.evaluate(req)
        except bhxh.BhxhError as e:
            assert bhxh.ROW_STATUS[out["status"][i]] == e.code, (i, req)
            continue
        assert bhxh.ROW_STATUS[out["status"][i]] == "ok"
        assert (out["gross"][i], out["state_support"][i], out["local_support"][i], out["payable"][i]) == (
            r["gross"], r["state_support"], r["local_support"], r["payable"]), req


def test_dataframes_and_reforms():
    pd = pytest.importorskip("pandas")
    df = pd.DataFrame({"payment_month": ["2027-03"] * 3, "income": [2_200_000, 3_000_000, 2_200_000],
                       "category": ["near_poor", "other", "poor"], "subsidised_before": [0, 0, 120]})
    out = bhxh.quote_monthly(df)
    assert list(out["payable"]) == [484_000 - 193_600, 660_000 - 96_800, 484_000]
    assert list(out["status"]) == ["ok"] * 3
    reform = {"state_support_rates": {"values": [{"from": "2025-07", "value": {
        "poor": "0.5", "near_poor": "0.5", "ethnic_minority": "0.3", "island_or_special_zone": "0.5", "other": "0.2"}}]}}
    both = bhxh.run_reform(df, reform)
    assert both["reform"]["state_support"][0] == 242_000 and both["baseline"]["state_support"][0] == 193_600


def test_pensions_equal_rows():
    persons = {"sex": ["female", "male", "male", "female"], "birth": ["1975-05", "1970-01", "1966-03", "1980-02"],
               "claim": [0, 0, 0, 0]}
    periods = {"person": [0, 1, 1, 2, 3], "from": ["2012-01", "2008-01", "2016-01", "2010-01", "2030-05"],
               "to": ["2032-09", "2012-12", "2031-12", "2012-12", "2030-01"],
               "income": [4_000_000, 2_000_000, 3_500_000, 2_000_000, 2_000_000]}
    out = bhxh.pensions(persons, periods)
    p0 = bhxh.pension(sex="female", birth_date="1975-05", history=[{"from": "2012-01", "to": "2032-09", "income": 4_000_000}])
    assert out["monthly_pension"][0] == p0["monthly_pension"] and out["rate_bp"][0] == 5700
    p1 = bhxh.pension(sex="male", birth_date="1970-01", history=[{"from": "2008-01", "to": "2012-12", "income": 2_000_000},
                                                                 {"from": "2016-01", "to": "2031-12", "income": 3_500_000}])
    assert out["monthly_pension"][1] == p1["monthly_pension"] and out["average_income"][1] == p1["average_income"]
    assert out["error"][2] == "" and not out["eligible"][2]
    assert out["error"][3] == "period_reversed"  # one bad person, the others computed


def test_polars_frames():
    pl = pytest.importorskip("polars")
    df = pl.DataFrame({"payment_month": [202703, 202703], "income": [2_200_000, 2_210_000],
                       "category": ["near_poor", "other"], "subsidised_before": [0, 0]})
    out = bhxh.quote_monthly(df)
    assert isinstance(out, pl.DataFrame)
    assert out["payable"].to_list() == [290_400, 0]
    assert out["status"].to_list() == ["ok", "income_not_multiple_of_step"]


def test_missing_subsidised_column_means_zero():
    pd = pytest.importorskip("pandas")
    df = pd.DataFrame({"payment_month": ["2026-03"], "income": [2_000_000], "category": ["near_poor"]})
    assert list(bhxh.quote_monthly(df)["payable"]) == [308_000]
