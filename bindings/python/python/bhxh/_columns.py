"""Columns of the batch functions: whatever an analyst's frame holds → exact int64 for the engine.

Nothing here narrows a value silently and nothing casts in a way numpy warns about:

* a value of the right kind that the engine must refuse (a float money value that is not
  whole, a value beyond int64, an unknown code, a malformed month text) becomes a
  *sentinel* the engine refuses with its own row status (``BAD_*`` below);
* a missing value (``None``, ``NaN``, ``NaT``, pandas ``NA``, a polars null) is reported
  in the returned null mask, and the caller gives the row the ``missing_value`` status;
* a value of a kind the column cannot hold (a bool or a text in a money column, a date in a
  category column, a list) raises :class:`Problem`, which names the column and the first
  offending row.

Every converter returns ``(values, missing)``: a 1-D ``int64`` (``uint8`` for codes, ``bool``
for flags) array and a boolean mask of the missing values.
"""

from __future__ import annotations

import math
import numbers
import re
from decimal import Decimal
from typing import Any, Callable, Dict, Optional, Tuple

import numpy as np

I64_MIN, I64_MAX = -(2**63), 2**63 - 1
#: Sentinels the engine refuses: money → ``invalid_money``, count → out of range,
#: month → ``invalid_month`` / ``invalid_date``, code → ``unknown_category`` / ``invalid_sex``.
BAD_MONEY = -1
BAD_COUNT = -1
BAD_MONTH = -1
BAD_CODE = 255

Array = np.ndarray
Converted = Tuple[Array, Array]

# What each kind of column holds, in English and Vietnamese (for the error messages).
MONEY = ("whole đồng (an integer, or a float whose value is whole)",
         "số tiền nguyên (đồng): số nguyên, hoặc số thực có giá trị nguyên")
COUNT = ("a whole number of months", "số tháng nguyên")
MONTH = ("a month (a YYYYMM integer, a 'YYYY-MM' text or a date)",
         "tháng (số YYYYMM, chuỗi 'YYYY-MM' hoặc ngày)")
CATEGORY = ("a category code of bhxh.CATEGORIES or its index 0–4",
            "mã nhóm đối tượng trong bhxh.CATEGORIES hoặc chỉ số 0–4 của nó")
SEX = ("'male' or 'female' (or 0 male, 1 female)", "'male' (nam) hoặc 'female' (nữ), hoặc 0 (nam), 1 (nữ)")
PERSON = ("a person index (the 0-based row of that person in persons)",
          "chỉ số người (dòng của người đó trong persons, đếm từ 0)")
FLAG = ("a boolean (True/False or 1/0)", "giá trị đúng/sai (True/False hoặc 1/0)")


class Problem(Exception):
    """A column the batch functions refuse; the package turns it into a ``ColumnError``."""

    def __init__(self, code: str, column: str, row: Optional[int], message: str, message_vi: str) -> None:
        super().__init__(message)
        self.code, self.column, self.row = code, column, row
        self.message, self.message_vi = message, message_vi


def _where(column: str, row: Optional[int]) -> Tuple[str, str]:
    if row is None:
        return f"column `{column}`", f"Cột `{column}`"
    return f"column `{column}`, row {row} (0-based)", f"Cột `{column}`, dòng {row} (đếm từ 0)"


def _show(x: Any) -> str:
    text = repr(x)
    return text if len(text) <= 60 else text[:57] + "..."


def wrong_type(column: str, row: Optional[int], what: Tuple[str, str], got: str) -> Problem:
    en, vi = _where(column, row)
    return Problem("invalid_type", column, row, f"{en}: expected {what[0]}, got {got}",
                   f"{vi}: cần {what[1]}, nhận được {got}")


def _wrong_value(column: str, row: int, x: Any, what: Tuple[str, str]) -> Problem:
    return wrong_type(column, row, what, f"{_show(x)} ({type(x).__name__})")


def missing_column(column: str, param: Optional[str] = None) -> Problem:
    if param is None:
        return Problem("missing_field", column, None, f"column `{column}` is required but not in the data",
                       f"Thiếu cột bắt buộc `{column}` trong dữ liệu")
    return Problem("missing_field", column, None,
                   f"column `{column}` is required: pass a DataFrame that holds it, or the column itself as {param}=...",
                   f"Cần cột `{column}`: hãy truyền một DataFrame có cột này, hoặc truyền chính cột đó qua {param}=...")


