"""bhxh — exact calculations for Vietnam's voluntary social insurance (BHXH tự nguyện).

The engine is Rust; this package speaks its JSON contract (``evaluate``), offers keyword
functions for every calculation, and runs columnar batches over numpy / pandas columns with
the GIL released on both cores. Money is always whole đồng (Python ``int`` / ``int64``);
rates are decimal strings in the JSON results.

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
    "TargetUnreachableError", "evaluate", "evaluate_json", "version", "parameters",
    "contribution", "retirement", "pension", "lump_sum", "death", "maternity",
    "monthly_allowance", "social_pension", "estimate", "minimum_income", "compare",
    "quote_monthly", "pensions", "CATEGORIES", "ROW_STATUS", "run_reform",
]

__version__: str = _bhxh.version()

#: Category codes of the batch functions, in index order.
CATEGORIES = ("poor", "near_poor", "ethnic_minority", "island_or_special_zone", "other")

#: Row status names of :func:`quote_monthly`, indexed by the ``status`` code (0 = "ok").
ROW_STATUS = tuple(_bhxh.row_status_codes())


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


def _error(code: str, field: Optional[str], message: str, message_vi: str) -> BhxhError:
    return _CLASSES.get(code, InputError)(code, field, message, message_vi)


def evaluate_json(request: str) -> str:
    """Evaluate a JSON request text; returns the response or the error object (never raises)."""
    return _bhxh.evaluate_json(request)


def evaluate(request: Mapping[str, Any]) -> Dict[str, Any]:
    """Evaluate a request (a dict of the JSON contract) and return the response dict.

    Raises a :class:`BhxhError` subclass carrying ``.code`` and ``.field``.
    """
    try:
        text = json.dumps(request, ensure_ascii=False, allow_nan=False)
    except (TypeError, ValueError) as e:
        raise InputError("invalid_type", None, f"the request is not JSON-serialisable: {e}",
                         f"Yêu cầu không chuyển được sang JSON: {e}") from None
    try:
        return json.loads(_bhxh.evaluate(text))
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


def _yyyymm(col: Any) -> "np.ndarray":
    """Months as YYYYMM int64 from YYYYMM ints, 'YYYY-MM' strings or datetime64 values."""
    import numpy as np

    a = np.asarray(col)
    if a.dtype.kind in "iu":
        return a.astype(np.int64, copy=False)
    if a.dtype.kind == "M":
        m = a.astype("datetime64[M]").astype(np.int64)  # months since 1970-01
        return (1970 + m // 12) * 100 + (m % 12) + 1
    s = a.astype(str)
    return np.char.replace(s, "-", "").astype(np.int64)


def _categories(col: Any) -> "np.ndarray":
    import numpy as np

    a = np.asarray(col)
    if a.dtype.kind in "iu":
        return a.astype(np.uint8, copy=False)
    index = {c: i for i, c in enumerate(CATEGORIES)}
    return np.fromiter((index.get(str(c), 255) for c in a), dtype=np.uint8, count=len(a))


def quote_monthly(data: Any = None, *, payment_month: Any = "payment_month", income: Any = "income",
                  category: Any = "category", subsidised_before: Any = "subsidised_before",
                  province: Optional[str] = None, parameters: Optional[Mapping[str, Any]] = None,
                  as_frame: Optional[bool] = None) -> Any:
    """Monthly contribution quotes for whole populations, as columns.

    ``data`` may be a pandas or polars DataFrame (then the keyword arguments name its
    columns) or ``None`` (then they are the columns: numpy arrays or sequences). Months are
    YYYYMM ints, 'YYYY-MM' strings or datetime64; categories are codes of
    :data:`CATEGORIES` or their indexes. Returns columns gross, state_support,
    local_support, payable (int64 đồng) and status — a DataFrame when the input was one
    (status then a categorical of the error codes, "ok" when quoted), else a dict of numpy
    arrays (status then uint8 codes, named by :data:`ROW_STATUS`). Invalid rows are reported
    in ``status`` without losing the valid ones.
    """
    import numpy as np

    def col(name: Any) -> Any:
        if data is not None and isinstance(name, str):
            return data[name].to_numpy() if hasattr(data[name], "to_numpy") else data[name]
        return name

    columns = list(getattr(data, "columns", [])) if data is not None else []
    if data is not None and isinstance(subsidised_before, str) and subsidised_before not in columns:
        sub = None  # no such column: nobody was subsidised before
    else:
        sub = col(subsidised_before)
    n = len(np.asarray(col(income)))
    sub_a = np.zeros(n, dtype=np.int64) if sub is None or isinstance(sub, str) else np.asarray(sub, dtype=np.int64)
    overlay = json.dumps(parameters) if parameters is not None else None
    try:
        g, s, l, p, st = _bhxh.quote_monthly(
            _yyyymm(col(payment_month)), np.ascontiguousarray(np.asarray(col(income)), dtype=np.int64),
            np.ascontiguousarray(_categories(col(category))), np.ascontiguousarray(sub_a),
            province, overlay)
    except _bhxh.EngineError as e:
        raise _error(*e.args) from None
    out: Dict[str, Any] = {"gross": g, "state_support": s, "local_support": l, "payable": p, "status": st}
    return _frame(out, data, as_frame)


def _frame(out: Dict[str, Any], data: Any, as_frame: Optional[bool]) -> Any:
    want = as_frame if as_frame is not None else data is not None
    if not want:
        return out
    mod = type(data).__module__ if data is not None else "pandas"
    if mod.startswith("polars"):
        import polars as pl  # type: ignore

        if "status" in out:
            out = dict(out, status=pl.Series(out["status"]).cast(pl.UInt32).replace_strict(
                list(range(len(ROW_STATUS))), list(ROW_STATUS)))
        return pl.DataFrame(out)
    import pandas as pd  # type: ignore

    if "status" in out:
        out = dict(out, status=pd.Categorical.from_codes(out["status"], categories=list(ROW_STATUS)))
    return pd.DataFrame(out)


def pensions(persons: Any, periods: Any, *, parameters: Optional[Mapping[str, Any]] = None,
             as_frame: Optional[bool] = None) -> Any:
    """Full pension calculations for many persons.

    ``persons``: columns ``sex`` ('male'/'female' or 0/1), ``birth`` (YYYYMM or 'YYYY-MM'),
    optional ``claim`` (YYYYMM, 0 = earliest start). ``periods``: long-form columns
    ``person`` (row index into ``persons``; rows grouped by person in order), ``from``,
    ``to`` (months), ``income``, optional ``back_paid``. Returns eligible, monthly_pension,
    average_income, rate_bp (the rate in exact basis points: 0.555 → 5550),
    contribution_months, retirement_allowance, pension_start (YYYYMM), error (code or '').
    """
    import numpy as np

    def get(d: Any, k: str, default: Any = None) -> Any:
        try:
            v = d[k]
        except (KeyError, IndexError, TypeError):
            return default
        return v.to_numpy() if hasattr(v, "to_numpy") else v

    sex = np.asarray(get(persons, "sex"))
    if sex.dtype.kind not in "iu":
        sex = np.where(sex.astype(str) == "female", 1, np.where(sex.astype(str) == "male", 0, 255))
    birth = _yyyymm(get(persons, "birth"))
    claim_raw = get(persons, "claim")
    claim = np.zeros(len(birth), dtype=np.int64) if claim_raw is None else _yyyymm(claim_raw)
    person = np.asarray(get(periods, "person"), dtype=np.int64)
    bp = get(periods, "back_paid")
    back = np.zeros(len(person), dtype=bool) if bp is None else np.asarray(bp, dtype=bool)
    overlay = json.dumps(parameters) if parameters is not None else None
    try:
        res = _bhxh.pensions(np.ascontiguousarray(sex, dtype=np.uint8), np.ascontiguousarray(birth),
                             np.ascontiguousarray(claim), np.ascontiguousarray(person),
                             np.ascontiguousarray(_yyyymm(get(periods, "from"))),
                             np.ascontiguousarray(_yyyymm(get(periods, "to"))),
                             np.ascontiguousarray(np.asarray(get(periods, "income"), dtype=np.int64)),
                             np.ascontiguousarray(back), overlay)
    except _bhxh.EngineError as e:
        raise _error(*e.args) from None
    eligible, monthly, avg, rate_bp, months, allowance, start, errors = res
    out = {"eligible": eligible.astype(bool), "monthly_pension": monthly, "average_income": avg,
           "rate_bp": rate_bp, "contribution_months": months, "retirement_allowance": allowance,
           "pension_start": start, "error": np.array(errors, dtype=object)}
    return _frame(out, persons if not isinstance(persons, dict) else None, as_frame)


def run_reform(population: Any, reform: Mapping[str, Any], **columns: Any) -> Dict[str, Any]:
    """Quote a population under the built-in law and under ``reform`` (a parameter overlay).

    Returns ``{"baseline": ..., "reform": ...}`` with the column results of
    :func:`quote_monthly` for each, so an analyst can compare totals by any grouping.
    """
    return {"baseline": quote_monthly(population, **columns),
            "reform": quote_monthly(population, parameters=reform, **columns)}
