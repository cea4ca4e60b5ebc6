"""Population projections: a whole population of voluntary participants month by month over
years, every event priced by the engine (decision K-22 in docs/decisions.md).

The work is in the engine (Rust, one part of the population per thread); this module turns
an analyst's DataFrame into exact columns and the engine's totals back into a DataFrame.
"""

from __future__ import annotations

import json
import os
import re
from decimal import Decimal
from typing import Any, Dict, Mapping, Optional, Tuple

import numpy as np

from . import _bhxh
from . import _columns as c

#: Columns of the yearly result, after ``year``, ``from_month`` and ``to_month``: counts and
#: exact đồng (int64).
YEARLY_COLUMNS = (
    "participants", "contributors", "contribution_months", "contributions", "state_support",
    "local_support", "months_raised_to_floor", "new_pensioners", "pensioners", "pensions_paid",
    "retirement_allowances", "lump_sums", "lump_sums_paid", "support_returned",
    "new_allowance_recipients", "allowance_recipients", "allowances_paid", "deaths",
    "funeral_allowances", "survivor_lump_sums",
)

_SEX = {"male": 0, "female": 1}
_SEX_WHAT = ("\"male\" or \"female\"", "\"male\" hoặc \"female\"")
_BIRTH = re.compile(r"\s*(\d{4})(?:-(\d{2})(?:-\d{2})?)?\s*")


def _error(*args: Any) -> Exception:
    from . import _error as make

    return make(*args)


def _column_error(p: c.Problem) -> Exception:
    from . import _column_error as make  # the package's one conversion

    return make(p)


def _missing(column: str, row: int) -> c.Problem:
    return c.Problem("missing_value", column, row,
                     f"column `{column}`, row {row} (0-based): a value is missing",
                     f"Cột `{column}`, dòng {row} (đếm từ 0): thiếu giá trị")


def _decimal_text(x: Any, field: str) -> str:
    """A probability as exact decimal text: strings and Decimals as given, floats by their
    shortest representation (0.9 → "0.9"), the integers 0 and 1."""
    if isinstance(x, bool):
        raise _error("invalid_type", f"assumptions.{field}", f"assumptions.{field}: a probability, got a bool",
                     f"assumptions.{field}: cần một xác suất, nhận được bool")
    if isinstance(x, (float, np.floating)):
        return format(Decimal(repr(float(x))), "f")
    if isinstance(x, Decimal):
        return format(x, "f")
    if isinstance(x, (int, np.integer, str)):
        return str(x)
    raise _error("invalid_type", f"assumptions.{field}", f"assumptions.{field}: a probability, got {x!r}",
                 f"assumptions.{field}: cần một xác suất, nhận được {x!r}")


def assumptions_json(assumptions: Optional[Mapping[str, Any]]) -> Optional[str]:
    """The engine's JSON for ``assumptions`` (probabilities as exact decimal text)."""
    if assumptions is None:
        return None
    out: Dict[str, Any] = {}
    for k, v in assumptions.items():
        if k == "persistence" and isinstance(v, Mapping):
            out[k] = [[int(a), _decimal_text(p, k)] for a, p in sorted(v.items(), key=lambda kv: int(kv[0]))]
        elif k == "persistence" and isinstance(v, (list, tuple)):
            out[k] = [[int(a), _decimal_text(p, k)] for a, p in v]
        elif k == "mortality" and isinstance(v, Mapping):
            table: Dict[str, Any] = {"measure": v.get("measure", "qx")}
            for sex in ("male", "female"):
                table[sex] = [[i, _decimal_text(q, f"mortality.{sex}")] for i, q in enumerate(v.get(sex, []))]
            out[k] = table
        elif k == "mortality":
            out[k] = v
        else:
            out[k] = _decimal_text(v, k)
    return json.dumps(out)


def _month_of(x: Any, field: str) -> int:
    if isinstance(x, (int, np.integer)):
        return int(x)
    m = re.fullmatch(r"\s*(\d{4})-?(\d{2})\s*", str(x))
    if not m:
        raise _error("invalid_month", field, f"field `{field}` must be a month YYYY-MM, got {x!r}",
                     f"Trường `{field}` phải là tháng dạng YYYY-MM, nhận được {x!r}")
    return int(m.group(1)) * 100 + int(m.group(2))


def _birth_months(raw: Any) -> Tuple[np.ndarray, np.ndarray]:
    """Birth dates as YYYYMM: texts 'YYYY-MM-DD', 'YYYY-MM' or 'YYYY' (January), YYYYMM
    numbers, dates and datetime64."""
    a, missing = c.read(raw, "birth_date")
    if a.dtype.kind in "OUT":
        def one(x: Any) -> Any:
            if isinstance(x, str):
                m = _BIRTH.fullmatch(x)
                return f"{m.group(1)}-{m.group(2) or '01'}" if m else x
            return x
        a = np.array([one(x) for x in a], dtype=object)
    return c.month(a, "birth_date")


def _column(persons: Any, name: str) -> Any:
    from . import _has, _is_frame

    if _is_frame(persons) or isinstance(persons, Mapping):
        return persons[name] if _has(persons, name) else None
    raise _column_error(c.wrong_type("persons", None, ("a DataFrame or a dict of columns", "một DataFrame hoặc một dict các cột"),
                                     type(persons).__name__))


def _provinces(raw: Any, n: int) -> Tuple[np.ndarray, list]:
    if raw is None:
        return np.full(n, -1, dtype=np.int64), []
    a, missing = c.read(raw, "province")
    names = sorted({str(x) for x, m in zip(a, missing) if not m and x is not None and x != ""})
    index = {p: i for i, p in enumerate(names)}
    out = np.array([-1 if m or x is None or x == "" else index[str(x)] for x, m in zip(a, missing)], dtype=np.int64)
    return out, names


