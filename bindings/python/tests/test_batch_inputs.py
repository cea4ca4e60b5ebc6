"""Batch inputs as real data brings them (issue #15): no silent narrowing, empty and nullable
columns, errors that name the column. Every test runs with warnings as errors."""
import decimal

import numpy as np
import pytest

import bhxh

pd = pytest.importorskip("pandas")
pl = pytest.importorskip("polars")

pytestmark = pytest.mark.filterwarnings("error")

MONEY = ["gross", "state_support", "local_support", "payable"]
PENSION_INTS = ["monthly_pension", "average_income", "rate_bp", "contribution_months", "retirement_allowance",
                "pension_start"]


def statuses(out):
    s = out["status"]
    return [bhxh.ROW_STATUS[c] for c in s] if isinstance(s, np.ndarray) else list(s)


def frame(**cols):
    return pd.DataFrame({"payment_month": [202603] * len(cols["income"]), "category": ["near_poor"] * len(cols["income"]),
                         **cols})


# ---------------------------------------------------------------- money is never narrowed

def test_float_income_that_is_not_whole_is_invalid_money_not_truncated():
    out = bhxh.quote_monthly(frame(income=[2_000_000.5, 2_000_000.0, 1e300, float("inf")]))
    assert statuses(out) == ["invalid_money", "ok", "invalid_money", "invalid_money"]
    assert list(out["payable"]) == [0, 308_000, 0, 0]
    with pytest.raises(bhxh.InputError) as e:
        bhxh.contribution(payment_month="2026-03", income=2_000_000.5, categories=["near_poor"])
    assert e.value.code == "invalid_money"  # the status is the single calculation's code


def test_polars_float_income_not_whole():
    df = pl.DataFrame({"payment_month": [202603, 202603], "income": [2_000_000.25, 2_000_000.0],
                       "category": ["near_poor", "near_poor"]})
    assert bhxh.quote_monthly(df)["status"].to_list() == ["invalid_money", "ok"]


def test_integers_beyond_int64_and_huge_unsigned_are_invalid_money():
    obj = np.array([2_000_000, 2**64 + 2_000_000, -(2**70), decimal.Decimal("2000000"), decimal.Decimal("2000000.5")],
                   dtype=object)
    out = bhxh.quote_monthly(payment_month=[202603] * 5, income=obj, category=[1] * 5)
    assert statuses(out) == ["ok", "invalid_money", "invalid_money", "ok", "invalid_money"]
    big = np.array([2_000_000, 2**63 + 2_000_000], dtype=np.uint64)
    out = bhxh.quote_monthly(payment_month=[202603] * 2, income=big, category=[1] * 2)
    assert statuses(out) == ["ok", "invalid_money"]


def test_integer_codes_and_counts_are_not_wrapped_or_truncated():
    # 256 used to wrap to 0 ("poor"), 12.5 subsidised months to be truncated to 12.
    out = bhxh.quote_monthly(payment_month=[202603] * 4, income=[2_000_000] * 4, category=[256, -255, 1.0, 1.5],
                             subsidised_before=[0, 0, 0, 0])
    assert statuses(out) == ["unknown_category"] * 2 + ["ok", "unknown_category"]
    out = bhxh.quote_monthly(payment_month=[202603] * 3, income=[2_000_000] * 3, category=[1] * 3,
                             subsidised_before=[12.5, 12.0, 2**40])
    assert statuses(out) == ["subsidised_months_out_of_range", "ok", "subsidised_months_out_of_range"]


# ---------------------------------------------------------------- missing values

def test_nan_income_is_a_missing_value_without_a_warning():
    out = bhxh.quote_monthly(frame(income=[np.nan, 2_000_000.0]))
    assert statuses(out) == ["missing_value", "ok"]
    assert list(out["gross"]) == [0, 440_000]


def test_nullable_int64_month_with_a_missing_value():
    df = frame(income=[2_000_000, 2_000_000, 2_000_000])
    df["payment_month"] = pd.array([202612, None, 202603], dtype="Int64")
    out = bhxh.quote_monthly(df)
    assert statuses(out) == ["ok", "missing_value", "ok"]
    assert out["payable"][0] == bhxh.contribution(payment_month="2026-12", income=2_000_000,
                                                  categories=["near_poor"])["payable"]


@pytest.mark.parametrize("column", ["payment_month", "income", "category", "subsidised_before"])
def test_every_kind_of_null_in_every_column(column):
    nulls = [None, np.nan, pd.NA, pd.NaT]
    base = {"payment_month": ["2026-03"] * 5, "income": [2_000_000] * 5, "category": ["near_poor"] * 5,
            "subsidised_before": [0] * 5}
    base[column] = np.array(base[column][:1] + nulls, dtype=object)
    out = bhxh.quote_monthly(base)
    assert statuses(out) == ["ok"] + ["missing_value"] * 4
    assert not out["payable"][1:].any()


