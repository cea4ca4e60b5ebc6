//! The format of the law files and of parameter overlays: JSON, read with serde_json. The
//! law layer (`law/`) asks for typed values through [`Format`]; this module answers.

use crate::error::Result;
use crate::law::parameters::{Format, Params, LAW_FILES};
use serde::de::DeserializeOwned;
use serde_json::Value;

/// JSON, the format of `crates/bhxh/law/*.json` and of the `parameters` overlay.
pub struct Json;

impl Format for Json {
    type Piece = Value;

    fn parse<T: DeserializeOwned>(text: &str) -> std::result::Result<T, String> {
        serde_json::from_str(text).map_err(|e| e.to_string())
    }

    fn decode<T: DeserializeOwned>(piece: &Value) -> std::result::Result<T, String> {
        T::deserialize(piece).map_err(|e| e.to_string())
    }

    fn members(piece: &Value) -> Option<Vec<(&str, &Value)>> {
        piece
            .as_object()
            .map(|m| m.iter().map(|(k, v)| (k.as_str(), v)).collect())
    }

    fn canonical(piece: &Value) -> String {
        serde_json::to_string(piece).unwrap_or_default()
    }

    fn encode<T: serde::Serialize>(value: &T) -> Option<Value> {
        serde_json::to_value(value).ok()
    }
}

impl Params {
    /// This parameter set with a caller's JSON overlay applied (contract field
    /// `parameters`); see [`Params::overlaid`].
    ///
    /// # Errors
    /// `invalid_type`, `unknown_field`, `invalid_parameters`.
    pub fn with_overlay(&self, overlay: &Value) -> Result<Params> {
        self.overlaid::<Json>(overlay)
    }
}

/// The parameter catalogue for UIs and the `bhxh params` command: every law file, parsed,
/// as a JSON array (values, dates, citations and confidence grades).
pub fn catalogue() -> Value {
    Value::Array(
        LAW_FILES
            .iter()
            .filter_map(|(_, text)| serde_json::from_str::<Value>(text).ok())
            .collect(),
    )
}

/// The catalogue of a parameter set (an agency's overlay applied): the same array as
/// [`catalogue`], each parameter as the engine holds it.
pub fn catalogue_of(params: &Params) -> Value {
    Value::Array(
        params
            .encoded::<Json>()
            .into_iter()
            .filter_map(|(_, v)| v)
            .collect(),
    )
}

/// The life table shipped with the engine (`assumptions/mortality_vn.json`: UN WPP 2024,
/// Viet Nam 2019, by sex and single year of age).
pub const MORTALITY_VN: &str = include_str!("../assumptions/mortality_vn.json");

/// The shipped life table as annual probabilities of dying (decision K-22).
///
/// # Errors
/// `invalid_parameters` if the shipped file were invalid (a test prevents it).
pub fn life_table() -> Result<crate::project::population::LifeTable> {
    let v: Value =
        serde_json::from_str(MORTALITY_VN).map_err(|e| crate::Error::InvalidParameters {
            field: "assumptions/mortality_vn.json".into(),
            detail: e.to_string(),
        })?;
    life_table_from(&v, "assumptions.mortality")
}

