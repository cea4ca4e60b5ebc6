//! Every range check of the law data, at its boundary: an overlay that changes one field of a
//! parameter's latest value to just inside the allowed range is accepted, and to just outside
//! it is refused with `invalid_parameters` (the embedded data only ever holds valid values, so
//! without these cases no test would notice a check that accepts everything).

use serde_json::{json, Value};

/// The latest dated value of parameter `id` in the catalogue, and its month.
fn latest(id: &str) -> (String, Value) {
    let cat = bhxh::catalogue();
    let p = cat
        .as_array()
        .unwrap()
        .iter()
        .find(|p| p["id"] == id)
        .unwrap_or_else(|| panic!("no parameter {id}"));
    let v = p["values"].as_array().unwrap().last().unwrap();
    (v["from"].as_str().unwrap().to_string(), v["value"].clone())
}

/// Whether an overlay setting `pointer` of `id`'s latest value to `new` is accepted.
fn accepted(id: &str, pointer: &str, new: &Value) -> bool {
    let (from, mut value) = latest(id);
    if pointer.is_empty() {
        value = new.clone();
    } else {
        *value
            .pointer_mut(pointer)
            .unwrap_or_else(|| panic!("{id}{pointer}")) = new.clone();
    }
    let req = json!({
        "calculation": "retirement", "sex": "male", "birth_date": "1970",
        "parameters": { id: { "values": [{ "from": from, "value": value }] } },
    });
    match bhxh::evaluate(&req.to_string()) {
        Ok(_) => true,
        Err(e) => {
            assert_eq!(e.code(), "invalid_parameters", "{id}{pointer} = {new}: {e}");
            false
        }
    }
}

