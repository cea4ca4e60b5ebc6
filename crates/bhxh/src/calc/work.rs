//! The working of a calculation: what it found, step by step, as typed values.
//!
//! A calculation reports each step to a [`Sink`]; the `explain` layer's trace is the sink
//! that turns steps into cited sentences in Vietnamese and English. A step is built only
//! when the sink wants steps (a response without trace pays nothing for them); warnings
//! ([`Notice`]) are always reported.

use crate::YearMonth;

/// Where a calculation reports its working.
pub trait Sink {
    /// Whether steps are wanted (notices always are).
    fn enabled(&self) -> bool;
    /// Records one step.
    fn record(&mut self, step: Work<'_>);
    /// Records a notice (a warning of the response).
    fn notice(&mut self, notice: Notice<'_>);
}

impl dyn Sink + '_ {
    /// Records the step that `build` makes, when steps are wanted.
    pub fn step<'a, S: Into<Work<'a>>>(&mut self, build: impl FnOnce() -> S) {
        if self.enabled() {
            self.record(build().into());
        }
    }

    /// Warns when a parameter value found for `month` lies beyond the enacted data.
    pub fn extrapolated<T>(
        &mut self,
        parameter: &str,
        month: YearMonth,
        found: &crate::law::parameters::Found<'_, T>,
    ) {
        if found.extrapolated {
            self.notice(Notice::Extrapolated {
                parameter,
                month,
                used_from: found.entry.from,
            });
        }
    }
}

/// A sink that keeps nothing: for sub-calculations whose working is not shown.
pub struct Discard;

impl Sink for Discard {
    fn enabled(&self) -> bool {
        false
    }
    fn record(&mut self, _: Work<'_>) {}
    fn notice(&mut self, _: Notice<'_>) {}
}

/// A sink that passes the notices of a sub-calculation on and keeps none of its steps (a
/// refund recomputes the payment without explaining it again).
pub struct NoticesOnly<'s>(pub &'s mut dyn Sink);

impl Sink for NoticesOnly<'_> {
    fn enabled(&self) -> bool {
        false
    }
    fn record(&mut self, _: Work<'_>) {}
    fn notice(&mut self, notice: Notice<'_>) {
        self.0.notice(notice);
    }
}

/// Declares [`Work`]: one variant per calculation's step type, with `From` so that a
/// calculation reports its own `Step` directly.
macro_rules! work {
    ($lt:lifetime; $($variant:ident: $ty:ty),* $(,)?) => {
        /// A step of the working, by calculation.
        pub enum Work<$lt> {
            $(
                #[doc = concat!("A step of `", stringify!($variant), "`.")]
                $variant($ty),
            )*
            #[doc(hidden)]
            Phantom(std::marker::PhantomData<&$lt ()>),
        }
        $(
            impl<$lt> From<$ty> for Work<$lt> {
                fn from(s: $ty) -> Self {
                    Work::$variant(s)
                }
            }
        )*
    };
}

work! { 'a;
    Allowance: super::allowance::Step<'a>,
    Average: super::average::Step<'a>,
    Contribution: super::contribution::Step<'a>,
    Death: super::death::Step<'a>,
    LumpSum: super::lump_sum::Step,
    HealthInsurance: super::health_insurance::Step<'a>,
    Maternity: super::maternity::Step<'a>,
    Pension: super::pension::Step<'a>,
    Refund: super::refund::Step,
    Retirement: super::retirement::Step<'a>,
}

/// A warning that a calculation raises, whatever the trace setting.
pub enum Notice<'a> {
    /// A parameter was used beyond the months its enacted data covers.
    Extrapolated {
        /// Parameter id.
        parameter: &'a str,
        /// The month it was needed for.
        month: YearMonth,
        /// The first month of the value used.
        used_from: YearMonth,
    },
    /// The support to deduct from a lump sum exceeds it: the amount is 0.
    SupportExceedsAmount {
        /// The support deducted.
        deducted: crate::Money,
        /// The lump sum before the deduction.
        gross: crate::Money,
    },
    /// No fund rate is published for the payment year (decision K-6).
    FundRate {
        /// The payment year.
        payment_year: i32,
        /// The year of the rate used.
        used_year: i32,
    },
    /// The data holds no provincial top-up for the province in the month (decision K-9).
    LocalSupportNotInData {
        /// Province slug.
        province: &'a str,
        /// The month.
        month: YearMonth,
    },
    /// A provincial resolution is known to apply but its content is not in the data.
    LocalResolutionNotInData {
        /// Province slug.
        province: &'a str,
        /// The resolution.
        unread: &'a crate::law::parameters::Unread,
    },
    /// A top-up belongs to one former province of a merged one (rule S-5).
    FormerArea {
        /// The province code given.
        province: &'a str,
        /// The former province.
        area: &'a str,
        /// `true`: the former province has a scheme of its own (give its code to apply it);
        /// `false`: the top-up applied was meant for that former area and is assumed.
        own_scheme: bool,
    },
    /// An old category code, still accepted.
    DeprecatedCategory {
        /// The code given.
        category: &'a str,
        /// The code to use.
        replacement: &'a str,
    },
    /// No coefficient table is published for the settlement year (decision K-12).
    CoefficientTable {
        /// The settlement year.
        settlement_year: i32,
        /// The year of the table used.
        table_year: i32,
    },
}
