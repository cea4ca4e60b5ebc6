//! Plain-text rendering of responses for people, in Vietnamese or English.

use serde_json::Value;
use std::fmt::Write;

/// Output language.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Lang {
    /// Vietnamese (default).
    Vi,
    /// English.
    En,
}

fn money(v: &Value, lang: Lang) -> String {
    let n = v.as_i64().unwrap_or(0);
    match lang {
        Lang::Vi => bhxh::money::vi(n).to_string(),
        Lang::En => bhxh::money::en(n).to_string(),
    }
}

/// The Vietnamese or the English label.
fn pick(vi: bool, vi_text: &'static str, en_text: &'static str) -> &'static str {
    if vi {
        vi_text
    } else {
        en_text
    }
}

fn row(out: &mut String, label: &str, value: String) {
    let _ = writeln!(out, "  {label:<34} {value:>22}");
}

fn method_label(m: &str, lang: Lang) -> &'static str {
    match (m, lang) {
        ("monthly", Lang::Vi) => "đóng hằng tháng",
        ("every_3_months", Lang::Vi) => "đóng 03 tháng một lần",
        ("every_6_months", Lang::Vi) => "đóng 06 tháng một lần",
        ("every_12_months", Lang::Vi) => "đóng 12 tháng một lần",
        ("advance", Lang::Vi) => "đóng một lần cho nhiều năm về sau",
        ("back_payment", Lang::Vi) => "đóng một lần cho thời gian còn thiếu",
        ("monthly", Lang::En) => "monthly",
        ("every_3_months", Lang::En) => "every 3 months",
        ("every_6_months", Lang::En) => "every 6 months",
        ("every_12_months", Lang::En) => "every 12 months",
        ("advance", Lang::En) => "advance for several years",
        ("back_payment", Lang::En) => "back payment for missing months",
        _ => "",
    }
}

/// The quote table of a `contribution` response.
pub fn contribution(v: &Value, lang: Lang) -> String {
    let mut o = String::new();
    let vi = lang == Lang::Vi;
    let n = v["months_covered"].as_i64().unwrap_or(0);
    let _ = writeln!(
        o,
        "{}",
        pick(
            vi,
            "MỨC ĐÓNG BẢO HIỂM XÃ HỘI TỰ NGUYỆN",
            "VOLUNTARY SOCIAL INSURANCE CONTRIBUTION"
        )
    );
    row(
        &mut o,
        pick(vi, "Tháng đóng", "Payment month"),
        v["payment_month"].as_str().unwrap_or("").into(),
    );
    row(
        &mut o,
        pick(vi, "Phương thức", "Method"),
        method_label(v["method"].as_str().unwrap_or(""), lang).into(),
    );
    row(
        &mut o,
        pick(vi, "Số tháng đóng", "Months covered"),
        n.to_string(),
    );
    row(
        &mut o,
        pick(vi, "Thu nhập chọn đóng", "Chosen income"),
        money(&v["income"], lang),
    );
    row(
        &mut o,
        pick(vi, "Khung thu nhập: từ", "Income range: from"),
        money(&v["income_floor"], lang),
    );
    row(
        &mut o,
        pick(vi, "                 đến", "                to"),
        money(&v["income_ceiling"], lang),
    );
    row(
        &mut o,
        pick(vi, "Mức đóng (22%)", "Contribution (22 %)"),
        money(&v["gross"], lang),
    );
    row(
        &mut o,
        pick(vi, "Nhà nước hỗ trợ", "State support"),
        format!("−{}", money(&v["state_support"], lang)),
    );
    if v["local_support"].as_i64().unwrap_or(0) > 0 {
        row(
            &mut o,
            pick(vi, "Địa phương hỗ trợ thêm", "Provincial top-up"),
            format!("−{}", money(&v["local_support"], lang)),
        );
    }
    if v["discount"].as_i64().unwrap_or(0) > 0 {
        row(
            &mut o,
            pick(vi, "Chiết khấu đóng trước", "Advance discount"),
            format!("−{}", money(&v["discount"], lang)),
        );
    }
    if v["interest"].as_i64().unwrap_or(0) > 0 {
        row(
            &mut o,
            pick(vi, "Tiền lãi đóng bù", "Back-payment interest"),
            format!("+{}", money(&v["interest"], lang)),
        );
    }
    row(
        &mut o,
        pick(vi, "SỐ TIỀN PHẢI ĐÓNG", "AMOUNT PAYABLE"),
        money(&v["payable"], lang),
    );
    row(
        &mut o,
        pick(vi, "Số tháng được hỗ trợ", "Months with support"),
        v["subsidised_months"].to_string(),
    );
    o
}

