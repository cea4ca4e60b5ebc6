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

/// How a table line shows its response field.
#[derive(Clone, Copy)]
enum Show {
    /// The text (or JSON) as it is.
    Text,
    /// An amount of đồng.
    Money,
    /// An amount subtracted: `−1,000`.
    Minus,
    /// An amount added: `+1,000`.
    Plus,
}

/// One line of a table: the Vietnamese and English labels, the response field, how to show
/// it, and whether it is shown only when positive.
struct Line(&'static str, &'static str, &'static str, Show, bool);

/// Writes the lines of `v` that apply.
fn lines(o: &mut String, v: &Value, lang: Lang, table: &[Line]) {
    let vi = lang == Lang::Vi;
    for Line(label_vi, label_en, key, show, only_positive) in table {
        let x = &v[*key];
        if *only_positive && x.as_i64().unwrap_or(0) <= 0 {
            continue;
        }
        let text = match show {
            Show::Text => x.as_str().map_or_else(|| x.to_string(), str::to_string),
            Show::Money => money(x, lang),
            Show::Minus => format!("−{}", money(x, lang)),
            Show::Plus => format!("+{}", money(x, lang)),
        };
        row(o, pick(vi, label_vi, label_en), text);
    }
}

/// The lines of a quote, after the method.
const QUOTE: &[Line] = &[
    Line(
        "Số tháng đóng",
        "Months covered",
        "months_covered",
        Show::Text,
        false,
    ),
    Line(
        "Thu nhập chọn đóng",
        "Chosen income",
        "income",
        Show::Money,
        false,
    ),
    Line(
        "Khung thu nhập: từ",
        "Income range: from",
        "income_floor",
        Show::Money,
        false,
    ),
    Line(
        "                 đến",
        "                to",
        "income_ceiling",
        Show::Money,
        false,
    ),
    Line(
        "Mức đóng (22%)",
        "Contribution (22 %)",
        "gross",
        Show::Money,
        false,
    ),
    Line(
        "Nhà nước hỗ trợ",
        "State support",
        "state_support",
        Show::Minus,
        false,
    ),
    Line(
        "Địa phương hỗ trợ thêm",
        "Provincial top-up",
        "local_support",
        Show::Minus,
        true,
    ),
    Line(
        "Chiết khấu đóng trước",
        "Advance discount",
        "discount",
        Show::Minus,
        true,
    ),
    Line(
        "Tiền lãi đóng bù",
        "Back-payment interest",
        "interest",
        Show::Plus,
        true,
    ),
    Line(
        "SỐ TIỀN PHẢI ĐÓNG",
        "AMOUNT PAYABLE",
        "payable",
        Show::Money,
        false,
    ),
    Line(
        "Số tháng được hỗ trợ",
        "Months with support",
        "subsidised_months",
        Show::Text,
        false,
    ),
];

/// The quote table of a `contribution` response.
pub fn contribution(v: &Value, lang: Lang) -> String {
    let mut o = String::new();
    let vi = lang == Lang::Vi;
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
    lines(&mut o, v, lang, QUOTE);
    o
}

/// The lines of a refund.
const REFUND: &[Line] = &[
    Line(
        "Số tháng được hoàn trả",
        "Months refunded",
        "months_refunded",
        Show::Text,
        false,
    ),
    Line(
        "Mức đóng của các tháng này",
        "Their contributions",
        "contributions",
        Show::Money,
        false,
    ),
    Line(
        "Phần Nhà nước, địa phương hỗ trợ",
        "State and provincial support",
        "support_excluded",
        Show::Minus,
        false,
    ),
    Line(
        "SỐ TIỀN ĐƯỢC HOÀN TRẢ",
        "AMOUNT REFUNDED",
        "amount",
        Show::Money,
        false,
    ),
    Line(
        "Số tiền đã đóng cả kỳ",
        "Paid for the whole period",
        "payable",
        Show::Money,
        false,
    ),
];

/// The table of a `refund` response.
pub fn refund(v: &Value, lang: Lang) -> String {
    let mut o = String::new();
    let vi = lang == Lang::Vi;
    let _ = writeln!(
        o,
        "{}",
        pick(
            vi,
            "HOÀN TRẢ TIỀN ĐÃ ĐÓNG TRƯỚC",
            "REFUND OF PREPAID CONTRIBUTIONS"
        )
    );
    row(
        &mut o,
        pick(vi, "Phương thức", "Method"),
        method_label(v["method"].as_str().unwrap_or(""), lang).into(),
    );
    lines(&mut o, v, lang, REFUND);
    o
}

/// The household's health-insurance bill: one line per member, then the totals.
pub fn health_insurance(v: &Value, lang: Lang) -> String {
    let mut o = String::new();
    let vi = lang == Lang::Vi;
    let months = v["months"].as_i64().unwrap_or(0);
    let _ = writeln!(
        o,
        "{} — {months} {}",
        pick(
            vi,
            "BẢO HIỂM Y TẾ HỘ GIA ĐÌNH",
            "HOUSEHOLD HEALTH INSURANCE"
        ),
        pick(vi, "tháng", "months"),
    );
    row(
        &mut o,
        pick(vi, "Lương cơ sở", "Base salary"),
        money(&v["base"], lang),
    );
    row(
        &mut o,
        pick(vi, "Người thứ nhất mỗi tháng", "First member per month"),
        money(&v["first_member_monthly"], lang),
    );
    let groups = bhxh::Params::embedded()
        .ok()
        .and_then(|p| p.health_insurance_groups.values.last())
        .and_then(|e| e.value.as_ref());
    for (i, m) in v["members"].as_array().into_iter().flatten().enumerate() {
        let code = m["group"].as_str().unwrap_or("");
        let g = groups.and_then(|gs| gs.iter().find(|g| g.code == code));
        let name = g.map_or(code, |g| if vi { &g.label_vi } else { &g.label_en });
        let form = match (m["rank"].as_i64(), g) {
            (Some(r), _) => format!(
                "{} {r}",
                pick(vi, "theo hộ, người thứ", "household, member")
            ),
            (None, Some(g)) if vi => format!("NN hỗ trợ {}", bhxh::money::percent_vi(g.support)),
            (None, Some(g)) => format!("State support {}", bhxh::money::percent(g.support)),
            (None, None) => pick(vi, "được hỗ trợ", "supported").to_string(),
        };
        let who = m["label"]
            .as_str()
            .map_or_else(String::new, |l| format!(" [{l}]"));
        let _ = writeln!(o, "  {}.{who} {name}", i.saturating_add(1));
        let _ = writeln!(
            o,
            "     {form}: {}/{}, {} {}; {} {months} {}: {}",
            money(&m["monthly"], lang),
            pick(vi, "tháng", "month"),
            pick(vi, "NN hỗ trợ", "State pays"),
            money(&m["state_support_monthly"], lang),
            pick(vi, "cả", "for"),
            pick(vi, "tháng", "months"),
            money(&m["payable"], lang),
        );
    }
    row(
        &mut o,
        pick(vi, "Cả hộ đóng", "Household pays"),
        money(&v["total_payable"], lang),
    );
    row(
        &mut o,
        pick(vi, "Ngân sách nhà nước hỗ trợ", "State support"),
        money(&v["total_state_support"], lang),
    );
    if let Some(d) = v["card_valid_from"].as_str() {
        let shown = match bhxh::month::parse_iso_date(d) {
            Some(date) if vi => bhxh::month::date_vi(date),
            _ => d.to_string(),
        };
        row(
            &mut o,
            pick(vi, "Thẻ có giá trị từ", "Card valid from"),
            shown,
        );
    }
    o
}

/// What the participant pays, in an estimate.
const ESTIMATE_PAYS: &[Line] = &[
    Line(
        "Mỗi tháng (lần đầu)",
        "Per month (first payment)",
        "monthly_payment",
        Show::Money,
        false,
    ),
    Line(
        "Nhà nước hỗ trợ mỗi tháng",
        "State support per month",
        "state_support_per_month",
        Show::Money,
        false,
    ),
    Line(
        "Địa phương hỗ trợ mỗi tháng",
        "Provincial top-up per month",
        "local_support_per_month",
        Show::Money,
        true,
    ),
    Line(
        "Tổng tôi đóng",
        "Total I pay",
        "total_paid",
        Show::Money,
        false,
    ),
    Line(
        "Tổng Nhà nước, địa phương hỗ trợ",
        "Total support",
        "total_support",
        Show::Money,
        false,
    ),
    Line(
        "Số tháng đóng",
        "Months of contributions",
        "contribution_months",
        Show::Text,
        false,
    ),
];

/// What the family receives besides the pension, in an estimate.
const ESTIMATE_OTHERS: &[Line] = &[
    Line(
        "Hoặc BHXH một lần",
        "Or a lump sum",
        "lump_sum_alternative",
        Show::Money,
        false,
    ),
    Line(
        "Gia đình: trợ cấp mai táng",
        "Family: funeral allowance",
        "funeral_allowance",
        Show::Money,
        false,
    ),
];

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
    lines(&mut o, v, lang, ESTIMATE_PAYS);
    let _ = writeln!(o, "{}", pick(vi, "Tôi nhận", "What I get"));
    if v["eligible"].as_bool().unwrap_or(false) {
        pension_lines(&mut o, v, lang);
    } else {
        row(
            &mut o,
            pick(vi, "Lương hưu", "Pension"),
            pick(vi, "chưa đủ điều kiện", "not eligible").into(),
        );
    }
    lines(&mut o, v, lang, ESTIMATE_OTHERS);
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
            let label = format!(
                "  {}",
                method_label(c["method"].as_str().unwrap_or(""), lang)
            );
            row(&mut o, &label, money(&c["total_paid"], lang));
        }
    }
    o
}

