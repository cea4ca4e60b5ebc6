//! JSON Schemas (draft 2020-12) of the contract: every calculation's request and success
//! response, and the error object (feature `schema`).
//!
//! Responses are described by the result types themselves (`calc::contribution::Contribution`
//! inside [`Response`], …), so their schemas cannot drift from what the engine writes.
//! Requests are not deserialised with serde but read field by field (`io/read.rs`), so the
//! request types below describe what that reader accepts: the same fields as the dispatch
//! table (a test checks it), the same required fields, JSON types and ranges. A field set to
//! `null` counts as absent, so every optional field also accepts `null`.
//!
//! Each schema is a self-contained document (its definitions under `$defs`), with a `title`
//! such as `ContributionRequest` or `ContributionResponse`, ready for code generators
//! (TypeScript, Python) — field docs become `description`s.
//!
//! ```
//! let names = bhxh::schema::calculations();
//! assert_eq!(names[0], "contribution");
//! let request = bhxh::schema::request("contribution").unwrap();
//! assert_eq!(request["title"], "ContributionRequest");
//! assert_eq!(request["additionalProperties"], false);
//! let response = bhxh::schema::response("contribution").unwrap();
//! assert_eq!(response["properties"]["payable"]["type"], "integer");
//! assert!(bhxh::schema::request("no_such_calculation").is_none());
//! ```

use super::contract::{self, Response};
use super::read::{MAX_CATEGORIES, MAX_MEMBERS};
use crate::calc::allowance::{MonthlyAllowance, SocialPension};
use crate::calc::contribution::{Contribution, Method};
use crate::calc::death::Death;
use crate::calc::health_insurance::{Form, HealthInsurance};
use crate::calc::history::{Scheme, MAX_MONTHS};
use crate::calc::lump_sum::{LumpSum, Reason};
use crate::calc::maternity::Maternity;
use crate::calc::pension::Pension;
use crate::calc::refund::{Refund, RefundReason};
use crate::calc::retirement::{Retirement, Sex};
use crate::money::MAX_MONEY;
use crate::project::compare::Comparison;
use crate::project::estimate::{Estimate, Shortfall};
use crate::project::minimum::MinimumIncome;
use crate::YearMonth;
use schemars::generate::{Contract, SchemaSettings};
use schemars::{JsonSchema, Schema, SchemaGenerator};
use serde_json::{Map, Value};
use std::borrow::Cow;

/// The calculation names, in the order of the dispatch table.
pub fn calculations() -> Vec<&'static str> {
    contract::table().map(|(name, _)| name).collect()
}

/// The top-level fields a request of `calculation` may carry, as the reader knows them: the
/// envelope (`calculation`, `parameters`, `trace`), then the calculation's own fields.
/// `None` for an unknown calculation.
pub fn fields(calculation: &str) -> Option<Vec<&'static str>> {
    let (_, own) = contract::table().find(|(name, _)| *name == calculation)?;
    Some(contract::ENVELOPE.iter().chain(own).copied().collect())
}

/// The JSON Schema of a `calculation` request (title `…Request`), or `None` for an unknown
/// calculation.
pub fn request(calculation: &str) -> Option<Value> {
    let row = row(calculation)?;
    Some(titled((row.request)(), row.title, "Request"))
}

/// The JSON Schema of a successful `calculation` response (title `…Response`): the result
/// fields, then `trace`, `warnings` and `receipt`. `None` for an unknown calculation.
pub fn response(calculation: &str) -> Option<Value> {
    let row = row(calculation)?;
    let mut schema = titled((row.response)(), row.title, "Response");
    // The response names the calculation answered: a constant, as in the request.
    if let Some(c) = schema.pointer_mut("/properties/calculation") {
        c["const"] = row.name.into();
    }
    Some(schema)
}

