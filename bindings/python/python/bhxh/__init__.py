"""bhxh — exact calculations for Vietnam's voluntary social insurance (BHXH tự nguyện).

The engine is Rust; this package speaks its JSON contract (``evaluate``), offers keyword
functions for every calculation, and runs columnar batches over numpy / pandas columns with
the GIL released on both cores. Money is always whole đồng (Python ``int`` / ``int64``);
rates are decimal strings in the JSON results.

Batch inputs (:func:`quote_monthly`, :func:`pensions`): pandas (nullable dtypes, categoricals,
datetimes, periods), polars and numpy columns, dicts of columns or sequences. Money columns
are integers, or floats only where every value is whole; months are YYYYMM numbers, 'YYYY-MM'
texts or dates; codes are names or indexes. One rule for values: nothing is narrowed or
guessed. A value the engine refuses gets the engine's code for that row (a float income of
2000000.5 is ``invalid_money``, as ``contribution`` says), a missing value (None, NaN, NaT,
pandas NA, polars null) gets ``missing_value``, and a column that cannot be read (absent,
another length, a value of a kind it cannot hold such as a text or a bool in a money
column) raises :class:`ColumnError`, which names the column and the first offending row.
Empty columns give empty results. Row statuses: :data:`ROW_STATUS`; the full table of
dtypes and statuses is in ``docs/design.md``.

>>> import bhxh
>>> r = bhxh.contribution(payment_month="2027-01", income=2_200_000, categories=["near_poor"])
>>> r["payable"]
290400
"""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Any, Dict, List, Mapping, Optional, Sequence, Union

from . import _bhxh

if TYPE_CHECKING:  # numpy is imported lazily: `import bhxh` stays fast for the JSON API
    import numpy as np

__all__ = [
    "BhxhError", "InputError", "IncomeError", "HistoryError", "ParameterError",
    "TargetUnreachableError", "ColumnError", "evaluate", "evaluate_json", "version", "parameters",
    "contribution", "refund", "retirement", "pension", "lump_sum", "death", "maternity",
    "monthly_allowance", "social_pension", "estimate", "minimum_income", "compare",
    "health_insurance", "health_insurance_households",
    "quote_monthly", "pensions", "CATEGORIES", "ROW_STATUS", "run_reform", "project_population",
]

__version__: str = _bhxh.version()

#: Category codes of the batch functions, in index order.
CATEGORIES = ("poor", "near_poor", "ethnic_minority", "island_or_special_zone", "other")

#: Row status names of :func:`quote_monthly`, indexed by the ``status`` code (0 = "ok"): the
#: engine's, then ``missing_value`` (a null in any of the row's columns), set by this package.
ROW_STATUS = tuple(_bhxh.row_status_codes())
ROW_STATUS += tuple(s for s in ("missing_value",) if s not in ROW_STATUS)
_MISSING = ROW_STATUS.index("missing_value")
_CATEGORY_INDEX = {c: i for i, c in enumerate(CATEGORIES)}
_SEX_INDEX = {"male": 0, "female": 1}


class BhxhError(ValueError):
    """An input the engine refuses: ``code`` (stable), ``field`` (JSON path), messages."""

    def __init__(self, code: str, field: Optional[str], message: str, message_vi: str) -> None:
        super().__init__(f"{code}: {message}" + (f" (field {field})" if field else ""))
        self.code = code
        self.field = field
        self.message = message
        self.message_vi = message_vi


class InputError(BhxhError):
    """The request's shape: JSON, fields, types, dates, codes."""


class IncomeError(InputError):
    """The chosen income is outside the floor/ceiling or off the 50,000 step."""


class HistoryError(InputError):
    """A contribution history that is reversed, overlapping, too long, in the future, …"""


class ParameterError(BhxhError):
    """A legal parameter not in force for the date, or an invalid overlay."""


class TargetUnreachableError(BhxhError):
    """``minimum_income``: even the ceiling income does not reach the target."""


_CLASSES = {
    "income_below_floor": IncomeError,
    "income_above_ceiling": IncomeError,
    "income_not_multiple_of_step": IncomeError,
    "parameter_not_in_force": ParameterError,
    "invalid_parameters": ParameterError,
    "target_unreachable": TargetUnreachableError,
}
for _code in ("empty_history", "history_too_long", "period_reversed", "overlapping_periods",
              "future_period", "compulsory_rules_apply", "compulsory_before_2008_unsupported",
              "coefficient_not_available"):
    _CLASSES[_code] = HistoryError