def length_mismatch(column: str, rows: int, reference: str, n: int) -> Problem:
    return Problem("value_out_of_range", column, None,
                   f"column `{column}` has {rows} rows but `{reference}` has {n}: columns must have the same length",
                   f"Cột `{column}` có {rows} dòng nhưng cột `{reference}` có {n} dòng: các cột phải dài bằng nhau")


# ---------------------------------------------------------------- reading a column

def _is_null(x: Any) -> bool:
    if x is None:
        return True
    if isinstance(x, (str, bytes, numbers.Integral, list, tuple, dict, set, np.ndarray)):
        return False
    if type(x).__name__ in ("NAType", "NaTType"):  # pandas NA and NaT
        return True
    try:
        return bool(x != x)  # NaN, numpy NaT, Decimal NaN
    except Exception:  # noqa: BLE001 - an object that cannot compare is not a null
        return False


def read(raw: Any, column: str) -> Converted:
    """A column (pandas or polars Series, numpy array, sequence) as a 1-D numpy array and the
    mask of its missing values (object arrays: only where the array type itself says so; the
    converters detect ``None``/``NaN``/``NA`` elements)."""
    mod = type(raw).__module__ or ""
    try:
        if mod.startswith("polars") and hasattr(raw, "is_null"):
            missing = np.asarray(raw.is_null().to_numpy(), dtype=bool)
            a = (raw.fill_null(0) if raw.dtype.is_integer() else raw).to_numpy()
        elif mod.startswith("pandas") and hasattr(raw, "isna"):
            dt = raw.dtype
            if isinstance(dt, np.dtype) and dt.kind in "iub":
                a, missing = np.asarray(raw), None  # numpy ints and bools hold no nulls
            else:
                missing = np.asarray(raw.isna(), dtype=bool)
                npd = getattr(dt, "numpy_dtype", None)  # nullable Int64, Float64, boolean, …
                if not isinstance(dt, np.dtype) and isinstance(npd, np.dtype) and npd.kind in "iufb":
                    fill = np.nan if npd.kind == "f" else npd.type(0)
                    a = raw.to_numpy(dtype=npd, na_value=fill)
                else:
                    a = np.asarray(raw.to_numpy() if hasattr(raw, "to_numpy") else raw)
        elif isinstance(raw, (list, tuple)):
            # Element by element, as an object column: numpy would turn [1, True] into [1, 1].
            a, missing = np.empty(len(raw), dtype=object), None
            a[:] = raw
        else:
            a, missing = np.asarray(raw), None
    except Problem:
        raise
    except Exception as e:  # ragged lists, exotic objects
        raise wrong_type(column, None, ("a one-dimensional column (a Series, an array or a list)",
                                        "một cột một chiều (Series, mảng hoặc danh sách)"),
                         f"{type(raw).__name__} ({e})") from None
    if a.ndim != 1:
        raise wrong_type(column, None, ("a one-dimensional column (a Series, an array or a list)",
                                        "một cột một chiều (Series, mảng hoặc danh sách)"),
                         f"{type(raw).__name__} of shape {a.shape}")
    if missing is None or missing.shape != a.shape:
        missing = np.zeros(len(a), dtype=bool)
    if a.dtype.kind == "f":
        missing = missing | np.isnan(a)
    elif a.dtype.kind in "mM":
        missing = missing | np.isnat(a)
    return a, missing


# ---------------------------------------------------------------- whole numbers

def _whole_array(a: Array) -> Tuple[Array, Optional[Array]]:
    """int64 values of an int/uint/float array and where they are exact (``None``: everywhere);
    inexact rows (not whole, not finite, beyond int64) hold 0."""
    k = a.dtype.kind
    if k == "i":
        return a.astype(np.int64, copy=False), None
    if k == "u":
        ok = a <= I64_MAX
        return np.where(ok, a, 0).astype(np.int64), ok
    if a.dtype.itemsize < 8:
        a = a.astype(np.float64)  # exact; float16/32 cannot even hold the bounds below
    ok = np.isfinite(a)
    ok &= a == np.floor(np.where(ok, a, 0))
    ok &= (a >= -(2.0**63)) & (a < 2.0**63)
    out = np.zeros(len(a), dtype=np.int64)
    out[ok] = a[ok].astype(np.int64)
    return out, ok


class _WrongKind(Exception):
    pass


