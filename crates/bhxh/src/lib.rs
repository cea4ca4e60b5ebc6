//! # bhxh: exact calculations for Vietnam's voluntary social insurance
//!
//! *Bảo hiểm xã hội tự nguyện* lets people without an employer buy a lifelong pension:
//! they choose a monthly income between the rural poverty line and 20 × the reference
//! level, pay 22 % of it, and the State adds support by category. This crate answers the
//! questions participants ask (*how much do I pay, how much does the State add, when can I
//! retire?*) exactly to the đồng, with every number traced to a cited legal parameter or to
//! a decision recorded in `docs/decisions.md`.
//!
//! ## The JSON contract
//! Every host (the `bhxh` command, the WebAssembly package, the Python package) speaks one
//! JSON contract through [`evaluate`]:
//!
//! ```
//! let req = r#"{
//!   "calculation": "contribution",
//!   "payment_month": "2027-01",
//!   "income": 2200000,
//!   "method": "monthly",
//!   "categories": ["near_poor"]
//! }"#;
//! let resp: serde_json::Value = serde_json::from_str(&bhxh::evaluate(req)?).unwrap();
//! // 2027: the rural poverty line is 2,200,000 (decision K-2).
//! assert_eq!(resp["income_floor"], 2_200_000);
//! assert_eq!(resp["gross"], 484_000);          // 22 % × 2,200,000
//! assert_eq!(resp["state_support"], 193_600);  // 40 % × 484,000
//! assert_eq!(resp["payable"], 290_400);
//! assert!(resp["trace"].as_array().unwrap().iter().all(|s| !s["citation"].as_str().unwrap().is_empty()));
//! # Ok::<(), bhxh::Error>(())
//! ```
//!
//! ## Money and rounding
//! Money is [`Money`] (`i64` of whole đồng). Rates are exact [`rust_decimal::Decimal`]s,
//! never floats. Products are rounded half away from zero to the đồng only at the step
//! where the law produces an amount (decision K-1, [`money::round_dong`]).
//!
//! ## Dates
//! Contribution months are [`YearMonth`] (`"YYYY-MM"`); dates are `chrono::NaiveDate`.
//! The engine has no clock: every request carries the dates it needs.
//!
//! ## Legal sources
//! The parameters live in `crates/bhxh/law/*.json`, one file per parameter, each value with
//! its document, article and confidence grade; see [`law::parameters`] and `docs/law.md`.
#![forbid(unsafe_code)]
#![deny(missing_docs)]

/// Declares an enum whose variants each have one contract name: `as_str`, `from_name`,
/// `ALL`, serde (de)serialisation and the JSON Schema (feature `schema`: the names, each
/// with its variant's doc comment) all come from that one list.
macro_rules! named {
    ($(#[$m:meta])* pub enum $E:ident { $( $(#[$vm:meta])* $V:ident = $s:literal, )* }) => {
        $(#[$m])*
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
        #[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
        pub enum $E {
            $( $(#[$vm])* #[cfg_attr(feature = "schema", schemars(rename = $s))] $V, )*
        }

        impl $E {
            /// Every variant, in the order of the contract.
            pub const ALL: &'static [$E] = &[$($E::$V),*];

            /// The contract name.
            pub fn as_str(self) -> &'static str {
                match self {
                    $($E::$V => $s,)*
                }
            }

            /// The variant with this contract name.
            pub fn from_name(s: &str) -> Option<$E> {
                match s {
                    $($s => Some($E::$V),)*
                    _ => None,
                }
            }
        }

        impl serde::Serialize for $E {
            fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
                s.serialize_str(self.as_str())
            }
        }

        impl<'de> serde::Deserialize<'de> for $E {
            fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
                let s = <std::borrow::Cow<'de, str> as serde::Deserialize>::deserialize(d)?;
                $E::from_name(&s).ok_or_else(|| serde::de::Error::unknown_variant(&s, &[$($s),*]))
            }
        }
    };
}

pub mod calc;
mod data;
pub mod error;
pub mod explain;
mod io;
pub mod law;
pub mod money;
pub mod month;
pub mod project;

pub use calc::batch;
pub use data::{assumptions_from, catalogue, catalogue_of, life_table, life_table_from};
pub use error::{Error, Result, Words};
pub use io::contract::{
    evaluate, evaluate_bytes, evaluate_bytes_on, evaluate_on, evaluate_to_json,
    evaluate_to_json_with_limit, evaluate_value, evaluate_with_limit, Receipt, Response,
    CALCULATIONS, ENGINE_VERSION, MAX_REQUEST_BYTES,
};
pub use io::csv;
#[cfg(feature = "schema")]
pub use io::schema;
pub use law::parameters::Params;
pub use money::Money;
pub use month::YearMonth;
