# Type stubs of the compiled module (checked against it by tests/test_stubs.py).
from typing import Any, Dict, List, Optional, Tuple

import numpy as np
import numpy.typing as npt

class EngineError(ValueError): ...

def evaluate(request: str, max_request_bytes: int = ...) -> str: ...
def evaluate_json(request: str, max_request_bytes: int = ...) -> str: ...
def version() -> str: ...
def parameters() -> str: ...
def row_status_codes() -> List[str]: ...
def quote_monthly(
    month: npt.NDArray[np.int64],
    income: npt.NDArray[np.int64],
    category: npt.NDArray[np.uint8],
    subsidised_before: npt.NDArray[np.int64],
    province: Optional[str] = None,
    overlay: Optional[str] = None,
) -> Tuple[
    npt.NDArray[np.int64], npt.NDArray[np.int64], npt.NDArray[np.int64], npt.NDArray[np.int64], npt.NDArray[np.uint8]
]: ...
def pensions(
    persons: Tuple[npt.NDArray[np.uint8], npt.NDArray[np.int64], npt.NDArray[np.int64]],
    periods: Tuple[
        npt.NDArray[np.int64],
        npt.NDArray[np.int64],
        npt.NDArray[np.int64],
        npt.NDArray[np.int64],
        npt.NDArray[np.bool_],
    ],
    overlay: Optional[str] = None,
) -> Tuple[
    npt.NDArray[np.uint8],
    npt.NDArray[np.int64],
    npt.NDArray[np.int64],
    npt.NDArray[np.int64],
    npt.NDArray[np.int64],
    npt.NDArray[np.int64],
    npt.NDArray[np.int64],
    List[str],
]: ...
def project_population(
    persons: Tuple[
        npt.NDArray[np.uint64],
        npt.NDArray[np.uint8],
        npt.NDArray[np.int64],
        npt.NDArray[np.uint8],
        npt.NDArray[np.int64],
        npt.NDArray[np.int64],
        npt.NDArray[np.int64],
        npt.NDArray[np.int64],
        npt.NDArray[np.int64],
        npt.NDArray[np.int64],
    ],
    provinces: List[str],
    options: Tuple[int, int, int, bool, int],
    assumptions: Optional[str] = None,
    overlay: Optional[str] = None,
) -> Tuple[Dict[str, Any], Optional[Dict[str, Any]]]: ...