class ColumnError(InputError):
    """A batch column refused as a whole: absent, of another length, not one-dimensional, or
    holding a value of a kind it cannot hold. ``field`` and ``column`` name the column
    (``income``, ``periods.person``), ``row`` the first offending row (0-based position;
    ``None`` when the column as a whole is at fault)."""

    def __init__(self, code: str, column: str, row: Optional[int], message: str, message_vi: str) -> None:
        super().__init__(code, column, message, message_vi)
        self.column = column
        self.row = row


def _error(code: str, field: Optional[str], message: str, message_vi: str) -> BhxhError:
    return _CLASSES.get(code, InputError)(code, field, message, message_vi)


#: The default limit on a request's size (bytes); both evaluate functions take another.
MAX_REQUEST_BYTES: int = 1 << 20


def evaluate_json(request: str, max_request_bytes: int = MAX_REQUEST_BYTES) -> str:
    """Evaluate a JSON request text; returns the response or the error object (never raises).

    A request over ``max_request_bytes`` is ``request_too_large``; a repeated key
    ``duplicate_field`` (decision K-20).
    """
    return _bhxh.evaluate_json(request, max_request_bytes)


def evaluate(request: Mapping[str, Any], max_request_bytes: int = MAX_REQUEST_BYTES) -> Dict[str, Any]:
    """Evaluate a request (a dict of the JSON contract) and return the response dict.

    Raises a :class:`BhxhError` subclass carrying ``.code`` and ``.field``.
    """
    try:
        text = json.dumps(request, ensure_ascii=False, allow_nan=False)
    except (TypeError, ValueError) as e:
        raise InputError("invalid_type", None, f"the request is not JSON-serialisable: {e}",
                         f"Yêu cầu không chuyển được sang JSON: {e}") from None
    try:
        return json.loads(_bhxh.evaluate(text, max_request_bytes))
    except _bhxh.EngineError as e:
        raise _error(*e.args) from None


def version() -> str:
    """The engine version."""
    return _bhxh.version()


def parameters() -> List[Dict[str, Any]]:
    """The legal parameter catalogue: every value with its dates, citation and confidence."""
    return json.loads(_bhxh.parameters())


def _call(calculation: str, fields: Dict[str, Any]) -> Dict[str, Any]:
    req: Dict[str, Any] = {"calculation": calculation}
    req.update({k: v for k, v in fields.items() if v is not None})
    return evaluate(req)


def contribution(*, payment_month: str, income: int, method: str = "monthly",
                 months: Optional[int] = None, categories: Optional[Sequence[str]] = None,
                 province: Optional[str] = None, subsidised_months_before: Optional[int] = None,
                 fund_rate_monthly: Optional[str] = None, parameters: Optional[Mapping[str, Any]] = None,
                 trace: Optional[bool] = None) -> Dict[str, Any]:
    """What to pay for a period (contract ``contribution``)."""
    return _call("contribution", dict(payment_month=payment_month, income=income, method=method,
                                      months=months, categories=categories, province=province,
                                      subsidised_months_before=subsidised_months_before,
                                      fund_rate_monthly=fund_rate_monthly, parameters=parameters, trace=trace))


def refund(*, payment_month: str, income: int, method: str, reason: str, from_month: str,
           months: Optional[int] = None, categories: Optional[Sequence[str]] = None,
           province: Optional[str] = None, subsidised_months_before: Optional[int] = None,
           fund_rate_monthly: Optional[str] = None, parameters: Optional[Mapping[str, Any]] = None,
           trace: Optional[bool] = None) -> Dict[str, Any]:
    """The unused months of a prepaid payment paid back (contract ``refund``, decision K-7).

    ``reason``: ``compulsory_insurance``, ``lump_sum``, ``death`` or ``pension``; ``from_month``:
    the first covered month to refund.
    """
    return _call("refund", dict(payment_month=payment_month, income=income, method=method,
                                months=months, categories=categories, province=province,
                                subsidised_months_before=subsidised_months_before,
                                fund_rate_monthly=fund_rate_monthly, reason=reason,
                                from_month=from_month, parameters=parameters, trace=trace))


