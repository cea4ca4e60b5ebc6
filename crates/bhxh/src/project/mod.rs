//! Projections built on the calculations: "what will I get?" (`estimate`), the inverse
//! question (`minimum_income`), side-by-side variants (`compare`) and whole populations over
//! years (`population`).

pub mod compare;
pub mod estimate;
pub(crate) mod life;
pub mod minimum;
pub(crate) mod plan;
pub mod population;