/// The JSON Schema of an error response, `{"error": {"code", "message", "message_vi",
/// "field"?}}` (title `ErrorResponse`).
pub fn error() -> Value {
    titled(
        generate::<ErrorResponse>(Contract::Serialize),
        "Error",
        "Response",
    )
}

/// One calculation: its name, the stem of its schemas' titles, and its two schemas.
struct Row {
    name: &'static str,
    title: &'static str,
    request: fn() -> Schema,
    response: fn() -> Schema,
}

fn row(calculation: &str) -> Option<&'static Row> {
    ROWS.iter().find(|r| r.name == calculation)
}

/// A [`Row`] from the request type and the result type.
macro_rules! row {
    ($name:literal, $title:literal, $request:ty, $result:ty) => {
        Row {
            name: $name,
            title: $title,
            request: || generate::<$request>(Contract::Deserialize),
            response: || generate::<Response<$result>>(Contract::Serialize),
        }
    };
}

/// Every calculation's request and result types (a test checks that the list matches the
/// dispatch table).
const ROWS: &[Row] = &[
    row!(
        "contribution",
        "Contribution",
        ContributionRequest,
        Contribution
    ),
    row!("refund", "Refund", RefundRequest, Refund),
    row!("retirement", "Retirement", RetirementRequest, Retirement),
    row!("pension", "Pension", PensionRequest, Pension),
    row!("lump_sum", "LumpSum", LumpSumRequest, LumpSum),
    row!("death", "Death", DeathRequest, Death),
    row!("maternity", "Maternity", MaternityRequest, Maternity),
    row!(
        "monthly_allowance",
        "MonthlyAllowance",
        MonthlyAllowanceRequest,
        MonthlyAllowance
    ),
    row!(
        "social_pension",
        "SocialPension",
        SocialPensionRequest,
        SocialPension
    ),
    row!("estimate", "Estimate", EstimateRequest, Estimate),
    row!(
        "minimum_income",
        "MinimumIncome",
        MinimumIncomeRequest,
        MinimumIncome
    ),
    row!(
        "health_insurance",
        "HealthInsurance",
        HealthInsuranceRequest,
        HealthInsurance
    ),
    row!("compare", "Compare", CompareRequest, Comparison),
];

/// The root schema of `T`: draft 2020-12, its definitions kept under `$defs`. Requests are
/// described as read (`Contract::Deserialize`: an `Option` field may be absent or `null`),
/// responses as written (`Contract::Serialize`: a field is optional only where it is left
/// out, `skip_serializing_if`).
fn generate<T: JsonSchema>(contract: Contract) -> Schema {
    let mut settings = SchemaSettings::draft2020_12();
    settings.contract = contract;
    settings.into_generator().into_root_schema_for::<T>()
}

/// The schema as JSON, titled `{stem}{suffix}`.
fn titled(schema: Schema, stem: &str, suffix: &str) -> Value {
    let mut v = schema.to_value();
    if let Value::Object(o) = &mut v {
        o.insert("title".into(), format!("{stem}{suffix}").into());
    }
    v
}