def health_insurance(*, payment_month: str, members: Sequence[Union[str, Mapping[str, Any]]],
                     months: Optional[int] = None, already_enrolled: Optional[int] = None,
                     province: Optional[str] = None, payment_date: Optional[str] = None,
                     previous_card_expiry: Optional[str] = None,
                     parameters: Optional[Mapping[str, Any]] = None,
                     trace: Optional[bool] = None) -> Dict[str, Any]:
    """Household health insurance for one period (contract ``health_insurance``, decision K-21).

    ``members``: in the order of joining, each a group code (``"self_paying"``, ``"near_poor"``,
    ``"student"``, ...) or a mapping ``{"group", "form"?, "label"?}``. ``months``: 3, 6 or 12.
    """
    listed = [{"group": m} if isinstance(m, str) else dict(m) for m in members]
    return _call("health_insurance", dict(payment_month=payment_month, members=listed,
                                          months=months, already_enrolled=already_enrolled,
                                          province=province, payment_date=payment_date,
                                          previous_card_expiry=previous_card_expiry,
                                          parameters=parameters, trace=trace))


def health_insurance_households(households: Any, *, payment_month: str, months: int = 12,
                                province: Optional[str] = None,
                                parameters: Optional[Mapping[str, Any]] = None) -> Dict[str, Any]:
    """Many households at once (contract ``health_insurance`` per household).

    ``households``: a pandas or polars DataFrame (or a mapping of columns) with one row per
    member: ``household_id`` and ``group``, optionally ``form`` and ``already_enrolled`` (the
    household's count, on any of its rows). Members are ranked in row order within their
    household. Returns a dict of columns, one value per input row in input order —
    ``household_id``, ``rank`` (``None`` when supported), ``form``, ``monthly``,
    ``state_support_monthly``, ``local_support_monthly``, ``payable`` — and ``total_payable``:
    a dict by household. ``province`` (all households) applies the province's top-ups.
    Each household is priced by the same engine call as :func:`health_insurance`; a household
    the engine refuses raises its error, with the household named in ``field``.
    """
    from . import _columns as c

    try:
        cols = {}
        for name, required in (("household_id", True), ("group", True), ("form", False),
                               ("already_enrolled", False)):
            raw = _take(households, name, name, required)
            if raw is not None:
                a, missing = c.read(raw, name)
                cols[name] = [None if m else x for x, m in zip(a.tolist(), missing.tolist())]
    except c.Problem as p:
        raise _column_error(p) from None
    ids = cols["household_id"]
    for name, col in cols.items():
        if len(col) != len(ids):
            raise _column_error(c.length_mismatch(name, len(col), "household_id", len(ids)))
    n = len(ids)
    forms, enrolled = cols.get("form", [None] * n), cols.get("already_enrolled", [None] * n)
    rows: Dict[Any, List[int]] = {}
    for i, h in enumerate(ids):
        rows.setdefault(h, []).append(i)
    keys = ("rank", "form", "monthly", "state_support_monthly", "local_support_monthly", "payable")
    out: Dict[str, List[Any]] = {k: [None] * n for k in keys}
    totals: Dict[Any, int] = {}
    for h, idx in rows.items():
        members = [{"group": cols["group"][i]} if forms[i] is None else
                   {"group": cols["group"][i], "form": forms[i]} for i in idx]
        already = next((enrolled[i] for i in idx if enrolled[i] is not None), None)
        if isinstance(already, float) and already.is_integer():
            already = int(already)  # a pandas column with gaps holds floats
        try:
            r = health_insurance(payment_month=payment_month, members=members, months=months,
                                 already_enrolled=already, province=province,
                                 parameters=parameters)
        except BhxhError as e:
            e.field = f"household_id={h!r}: {e.field}"
            raise
        for i, m in zip(idx, r["members"]):
            for k in keys:
                out[k][i] = m[k]
        totals[h] = r["total_payable"]
    return {"household_id": ids, **out, "total_payable": totals}


def retirement(*, sex: str, birth_date: str, trace: Optional[bool] = None) -> Dict[str, Any]:
    """Retirement age and pension start (contract ``retirement``)."""
    return _call("retirement", dict(sex=sex, birth_date=birth_date, trace=trace))