def _whole_scalar(x: Any) -> Optional[int]:
    """The exact int64 of a number, ``None`` when it is not whole or beyond int64; raises
    ``_WrongKind`` for a non-number (bools are not numbers here)."""
    if isinstance(x, (bool, np.bool_)):
        raise _WrongKind
    if isinstance(x, numbers.Integral):
        v = int(x)
    elif isinstance(x, (float, np.floating)):
        if not math.isfinite(x) or x != math.floor(x):
            return None
        v = int(x)
    elif isinstance(x, Decimal):
        if not x.is_finite() or x != x.to_integral_value():
            return None
        v = int(x)
    elif isinstance(x, numbers.Rational):
        if x.denominator != 1:
            return None
        v = int(x.numerator)
    else:
        raise _WrongKind
    return v if I64_MIN <= v <= I64_MAX else None


def _each(a: Array, missing: Array, column: str, what: Tuple[str, str], one: Callable[[Any], Any],
          out: Array) -> Converted:
    """Converts an object array element by element: nulls to the mask, others by ``one``."""
    missing = missing.copy()
    for i, x in enumerate(a.tolist() if a.dtype.kind != "O" else a):
        if missing[i] or _is_null(x):
            missing[i] = True
            continue
        try:
            out[i] = one(x)
        except _WrongKind:
            raise _wrong_value(column, i, x, what) from None
    return out, missing


def _numbers(a: Array, missing: Array, column: str, what: Tuple[str, str], bad: int,
             lo: int = I64_MIN, hi: int = I64_MAX) -> Converted:
    """Whole numbers in ``lo..=hi`` kept, any other number ``bad``, non-numbers refused."""
    n = len(a)
    k = a.dtype.kind
    if n == 0:
        return np.zeros(0, dtype=np.int64), np.zeros(0, dtype=bool)
    if k in "iuf":
        v, ok = _whole_array(a)
        if lo != I64_MIN or hi != I64_MAX:
            inside = (v >= lo) & (v <= hi)
            ok = inside if ok is None else ok & inside
        if ok is not None:
            v = np.where(ok | missing, v, bad)
        return v, missing

    def one(x: Any) -> int:
        w = _whole_scalar(x)
        return bad if w is None or not lo <= w <= hi else w

    if k == "O":
        return _each(a, missing, column, what, one, np.zeros(n, dtype=np.int64))
    row = int(np.argmin(missing)) if not missing.all() else 0
    raise wrong_type(column, row, what, f"a column of dtype {a.dtype}")


def money(raw: Any, column: str) -> Converted:
    """Whole đồng: ints as they are; floats only where whole; others → ``invalid_money``."""
    a, missing = read(raw, column)
    return _numbers(a, missing, column, MONEY, BAD_MONEY)


def count(raw: Any, column: str) -> Converted:
    """A whole number of months (negative, non-whole or huge → out of range)."""
    a, missing = read(raw, column)
    return _numbers(a, missing, column, COUNT, BAD_COUNT)


# ---------------------------------------------------------------- months

_MONTH_TEXT = re.compile(r"\s*(\d{4})-?(\d{2})\s*")


def _month_text(s: str) -> int:
    m = _MONTH_TEXT.fullmatch(s)
    return int(m.group(1)) * 100 + int(m.group(2)) if m else BAD_MONTH


