//! Projections built on the calculations: "what will I get?" (`estimate`), the inverse
//! question (`minimum_income`) and side-by-side variants (`compare`).

pub mod compare;
pub mod estimate;
pub mod minimum;
pub(crate) mod plan;