/// The pension part of an estimate that gives one.
fn pension_lines(o: &mut String, v: &Value, lang: Lang) {
    let vi = lang == Lang::Vi;
    row(
        o,
        pick(vi, "Hưởng lương hưu từ", "Pension from"),
        v["pension_start"].as_str().unwrap_or("").into(),
    );
    row(
        o,
        pick(vi, "Tỷ lệ hưởng", "Pension rate"),
        v["rate"]
            .as_str()
            .map(|r| bhxh::money::percent(r.parse().unwrap_or_default()).to_string())
            .unwrap_or_default(),
    );
    lines(
        o,
        v,
        lang,
        &[
            Line(
                "LƯƠNG HƯU HẰNG THÁNG",
                "MONTHLY PENSION",
                "monthly_pension",
                Show::Money,
                false,
            ),
            Line(
                "Trợ cấp một lần khi nghỉ hưu",
                "One-time retirement allowance",
                "retirement_allowance",
                Show::Money,
                true,
            ),
        ],
    );
    if let Some(b) = v["break_even_age"].as_object() {
        row(
            o,
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
        o,
        pick(
            vi,
            "Thẻ bảo hiểm y tế miễn phí",
            "Free health-insurance card",
        ),
        pick(vi, "có", "yes").into(),
    );
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
/// Whether `t` is a trace of this engine: a list of steps, each with its texts.
pub fn is_trace(t: &Value) -> bool {
    t.as_array().is_some_and(|steps| {
        steps.iter().all(|s| {
            ["step", "formula", "citation", "text_vi", "text_en"]
                .iter()
                .all(|k| s[*k].is_string())
        })
    })
}

/// The trace as numbered sentences with their formulas and citations.
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
        match p.get("values") {
            Some(Value::Array(a)) => entry_lines(&mut o, a, "  "),
            _ => province_lines(&mut o, &p["provinces"]),
        }
    }
    o
}