def test_polars_nulls_in_each_column():
    df = pl.DataFrame({"payment_month": pl.Series([202603, None, 202603, 202603, 202603], dtype=pl.Int64),
                       "income": pl.Series([2_000_000, 2_000_000, None, 2_000_000, 2_000_000], dtype=pl.Int64),
                       "category": ["near_poor", "near_poor", "near_poor", None, "near_poor"],
                       "subsidised_before": pl.Series([0, 0, 0, 0, None], dtype=pl.Int32)})
    out = bhxh.quote_monthly(df)
    assert out["status"].to_list() == ["ok"] + ["missing_value"] * 4
    assert out["payable"].to_list() == [308_000, 0, 0, 0, 0]


def test_pensions_missing_values_mark_only_that_person():
    persons = pd.DataFrame({"sex": ["female", None, "male"], "birth": ["1975-05", "1970-01", "1966-03"]})
    periods = pd.DataFrame({"person": [0, 1, 2, 2], "from": ["2012-01", "2008-01", "2010-01", "2013-01"],
                            "to": ["2032-09", "2012-12", "2012-06", "2031-12"],
                            "income": [4_000_000.0, 2_000_000.0, np.nan, 3_000_000.0],
                            "back_paid": pd.array([False, False, False, None], dtype="boolean")})
    out = bhxh.pensions(persons, periods)
    p0 = bhxh.pension(sex="female", birth_date="1975-05", history=[{"from": "2012-01", "to": "2032-09", "income": 4_000_000}])
    assert list(out["error"]) == ["", "missing_value", "missing_value"]
    assert out["monthly_pension"][0] == p0["monthly_pension"] and list(out["monthly_pension"][1:]) == [0, 0]
    assert list(out["eligible"]) == [True, False, False]


def test_pensions_back_paid_nan_is_missing_not_true():
    persons = {"sex": ["female"], "birth": [197505]}
    periods = {"person": [0], "from": [201201], "to": [203209], "income": [4_000_000], "back_paid": [np.nan]}
    assert list(bhxh.pensions(persons, periods)["error"]) == ["missing_value"]


# ---------------------------------------------------------------- empty inputs

@pytest.mark.parametrize("make", [
    lambda: pd.DataFrame({"payment_month": [], "income": [], "category": []}),
    lambda: pd.DataFrame({"payment_month": pd.Series([], dtype=object), "income": pd.Series([], dtype="Float64"),
                          "category": pd.Series([], dtype="category"), "subsidised_before": pd.Series([], dtype="Int64")}),
    lambda: pl.DataFrame({"payment_month": [], "income": [], "category": []}),
    lambda: pl.DataFrame(schema={"payment_month": pl.String, "income": pl.Float64, "category": pl.String}),
    lambda: {"payment_month": [], "income": np.array([], dtype=float), "category": []},
], ids=["pandas-float", "pandas-nullable", "polars-null", "polars-typed", "dict"])
def test_empty_inputs_give_empty_columns(make):
    data = make()
    out = bhxh.quote_monthly(data)
    for k in MONEY:
        assert len(out[k]) == 0
    if isinstance(data, dict):
        assert all(out[k].dtype == np.int64 for k in MONEY) and out["status"].dtype == np.uint8
    elif isinstance(data, pd.DataFrame):
        assert all(out[k].dtype == np.int64 for k in MONEY) and isinstance(out["status"].dtype, pd.CategoricalDtype)
    else:
        assert all(out[k].dtype == pl.Int64 for k in MONEY) and out["status"].dtype == pl.String


@pytest.mark.parametrize("lib", ["pandas", "polars", "dict"])
def test_pensions_of_no_one(lib):
    persons = {"sex": [], "birth": []}
    periods = {"person": [], "from": [], "to": [], "income": []}
    if lib == "pandas":
        persons, periods = pd.DataFrame(persons), pd.DataFrame(periods)
    elif lib == "polars":
        persons, periods = pl.DataFrame(persons), pl.DataFrame(periods)
    out = bhxh.pensions(persons, periods)
    assert len(out["monthly_pension"]) == 0 and len(out["error"]) == 0
    if lib == "dict":
        assert out["eligible"].dtype == bool and all(out[k].dtype == np.int64 for k in PENSION_INTS)
    elif lib == "pandas":
        assert out["eligible"].dtype == bool and all(out[k].dtype == np.int64 for k in PENSION_INTS)
    else:
        assert out["eligible"].dtype == pl.Boolean and out["error"].dtype == pl.String


# ---------------------------------------------------------------- errors that name the column