def _person_columns(persons: Any, start: int) -> Tuple[tuple, list]:
    """The engine's columns for ``persons``; raises ColumnError for a missing value or a
    column of the wrong kind (the engine names a value out of range by its row)."""
    from . import _CATEGORY_INDEX

    def need(name: str) -> Any:
        raw = _column(persons, name)
        if raw is None:
            raise c.missing_column(name)
        return raw

    def check(name: str, conv: Tuple[np.ndarray, np.ndarray]) -> np.ndarray:
        values, missing = conv
        if missing.any():
            raise _missing(name, int(np.argmax(missing)))
        return values

    # Ids: whole numbers from 0 (numpy, nullable pandas, polars, lists); a missing or
    # negative one is refused, never replaced.
    ids_raw = check("person_id", c.money(need("person_id"), "person_id"))
    if (ids_raw < 0).any():
        raise c.wrong_type("person_id", int(np.argmax(ids_raw < 0)), ("whole numbers from 0 to 10^15", "số nguyên từ 0 đến 10^15"),
                           "a negative, fractional or huge id")
    ids = ids_raw.astype(np.uint64)
    n = len(ids)
    sex = check("sex", c.code(need("sex"), "sex", _SEX, _SEX_WHAT))
    birth = check("birth_date", _birth_months(need("birth_date")))
    category = check("category", c.code(need("category"), "category", _CATEGORY_INDEX, c.CATEGORY))
    income = check("income", c.money(need("income"), "income"))

    def optional(name: str, conv: Any, default: int) -> np.ndarray:
        raw = _column(persons, name)
        return np.full(n, default, dtype=np.int64) if raw is None else check(name, conv(raw, name))

    method = _column(persons, "method")
    if method is not None:
        m, missing = c.read(method, "method")
        bad = [i for i, (x, miss) in enumerate(zip(m, missing)) if not miss and x != "monthly"]
        if bad:
            raise c.wrong_type("method", bad[0], ("\"monthly\" (the projection prices month by month)",
                                                  "\"monthly\" (dự báo tính theo từng tháng)"), repr(m[bad[0]]))
    province, names = _provinces(_column(persons, "province"), n)
    cols = (ids, sex.astype(np.uint8), birth, category.astype(np.uint8), province, income,
            optional("months_before", c.count, 0), optional("subsidised_before", c.count, 0),
            optional("support_before", c.money, 0), optional("first_month", c.month, start))
    return tuple(np.ascontiguousarray(x) for x in cols), names


def project_population(persons: Any, *, start: Any, years: int, assumptions: Optional[Mapping[str, Any]] = None,
                       parameters: Optional[Mapping[str, Any]] = None, seed: int = 0, detail: bool = False,
                       threads: Optional[int] = None, as_frame: Optional[bool] = None) -> Any:
    """Projects a population of voluntary participants month by month over ``years`` years
    from ``start`` ('YYYY-MM' or YYYYMM); returns totals by year (and, with ``detail``, one
    row per person with their outcome).

    ``persons`` (pandas or polars DataFrame, or a dict of columns), one row a person:
    ``person_id`` (integer ≥ 0; the random draws depend on it), ``sex`` ('male'/'female'),
    ``birth_date`` ('YYYY-MM-DD', 'YYYY-MM', 'YYYY', YYYYMM or dates), ``category``
    (:data:`bhxh.CATEGORIES`), ``income`` (chosen monthly income, whole đồng) and, optional:
    ``province`` (for its top-up), ``method`` ('monthly' only), ``months_before`` (months paid
    before), ``subsidised_before`` (supported months before), ``support_before`` (support
    received before, returned with a lump sum), ``first_month`` (when the person starts
    paying; later than ``start`` for new entrants; default ``start``).

    ``assumptions`` (decision K-22): ``persistence`` — the probability of paying in a year, a
    number or bands by age (``{15: 0.8, 40: 0.9}``); ``mortality`` — ``"vn_2019"`` (the
    shipped UN WPP 2024 life table, the default), ``"none"`` or a table
    ``{"measure": "qx"|"mx", "male": [...], "female": [...]}`` by single year of age;
    ``lump_sum_take_up`` and ``allowance_take_up`` — at retirement age with fewer than 15
    years, the shares taking the lump sum and the art. 23 allowance (the others go on paying);
    ``income_growth`` — 0 (amounts in today's prices, decision K-17). Probabilities are kept
    exact (floats by their shortest decimal form, rounded to millionths). Defaults: everyone
    keeps paying, deaths from the life table, nobody takes a lump sum or the allowance.

    ``parameters``: a parameter overlay (a reform). ``seed``: the draws depend only on
    (seed, person_id, month), so any split of the population gives the same totals.

    Money columns are exact int64 đồng. Errors: :class:`bhxh.ColumnError` for a column of
    the wrong kind or a missing value; the engine's errors (``persons[i].field``) otherwise.
    """
    from . import _frame, _is_frame

    start_m = _month_of(start, "start")
    try:
        cols, names = _person_columns(persons, start_m)
    except c.Problem as p:
        raise _column_error(p) from None
    overlay = json.dumps(parameters) if parameters is not None else None
    threads = threads or os.cpu_count() or 1
    try:
        yearly, people = _bhxh.project_population(cols, names, (start_m, int(years), int(seed), bool(detail), int(threads)),
                                                  assumptions_json(assumptions), overlay)
    except _bhxh.EngineError as e:
        raise _error(*e.args) from None
    want = as_frame if as_frame is not None else _is_frame(persons)
    result = _frame(dict(yearly), persons, want)
    if not detail:
        return result
    people = dict(people)
    people["outcome"] = np.array(people["outcome"], dtype=object)
    return result, _frame(people, persons, want)
