//! `minimum_income`: the smallest income on the step that reaches a target pension.

use super::estimate::{project_with, EstimateInput};
use crate::calc::contribution;
use crate::calc::work::Discard;
use crate::error::{Error, Result};
use crate::explain::trace::{Cite, Trace};
use crate::law::parameters::Params;
use crate::money::{self, Money};
use serde::{Deserialize, Serialize};

/// Result of `minimum_income`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct MinimumIncome {
    /// The smallest valid income on the step that reaches the target.
    pub income: Money,
    /// The pension at that income.
    pub monthly_pension: Money,
    /// What the participant pays per month at that income (first payment).
    pub payable_per_month: Money,
    /// The pension one step lower (0 at the floor).
    pub monthly_pension_one_step_lower: Money,
    /// The target.
    pub target_monthly_pension: Money,
}

/// Computes a `minimum_income` request by bisection on the income step (the pension is
/// non-decreasing in income; a property test checks the answer reaches the target and the
/// step below does not).
///
/// # Errors
/// `target_unreachable` when the ceiling does not reach the target, and the estimate errors.
pub fn compute_minimum(
    p: &Params,
    target: Money,
    input: &EstimateInput,
    t: &mut Trace,
) -> Result<MinimumIncome> {
    let mut i = input.clone();
    let lim = contribution::income_limits(p, i.start, "start_month", &mut Discard)?;
    let step = lim.step;
    let lo_steps = (lim.floor + step - 1) / step;
    let hi_steps = lim.ceiling / step;
    let pension_at = |steps: i64, i: &mut EstimateInput| -> Result<(Money, Money)> {
        i.income = steps * step;
        let mut quiet = Trace::new(false);
        let e = project_with(p, i, &mut quiet, false)?;
        Ok((
            if e.eligible { e.monthly_pension } else { 0 },
            e.monthly_payment,
        ))
    };
    let (best, _) = pension_at(hi_steps, &mut i)?;
    if best < target {
        return Err(Error::TargetUnreachable {
            target,
            best,
            ceiling: hi_steps * step,
        });
    }
    let (mut lo, mut hi) = (lo_steps, hi_steps); // pension(hi) ≥ target
    let (at_lo, _) = pension_at(lo, &mut i)?;
    if at_lo >= target {
        hi = lo;
    } else {
        while hi - lo > 1 {
            let mid = lo + (hi - lo) / 2;
            if pension_at(mid, &mut i)?.0 >= target {
                hi = mid;
            } else {
                lo = mid;
            }
        }
    }
    let (pension, pay) = pension_at(hi, &mut i)?;
    let lower = if hi > lo_steps {
        pension_at(hi - 1, &mut i)?.0
    } else {
        0
    };
    let income = hi * step;
    t.step("minimum_income", income, Cite::Law("Law 41/2024/QH15 art. 31.2, art. 99, art. 104; decisions K-3, K-17"), |w| {
        w.formula(format_args!("smallest income on the {step} step with pension ≥ {target}: {income} → {pension} (one step lower: {lower})"));
        w.vi(format_args!("Thu nhập thấp nhất (bội số {}) để lương hưu đạt {}: {} — lương hưu {}, mỗi tháng đóng {}.", money::vi(step), money::vi(target), money::vi(income), money::vi(pension), money::vi(pay)));
        w.en(format_args!("The lowest income (on the {} step) reaching a pension of {}: {} — pension {}, paying {} a month.", money::en(step), money::en(target), money::en(income), money::en(pension), money::en(pay)));
    });
    Ok(MinimumIncome {
        income,
        monthly_pension: pension,
        payable_per_month: pay,
        monthly_pension_one_step_lower: lower,
        target_monthly_pension: target,
    })
}
