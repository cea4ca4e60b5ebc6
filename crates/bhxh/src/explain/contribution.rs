//! The explanation of `contribution`.

use super::trace::{Cite, Trace};
use crate::calc::contribution::IncomeLimits;
use crate::calc::contribution::{Method, Step, Totals};
use crate::calc::support::SupportChoice;
use crate::law::parameters::Entry;
use crate::law::parameters::LocalCategory;
use crate::law::regime::Regime;
use crate::money;
use crate::Money;
use crate::YearMonth;
use rust_decimal::Decimal;
use std::collections::BTreeMap;

/// A payment method in the glossary's words.
pub(crate) fn method_vi(m: Method) -> &'static str {
    match m {
        Method::Monthly => "đóng hằng tháng",
        Method::Every3Months => "đóng 03 tháng một lần",
        Method::Every6Months => "đóng 06 tháng một lần",
        Method::Every12Months => "đóng 12 tháng một lần",
        Method::Advance => "đóng một lần cho nhiều năm về sau",
        Method::BackPayment => "đóng một lần cho thời gian còn thiếu",
    }
}

/// A payment method in English.
pub(crate) fn method_en(m: Method) -> &'static str {
    match m {
        Method::Monthly => "monthly payment",
        Method::Every3Months => "payment every 3 months",
        Method::Every6Months => "payment every 6 months",
        Method::Every12Months => "payment every 12 months",
        Method::Advance => "advance payment for several future years",
        Method::BackPayment => "one-time payment for the missing period (back payment)",
    }
}

/// A participant category in words (glossary terms), national or provincial.
pub(crate) fn category_label(code: &str, local: Option<&LocalCategory>, vi: bool) -> String {
    let national = match (code, vi) {
        ("poor", true) => "hộ nghèo",
        ("near_poor", true) => "hộ cận nghèo",
        ("ethnic_minority", true) => "người dân tộc thiểu số",
        ("island_or_special_zone", true) => "người sinh sống tại xã đảo, đặc khu",
        ("other", true) => "đối tượng khác",
        ("poor", false) => "poor households",
        ("near_poor", false) => "near-poor households",
        ("ethnic_minority", false) => "ethnic minorities",
        ("island_or_special_zone", false) => "island communes and special zones",
        ("other", false) => "others",
        _ => "",
    };
    if !national.is_empty() {
        return national.to_string();
    }
    local
        .map(|c| {
            if vi {
                // Inside a sentence, quoted as the province names it: "cho nhóm “Đối tượng …”".
                format!("nhóm “{}”", c.label_vi)
            } else {
                c.label_en.clone()
            }
        })
        .unwrap_or_else(|| code.to_string())
}

/// The article that makes the rural poverty line the floor, by regime.
fn floor_law(regime: Regime) -> &'static str {
    match regime {
        Regime::Law2024 => "Law 41/2024/QH15 art. 31.2",
        Regime::Law2014 => "Law 58/2014/QH13 art. 87.1",
    }
}

pub(crate) fn write(t: &mut Trace, s: Step<'_>) {
    match s {
        Step::Regime { month, regime } => regime_step(t, month, regime),
        Step::Floor { month, entry } => floor_step(t, month, entry),
        Step::Ceiling {
            month,
            multiple,
            reference,
            ceiling,
        } => ceiling_step(t, month, multiple, reference, ceiling),
        Step::Income {
            income,
            limits: lim,
            regime,
        } => income_step(t, income, lim, regime),
        Step::MonthlyGross {
            income,
            rate,
            gross: g,
        } => monthly_gross_step(t, income, rate, g),
        Step::BackPaymentNoSupport { regime } => back_payment_no_support_step(t, regime),
        Step::StateSupport {
            choice,
            rates,
            rate,
            poverty_line,
            several,
            local_category,
            regime,
        } => state_support(
            t,
            &choice,
            (rates, rate, poverty_line),
            several,
            local_category,
            regime,
        ),
        Step::LocalSupport { choice: c, entry } => local_support_step(t, c, entry),
        Step::SubsidisedMonths {
            cap,
            before,
            subsidised,
            covered,
            regime,
        } => subsidised_months_step(t, cap, before, subsidised, covered, regime),
        Step::Gross {
            n,
            monthly: g,
            gross,
            method,
            regime,
        } => gross_step(t, n, g, gross, method, regime),
        Step::FundRateGiven { rate: r } => fund_rate_given_step(t, r),
        Step::FundRate { year, entry } => fund_rate_step(t, year, entry),
        Step::Interest {
            n,
            monthly: g,
            rate: r,
            gross,
            interest,
            regime,
        } => interest_step(t, n, g, r, gross, interest, regime),
        Step::Discount {
            n,
            rate: r,
            md1,
            support,
            payable,
            discount,
            regime,
        } => discount_step(t, n, r, (md1, support, payable, discount), regime),
        Step::Payable { totals } => payable(t, totals),
    }
}

