//! The calculations, one module per legal concept: a typed input and the parameters in, a
//! typed result out, and the working needed to explain it reported to a [`work::Sink`].
//!
//! Nothing here reads JSON requests (`io`) or writes prose (`explain`): the layout test
//! `tests/layout.rs` fails if a module here reaches either.
//!
//! Every arithmetic operation here is checked: `clippy::arithmetic_side_effects` is denied,
//! so a new unchecked `+`, `-`, `*`, `/` or `%` fails the build.

#![deny(clippy::arithmetic_side_effects)]

pub mod allowance;
pub mod average;
pub mod batch;
pub mod contribution;
pub mod death;
pub mod health_insurance;
pub mod history;
pub mod lump_sum;
pub mod maternity;
pub mod pension;
pub mod refund;
pub mod retirement;
pub mod support;
pub mod work;

/// `overflow` at `field` for an arithmetic result beyond the engine's range: every
/// operation here is checked (`clippy::arithmetic_side_effects` is denied in `calc/` and
/// `law/`), so an absurd input or overlay ends in this coded error, never a panic.
pub(crate) trait OrOverflow<T> {
    /// The value, or `overflow` at `field`.
    fn or_overflow(self, field: &str) -> crate::error::Result<T>;
}

impl<T> OrOverflow<T> for Option<T> {
    fn or_overflow(self, field: &str) -> crate::error::Result<T> {
        self.ok_or_else(|| crate::error::Error::Overflow {
            field: field.into(),
        })
    }
}