/// A life table `{"measure": "mx" | "qx", "male": [[age, "value"], ...], "female": [...]}`
/// (ages 0, 1, 2, … in order, the last one open; values exact decimals as strings) as
/// annual probabilities of dying in parts per million. From central death rates,
/// `qx = mx / (1 + (1 − ax) mx)` with `ax` = 0.15 at age 0 and 0.5 above, and `qx = 1` for
/// the open last age.
///
/// # Errors
/// `invalid_parameters` naming the first bad entry.
pub fn life_table_from(v: &Value, field: &str) -> Result<crate::project::population::LifeTable> {
    let bad = |f: String, d: &str| crate::Error::InvalidParameters {
        field: f,
        detail: d.into(),
    };
    let measure = v.get("measure").and_then(Value::as_str).unwrap_or("qx");
    if measure != "mx" && measure != "qx" {
        return Err(bad(format!("{field}.measure"), "\"mx\" or \"qx\""));
    }
    let sex = |key: &str| -> Result<Vec<u32>> {
        let rows = v
            .get(key)
            .and_then(Value::as_array)
            .ok_or_else(|| bad(format!("{field}.{key}"), "a list of [age, \"value\"]"))?;
        let last = rows.len().saturating_sub(1);
        rows.iter()
            .enumerate()
            .map(|(i, r)| {
                let path = format!("{field}.{key}[{i}]");
                let age = r.get(0).and_then(Value::as_u64);
                let value = r
                    .get(1)
                    .and_then(Value::as_str)
                    .and_then(|s| s.parse::<rust_decimal::Decimal>().ok());
                match (age, value) {
                    (Some(a), Some(x)) if a == i as u64 => probability(x, measure, a, i == last)
                        .ok_or_else(|| bad(path, "a rate from 0 (a probability at most 1)")),
                    _ => Err(bad(
                        path,
                        "[age, \"decimal\"] with ages 0, 1, 2, … in order",
                    )),
                }
            })
            .collect()
    };
    let t = crate::project::population::LifeTable {
        male: sex("male")?,
        female: sex("female")?,
    };
    if t.male.is_empty() || t.female.is_empty() {
        return Err(bad(field.into(), "both sexes need at least one age"));
    }
    Ok(t)
}

/// One age's annual probability of dying in parts per million.
fn probability(x: rust_decimal::Decimal, measure: &str, age: u64, open: bool) -> Option<u32> {
    use rust_decimal::Decimal;
    if x.is_sign_negative() {
        return None;
    }
    let q = match (measure, open) {
        ("mx", true) => Decimal::ONE,
        ("mx", false) => {
            let a = if age == 0 {
                Decimal::new(15, 2)
            } else {
                Decimal::new(5, 1)
            };
            x.checked_div(
                Decimal::ONE.checked_add((Decimal::ONE.checked_sub(a)?).checked_mul(x)?)?,
            )?
        }
        _ => x,
    };
    if q > Decimal::ONE {
        return None;
    }
    let ppm = q.checked_mul(Decimal::from(1_000_000))?.round();
    u32::try_from(ppm.mantissa() / 10i128.pow(ppm.scale())).ok()
}

/// The assumptions of a population projection from JSON (decision K-22):
/// `{"persistence": "0.9" | [[from_age, "p"], ...], "mortality": "vn_2019" | "none" |
/// {life table}, "lump_sum_take_up": "p", "allowance_take_up": "p", "income_growth": "0"}`,
/// every field optional; probabilities are decimals as strings (exact; more than six
/// decimals are rounded to parts per million). Defaults: persistence 1, the shipped life
/// table, no lump sum, no allowance (everyone short of 15 years goes on paying).
///
/// # Errors
/// `unknown_field`, `invalid_type` or `value_out_of_range` naming the field.
pub fn assumptions_from(v: &Value) -> Result<crate::project::population::Assumptions> {
    use crate::project::population::Assumptions;
    let map = v.as_object().ok_or_else(|| crate::Error::InvalidType {
        field: "assumptions".into(),
        expected: crate::Words::new("a JSON object", "một đối tượng JSON"),
    })?;
    const KNOWN: [&str; 5] = [
        "persistence",
        "mortality",
        "lump_sum_take_up",
        "allowance_take_up",
        "income_growth",
    ];
    if let Some(k) = map.keys().find(|k| !KNOWN.contains(&k.as_str())) {
        return Err(crate::Error::UnknownField {
            field: format!("assumptions.{k}"),
        });
    }
    let persistence = persistence_from(map.get("persistence"))?;
    let mortality = mortality_from(map.get("mortality"))?;
    if let Some(g) = map.get("income_growth") {
        if ppm(g, "assumptions.income_growth")? != 0 {
            return Err(range(
                "assumptions.income_growth",
                &g.to_string(),
                (
                    "0: amounts are in today's prices (decision K-17)",
                    "0: số tiền theo giá hiện tại (quyết định K-17)",
                ),
            ));
        }
    }
    let share = |k: &str| {
        map.get(k)
            .map_or(Ok(0), |p| ppm(p, &format!("assumptions.{k}")))
    };
    Ok(Assumptions {
        persistence,
        mortality,
        lump_sum_take_up: share("lump_sum_take_up")?,
        allowance_take_up: share("allowance_take_up")?,
    })
}