fn floor_step(t: &mut Trace, month: YearMonth, entry: &Entry<Money>) {
    let fl = entry.value.unwrap_or_default();
    t.step("income_floor", fl, Cite::Both(entry, floor_law(Regime::at(month))), |w| {
        w.formula(format_args!("rural poverty line({month}) = {fl}"));
        w.vi(format_args!(
            "Thu nhập thấp nhất làm căn cứ đóng bằng chuẩn hộ nghèo khu vực nông thôn tại thời điểm đóng ({}): {}.",
            month.to_vi(),
            money::vi(fl)
        ));
        w.en(format_args!(
            "The lowest income you may choose is the rural poverty line in force at the time of payment ({month}): {}.",
            money::en(fl)
        ));
    });
}

fn ceiling_step(
    t: &mut Trace,
    month: YearMonth,
    multiple: &Entry<i64>,
    reference: &Entry<Money>,
    ceiling: Money,
) {
    let (mu, rf) = (
        multiple.value.unwrap_or_default(),
        reference.value.unwrap_or_default(),
    );
    t.step(
        "income_ceiling",
        ceiling,
        Cite::Both(reference, &multiple.citation.text()),
        |w| {
            w.formula(format_args!(
                "{mu} × reference level({month}) = {mu} × {rf} = {ceiling}"
            ));
            w.vi(format_args!(
                "Thu nhập cao nhất bằng {mu} lần mức tham chiếu ({}): {mu} × {} = {}.",
                money::vi(rf),
                money::vi(rf),
                money::vi(ceiling)
            ));
            w.en(format_args!(
                "The highest income is {mu} times the reference level ({}): {}.",
                money::en(rf),
                money::en(ceiling)
            ));
        },
    );
}

fn income_step(t: &mut Trace, income: Money, lim: IncomeLimits, regime: Regime) {
    let step = lim.step;
    t.step("income", income, Cite::Law(&format!("{}; decision K-3", floor_law(regime))), |w| {
        w.formula(format_args!("{} ≤ {income} ≤ {}, multiple of {step}", lim.floor, lim.ceiling));
        w.vi(format_args!(
            "Thu nhập chọn đóng {} nằm trong khung từ {} đến {} và là bội số của {} (quyết định K-3).",
            money::vi(income), money::vi(lim.floor), money::vi(lim.ceiling), money::vi(step)
        ));
        w.en(format_args!(
            "The chosen income of {} lies between {} and {} and is a multiple of {} (decision K-3).",
            money::en(income), money::en(lim.floor), money::en(lim.ceiling), money::en(step)
        ));
    });
}

fn monthly_gross_step(t: &mut Trace, income: Money, rate: &Entry<Decimal>, g: Money) {
    let r = rate.value.unwrap_or_default();
    t.step("monthly_gross", g, Cite::Param(rate), |w| {
        let (pv, pe) = (money::percent_vi(r), money::percent(r));
        w.formula(format_args!("{r} × {income} = {g}"));
        w.vi(format_args!(
            "Mức đóng mỗi tháng bằng {pv} thu nhập: {pv} × {} = {}.",
            money::vi(income),
            money::vi(g)
        ));
        w.en(format_args!(
            "Each month's contribution is {pe} of the income: {pe} × {} = {}.",
            money::en(income),
            money::en(g)
        ));
    });
}

