//! Over the whole scenario corpus: a response that says whether something is payable
//! (`eligible`) gives a `reason` exactly when it is not — never a reason for a payable
//! benefit, never a refusal without one.

use serde_json::Value;
use std::path::Path;

fn scenarios(dir: &Path, out: &mut Vec<Value>) {
    for e in std::fs::read_dir(dir).unwrap() {
        let p = e.unwrap().path();
        if p.is_dir() {
            scenarios(&p, out);
        } else if p.extension().is_some_and(|x| x == "json") {
            out.push(serde_json::from_str(&std::fs::read_to_string(&p).unwrap()).unwrap());
        }
    }
}

#[test]
fn a_reason_exactly_when_not_eligible() {
    let mut all = Vec::new();
    scenarios(
        &Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/scenarios"),
        &mut all,
    );
    let (mut yes, mut no) = (0, 0);
    for sc in all {
        let Some(req) = sc.get("request") else {
            continue;
        };
        let Ok(out) = bhxh::evaluate(&req.to_string()) else {
            continue;
        };
        let v: Value = serde_json::from_str(&out).unwrap();
        let Some(eligible) = v.get("eligible").and_then(Value::as_bool) else {
            continue;
        };
        let reason = v
            .get("reason")
            .and_then(Value::as_str)
            .filter(|r| !r.is_empty());
        assert_eq!(
            reason.is_none(),
            eligible,
            "{}: eligible {eligible}, reason {reason:?}",
            sc["name"]
        );
        if eligible {
            yes += 1
        } else {
            no += 1
        }
    }
    assert!(
        yes > 20 && no > 20,
        "{yes} eligible, {no} not: the corpus scan is broken"
    );
}