/// The `estimate` summary: what I pay, what the State adds, what I get.
pub fn estimate(v: &Value, lang: Lang) -> String {
    let mut o = String::new();
    let vi = lang == Lang::Vi;
    let _ = writeln!(
        o,
        "{}",
        pick(
            vi,
            "DỰ TÍNH BHXH TỰ NGUYỆN (giá hiện tại)",
            "VOLUNTARY SOCIAL INSURANCE ESTIMATE (today's prices)"
        )
    );
    let _ = writeln!(o, "{}", pick(vi, "Tôi đóng", "What I pay"));
    row(
        &mut o,
        pick(vi, "Mỗi tháng (lần đầu)", "Per month (first payment)"),
        money(&v["monthly_payment"], lang),
    );
    row(
        &mut o,
        pick(vi, "Nhà nước hỗ trợ mỗi tháng", "State support per month"),
        money(&v["state_support_per_month"], lang),
    );
    if v["local_support_per_month"].as_i64().unwrap_or(0) > 0 {
        row(
            &mut o,
            pick(
                vi,
                "Địa phương hỗ trợ mỗi tháng",
                "Provincial top-up per month",
            ),
            money(&v["local_support_per_month"], lang),
        );
    }
    row(
        &mut o,
        pick(vi, "Tổng tôi đóng", "Total I pay"),
        money(&v["total_paid"], lang),
    );
    row(
        &mut o,
        pick(vi, "Tổng Nhà nước, địa phương hỗ trợ", "Total support"),
        money(&v["total_support"], lang),
    );
    row(
        &mut o,
        pick(vi, "Số tháng đóng", "Months of contributions"),
        v["contribution_months"].to_string(),
    );
    let _ = writeln!(o, "{}", pick(vi, "Tôi nhận", "What I get"));
    if v["eligible"].as_bool().unwrap_or(false) {
        row(
            &mut o,
            pick(vi, "Hưởng lương hưu từ", "Pension from"),
            v["pension_start"].as_str().unwrap_or("").into(),
        );
        row(
            &mut o,
            pick(vi, "Tỷ lệ hưởng", "Pension rate"),
            v["rate"]
                .as_str()
                .map(|r| bhxh::money::percent(r.parse().unwrap_or_default()))
                .unwrap_or_default(),
        );
        row(
            &mut o,
            pick(vi, "LƯƠNG HƯU HẰNG THÁNG", "MONTHLY PENSION"),
            money(&v["monthly_pension"], lang),
        );
        if v["retirement_allowance"].as_i64().unwrap_or(0) > 0 {
            row(
                &mut o,
                pick(
                    vi,
                    "Trợ cấp một lần khi nghỉ hưu",
                    "One-time retirement allowance",
                ),
                money(&v["retirement_allowance"], lang),
            );
        }
        if let Some(b) = v["break_even_age"].as_object() {
            row(
                &mut o,
                pick(vi, "Hoà vốn ở tuổi", "Break-even age"),
                format!(
                    "{} {} {} {}",
                    b["years"],
                    pick(vi, "tuổi", "y"),
                    b["months"],
                    pick(vi, "tháng", "m")
                ),
            );
        }
        row(
            &mut o,
            pick(
                vi,
                "Thẻ bảo hiểm y tế miễn phí",
                "Free health-insurance card",
            ),
            if vi { "có".into() } else { "yes".into() },
        );
    } else {
        row(
            &mut o,
            pick(vi, "Lương hưu", "Pension"),
            if vi {
                "chưa đủ điều kiện".into()
            } else {
                "not eligible".into()
            },
        );
    }
    row(
        &mut o,
        pick(vi, "Hoặc BHXH một lần", "Or a lump sum"),
        money(&v["lump_sum_alternative"], lang),
    );
    row(
        &mut o,
        pick(
            vi,
            "Gia đình: trợ cấp mai táng",
            "Family: funeral allowance",
        ),
        money(&v["funeral_allowance"], lang),
    );
    if let Some(costs) = v["method_costs"].as_array() {
        let _ = writeln!(
            o,
            "{}",
            pick(
                vi,
                "Chi phí theo phương thức đóng",
                "Cost by payment method"
            )
        );
        for c in costs {
            row(
                &mut o,
                &format!(
                    "  {}",
                    method_label(c["method"].as_str().unwrap_or(""), lang)
                ),
                money(&c["total_paid"], lang),
            );
        }
    }
    o
}

