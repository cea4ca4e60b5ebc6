//! The explanation of `health_insurance`.

use super::trace::{Cite, Trace};
use crate::calc::health_insurance::{Basis, CardCase, Form, MemberResult, Step};
use crate::law::parameters::{CardRule, Entry, HealthGroup};
use crate::money::{self, Money};
use rust_decimal::Decimal;

pub(crate) fn write(t: &mut Trace, s: Step<'_>) {
    match s {
        Step::First {
            month,
            base,
            base_value,
            rate,
            rate_value,
            first,
        } => first_member(t, (month, base, base_value), (rate, rate_value, first)),
        Step::Choice {
            choosers,
            household,
            chosen,
            all_supported,
            all_household,
        } => choice(
            t,
            (choosers, household),
            (chosen, all_supported, all_household),
        ),
        Step::Member {
            index,
            member,
            group,
            chosen,
            cite,
            local,
            local_group,
            first,
        } => {
            let names = local_group.map_or((&group.label_vi, &group.label_en), |lc| {
                (&lc.label_vi, &lc.label_en)
            });
            match (member.rank, cite) {
                (Some(rank), Basis::Shares(e)) => {
                    household(t, index, (member, names, chosen), rank, (e, first));
                }
                (_, Basis::Groups(e)) => {
                    supported(t, index, (member, names, chosen), (e, local), first);
                }
                (None, Basis::Shares(_)) => {}
            }
        }
        Step::Totals {
            months,
            periods,
            payable,
            support,
            local,
        } => {
            t.step("total_payable", payable, Cite::Both(periods, "rule H-4, docs/rules.md"), |w| {
                if local > 0 {
                    w.formula(format_args!("Σ monthly × {months} = {payable}; State: {support}; province: {local}"));
                } else {
                    w.formula(format_args!("Σ monthly × {months} = {payable}; State: {support}"));
                }
                w.vi(format_args!(
                    "Cả hộ đóng {months} tháng một lần: {}; ngân sách nhà nước hỗ trợ {}{}. Mức đóng tính theo lương cơ sở tại thời điểm đóng, không điều chỉnh khi lương cơ sở thay đổi trong thời gian đã đóng.",
                    money::vi(payable),
                    money::vi(support),
                    if local > 0 { format!(", ngân sách địa phương hỗ trợ thêm {}", money::vi(local)) } else { String::new() }
                ));
                w.en(format_args!(
                    "The household pays {months} months at once: {}; the State pays {}{}. The amount follows the base salary at the payment date and is not adjusted if the base changes within the paid period.",
                    money::en(payable),
                    money::en(support),
                    if local > 0 { format!(", the province adds {}", money::en(local)) } else { String::new() }
                ));
            });
        }
        Step::Card {
            paid,
            expiry,
            valid_from,
            case,
            rule,
            entry,
        } => card(t, (paid, expiry, valid_from), case, (rule, entry)),
    }
}

fn first_member(
    t: &mut Trace,
    (month, base, base_value): (crate::YearMonth, &Entry<Money>, Money),
    (rate, rate_value, first): (&Entry<Decimal>, Decimal, Money),
) {
    t.step("base", base_value, Cite::Param(base), |w| {
        w.formula(format_args!("reference level at {month} = {base_value}"));
        w.vi(format_args!(
            "Lương cơ sở tại {} (tháng đóng): {}.",
            month.to_vi(),
            money::vi(base_value)
        ));
        w.en(format_args!(
            "Base salary in the payment month {month}: {}.",
            money::en(base_value)
        ));
    });
    t.step("first_member_monthly", first, Cite::Param(rate), |w| {
        w.formula(format_args!("{rate_value} × {base_value} = {first}"));
        w.vi(format_args!(
            "Người thứ nhất đóng {} lương cơ sở: {}/tháng.",
            money::percent_vi(rate_value),
            money::vi(first)
        ));
        w.en(format_args!(
            "The first member pays {} of the base salary: {} a month.",
            money::percent(rate_value),
            money::en(first)
        ));
    });
}

