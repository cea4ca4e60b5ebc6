//! Python binding of the `bhxh` engine (module `bhxh._bhxh`).
//!
//! A thin layer: JSON requests in and out through the engine's one entry point, and two
//! columnar batch functions over numpy arrays that release the GIL and use both cores.
//! Errors cross the boundary in one place (`engine_error`); no pension logic lives here.

use numpy::{IntoPyArray, PyArray1, PyReadonlyArray1};
use pyo3::exceptions::PyValueError;
use pyo3::prelude::*;

mod population;

pyo3::create_exception!(
    _bhxh,
    EngineError,
    PyValueError,
    "An engine error: args are (code, field, message, message_vi)."
);

/// The one place where an engine error becomes a Python exception.
fn engine_error(e: &bhxh::Error) -> PyErr {
    EngineError::new_err((
        e.code(),
        e.field().map(str::to_string),
        e.to_string(),
        e.message_vi(),
    ))
}

fn params(overlay: Option<&str>) -> Result<bhxh::Params, bhxh::Error> {
    let base = bhxh::Params::embedded()?;
    match overlay {
        None => Ok(base.clone()),
        Some(text) => {
            let v: serde_json::Value =
                serde_json::from_str(text).map_err(|e| bhxh::Error::MalformedJson {
                    detail: bhxh::Words::json_error(&e),
                })?;
            base.with_overlay(&v)
        }
    }
}

/// A failure of the engine itself (a panic, which no input should cause), as a coded error
/// so that the host gets an exception rather than an abort.
fn internal_error() -> bhxh::Error {
    bhxh::Error::Internal {}
}

/// Runs the engine on `request` within `limit` bytes, turning a panic into an error.
fn guarded(request: &str, limit: usize) -> Result<String, bhxh::Error> {
    std::panic::catch_unwind(|| bhxh::evaluate_with_limit(request, limit))
        .unwrap_or_else(|_| Err(internal_error()))
}

/// Evaluates one JSON request (at most `max_request_bytes`, default 1 MiB); raises
/// `EngineError` on a contract error.
#[pyfunction]
#[pyo3(signature = (request, max_request_bytes=bhxh::MAX_REQUEST_BYTES))]
fn evaluate(py: Python<'_>, request: &str, max_request_bytes: usize) -> PyResult<String> {
    py.detach(|| guarded(request, max_request_bytes))
        .map_err(|e| engine_error(&e))
}

/// Evaluates one JSON request; returns the response or the error object, never raises.
#[pyfunction]
#[pyo3(signature = (request, max_request_bytes=bhxh::MAX_REQUEST_BYTES))]
fn evaluate_json(py: Python<'_>, request: &str, max_request_bytes: usize) -> String {
    py.detach(|| match guarded(request, max_request_bytes) {
        Ok(s) => s,
        Err(e) => e.to_json().to_string(),
    })
}

/// The engine version.
#[pyfunction]
fn version() -> &'static str {
    bhxh::ENGINE_VERSION
}

/// The legal parameter catalogue as JSON.
#[pyfunction]
fn parameters() -> String {
    bhxh::catalogue().to_string()
}

type Quotes<'py> = (
    Bound<'py, PyArray1<i64>>,
    Bound<'py, PyArray1<i64>>,
    Bound<'py, PyArray1<i64>>,
    Bound<'py, PyArray1<i64>>,
    Bound<'py, PyArray1<u8>>,
);

