//! `project_population`: the engine's population projection over numpy columns, one part
//! of the population per thread (the engine's totals are sums, so the parts add exactly).

use crate::{engine_error, internal_error, params};
use bhxh::project::population::{self, Columns, Outcome, Setup, YearTotals};
use numpy::{IntoPyArray, PyReadonlyArray1};
use pyo3::prelude::*;
use pyo3::types::PyDict;

/// The persons' columns: id, sex (0 male, 1 female), birth YYYYMM, category index,
/// province index (−1 none), income, months_before, subsidised_before, support_before,
/// first_month YYYYMM.
type PersonColumns<'py> = (
    PyReadonlyArray1<'py, u64>,
    PyReadonlyArray1<'py, u8>,
    PyReadonlyArray1<'py, i64>,
    PyReadonlyArray1<'py, u8>,
    PyReadonlyArray1<'py, i64>,
    PyReadonlyArray1<'py, i64>,
    PyReadonlyArray1<'py, i64>,
    PyReadonlyArray1<'py, i64>,
    PyReadonlyArray1<'py, i64>,
    PyReadonlyArray1<'py, i64>,
);

/// The totals by year and the outcomes, or the engine's error.
type Projected = Result<(Vec<YearTotals>, Vec<Outcome>), bhxh::Error>;

/// Projects the persons; returns (totals by year as a dict of arrays, outcomes as a dict of
/// arrays or None). `options` = (start YYYYMM, years, seed, detail, threads).
#[pyfunction]
#[pyo3(signature = (persons, provinces, options, assumptions=None, overlay=None))]
pub fn project_population<'py>(
    py: Python<'py>,
    persons: PersonColumns<'py>,
    provinces: Vec<String>,
    options: (i64, u32, u64, bool, usize),
    assumptions: Option<&str>,
    overlay: Option<&str>,
) -> PyResult<(Bound<'py, PyDict>, Option<Bound<'py, PyDict>>)> {
    let (start, years, seed, detail, threads) = options;
    let cols = Columns {
        id: persons.0.as_slice()?,
        sex: persons.1.as_slice()?,
        birth: persons.2.as_slice()?,
        category: persons.3.as_slice()?,
        province: persons.4.as_slice()?,
        income: persons.5.as_slice()?,
        months_before: persons.6.as_slice()?,
        subsidised_before: persons.7.as_slice()?,
        support_before: persons.8.as_slice()?,
        first_month: persons.9.as_slice()?,
    };
    let run = || -> Projected {
        let p = params(overlay)?;
        let a = match assumptions {
            None => bhxh::assumptions_from(&serde_json::json!({}))?,
            Some(text) => {
                let v: serde_json::Value =
                    serde_json::from_str(text).map_err(|e| bhxh::Error::MalformedJson {
                        detail: bhxh::Words::json_error(&e),
                    })?;
                bhxh::assumptions_from(&v)?
            }
        };
        let start = bhxh::batch::month_from_yyyymm(start).ok_or(bhxh::Error::InvalidMonth {
            field: "start".into(),
            value: start.to_string(),
        })?;
        let all = population::persons_from_columns(&cols)?;
        let setup = Setup {
            start,
            years,
            seed,
            provinces: &provinces,
        };
        in_parts(&p, &all, &a, &setup, detail, threads)
    };
    let (totals, outcomes) = py
        .detach(|| std::panic::catch_unwind(std::panic::AssertUnwindSafe(run)))
        .unwrap_or_else(|_| Err(internal_error()))
        .map_err(|e| engine_error(&e))?;
    let yearly = yearly_dict(py, start, &totals)?;
    let persons = if detail {
        Some(outcome_dict(py, &outcomes)?)
    } else {
        None
    };
    Ok((yearly, persons))
}

