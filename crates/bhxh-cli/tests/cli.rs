//! The `bhxh` command end to end: exit statuses, error objects, readable tables.

use std::io::Write;
use std::process::{Command, Output, Stdio};

fn bhxh(args: &[&str], stdin: &str) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_bhxh"))
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("spawn bhxh");
    child
        .stdin
        .take()
        .unwrap()
        .write_all(stdin.as_bytes())
        .unwrap();
    child.wait_with_output().unwrap()
}

fn json(o: &Output) -> serde_json::Value {
    serde_json::from_slice(&o.stdout).expect("stdout is JSON")
}

#[test]
fn eval_answers_on_stdout() {
    let o = bhxh(
        &["eval"],
        r#"{"calculation":"contribution","payment_month":"2026-07","income":50600000,"method":"monthly"}"#,
    );
    assert_eq!(o.status.code(), Some(0));
    let v = json(&o);
    assert_eq!(v["income_ceiling"], 50_600_000);
    assert_eq!(v["gross"], 11_132_000);
    assert_eq!(v["payable"], 11_132_000 - 66_000);
}

#[test]
fn eval_bad_input_exits_2_with_the_error_object() {
    for (input, code, field) in [
        ("{not json", "malformed_json", None),
        ("", "malformed_json", None),
        ("\u{0}\u{1}\u{2}", "malformed_json", None),
        (r#"[1,2]"#, "invalid_type", Some("$")),
        (
            r#"{"calculation":"contribution","payment_month":"2026-06","income":46850000,"method":"monthly"}"#,
            "income_above_ceiling",
            Some("income"),
        ),
        (
            r#"{"calculation":"contribution","payment_month":"2026-06","income":3000000,"method":"monthly","colour":1}"#,
            "unknown_field",
            Some("colour"),
        ),
        (
            r#"{"calculation":"retirement","sex":"male","birth_date":"1970-02-30"}"#,
            "invalid_date",
            Some("birth_date"),
        ),
    ] {
        let o = bhxh(&["eval"], input);
        assert_eq!(o.status.code(), Some(2), "{input}");
        let v = json(&o);
        assert_eq!(v["error"]["code"], code, "{input}");
        assert_eq!(v["error"]["field"].as_str(), field, "{input}");
        assert!(!v["error"]["message_vi"].as_str().unwrap().is_empty());
    }
}

#[test]
fn eval_reads_a_file() {
    let dir = std::env::temp_dir().join(format!("bhxh-cli-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let f = dir.join("req.json");
    std::fs::write(
        &f,
        r#"{"calculation":"retirement","sex":"female","birth_date":"1966-09"}"#,
    )
    .unwrap();
    let o = bhxh(&["eval", f.to_str().unwrap()], "");
    assert_eq!(o.status.code(), Some(0));
    assert_eq!(json(&o)["age_reached_month"], "2022-05");
    std::fs::write(&f, [0xffu8, 0xfe, b'{']).unwrap();
    let o = bhxh(&["eval", f.to_str().unwrap()], "");
    assert_eq!(o.status.code(), Some(2));
    assert_eq!(json(&o)["error"]["code"], "malformed_json");
}

#[test]
fn quote_prints_a_vietnamese_table() {
    let o = bhxh(
        &[
            "quote",
            "--income",
            "3000000",
            "--category",
            "near_poor",
            "--payment-month",
            "2026-03",
            "--trace",
        ],
        "",
    );
    assert_eq!(o.status.code(), Some(0));
    let s = String::from_utf8(o.stdout).unwrap();
    assert!(s.contains("SỐ TIỀN PHẢI ĐÓNG"), "{s}");
    assert!(s.contains("528.000 đồng"), "{s}");
    assert!(s.contains("Decree 159/2025/NĐ-CP"), "{s}");
}

#[test]
fn quote_in_english_and_errors_in_words() {
    let o = bhxh(
        &[
            "quote",
            "--income",
            "3000000",
            "--payment-month",
            "2027-01",
            "--lang",
            "en",
        ],
        "",
    );
    let s = String::from_utf8(o.stdout).unwrap();
    assert!(
        s.contains("AMOUNT PAYABLE") && s.contains("563,200 VND"),
        "{s}"
    );
    let o = bhxh(
        &["quote", "--income", "1500000", "--payment-month", "2027-01"],
        "",
    );
    assert_eq!(o.status.code(), Some(2));
    let s = String::from_utf8(o.stdout).unwrap();
    assert!(
        s.contains("income_below_floor") && s.contains("2.200.000 đồng"),
        "{s}"
    );
}

#[test]
fn retire_and_explain() {
    let o = bhxh(
        &[
            "retire",
            "--sex",
            "male",
            "--birth-date",
            "1965-03",
            "--lang",
            "en",
        ],
        "",
    );
    let s = String::from_utf8(o.stdout).unwrap();
    assert!(
        s.contains("61 years 6 months") && s.contains("2026-10-01"),
        "{s}"
    );
    let o = bhxh(
        &["explain", "--lang", "en"],
        r#"{"calculation":"retirement","sex":"female","birth_date":"1980"}"#,
    );
    let s = String::from_utf8(o.stdout).unwrap();
    assert!(
        s.contains("EXPLANATION") && s.contains("Decree 135/2020"),
        "{s}"
    );
}

#[test]
fn usage_errors_exit_64() {
    assert_eq!(bhxh(&["frobnicate"], "").status.code(), Some(64));
    assert_eq!(bhxh(&["quote", "--income"], "").status.code(), Some(64));
    assert_eq!(
        bhxh(&["quote", "--income", "3000000", "--bogus", "1"], "")
            .status
            .code(),
        Some(64)
    );
}

#[test]
fn params_lists_citations() {
    let o = bhxh(&["params"], "");
    let s = String::from_utf8(o.stdout).unwrap();
    assert!(
        s.contains("rural_poverty_line") && s.contains("Decree 351/2025"),
        "{s}"
    );
}

#[test]
fn refund_prints_the_unused_months_and_matches_eval() {
    let args = [
        "refund",
        "--income",
        "3000000",
        "--payment-month",
        "2026-01",
        "--method",
        "every_12_months",
        "--category",
        "near_poor",
        "--reason",
        "lump_sum",
        "--from-month",
        "2026-07",
    ];
    let o = bhxh(&args, "");
    assert!(o.status.success());
    let text = String::from_utf8_lossy(&o.stdout);
    assert!(text.contains("HOÀN TRẢ"), "{text}");
    assert!(text.contains("3.168.000 đồng"), "{text}");
    let as_json = json(&bhxh(&[&args[..], &["--json"]].concat(), ""));
    let req = r#"{"calculation":"refund","payment_month":"2026-01","income":3000000,"method":"every_12_months","categories":["near_poor"],"reason":"lump_sum","from_month":"2026-07"}"#;
    assert_eq!(as_json, json(&bhxh(&["eval"], req)));
    assert_eq!(as_json["amount"], 3_168_000);
    // A missing reason is a usage error, a monthly method the engine's coded error.
    assert_eq!(bhxh(&args[..9], "").status.code(), Some(64));
    let monthly = bhxh(
        &[
            &args[..5],
            &[
                "--method",
                "monthly",
                "--reason",
                "death",
                "--from-month",
                "2026-01",
            ],
        ]
        .concat(),
        "",
    );
    assert_eq!(monthly.status.code(), Some(2));
}

#[test]
fn input_and_output_failures_are_reported() {
    // Invalid UTF-8 from a file and from stdin: the contract's malformed_json, status 2.
    let dir = std::env::temp_dir().join(format!("bhxh-cli-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let bad = dir.join("bad.json");
    std::fs::write(
        &bad,
        b"{\"calculation\":\"retirement\",\"sex\":\"m\xffale\"}",
    )
    .unwrap();
    let o = bhxh(&["eval", bad.to_str().unwrap()], "");
    assert_eq!(o.status.code(), Some(2));
    assert_eq!(json(&o)["error"]["code"], "malformed_json");
    // A request over the limit is refused without being read whole.
    let o = bhxh(
        &["eval", "--max-request-bytes", "20"],
        r#"{"calculation":"retirement","sex":"male","birth_date":"1970"}"#,
    );
    assert_eq!(o.status.code(), Some(2));
    assert_eq!(json(&o)["error"]["code"], "request_too_large");
    // Writing to a full device fails loudly (exit 74), never claims success.
    if std::path::Path::new("/dev/full").exists() {
        let full = std::fs::OpenOptions::new()
            .write(true)
            .open("/dev/full")
            .unwrap();
        let o = std::process::Command::new(env!("CARGO_BIN_EXE_bhxh"))
            .args(["retire", "--sex", "male", "--birth-date", "1970"])
            .stdout(full)
            .output()
            .unwrap();
        assert_eq!(o.status.code(), Some(74));
        assert!(String::from_utf8_lossy(&o.stderr).contains("cannot write"));
    }
    std::fs::remove_dir_all(&dir).ok();
}

#[cfg(unix)]
#[test]
fn arguments_that_are_not_utf8_are_a_usage_error() {
    use std::os::unix::ffi::OsStrExt;
    let o = std::process::Command::new(env!("CARGO_BIN_EXE_bhxh"))
        .args(["quote", "--income", "3000000", "--province"])
        .arg(std::ffi::OsStr::from_bytes(b"\xff"))
        .output()
        .unwrap();
    assert_eq!(o.status.code(), Some(64));
    assert!(String::from_utf8_lossy(&o.stderr).contains("not UTF-8"));
}

#[test]
fn bhyt_prints_the_household_bill_and_matches_eval() {
    let args = [
        "bhyt",
        "--payment-month",
        "2026-08",
        "--member",
        "self_paying",
        "--member",
        "near_poor",
        "--member",
        "agri_average:household",
        "--payment-date",
        "2026-08-10",
        "--previous-expiry",
        "2026-08-31",
    ];
    let o = bhxh(&args, "");
    assert!(o.status.success());
    let text = String::from_utf8_lossy(&o.stdout);
    assert!(text.contains("BẢO HIỂM Y TẾ HỘ GIA ĐÌNH"), "{text}");
    // 1,366,200 + 409,860 + 956,340 (rank 2 of the household, 70 %).
    assert!(text.contains("2.732.400 đồng"), "{text}");
    assert!(text.contains("Thành viên hộ cận nghèo"), "{text}");
    assert!(text.contains("01/09/2026"), "{text}");
    let as_json = json(&bhxh(&[&args[..], &["--json"]].concat(), ""));
    let req = r#"{"calculation":"health_insurance","payment_month":"2026-08","members":[{"group":"self_paying"},{"group":"near_poor"},{"group":"agri_average","form":"household"}],"payment_date":"2026-08-10","previous_card_expiry":"2026-08-31"}"#;
    assert_eq!(as_json, json(&bhxh(&["eval"], req)));
    assert_eq!(as_json["total_payable"], 2_732_400);
    // No member is a usage error; an unknown group the engine's coded error.
    assert_eq!(bhxh(&args[..3], "").status.code(), Some(64));
    let bad = bhxh(&["bhyt", "--member", "rich", "--lang", "en"], "");
    assert_eq!(bad.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&bad.stdout).contains("unknown_category"));
}
