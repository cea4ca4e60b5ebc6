"""The population projection on a Dask cluster (``dask.distributed``, or Dask's local
schedulers): the same engine function on every partition of a Dask DataFrame, the yearly
totals reduced exactly (sums of int64 đồng and counts).

Every random draw depends only on (seed, person_id, month), so the result is identical to
:func:`bhxh.project_population` on the whole population in one process, whatever the
partitioning (tested on a ``LocalCluster`` with two worker processes).
"""

from __future__ import annotations

from typing import Any, Mapping, Optional

from .population import YEARLY_COLUMNS, project_population as _project

_KEYS = ["year", "from_month", "to_month"]


def project_population(ddf: Any, *, start: Any, years: int, assumptions: Optional[Mapping[str, Any]] = None,
                       parameters: Optional[Mapping[str, Any]] = None, seed: int = 0, progress: bool = False,
                       threads_per_partition: int = 1) -> Any:
    """Totals by year (a pandas DataFrame) of the projection of every person in ``ddf`` (a
    Dask DataFrame with the columns of :func:`bhxh.project_population`). ``progress`` shows
    Dask's progress bar (``distributed.progress`` when a client is active)."""
    import pandas as pd

    meta = pd.DataFrame({k: pd.Series(dtype="int64") for k in (*_KEYS, *YEARLY_COLUMNS)})

    def part(pdf: Any) -> Any:
        return _project(pdf, start=start, years=years, assumptions=assumptions, parameters=parameters,
                        seed=seed, threads=threads_per_partition, as_frame=True)

    # A tree reduction to one partition (the totals are a few rows), never a shuffle.
    totals = ddf.map_partitions(part, meta=meta).groupby(_KEYS).sum(split_out=1)
    result = _compute(totals, progress)
    return result.reset_index().sort_values("year", kind="stable").reset_index(drop=True)[list(meta.columns)]


def _compute(collection: Any, progress: bool) -> Any:
    try:
        from distributed import get_client, progress as bar

        client = get_client()
    except (ImportError, ValueError):
        client = None
    if client is not None:
        future = client.compute(collection)
        if progress:
            # A widget in a notebook when ipywidgets is there, else a text bar.
            try:
                import ipywidgets  # noqa: F401

                bar(future)
            except ImportError:
                bar(future, notebook=False)
        return future.result()
    if progress:
        from dask.diagnostics import ProgressBar

        with ProgressBar():
            return collection.compute()
    return collection.compute()
