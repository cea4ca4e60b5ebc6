//! The `health_insurance` calculation: what a household pays for health insurance (bảo hiểm
//! y tế hộ gia đình) for one period, beside voluntary social insurance (rules §6b, decision
//! K-21).
//!
//! # Legal basis
//! - Decree 188/2025/NĐ-CP art. 6.5.a, 8.3.a: the first member pays 4.5 % of the base
//!   salary in force at the payment date (rule H-1).
//! - Art. 6.5.b; Law on Health Insurance art. 13.6: the 2nd, 3rd and 4th members of the
//!   household pay 70, 60 and 50 % of it, the 5th and later 40 % (rule H-2).
//! - Art. 6.6: the State budget pays at least 100 / 70 / 50 / 30 % for supported groups;
//!   HI Law art. 13.5.e: their members (except pupils and students) may join in the
//!   household form instead (rule H-3).
//! - HI Law art. 15.6; Decree 188 art. 7.8, 8.3: periods of 3, 6 or 12 months paid in
//!   advance at the payment date's base, not adjusted later (rule H-4).
//! - HI Law art. 16.3.c: a first card (or after a lapse) is valid 30 days after payment; a
//!   renewal runs on from the previous expiry (rule H-4).
//!
//! The numbers (rate, shares by rank, groups and their support, periods, card days) are
//! parameters (`law/health_insurance_*.json`).

use crate::calc::work::{Notice, Sink};
use crate::calc::OrOverflow;
use crate::error::{Error, Result};
use crate::law::parameters::{CardRule, Entry, HealthGroup, Params};
use crate::money::{self, Money};
use crate::YearMonth;
use chrono::NaiveDate;
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

named! {
    /// How a member joins (HI Law art. 13.5.e; decision K-21).
    pub enum Form {
        /// In the household form, with a rank and the reduction of rule H-2.
        Household = "household",
        /// With the State support of the member's group (rule H-3), outside the ranks.
        Supported = "supported",
    }
}

/// One member of the household in the request.
#[derive(Clone, Debug, PartialEq)]
pub struct MemberInput {
    /// Group code (rule H-3); `self_paying` when none applies.
    pub group: String,
    /// The form the request fixes; `None`: the engine chooses (decision K-21).
    pub form: Option<Form>,
    /// A free label, echoed.
    pub label: Option<String>,
}

/// Input of a `health_insurance` calculation.
#[derive(Clone, Debug, PartialEq)]
pub struct HealthInsuranceInput {
    /// Month of the payment: the base salary of this month prices the period.
    pub payment_month: YearMonth,
    /// Months paid (3, 6 or 12).
    pub months: i64,
    /// The members paying now, in the order of joining.
    pub members: Vec<MemberInput>,
    /// Members of the household who joined earlier in the same fiscal year.
    pub already_enrolled: u32,
    /// Province slug (provincial top-ups; none in the data yet).
    pub province: Option<String>,
    /// Day of the payment, for the card's validity.
    pub payment_date: Option<NaiveDate>,
    /// Expiry of the previous card; `None` for a first card.
    pub previous_card_expiry: Option<NaiveDate>,
}

/// One member's amounts.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct MemberResult {
    /// The request's label.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "schema", schemars(with = "String"))]
    pub label: Option<String>,
    /// Group code.
    pub group: String,
    /// How the member joins.
    pub form: Form,
    /// Rank in the household (`null` for a supported member).
    pub rank: Option<u32>,
    /// The member's amount as a share of the first member's.
    pub share: Decimal,
    /// The State's share of the first member's amount.
    pub support_rate: Decimal,
    /// The province's added share of the first member's amount (rule S-5).
    pub local_support_rate: Decimal,
    /// Paid by the member per month.
    pub monthly: Money,
    /// Paid by the State per month.
    pub state_support_monthly: Money,
    /// Paid by the province per month.
    pub local_support_monthly: Money,
    /// Paid by the member for the period.
    pub payable: Money,
}