/// The `retirement` table.
pub fn retirement(v: &Value, lang: Lang) -> String {
    let mut o = String::new();
    let vi = lang == Lang::Vi;
    let age = &v["retirement_age"];
    let _ = writeln!(o, "{}", pick(vi, "TUỔI NGHỈ HƯU", "RETIREMENT AGE"));
    row(
        &mut o,
        pick(vi, "Tuổi nghỉ hưu", "Retirement age"),
        if vi {
            format!("{} tuổi {} tháng", age["years"], age["months"])
        } else {
            format!("{} years {} months", age["years"], age["months"])
        },
    );
    row(
        &mut o,
        pick(vi, "Đủ tuổi vào tháng", "Age reached in"),
        v["age_reached_month"].as_str().unwrap_or("").into(),
    );
    row(
        &mut o,
        pick(vi, "Hưởng lương hưu từ ngày", "Pension from"),
        v["pension_start"].as_str().unwrap_or("").into(),
    );
    o
}

/// The trace as numbered steps with citations.
pub fn trace(v: &Value, lang: Lang) -> String {
    let mut o = String::new();
    let _ = writeln!(
        o,
        "{}",
        if lang == Lang::Vi {
            "GIẢI THÍCH"
        } else {
            "EXPLANATION"
        }
    );
    for (i, s) in v["trace"].as_array().into_iter().flatten().enumerate() {
        let text = if lang == Lang::Vi {
            &s["text_vi"]
        } else {
            &s["text_en"]
        };
        let _ = writeln!(o, "{:>2}. {}", i + 1, text.as_str().unwrap_or(""));
        let _ = writeln!(o, "    {}", s["formula"].as_str().unwrap_or(""));
        let _ = writeln!(
            o,
            "    [{}{}]",
            s["citation"].as_str().unwrap_or(""),
            s["confidence"]
                .as_str()
                .map(|c| format!(
                    "; {} {c}",
                    if lang == Lang::Vi {
                        "độ tin cậy"
                    } else {
                        "confidence"
                    }
                ))
                .unwrap_or_default()
        );
    }
    o
}

/// Warnings, if any.
pub fn warnings(v: &Value, lang: Lang) -> String {
    let mut o = String::new();
    for w in v["warnings"].as_array().into_iter().flatten() {
        let m = if lang == Lang::Vi {
            &w["message_vi"]
        } else {
            &w["message"]
        };
        let _ = writeln!(
            o,
            "{} {}: {}",
            if lang == Lang::Vi {
                "Lưu ý"
            } else {
                "Warning"
            },
            w["code"].as_str().unwrap_or(""),
            m.as_str().unwrap_or("")
        );
    }
    o
}

/// An error object.
pub fn error(v: &Value, lang: Lang) -> String {
    let e = &v["error"];
    let m = if lang == Lang::Vi {
        &e["message_vi"]
    } else {
        &e["message"]
    };
    format!(
        "{} [{}{}]: {}\n",
        if lang == Lang::Vi { "Lỗi" } else { "Error" },
        e["code"].as_str().unwrap_or(""),
        e["field"]
            .as_str()
            .map(|f| format!(", {f}"))
            .unwrap_or_default(),
        m.as_str().unwrap_or("")
    )
}

/// The parameter catalogue.
pub fn params(as_json: bool) -> String {
    let cat = bhxh::catalogue();
    if as_json {
        return format!("{cat}\n");
    }
    let mut o = String::new();
    for p in cat.as_array().into_iter().flatten() {
        let _ = writeln!(
            o,
            "{} — {} / {}",
            p["id"].as_str().unwrap_or(""),
            p["label_en"].as_str().unwrap_or(""),
            p["label_vi"].as_str().unwrap_or("")
        );
        let values: Vec<&Value> = match p.get("values") {
            Some(Value::Array(a)) => a.iter().collect(),
            _ => p["provinces"]
                .as_object()
                .into_iter()
                .flat_map(|m| m.values())
                .flat_map(|pr| pr["values"].as_array().into_iter().flatten())
                .collect(),
        };
        for e in values {
            let c = &e["citation"];
            let _ = writeln!(
                o,
                "  from {}  {}  [{}{}; {}]",
                e["from"].as_str().unwrap_or(""),
                e["value"],
                c["document"].as_str().unwrap_or(""),
                c["article"]
                    .as_str()
                    .filter(|a| !a.is_empty())
                    .map(|a| format!(", {a}"))
                    .unwrap_or_default(),
                e["confidence"].as_str().unwrap_or("")
            );
        }
    }
    o
}
