"""bhxh.project_population and bhxh.dask.project_population: the identities of the issue
(first-year contributions = single quotes under full persistence and no deaths; support
returned by lump sums = support received; totals identical for 1, 3 and 7 partitions and
under Dask on a two-process LocalCluster)."""
import numpy as np
import pandas as pd
import polars as pl
import pytest

import bhxh

ASSUMED = {"persistence": {15: 0.85, 40: "0.93", 60: 0.97}, "lump_sum_take_up": 0.45, "allowance_take_up": 0.25}


def population(n, start=202601):
    i = np.arange(n)
    return pd.DataFrame({
        "person_id": 10_000 + 3 * i,
        "sex": np.where(i % 2 == 0, "male", "female"),
        "birth_date": [f"{1956 + k % 45}-{1 + k % 12:02d}-{1 + k % 28:02d}" for k in i],
        "category": [bhxh.CATEGORIES[k % 5] for k in i],
        "province": [["", "ha_noi", "hue", None][k % 4] for k in i],
        "income": 1_500_000 + (i % 30) * 100_000,
        "months_before": (i * 13) % 200,
        "subsidised_before": (i * 13) % 200 // 2,
        "first_month": [start + (k % 3) * 100 for k in i],  # some join a year or two later
    })


def test_first_year_contributions_are_the_single_quotes():
    n = 40
    df = population(n).assign(months_before=0, subsidised_before=0, first_month=202601,
                               birth_date="1985-06")
    y = bhxh.project_population(df, start="2026-01", years=2,
                                assumptions={"persistence": 1, "mortality": "none"})
    payable = state = local = 0
    for _, r in df.iterrows():
        supported = 0
        for m in range(1, 13):
            q = bhxh.contribution(payment_month=f"2026-{m:02d}", income=int(r.income), categories=[r.category],
                                  province=None if pd.isna(r.province) or r.province == "" else r.province,
                                  subsidised_months_before=supported, trace=False)
            payable += q["payable"]
            state += q["state_support"]
            local += q["local_support"]
            supported += 1 if q["subsidised_months"] else 0
    first = y.iloc[0]
    assert (first.contributions, first.state_support, first.local_support) == (payable, state, local)
    assert first.contributors == n and first.contribution_months == 12 * n and local > 0
    assert y.contributions.dtype == np.int64


def test_totals_are_the_same_whatever_the_partition():
    df = population(1500)
    whole = bhxh.project_population(df, start=202601, years=10, assumptions=ASSUMED, seed=11, threads=1)
    assert whole.deaths.sum() > 0 and whole.new_pensioners.sum() > 0 and whole.lump_sums.sum() > 0
    for threads in (3, 7):
        assert whole.equals(bhxh.project_population(df, start=202601, years=10, assumptions=ASSUMED, seed=11,
                                                    threads=threads))
    for parts in (3, 7):
        pieces = [bhxh.project_population(df.iloc[k::parts], start=202601, years=10, assumptions=ASSUMED, seed=11)
                  for k in range(parts)]
        summed = sum(p.set_index(["year", "from_month", "to_month"]) for p in pieces).reset_index()
        assert whole.equals(summed[whole.columns])
    other = bhxh.project_population(df, start=202601, years=10, assumptions=ASSUMED, seed=12)
    assert not whole.equals(other)
    # polars in, polars out, same numbers
    out = bhxh.project_population(pl.from_pandas(df), start=202601, years=10, assumptions=ASSUMED, seed=11)
    assert isinstance(out, pl.DataFrame)
    assert out.to_pandas().equals(whole)


def test_lump_sums_return_the_support_received():
    df = population(200).assign(sex="male", birth_date="1965-03", months_before=0, subsidised_before=0,
                                first_month=202601, province=None)
    y, people = bhxh.project_population(df, start="2026-01", years=6, detail=True,
                                        assumptions={"persistence": 1, "mortality": "none", "lump_sum_take_up": 1})
    withdrawn = people[people.outcome == "withdrawn"]
    assert len(withdrawn) == len(df)
    assert y.support_returned.sum() == withdrawn.support.sum() > 0
    assert (withdrawn.support_returned == withdrawn.support).all()
    assert y.lump_sums_paid.sum() == withdrawn.lump_sum.sum()


def test_errors_name_the_row_and_column():
    df = population(10)
    bad = df.copy()
    bad.loc[7, "sex"] = "x"
    with pytest.raises(bhxh.InputError) as e:
        bhxh.project_population(bad, start="2026-01", years=2, threads=3)
    assert (e.value.code, e.value.field) == ("invalid_sex", "persons[7].sex")
    bad = df.copy()
    bad.loc[4, "income"] = None
    with pytest.raises(bhxh.ColumnError) as e:
        bhxh.project_population(bad, start="2026-01", years=2)
    assert (e.value.code, e.value.column, e.value.row) == ("missing_value", "income", 4)
    with pytest.raises(bhxh.ColumnError):
        bhxh.project_population(df.assign(method="advance"), start="2026-01", years=2)
    with pytest.raises(bhxh.InputError) as e:
        bhxh.project_population(df, start="2026-01", years=2, assumptions={"persistence": 1.5})
    assert e.value.field == "assumptions.persistence"
    with pytest.raises(bhxh.InputError) as e:
        bhxh.project_population(df.assign(months_before=400), start="2026-01", years=2)
    assert e.value.field == "persons[0].months_before"
    empty = bhxh.project_population(df.iloc[:0], start="2026-01", years=3)
    assert len(empty) == 3 and empty.contributions.sum() == 0


def test_dask_on_a_local_cluster_gives_the_same_totals():
    dd = pytest.importorskip("dask.dataframe")
    distributed = pytest.importorskip("distributed")
    import bhxh.dask

    df = population(900)
    whole = bhxh.project_population(df, start=202601, years=8, assumptions=ASSUMED, seed=5)
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None) as cluster:
        with distributed.Client(cluster):
            got = bhxh.dask.project_population(dd.from_pandas(df, npartitions=6), start=202601, years=8,
                                               assumptions=ASSUMED, seed=5)
    assert got.equals(whole), (got - whole).abs().sum()
    # Dask's local scheduler too, with its progress bar.
    got = bhxh.dask.project_population(dd.from_pandas(df, npartitions=4), start=202601, years=8,
                                       assumptions=ASSUMED, seed=5, progress=True)
    assert got.equals(whole)


def test_plain_lists_nullable_ids_and_exact_decimals():
    from decimal import Decimal

    cols = {"person_id": [1, 2, 3], "sex": ["male", "female", "male"], "birth_date": ["1980-01", "1985", "1990-07-15"],
            "category": ["poor", "other", "near_poor"], "income": [2_000_000, 2_500_000, 3_000_000]}
    y = bhxh.project_population(cols, start="2026-01", years=2,
                                assumptions={"persistence": Decimal("1E-7"), "mortality": "none"})
    assert isinstance(y, dict) and list(y["contribution_months"]) == [0, 0]
    y = bhxh.project_population(cols, start="2026-01", years=1, assumptions={"persistence": 1, "mortality": "none"})
    assert list(y["contribution_months"]) == [36]
    df = pd.DataFrame(cols).astype({"person_id": "Int64"})
    df.loc[1, "person_id"] = pd.NA
    with pytest.raises(bhxh.ColumnError) as e:
        bhxh.project_population(df, start="2026-01", years=1)
    assert (e.value.code, e.value.column, e.value.row) == ("missing_value", "person_id", 1)
    with pytest.raises(bhxh.InputError) as e:
        bhxh.project_population(df.iloc[:0], start="2026-01", years=0)
    assert e.value.field == "years"