/// Result of a `health_insurance` calculation.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct HealthInsurance {
    /// Base salary (reference level) at the payment month.
    pub base: Money,
    /// The first member's monthly amount (rate × base).
    pub first_member_monthly: Money,
    /// Months paid.
    pub months: u32,
    /// Each member, in the request's order.
    pub members: Vec<MemberResult>,
    /// Paid by the household for the period.
    pub total_payable: Money,
    /// Paid by the State for the period.
    pub total_state_support: Money,
    /// Paid by the province for the period.
    pub total_local_support: Money,
    /// First day the card is valid (with `payment_date`).
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        with = "crate::month::iso_date_opt"
    )]
    #[cfg_attr(feature = "schema", schemars(with = "NaiveDate"))]
    pub card_valid_from: Option<NaiveDate>,
}

/// How the card's first valid day was found (rule H-4).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CardCase {
    /// A first card: valid `waiting_days` after payment.
    First,
    /// Paid on or before the previous expiry: runs on from it.
    Renewal,
    /// Paid after the expiry but within `lapse_days`: valid from the payment date (the
    /// engine's reading, decision K-21).
    ShortLapse,
    /// Cover lapsed for `lapse_days` or more: as a first card.
    Lapsed,
}

/// The working of a `health_insurance` calculation.
pub enum Step<'a> {
    /// The first member's monthly amount.
    First {
        /// Payment month.
        month: YearMonth,
        /// Base salary entry.
        base: &'a Entry<Money>,
        /// Base salary.
        base_value: Money,
        /// Rate entry.
        rate: &'a Entry<Decimal>,
        /// Rate.
        rate_value: Decimal,
        /// The amount.
        first: Money,
    },
    /// The engine chose the forms (decision K-21).
    Choice {
        /// Members whose form the engine chose.
        choosers: usize,
        /// Of them, in the household form.
        household: usize,
        /// Household monthly total chosen.
        chosen: Money,
        /// Household monthly total if they all took the support.
        all_supported: Money,
        /// Household monthly total if they all joined in the household form.
        all_household: Money,
    },
    /// One member.
    Member {
        /// Position in the request.
        index: usize,
        /// The member.
        member: &'a MemberResult,
        /// The group's data.
        group: &'a HealthGroup,
        /// Whether the engine chose the form.
        chosen: bool,
        /// The entry the member's amount follows.
        cite: Basis<'a>,
        /// The provincial top-up's entry, when the province adds to this member's support.
        local: Option<&'a Entry<std::collections::BTreeMap<String, Decimal>>>,
        /// The province's own group the member belongs to, if any.
        local_group: Option<&'a crate::law::parameters::LocalCategory>,
        /// First member's amount.
        first: Money,
    },
    /// The totals for the period.
    Totals {
        /// Months.
        months: u32,
        /// Periods entry.
        periods: &'a Entry<Vec<u32>>,
        /// Total payable.
        payable: Money,
        /// Total State support.
        support: Money,
        /// Total provincial support.
        local: Money,
    },
    /// The card's validity.
    Card {
        /// Payment day.
        paid: NaiveDate,
        /// Previous expiry.
        expiry: Option<NaiveDate>,
        /// Result.
        valid_from: NaiveDate,
        /// Which case.
        case: CardCase,
        /// The rule.
        rule: CardRule,
        /// Its entry, for the citation.
        entry: &'a Entry<CardRule>,
    },
}

/// The parameter a member's amount follows: the shares by rank (household form) or the
/// groups' support (supported form).
#[derive(Clone, Copy)]
pub enum Basis<'a> {
    /// Household form.
    Shares(&'a Entry<Vec<Decimal>>),
    /// Supported form.
    Groups(&'a Entry<Vec<HealthGroup>>),
}

/// A member's group: the national group whose State share and choice apply, the code the
/// request gave (a provincial group's, or the national one), and the province's added share.
#[derive(Clone, Copy)]
struct Who<'a> {
    group: &'a HealthGroup,
    code: &'a str,
    local: Decimal,
}

impl Who<'_> {
    /// No share from the State nor the province: ranked first in the household form.
    fn unsupported(&self) -> bool {
        self.group.support.is_zero() && self.local.is_zero()
    }
}