def expect_column_error(call, code, column, row):
    with pytest.raises(bhxh.ColumnError) as e:
        call()
    err = e.value
    assert isinstance(err, bhxh.BhxhError) and isinstance(err, ValueError)
    assert (err.code, err.field, err.column, err.row) == (code, column, column, row), err
    assert f"`{column}`" in err.message and f"`{column}`" in err.message_vi
    if row is not None:
        assert f"row {row}" in err.message and f"dòng {row}" in err.message_vi
    return err


def test_pensions_with_missing_columns_name_them():
    persons = pd.DataFrame({"sex": ["male"], "birth": [197001]})
    expect_column_error(lambda: bhxh.pensions(pd.DataFrame({"sex": ["male"]}), pd.DataFrame({"person": [0]})),
                        "missing_field", "persons.birth", None)
    expect_column_error(lambda: bhxh.pensions(persons, pd.DataFrame({"person": [0], "from": [200801], "to": [201212]})),
                        "missing_field", "periods.income", None)
    expect_column_error(lambda: bhxh.pensions(pl.DataFrame({"sex": ["male"], "birth": [197001]}),
                                              pl.DataFrame({"person": [0], "to": [201212]})),
                        "missing_field", "periods.from", None)


def test_quote_monthly_missing_and_renamed_columns():
    df = pd.DataFrame({"thang": [202603], "thu_nhap": [2_000_000], "category": ["poor"]})
    expect_column_error(lambda: bhxh.quote_monthly(df), "missing_field", "payment_month", None)
    expect_column_error(lambda: bhxh.quote_monthly(df, payment_month="thang", income="luong"),
                        "missing_field", "luong", None)
    assert bhxh.quote_monthly(df, payment_month="thang", income="thu_nhap")["status"][0] == "ok"
    expect_column_error(lambda: bhxh.quote_monthly(income=[2_000_000], category=[1]), "missing_field",
                        "payment_month", None)


def test_values_of_the_wrong_kind_name_column_and_row():
    bad_income = np.array([2_000_000, 2_000_000, "2000000"], dtype=object)
    expect_column_error(lambda: bhxh.quote_monthly(payment_month=[202603] * 3, income=bad_income, category=[1] * 3),
                        "invalid_type", "income", 2)
    expect_column_error(lambda: bhxh.quote_monthly(frame(income=[True, False])), "invalid_type", "income", 0)
    expect_column_error(lambda: bhxh.quote_monthly(frame(income=[2_000_000, 2_000_000]), category=[1, True]),
                        "invalid_type", "category", 1)
    expect_column_error(lambda: bhxh.quote_monthly(frame(income=[2_000_000]), payment_month=np.array([[202603]])),
                        "invalid_type", "payment_month", None)
    periods = {"person": [0, 0], "from": [200801, 201301], "to": [201212, 201312], "income": [2_000_000, 2_000_000],
               "back_paid": [0, 2]}
    expect_column_error(lambda: bhxh.pensions({"sex": [0], "birth": [197001]}, periods),
                        "invalid_type", "periods.back_paid", 1)


def test_columns_of_different_lengths():
    expect_column_error(lambda: bhxh.quote_monthly(payment_month=[202603] * 3, income=[2_000_000] * 2, category=[1] * 3),
                        "value_out_of_range", "income", None)
    persons = {"sex": [0, 1], "birth": [197001]}
    periods = {"person": [], "from": [], "to": [], "income": []}
    expect_column_error(lambda: bhxh.pensions(persons, periods), "value_out_of_range", "persons.birth", None)


def test_the_person_key_is_checked_row_by_row():
    persons = {"sex": ["male", "female"], "birth": [197001, 197505]}

    def periods(person):
        k = len(person)
        return {"person": person, "from": [201201] * k, "to": [201212] * k, "income": [2_000_000] * k}

    expect_column_error(lambda: bhxh.pensions(persons, periods([0, 1, 0])), "value_out_of_range", "periods.person", 2)
    expect_column_error(lambda: bhxh.pensions(persons, periods([0, 2])), "value_out_of_range", "periods.person", 1)
    expect_column_error(lambda: bhxh.pensions(persons, periods([0, 0.5])), "value_out_of_range", "periods.person", 1)
    expect_column_error(lambda: bhxh.pensions(persons, periods(pd.array([0, None], dtype="Int64"))),
                        "missing_value", "periods.person", 1)
    expect_column_error(lambda: bhxh.pensions(persons, periods(["0", "1"])), "invalid_type", "periods.person", 0)


def test_row_status_names_every_code_returned():
    assert bhxh.ROW_STATUS[0] == "ok" and "missing_value" in bhxh.ROW_STATUS
    assert len(set(bhxh.ROW_STATUS)) == len(bhxh.ROW_STATUS)
    out = bhxh.quote_monthly(payment_month=[None], income=[1], category=[1])
    assert bhxh.ROW_STATUS[out["status"][0]] == "missing_value"