/// Declares a newtype for a request value that travels as a JSON scalar with a fixed
/// schema (a definition of that name under `$defs`).
macro_rules! scalar {
    ($(#[$m:meta])* $T:ident($inner:ty) = $name:literal $schema:tt) => {
        $(#[$m])*
        #[derive(Clone, Debug, PartialEq, Eq)]
        pub struct $T(pub $inner);

        impl JsonSchema for $T {
            fn schema_name() -> Cow<'static, str> {
                $name.into()
            }

            fn json_schema(_: &mut SchemaGenerator) -> Schema {
                schemars::json_schema!($schema)
            }
        }
    };
}

scalar! {
    /// An amount of money in a request.
    MoneyAmount(i64) = "Money" {
        "description": "A whole number of đồng from 0 to 10^15: a JSON integer, never a fraction or a string.",
        "type": "integer",
        "minimum": 0,
        "maximum": MAX_MONEY
    }
}

scalar! {
    /// A calendar date in a request.
    IsoDate(String) = "IsoDate" {
        "description": "A calendar date, `YYYY-MM-DD` (a real day; years 1900–2200).",
        "type": "string",
        "pattern": "^[0-9]{4}-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])$"
    }
}

scalar! {
    /// A birth date, possibly known only to the month or the year.
    BirthDate(String) = "BirthDate" {
        "description": "A birth date: `YYYY-MM-DD`, or `YYYY-MM` / `YYYY` when the day or the month is unknown (the engine then uses the 1st of the month or 1 January, rules 3.1); years 1900–2200.",
        "type": "string",
        "pattern": "^[0-9]{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12][0-9]|3[01]))?)?$"
    }
}

scalar! {
    /// An exact decimal in a request.
    DecimalString(String) = "DecimalString" {
        "description": "An exact decimal written as a JSON string (`\"0.03\"`), never a JSON number; at most 30 characters.",
        "type": "string",
        "pattern": "^-?[0-9]+(\\.[0-9]+)?$",
        "maxLength": 30
    }
}

scalar! {
    /// A province code.
    Province(String) = "Province" {
        "description": "A province: the lowercase ASCII slug of a province or city after the July 2025 merger (`ha_noi`, `hue`, `ho_chi_minh`, …) or of a former province merged into one (`vinh_phuc`, …; decision K-9). Another slug is `unknown_province`.",
        "type": "string",
        "pattern": "^[a-z][a-z0-9_]*$",
        "maxLength": 64
    }
}

/// The fields every request may carry besides its calculation's own.
#[derive(JsonSchema)]
pub struct Envelope {
    /// A parameter overlay for a what-if: dated values of legal parameters that replace or
    /// add to the built-in ones, in the shape of the parameter files
    /// (`docs/parameters.md`); a value that does not validate is `invalid_parameters`.
    pub parameters: Option<Map<String, Value>>,
    /// `false` skips building the explanation: the response's `trace` is then empty (its
    /// warnings and receipt remain). Default `true`.
    pub trace: Option<bool>,
}

/// A contribution history: the periods in any order, none sharing a month.
pub type History = Vec<HistoryPeriod>;

/// One period of a contribution history, months inclusive.
#[derive(JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct HistoryPeriod {
    /// First month.
    pub from: YearMonth,
    /// Last month (not before `from`; not after the settlement, death or start month where
    /// the calculation has one, `future_period`).
    pub to: YearMonth,
    /// Monthly income declared (for compulsory months: the salary).
    pub income: MoneyAmount,
    /// `voluntary` (the default) or `compulsory`.
    pub scheme: Option<Scheme>,
    /// The months were paid later as a back payment (default `false`).
    pub back_paid: Option<bool>,
    /// The participant categories whose support the months received (not empty).
    #[schemars(length(min = 1, max = MAX_CATEGORIES))]
    pub categories: Option<Vec<String>>,
    /// The province whose top-up the months received.
    pub province: Option<Province>,
}

/// A `contribution` request: what to pay for a period (rules §1, §2).
#[derive(JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ContributionRequest {
    /// `"contribution"`.
    #[schemars(extend("const" = "contribution"))]
    pub calculation: String,
    /// Month of payment: its parameters apply to every covered month (rules A-5).
    pub payment_month: YearMonth,
    /// Chosen monthly income, between the rural poverty line and 20 × the reference level,
    /// on the income step (decision K-3).
    pub income: MoneyAmount,
    /// Payment method.
    pub method: Method,
    /// Months covered: required for `advance` (24, 36, 48 or 60, K-18) and `back_payment`
    /// (1–60; up to 120 before 2025-07); with another method absent or that method's own
    /// length (otherwise `months_not_applicable`).
    pub months: Option<i64>,
    /// Participant categories (default `["other"]`): `poor`, `near_poor`,
    /// `ethnic_minority`, `island_or_special_zone`, `other`, or a provincial category; the
    /// most generous support applies (rules S-1).
    #[schemars(length(max = MAX_CATEGORIES))]
    pub categories: Option<Vec<String>>,
    /// Province, for its top-up.
    pub province: Option<Province>,
    /// Supported months already received in the participant's life (default 0, 0–120,
    /// decision K-8).
    pub subsidised_months_before: Option<i64>,
    /// Monthly fund rate overriding the published one, `"0"` to `"0.1"` (decision K-6).
    pub fund_rate_monthly: Option<DecimalString>,
    /// `parameters` and `trace`.
    #[serde(flatten)]
    pub envelope: Envelope,
}