/// The provincial health-insurance data in force: the province's record and its shares.
type LocalShares<'a> = Option<(
    &'a crate::law::parameters::Province,
    Option<&'a Entry<std::collections::BTreeMap<String, Decimal>>>,
)>;

/// A member after the forms are settled.
struct Placed<'a> {
    who: Who<'a>,
    form: Form,
    chosen: bool,
    rank: Option<u32>,
}

/// Computes a `health_insurance` calculation.
///
/// # Errors
/// `unknown_category` (a group the data does not list), `form_not_available`,
/// `period_months_not_allowed`, `payment_date_outside_month`, `parameter_not_in_force`,
/// `overflow`.
pub fn compute(
    p: &Params,
    input: &HealthInsuranceInput,
    w: &mut dyn Sink,
) -> Result<HealthInsurance> {
    let month = input.payment_month;
    crate::calc::support::known_province(p, input.province.as_deref(), "province")?;
    let base = p.reference_level.require(month, "payment_month")?;
    w.extrapolated("reference_level", month, &base);
    let rate = p.health_insurance_rate.require(month, "payment_month")?;
    let shares = p
        .health_insurance_household_shares
        .require(month, "payment_month")?;
    let groups = p.health_insurance_groups.require(month, "payment_month")?;
    let periods = p.health_insurance_periods.require(month, "payment_month")?;
    let months = period_months(input.months, periods.value)?;
    let first = money::mul_rate(*base.value, *rate.value).or_overflow("payment_month")?;
    w.step(|| Step::First {
        month,
        base: base.entry,
        base_value: *base.value,
        rate: rate.entry,
        rate_value: *rate.value,
        first,
    });
    let local = local_shares(p, input, w);
    let bound = groups_of(input, groups.value, local, p)?;
    let placed = place(input, &bound, shares.value, first, w)?;
    let members = amounts(input, &placed, shares.value, first, months)?;
    let cites = (shares.entry, groups.entry, local);
    let totals = totals(&members, &placed, (months, first), cites, w)?;
    w.step(|| Step::Totals {
        months,
        periods: periods.entry,
        payable: totals.0,
        support: totals.1,
        local: totals.2,
    });
    let card_valid_from = match input.payment_date {
        None => None,
        Some(_) => {
            let rule = p.health_insurance_card.require(month, "payment_month")?;
            card(input, *rule.value, rule.entry, w)?
        }
    };
    Ok(HealthInsurance {
        base: *base.value,
        first_member_monthly: first,
        months,
        members,
        total_payable: totals.0,
        total_state_support: totals.1,
        total_local_support: totals.2,
        card_valid_from,
    })
}

/// The province's health-insurance top-ups in force, with the warnings of decision K-9: no
/// top-up in the data, or a resolution known but not read.
fn local_shares<'a>(
    p: &'a Params,
    input: &HealthInsuranceInput,
    w: &mut dyn Sink,
) -> LocalShares<'a> {
    let province = input.province.as_deref()?;
    let month = input.payment_month;
    let record = p.health_insurance_local_support.provinces.get(province);
    let entry = record.and_then(|r| r.at(month));
    if entry.is_none() {
        w.notice(Notice::LocalSupportNotInData { province, month });
    }
    let records: Vec<_> = record.into_iter().collect();
    let since = entry.map(|e| e.from);
    crate::calc::support::unread_notices(province, &records, (month, since), w);
    record.map(|r| (r, entry))
}

/// The totals for the period (payable, State, province), each member's step on the way.
fn totals<'a>(
    members: &'a [MemberResult],
    placed: &[Placed<'a>],
    (months, first): (u32, Money),
    (shares, groups, local): (
        &'a Entry<Vec<Decimal>>,
        &'a Entry<Vec<HealthGroup>>,
        LocalShares<'a>,
    ),
    w: &mut dyn Sink,
) -> Result<(Money, Money, Money)> {
    let (mut payable, mut state, mut province) = (0i64, 0i64, 0i64);
    let times = |x: Money| x.checked_mul(i64::from(months)).or_overflow("members");
    for (i, (m, pl)) in members.iter().zip(placed).enumerate() {
        payable = payable.checked_add(m.payable).or_overflow("members")?;
        state = state
            .checked_add(times(m.state_support_monthly)?)
            .or_overflow("members")?;
        province = province
            .checked_add(times(m.local_support_monthly)?)
            .or_overflow("members")?;
        w.step(|| Step::Member {
            index: i,
            member: m,
            group: pl.who.group,
            chosen: pl.chosen,
            cite: if m.rank.is_some() {
                Basis::Shares(shares)
            } else {
                Basis::Groups(groups)
            },
            local: local
                .and_then(|l| l.1)
                .filter(|_| m.local_support_monthly > 0),
            local_group: local.and_then(|(pr, _)| pr.local_categories.get(&m.group)),
            first,
        });
    }
    Ok((payable, state, province))
}

