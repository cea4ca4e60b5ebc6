//! The engine's errors: one enum, a stable `code()` for each variant, the JSON path of the
//! offending input, and messages in English and Vietnamese.
//!
//! Codes are part of the JSON contract (`spec/contract.md`): they change rarely or never.

use crate::money::{self, Money};
use crate::YearMonth;

/// Every way a request can fail. Never a panic: any input, however wrong, ends here.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    /// The request text is not JSON.
    #[error("the request is not valid JSON: {detail}")]
    MalformedJson {
        /// Parser message (line and column).
        detail: String,
    },
    /// An input field the calculation does not know.
    #[error("unknown field `{field}`")]
    UnknownField {
        /// JSON path of the field.
        field: String,
    },
    /// A required input field is absent.
    #[error("missing required field `{field}`")]
    MissingField {
        /// JSON path of the field.
        field: String,
    },
    /// A field has the wrong JSON type.
    #[error("field `{field}` must be {expected}")]
    InvalidType {
        /// JSON path of the field.
        field: String,
        /// What was expected, in words.
        expected: &'static str,
    },
    /// A month that is not `YYYY-MM` (years 1900–2200).
    #[error("field `{field}` must be a month YYYY-MM, got {value:?}")]
    InvalidMonth {
        /// JSON path of the field.
        field: String,
        /// The text received.
        value: String,
    },
    /// A date that is not `YYYY-MM-DD` (or `YYYY-MM` / `YYYY` for a birth date).
    #[error("field `{field}` must be a date {expected}, got {value:?}")]
    InvalidDate {
        /// JSON path of the field.
        field: String,
        /// The text received.
        value: String,
        /// The accepted forms.
        expected: &'static str,
    },
    /// Money that is not a whole number of đồng in range.
    #[error("field `{field}` must be a whole number of đồng between 0 and 10^15, got {value}")]
    InvalidMoney {
        /// JSON path of the field.
        field: String,
        /// The JSON text received.
        value: String,
    },
    /// A rate or coefficient that is not a decimal string in range.
    #[error("field `{field}` must be a decimal string {expected}, got {value}")]
    InvalidDecimal {
        /// JSON path of the field.
        field: String,
        /// The JSON text received.
        value: String,
        /// The accepted range, in words.
        expected: &'static str,
    },
    /// A whole number outside its allowed range.
    #[error("field `{field}` must be {expected}, got {value}")]
    ValueOutOfRange {
        /// JSON path of the field.
        field: String,
        /// The JSON text received.
        value: String,
        /// The accepted range, in words.
        expected: String,
    },
    /// `sex` is neither `male` nor `female`.
    #[error("field `{field}` must be \"male\" or \"female\", got {value:?}")]
    InvalidSex {
        /// JSON path of the field.
        field: String,
        /// The text received.
        value: String,
    },
    /// `calculation` names no calculation of the contract.
    #[error("unknown calculation {value:?}; expected one of {expected}")]
    UnknownCalculation {
        /// The text received.
        value: String,
        /// The known names.
        expected: &'static str,
    },
    /// `method` names no payment method.
    #[error("unknown payment method {value:?}; expected monthly, every_3_months, every_6_months, every_12_months, advance or back_payment")]
    UnknownMethod {
        /// The text received.
        value: String,
    },
    /// A participant category that neither the national nor the provincial data defines.
    #[error("unknown participant category {value:?} in `{field}`")]
    UnknownCategory {
        /// JSON path of the field.
        field: String,
        /// The text received.
        value: String,
    },
    /// A provincial category used outside its province.
    #[error("category {value:?} in `{field}` is defined only for province {province:?}")]
    CategoryNotAvailable {
        /// JSON path of the field.
        field: String,
        /// The category.
        value: String,
        /// The province that defines it.
        province: String,
    },
    /// `categories` is an empty list.
    #[error("field `{field}` must list at least one category (default [\"other\"])")]
    EmptyCategories {
        /// JSON path.
        field: String,
    },
    /// A province slug that is not lowercase ASCII letters, digits and underscores.
    #[error("field `{field}` must be a lowercase ASCII slug such as \"ha_noi\", got {value:?}")]
    InvalidProvince {
        /// JSON path.
        field: String,
        /// The text received.
        value: String,
    },
    /// Chosen income below the floor (rural poverty line).
    #[error("income {} is below the floor of {} for {month}; the allowed range is {} to {}", money::en(*income), money::en(*floor), money::en(*floor), money::en(*ceiling))]
    IncomeBelowFloor {
        /// Chosen income.
        income: Money,
        /// Floor in force.
        floor: Money,
        /// Ceiling in force.
        ceiling: Money,
        /// Payment month.
        month: YearMonth,
    },
    /// Chosen income above the ceiling (20 × reference level).
    #[error("income {} is above the ceiling of {} for {month}; the allowed range is {} to {}", money::en(*income), money::en(*ceiling), money::en(*floor), money::en(*ceiling))]
    IncomeAboveCeiling {
        /// Chosen income.
        income: Money,
        /// Floor in force.
        floor: Money,
        /// Ceiling in force.
        ceiling: Money,
        /// Payment month.
        month: YearMonth,
    },
    /// Chosen income not a multiple of the income step (decision K-3).
    #[error("income {} is not a multiple of {} (decision K-3); nearest valid incomes: {} and {}", money::en(*income), money::en(*step), money::en(*lower), money::en(*upper))]
    IncomeNotMultipleOfStep {
        /// Chosen income.
        income: Money,
        /// Step in force.
        step: Money,
        /// Nearest valid income below (or the lowest valid one).
        lower: Money,
        /// Nearest valid income above (or the highest valid one).
        upper: Money,
    },
    /// Advance payment length not one of the allowed whole-year lengths (decision K-18).
    #[error(
        "an advance payment covers {} months (decision K-18), got {months}",
        list(allowed)
    )]
    AdvanceMonthsOutOfRange {
        /// Months requested.
        months: i64,
        /// Allowed lengths.
        allowed: Vec<u32>,
    },
    /// Back payment length outside 1..=max.
    #[error("a back payment covers 1 to {max} missing months, got {months}")]
    BackPaymentMonthsOutOfRange {
        /// Months requested.
        months: i64,
        /// Largest allowed.
        max: u32,
    },
    /// `months` given for a method whose length is fixed.
    #[error("method {method} always covers {implied} months; `months` = {months} does not apply")]
    MonthsNotApplicable {
        /// The method.
        method: &'static str,
        /// Months it covers.
        implied: u32,
        /// Months requested.
        months: i64,
    },
    /// More subsidised months claimed than the lifetime cap.
    #[error("subsidised_months_before must be between 0 and {cap} (the lifetime cap, decision K-8), got {value}")]
    SubsidisedMonthsOutOfRange {
        /// Value received.
        value: i64,
        /// The cap.
        cap: u32,
    },
    /// No value of a legal parameter is in force on the date needed.
    #[error("parameter `{parameter}` has no value in force for {month}")]
    ParameterNotInForce {
        /// JSON path of the input that asked for that date.
        field: String,
        /// Parameter id.
        parameter: String,
        /// The month.
        month: YearMonth,
    },
    /// An empty contribution history.
    #[error("`{field}` must list at least one period")]
    EmptyHistory {
        /// JSON path.
        field: String,
    },
    /// A history longer than 1,200 months (100 years) or periods.
    #[error("`{field}` holds {months} months; at most 1200 (100 years) are accepted")]
    HistoryTooLong {
        /// JSON path.
        field: String,
        /// Months (or periods) received.
        months: u64,
    },
    /// A period whose `to` is before its `from`.
    #[error("period ends ({to}) before it starts ({from}) at `{field}`")]
    PeriodReversed {
        /// JSON path of `to`.
        field: String,
        /// First month.
        from: YearMonth,
        /// Last month.
        to: YearMonth,
    },
    /// Two periods share months.
    #[error("period `{field}` overlaps `{other}`; a month can be counted only once")]
    OverlappingPeriods {
        /// JSON path of the later period.
        field: String,
        /// JSON path of the other period.
        other: String,
    },
    /// A period reaching past the settlement, claim or death month.
    #[error("period ends in {to}, after `{limit_field}` ({limit}) at `{field}`")]
    FuturePeriod {
        /// JSON path of `to`.
        field: String,
        /// Last month of the period.
        to: YearMonth,
        /// The limit month.
        limit: YearMonth,
        /// The input that sets the limit.
        limit_field: String,
    },
    /// Compulsory periods before 2008 (salary coefficients not implemented).
    #[error("compulsory periods before 2008 are not supported yet (salary coefficients of Decree 158/2025 art. 16) at `{field}`")]
    CompulsoryBefore2008 {
        /// JSON path.
        field: String,
    },
    /// ≥ 15 years of compulsory contributions: the compulsory rules govern.
    #[error("{months} months of compulsory contributions: with 15 years or more the compulsory rules govern (Law 41/2024 art. 111.1.a; Decree 158/2025 art. 17.2), which this engine does not implement")]
    CompulsoryRulesApply {
        /// JSON path.
        field: String,
        /// Compulsory months.
        months: u32,
    },
    /// Two inputs that exclude each other.
    #[error("give either `{field}` or `{other}`, not both")]
    ConflictingFields {
        /// One field.
        field: String,
        /// The other.
        other: String,
    },
    /// A contribution year the coefficient table does not cover.
    #[error("the {table} coefficient table has no value for contribution year {year} (`{field}`)")]
    CoefficientNotAvailable {
        /// JSON path.
        field: String,
        /// Contribution year.
        year: i32,
        /// Table (settlement) year.
        table: i32,
    },
    /// Even the ceiling income does not reach the target pension.
    #[error("a monthly pension of {} cannot be reached: the best, at the ceiling income of {}, is {}", money::en(*target), money::en(*ceiling), money::en(*best))]
    TargetUnreachable {
        /// Target pension.
        target: Money,
        /// Best pension achievable.
        best: Money,
        /// The ceiling income.
        ceiling: Money,
    },
    /// An error inside one variant of a comparison (the code is the inner error's).
    #[error("{message}")]
    InVariant {
        /// Path, `variants[i].field`.
        field: String,
        /// The inner code.
        code: &'static str,
        /// English message.
        message: String,
        /// Vietnamese message.
        message_vi: String,
    },
    /// A parameter overlay (`parameters`) that does not validate.
    #[error("invalid parameter overlay at `{field}`: {detail}")]
    InvalidParameters {
        /// JSON path inside the request.
        field: String,
        /// What is wrong.
        detail: String,
    },
    /// An arithmetic result beyond the engine's bounds (only reachable through overlays).
    #[error("a result is out of the engine's range at `{field}`")]
    Overflow {
        /// JSON path of the input that led to it.
        field: String,
    },
}