def pension(*, sex: str, birth_date: str, history: Sequence[Mapping[str, Any]],
            claim_month: Optional[str] = None, parameters: Optional[Mapping[str, Any]] = None,
            trace: Optional[bool] = None) -> Dict[str, Any]:
    """Eligibility and monthly pension (contract ``pension``)."""
    return _call("pension", dict(sex=sex, birth_date=birth_date, history=history,
                                 claim_month=claim_month, parameters=parameters, trace=trace))


def lump_sum(*, reason: str, settlement_month: str, history: Sequence[Mapping[str, Any]],
             support_received: Optional[int] = None, sex: Optional[str] = None,
             birth_date: Optional[str] = None, parameters: Optional[Mapping[str, Any]] = None,
             trace: Optional[bool] = None) -> Dict[str, Any]:
    """One-time withdrawal (contract ``lump_sum``)."""
    return _call("lump_sum", dict(reason=reason, settlement_month=settlement_month, history=history,
                                  support_received=support_received, sex=sex, birth_date=birth_date,
                                  parameters=parameters, trace=trace))


def death(*, death_month: str, history: Optional[Sequence[Mapping[str, Any]]] = None,
          pension: Optional[Mapping[str, Any]] = None,
          allowance: Optional[Mapping[str, Any]] = None,
          parameters: Optional[Mapping[str, Any]] = None,
          trace: Optional[bool] = None) -> Dict[str, Any]:
    """Funeral allowance and survivor lump sum (contract ``death``).

    ``history`` for a contributor, ``pension`` for a pensioner, or ``allowance`` (with
    ``history``) for a person receiving the art. 23 monthly allowance (decision K-19).
    """
    return _call("death", dict(death_month=death_month, history=history, pension=pension,
                               allowance=allowance, parameters=parameters, trace=trace))


def maternity(*, child_birth_month: str, history: Sequence[Mapping[str, Any]],
              children: Optional[int] = None, trace: Optional[bool] = None) -> Dict[str, Any]:
    """Maternity allowance (contract ``maternity``)."""
    return _call("maternity", dict(child_birth_month=child_birth_month, history=history,
                                   children=children, trace=trace))


def monthly_allowance(*, sex: str, birth_date: str, history: Sequence[Mapping[str, Any]],
                      settlement_month: str, poor_or_near_poor_household: Optional[bool] = None,
                      trace: Optional[bool] = None) -> Dict[str, Any]:
    """Art. 23 monthly allowance (contract ``monthly_allowance``)."""
    return _call("monthly_allowance", dict(sex=sex, birth_date=birth_date, history=history,
                                           settlement_month=settlement_month,
                                           poor_or_near_poor_household=poor_or_near_poor_household,
                                           trace=trace))


def social_pension(*, birth_date: str, month: str, poor_or_near_poor_household: Optional[bool] = None,
                   monthly_pension: Optional[int] = None, trace: Optional[bool] = None) -> Dict[str, Any]:
    """Social pension allowance (contract ``social_pension``)."""
    return _call("social_pension", dict(birth_date=birth_date, month=month,
                                        poor_or_near_poor_household=poor_or_near_poor_household,
                                        monthly_pension=monthly_pension, trace=trace))


def estimate(*, as_of: str, sex: str, birth_date: str, income: int, **fields: Any) -> Dict[str, Any]:
    """'What will I get?' projection (contract ``estimate``); other fields by keyword."""
    return _call("estimate", dict(as_of=as_of, sex=sex, birth_date=birth_date, income=income, **fields))


def minimum_income(*, as_of: str, sex: str, birth_date: str, target_monthly_pension: int,
                   **fields: Any) -> Dict[str, Any]:
    """Smallest income on the step that reaches a target pension (contract ``minimum_income``)."""
    return _call("minimum_income", dict(as_of=as_of, sex=sex, birth_date=birth_date,
                                        target_monthly_pension=target_monthly_pension, **fields))


def compare(*, base: Mapping[str, Any], variants: Sequence[Mapping[str, Any]],
            trace: Optional[bool] = None) -> Dict[str, Any]:
    """Several estimate variants side by side (calculation ``compare``)."""
    return _call("compare", dict(base=base, variants=variants, trace=trace))