/// The period's length, one of the allowed ones.
fn period_months(months: i64, allowed: &[u32]) -> Result<u32> {
    u32::try_from(months)
        .ok()
        .filter(|m| allowed.contains(m))
        .ok_or_else(|| Error::PeriodMonthsNotAllowed {
            months,
            allowed: allowed.to_vec(),
        })
}

/// The group of each member and the form it is bound to, if any. A provincial group (of
/// the province's health-insurance data) takes its national group's State share and choice.
fn groups_of<'a>(
    input: &'a HealthInsuranceInput,
    groups: &'a [HealthGroup],
    local: LocalShares<'a>,
    p: &Params,
) -> Result<Vec<(Who<'a>, Option<Form>)>> {
    let shares = local.and_then(|(_, e)| e).and_then(|e| e.value.as_ref());
    input
        .members
        .iter()
        .enumerate()
        .map(|(i, m)| {
            let field = || format!("members[{i}].group");
            let national = local
                .and_then(|(pr, _)| pr.local_categories.get(&m.group))
                .map_or(m.group.as_str(), |lc| lc.national_category.as_str());
            let Some(g) = groups.iter().find(|g| g.code == national) else {
                return Err(unknown_group(p, &m.group, field()));
            };
            let who = Who {
                group: g,
                code: &m.group,
                local: shares
                    .and_then(|s| s.get(&m.group))
                    .copied()
                    .unwrap_or_default(),
            };
            // A member without any support joins in the household form; a supported group
            // that may not choose (pupils and students) joins with the support.
            let bound = if who.unsupported() {
                Some(Form::Household)
            } else if g.may_choose {
                None
            } else {
                Some(Form::Supported)
            };
            match (bound, m.form) {
                (Some(b), Some(f)) if b != f => Err(Error::FormNotAvailable {
                    field: format!("members[{i}].form"),
                    group: m.group.clone(),
                    form: f.as_str(),
                }),
                (b, f) => Ok((who, b.or(f))),
            }
        })
        .collect()
}

/// `category_not_available` for another province's group, else `unknown_category`.
fn unknown_group(p: &Params, code: &str, field: String) -> Error {
    let other = p
        .health_insurance_local_support
        .provinces
        .iter()
        .find(|(_, pr)| pr.local_categories.contains_key(code));
    match other {
        Some((slug, _)) => Error::CategoryNotAvailable {
            field,
            value: crate::error::excerpt(code),
            province: slug.clone(),
        },
        None => Error::UnknownCategory {
            field,
            value: crate::error::excerpt(code),
        },
    }
}

/// The monthly amount of household rank `rank` (1-based).
fn ranked(shares: &[Decimal], rank: u32, first: Money) -> Result<(Decimal, Money)> {
    let idx = usize::try_from(rank.saturating_sub(1)).unwrap_or(usize::MAX);
    let share = shares
        .get(idx)
        .or(shares.last())
        .copied()
        .unwrap_or(Decimal::ONE);
    Ok((share, money::mul_rate(first, share).or_overflow("members")?))
}

/// What a supported member pays per month, what the State pays and what the province adds
/// (at most up to the whole amount).
fn supported(who: &Who<'_>, first: Money) -> Result<(Money, Money, Money)> {
    let national = money::mul_rate(first, who.group.support)
        .or_overflow("members")?
        .min(first);
    let room = first.checked_sub(national).or_overflow("members")?;
    let local = money::mul_rate(first, who.local)
        .or_overflow("members")?
        .min(room);
    Ok((
        room.checked_sub(local).or_overflow("members")?,
        national,
        local,
    ))
}