/// `(parameter, JSON pointer into its value, value just inside, value just outside)`.
const BOUNDARIES: &[(&str, &str, &str, &str)] = &[
    ("contribution_rate", "", r#""1""#, r#""1.01""#),
    ("contribution_rate", "", r#""0.01""#, r#""0""#),
    ("rural_poverty_line", "", "1", "0"),
    ("income_ceiling_multiple", "", "1000", "1001"),
    ("income_ceiling_multiple", "", "1", "0"),
    ("income_step", "", "10000000", "10000001"),
    ("income_step", "", "1", "0"),
    ("state_support_rates", "/poor", r#""1""#, r#""1.01""#),
    ("state_support_rates", "/other", r#""0""#, r#""-0.01""#),
    ("support_cap_months", "", "1200", "1201"),
    ("fund_rate_monthly", "", r#""0.1""#, r#""0.11""#),
    ("fund_rate_monthly", "", r#""0""#, r#""-0.001""#),
    ("advance_months", "", "[120]", "[121]"),
    ("advance_months", "", "[1]", "[]"),
    ("advance_months", "", "[24]", "[0]"),
    ("back_payment_max_months", "", "600", "601"),
    ("back_payment_max_months", "", "1", "0"),
    ("retirement_age", "/male/years", "80", "81"),
    ("retirement_age", "/female/years", "40", "39"),
    ("retirement_age", "/male/months", "11", "12"),
    ("retirement_age", "/female/months", "11", "12"),
    (
        "income_adjustment_coefficients",
        "/2008",
        r#""100""#,
        r#""100.01""#,
    ),
    (
        "income_adjustment_coefficients",
        "/2008",
        r#""1""#,
        r#""0.99""#,
    ),
    (
        "income_adjustment_coefficients",
        "/2008",
        r#""1.25""#,
        r#""1.255""#,
    ),
    (
        "income_adjustment_coefficients",
        "",
        r#"{"2200": "1"}"#,
        r#"{"2201": "1"}"#,
    ),
    (
        "income_adjustment_coefficients",
        "",
        r#"{"1900": "1"}"#,
        r#"{"1899": "1"}"#,
    ),
    (
        "income_adjustment_coefficients",
        "",
        r#"{"1999": "1"}"#,
        "{}",
    ),
    ("funeral_allowance_multiple", "", "100", "101"),
    ("funeral_min_months", "", "1200", "1201"),
    ("funeral_min_months", "", "1", "0"),
    ("social_pension_amount", "", "1", "0"),
    ("social_pension_age", "", "120", "121"),
    ("social_pension_age_poor", "", "40", "39"),
    ("pension_rate", "/max_rate", r#""1""#, r#""1.01""#),
    (
        "pension_rate",
        "/allowance_per_year",
        r#""12""#,
        r#""12.01""#,
    ),
    ("pension_rate", "/allowance_per_year", r#""0""#, r#""-0.5""#),
    (
        "pension_rate",
        "/allowance_per_year_after_age",
        r#""12""#,
        r#""12.5""#,
    ),
    (
        "pension_rate",
        "/allowance_per_year_after_age",
        r#""0""#,
        r#""-1""#,
    ),
    ("pension_rate", "/male/allowance_above_years", "100", "101"),
    (
        "pension_rate",
        "/female/allowance_above_years",
        "100",
        "101",
    ),
    ("pension_rate", "/male/bands/0/from_years", "19", "60.5"),
    ("pension_rate", "/female/bands/0/from_years", "14", "61"),
    ("pension_rate", "/male/bands/0/rate", r#""1""#, r#""1.01""#),
    (
        "pension_rate",
        "/female/bands/0/rate",
        r#""0""#,
        r#""-0.01""#,
    ),
    (
        "pension_rate",
        "/male/bands/0/per_year",
        r#""1""#,
        r#""1.01""#,
    ),
    (
        "pension_rate",
        "/female/bands/0/per_year",
        r#""0""#,
        r#""-0.01""#,
    ),
    (
        "transitional_retirement",
        "/voluntary_months",
        "1200",
        "1201",
    ),
    ("transitional_retirement", "/male/months", "11", "12"),
    ("transitional_retirement", "/female/months", "11", "12"),
    ("mixed_career", "/compulsory_rules_months", "1200", "1201"),
    ("mixed_career", "/compulsory_rules_months", "1", "0"),
    ("voluntary_min_age", "", "30", "31"),
    ("voluntary_min_age", "", "10", "9"),
    ("allowance_min_months", "", "1", "0"),
    ("maternity_min_months", "", "1200", "1201"),
    ("health_insurance_rate", "", r#""0.06""#, r#""0.0601""#),
    ("health_insurance_rate", "", r#""0.001""#, r#""0""#),
    (
        "health_insurance_household_shares",
        "",
        r#"["1", "1"]"#,
        r#"["0.9"]"#,
    ),
    (
        "health_insurance_household_shares",
        "",
        r#"["1", "0.7"]"#,
        r#"["1", "0.7", "0.8"]"#,
    ),
    (
        "health_insurance_household_shares",
        "/4",
        r#""0.01""#,
        r#""0""#,
    ),
    ("health_insurance_household_shares", "", r#"["1"]"#, "[]"),
    ("health_insurance_periods", "", "[12]", "[13]"),
    ("health_insurance_periods", "", "[1]", "[0]"),
    ("health_insurance_periods", "", "[3]", "[]"),
    ("health_insurance_card", "/waiting_days", "365", "366"),
    ("health_insurance_card", "/lapse_days", "3650", "3651"),
    ("health_insurance_card", "/lapse_days", "1", "0"),
    (
        "health_insurance_groups",
        "/0/support",
        r#""1""#,
        r#""1.01""#,
    ),
    (
        "health_insurance_groups",
        "/1/support",
        r#""0""#,
        r#""-0.1""#,
    ),
    (
        "health_insurance_groups",
        "/0/code",
        r#""a_valid_code""#,
        r#""Bad Code""#,
    ),
    (
        "health_insurance_groups",
        "/0/code",
        r#""new_group""#,
        r#""near_poor""#,
    ),
    (
        "health_insurance_groups",
        "/6/support",
        r#""0""#,
        r#""0.1""#,
    ),
    (
        "health_insurance_groups",
        "/6/code",
        r#""self_paying""#,
        r#""nobody""#,
    ),
];

#[test]
fn every_check_holds_at_its_boundary() {
    let mut wrong = Vec::new();
    for (id, pointer, inside, outside) in BOUNDARIES {
        let inside: Value = serde_json::from_str(inside).unwrap();
        let outside: Value = serde_json::from_str(outside).unwrap();
        if !accepted(id, pointer, &inside) {
            wrong.push(format!("{id}{pointer} = {inside} refused"));
        }
        if accepted(id, pointer, &outside) {
            wrong.push(format!("{id}{pointer} = {outside} accepted"));
        }
    }
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
}

#[test]
fn household_shares_allow_twenty_ranks_not_twenty_one() {
    let twenty = Value::Array(
        std::iter::once(json!("1"))
            .chain((1..20).map(|_| json!("0.4")))
            .collect(),
    );
    assert!(accepted("health_insurance_household_shares", "", &twenty));
    let mut more = twenty.as_array().unwrap().clone();
    more.push(json!("0.4"));
    assert!(!accepted(
        "health_insurance_household_shares",
        "",
        &Value::Array(more)
    ));
}

#[test]
fn pension_rate_bands_must_increase() {
    let (_, v) = latest("pension_rate");
    let bands = v["male"]["bands"].as_array().unwrap().clone();
    assert!(bands.len() >= 2);
    let mut swapped = bands.clone();
    swapped.swap(0, 1);
    assert!(!accepted(
        "pension_rate",
        "/male/bands",
        &Value::Array(swapped)
    ));
    let mut equal = bands.clone();
    equal[1]["from_years"] = equal[0]["from_years"].clone();
    assert!(!accepted(
        "pension_rate",
        "/male/bands",
        &Value::Array(equal)
    ));
    assert!(!accepted("pension_rate", "/female/bands", &json!([])));
    assert!(accepted(
        "pension_rate",
        "/male/bands",
        &Value::Array(bands)
    ));
}

/// Whether an overlay of `local_support` (or `health_insurance_local_support`) adding
/// `provinces` is accepted.
fn provinces_accepted(id: &str, provinces: Value) -> bool {
    let req = json!({
        "calculation": "retirement", "sex": "male", "birth_date": "1970",
        "parameters": { id: { "provinces": provinces } },
    });
    match bhxh::evaluate(&req.to_string()) {
        Ok(_) => true,
        Err(e) => {
            assert_eq!(e.code(), "invalid_parameters", "{id}: {e}");
            false
        }
    }
}

fn province(values: Value) -> Value {
    json!({"name_vi": "Tỉnh Thử", "name_en": "Test", "values": values})
}

fn shares(m: Value) -> Value {
    json!([{"from": "2026-01", "value": m, "citation": {"document": "Resolution 1/2026"}, "confidence": "U"}])
}

#[test]
fn provincial_data_is_checked() {
    let ok = |p: Value| provinces_accepted("local_support", p);
    assert!(ok(json!({"thu": province(shares(json!({"poor": "1"})))})));
    // Slugs, shares and categories.
    assert!(!ok(
        json!({"Thu": province(shares(json!({"poor": "0.1"})))})
    ));
    assert!(!ok(
        json!({"thu": province(shares(json!({"poor": "1.01"})))})
    ));
    assert!(!ok(
        json!({"thu": province(shares(json!({"poor": "-0.01"})))})
    ));
    assert!(!ok(
        json!({"thu": province(shares(json!({"rich": "0.1"})))})
    ));
    let with_cat = |code: &str, national: &str, deprecated: Option<&str>| {
        let mut p = province(shares(json!({ code: "0.1" })));
        p["local_categories"] =
            json!({ code: {"national_category": national, "label_vi": "x", "label_en": "x"} });
        if let Some(d) = deprecated {
            p["local_categories"][code]["deprecated"] = json!(d);
        }
        json!({ "thu": p })
    };
    assert!(ok(with_cat("thu_group", "other", None)));
    assert!(ok(with_cat("thu_group", "other", Some("poor"))));
    assert!(!ok(with_cat("thu_group", "rich", None)));
    assert!(!ok(with_cat("poor", "other", None)));
    assert!(!ok(with_cat("Thu-group", "other", None)));
    assert!(!ok(with_cat("thu_group", "other", Some("rich"))));
    assert!(!ok(with_cat("thu_group", "other", Some("thu_group"))));
    // Mergers: both fields, into an existing current province; areas of its own former ones.
    let former = |into: &str, merged: Option<&str>| {
        let mut f = province(json!([]));
        f["merged_into"] = json!(into);
        if let Some(m) = merged {
            f["merged"] = json!(m);
        }
        f
    };
    assert!(ok(json!({"cu": former("ha_noi", Some("2025-07"))})));
    assert!(!ok(json!({"cu": former("ha_noi", None)})));
    assert!(!ok(json!({"cu": former("nowhere", Some("2025-07"))})));
    assert!(!ok(json!({"cu": former("hai_duong", Some("2025-07"))})));
    let mut merged_only = province(json!([]));
    merged_only["merged"] = json!("2025-07");
    assert!(!ok(json!({ "cu": merged_only })));
    let area = |a: &str| {
        let mut v = shares(json!({"poor": "0.1"}));
        v[0]["area"] = json!(a);
        v
    };
    assert!(ok(json!({"hai_phong": province(area("hai_duong"))})));
    assert!(ok(json!({"hai_phong": province(area("hai_phong"))})));
    assert!(!ok(json!({"hai_phong": province(area("vinh_phuc"))})));
    let mut own_area_of_former = former("phu_tho", Some("2025-07"));
    own_area_of_former["values"] = area("vinh_phuc");
    assert!(!ok(json!({ "vinh_phuc": own_area_of_former })));
    // Values in order and cited.
    let mut twice = shares(json!({"poor": "0.1"}));
    let first = twice[0].clone();
    twice.as_array_mut().unwrap().push(first);
    assert!(!ok(json!({"thu": province(twice)})));
    let mut uncited = shares(json!({"poor": "0.1"}));
    uncited[0]["citation"]["document"] = json!(" ");
    assert!(!ok(json!({"thu": province(uncited)})));
}

#[test]
fn an_overlay_entry_cannot_name_an_area() {
    let (from, value) = latest("income_step");
    let mut req = json!({
        "calculation": "retirement", "sex": "male", "birth_date": "1970",
        "parameters": { "income_step": { "values": [{ "from": from, "value": value }] } },
    });
    assert!(bhxh::evaluate(&req.to_string()).is_ok());
    req["parameters"]["income_step"]["values"][0]["area"] = json!("ha_noi");
    assert_eq!(
        bhxh::evaluate(&req.to_string()).unwrap_err().code(),
        "invalid_parameters"
    );
}

#[test]
fn health_insurance_top_ups_name_known_groups() {
    let ok = |p: Value| provinces_accepted("health_insurance_local_support", p);
    assert!(ok(
        json!({"thu": province(shares(json!({"near_poor": "0.3"})))})
    ));
    assert!(!ok(
        json!({"thu": province(shares(json!({"rich": "0.3"})))})
    ));
    let mut p = province(shares(json!({"thu_old": "1"})));
    p["local_categories"] =
        json!({"thu_old": {"national_category": "self_paying", "label_vi": "x", "label_en": "x"}});
    assert!(ok(json!({ "thu": p.clone() })));
    p["local_categories"]["thu_old"]["national_category"] = json!("rich");
    assert!(!ok(json!({ "thu": p })));
}

#[test]
fn an_overlay_holds_at_most_1200_values_or_provinces() {
    let series = |n: usize| {
        let values: Vec<Value> = (0..n)
            .map(
                |i| json!({"from": format!("{}-{:02}", 1900 + i / 12, i % 12 + 1), "value": 50000}),
            )
            .collect();
        json!({"calculation": "retirement", "sex": "male", "birth_date": "1970",
               "parameters": {"income_step": {"values": values}}})
    };
    assert!(bhxh::evaluate(&series(1200).to_string()).is_ok());
    assert_eq!(
        bhxh::evaluate(&series(1201).to_string())
            .unwrap_err()
            .code(),
        "invalid_parameters"
    );
    let provinces = |n: usize| {
        let map: serde_json::Map<String, Value> = (0..n)
            .map(|i| (format!("p{i}"), json!({"name_vi": "x", "name_en": "x"})))
            .collect();
        json!({"calculation": "retirement", "sex": "male", "birth_date": "1970",
               "parameters": {"local_support": {"provinces": map}}})
    };
    assert!(bhxh::evaluate(&provinces(1200).to_string()).is_ok());
    assert_eq!(
        bhxh::evaluate(&provinces(1201).to_string())
            .unwrap_err()
            .code(),
        "invalid_parameters"
    );
}

/// The receipt's fingerprint of the built-in data is FNV-1a (64 bits) over the law files in
/// table order, computed here independently.
#[test]
fn the_parameter_hash_is_fnv1a_of_the_law_files() {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for (_, text) in bhxh::law::parameters::LAW_FILES {
        for b in text.bytes() {
            h ^= u64::from(b);
            h = h.wrapping_mul(0x0100_0000_01b3);
        }
    }
    let out: Value = serde_json::from_str(
        &bhxh::evaluate(r#"{"calculation": "retirement", "sex": "male", "birth_date": "1970"}"#)
            .unwrap(),
    )
    .unwrap();
    assert_eq!(
        out["receipt"]["parameters_hash"],
        format!("fnv1a64:{h:016x}")
    );
}
