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
        if vi {
            "MỨC ĐÓNG BẢO HIỂM XÃ HỘI TỰ NGUYỆN"
        } else {
            "VOLUNTARY SOCIAL INSURANCE CONTRIBUTION"
        }
    );
    row(
        &mut o,
        if vi { "Tháng đóng" } else { "Payment month" },
        v["payment_month"].as_str().unwrap_or("").into(),
    );
    row(
        &mut o,
        if vi { "Phương thức" } else { "Method" },
        method_label(v["method"].as_str().unwrap_or(""), lang).into(),
    );
    row(
        &mut o,
        if vi {
            "Số tháng đóng"
        } else {
            "Months covered"
        },
        n.to_string(),
    );
    row(
        &mut o,
        if vi {
            "Thu nhập chọn đóng"
        } else {
            "Chosen income"
        },
        money(&v["income"], lang),
    );
    row(
        &mut o,
        if vi {
            "Khung thu nhập: từ"
        } else {
            "Income range: from"
        },
        money(&v["income_floor"], lang),
    );
    row(
        &mut o,
        if vi {
            "                 đến"
        } else {
            "                to"
        },
        money(&v["income_ceiling"], lang),
    );
    row(
        &mut o,
        if vi {
            "Mức đóng (22%)"
        } else {
            "Contribution (22 %)"
        },
        money(&v["gross"], lang),
    );
    row(
        &mut o,
        if vi {
            "Nhà nước hỗ trợ"
        } else {
            "State support"
        },
        format!("−{}", money(&v["state_support"], lang)),
    );
    if v["local_support"].as_i64().unwrap_or(0) > 0 {
        row(
            &mut o,
            if vi {
                "Địa phương hỗ trợ thêm"
            } else {
                "Provincial top-up"
            },
            format!("−{}", money(&v["local_support"], lang)),
        );
    }
    if v["discount"].as_i64().unwrap_or(0) > 0 {
        row(
            &mut o,
            if vi {
                "Chiết khấu đóng trước"
            } else {
                "Advance discount"
            },
            format!("−{}", money(&v["discount"], lang)),
        );
    }
    if v["interest"].as_i64().unwrap_or(0) > 0 {
        row(
            &mut o,
            if vi {
                "Tiền lãi đóng bù"
            } else {
                "Back-payment interest"
            },
            format!("+{}", money(&v["interest"], lang)),
        );
    }
    row(
        &mut o,
        if vi {
            "SỐ TIỀN PHẢI ĐÓNG"
        } else {
            "AMOUNT PAYABLE"
        },
        money(&v["payable"], lang),
    );
    row(
        &mut o,
        if vi {
            "Số tháng được hỗ trợ"
        } else {
            "Months with support"
        },
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
        if vi {
            "DỰ TÍNH BHXH TỰ NGUYỆN (giá hiện tại)"
        } else {
            "VOLUNTARY SOCIAL INSURANCE ESTIMATE (today's prices)"
        }
    );
    let _ = writeln!(o, "{}", if vi { "Tôi đóng" } else { "What I pay" });
    row(
        &mut o,
        if vi {
            "Mỗi tháng (lần đầu)"
        } else {
            "Per month (first payment)"
        },
        money(&v["monthly_payment"], lang),
    );
    row(
        &mut o,
        if vi {
            "Nhà nước hỗ trợ mỗi tháng"
        } else {
            "State support per month"
        },
        money(&v["state_support_per_month"], lang),
    );
    if v["local_support_per_month"].as_i64().unwrap_or(0) > 0 {
        row(
            &mut o,
            if vi {
                "Địa phương hỗ trợ mỗi tháng"
            } else {
                "Provincial top-up per month"
            },
            money(&v["local_support_per_month"], lang),
        );
    }
    row(
        &mut o,
        if vi {
            "Tổng tôi đóng"
        } else {
            "Total I pay"
        },
        money(&v["total_paid"], lang),
    );
    row(
        &mut o,
        if vi {
            "Tổng Nhà nước, địa phương hỗ trợ"
        } else {
            "Total support"
        },
        money(&v["total_support"], lang),
    );
    row(
        &mut o,
        if vi {
            "Số tháng đóng"
        } else {
            "Months of contributions"
        },
        v["contribution_months"].to_string(),
    );
    let _ = writeln!(o, "{}", if vi { "Tôi nhận" } else { "What I get" });
    if v["eligible"].as_bool().unwrap_or(false) {
        row(
            &mut o,
            if vi {
                "Hưởng lương hưu từ"
            } else {
                "Pension from"
            },
            v["pension_start"].as_str().unwrap_or("").into(),
        );
        row(
            &mut o,
            if vi {
                "Tỷ lệ hưởng"
            } else {
                "Pension rate"
            },
            v["rate"]
                .as_str()
                .map(|r| bhxh::money::percent(r.parse().unwrap_or_default()))
                .unwrap_or_default(),
        );
        row(
            &mut o,
            if vi {
                "LƯƠNG HƯU HẰNG THÁNG"
            } else {
                "MONTHLY PENSION"
            },
            money(&v["monthly_pension"], lang),
        );
        if v["retirement_allowance"].as_i64().unwrap_or(0) > 0 {
            row(
                &mut o,
                if vi {
                    "Trợ cấp một lần khi nghỉ hưu"
                } else {
                    "One-time retirement allowance"
                },
                money(&v["retirement_allowance"], lang),
            );
        }
        if let Some(b) = v["break_even_age"].as_object() {
            row(
                &mut o,
                if vi {
                    "Hoà vốn ở tuổi"
                } else {
                    "Break-even age"
                },
                format!(
                    "{} {} {} {}",
                    b["years"],
                    if vi { "tuổi" } else { "y" },
                    b["months"],
                    if vi { "tháng" } else { "m" }
                ),
            );
        }
        row(
            &mut o,
            if vi {
                "Thẻ bảo hiểm y tế miễn phí"
            } else {
                "Free health-insurance card"
            },
            if vi { "có".into() } else { "yes".into() },
        );
    } else {
        row(
            &mut o,
            if vi { "Lương hưu" } else { "Pension" },
            if vi {
                "chưa đủ điều kiện".into()
            } else {
                "not eligible".into()
            },
        );
    }
    row(
        &mut o,
        if vi {
            "Hoặc BHXH một lần"
        } else {
            "Or a lump sum"
        },
        money(&v["lump_sum_alternative"], lang),
    );
    row(
        &mut o,
        if vi {
            "Gia đình: trợ cấp mai táng"
        } else {
            "Family: funeral allowance"
        },
        money(&v["funeral_allowance"], lang),
    );
    if let Some(costs) = v["method_costs"].as_array() {
        let _ = writeln!(
            o,
            "{}",
            if vi {
                "Chi phí theo phương thức đóng"
            } else {
                "Cost by payment method"
            }
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
    let _ = writeln!(
        o,
        "{}",
        if vi {
            "TUỔI NGHỈ HƯU"
        } else {
            "RETIREMENT AGE"
        }
    );
    row(
        &mut o,
        if vi {
            "Tuổi nghỉ hưu"
        } else {
            "Retirement age"
        },
        if vi {
            format!("{} tuổi {} tháng", age["years"], age["months"])
        } else {
            format!("{} years {} months", age["years"], age["months"])
        },
    );
    row(
        &mut o,
        if vi {
            "Đủ tuổi vào tháng"
        } else {
            "Age reached in"
        },
        v["age_reached_month"].as_str().unwrap_or("").into(),
    );
    row(
        &mut o,
        if vi {
            "Hưởng lương hưu từ ngày"
        } else {
            "Pension from"
        },
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
    let cat = bhxh::parameters::catalogue();
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
