//! One person's path through a population projection, month by month (see
//! [`super::population`]).

use super::population::{
    age_reached, allowance_of, death_of, dies, history, lump_sum_of, pay, pension_of, persists,
    roll, Ctx, Draw, Outcome, Person, Status, YearTotals,
};
use crate::calc::death::Deceased;
use crate::error::{Error, Result};
use crate::money::Money;
use crate::YearMonth;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum State {
    Paying,
    Pension {
        start: YearMonth,
        monthly: Money,
        /// The one-time allowance on retirement, booked with the first payment.
        allowance: Money,
    },
    Allowance {
        first: YearMonth,
        monthly: Money,
        months: u32,
        paid: u32,
    },
    Gone(Status),
}

struct Life<'x> {
    x: &'x Person,
    runs: Vec<(YearMonth, YearMonth, Money)>,
    months: u32,
    subsidised: u32,
    support: Money,
    paying: bool,
    reached: YearMonth,
    decided: bool,
    counted_year: Option<usize>,
    state: State,
    out: Outcome,
}

/// Contribution months a pension needs in month `m` (`pension_min_months`: 15 years,
/// rules 3.2).
fn min_months(ctx: &Ctx<'_, '_>, m: YearMonth, field: &str) -> Result<u32> {
    Ok(*ctx.p.pension_min_months.require(m, field)?.value)
}

fn add(total: &mut Money, v: Money, field: &str) -> Result<()> {
    *total = total.checked_add(v).ok_or_else(|| Error::Overflow {
        field: field.into(),
    })?;
    Ok(())
}

/// Runs one person over the projection, adding to `totals` (one per year).
pub(crate) fn run(
    ctx: &mut Ctx<'_, '_>,
    x: &Person,
    totals: &mut [YearTotals],
    field: &str,
) -> Result<Outcome> {
    let start = ctx.s.start;
    let n = i32::try_from(totals.len()).unwrap_or(0).saturating_mul(12);
    let first = x.first_month.max(start);
    let mut life = Life::new(x, first, age_reached(ctx, x, field)?);
    if first >= start.plus(n) {
        life.out.status = Status::NotJoined;
        return Ok(life.out);
    }
    for k in first.months_since(start)..n {
        let m = start.plus(k);
        let y = usize::try_from(k / 12).unwrap_or(0);
        let Some(t) = totals.get_mut(y) else { break };
        if m == first || m.month() == 1 {
            life.paying = persists(ctx, x, m);
        }
        if !life.month(ctx, m, y, t, field)? {
            break;
        }
        // The projection is whole years: the last month ends a year too.
        if k % 12 == 11 {
            life.count_year_end(m, t);
        }
    }
    life.out.status = match life.state {
        State::Paying => Status::Participant,
        State::Pension { .. } => Status::Pensioner,
        State::Allowance { .. } => Status::AllowanceRecipient,
        State::Gone(s) => s,
    };
    life.out.months = life.months;
    Ok(life.out)
}

impl<'x> Life<'x> {
    fn new(x: &'x Person, first: YearMonth, reached: YearMonth) -> Self {
        let before = i32::try_from(x.months_before).unwrap_or(0);
        let runs = if before > 0 {
            vec![(first.plus(-before), first.plus(-1), x.income)]
        } else {
            Vec::new()
        };
        Life {
            x,
            runs,
            months: x.months_before,
            subsidised: x.subsidised_before,
            support: x.support_before,
            paying: false,
            reached,
            decided: false,
            counted_year: None,
            state: State::Paying,
            out: Outcome {
                id: x.id,
                status: Status::Participant,
                months: x.months_before,
                contributions: 0,
                support: 0,
                pension_start: None,
                monthly_benefit: 0,
                lump_sum: 0,
                support_returned: 0,
                death: None,
            },
        }
    }

    /// One month; `false` once the person has left the projection.
    fn month(
        &mut self,
        ctx: &mut Ctx<'_, '_>,
        m: YearMonth,
        y: usize,
        t: &mut YearTotals,
        field: &str,
    ) -> Result<bool> {
        if dies(ctx, self.x, m) {
            self.die(ctx, m, t, field)?;
            return Ok(false);
        }
        match self.state {
            State::Paying => {
                if !self.decided && m >= self.reached {
                    self.decided = true;
                    self.retire(ctx, m, t, field)?;
                }
                if self.state == State::Paying && self.paying {
                    self.pay_month(ctx, m, y, t, field)?;
                    if self.decided && self.months >= min_months(ctx, m, field)? {
                        self.start_pension(ctx, Some(m.plus(1)), field)?;
                    }
                }
                // A pension that starts this very month (a person past retirement age
                // when first projected) is paid this month too.
                if matches!(self.state, State::Pension { start, .. } if start <= m) {
                    self.pension_month(m, t)?;
                }
            }
            State::Pension { .. } => self.pension_month(m, t)?,
            State::Allowance {
                first,
                monthly,
                months,
                paid,
            } => {
                if m == first {
                    t.new_allowance_recipients += 1;
                }
                if m >= first && paid < months {
                    add(&mut t.allowances_paid, monthly, "allowances_paid")?;
                    self.state = State::Allowance {
                        first,
                        monthly,
                        months,
                        paid: paid.saturating_add(1),
                    };
                }
            }
            State::Gone(_) => return Ok(false),
        }
        Ok(!matches!(self.state, State::Gone(_)))
    }

    /// A month of pension; the first one also counts the new pensioner and books the
    /// one-time allowance on retirement (in the year the pension starts).
    fn pension_month(&mut self, m: YearMonth, t: &mut YearTotals) -> Result<()> {
        if let State::Pension {
            start,
            monthly,
            allowance,
        } = self.state
        {
            if m == start {
                t.new_pensioners += 1;
                add(
                    &mut t.retirement_allowances,
                    allowance,
                    "retirement_allowances",
                )?;
            }
            if m >= start {
                add(&mut t.pensions_paid, monthly, "pensions_paid")?;
            }
        }
        Ok(())
    }

