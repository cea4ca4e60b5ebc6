//! The plan of a projection: which months are paid, how, and at what price — every
//! payment priced by the `contribution` calculation itself.

use super::estimate::{EstimateInput, Shortfall};
use crate::calc::contribution::{self, Contribution, ContributionInput, Method};
use crate::calc::history::Scheme;
use crate::calc::pension;
use crate::error::{Error, Result};
use crate::explain::trace::{Cite, Trace};
use crate::law::parameters::Params;
use crate::money::Money;
use crate::YearMonth;

/// One payment of the plan.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Payment {
    /// Payment month.
    pub month: YearMonth,
    /// Months covered.
    pub months: u32,
    /// Payable by the participant.
    pub payable: Money,
    /// State + provincial support.
    pub support: Money,
    /// National support part.
    pub state: Money,
    /// Provincial part.
    pub local: Money,
    /// Income used.
    pub income: Money,
}

/// The regular months of the plan and the back payment, if any.
pub(crate) struct Plan {
    pub(crate) first: YearMonth,
    pub(crate) last: Option<YearMonth>,
    pub(crate) back: Option<(YearMonth, u32)>,
}

pub(crate) fn plan(
    p: &Params,
    i: &EstimateInput,
    reached: YearMonth,
    existing: u32,
    t: &mut Trace,
) -> Result<Plan> {
    let first = i.start;
    let min = *p
        .pension_min_months
        .require(crate::month::LAW_2024_START, "start_month")?
        .value;
    let mut last = match i.contribution_years {
        Some(y) => Some(first.plus(12 * y as i32 - 1)),
        None if reached >= first => Some(reached),
        None => None,
    };
    let planned = |l: Option<YearMonth>| l.map_or(0, |l| (l.months_since(first) + 1) as u32);
    let mut back = None;
    if i.contribution_years.is_none() {
        let total = existing + planned(last);
        if total < min {
            let mut short = min - total;
            if i.shortfall == Shortfall::BackPayment {
                let max = *p
                    .back_payment_max_months
                    .require(reached.max(first), "shortfall")?
                    .value;
                let extra = short.saturating_sub(max);
                if extra > 0 {
                    last =
                        Some(last.map_or(first.plus(extra as i32 - 1), |l| l.plus(extra as i32)));
                }
                short -= extra;
                let pay_month = last.map_or(first, |l| l.plus(1)).max(reached);
                back = Some((pay_month, short));
            } else {
                last = Some(last.map_or(first.plus(short as i32 - 1), |l| l.plus(short as i32)));
            }
            let (s, b) = (min - total, back);
            t.step("shortfall", s, Cite::Law("Law 41/2024/QH15 art. 98, art. 36.2.e; Decree 159/2025/NĐ-CP art. 7; rule 3.11, docs/rules.md; decision K-17"), |w| {
                match b {
                    Some((m, n)) => {
                        w.formula(format_args!("{s} months short at retirement age → back payment of {n} months in {m}"));
                        w.vi(format_args!("Đến tuổi nghỉ hưu còn thiếu {s} tháng: đóng một lần {n} tháng còn thiếu vào {} để hưởng lương hưu.", m.to_vi()));
                        w.en(format_args!("{s} months short at retirement age: a one-time payment for {n} missing months in {m} completes 15 years."));
                    }
                    None => {
                        w.formula(format_args!("{s} months short at retirement age → keep contributing {s} months"));
                        w.vi(format_args!("Đến tuổi nghỉ hưu còn thiếu {s} tháng: tiếp tục đóng thêm {s} tháng sau tuổi nghỉ hưu để đủ 15 năm."));
                        w.en(format_args!("{s} months short at retirement age: contributing {s} more months after retirement age completes 15 years."));
                    }
                }
            });
        }
    }
    Ok(Plan { first, last, back })
}