fn household(
    t: &mut Trace,
    index: usize,
    (member, group, chosen): (&MemberResult, Names<'_>, bool),
    rank: u32,
    (cite, first): (&Entry<Vec<Decimal>>, Money),
) {
    t.step(&format!("members[{index}]"), member.monthly, Cite::Param(cite), |w| {
                w.formula(format_args!("rank {rank}: {} × {first} = {}", member.share, member.monthly));
                w.vi(format_args!(
                    "{}: đóng theo hộ gia đình, là người thứ {rank}, bằng {} mức của người thứ nhất: {}/tháng{}.",
                    who_vi(index, member, group),
                    money::percent_vi(member.share),
                    money::vi(member.monthly),
                    if chosen { " (rẻ hơn cho cả hộ so với nhận hỗ trợ)" } else { "" }
                ));
                w.en(format_args!(
                    "{}: joins in the household form as member {rank}, paying {} of the first member's amount: {} a month{}.",
                    who_en(index, member, group),
                    money::percent(member.share),
                    money::en(member.monthly),
                    if chosen { " (cheaper for the household than the support)" } else { "" }
                ));
            });
}

/// "Member 2 (label), group": who the step is about.
fn who_vi(index: usize, m: &MemberResult, names: Names<'_>) -> String {
    let n = index.saturating_add(1);
    match &m.label {
        Some(l) => format!("Thành viên {n} ({l}), {}", names.0),
        None => format!("Thành viên {n}, {}", names.0),
    }
}

/// The group's names, Vietnamese and English (a provincial group's when it is one).
type Names<'a> = (&'a String, &'a String);

fn who_en(index: usize, m: &MemberResult, names: Names<'_>) -> String {
    let n = index.saturating_add(1);
    match &m.label {
        Some(l) => format!("Member {n} ({l}), {}", names.1),
        None => format!("Member {n}, {}", names.1),
    }
}

fn supported(
    t: &mut Trace,
    index: usize,
    (m, g, chosen): (&MemberResult, Names<'_>, bool),
    (groups, local): (&Entry<Vec<HealthGroup>>, Option<&LocalEntry>),
    first: Money,
) {
    debug_assert_eq!(m.form, Form::Supported);
    // The province's resolution is cited with its own grade (the step's grade is the
    // national data's).
    let local_doc = local.map(|l| format!("{} (grade {:?})", l.citation.document, l.confidence));
    let cite = match &local_doc {
        Some(doc) => Cite::Both(groups, doc),
        None => Cite::Param(groups),
    };
    let (local_vi, local_en) = if m.local_support_monthly > 0 {
        (
            format!(
                ", ngân sách địa phương hỗ trợ thêm {} ({}/tháng)",
                money::percent_vi(m.local_support_rate),
                money::vi(m.local_support_monthly)
            ),
            format!(
                ", the province adds {} ({} a month)",
                money::percent(m.local_support_rate),
                money::en(m.local_support_monthly)
            ),
        )
    } else {
        (String::new(), String::new())
    };
    let (why_vi, why_en) = if chosen {
        (
            " (rẻ hơn cho cả hộ so với đóng theo hộ gia đình)",
            " (cheaper for the household than the household form)",
        )
    } else {
        ("", "")
    };
    t.step(&format!("members[{index}]"), m.monthly, cite, |w| {
        if m.local_support_rate.is_zero() {
            w.formula(format_args!("{first} − {} × {first} = {}", m.support_rate, m.monthly));
        } else {
            w.formula(format_args!(
                "{first} − {} × {first} − {} × {first} = {}",
                m.support_rate, m.local_support_rate, m.monthly
            ));
        }
        w.vi(format_args!(
            "{}: ngân sách nhà nước hỗ trợ {} ({}/tháng){local_vi}, người tham gia đóng {}/tháng{why_vi}.",
            who_vi(index, m, g),
            money::percent_vi(m.support_rate),
            money::vi(m.state_support_monthly),
            money::vi(m.monthly),
        ));
        w.en(format_args!(
            "{}: the State pays {} ({} a month){local_en}, the member pays {} a month{why_en}.",
            who_en(index, m, g),
            money::percent(m.support_rate),
            money::en(m.state_support_monthly),
            money::en(m.monthly),
        ));
    });
}

/// A provincial top-up's dated entry.
type LocalEntry = Entry<std::collections::BTreeMap<String, Decimal>>;

fn choice(
    t: &mut Trace,
    (choosers, household): (usize, usize),
    (chosen, all_supported, all_household): (Money, Money, Money),
) {
    t.step("form_choice", chosen, Cite::Law("Law on Health Insurance art. 13.5.e; decision K-21"), |w| {
        w.formula(format_args!(
            "min(all supported {all_supported}, all household {all_household}, …) = {chosen} with {household} of {choosers} in the household form"
        ));
        w.vi(format_args!(
            "{choosers} thành viên thuộc nhóm được hỗ trợ có thể chọn nhận hỗ trợ hoặc đóng theo hộ gia đình. Cách rẻ nhất cho cả hộ: {household} người đóng theo hộ gia đình, tổng {}/tháng (nếu tất cả nhận hỗ trợ: {}; nếu tất cả đóng theo hộ: {}).",
            money::vi(chosen),
            money::vi(all_supported),
            money::vi(all_household)
        ));
        w.en(format_args!(
            "{choosers} member(s) of supported groups may take the support or join in the household form. Cheapest for the household: {household} in the household form, {} a month in all (all taking the support: {}; all in the household form: {}).",
            money::en(chosen),
            money::en(all_supported),
            money::en(all_household)
        ));
    });
}

fn card(
    t: &mut Trace,
    (paid, expiry, from): (
        chrono::NaiveDate,
        Option<chrono::NaiveDate>,
        chrono::NaiveDate,
    ),
    case: CardCase,
    (rule, entry): (CardRule, &Entry<CardRule>),
) {
    let (wait, lapse) = (rule.waiting_days, rule.lapse_days);
    let (p_vi, f_vi) = (crate::month::date_vi(paid), crate::month::date_vi(from));
    let e_vi = expiry.map(crate::month::date_vi).unwrap_or_default();
    let e_en = expiry.map(|e| e.to_string()).unwrap_or_default();
    let (vi, en) = match case {
        CardCase::First => (
            format!("Tham gia lần đầu, đóng ngày {p_vi}: thẻ có giá trị sau {wait} ngày, từ {f_vi}."),
            format!("A first card, paid on {paid}: valid {wait} days later, from {from}."),
        ),
        CardCase::Renewal => (
            format!("Gia hạn liên tục (đóng ngày {p_vi}, thẻ cũ hết hạn {e_vi}): thẻ mới có giá trị nối tiếp từ {f_vi}."),
            format!("A continuous renewal (paid on {paid}, previous card expired {e_en}): the new card runs on from {from}."),
        ),
        CardCase::ShortLapse => (
            format!("Đóng ngày {p_vi}, sau khi thẻ cũ hết hạn {e_vi} chưa đến {lapse} ngày: thẻ có giá trị từ ngày đóng {f_vi} (cách hiểu của công cụ, quyết định K-21)."),
            format!("Paid on {paid}, less than {lapse} days after the previous card expired ({e_en}): valid from the payment date {from} (this engine's reading, decision K-21)."),
        ),
        CardCase::Lapsed => (
            format!("Đóng ngày {p_vi}, gián đoạn từ {lapse} ngày trở lên sau khi thẻ cũ hết hạn {e_vi}: như tham gia lần đầu, thẻ có giá trị sau {wait} ngày, từ {f_vi}."),
            format!("Paid on {paid}, {lapse} days or more after the previous card expired ({e_en}): as a first card, valid {wait} days later, from {from}."),
        ),
    };
    t.step(
        "card_valid_from",
        from.to_string(),
        Cite::Param(entry),
        |w| {
            w.formula(format_args!("{case:?}: {from}"));
            w.vi(vi);
            w.en(en);
        },
    );
}
