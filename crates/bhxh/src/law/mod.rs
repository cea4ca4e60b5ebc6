//! The law as data: the dated, cited parameters of `crates/bhxh/law/*.json` (one table,
//! [`parameters`]) and the two legal regimes ([`regime`]).
//!
//! Nothing here depends on the request format (`io`) or on the explanations (`explain`).
//!
//! Every arithmetic operation here is checked: `clippy::arithmetic_side_effects` is denied,
//! so a new unchecked `+`, `-`, `*`, `/` or `%` fails the build.

#![deny(clippy::arithmetic_side_effects)]

pub mod parameters;
pub mod regime;