/// Monthly quotes over columns: `month` as YYYYMM, `category` as the index of
/// (poor, near_poor, ethnic_minority, island_or_special_zone, other). Returns
/// (gross, state_support, local_support, payable, status) arrays.
#[pyfunction]
#[pyo3(signature = (month, income, category, subsidised_before, province=None, overlay=None))]
fn quote_monthly<'py>(
    py: Python<'py>,
    month: PyReadonlyArray1<'py, i64>,
    income: PyReadonlyArray1<'py, i64>,
    category: PyReadonlyArray1<'py, u8>,
    subsidised_before: PyReadonlyArray1<'py, i64>,
    province: Option<&str>,
    overlay: Option<&str>,
) -> PyResult<Quotes<'py>> {
    let (m, inc, cat, sub) = (
        month.as_slice()?,
        income.as_slice()?,
        category.as_slice()?,
        subsidised_before.as_slice()?,
    );
    let n = m.len();
    if inc.len() != n || cat.len() != n || sub.len() != n {
        return Err(PyValueError::new_err("columns must have the same length"));
    }
    let p = params(overlay).map_err(|e| engine_error(&e))?;
    let mut gross = vec![0i64; n];
    let mut state = vec![0i64; n];
    let mut local = vec![0i64; n];
    let mut payable = vec![0i64; n];
    let mut status = vec![0u8; n];
    py.detach(|| {
        // Two halves on two threads, each through the engine's own batch function.
        let h = n / 2;
        let (g1, g2) = gross.split_at_mut(h);
        let (s1, s2) = state.split_at_mut(h);
        let (l1, l2) = local.split_at_mut(h);
        let (p1, p2) = payable.split_at_mut(h);
        let (t1, t2) = status.split_at_mut(h);
        let half = |lo: usize, hi: usize, gross, state_support, local_support, payable, status| {
            let out = bhxh::batch::QuoteSlices {
                gross,
                state_support,
                local_support,
                payable,
                status,
            };
            bhxh::batch::quote_monthly_into(
                &p,
                province,
                &m[lo..hi],
                &inc[lo..hi],
                &cat[lo..hi],
                &sub[lo..hi],
                out,
            )
        };
        std::thread::scope(|sc| {
            let first = sc.spawn(|| half(0, h, g1, s1, l1, p1, t1));
            let second = half(h, n, g2, s2, l2, p2, t2);
            let first = first.join().unwrap_or_else(|_| {
                Err(bhxh::Error::Overflow {
                    field: "columns".into(),
                })
            });
            first.and(second)
        })
    })
    .map_err(|e| engine_error(&e))?;
    Ok((
        gross.into_pyarray(py),
        state.into_pyarray(py),
        local.into_pyarray(py),
        payable.into_pyarray(py),
        status.into_pyarray(py),
    ))
}

type Pensions<'py> = (
    Bound<'py, PyArray1<u8>>,
    Bound<'py, PyArray1<i64>>,
    Bound<'py, PyArray1<i64>>,
    Bound<'py, PyArray1<i64>>,
    Bound<'py, PyArray1<i64>>,
    Bound<'py, PyArray1<i64>>,
    Bound<'py, PyArray1<i64>>,
    Vec<&'static str>,
);

/// The person columns of `pensions`: `sex` (0 male, 1 female), `birth` and `claim`
/// (YYYYMM; claim 0 = earliest start).
type PersonArrays<'py> = (
    PyReadonlyArray1<'py, u8>,
    PyReadonlyArray1<'py, i64>,
    PyReadonlyArray1<'py, i64>,
);

/// The period columns of `pensions` (grouped by person, in person order): `person`,
/// `from`, `to`, `income`, `back_paid`.
type PeriodArrays<'py> = (
    PyReadonlyArray1<'py, i64>,
    PyReadonlyArray1<'py, i64>,
    PyReadonlyArray1<'py, i64>,
    PyReadonlyArray1<'py, i64>,
    PyReadonlyArray1<'py, bool>,
);