/// One line per dated value: month, value, citation and grade.
fn entry_lines(o: &mut String, values: &[Value], indent: &str) {
    for e in values {
        let c = &e["citation"];
        let _ = writeln!(
            o,
            "{indent}from {}  {}  [{}{}; {}]{}",
            e["from"].as_str().unwrap_or(""),
            e["value"],
            c["document"].as_str().unwrap_or(""),
            c["article"]
                .as_str()
                .filter(|a| !a.is_empty())
                .map(|a| format!(", {a}"))
                .unwrap_or_default(),
            e["confidence"].as_str().unwrap_or(""),
            e["area"]
                .as_str()
                .map(|a| format!(" (former {a} area only)"))
                .unwrap_or_default()
        );
    }
}

/// The provinces of the top-up data: names, mergers, local categories, values and the
/// resolutions known but not in the data.
fn province_lines(o: &mut String, provinces: &Value) {
    for (code, pr) in provinces.as_object().into_iter().flatten() {
        let merged = pr["merged_into"]
            .as_str()
            .map(|q| {
                format!(
                    ", merged into {q} from {}",
                    pr["merged"].as_str().unwrap_or("")
                )
            })
            .unwrap_or_default();
        let _ = writeln!(
            o,
            "  {code} — {} ({}){merged}",
            pr["name_vi"].as_str().unwrap_or(""),
            pr["name_en"].as_str().unwrap_or("")
        );
        for (cat, c) in pr["local_categories"].as_object().into_iter().flatten() {
            let _ = writeln!(
                o,
                "    category {cat} → {}: {}{}",
                c["national_category"].as_str().unwrap_or(""),
                c["label_vi"].as_str().unwrap_or(""),
                c["deprecated"]
                    .as_str()
                    .map(|d| format!(" (old code: use {d})"))
                    .unwrap_or_default()
            );
        }
        entry_lines(
            o,
            pr["values"].as_array().map_or(&[], Vec::as_slice),
            "    ",
        );
        for u in pr["unread"].as_array().into_iter().flatten() {
            let _ = writeln!(
                o,
                "    from {}  not in the data: {} — {}",
                u["from"].as_str().unwrap_or(""),
                u["citation"]["document"].as_str().unwrap_or(""),
                u["note"].as_str().unwrap_or("")
            );
        }
    }
}