/// Law 41/2024 art. 141.9 (rule P-2, docs/rules.md): someone who joined early may retire at the
/// transitional age once they have the voluntary months the rule asks (`transitional_retirement`).
/// When that comes before the roadmap age, a plan "until retirement age" ends there (the
/// `pension` calculation on the projected history then applies the same rule).
pub(crate) fn transitional_end(
    p: &Params,
    i: &EstimateInput,
    roadmap: YearMonth,
    t: &mut Trace,
) -> YearMonth {
    let Some(h) = &i.history else { return roadmap };
    if i.contribution_years.is_some() {
        return roadmap;
    }
    let first = h.first_voluntary();
    let Some((entry, age, alt)) = pension::transitional(p, i.sex, i.birth.month(), first) else {
        return roadmap;
    };
    let Some(rule) = entry.value else {
        return roadmap;
    };
    let years = age.years;
    let need = rule
        .voluntary_months
        .saturating_sub(h.months_of(Scheme::Voluntary));
    let twenty = if need == 0 {
        i.start.plus(-1)
    } else {
        i.start.plus(need as i32 - 1)
    };
    let end = alt.max(twenty);
    if end >= roadmap {
        return roadmap;
    }
    let (joined, months) = (rule.joined_before, rule.voluntary_months);
    t.step("transitional_plan", end.to_string(), Cite::Law("Law 41/2024/QH15 art. 141.9; rule P-2, docs/rules.md"), |w| {
        w.formula(format_args!("joined before {}; age {years} in {alt}; {months} voluntary months in {twenty} → plan ends {end}", joined.year()));
        w.vi(format_args!("Tham gia trước năm {} nên được nghỉ hưu khi đủ {years} tuổi và đủ {} năm đóng tự nguyện: dự tính đóng đến {}.", joined.year(), months / 12, end.to_vi()));
        w.en(format_args!("Joined before {}, so the pension may start at {years} with {} years of voluntary contributions: the plan runs until {end}.", joined.year(), months / 12));
    });
    end
}

/// The earliest month after `m` at which a parameter used by a monthly quote changes.
fn epoch_end(p: &Params, m: YearMonth, province: Option<&str>) -> YearMonth {
    let mut end = YearMonth::new(crate::month::MAX_YEAR, 12).unwrap_or(m);
    let mut see = |f: Option<YearMonth>| {
        if let Some(f) = f {
            end = end.min(f);
        }
    };
    macro_rules! next {
        ($s:expr) => {
            see($s.values.iter().map(|e| e.from).find(|f| *f > m))
        };
    }
    next!(p.contribution_rate);
    next!(p.rural_poverty_line);
    next!(p.reference_level);
    next!(p.income_ceiling_multiple);
    next!(p.income_step);
    next!(p.state_support_rates);
    next!(p.support_cap_months);
    next!(p.fund_rate_monthly);
    let own = province.and_then(|s| p.local_support.provinces.get(s));
    let merged = own
        .and_then(|pr| pr.merged_into.as_deref())
        .and_then(|q| p.local_support.provinces.get(q));
    for pr in [own, merged].into_iter().flatten() {
        see(pr.values.iter().map(|e| e.from).find(|f| *f > m));
        see(pr.unread.iter().map(|u| u.from).find(|f| *f > m));
    }
    end
}

/// The income used in payment month `m`: the chosen one, raised to the floor when an
/// enacted poverty line overtakes it (K-17 assumption, reported in a warning).
pub(crate) fn income_at(p: &Params, income: Money, m: YearMonth) -> Money {
    match p.rural_poverty_line.at(m) {
        Some(floor) if income < *floor.value => {
            // The lowest valid income: the floor rounded up to the step (K-3).
            let step = p.income_step.at(m).map_or(1, |s| *s.value).max(1);
            (floor.value + step - 1) / step * step
        }
        _ => income,
    }
}

/// What a plan is priced with: the method, its advance length, the months and the support
/// already received.
#[derive(Clone, Copy)]
pub(crate) struct Pricing {
    pub(crate) method: Method,
    pub(crate) advance_months: u32,
    pub(crate) first: YearMonth,
    pub(crate) last: YearMonth,
    pub(crate) subsidised: u32,
}

/// Prices the regular months of `x`. Every payment equals the `contribution`
/// calculation's; only the warnings reach `w`.
pub(crate) fn price(
    p: &Params,
    i: &EstimateInput,
    x: Pricing,
    w: &mut Trace,
) -> Result<Vec<Payment>> {
    let mut quiet = Trace::new(false);
    let r = price_quiet(p, i, x, &mut quiet);
    w.absorb(quiet);
    r
}

/// The method and months of the payment made in a month with `remaining` months left: an
/// advance shortens to the whole years left while they reach the shortest advance length.
fn block(method: Method, (advance_months, shortest): (u32, u32), remaining: u32) -> (Method, u32) {
    match method {
        Method::Advance if remaining >= advance_months => (Method::Advance, advance_months),
        Method::Advance if remaining >= shortest => (Method::Advance, remaining / 12 * 12),
        Method::Advance | Method::Every12Months if remaining >= 12 => (Method::Every12Months, 12),
        Method::Every6Months if remaining >= 6 => (Method::Every6Months, 6),
        Method::Every3Months if remaining >= 3 => (Method::Every3Months, 3),
        _ => (Method::Monthly, 1),
    }
}

/// Quotes reused while nothing that prices them changes: monthly quotes per parameter
/// epoch, blocks per epoch, income, length and support state (all months supported, or
/// none).
#[derive(Default)]
struct Cache {
    monthly: Option<(YearMonth, Money, Contribution)>,
    blocks: Option<(YearMonth, Money, Method, u32, bool, Contribution)>,
}

