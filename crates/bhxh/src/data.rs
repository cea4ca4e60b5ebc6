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
