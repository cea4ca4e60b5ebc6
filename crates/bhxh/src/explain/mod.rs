//! The explanation of every result: the working reported by `calc` turned into ordered,
//! cited trace steps in Vietnamese and English.
//!
//! [`trace::Trace`] is the [`Sink`] every calculation reports to: each [`Work`] step is
//! written at once, by the module of its calculation, as a JSON object of the response's
//! `trace`; each [`Notice`] becomes a warning.

pub(crate) mod allowance;
pub(crate) mod average;
pub(crate) mod cards;
pub(crate) mod contribution;
pub(crate) mod death;
pub(crate) mod health_insurance;
pub(crate) mod lump_sum;
pub(crate) mod maternity;
pub(crate) mod notices;
pub(crate) mod pension;
pub(crate) mod refund;
pub(crate) mod retirement;
pub mod trace;

use crate::calc::work::{Notice, Sink, Work};
use trace::Trace;

impl Sink for Trace {
    fn enabled(&self) -> bool {
        self.enabled
    }

    fn record(&mut self, step: Work<'_>) {
        match step {
            Work::Allowance(s) => allowance::write(self, s),
            Work::Average(s) => average::write(self, s),
            Work::Contribution(s) => contribution::write(self, s),
            Work::Death(s) => death::write(self, s),
            Work::HealthInsurance(s) => health_insurance::write(self, s),
            Work::LumpSum(s) => lump_sum::write(self, s),
            Work::Maternity(s) => maternity::write(self, s),
            Work::Pension(s) => pension::write(self, s),
            Work::Refund(s) => refund::write(self, s),
            Work::Retirement(s) => retirement::write(self, s),
            Work::Phantom(_) => {}
        }
    }

    fn notice(&mut self, notice: Notice<'_>) {
        notices::write(self, notice);
    }
}