/// The projection in `threads` contiguous parts on as many threads (the person offsets keep
/// the errors' row numbers), the totals added and the outcomes in order.
fn in_parts(
    p: &bhxh::Params,
    all: &[population::Person],
    a: &population::Assumptions,
    s: &Setup<'_>,
    detail: bool,
    threads: usize,
) -> Projected {
    // Checked here too: an empty population (an empty Dask partition) reaches no part.
    population::check_setup(p, a, s)?;
    let parts = threads.clamp(1, 64).min(all.len().max(1));
    let size = all.len().div_ceil(parts).max(1);
    let results: Vec<Projected> = std::thread::scope(|sc| {
        let handles: Vec<_> = all
            .chunks(size)
            .enumerate()
            .map(|(k, chunk)| {
                sc.spawn(move || population::project_part(p, chunk, k * size, a, s, detail))
            })
            .collect();
        handles
            .into_iter()
            .map(|h| h.join().unwrap_or_else(|_| Err(internal_error())))
            .collect()
    });
    let mut totals = vec![YearTotals::default(); usize::try_from(s.years).unwrap_or(0)];
    let mut outcomes = Vec::new();
    for r in results {
        let (t, o) = r?;
        for (a, b) in totals.iter_mut().zip(&t) {
            a.add(b)?;
        }
        outcomes.extend(o);
    }
    Ok((totals, outcomes))
}

/// A month as the `YYYYMM` integer the frames hold.
fn yyyymm(m: bhxh::YearMonth) -> i64 {
    i64::from(m.year()) * 100 + i64::from(m.month())
}

fn yearly_dict<'py>(py: Python<'py>, start: i64, t: &[YearTotals]) -> PyResult<Bound<'py, PyDict>> {
    let d = PyDict::new(py);
    // Each year's first and last month, by the engine's month arithmetic.
    let start = bhxh::batch::month_from_yyyymm(start)
        .ok_or_else(|| engine_error(&bhxh::Error::Internal {}))?;
    let firsts: Vec<bhxh::YearMonth> = (0..t.len())
        .map(|k| start.plus(i32::try_from(12 * k).unwrap_or(i32::MAX)))
        .collect();
    let column =
        |f: &dyn Fn(bhxh::YearMonth) -> i64| firsts.iter().map(|m| f(*m)).collect::<Vec<i64>>();
    d.set_item("year", column(&|m| i64::from(m.year())).into_pyarray(py))?;
    d.set_item("from_month", column(&yyyymm).into_pyarray(py))?;
    d.set_item("to_month", column(&|m| yyyymm(m.plus(11))).into_pyarray(py))?;
    // The engine's column list (one list for every host).
    let rows: Vec<_> = t.iter().map(YearTotals::columns).collect();
    for (k, (name, _)) in YearTotals::default().columns().iter().enumerate() {
        let values: Vec<i64> = rows.iter().map(|r| r[k].1).collect();
        d.set_item(*name, values.into_pyarray(py))?;
    }
    Ok(d)
}

fn outcome_dict<'py>(py: Python<'py>, o: &[Outcome]) -> PyResult<Bound<'py, PyDict>> {
    let d = PyDict::new(py);
    let yyyymm = |m: Option<bhxh::YearMonth>| m.map_or(-1, yyyymm);
    d.set_item(
        "person_id",
        o.iter()
            .map(|x| x.id)
            .collect::<Vec<u64>>()
            .into_pyarray(py),
    )?;
    d.set_item(
        "outcome",
        o.iter().map(|x| x.status.code()).collect::<Vec<&str>>(),
    )?;
    d.set_item(
        "months",
        o.iter()
            .map(|x| i64::from(x.months))
            .collect::<Vec<_>>()
            .into_pyarray(py),
    )?;
    d.set_item(
        "contributions",
        o.iter()
            .map(|x| x.contributions)
            .collect::<Vec<_>>()
            .into_pyarray(py),
    )?;
    d.set_item(
        "support",
        o.iter()
            .map(|x| x.support)
            .collect::<Vec<_>>()
            .into_pyarray(py),
    )?;
    d.set_item(
        "pension_start",
        o.iter()
            .map(|x| yyyymm(x.pension_start))
            .collect::<Vec<_>>()
            .into_pyarray(py),
    )?;
    d.set_item(
        "monthly_benefit",
        o.iter()
            .map(|x| x.monthly_benefit)
            .collect::<Vec<_>>()
            .into_pyarray(py),
    )?;
    d.set_item(
        "lump_sum",
        o.iter()
            .map(|x| x.lump_sum)
            .collect::<Vec<_>>()
            .into_pyarray(py),
    )?;
    d.set_item(
        "support_returned",
        o.iter()
            .map(|x| x.support_returned)
            .collect::<Vec<_>>()
            .into_pyarray(py),
    )?;
    d.set_item(
        "death_month",
        o.iter()
            .map(|x| yyyymm(x.death))
            .collect::<Vec<_>>()
            .into_pyarray(py),
    )?;
    Ok(d)
}