/// Full pension calculations over columns: `persons` (sex, birth, claim) and `periods`
/// (person, from, to, income, back_paid), see the two tuple types. Returns (eligible,
/// monthly_pension, average_income, rate_bp, contribution_months, retirement_allowance,
/// pension_start, errors).
#[pyfunction]
#[pyo3(signature = (persons, periods, overlay=None))]
fn pensions<'py>(
    py: Python<'py>,
    persons: PersonArrays<'py>,
    periods: PeriodArrays<'py>,
    overlay: Option<&str>,
) -> PyResult<Pensions<'py>> {
    let (sex, birth, claim) = persons;
    let (person, from_, to, income, back_paid) = periods;
    let (sx, b, c) = (sex.as_slice()?, birth.as_slice()?, claim.as_slice()?);
    let (pe, fr, t, inc, bp) = (
        person.as_slice()?,
        from_.as_slice()?,
        to.as_slice()?,
        income.as_slice()?,
        back_paid.as_slice()?,
    );
    let p = params(overlay).map_err(|e| engine_error(&e))?;
    let n = sx.len();
    let result = py.detach(|| {
        // Two chunks of persons; the period rows split where the second chunk's persons start.
        let half = (n / 2) as i64;
        let cut = pe.partition_point(|x| *x < half);
        let cols = |lo: usize, hi: usize| bhxh::batch::PeriodColumns {
            person: &pe[lo..hi],
            from: &fr[lo..hi],
            to: &t[lo..hi],
            income: &inc[lo..hi],
            back_paid: &bp[lo..hi],
        };
        let h = half as usize;
        std::thread::scope(|sc| {
            let first = sc.spawn(|| {
                bhxh::batch::pensions(
                    &p,
                    &sx[..h],
                    &b[..h.min(b.len())],
                    &c[..h.min(c.len())],
                    &cols(0, cut),
                    0,
                )
            });
            let second = bhxh::batch::pensions(
                &p,
                &sx[h..],
                b.get(h..).unwrap_or(&[]),
                c.get(h..).unwrap_or(&[]),
                &cols(cut, pe.len()),
                half,
            );
            let first = first.join().unwrap_or_else(|_| {
                Err(bhxh::Error::Overflow {
                    field: "columns".into(),
                })
            });
            (first, second)
        })
    });
    let (mut a, b2) = match result {
        (Ok(a), Ok(b)) => (a, b),
        (Err(e), _) | (_, Err(e)) => return Err(engine_error(&e)),
    };
    a.eligible.extend(b2.eligible);
    a.monthly_pension.extend(b2.monthly_pension);
    a.average_income.extend(b2.average_income);
    a.rate_bp.extend(b2.rate_bp);
    a.contribution_months.extend(b2.contribution_months);
    a.retirement_allowance.extend(b2.retirement_allowance);
    a.pension_start.extend(b2.pension_start);
    a.error.extend(b2.error);
    Ok((
        a.eligible.into_pyarray(py),
        a.monthly_pension.into_pyarray(py),
        a.average_income.into_pyarray(py),
        a.rate_bp.into_pyarray(py),
        a.contribution_months.into_pyarray(py),
        a.retirement_allowance.into_pyarray(py),
        a.pension_start.into_pyarray(py),
        a.error,
    ))
}

/// The status codes of `quote_monthly`, indexed by status value.
#[pyfunction]
fn row_status_codes() -> Vec<&'static str> {
    bhxh::batch::ROW_STATUSES.iter().map(|s| s.code()).collect()
}

#[pymodule]
fn _bhxh(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add("EngineError", m.py().get_type::<EngineError>())?;
    m.add_function(wrap_pyfunction!(evaluate, m)?)?;
    m.add_function(wrap_pyfunction!(evaluate_json, m)?)?;
    m.add_function(wrap_pyfunction!(version, m)?)?;
    m.add_function(wrap_pyfunction!(parameters, m)?)?;
    m.add_function(wrap_pyfunction!(quote_monthly, m)?)?;
    m.add_function(wrap_pyfunction!(pensions, m)?)?;
    m.add_function(wrap_pyfunction!(row_status_codes, m)?)?;
    m.add_function(wrap_pyfunction!(population::project_population, m)?)?;
    Ok(())
}
