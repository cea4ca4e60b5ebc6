"""Property tests of the batch functions over the columns real data brings (issue #15).

Random pandas / polars / dict / numpy columns of random dtypes, with nulls, NaN, empty
columns and extreme numbers (negative, huge, beyond int64 in object columns). Under
warnings-as-errors the batch functions raise nothing but ``BhxhError``, and every row they
quote equals the single calculation (``bhxh.contribution`` / ``bhxh.pension``); a row with a
missing value is ``missing_value``; any other row is quoted exactly when the single
calculation succeeds.
"""
import datetime
import decimal
import math
import os
import re
import warnings

import numpy as np
import pytest

import bhxh

pd = pytest.importorskip("pandas")
pl = pytest.importorskip("polars")
hypothesis = pytest.importorskip("hypothesis")
from hypothesis import HealthCheck, event, given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

SETTINGS = settings(max_examples=int(os.environ.get("BHXH_HYPOTHESIS_EXAMPLES", "150")), deadline=None, derandomize=bool(os.environ.get("CI")),
                    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
I64 = 2**63
LIBS = ["pandas", "polars", "dict", "columns"]


def is_null(v):
    return v is None or (isinstance(v, float) and math.isnan(v))


# ---------------------------------------------------------------- values by column kind

def mostly(common, *rare):
    """``common`` about nine times in ten, else one of ``rare``."""
    return st.integers(0, 9).flatmap(lambda i: common if i else st.one_of(*rare))


def nullable(s):
    return mostly(s, st.none())


valid_month = st.builds(lambda y, m: y * 100 + m, st.integers(2024, 2030), st.integers(1, 12))
months_int = mostly(valid_month, st.sampled_from([202613, 202600, 0, -202603, 190001, 201001, 10**12]),
                    st.integers(-(2**63), 2**63 - 1))
step_income = st.builds(lambda k: 1_450_000 + 50_000 * k, mostly(st.integers(16, 80), st.integers(0, 120)))
income_int = mostly(step_income, st.integers(-(2**63), 2**63 - 1), st.sampled_from([0, -1, 10**15, 2_200_001]))
income_float = mostly(step_income.map(float), st.floats(allow_nan=True, allow_infinity=True),
                      st.builds(lambda i, f: i + f, step_income, st.sampled_from([0.5, 0.25, 1e-9, -0.5])))
count_int = mostly(st.integers(0, 130), st.integers(-(2**63), 2**63 - 1))
count_float = mostly(st.integers(0, 130).map(float), st.floats(allow_nan=True, allow_infinity=True),
                     st.sampled_from([12.5, -1.0, 1e20]))
category_int = mostly(st.integers(0, 4), st.sampled_from([5, -1, 255, 256, 2**40]))
category_name = mostly(st.sampled_from(bhxh.CATEGORIES), st.sampled_from(["rich", "", "Poor", " poor"]))


# A column kind: (strategy of Python values, how to build it per library). Builders return the
# column, or None when the library cannot hold these values (then the kind is skipped).
def np_ints(dtype):
    info = np.iinfo(dtype)
    return lambda vs: np.array(vs, dtype=dtype) if all(v is not None and info.min <= v <= info.max for v in vs) else None


def pd_nullable(dtype, lo=-I64, hi=I64 - 1):
    return lambda vs: pd.array(vs, dtype=dtype) if all(v is None or lo <= v <= hi for v in vs) else None


def pl_typed(dtype, lo=-I64, hi=I64 - 1):
    return lambda vs: pl.Series(vs, dtype=dtype, strict=False) if all(
        v is None or isinstance(v, (str, float)) or lo <= v <= hi for v in vs) else None


def np_floats(vs):
    return np.array([np.nan if v is None else v for v in vs], dtype=np.float64)


def objects(vs):
    a = np.empty(len(vs), dtype=object)
    a[:] = vs
    return a


def texts(vs):
    return np.array(vs, dtype=str) if all(v is not None for v in vs) else None


def month_text(v):
    return None if v is None else f"{v // 100:04d}-{v % 100:02d}" if 0 <= v < 10**6 else str(v)


KINDS = {
    "payment_month": [
        (months_int, {"numpy": np_ints(np.int64), "pandas": pd_nullable("Int64"), "polars": pl_typed(pl.Int64)}),
        (nullable(months_int), {"pandas": pd_nullable("Int64"), "polars": pl_typed(pl.Int64), "object": objects}),
        (nullable(mostly(months_int.map(float), st.floats())), {"numpy": np_floats, "polars": pl_typed(pl.Float64)}),
        (nullable(months_int.map(month_text)), {"numpy": texts, "object": objects, "polars": pl_typed(pl.String),
                                                "pandas": lambda vs: pd.array(vs, dtype="string")}),
        (nullable(valid_month), {"numpy": lambda vs: np.array([np.datetime64(month_text(v)) if v else np.datetime64("NaT")
                                                               for v in vs], dtype="datetime64[M]"),
                                 "polars": lambda vs: pl.Series([None if v is None else
                                                                 datetime.date(v // 100, v % 100, 1)
                                                                 for v in vs], dtype=pl.Date)}),
    ],
    "income": [
        (income_int, {"numpy": np_ints(np.int64), "pandas": pd_nullable("Int64"), "polars": pl_typed(pl.Int64)}),
        (mostly(step_income, st.integers(0, 2**64 - 1)), {"numpy": np_ints(np.uint64), "polars": pl_typed(pl.UInt64, 0, 2**64 - 1)}),
        (nullable(income_int), {"pandas": pd_nullable("Int64"), "polars": pl_typed(pl.Int64)}),
        (nullable(income_float), {"numpy": np_floats, "pandas": lambda vs: pd.array(vs, dtype="Float64"),
                                  "polars": pl_typed(pl.Float64)}),
        (nullable(st.one_of(income_int, income_float, mostly(step_income, st.integers(-(2**80), 2**80)))), {"object": objects}),
    ],
    "category": [
        (category_int, {"numpy": np_ints(np.int64), "polars": pl_typed(pl.Int64)}),
        (mostly(st.integers(0, 4), st.integers(0, 255)), {"numpy": np_ints(np.uint8), "polars": pl_typed(pl.UInt8, 0, 255)}),
        (nullable(category_int), {"pandas": pd_nullable("Int64"), "object": objects}),
        (nullable(mostly(category_int.map(float), st.floats())), {"numpy": np_floats}),
        (nullable(category_name), {"numpy": texts, "object": objects, "polars": pl_typed(pl.String),
                                   "pandas": lambda vs: pd.Categorical(vs)}),
    ],
    "subsidised_before": [
        (None, {}),  # absent column
        (count_int, {"numpy": np_ints(np.int64), "polars": pl_typed(pl.Int64)}),
        (nullable(count_int), {"pandas": pd_nullable("Int64"), "polars": pl_typed(pl.Int64), "object": objects}),
        (nullable(count_float), {"numpy": np_floats, "polars": pl_typed(pl.Float64)}),
        (nullable(mostly(count_int, st.integers(-(2**80), 2**80))), {"object": objects}),
    ],
}


def build(lib, builders, values):
    """The column for ``lib`` (pandas Series, polars Series, numpy array) or None."""
    choices = [builders.get("polars")] if lib == "polars" else [builders.get(k) for k in ("pandas", "numpy", "object")]
    for make in choices:
        if make is None:
            continue
        col = make(values)
        if col is None:
            continue
        if lib == "pandas":
            return pd.Series(col)
        return col
    return None


@st.composite
def population(draw):
    lib = draw(st.sampled_from(LIBS))
    n = draw(st.sampled_from([0, 1, 2, 5, 12]))
    values, columns = {}, {}
    for name, kinds in KINDS.items():
        for _ in range(20):
            strategy, builders = draw(st.sampled_from(kinds))
            if strategy is None:
                break
            vs = draw(st.lists(strategy, min_size=n, max_size=n))
            col = build(lib, builders, vs)
            if col is not None:
                values[name], columns[name] = vs, col
                break
    return lib, n, values, columns


# ---------------------------------------------------------------- the single answers

def as_month(v):
    """The YYYYMM a value means, or None when it means no month."""
    if isinstance(v, str):
        m = re.fullmatch(r"\s*(\d{4})-?(\d{2})\s*", v)
        return int(m.group(1)) * 100 + int(m.group(2)) if m else None
    if isinstance(v, float):
        return int(v) if math.isfinite(v) and v == int(v) else None
    return v


def as_whole(v):
    if isinstance(v, float) and math.isfinite(v) and v == int(v):
        return int(v)
    return v


def single(row):
    """The contribution of one row, or the BhxhError it raises."""
    m = as_month(row["payment_month"])
    if m is None or not 0 <= m < 10**6 or not 1 <= m % 100 <= 12:
        return bhxh.InputError("invalid_month", "payment_month", "", "")
    c = row["category"]
    if not isinstance(c, str):
        c = as_whole(c)
        c = bhxh.CATEGORIES[c] if isinstance(c, int) and 0 <= c < 5 else "rich"
    try:
        return bhxh.contribution(payment_month=f"{m // 100:04d}-{m % 100:02d}", income=as_whole(row["income"]),
                                 categories=[c], subsidised_months_before=as_whole(row.get("subsidised_before", 0)),
                                 trace=False)
    except bhxh.BhxhError as e:
        return e


@SETTINGS
@given(population())
def test_quote_monthly_any_columns(pop):
    lib, n, values, columns = pop
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        try:
            if lib == "pandas":
                out = bhxh.quote_monthly(pd.DataFrame(columns, index=range(n)))
            elif lib == "polars":
                out = bhxh.quote_monthly(pl.DataFrame(list(columns.values()), schema=list(columns)))
            elif lib == "dict":
                out = bhxh.quote_monthly(columns)
            else:
                out = bhxh.quote_monthly(**columns)
        except bhxh.BhxhError as e:
            assert e.code and e.message and e.message_vi
            event(f"raised {e.code}")
            return
    status = out["status"]
    names = [bhxh.ROW_STATUS[s] for s in status] if isinstance(status, np.ndarray) else list(status)
    assert len(names) == n and all(len(out[k]) == n for k in ("gross", "state_support", "local_support", "payable"))
    for i in range(n):
        row = {k: v[i] for k, v in values.items()}
        if any(is_null(v) for v in row.values()):
            assert names[i] == "missing_value", row
            continue
        expected = single(row)
        event(f"{lib} row {names[i]}")
        got = tuple(int(out[k][i]) for k in ("gross", "state_support", "local_support", "payable"))
        if isinstance(expected, bhxh.BhxhError):
            assert names[i] != "ok", (row, expected.code)
            assert got == (0, 0, 0, 0)
        else:
            assert names[i] == "ok", (row, names[i])
            assert got == (expected["gross"], expected["state_support"], expected["local_support"],
                           expected["payable"]), row


# ---------------------------------------------------------------- pensions

birth_month = st.builds(lambda y, m: y * 100 + m, st.integers(1960, 1990), st.integers(1, 12))
period_month = st.builds(lambda y, m: y * 100 + m, st.integers(2000, 2040), st.integers(1, 12))
sexes = mostly(st.sampled_from(["male", "female", 0, 1]), st.sampled_from([2, "x", -1, 2**40]))


def add_months(m, k):
    t = (m // 100) * 12 + m % 100 - 1 + k
    return (t // 12) * 100 + t % 12 + 1


@st.composite
def career_periods(draw, count):
    """Consecutive periods, rarely reversed or overlapping."""
    start = draw(st.builds(lambda y, m: y * 100 + m, st.integers(2000, 2016), st.integers(1, 12)))
    rows = []
    for _ in range(count):
        length = draw(mostly(st.integers(1, 150), st.integers(-24, 0)))
        end = add_months(start, length - 1)
        rows.append((start, end))
        start = add_months(end, draw(mostly(st.integers(1, 24), st.integers(-12, 0))))
    return rows


@st.composite
def careers(draw):
    lib = draw(st.sampled_from(["pandas", "polars", "dict"]))
    n = draw(st.integers(0, 4))
    counts = draw(st.lists(mostly(st.integers(1, 3), st.just(0)), min_size=n, max_size=n))
    k = sum(counts)
    person = [i for i, c in enumerate(counts) for _ in range(c)]
    spans = [span for c in counts for span in draw(career_periods(c))]
    maybe = nullable if draw(st.booleans()) else (lambda s: s)

    def lists(s, size):
        return draw(st.lists(maybe(s), min_size=size, max_size=size))

    def spoil(vs):  # a few missing or invalid months among the valid ones
        return [draw(maybe(mostly(st.just(v), st.sampled_from([197013, -1, 0])))) for v in vs]

    persons = {"sex": lists(sexes, n), "birth": lists(mostly(birth_month, st.sampled_from([197013, -1])), n)}
    if draw(st.booleans()):
        persons["claim"] = lists(mostly(st.just(0), period_month), n)
    income = mostly(step_income, step_income.map(float), income_float, st.integers(-(2**70), 2**70))
    periods = {"person": person, "from": spoil([f for f, _ in spans]), "to": spoil([t for _, t in spans]),
               "income": lists(income, k)}
    if draw(st.booleans()):
        periods["back_paid"] = lists(st.booleans(), k)
    months_as_text = draw(st.booleans())

    def col(name, vs):
        if months_as_text and name in ("birth", "from", "to", "claim"):
            vs = [v if v in (None, 0) else month_text(v) for v in vs]
        if lib == "polars":
            return pl.Series(name, vs, dtype=pl.Object if any(isinstance(v, int) and abs(v) >= I64 for v in vs)
                             or len({type(v) for v in vs if v is not None}) > 1 else None, strict=False)
        if lib == "pandas":
            return pd.Series(objects(vs), dtype=object) if vs and not all(v is None for v in vs) else pd.Series(vs)
        return vs

    frames = ({k: col(k, v) for k, v in persons.items()}, {k: col(k, v) for k, v in periods.items()})
    if lib == "pandas":
        frames = (pd.DataFrame(frames[0], index=range(n)), pd.DataFrame(frames[1], index=range(k)))
    elif lib == "polars":
        frames = (pl.DataFrame(list(frames[0].values())), pl.DataFrame(list(frames[1].values())))
    return persons, periods, frames


def one_pension(persons, periods, i):
    def month(v):
        return f"{v // 100:04d}-{v % 100:02d}" if isinstance(v, int) and 0 <= v < 10**6 else "bad"

    sex = {0: "male", 1: "female"}.get(persons["sex"][i], persons["sex"][i])
    claim = persons.get("claim", [0] * (i + 1))[i]
    history = [{"from": month(periods["from"][r]), "to": month(periods["to"][r]), "income": as_whole(periods["income"][r]),
                **({"back_paid": periods["back_paid"][r]} if "back_paid" in periods else {})}
               for r, p in enumerate(periods["person"]) if p == i]
    try:
        return bhxh.pension(sex=str(sex), birth_date=month(persons["birth"][i]), history=history,
                            claim_month=month(claim) if claim else None, trace=False)
    except bhxh.BhxhError as e:
        return e


@SETTINGS
@given(careers())
def test_pensions_any_columns(career):
    persons, periods, (pf, qf) = career
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        try:
            out = bhxh.pensions(pf, qf)
        except bhxh.BhxhError as e:
            assert e.code and e.message and e.message_vi
            event(f"raised {e.code}")
            return
    n = len(persons["sex"])
    errors = list(out["error"])
    assert len(errors) == n
    for i in range(n):
        rows = [r for r, p in enumerate(periods["person"]) if p == i]
        vals = [persons[k][i] for k in persons] + [periods[k][r] for k in periods if k != "person" for r in rows]
        if any(is_null(v) for v in vals):
            assert errors[i] == "missing_value"
            continue
        expected = one_pension(persons, periods, i)
        event("person " + (errors[i] or "ok"))
        if isinstance(expected, bhxh.BhxhError):
            assert errors[i] != "", (i, expected.code)
            assert int(out["monthly_pension"][i]) == 0
        else:
            assert errors[i] == "", (i, errors[i])
            assert (bool(out["eligible"][i]), int(out["monthly_pension"][i]), int(out["average_income"][i])) == (
                expected["eligible"], expected["monthly_pension"], expected["average_income"])


# ---------------------------------------------------------------- junk: only BhxhError

junk_value = st.one_of(
    st.none(), st.booleans(), st.integers(), st.floats(), st.text(max_size=8), st.binary(max_size=4),
    st.decimals(), st.complex_numbers(), st.dates(), st.datetimes(), st.just(float("nan")), st.just(pd.NA),
    st.just(pd.NaT), st.lists(st.integers(), max_size=2), st.just({}), st.sampled_from(["2026-03", "near_poor", "male"]),
    st.just(decimal.Decimal("NaN")), st.just(np.datetime64("NaT")), st.timedeltas())
junk_dtype = st.sampled_from([None, "bool", "int8", "uint16", "int64", "uint64", "float16", "float32", "float64",
                              "complex128", "U4", "S4", "datetime64[D]", "datetime64[Y]", "timedelta64[s]", "object"])


@st.composite
def junk_column(draw, n):
    values = draw(st.lists(junk_value, min_size=n, max_size=n))
    dtype = draw(junk_dtype)
    holder = draw(st.sampled_from(["list", "numpy", "pandas", "polars"]))
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            if holder == "list":
                return values
            a = objects(values)
            if dtype not in (None, "object"):
                a = a.astype(dtype)
            if holder == "pandas":
                return pd.Series(a)
            if holder == "polars":
                return pl.Series(a, strict=False)
            return a
    except Exception:  # noqa: BLE001 - numpy/pandas/polars cannot build it: take the object array
        return objects(values)


@SETTINGS
@given(st.data())
def test_junk_columns_raise_only_bhxh_errors(data):
    n = data.draw(st.integers(0, 4))
    quote_cols = {k: data.draw(junk_column(n + data.draw(mostly(st.just(0), st.just(1)))))
                  for k in ("payment_month", "income", "category", "subsidised_before")
                  if data.draw(mostly(st.just(True), st.just(False)))}
    persons = {k: data.draw(junk_column(n)) for k in ("sex", "birth", "claim") if data.draw(mostly(st.just(True), st.just(False)))}
    k = data.draw(st.integers(0, 4))
    periods = {"person": sorted(data.draw(st.lists(st.integers(0, max(n - 1, 0)), min_size=k, max_size=k)))}
    periods.update({c: data.draw(junk_column(k)) for c in ("from", "to", "income", "back_paid")})
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        for call in (lambda: bhxh.quote_monthly(quote_cols), lambda: bhxh.quote_monthly(**quote_cols),
                     lambda: bhxh.pensions(persons, periods)):
            try:
                out = call()
            except bhxh.BhxhError as e:
                assert e.code and e.field and e.message and e.message_vi
                event(f"raised {e.code}")
                continue
            event("answered")
            assert len({len(v) for v in out.values()}) == 1