    /// Year-end counts: benefits already being paid, and participants (awaiting a first
    /// payment counts as still a participant).
    fn count_year_end(&self, m: YearMonth, t: &mut YearTotals) {
        match self.state {
            State::Paying => t.participants += 1,
            State::Pension { start, .. } if start <= m => t.pensioners += 1,
            State::Allowance { first, .. } | State::Pension { start: first, .. } if m < first => {
                t.participants += 1;
            }
            State::Allowance { months, paid, .. } if paid < months => t.allowance_recipients += 1,
            // The allowance's months are paid: the person has left the fund's rolls (the
            // social pension follows, from the State budget).
            State::Allowance { .. } | State::Pension { .. } | State::Gone(_) => {}
        }
    }

    fn pay_month(
        &mut self,
        ctx: &mut Ctx<'_, '_>,
        m: YearMonth,
        y: usize,
        t: &mut YearTotals,
        field: &str,
    ) -> Result<()> {
        let (q, income, raised) = pay(ctx, self.x, m, self.subsidised, field)?;
        add(&mut t.contributions, q.payable, "contributions")?;
        add(&mut t.state_support, q.state_support, "state_support")?;
        add(&mut t.local_support, q.local_support, "local_support")?;
        t.contribution_months += 1;
        t.months_raised_to_floor += u64::from(raised);
        if self.counted_year != Some(y) {
            self.counted_year = Some(y);
            t.contributors += 1;
        }
        let support = q
            .state_support
            .checked_add(q.local_support)
            .ok_or_else(|| Error::Overflow {
                field: field.into(),
            })?;
        self.months = self.months.saturating_add(1);
        if support > 0 {
            self.subsidised = self.subsidised.saturating_add(1);
        }
        add(&mut self.support, support, "support")?;
        add(&mut self.out.support, support, "support")?;
        add(&mut self.out.contributions, q.payable, "contributions")?;
        match self.runs.last_mut() {
            Some((_, to, inc)) if *inc == income && to.plus(1) == m => *to = m,
            _ => self.runs.push((m, m, income)),
        }
        Ok(())
    }

    /// Retirement age reached while in the scheme: a pension with 15 years, else the
    /// assumed choice between the lump sum, the art. 23 allowance and going on.
    fn retire(
        &mut self,
        ctx: &mut Ctx<'_, '_>,
        m: YearMonth,
        t: &mut YearTotals,
        field: &str,
    ) -> Result<()> {
        if self.months >= min_months(ctx, m, field)? && self.start_pension(ctx, None, field)? {
            return Ok(());
        }
        if self.runs.is_empty() {
            return Ok(());
        }
        let u = roll(ctx, self.x.id, m, Draw::Choice);
        let (ls, al) = (ctx.a.lump_sum_take_up, ctx.a.allowance_take_up);
        if u < ls {
            let Some((paid, returned)) =
                lump_sum_of(ctx, self.x, &self.runs, m, self.support, field)?
            else {
                // Not a ground for a lump sum (a reform may have made it a pension): the
                // person goes on.
                return Ok(());
            };
            t.lump_sums += 1;
            add(&mut t.lump_sums_paid, paid, "lump_sums_paid")?;
            add(&mut t.support_returned, returned, "support_returned")?;
            self.out.lump_sum = paid;
            self.out.support_returned = returned;
            self.state = State::Gone(Status::Withdrawn);
        } else if u < ls.saturating_add(al) {
            if let Some((monthly, months)) = allowance_of(ctx, self.x, &self.runs, m, field)? {
                self.out.monthly_benefit = monthly;
                self.state = State::Allowance {
                    first: m.plus(1),
                    monthly,
                    months,
                    paid: 0,
                };
            }
        }
        Ok(())
    }

    /// Starts the pension if the history earns one; `true` when it did.
    fn start_pension(
        &mut self,
        ctx: &mut Ctx<'_, '_>,
        claim: Option<YearMonth>,
        field: &str,
    ) -> Result<bool> {
        let Some((start, monthly, allowance)) = pension_of(ctx, self.x, &self.runs, claim, field)?
        else {
            return Ok(false);
        };
        self.out.pension_start = Some(start);
        self.out.monthly_benefit = monthly;
        self.state = State::Pension {
            start,
            monthly,
            allowance,
        };
        Ok(true)
    }

    fn die(
        &mut self,
        ctx: &mut Ctx<'_, '_>,
        m: YearMonth,
        t: &mut YearTotals,
        field: &str,
    ) -> Result<()> {
        t.deaths += 1;
        self.out.death = Some(m);
        let deceased = match self.state {
            State::Pension { start, monthly, .. } if m >= start => Some(Deceased::Pensioner {
                monthly_amount: monthly,
                start_month: start,
            }),
            State::Allowance {
                first,
                monthly,
                months,
                ..
            } if m >= first => Some(Deceased::AllowanceRecipient {
                monthly_amount: monthly,
                first_month: first,
                months,
                history: history(&self.runs, field)?,
            }),
            State::Gone(_) => None,
            _ if self.runs.is_empty() => None,
            _ => Some(Deceased::Contributor(history(&self.runs, field)?)),
        };
        if let Some(d) = deceased {
            let (funeral, survivors) = death_of(ctx, m, d)?;
            add(&mut t.funeral_allowances, funeral, "funeral_allowances")?;
            add(&mut t.survivor_lump_sums, survivors, "survivor_lump_sums")?;
        }
        self.state = State::Gone(Status::Dead);
        Ok(())
    }
}