# ---------------------------------------------------------------- columnar batch

Columns = Union["np.ndarray", Sequence[Any]]


def _column_error(p: Any) -> "ColumnError":
    return ColumnError(p.code, p.column, p.row, p.message, p.message_vi)


def _is_frame(data: Any) -> bool:
    return data is not None and hasattr(data, "columns") and not isinstance(data, Mapping)


def _has(data: Any, name: str) -> bool:
    try:
        return name in (data.columns if _is_frame(data) else data)
    except TypeError:
        return False


def _take(data: Any, spec: Any, param: str, required: bool) -> Any:
    """The column ``spec`` names in ``data`` (or ``spec`` itself when it is a column);
    ``None`` for an absent optional column."""
    from . import _columns

    if isinstance(spec, str):
        if data is None:
            if required:
                raise _columns.missing_column(spec, param)
            return None
        if not _has(data, spec):
            if required:
                raise _columns.missing_column(spec)
            return None
        return data[spec]
    if spec is None and required:
        raise _columns.missing_column(param, param)
    return spec


def _label(spec: Any, param: str) -> str:
    return spec if isinstance(spec, str) else param


def _check_table(name: str, data: Any) -> None:
    from . import _columns

    if not (_is_frame(data) or isinstance(data, Mapping)):
        raise _columns.wrong_type(name, None, ("a DataFrame or a dict of columns", "một DataFrame hoặc một dict các cột"),
                                  type(data).__name__)


def _same_length(columns: Sequence[Any], reference: str) -> int:
    from . import _columns

    n = len(columns[0][1])
    for label, values in columns[1:]:
        if len(values) != n:
            raise _columns.length_mismatch(label, len(values), reference, n)
    return n


def quote_monthly(data: Any = None, *, payment_month: Any = "payment_month", income: Any = "income",
                  category: Any = "category", subsidised_before: Any = "subsidised_before",
                  province: Optional[str] = None, parameters: Optional[Mapping[str, Any]] = None,
                  as_frame: Optional[bool] = None) -> Any:
    """Monthly contribution quotes for whole populations, as columns.

    ``data`` may be a pandas or polars DataFrame or a dict of columns (then the keyword
    arguments name its columns) or ``None`` (then they are the columns themselves: numpy
    arrays, pandas/polars Series or sequences). Returns columns gross, state_support,
    local_support, payable (int64 đồng) and status — a DataFrame when the input was one
    (status then a categorical of the codes, "ok" when quoted), else a dict of numpy arrays
    (status then uint8 codes, named by :data:`ROW_STATUS`). Invalid rows are reported in
    ``status``, with 0 in the money columns, without losing the valid ones. Empty columns
    give empty results.

    Accepted columns (numpy, pandas — nullable ``Int64``/``Float64``/``boolean``/``string``
    and categoricals included — and polars dtypes):

    * ``payment_month``: YYYYMM integers (or floats with a whole value), 'YYYY-MM' or
      'YYYYMM' texts, datetime64 / dates / timestamps / periods;
    * ``income``: whole đồng — integers of any width, or floats whose value is whole;
      ``Decimal`` and Python ints beyond int64 in object columns too;
    * ``category``: codes of :data:`CATEGORIES` or their indexes 0–4;
    * ``subsidised_before`` (optional, absent = 0): a whole number of months.

    The one rule for values (the same in :func:`pensions`): nothing is narrowed silently.
    A value of the right kind that the engine refuses gives the row the engine's status —
    a float income that is not whole (2000000.5), an infinite one or one beyond int64 is
    ``invalid_money``, as ``contribution`` answers for it; a month text that is not a month is
    ``invalid_month``; an unknown code is ``unknown_category``; a non-whole, negative or
    huge count is ``subsidised_months_out_of_range``. A missing value (None, NaN, NaT,
    pandas NA, polars null) in any column gives ``missing_value`` (never a guess).
    A column that is absent, not one-dimensional, of another length, or that holds a value
    of a kind it cannot hold (a bool or a text in a money column, a list) raises
    :class:`ColumnError` naming the column and the first offending row.

    Row statuses (:data:`ROW_STATUS`, by code): ok, income_below_floor,
    income_above_ceiling, income_not_multiple_of_step, parameter_not_in_force,
    subsidised_months_out_of_range, unknown_category, invalid_money, invalid_month,
    missing_value.
    """
    import numpy as np

    from . import _columns as c

    try:
        if data is not None:
            _check_table("data", data)
        specs = [("payment_month", payment_month, True, c.month), ("income", income, True, c.money),
                 ("category", category, True, lambda raw, label: c.code(raw, label, _CATEGORY_INDEX, c.CATEGORY)),
                 ("subsidised_before", subsidised_before, False, c.count)]
        converted = []
        for param, spec, required, convert in specs:
            raw = _take(data, spec, param, required)
            label = _label(spec, param)
            converted.append((label, None if raw is None else convert(raw, label)))
        n = _same_length([(lab, v[0]) for lab, v in converted if v is not None], converted[0][0])
    except c.Problem as p:
        raise _column_error(p) from None
    (_, (months, m1)), (_, (inc, m2)), (_, (cats, m3)), (_, sub_conv) = converted
    if sub_conv is None:
        sub, m4 = np.zeros(n, dtype=np.int64), np.zeros(n, dtype=bool)
    else:
        sub, m4 = sub_conv
    missing = m1 | m2 | m3 | m4
    overlay = json.dumps(parameters) if parameters is not None else None
    try:
        g, s, l, p, st = _bhxh.quote_monthly(
            np.ascontiguousarray(months, dtype=np.int64), np.ascontiguousarray(inc, dtype=np.int64),
            np.ascontiguousarray(cats, dtype=np.uint8), np.ascontiguousarray(sub, dtype=np.int64),
            province, overlay)
    except _bhxh.EngineError as e:
        raise _error(*e.args) from None
    if missing.any():
        for a in (g, s, l, p):
            a[missing] = 0
        st[missing] = _MISSING
    out: Dict[str, Any] = {"gross": g, "state_support": s, "local_support": l, "payable": p, "status": st}
    return _frame(out, data, as_frame)


