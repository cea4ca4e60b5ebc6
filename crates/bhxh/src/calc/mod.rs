//! The calculations, one module per legal concept: a typed input and the parameters in, a
//! typed result out, and the working needed to explain it reported to a [`work::Sink`].
//!
//! Nothing here reads JSON requests (`io`) or writes prose (`explain`): the layout test
//! `tests/layout.rs` fails if a module here reaches either.

pub mod allowance;
pub mod average;
pub mod batch;
pub mod contribution;
pub mod death;
pub mod history;
pub mod lump_sum;
pub mod maternity;
pub mod pension;
pub mod refund;
pub mod retirement;
pub mod support;
pub mod work;