/// A `refund` request: the unused months of a prepaid payment (rule C-9, decision K-7).
#[derive(JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RefundRequest {
    /// `"refund"`.
    #[schemars(extend("const" = "refund"))]
    pub calculation: String,
    /// Month of the prepaid payment.
    pub payment_month: YearMonth,
    /// The payment's monthly income.
    pub income: MoneyAmount,
    /// The payment's method: only `every_3_months`, `every_6_months`, `every_12_months` and
    /// `advance` are prepaid (otherwise `method_not_prepaid`).
    pub method: Method,
    /// Months covered, as in `contribution`.
    pub months: Option<i64>,
    /// The payment's participant categories (default `["other"]`).
    #[schemars(length(max = MAX_CATEGORIES))]
    pub categories: Option<Vec<String>>,
    /// The payment's province.
    pub province: Option<Province>,
    /// Supported months received before the payment (default 0).
    pub subsidised_months_before: Option<i64>,
    /// The fund rate of the payment, `"0"` to `"0.1"` (decision K-6).
    pub fund_rate_monthly: Option<DecimalString>,
    /// Why the months are refunded.
    pub reason: RefundReason,
    /// The first covered month refunded (inside the prepaid period).
    pub from_month: YearMonth,
    /// `parameters` and `trace`.
    #[serde(flatten)]
    pub envelope: Envelope,
}

/// A `retirement` request: retirement age and pension start (rules 3.1).
#[derive(JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RetirementRequest {
    /// `"retirement"`.
    #[schemars(extend("const" = "retirement"))]
    pub calculation: String,
    /// Sex.
    pub sex: Sex,
    /// Birth date.
    pub birth_date: BirthDate,
    /// `parameters` and `trace`.
    #[serde(flatten)]
    pub envelope: Envelope,
}

/// A `pension` request: eligibility and monthly pension (rules 3.2–3.8).
#[derive(JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct PensionRequest {
    /// `"pension"`.
    #[schemars(extend("const" = "pension"))]
    pub calculation: String,
    /// Sex.
    pub sex: Sex,
    /// Birth date.
    pub birth_date: BirthDate,
    /// The contributions.
    #[schemars(length(min = 1, max = MAX_MONTHS))]
    pub history: History,
    /// Month the pension is claimed (default: the first month it can start).
    pub claim_month: Option<YearMonth>,
    /// `parameters` and `trace`.
    #[serde(flatten)]
    pub envelope: Envelope,
}

/// A `lump_sum` request: the one-time withdrawal (rules §4).
#[derive(JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct LumpSumRequest {
    /// `"lump_sum"`.
    #[schemars(extend("const" = "lump_sum"))]
    pub calculation: String,
    /// The ground of the withdrawal (Law 41/2024 art. 102.1).
    pub reason: Reason,
    /// Month of the settlement.
    pub settlement_month: YearMonth,
    /// The contributions (they give the average income).
    #[schemars(length(min = 1, max = MAX_MONTHS))]
    pub history: History,
    /// The support to deduct, when known, instead of deriving it from the periods'
    /// categories and province.
    pub support_received: Option<MoneyAmount>,
    /// Sex: required for `retirement_age_without_pension`, accepted otherwise.
    pub sex: Option<Sex>,
    /// Birth date: required for `retirement_age_without_pension`, accepted otherwise.
    pub birth_date: Option<BirthDate>,
    /// `parameters` and `trace`.
    #[serde(flatten)]
    pub envelope: Envelope,
}