/// The household's monthly total of `count` ranked members from rank `from`.
fn ranked_total(shares: &[Decimal], from: u32, count: u32, first: Money) -> Result<Money> {
    let mut total = 0i64;
    for k in 0..count {
        let rank = from.checked_add(k).or_overflow("already_enrolled")?;
        total = total
            .checked_add(ranked(shares, rank, first)?.1)
            .or_overflow("members")?;
    }
    Ok(total)
}

/// The sum of amounts, checked.
fn sum(amounts: impl IntoIterator<Item = Money>) -> Result<Money> {
    amounts
        .into_iter()
        .try_fold(0i64, |t, a| t.checked_add(a))
        .or_overflow("members")
}

/// The number of members matching `f`, as a rank count.
fn count(
    bound: &[(Who<'_>, Option<Form>)],
    f: impl Fn(&Who<'_>, Option<Form>) -> bool,
) -> Result<u32> {
    u32::try_from(bound.iter().filter(|(g, x)| f(g, *x)).count())
        .ok()
        .or_overflow("members")
}

/// Settles every member's form and rank (decision K-21): the members without support
/// first, then the members of supported groups, each in the request's order; among the
/// free choices, the combination with the lowest household total, ties to the household
/// form.
fn place<'a>(
    input: &'a HealthInsuranceInput,
    bound: &[(Who<'a>, Option<Form>)],
    shares: &[Decimal],
    first: Money,
    w: &mut dyn Sink,
) -> Result<Vec<Placed<'a>>> {
    let own = count(bound, |g, _| g.unsupported())?;
    let fixed_household = count(bound, |g, f| !g.unsupported() && f == Some(Form::Household))?;
    let mut fixed = Vec::new();
    // The free choosers, the dearest to support first: for a given number of them in the
    // household form the ranks they take cost the same whoever they are, so the cheapest
    // total puts the dearest supported members into the household.
    let mut free: Vec<(usize, Money)> = Vec::new();
    for (i, (g, f)) in bound.iter().enumerate() {
        match f {
            None => {
                // Kept in order, dearest first (request order among equals).
                let amount = supported(g, first)?.0;
                let at = free.partition_point(|x| x.1 >= amount);
                free.insert(at, (i, amount));
            }
            Some(Form::Supported) => fixed.push(supported(g, first)?.0),
            Some(Form::Household) => {}
        }
    }
    let start = input
        .already_enrolled
        .checked_add(1)
        .or_overflow("already_enrolled")?;
    let block = start.checked_add(own).or_overflow("already_enrolled")?;
    // totals[j]: the supported groups' members with the j dearest free choosers in the
    // household form, the other free choosers supported.
    let mut totals = Vec::with_capacity(free.len().saturating_add(1));
    for j in 0..=free.len() {
        let in_household = u32::try_from(j)
            .ok()
            .and_then(|j| j.checked_add(fixed_household));
        let household = ranked_total(shares, block, in_household.or_overflow("members")?, first)?;
        let rest = sum(free.get(j..).unwrap_or_default().iter().map(|x| x.1))?;
        totals.push(household.checked_add(rest).or_overflow("members")?);
    }
    // Lowest total; on a tie the larger number in the household form.
    let best = (0..totals.len())
        .rev()
        .min_by_key(|&j| totals[j])
        .unwrap_or(0);
    let mut form: Vec<Option<Form>> = bound.iter().map(|(_, f)| *f).collect();
    for (k, (i, _)) in free.iter().enumerate() {
        form[*i] = Some(if k < best {
            Form::Household
        } else {
            Form::Supported
        });
    }
    if !free.is_empty() {
        let others = ranked_total(shares, start, own, first)?
            .checked_add(sum(fixed)?)
            .or_overflow("members")?;
        let with = |t: Money| t.checked_add(others).or_overflow("members");
        let (chosen, all_supported, all_household) = (
            with(totals[best])?,
            with(totals[0])?,
            with(totals[free.len()])?,
        );
        w.step(|| Step::Choice {
            choosers: free.len(),
            household: best,
            chosen,
            all_supported,
            all_household,
        });
    }
    rank(
        bound,
        &form,
        start,
        &free.iter().map(|x| x.0).collect::<Vec<_>>(),
    )
}

/// Gives the household-form members their ranks: members without support first, then the
/// supported groups' members in the household form, each in the request's order.
fn rank<'a>(
    bound: &[(Who<'a>, Option<Form>)],
    form: &[Option<Form>],
    start: u32,
    chosen: &[usize],
) -> Result<Vec<Placed<'a>>> {
    let mut placed: Vec<Placed<'a>> = bound
        .iter()
        .zip(form)
        .enumerate()
        .map(|(i, ((g, _), f))| Placed {
            who: *g,
            form: f.unwrap_or(Form::Household),
            chosen: chosen.contains(&i),
            rank: None,
        })
        .collect();
    let mut next = start;
    for pass_own in [true, false] {
        for pl in placed.iter_mut() {
            if pl.form == Form::Household && pl.who.unsupported() == pass_own {
                pl.rank = Some(next);
                next = next.checked_add(1).or_overflow("already_enrolled")?;
            }
        }
    }
    Ok(placed)
}

/// Each member's amounts.
fn amounts(
    input: &HealthInsuranceInput,
    placed: &[Placed<'_>],
    shares: &[Decimal],
    first: Money,
    months: u32,
) -> Result<Vec<MemberResult>> {
    placed
        .iter()
        .zip(&input.members)
        .map(|(pl, m)| {
            let (share, monthly, (national, local), rates) = match pl.rank {
                Some(r) => {
                    let (share, monthly) = ranked(shares, r, first)?;
                    (share, monthly, (0, 0), (Decimal::ZERO, Decimal::ZERO))
                }
                None => {
                    let (monthly, national, local) = supported(&pl.who, first)?;
                    let both = pl
                        .who
                        .group
                        .support
                        .checked_add(pl.who.local)
                        .or_overflow("members")?
                        .min(Decimal::ONE);
                    let share = Decimal::ONE.checked_sub(both).or_overflow("members")?;
                    let local_rate = both
                        .checked_sub(pl.who.group.support)
                        .or_overflow("members")?;
                    (
                        share,
                        monthly,
                        (national, local),
                        (pl.who.group.support, local_rate),
                    )
                }
            };
            Ok(MemberResult {
                label: m.label.clone(),
                group: pl.who.code.to_string(),
                form: pl.form,
                rank: pl.rank,
                share: share.normalize(),
                support_rate: rates.0.normalize(),
                local_support_rate: rates.1.normalize(),
                monthly,
                state_support_monthly: national,
                local_support_monthly: local,
                payable: monthly
                    .checked_mul(i64::from(months))
                    .or_overflow("members")?,
            })
        })
        .collect()
}

/// The card's first valid day (rule H-4), when the request gives the payment day.
fn card(
    input: &HealthInsuranceInput,
    rule: CardRule,
    entry: &Entry<CardRule>,
    w: &mut dyn Sink,
) -> Result<Option<NaiveDate>> {
    let Some(paid) = input.payment_date else {
        return Ok(None);
    };
    if YearMonth::of_date(paid) != Some(input.payment_month) {
        return Err(Error::PaymentDateOutsideMonth {
            date: paid,
            month: input.payment_month,
        });
    }
    let days = |n: u32| chrono::Days::new(u64::from(n));
    let waited = || paid.checked_add_days(days(rule.waiting_days));
    let (case, valid_from) = match input.previous_card_expiry {
        None => (CardCase::First, waited()),
        Some(e) if paid <= e => (CardCase::Renewal, e.checked_add_days(days(1))),
        Some(e) if paid.signed_duration_since(e).num_days() < i64::from(rule.lapse_days) => {
            (CardCase::ShortLapse, Some(paid))
        }
        Some(_) => (CardCase::Lapsed, waited()),
    };
    let valid_from = valid_from.or_overflow("payment_date")?;
    w.step(|| Step::Card {
        paid,
        expiry: input.previous_card_expiry,
        valid_from,
        case,
        rule,
        entry,
    });
    Ok(Some(valid_from))
}