fn back_payment_no_support_step(t: &mut Trace, regime: Regime) {
    let cite = match regime {
        Regime::Law2014 => "Decree 134/2015/NĐ-CP art. 10.4; decision K-5",
        Regime::Law2024 => "Decree 159/2025/NĐ-CP art. 7; decision K-5",
    };
    t.step("state_support_per_month", 0, Cite::Law(cite), |w| {
        w.formula("0 (back payment)");
        w.vi("Đóng một lần cho thời gian còn thiếu không được Nhà nước hỗ trợ (quyết định K-5).");
        w.en("A back payment for the missing period receives no State support (decision K-5).");
    });
}

fn local_support_step(t: &mut Trace, c: SupportChoice, entry: &Entry<BTreeMap<String, Decimal>>) {
    let (l, base) = (c.local_rate, c.base);
    t.step("local_support_per_month", c.local, Cite::Both(entry, "Law 41/2024/QH15 art. 6.6; decision K-9"), |w| {
        w.formula(format_args!("min({l} × {base}, {base} − {}) = {}", c.national, c.local));
        w.vi(format_args!(
            "Ngân sách địa phương hỗ trợ thêm {} mức đóng tính trên chuẩn hộ nghèo: {} mỗi tháng (tổng hỗ trợ không vượt quá 100%, quyết định K-9).",
            money::percent_vi(l), money::vi(c.local)
        ));
        w.en(format_args!(
            "The province adds {} of the contribution at the poverty line: {} a month (total support never above 100 %, decision K-9).",
            money::percent(l), money::en(c.local)
        ));
    });
}

fn subsidised_months_step(
    t: &mut Trace,
    cap: u32,
    before: u32,
    subsidised: u32,
    covered: u32,
    regime: Regime,
) {
    let cite = match regime {
        Regime::Law2014 => "Decree 134/2015/NĐ-CP art. 14; decision K-8",
        Regime::Law2024 => "Decree 159/2025/NĐ-CP art. 5.2; decision K-8",
    };
    t.step("subsidised_months", subsidised, Cite::Law(cite), |w| {
        w.formula(format_args!("min({covered}, {cap} − {before}) = {subsidised}"));
        w.vi(format_args!(
            "Nhà nước hỗ trợ tối đa {cap} tháng trong đời; đã được hỗ trợ {before} tháng nên lần đóng này được hỗ trợ {subsidised}/{covered} tháng (quyết định K-8)."
        ));
        w.en(format_args!(
            "The State supports at most {cap} months in a lifetime; {before} months were already supported, so {subsidised} of the {covered} months are supported (decision K-8)."
        ));
    });
}

fn gross_step(t: &mut Trace, n: i64, g: Money, gross: Money, method: Method, regime: Regime) {
    t.step(
        "gross",
        gross,
        Cite::Law(&format!(
            "{}; rule A-5, docs/rules.md",
            regime.article("36.2", "87.2")
        )),
        |w| {
            w.formula(format_args!("{n} × {g} = {gross}"));
            w.vi(format_args!(
                "Tổng mức đóng {n} tháng ({}): {n} × {} = {}.",
                method_vi(method),
                money::vi(g),
                money::vi(gross)
            ));
            w.en(format_args!(
                "The {} covers {n} months: {n} × {} = {}.",
                method_en(method),
                money::en(g),
                money::en(gross)
            ));
        },
    );
}

fn fund_rate_given_step(t: &mut Trace, r: Decimal) {
    t.step("fund_rate_monthly", r.to_string(), Cite::Law("request field fund_rate_monthly; decision K-6"), |w| {
        w.formula(format_args!("r = {r} (given)"));
        w.vi(format_args!("Lãi suất đầu tư quỹ BHXH bình quân tháng do người dùng nhập: {} (quyết định K-6).", money::percent_vi(r)));
        w.en(format_args!("The SI fund's average monthly investment rate given in the request: {r} (decision K-6)."));
    });
}