def _datetimes(a: Array) -> Array:
    with np.errstate(all="ignore"):
        m = a.astype("datetime64[M]").astype(np.int64)  # months since 1970-01 (NaT: masked)
    ok = (m > -(10**8)) & (m < 10**8)
    m = np.where(ok, m, 0)
    return np.where(ok, (1970 + m // 12) * 100 + m % 12 + 1, BAD_MONTH)


def month(raw: Any, column: str) -> Converted:
    """YYYYMM int64 from YYYYMM numbers, 'YYYY-MM' / 'YYYYMM' texts, datetime64 values or
    date-like objects (``date``, ``datetime``, ``Timestamp``, ``Period``); an invalid month →
    ``BAD_MONTH``."""
    a, missing = read(raw, column)
    n = len(a)
    k = a.dtype.kind
    if n == 0:
        return np.zeros(0, dtype=np.int64), np.zeros(0, dtype=bool)
    if k == "M":
        return _datetimes(a), missing
    if k in "iuf":
        return _numbers(a, missing, column, MONTH, BAD_MONTH)
    if k not in "OUT":
        raise wrong_type(column, 0, MONTH, f"a column of dtype {a.dtype}")
    cache: Dict[Any, int] = {}

    def one(x: Any) -> int:
        if isinstance(x, str):
            v = cache.get(x)
            if v is None:
                v = cache[x] = _month_text(x)
            return v
        if isinstance(x, np.datetime64):
            return int(_datetimes(np.array([x]))[0])
        if not isinstance(x, (bool, np.bool_, numbers.Number)) and hasattr(x, "year") and hasattr(x, "month"):
            y, mo = getattr(x, "year"), getattr(x, "month")
            if isinstance(y, numbers.Integral) and isinstance(mo, numbers.Integral) and 0 <= y <= 9999:
                return int(y) * 100 + int(mo) if 1 <= mo <= 12 else BAD_MONTH
            raise _WrongKind
        w = _whole_scalar(x)
        return BAD_MONTH if w is None else w

    return _each(a, missing, column, MONTH, one, np.zeros(n, dtype=np.int64))


# ---------------------------------------------------------------- codes and flags

def code(raw: Any, column: str, names: Dict[str, int], what: Tuple[str, str]) -> Converted:
    """A uint8 code from its name or its index (0–254); anything else → ``BAD_CODE``."""
    a, missing = read(raw, column)
    n = len(a)
    k = a.dtype.kind
    if n == 0:
        return np.zeros(0, dtype=np.uint8), np.zeros(0, dtype=bool)
    if k == "u" and a.dtype.itemsize == 1:
        return a.astype(np.uint8, copy=False), missing
    if k in "iuf":
        v, m = _numbers(a, missing, column, what, BAD_CODE, 0, BAD_CODE - 1)
        return np.where(missing, BAD_CODE, v).astype(np.uint8), m
    if k not in "OUT":
        raise wrong_type(column, 0, what, f"a column of dtype {a.dtype}")

    def one(x: Any) -> int:
        if isinstance(x, str):
            return names.get(x, BAD_CODE)
        w = _whole_scalar(x)
        return BAD_CODE if w is None or not 0 <= w < BAD_CODE else w

    return _each(a, missing, column, what, one, np.full(n, BAD_CODE, dtype=np.uint8))


def flag(raw: Any, column: str) -> Converted:
    """Booleans: bools, or the numbers 0 and 1; anything else is refused."""
    a, missing = read(raw, column)
    n = len(a)
    k = a.dtype.kind
    if n == 0 or k == "b":
        return a.astype(bool), missing

    def one(x: Any) -> bool:
        if isinstance(x, (bool, np.bool_)):
            return bool(x)
        if isinstance(x, numbers.Number) and not isinstance(x, complex) and _whole_scalar(x) in (0, 1):
            return bool(x)
        raise _WrongKind

    if k in "iuf":
        v, ok = _whole_array(a)
        bad = ~missing & ((v < 0) | (v > 1) | (False if ok is None else ~ok))
        if bad.any():
            i = int(np.argmax(bad))
            raise _wrong_value(column, i, a[i].item(), FLAG)
        return v == 1, missing
    if k == "O":
        return _each(a, missing, column, FLAG, one, np.zeros(n, dtype=bool))
    raise wrong_type(column, 0, FLAG, f"a column of dtype {a.dtype}")


def person(raw: Any, column: str, persons: int) -> Array:
    """The person key of period rows: required, whole, in ``0..persons``, non-decreasing
    (rows of one person together, in person order). Any other value raises."""
    a, missing = read(raw, column)
    if len(a) == 0:
        return np.zeros(0, dtype=np.int64)
    v, missing = _numbers(a, missing, column, PERSON, -1)
    if missing.any():
        i = int(np.argmax(missing))
        en, vi = _where(column, i)
        raise Problem("missing_value", column, i, f"{en}: a missing value where every period must name its person",
                      f"{vi}: thiếu giá trị, mỗi giai đoạn phải ghi rõ người")
    bad = (v < 0) | (v >= persons)
    if bad.any():
        i = int(np.argmax(bad))
        en, vi = _where(column, i)
        raise Problem("value_out_of_range", column, i,
                      f"{en}: expected a person index from 0 to {persons - 1} (a whole number), got {_show(a[i])}",
                      f"{vi}: cần chỉ số người từ 0 đến {persons - 1} (số nguyên), nhận được {_show(a[i])}")
    down = v[1:] < v[:-1]
    if down.any():
        i = int(np.argmax(down)) + 1
        en, vi = _where(column, i)
        raise Problem("value_out_of_range", column, i,
                      f"{en}: periods must be grouped by person in person order, got person {v[i]} after {v[i - 1]}",
                      f"{vi}: các giai đoạn phải xếp theo người, đúng thứ tự người; nhận được người {v[i]} sau {v[i - 1]}")
    return v