/// `assumptions.persistence`: one probability, or bands `[[from_age, "p"], ...]`.
fn persistence_from(v: Option<&Value>) -> Result<Vec<(u32, u32)>> {
    let persistence = match v {
        None => vec![(0, 1_000_000)],
        Some(Value::Array(bands)) => bands
            .iter()
            .enumerate()
            .map(|(i, b)| {
                let f = format!("assumptions.persistence[{i}]");
                let age = b
                    .get(0)
                    .and_then(Value::as_u64)
                    .and_then(|a| u32::try_from(a).ok());
                match (age, b.get(1)) {
                    (Some(a), Some(p)) => Ok((a, ppm(p, &f)?)),
                    _ => Err(range(
                        &f,
                        &b.to_string(),
                        ("[from_age, \"probability\"]", "[tuổi_từ, \"xác suất\"]"),
                    )),
                }
            })
            .collect::<Result<Vec<_>>>()?,
        Some(p) => vec![(0, ppm(p, "assumptions.persistence")?)],
    };
    if persistence.windows(2).any(|w| w[0].0 >= w[1].0) {
        return Err(range(
            "assumptions.persistence",
            "bands",
            (
                "bands in increasing order of age",
                "các nhóm tuổi theo thứ tự tăng dần",
            ),
        ));
    }
    Ok(persistence)
}

/// `assumptions.mortality`: the shipped table, none, or an analyst's table.
fn mortality_from(v: Option<&Value>) -> Result<Option<crate::project::population::LifeTable>> {
    Ok(match v {
        None => Some(life_table()?),
        Some(Value::String(s)) if s == "vn_2019" => Some(life_table()?),
        Some(Value::String(s)) if s == "none" => None,
        Some(t @ Value::Object(_)) => Some(life_table_from(t, "assumptions.mortality")?),
        Some(other) => {
            return Err(range(
                "assumptions.mortality",
                &other.to_string(),
                (
                    "\"vn_2019\", \"none\" or a life table",
                    "\"vn_2019\", \"none\" hoặc một bảng sống",
                ),
            ))
        }
    })
}

fn range(field: &str, value: &str, expected: (&'static str, &'static str)) -> crate::Error {
    crate::Error::ValueOutOfRange {
        field: field.into(),
        value: crate::error::excerpt(value),
        expected: crate::Words::new(expected.0, expected.1),
    }
}

