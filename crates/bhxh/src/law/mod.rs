//! The law as data: the dated, cited parameters of `crates/bhxh/law/*.json` (one table,
//! [`parameters`]) and the two legal regimes ([`regime`]).
//!
//! Nothing here depends on the request format (`io`) or on the explanations (`explain`).

pub mod parameters;
pub mod regime;