/// A `death` request: benefits on the death of a contributor (`history`), a pensioner
/// (`pension`) or a person receiving the monthly allowance (`allowance` with `history`)
/// (rules §5). `pension` with `history` or with `allowance` is `conflicting_fields`;
/// neither `history` nor `pension` is `missing_field` on `history`.
#[derive(JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct DeathRequest {
    /// `"death"`.
    #[schemars(extend("const" = "death"))]
    pub calculation: String,
    /// Month of death.
    pub death_month: YearMonth,
    /// The contributions (a contributor, or an allowance recipient with `allowance`).
    #[schemars(length(min = 1, max = MAX_MONTHS))]
    pub history: Option<History>,
    /// The deceased was a pensioner.
    pub pension: Option<DeathPension>,
    /// The deceased received the art. 23 monthly allowance (decision K-19).
    pub allowance: Option<DeathAllowance>,
    /// `parameters` and `trace`.
    #[serde(flatten)]
    pub envelope: Envelope,
}

/// The pension of a deceased pensioner.
#[derive(JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct DeathPension {
    /// Monthly pension.
    pub monthly_amount: MoneyAmount,
    /// First month of the pension (not after the month of death).
    pub start_month: YearMonth,
}

/// The monthly allowance of a deceased allowance recipient.
#[derive(JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct DeathAllowance {
    /// Monthly amount.
    pub monthly_amount: MoneyAmount,
    /// First month paid (from 2025-07, not after the month of death).
    pub first_month: YearMonth,
    /// Monthly payments granted (Ttt or Tdt).
    #[schemars(range(min = 1, max = 1200))]
    pub months: i64,
}

/// A `maternity` request: the voluntary maternity allowance (rules §6).
#[derive(JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct MaternityRequest {
    /// `"maternity"`.
    #[schemars(extend("const" = "maternity"))]
    pub calculation: String,
    /// Month of the child's birth.
    pub child_birth_month: YearMonth,
    /// The contributions.
    #[schemars(length(min = 1, max = MAX_MONTHS))]
    pub history: History,
    /// Children born (default 1).
    #[schemars(range(min = 1, max = 20))]
    pub children: Option<i64>,
    /// `parameters` and `trace`.
    #[serde(flatten)]
    pub envelope: Envelope,
}

/// A `monthly_allowance` request: the art. 23 allowance for those without a pension
/// (rules 3.12).
#[derive(JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct MonthlyAllowanceRequest {
    /// `"monthly_allowance"`.
    #[schemars(extend("const" = "monthly_allowance"))]
    pub calculation: String,
    /// Sex.
    pub sex: Sex,
    /// Birth date.
    pub birth_date: BirthDate,
    /// The contributions (none after the settlement month).
    #[schemars(length(min = 1, max = MAX_MONTHS))]
    pub history: History,
    /// Month of the settlement.
    pub settlement_month: YearMonth,
    /// A poor or near-poor household (social-pension age 70; default `false`).
    pub poor_or_near_poor_household: Option<bool>,
    /// `parameters` and `trace`.
    #[serde(flatten)]
    pub envelope: Envelope,
}

/// A `social_pension` request: the social pension allowance (rules 3.13).
#[derive(JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct SocialPensionRequest {
    /// `"social_pension"`.
    #[schemars(extend("const" = "social_pension"))]
    pub calculation: String,
    /// Birth date.
    pub birth_date: BirthDate,
    /// The month asked about.
    pub month: YearMonth,
    /// A poor or near-poor household (default `false`).
    pub poor_or_near_poor_household: Option<bool>,
    /// A pension already received (default 0).
    pub monthly_pension: Option<MoneyAmount>,
    /// `parameters` and `trace`.
    #[serde(flatten)]
    pub envelope: Envelope,
}