/// A probability (a decimal string, or the integers 0 and 1) in parts per million.
fn ppm(v: &Value, field: &str) -> Result<u32> {
    use rust_decimal::Decimal;
    let d = match v {
        Value::String(s) => s.parse::<Decimal>().ok(),
        Value::Number(n) => n.as_u64().filter(|n| *n <= 1).map(Decimal::from),
        _ => None,
    };
    d.filter(|d| !d.is_sign_negative() && *d <= Decimal::ONE)
        .and_then(|d| d.checked_mul(Decimal::from(1_000_000)))
        .map(|d| d.round())
        .and_then(|d| u32::try_from(d.mantissa() / 10i128.pow(d.scale())).ok())
        .ok_or_else(|| {
            range(
                field,
                &v.to_string(),
                (
                    "a probability from \"0\" to \"1\" (a decimal string)",
                    "xác suất từ \"0\" đến \"1\" (số thập phân dạng chuỗi)",
                ),
            )
        })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::law::parameters::Confidence;
    use crate::YearMonth;

    fn m(s: &str) -> YearMonth {
        s.parse().unwrap()
    }

    #[test]
    fn embedded_data_loads_and_validates() {
        let p = Params::embedded().unwrap();
        assert!(p.hash.starts_with("fnv1a64:"));
        assert_eq!(
            *p.rural_poverty_line.at(m("2026-12")).unwrap().value,
            1_500_000
        );
        assert_eq!(
            *p.rural_poverty_line.at(m("2027-01")).unwrap().value,
            2_200_000
        );
        assert_eq!(
            *p.reference_level.at(m("2026-06")).unwrap().value,
            2_340_000
        );
        assert_eq!(
            *p.reference_level.at(m("2026-07")).unwrap().value,
            2_530_000
        );
        assert!(p.rural_poverty_line.at(m("2015-12")).is_none());
    }

    #[test]
    fn the_shipped_life_table_reads() {
        let t = life_table().unwrap();
        assert_eq!((t.male.len(), t.female.len()), (101, 101));
        // Men at 60: mx 0.0140065 → qx = 0.0140065 / 1.00700325 = 0.013909… → 13,909 ppm.
        assert_eq!(t.male[60], 13_909);
        // Boys at 0: mx 0.01881607 → qx = 0.01881607 / (1 + 0.85 × 0.01881607) = 0.0185198…
        assert_eq!(t.male[0], 18_520);
        assert_eq!(t.female[100], 1_000_000);
        assert!(t.male.windows(2).skip(40).all(|w| w[0] <= w[1]));
        let bad =
            serde_json::json!({"measure": "qx", "male": [[0, "0.1"], [2, "0.2"]], "female": []});
        assert_eq!(
            life_table_from(&bad, "m").unwrap_err().field(),
            Some("m.male[1]")
        );
        let bad =
            serde_json::json!({"measure": "qx", "male": [[0, "1.5"]], "female": [[0, "0.1"]]});
        assert!(life_table_from(&bad, "m").is_err());
    }

    #[test]
    fn the_catalogue_of_the_embedded_set_is_the_law_files() {
        let p = Params::embedded().unwrap();
        let a = catalogue();
        let b = catalogue_of(p);
        let (a, b) = (a.as_array().unwrap(), b.as_array().unwrap());
        assert_eq!(a.len(), b.len());
        for (x, y) in a.iter().zip(b) {
            assert_eq!(x, y, "{}", x["id"]);
        }
    }

    #[test]
    fn overlay_replaces_and_inserts() {
        let p = Params::embedded().unwrap();
        let o = serde_json::json!({"rural_poverty_line": {"values": [
            {"from": "2027-01", "value": 2500000},
            {"from": "2029-01", "value": 3000000}
        ]}});
        let q = p.with_overlay(&o).unwrap();
        assert_eq!(
            *q.rural_poverty_line.at(m("2027-06")).unwrap().value,
            2_500_000
        );
        assert_eq!(
            *q.rural_poverty_line.at(m("2029-06")).unwrap().value,
            3_000_000
        );
        assert_eq!(
            *q.rural_poverty_line.at(m("2026-06")).unwrap().value,
            1_500_000
        );
        assert_ne!(q.hash, p.hash);
        let e = q.rural_poverty_line.at(m("2027-06")).unwrap().entry;
        assert_eq!(e.confidence, Confidence::U);
    }

    #[test]
    fn overlay_errors_name_the_field() {
        let p = Params::embedded().unwrap();
        let bad = serde_json::json!({"rural_povrty_line": {"values": []}});
        assert_eq!(p.with_overlay(&bad).unwrap_err().code(), "unknown_field");
        let bad = serde_json::json!({"contribution_rate": {"values": [{"from": "2026-01", "value": "1.5"}]}});
        let e = p.with_overlay(&bad).unwrap_err();
        assert_eq!(e.code(), "invalid_parameters");
        assert!(e
            .field()
            .unwrap()
            .starts_with("parameters.contribution_rate"));
        let bad = serde_json::json!({"rural_poverty_line": {"values": [{"from": "2026-13", "value": 1}]}});
        assert_eq!(
            p.with_overlay(&bad).unwrap_err().code(),
            "invalid_parameters"
        );
        // Coefficient tables: a key that is not a year, or a coefficient too large to scale,
        // is reported by validation at the path of its value (never a panic).
        for table in [
            serde_json::json!({"abcd": "1.00"}),
            serde_json::json!({"+202": "1.00"}),
            serde_json::json!({"20200": "1.00"}),
            serde_json::json!({"2020": "70000000000000000000000000000"}),
        ] {
            let bad = serde_json::json!({"income_adjustment_coefficients": {"values": [{"from": "2026-01", "value": table}]}});
            let e = p.with_overlay(&bad).unwrap_err();
            assert_eq!(e.code(), "invalid_parameters", "{table}");
            let field = e.field().unwrap();
            assert!(
                field.starts_with("parameters.income_adjustment_coefficients.values["),
                "{field}"
            );
        }
    }
}