fn price_quiet(p: &Params, i: &EstimateInput, x: Pricing, w: &mut Trace) -> Result<Vec<Payment>> {
    let mut out = Vec::new();
    let mut cache = Cache::default();
    let mut subsidised = x.subsidised;
    let mut m = x.first;
    while m <= x.last {
        let remaining = (x.last.months_since(m) + 1) as u32;
        // The shortest advance length in force, looked up only for advance plans.
        let shortest = match x.method {
            Method::Advance => p
                .advance_months
                .at(m)
                .and_then(|f| f.value.iter().min().copied())
                .unwrap_or(x.advance_months),
            _ => x.advance_months,
        };
        let (meth, n) = block(x.method, (x.advance_months, shortest.max(12)), remaining);
        let income = income_at(p, i.income, m);
        let pay = if meth == Method::Monthly {
            monthly(p, i, (m, income), &mut subsidised, &mut cache, w)?
        } else {
            several(p, i, (m, income, meth, n), &mut subsidised, &mut cache, w)?
        };
        out.push(pay);
        m = m.plus(n as i32);
    }
    Ok(out)
}

/// A monthly payment: the month's quote with the support while the cap allows.
fn monthly(
    p: &Params,
    i: &EstimateInput,
    (m, income): (YearMonth, Money),
    subsidised: &mut u32,
    cache: &mut Cache,
    w: &mut Trace,
) -> Result<Payment> {
    let fresh = match &cache.monthly {
        Some((end, inc, _)) => m >= *end || *inc != income,
        None => true,
    };
    if fresh {
        let c = quote(p, i, (m, income, Method::Monthly, 1), 0, w)?;
        cache.monthly = Some((epoch_end(p, m, i.province.as_deref()), income, c));
    }
    let line = cache
        .monthly
        .as_ref()
        .map(|(_, _, c)| c.per_month[0].clone())
        .ok_or_else(|| Error::Overflow {
            field: "start_month".into(),
        })?;
    let (s, l) = if *subsidised < support_cap(p, m) {
        (line.state_support, line.local_support)
    } else {
        (0, 0)
    };
    if s + l > 0 {
        *subsidised += 1;
    }
    Ok(Payment {
        month: m,
        months: 1,
        payable: line.gross - s - l,
        support: s + l,
        state: s,
        local: l,
        income,
    })
}

/// A payment for several months (3, 6, 12 or an advance).
fn several(
    p: &Params,
    i: &EstimateInput,
    (m, income, meth, n): (YearMonth, Money, Method, u32),
    subsidised: &mut u32,
    cache: &mut Cache,
    w: &mut Trace,
) -> Result<Payment> {
    let cap = support_cap(p, m);
    let state = if *subsidised >= cap {
        Some(false)
    } else if cap - *subsidised >= n {
        Some(true)
    } else {
        None
    };
    let reuse = match (&cache.blocks, state) {
        (Some((end, inc, bm, bn, bs, c)), Some(st))
            if m < *end && *inc == income && *bm == meth && *bn == n && *bs == st =>
        {
            Some(c.clone())
        }
        _ => None,
    };
    let c = match reuse {
        Some(c) => c,
        None => {
            let c = quote(p, i, (m, income, meth, n), *subsidised, w)?;
            if let Some(st) = state {
                let end = epoch_end(p, m, i.province.as_deref());
                cache.blocks = Some((end, income, meth, n, st, c.clone()));
            }
            c
        }
    };
    *subsidised += c.subsidised_months;
    Ok(Payment {
        month: m,
        months: n,
        payable: c.payable,
        support: c.state_support + c.local_support,
        state: c.state_support,
        local: c.local_support,
        income,
    })
}

fn support_cap(p: &Params, m: YearMonth) -> u32 {
    p.support_cap_months.at(m).map_or(0, |f| *f.value)
}

/// The `contribution` calculation for one payment of the plan; `w` must have steps off:
/// only its warnings are kept.
pub(crate) fn quote(
    p: &Params,
    i: &EstimateInput,
    (m, income, method, n): (YearMonth, Money, Method, u32),
    subsidised: u32,
    w: &mut Trace,
) -> Result<Contribution> {
    let input = ContributionInput {
        payment_month: m,
        income,
        method,
        months: matches!(method, Method::Advance | Method::BackPayment).then_some(i64::from(n)),
        categories: i.categories.clone(),
        province: i.province.clone(),
        subsidised_months_before: i64::from(subsidised),
        fund_rate_monthly: None,
    };
    contribution::compute(p, &input, w)
}