/// A `health_insurance` request: household health insurance for one period (rules §6b,
/// decision K-21).
#[derive(JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct HealthInsuranceRequest {
    /// `"health_insurance"`.
    #[schemars(extend("const" = "health_insurance"))]
    pub calculation: String,
    /// Month of the payment: its base salary prices the whole period.
    pub payment_month: YearMonth,
    /// Months paid: 3, 6 or 12 (default 12; otherwise `period_months_not_allowed`).
    pub months: Option<i64>,
    /// The members paying now, in the order of joining.
    #[schemars(length(min = 1, max = MAX_MEMBERS))]
    pub members: Vec<Member>,
    /// Members of the household who joined earlier in the fiscal year (default 0).
    #[schemars(range(min = 0, max = 100))]
    pub already_enrolled: Option<i64>,
    /// Province, for its health-insurance top-ups and groups.
    pub province: Option<Province>,
    /// Day of the payment, in `payment_month`: gives `card_valid_from`.
    pub payment_date: Option<IsoDate>,
    /// Expiry of the previous card (absent for a first card).
    pub previous_card_expiry: Option<IsoDate>,
    /// `parameters` and `trace`.
    #[serde(flatten)]
    pub envelope: Envelope,
}

/// One member of a `health_insurance` request.
#[derive(JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Member {
    /// Group code (default `self_paying`): `near_poor`, `near_poor_poor_commune`,
    /// `ethnic_minority_transition`, `student`, `community_worker`, `agri_average`, or a
    /// provincial group (the list is data, `bhxh params`).
    pub group: Option<String>,
    /// How the member joins (default: the engine chooses, decision K-21).
    pub form: Option<Form>,
    /// A free label, echoed (at most 80 characters kept).
    pub label: Option<String>,
}

/// An `estimate` request: what a plan of contributions gives (decision K-17).
#[derive(JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct EstimateRequest {
    /// `"estimate"`.
    #[schemars(extend("const" = "estimate"))]
    pub calculation: String,
    /// Date of the estimate.
    pub as_of: IsoDate,
    /// Sex.
    pub sex: Sex,
    /// Birth date (not after `as_of`, at most 120 years before it).
    pub birth_date: BirthDate,
    /// Chosen monthly income.
    pub income: MoneyAmount,
    /// The plan's optional fields.
    #[serde(flatten)]
    pub plan: Plan,
    /// `parameters` and `trace`.
    #[serde(flatten)]
    pub envelope: Envelope,
}

/// A `minimum_income` request: the smallest income whose plan reaches a target pension.
#[derive(JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct MinimumIncomeRequest {
    /// `"minimum_income"`.
    #[schemars(extend("const" = "minimum_income"))]
    pub calculation: String,
    /// The monthly pension wanted.
    pub target_monthly_pension: MoneyAmount,
    /// Date of the estimate.
    pub as_of: IsoDate,
    /// Sex.
    pub sex: Sex,
    /// Birth date (not after `as_of`, at most 120 years before it).
    pub birth_date: BirthDate,
    /// The plan's optional fields.
    #[serde(flatten)]
    pub plan: Plan,
    /// `parameters` and `trace`.
    #[serde(flatten)]
    pub envelope: Envelope,
}

