//! Projections built on the calculations: "what will I get?" (`estimate`), the inverse
//! question (`minimum_income`) and side-by-side variants (`compare`).

pub mod estimate;