fn list(v: &[u32]) -> String {
    let parts: Vec<String> = v.iter().map(u32::to_string).collect();
    parts.join(", ")
}

impl Error {
    /// The stable snake_case code of the contract.
    ///
    /// ```
    /// let e = bhxh::Error::EmptyCategories { field: "categories".into() };
    /// assert_eq!(e.code(), "empty_categories");
    /// ```
    pub fn code(&self) -> &'static str {
        use Error::*;
        match self {
            MalformedJson { .. } => "malformed_json",
            UnknownField { .. } => "unknown_field",
            MissingField { .. } => "missing_field",
            InvalidType { .. } => "invalid_type",
            InvalidMonth { .. } => "invalid_month",
            InvalidDate { .. } => "invalid_date",
            InvalidMoney { .. } => "invalid_money",
            InvalidDecimal { .. } => "invalid_decimal",
            ValueOutOfRange { .. } => "value_out_of_range",
            InvalidSex { .. } => "invalid_sex",
            UnknownCalculation { .. } => "unknown_calculation",
            UnknownMethod { .. } => "unknown_method",
            UnknownCategory { .. } => "unknown_category",
            CategoryNotAvailable { .. } => "category_not_available",
            EmptyCategories { .. } => "empty_categories",
            InvalidProvince { .. } => "invalid_province",
            IncomeBelowFloor { .. } => "income_below_floor",
            IncomeAboveCeiling { .. } => "income_above_ceiling",
            IncomeNotMultipleOfStep { .. } => "income_not_multiple_of_step",
            AdvanceMonthsOutOfRange { .. } => "advance_months_out_of_range",
            BackPaymentMonthsOutOfRange { .. } => "back_payment_months_out_of_range",
            MonthsNotApplicable { .. } => "months_not_applicable",
            SubsidisedMonthsOutOfRange { .. } => "subsidised_months_out_of_range",
            ParameterNotInForce { .. } => "parameter_not_in_force",
            InvalidParameters { .. } => "invalid_parameters",
            Overflow { .. } => "overflow",
            TargetUnreachable { .. } => "target_unreachable",
            InVariant { code, .. } => code,
            EmptyHistory { .. } => "empty_history",
            HistoryTooLong { .. } => "history_too_long",
            PeriodReversed { .. } => "period_reversed",
            OverlappingPeriods { .. } => "overlapping_periods",
            FuturePeriod { .. } => "future_period",
            CompulsoryBefore2008 { .. } => "compulsory_before_2008_unsupported",
            CompulsoryRulesApply { .. } => "compulsory_rules_apply",
            ConflictingFields { .. } => "conflicting_fields",
            CoefficientNotAvailable { .. } => "coefficient_not_available",
        }
    }

    /// The JSON path of the offending input, when there is one.
    pub fn field(&self) -> Option<&str> {
        use Error::*;
        match self {
            MalformedJson { .. } => None,
            UnknownField { field }
            | MissingField { field }
            | InvalidType { field, .. }
            | InvalidMonth { field, .. }
            | InvalidDate { field, .. }
            | InvalidMoney { field, .. }
            | InvalidDecimal { field, .. }
            | ValueOutOfRange { field, .. }
            | InvalidSex { field, .. }
            | UnknownCategory { field, .. }
            | CategoryNotAvailable { field, .. }
            | ParameterNotInForce { field, .. }
            | InvalidParameters { field, .. }
            | Overflow { field }
            | InVariant { field, .. }
            | EmptyHistory { field }
            | HistoryTooLong { field, .. }
            | PeriodReversed { field, .. }
            | OverlappingPeriods { field, .. }
            | FuturePeriod { field, .. }
            | CompulsoryBefore2008 { field }
            | CompulsoryRulesApply { field, .. }
            | ConflictingFields { field, .. }
            | CoefficientNotAvailable { field, .. } => Some(field),
            UnknownCalculation { .. } => Some("calculation"),
            UnknownMethod { .. } => Some("method"),
            EmptyCategories { field } | InvalidProvince { field, .. } => Some(field),
            IncomeBelowFloor { .. }
            | IncomeAboveCeiling { .. }
            | IncomeNotMultipleOfStep { .. } => Some("income"),
            AdvanceMonthsOutOfRange { .. }
            | BackPaymentMonthsOutOfRange { .. }
            | MonthsNotApplicable { .. } => Some("months"),
            SubsidisedMonthsOutOfRange { .. } => Some("subsidised_months_before"),
            TargetUnreachable { .. } => Some("target_monthly_pension"),
        }
    }

    /// The message in Vietnamese, for people (glossary terms).
    pub fn message_vi(&self) -> String {
        use Error::*;
        match self {
            MalformedJson { detail } => format!("Yêu cầu không phải JSON hợp lệ: {detail}"),
            UnknownField { field } => format!("Trường không được hỗ trợ: `{field}`"),
            MissingField { field } => format!("Thiếu trường bắt buộc `{field}`"),
            InvalidType { field, expected } => {
                format!("Trường `{field}` sai kiểu dữ liệu (cần {expected})")
            }
            InvalidMonth { field, value } => {
                format!("Trường `{field}` phải là tháng dạng YYYY-MM, nhận được {value:?}")
            }
            InvalidDate { field, value, expected } => {
                format!("Trường `{field}` phải là ngày dạng {expected}, nhận được {value:?}")
            }
            InvalidMoney { field, value } => format!(
                "Trường `{field}` phải là số tiền nguyên (đồng), từ 0 đến 10^15, nhận được {value}"
            ),
            InvalidDecimal { field, value, expected } => format!(
                "Trường `{field}` phải là số thập phân dạng chuỗi {expected}, nhận được {value}"
            ),
            ValueOutOfRange { field, value, expected } => {
                format!("Trường `{field}` phải là {expected}, nhận được {value}")
            }
            InvalidSex { field, value } => format!(
                "Trường `{field}` (giới tính) phải là \"male\" (nam) hoặc \"female\" (nữ), nhận được {value:?}"
            ),
            UnknownCalculation { value, expected } => {
                format!("Không có phép tính {value:?}; các phép tính: {expected}")
            }
            UnknownMethod { value } => format!(
                "Phương thức đóng {value:?} không hợp lệ; chọn: hằng tháng (monthly), 03 tháng (every_3_months), 06 tháng (every_6_months), 12 tháng (every_12_months), đóng một lần cho nhiều năm về sau (advance) hoặc đóng một lần cho thời gian còn thiếu (back_payment)"
            ),
            UnknownCategory { field, value } => {
                format!("Đối tượng tham gia {value:?} (trường `{field}`) không có trong dữ liệu")
            }
            CategoryNotAvailable { field, value, province } => format!(
                "Đối tượng {value:?} (trường `{field}`) chỉ áp dụng tại tỉnh/thành phố {province:?}"
            ),
            EmptyCategories { field } => format!("Trường `{field}` phải có ít nhất một đối tượng (mặc định [\"other\"])"),
            InvalidProvince { value, .. } => format!(
                "Mã tỉnh/thành phố phải viết thường không dấu, ví dụ \"ha_noi\", nhận được {value:?}"
            ),
            IncomeBelowFloor { income, floor, ceiling, month } => format!(
                "Thu nhập {} thấp hơn mức tối thiểu {} ({}); thu nhập làm căn cứ đóng phải từ {} đến {}",
                money::vi(*income), money::vi(*floor), month.to_vi(), money::vi(*floor), money::vi(*ceiling)
            ),
            IncomeAboveCeiling { income, floor, ceiling, month } => format!(
                "Thu nhập {} cao hơn mức tối đa {} ({}); thu nhập làm căn cứ đóng phải từ {} đến {}",
                money::vi(*income), money::vi(*ceiling), month.to_vi(), money::vi(*floor), money::vi(*ceiling)
            ),
            IncomeNotMultipleOfStep { income, step, lower, upper } => format!(
                "Thu nhập {} phải là bội số của {} (quyết định K-3); gần nhất: {} hoặc {}",
                money::vi(*income), money::vi(*step), money::vi(*lower), money::vi(*upper)
            ),
            AdvanceMonthsOutOfRange { months, allowed } => format!(
                "Đóng một lần cho nhiều năm về sau phải là {} tháng (quyết định K-18), nhận được {months}",
                list(allowed)
            ),
            BackPaymentMonthsOutOfRange { months, max } => format!(
                "Đóng một lần cho thời gian còn thiếu chỉ được từ 1 đến {max} tháng, nhận được {months}"
            ),
            MonthsNotApplicable { method, implied, months } => format!(
                "Phương thức {method} luôn là {implied} tháng; không dùng trường `months` = {months}"
            ),
            SubsidisedMonthsOutOfRange { value, cap } => format!(
                "Số tháng đã được hỗ trợ phải từ 0 đến {cap} (tối đa 10 năm, quyết định K-8), nhận được {value}"
            ),
            ParameterNotInForce { parameter, month, .. } => format!(
                "Tham số `{parameter}` không có giá trị áp dụng cho {}", month.to_vi()
            ),
            InvalidParameters { field, detail } => {
                format!("Tham số giả định không hợp lệ tại `{field}`: {detail}")
            }
            Overflow { field } => format!("Kết quả vượt quá giới hạn tính toán (trường `{field}`)"),
            TargetUnreachable { target, best, ceiling } => format!(
                "Không thể đạt lương hưu {}: cao nhất (thu nhập tối đa {}) là {}",
                money::vi(*target), money::vi(*ceiling), money::vi(*best)
            ),
            InVariant { message_vi, .. } => message_vi.clone(),
            EmptyHistory { field } => format!("Quá trình đóng `{field}` phải có ít nhất một giai đoạn"),
            HistoryTooLong { field, months } => format!(
                "Quá trình đóng `{field}` có {months} tháng; tối đa 1200 tháng (100 năm)"
            ),
            PeriodReversed { field, from, to } => format!(
                "Giai đoạn kết thúc ({}) trước khi bắt đầu ({}) tại `{field}`", to.to_vi(), from.to_vi()
            ),
            OverlappingPeriods { field, other } => format!(
                "Giai đoạn `{field}` trùng thời gian với `{other}`; mỗi tháng chỉ được tính một lần"
            ),
            FuturePeriod { field, to, limit, limit_field } => format!(
                "Giai đoạn kết thúc {} sau thời điểm `{limit_field}` ({}) tại `{field}`", to.to_vi(), limit.to_vi()
            ),
            CompulsoryBefore2008 { field } => format!(
                "Chưa hỗ trợ thời gian đóng BHXH bắt buộc trước năm 2008 (`{field}`)"
            ),
            CompulsoryRulesApply { months, .. } => format!(
                "Có {months} tháng đóng BHXH bắt buộc: từ đủ 15 năm đóng bắt buộc trở lên thì áp dụng chế độ BHXH bắt buộc (Điều 111 Luật BHXH 2024), công cụ này chưa hỗ trợ"
            ),
            ConflictingFields { field, other } => format!("Chỉ nhập một trong hai trường `{field}` hoặc `{other}`"),
            CoefficientNotAvailable { field, year, table } => format!(
                "Bảng hệ số điều chỉnh năm {table} không có hệ số cho năm đóng {year} (`{field}`)"
            ),
        }
    }

    /// The contract's wire form: `{"error": {"code", "message", "message_vi", "field"?}}`.
    pub fn to_json(&self) -> serde_json::Value {
        let mut e = serde_json::Map::new();
        e.insert("code".into(), self.code().into());
        e.insert("message".into(), self.to_string().into());
        e.insert("message_vi".into(), self.message_vi().into());
        if let Some(f) = self.field() {
            e.insert("field".into(), f.into());
        }
        serde_json::json!({ "error": e })
    }
}

/// Result alias of the engine.
pub type Result<T, E = Error> = std::result::Result<T, E>;