fn fund_rate_step(t: &mut Trace, year: i32, entry: &Entry<Decimal>) {
    let r = entry.value.unwrap_or_default();
    let used = entry.from.year();
    t.step("fund_rate_monthly", r.to_string(), Cite::Both(entry, "decision K-6"), |w| {
        w.formula(format_args!("r(payment year {year}) = {r}"));
        w.vi(format_args!(
            "Lãi suất đầu tư quỹ BHXH bình quân tháng của năm trước năm đóng (áp dụng năm {used}): {}.",
            money::percent_vi(r)
        ));
        w.en(format_args!(
            "The SI fund's average monthly investment rate announced for the year before the payment year (used in {used}): {r}."
        ));
    });
}

fn interest_step(
    t: &mut Trace,
    n: i64,
    g: Money,
    r: Decimal,
    gross: Money,
    interest: Money,
    regime: Regime,
) {
    let cite = match regime {
        Regime::Law2024 => {
            "Decree 159/2025/NĐ-CP art. 7; Law 41/2024/QH15 art. 36.2.e; decision K-5"
        }
        Regime::Law2014 => "Decree 134/2015/NĐ-CP art. 9.1.e, art. 10.4; decision K-5",
    };
    t.step("interest", interest, Cite::Law(cite), |w| {
        w.formula(format_args!("Σ_{{i=1..{n}}} {g} × (1 + {r})^i − {gross} = {interest}"));
        w.vi(format_args!(
            "Đóng một lần cho {n} tháng còn thiếu phải cộng lãi gộp theo lãi suất đầu tư quỹ bình quân tháng {}: tiền lãi {}; không có hỗ trợ của Nhà nước (quyết định K-5).",
            money::percent_vi(r),
            money::vi(interest)
        ));
        w.en(format_args!(
            "A one-time payment for {n} missing months carries compound interest at the fund's average monthly investment rate {r}: {} of interest; no State support applies (decision K-5).",
            money::en(interest)
        ));
    });
}

fn discount_step(
    t: &mut Trace,
    n: i64,
    r: Decimal,
    (md1, support, payable, discount): (Money, Money, Money, Money),
    regime: Regime,
) {
    let cite = match regime {
        Regime::Law2024 => {
            "Decree 159/2025/NĐ-CP art. 6.2, art. 5.3; Law 41/2024/QH15 art. 36.2.đ; decision K-4"
        }
        Regime::Law2014 => "Decree 134/2015/NĐ-CP art. 9.1.đ, art. 10.3; decision K-4",
    };
    let floored = md1 < support;
    t.step("discount", discount, Cite::Law(cite), |w| {
        w.formula(format_args!("MĐ1 = Σ_{{i=1..{n}}} 0.22·TN / (1 + {r})^(i−1) = {md1}; payable = max(0, {md1} − {support}) = {payable}; discount = gross − {support} − {payable} = {discount}"));
        w.vi(format_args!(
            "Đóng trước {n} tháng: tổng mức đóng được chiết khấu theo lãi suất đầu tư quỹ bình quân tháng {} (tháng đầu không chiết khấu) là {}; trừ {} Nhà nước, địa phương hỗ trợ (không chiết khấu) còn phải đóng {}{} (quyết định K-4).",
            money::percent_vi(r), money::vi(md1), money::vi(support), money::vi(payable),
            if floored { "; số hỗ trợ lớn hơn mức đóng đã chiết khấu nên số phải đóng là 0" } else { "" }
        ));
        w.en(format_args!(
            "Paying {n} months in advance: the contribution discounted at the fund's average monthly investment rate {r} (the first month undiscounted) is {}; less {} of State and provincial support (not discounted), {} is payable{} (decision K-4).",
            money::en(md1), money::en(support), money::en(payable),
            if floored { "; the support exceeds the discounted contribution, so nothing is payable" } else { "" }
        ));
    });
}