/// The optional fields of a plan (`estimate`, `minimum_income`, `compare`).
#[derive(JsonSchema)]
pub struct Plan {
    /// First month of the plan (default: the month after `as_of`; not before the month of
    /// `as_of`).
    pub start_month: Option<YearMonth>,
    /// Payment method (default `monthly`).
    pub method: Option<PlanMethod>,
    /// With `advance`: its length (default the longest allowed); with another method
    /// absent or that method's own length.
    pub months: Option<i64>,
    /// Participant categories (default `["other"]`).
    #[schemars(length(max = MAX_CATEGORIES))]
    pub categories: Option<Vec<String>>,
    /// Province, for its top-up.
    pub province: Option<Province>,
    /// Years of contributions planned (default: until retirement age).
    #[schemars(range(min = 1, max = 60))]
    pub contribution_years: Option<i64>,
    /// Contributions already made, ending before `start_month`.
    #[schemars(length(min = 1, max = MAX_MONTHS))]
    pub history: Option<History>,
    /// Assumptions of the projection.
    pub assumptions: Option<Assumptions>,
    /// What to do when 15 years are not reached at retirement age (default `continue`).
    pub shortfall: Option<Shortfall>,
}

/// A regular payment method: a plan's back payment is decided by `shortfall`, so
/// `back_payment` is refused (`value_out_of_range`).
#[derive(JsonSchema)]
pub enum PlanMethod {
    /// Monthly.
    #[serde(rename = "monthly")]
    Monthly,
    /// Every 3 months.
    #[serde(rename = "every_3_months")]
    Every3Months,
    /// Every 6 months.
    #[serde(rename = "every_6_months")]
    Every6Months,
    /// Every 12 months.
    #[serde(rename = "every_12_months")]
    Every12Months,
    /// Once for several future years, discounted (K-4, K-18).
    #[serde(rename = "advance")]
    Advance,
}

/// Assumptions of a projection (decision K-17).
#[derive(JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Assumptions {
    /// Yearly inflation, `"0"` to `"0.5"`: gives `monthly_pension_nominal`.
    pub annual_inflation: Option<DecimalString>,
}

/// A `compare` request: plans side by side, each variant the base with its overrides.
#[derive(JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct CompareRequest {
    /// `"compare"`.
    #[schemars(extend("const" = "compare"))]
    pub calculation: String,
    /// The estimate fields shared by the variants.
    pub base: PlanFields,
    /// The variants, in the order answered.
    #[schemars(length(min = 1, max = 20))]
    pub variants: Vec<CompareVariant>,
    /// `parameters` and `trace`.
    #[serde(flatten)]
    pub envelope: Envelope,
}

/// Estimate fields, each optional: a field needed by the estimate (`as_of`, `sex`,
/// `birth_date`, `income`) may come from the base or from every variant.
#[derive(JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct PlanFields {
    /// Date of the estimate.
    pub as_of: Option<IsoDate>,
    /// Sex.
    pub sex: Option<Sex>,
    /// Birth date.
    pub birth_date: Option<BirthDate>,
    /// Chosen monthly income.
    pub income: Option<MoneyAmount>,
    /// The plan's optional fields.
    #[serde(flatten)]
    pub plan: Plan,
}

/// One variant of a `compare` request: a label and the estimate fields it overrides (a
/// `null` removes the base's value).
#[derive(JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct CompareVariant {
    /// Label (default: made from the overrides).
    // Unlike the other fields, a `null` label is `invalid_type`: optional but not nullable
    // (`default` makes it optional, `with` keeps `null` out of its type).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(with = "String")]
    pub label: Option<String>,
    /// The overrides.
    #[serde(flatten)]
    pub fields: PlanFields,
}

/// An error response.
#[derive(JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ErrorResponse {
    /// What went wrong.
    pub error: ErrorObject,
}

/// What went wrong with a request.
#[derive(JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ErrorObject {
    /// Stable snake_case code (`docs/contract.md`, *Error codes*).
    #[schemars(regex(pattern = "^[a-z][a-z0-9_]*$"))]
    pub code: String,
    /// English message.
    pub message: String,
    /// Vietnamese message.
    pub message_vi: String,
    /// JSON path of the input at fault (`income`, `history[2].from`, `$` for the request
    /// itself), when there is one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(with = "String")]
    pub field: Option<String>,
}