def _frame(out: Dict[str, Any], data: Any, as_frame: Optional[bool]) -> Any:
    want = as_frame if as_frame is not None else _is_frame(data)
    if not want:
        return out
    mod = type(data).__module__ if data is not None else "pandas"
    if mod.startswith("polars"):
        import polars as pl  # type: ignore

        cols: Dict[str, Any] = {}
        for k, v in out.items():
            if k == "status":
                cols[k] = pl.Series(k, v).cast(pl.UInt32).replace_strict(
                    list(range(len(ROW_STATUS))), list(ROW_STATUS), return_dtype=pl.String)
            elif v.dtype == object:
                cols[k] = pl.Series(k, v.tolist(), dtype=pl.String)
            else:
                cols[k] = pl.Series(k, v)
        return pl.DataFrame(cols)
    import pandas as pd  # type: ignore

    if "status" in out:
        out = dict(out, status=pd.Categorical.from_codes(out["status"], categories=list(ROW_STATUS)))
    return pd.DataFrame(out)


def pensions(persons: Any, periods: Any, *, parameters: Optional[Mapping[str, Any]] = None,
             as_frame: Optional[bool] = None) -> Any:
    """Full pension calculations for many persons.

    ``persons`` and ``periods`` are pandas or polars DataFrames or dicts of columns.
    ``persons``: ``sex`` ('male'/'female' or 0 male / 1 female), ``birth`` (a month:
    YYYYMM, 'YYYY-MM' or a date), optional ``claim`` (a month; 0 or an absent column =
    the earliest start). ``periods``: long-form columns ``person`` (the 0-based row of the
    person in ``persons``; rows grouped by person, in person order), ``from``, ``to``
    (months), ``income`` (whole đồng), optional ``back_paid`` (booleans or 0/1; absent =
    False). Returns eligible (bool), monthly_pension, average_income, rate_bp (the rate
    in exact basis points: 0.555 → 5550), contribution_months, retirement_allowance,
    pension_start (YYYYMM; int64 all) and error (the code of the person's error, '' when
    computed) — a DataFrame when ``persons`` was one, else a dict of numpy arrays. Empty
    frames give empty results.

    Columns accept the dtypes :func:`quote_monthly` accepts, with the same rule: a value
    the engine refuses gives the person the engine's error code (an income that is not
    whole or beyond int64 → ``invalid_money``, a bad month → ``invalid_month`` or
    ``invalid_date``, an unknown sex → ``invalid_sex``); a missing value in the person's
    row or in any of the person's periods gives ``missing_value``; an absent required
    column, columns of different lengths, a value of a kind the column cannot hold, and
    any problem in the ``person`` key (missing, not a person index, not grouped) raise
    :class:`ColumnError` naming the column (``persons.sex``, ``periods.income``, …) and the
    first offending row.
    """
    import numpy as np

    from . import _columns as c

    def need(d: Any, table: str, k: str) -> Any:
        if not _has(d, k):
            raise c.missing_column(table + k)
        return d[k]

    try:
        _check_table("persons", persons)
        _check_table("periods", periods)
        sex, ms = c.code(need(persons, "persons.", "sex"), "persons.sex", _SEX_INDEX, c.SEX)
        birth, mb = c.month(need(persons, "persons.", "birth"), "persons.birth")
        cols = [("persons.sex", sex), ("persons.birth", birth)]
        if _has(persons, "claim"):
            claim, mc = c.month(persons["claim"], "persons.claim")
            cols.append(("persons.claim", claim))
        else:
            claim, mc = np.zeros(len(sex), dtype=np.int64), np.zeros(len(sex), dtype=bool)
        n = _same_length(cols, "persons.sex")
        person = c.person(need(periods, "periods.", "person"), "periods.person", n)
        pcols = [("periods.person", person)]
        fr, mf = c.month(need(periods, "periods.", "from"), "periods.from")
        to, mt = c.month(need(periods, "periods.", "to"), "periods.to")
        inc, mi = c.money(need(periods, "periods.", "income"), "periods.income")
        pcols += [("periods.from", fr), ("periods.to", to), ("periods.income", inc)]
        if _has(periods, "back_paid"):
            back, mbp = c.flag(periods["back_paid"], "periods.back_paid")
            pcols.append(("periods.back_paid", back))
        else:
            back, mbp = np.zeros(len(fr), dtype=bool), np.zeros(len(fr), dtype=bool)
        _same_length(pcols, "periods.person")
    except c.Problem as p:
        raise _column_error(p) from None
    missing = ms | mb | mc
    period_missing = mf | mt | mi | mbp
    if period_missing.any():
        missing[person[period_missing]] = True
    overlay = json.dumps(parameters) if parameters is not None else None
    try:
        res = _bhxh.pensions((np.ascontiguousarray(sex, dtype=np.uint8), np.ascontiguousarray(birth, dtype=np.int64),
                              np.ascontiguousarray(claim, dtype=np.int64)),
                             (np.ascontiguousarray(person, dtype=np.int64),
                              np.ascontiguousarray(fr, dtype=np.int64), np.ascontiguousarray(to, dtype=np.int64),
                              np.ascontiguousarray(inc, dtype=np.int64), np.ascontiguousarray(back, dtype=bool)),
                             overlay)
    except _bhxh.EngineError as e:
        raise _error(*e.args) from None
    eligible, monthly, avg, rate_bp, months, allowance, start, errors = res
    out = {"eligible": eligible.astype(bool), "monthly_pension": monthly, "average_income": avg,
           "rate_bp": rate_bp, "contribution_months": months, "retirement_allowance": allowance,
           "pension_start": start, "error": np.array(errors, dtype=object).reshape(len(errors))}
    if missing.any():
        for k, a in out.items():
            a[missing] = "missing_value" if k == "error" else 0
    return _frame(out, persons, as_frame)


def run_reform(population: Any, reform: Mapping[str, Any], **columns: Any) -> Dict[str, Any]:
    """Quote a population under the built-in law and under ``reform`` (a parameter overlay).

    Returns ``{"baseline": ..., "reform": ...}`` with the column results of
    :func:`quote_monthly` for each, so an analyst can compare totals by any grouping.
    """
    return {"baseline": quote_monthly(population, **columns),
            "reform": quote_monthly(population, parameters=reform, **columns)}



def __getattr__(name: str) -> Any:
    # `project_population` lives in its own module, imported on first use so that
    # `import bhxh` does not import numpy (PEP 562).
    if name == "project_population":
        from .population import project_population

        return project_population
    raise AttributeError(f"module 'bhxh' has no attribute {name!r}")