fn regime_step(t: &mut Trace, pm: crate::YearMonth, regime: Regime) {
    let new_law = regime.is_2024();
    t.step("regime", if new_law { "law_2024" } else { "law_2014" }, Cite::Law(if new_law { "Law 41/2024/QH15 art. 31.2, art. 141; rule A-5, docs/rules.md; decision K-16" } else { "Law 58/2014/QH13 art. 87; Decree 134/2015/NĐ-CP; rule A-5, docs/rules.md; decision K-16" }), |w| {
        w.formula(format_args!("payment month {pm} {} 2025-07", if new_law { "≥" } else { "<" }));
        w.vi(format_args!(
            "Tháng đóng là {} nên áp dụng {} với các tham số tại thời điểm đóng, cho mọi tháng được đóng.",
            pm.to_vi(),
            if new_law { "Luật BHXH số 41/2024/QH15" } else { "Luật BHXH số 58/2014/QH13 và Nghị định 134/2015/NĐ-CP" }
        ));
        w.en(format_args!(
            "The payment month is {pm}, so {} applies, with the parameters in force at the time of payment for every covered month.",
            if new_law { "the 2024 Law on Social Insurance" } else { "the 2014 Law on Social Insurance and Decree 134/2015" }
        ));
    });
}

fn state_support(
    t: &mut Trace,
    c: &SupportChoice,
    (rates, rate, poverty): (
        &crate::law::parameters::Entry<crate::law::parameters::CategoryRates>,
        rust_decimal::Decimal,
        crate::Money,
    ),
    several: bool,
    local: Option<&LocalCategory>,
    regime: Regime,
) {
    let (cat, nat, k, base) = (&c.category, c.national_category, c.national_rate, c.base);
    let cite = if regime.is_2024() {
        "rule S-1, docs/rules.md"
    } else {
        "rule S-2, docs/rules.md"
    };
    t.step("state_support_per_month", c.national, Cite::Both(rates, cite), |w| {
        w.formula(format_args!("{k} × {rate} × {poverty} = {k} × {base} = {}", c.national));
        w.vi(format_args!(
            "Nhà nước hỗ trợ {} mức đóng tính trên chuẩn hộ nghèo khu vực nông thôn ({}) cho {}{}: {} × {} = {} mỗi tháng.",
            money::percent_vi(k), money::vi(base), category_label(cat, local, true),
            if several { " (mức hỗ trợ cao nhất trong các đối tượng)" } else { "" },
            money::percent_vi(k), money::vi(base), money::vi(c.national)
        ));
        w.en(format_args!(
            "The State pays {} of the contribution at the rural poverty line ({}) for {}{}{}: {} a month.",
            money::percent(k), money::en(base), category_label(cat, local, false),
            if cat != nat { format!(" (national category {nat})") } else { String::new() },
            if several { " (the highest support among the categories)" } else { "" },
            money::en(c.national)
        ));
    });
}

fn payable(t: &mut Trace, x: Totals) {
    let Totals {
        gross,
        state_support,
        local_support,
        discount,
        interest,
        payable,
    } = x;
    t.step("payable", payable, Cite::Law("contract identity: payable = gross − state_support − local_support − discount + interest"), |w| {
        w.formula(format_args!("{gross} − {state_support} − {local_support} − {discount} + {interest} = {payable}"));
        w.vi(format_args!(
            "Số tiền phải đóng: {} − {} (Nhà nước hỗ trợ) − {} (địa phương hỗ trợ) − {} (chiết khấu) + {} (lãi) = {}.",
            money::vi(gross), money::vi(state_support), money::vi(local_support), money::vi(discount), money::vi(interest), money::vi(payable)
        ));
        w.en(format_args!(
            "Amount payable: {} − {} (State support) − {} (provincial support) − {} (discount) + {} (interest) = {}.",
            money::en(gross), money::en(state_support), money::en(local_support), money::en(discount), money::en(interest), money::en(payable)
        ));
    });
}
