//! The engine's errors: one table (`errors!`) gives each its stable code, the JSON path of
//! the offending input, and its messages in English and Vietnamese — adding an error is
//! one row.
//!
//! Codes are part of the JSON contract: they change rarely or never.

use crate::money::{self, Money};
use crate::YearMonth;
use std::fmt;

/// Declares [`Error`] from one row per error: `Variant { fields } => code, field: path,
/// en: (format), vi: (format);` — the formats name the variant's fields.
macro_rules! errors {
    ($(
        $(#[$doc:meta])*
        $name:ident { $( $(#[$fdoc:meta])* $f:ident : $t:ty, )* }
        => $code:expr, field: $field:expr,
        en: ($($en:tt)+),
        vi: ($($vi:tt)+);
    )*) => {
        /// Every way a request can fail. Never a panic: any input, however wrong, ends here.
        #[derive(Debug, Clone, PartialEq, Eq)]
        #[non_exhaustive]
        pub enum Error {
            $( $(#[$doc])* $name { $( $(#[$fdoc])* $f: $t, )* }, )*
        }

        impl Error {
            /// The stable snake_case code of the contract.
            ///
            /// ```
            /// let e = bhxh::Error::EmptyCategories { field: "categories".into() };
            /// assert_eq!(e.code(), "empty_categories");
            /// ```
            #[allow(unused_variables)]
            pub fn code(&self) -> &'static str {
                match self {
                    $( Error::$name { $($f,)* } => $code, )*
                }
            }

            /// The JSON path of the offending input, when there is one.
            #[allow(unused_variables)]
            pub fn field(&self) -> Option<&str> {
                match self {
                    $( Error::$name { $($f,)* } => $field, )*
                }
            }

            /// The message in Vietnamese, for people (glossary terms).
            #[allow(unused_variables)]
            pub fn message_vi(&self) -> String {
                match self {
                    $( Error::$name { $($f,)* } => format!($($vi)+), )*
                }
            }
        }

        impl fmt::Display for Error {
            #[allow(unused_variables)]
            fn fmt(&self, out: &mut fmt::Formatter<'_>) -> fmt::Result {
                match self {
                    $( Error::$name { $($f,)* } => write!(out, $($en)+), )*
                }
            }
        }
    };
}

impl std::error::Error for Error {}

/// What an input should have been, in English and in Vietnamese, for the two messages of
/// an error (`must be …` / `phải là …`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Words {
    /// English words.
    pub en: std::borrow::Cow<'static, str>,
    /// Vietnamese words.
    pub vi: std::borrow::Cow<'static, str>,
}

impl Words {
    /// Batch columns of one length.
    pub const EQUAL_COLUMNS: Words = Words::new("columns of equal length", "các cột cùng độ dài");
    /// Batch pension columns: persons and their periods.
    pub const PERIOD_COLUMNS: Words = Words::new(
        "equal-length columns, periods grouped by person",
        "các cột cùng độ dài, giai đoạn xếp liền theo từng người",
    );
    /// The forms of a birth date.
    pub const BIRTH_DATE: Words = Words::new(
        "YYYY-MM-DD, YYYY-MM or YYYY",
        "YYYY-MM-DD, YYYY-MM hoặc YYYY",
    );
    /// The lump sum's reasons (Law 41/2024 art. 102).
    pub const LUMP_SUM_REASONS: Words = Words::new(
        "retirement_age_without_pension, emigration, serious_illness, severe_disability or stopped_12_months",
        "retirement_age_without_pension, emigration, serious_illness, severe_disability hoặc stopped_12_months",
    );

    /// What the JSON parser found wrong and where, in both languages.
    pub fn json_error(e: &serde_json::Error) -> Self {
        use serde_json::error::Category;
        let what = match e.classify() {
            Category::Eof => "văn bản kết thúc giữa chừng",
            Category::Syntax => "sai cú pháp",
            Category::Data => "dữ liệu không hợp lệ",
            Category::Io => "lỗi đọc dữ liệu",
        };
        Words::owned(
            e.to_string(),
            format!("{what} ở dòng {}, cột {}", e.line(), e.column()),
        )
    }

    /// Fixed words.
    pub const fn new(en: &'static str, vi: &'static str) -> Self {
        Words {
            en: std::borrow::Cow::Borrowed(en),
            vi: std::borrow::Cow::Borrowed(vi),
        }
    }

    /// Words built at run time (a range, a month).
    pub fn owned(en: String, vi: String) -> Self {
        Words {
            en: std::borrow::Cow::Owned(en),
            vi: std::borrow::Cow::Owned(vi),
        }
    }
}

/// A short excerpt of an input text for an error message: at most 40 characters, then `…`
/// (a message never echoes a whole value, however long).
pub fn excerpt(s: &str) -> String {
    match s.char_indices().nth(40) {
        None => s.to_string(),
        Some((cut, _)) => format!("{}…", &s[..cut]),
    }
}

/// The Vietnamese name of a health-insurance form.
fn form_vi(form: &str) -> &'static str {
    if form == "household" {
        "hộ gia đình"
    } else {
        "được ngân sách hỗ trợ"
    }
}

fn list(v: &[u32]) -> String {
    let parts: Vec<String> = v.iter().map(u32::to_string).collect();
    parts.join(", ")
}

errors! {
    /// The request text is not JSON.
    MalformedJson {
        /// What is wrong and where (line and column), in English and Vietnamese.
        detail: Words,
    }
        => "malformed_json", field: None,
        en: ("the request is not valid JSON: {}", detail.en),
        vi: ("Yêu cầu không phải JSON hợp lệ: {}", detail.vi);
    /// An input field the calculation does not know.
    UnknownField {
        /// JSON path of the field.
        field: String,
    }
        => "unknown_field", field: Some(field.as_str()),
        en: ("unknown field `{field}`"),
        vi: ("Trường không được hỗ trợ: `{field}`");
    /// A required input field is absent.
    MissingField {
        /// JSON path of the field.
        field: String,
    }
        => "missing_field", field: Some(field.as_str()),
        en: ("missing required field `{field}`"),
        vi: ("Thiếu trường bắt buộc `{field}`");
    /// A field has the wrong JSON type.
    InvalidType {
        /// JSON path of the field.
        field: String,
        /// What was expected, in words.
        expected: Words,
    }
        => "invalid_type", field: Some(field.as_str()),
        en: ("field `{field}` must be {}", expected.en),
        vi: ("Trường `{field}` sai kiểu dữ liệu (cần {})", expected.vi);
    /// A month that is not `YYYY-MM` (years 1900–2200).
    InvalidMonth {
        /// JSON path of the field.
        field: String,
        /// The text received.
        value: String,
    }
        => "invalid_month", field: Some(field.as_str()),
        en: ("field `{field}` must be a month YYYY-MM, got {value:?}"),
        vi: ("Trường `{field}` phải là tháng dạng YYYY-MM, nhận được {value:?}");
    /// A date that is not `YYYY-MM-DD` (or `YYYY-MM` / `YYYY` for a birth date).
    InvalidDate {
        /// JSON path of the field.
        field: String,
        /// The text received.
        value: String,
        /// The accepted forms.
        expected: Words,
    }
        => "invalid_date", field: Some(field.as_str()),
        en: ("field `{field}` must be a date {}, got {value:?}", expected.en),
        vi: ("Trường `{field}` phải là ngày dạng {}, nhận được {value:?}", expected.vi);
    /// Money that is not a whole number of đồng in range.
    InvalidMoney {
        /// JSON path of the field.
        field: String,
        /// The JSON text received.
        value: String,
    }
        => "invalid_money", field: Some(field.as_str()),
        en: ("field `{field}` must be a whole number of đồng between 0 and 10^15, got {value}"),
        vi: (
                "Trường `{field}` phải là số tiền nguyên (đồng), từ 0 đến 10^15, nhận được {value}"
            );
    /// A rate or coefficient that is not a decimal string in range.
    InvalidDecimal {
        /// JSON path of the field.
        field: String,
        /// The JSON text received.
        value: String,
        /// The accepted range, in words.
        expected: Words,
    }
        => "invalid_decimal", field: Some(field.as_str()),
        en: ("field `{field}` must be a decimal string {}, got {value}", expected.en),
        vi: (
                "Trường `{field}` phải là số thập phân dạng chuỗi {}, nhận được {value}",
                expected.vi
            );
    /// A whole number outside its allowed range.
    ValueOutOfRange {
        /// JSON path of the field.
        field: String,
        /// The JSON text received.
        value: String,
        /// The accepted range, in words.
        expected: Words,
    }
        => "value_out_of_range", field: Some(field.as_str()),
        en: ("field `{field}` must be {}, got {value}", expected.en),
        vi: ("Trường `{field}` phải là {}, nhận được {value}", expected.vi);
    /// `sex` is neither `male` nor `female`.
    InvalidSex {
        /// JSON path of the field.
        field: String,
        /// The text received.
        value: String,
    }
        => "invalid_sex", field: Some(field.as_str()),
        en: ("field `{field}` must be \"male\" or \"female\", got {value:?}"),
        vi: (
                "Trường `{field}` (giới tính) phải là \"male\" (nam) hoặc \"female\" (nữ), nhận được {value:?}"
            );
    /// `calculation` names no calculation of the contract.
    UnknownCalculation {
        /// The text received.
        value: String,
        /// The known names.
        expected: &'static str,
    }
        => "unknown_calculation", field: Some("calculation"),
        en: ("unknown calculation {value:?}; expected one of {expected}"),
        vi: ("Không có phép tính {value:?}; các phép tính: {expected}");
    /// `method` names no payment method.
    UnknownMethod {
        /// The text received.
        value: String,
    }
        => "unknown_method", field: Some("method"),
        en: ("unknown payment method {value:?}; expected monthly, every_3_months, every_6_months, every_12_months, advance or back_payment"),
        vi: (
                "Phương thức đóng {value:?} không hợp lệ; chọn: hằng tháng (monthly), 03 tháng (every_3_months), 06 tháng (every_6_months), 12 tháng (every_12_months), đóng một lần cho nhiều năm về sau (advance) hoặc đóng một lần cho thời gian còn thiếu (back_payment)"
            );
    /// A participant category that neither the national nor the provincial data defines.
    UnknownCategory {
        /// JSON path of the field.
        field: String,
        /// The text received.
        value: String,
    }
        => "unknown_category", field: Some(field.as_str()),
        en: ("unknown participant category {value:?} in `{field}`"),
        vi: ("Đối tượng tham gia {value:?} (trường `{field}`) không có trong dữ liệu");
    /// A provincial category used outside its province.
    CategoryNotAvailable {
        /// JSON path of the field.
        field: String,
        /// The category.
        value: String,
        /// The province that defines it.
        province: String,
    }
        => "category_not_available", field: Some(field.as_str()),
        en: ("category {value:?} in `{field}` is defined only for province {province:?}"),
        vi: (
                "Đối tượng {value:?} (trường `{field}`) chỉ áp dụng tại tỉnh/thành phố {province:?}"
            );
    /// `categories` is an empty list.
    EmptyCategories {
        /// JSON path.
        field: String,
    }
        => "empty_categories", field: Some(field.as_str()),
        en: ("field `{field}` must list at least one category (default [\"other\"])"),
        vi: ("Trường `{field}` phải có ít nhất một đối tượng (mặc định [\"other\"])");
    /// A province slug that is not lowercase ASCII letters, digits and underscores.
    InvalidProvince {
        /// JSON path.
        field: String,
        /// The text received.
        value: String,
    }
        => "invalid_province", field: Some(field.as_str()),
        en: ("field `{field}` must be a lowercase ASCII slug such as \"ha_noi\", got {value:?}"),
        vi: (
                "Mã tỉnh/thành phố phải viết thường không dấu, ví dụ \"ha_noi\", nhận được {value:?}"
            );
    /// Chosen income below the floor (rural poverty line).
    IncomeBelowFloor {
        /// Chosen income.
        income: Money,
        /// Floor in force.
        floor: Money,
        /// Ceiling in force.
        ceiling: Money,
        /// Payment month.
        month: YearMonth,
    }
        => "income_below_floor", field: Some("income"),
        en: ("income {} is below the floor of {} for {month}; the allowed range is {} to {}", money::en(*income), money::en(*floor), money::en(*floor), money::en(*ceiling)),
        vi: (
                "Thu nhập {} thấp hơn mức tối thiểu {} ({}); thu nhập làm căn cứ đóng phải từ {} đến {}",
                money::vi(*income), money::vi(*floor), month.to_vi(), money::vi(*floor), money::vi(*ceiling)
            );
    /// Chosen income above the ceiling (20 × reference level).
    IncomeAboveCeiling {
        /// Chosen income.
        income: Money,
        /// Floor in force.
        floor: Money,
        /// Ceiling in force.
        ceiling: Money,
        /// Payment month.
        month: YearMonth,
    }
        => "income_above_ceiling", field: Some("income"),
        en: ("income {} is above the ceiling of {} for {month}; the allowed range is {} to {}", money::en(*income), money::en(*ceiling), money::en(*floor), money::en(*ceiling)),
        vi: (
                "Thu nhập {} cao hơn mức tối đa {} ({}); thu nhập làm căn cứ đóng phải từ {} đến {}",
                money::vi(*income), money::vi(*ceiling), month.to_vi(), money::vi(*floor), money::vi(*ceiling)
            );
    /// Chosen income not a multiple of the income step (decision K-3).
    IncomeNotMultipleOfStep {
        /// Chosen income.
        income: Money,
        /// Step in force.
        step: Money,
        /// Nearest valid income below (or the lowest valid one).
        lower: Money,
        /// Nearest valid income above (or the highest valid one).
        upper: Money,
    }
        => "income_not_multiple_of_step", field: Some("income"),
        en: ("income {} is not a multiple of {} (decision K-3); nearest valid incomes: {} and {}", money::en(*income), money::en(*step), money::en(*lower), money::en(*upper)),
        vi: (
                "Thu nhập {} phải là bội số của {} (quyết định K-3); gần nhất: {} hoặc {}",
                money::vi(*income), money::vi(*step), money::vi(*lower), money::vi(*upper)
            );
    /// Advance payment length not one of the allowed whole-year lengths (decision K-18).
    AdvanceMonthsOutOfRange {
        /// Months requested.
        months: i64,
        /// Allowed lengths.
        allowed: Vec<u32>,
    }
        => "advance_months_out_of_range", field: Some("months"),
        en: ( "an advance payment covers {} months (decision K-18), got {months}", list(allowed) ),
        vi: (
                "Đóng một lần cho nhiều năm về sau phải là {} tháng (quyết định K-18), nhận được {months}",
                list(allowed)
            );
    /// Back payment length outside 1..=max.
    BackPaymentMonthsOutOfRange {
        /// Months requested.
        months: i64,
        /// Largest allowed.
        max: u32,
    }
        => "back_payment_months_out_of_range", field: Some("months"),
        en: ("a back payment covers 1 to {max} missing months, got {months}"),
        vi: (
                "Đóng một lần cho thời gian còn thiếu chỉ được từ 1 đến {max} tháng, nhận được {months}"
            );
    /// `months` given for a method whose length is fixed.
    MonthsNotApplicable {
        /// The method.
        method: &'static str,
        /// Months it covers.
        implied: u32,
        /// Months requested.
        months: i64,
    }
        => "months_not_applicable", field: Some("months"),
        en: ("method {method} always covers {implied} months; `months` = {months} does not apply"),
        vi: (
                "Phương thức {method} luôn là {implied} tháng; không dùng trường `months` = {months}"
            );
    /// More subsidised months claimed than the lifetime cap.
    SubsidisedMonthsOutOfRange {
        /// Value received.
        value: i64,
        /// The cap.
        cap: u32,
    }
        => "subsidised_months_out_of_range", field: Some("subsidised_months_before"),
        en: ("subsidised_months_before must be between 0 and {cap} (the lifetime cap, decision K-8), got {value}"),
        vi: (
                "Số tháng đã được hỗ trợ phải từ 0 đến {cap} (tối đa 10 năm, quyết định K-8), nhận được {value}"
            );
    /// No value of a legal parameter is in force on the date needed.
    ParameterNotInForce {
        /// JSON path of the input that asked for that date.
        field: String,
        /// Parameter id.
        parameter: String,
        /// The month.
        month: YearMonth,
    }
        => "parameter_not_in_force", field: Some(field.as_str()),
        en: ("parameter `{parameter}` has no value in force for {month}"),
        vi: (
                "Tham số `{parameter}` không có giá trị áp dụng cho {}", month.to_vi()
            );
    /// An empty contribution history.
    EmptyHistory {
        /// JSON path.
        field: String,
    }
        => "empty_history", field: Some(field.as_str()),
        en: ("`{field}` must list at least one period"),
        vi: ("Quá trình đóng `{field}` phải có ít nhất một giai đoạn");
    /// A history longer than 1,200 months (100 years) or periods.
    HistoryTooLong {
        /// JSON path.
        field: String,
        /// Months (or periods) received.
        months: u64,
    }
        => "history_too_long", field: Some(field.as_str()),
        en: ("`{field}` holds {months} months; at most 1200 (100 years) are accepted"),
        vi: (
                "Quá trình đóng `{field}` có {months} tháng; tối đa 1200 tháng (100 năm)"
            );
    /// A period whose `to` is before its `from`.
    PeriodReversed {
        /// JSON path of `to`.
        field: String,
        /// First month.
        from: YearMonth,
        /// Last month.
        to: YearMonth,
    }
        => "period_reversed", field: Some(field.as_str()),
        en: ("period ends ({to}) before it starts ({from}) at `{field}`"),
        vi: (
                "Giai đoạn kết thúc ({}) trước khi bắt đầu ({}) tại `{field}`", to.to_vi(), from.to_vi()
            );
    /// Two periods share months.
    OverlappingPeriods {
        /// JSON path of the later period.
        field: String,
        /// JSON path of the other period.
        other: String,
    }
        => "overlapping_periods", field: Some(field.as_str()),
        en: ("period `{field}` overlaps `{other}`; a month can be counted only once"),
        vi: (
                "Giai đoạn `{field}` trùng thời gian với `{other}`; mỗi tháng chỉ được tính một lần"
            );
    /// A period reaching past the settlement, claim or death month.
    FuturePeriod {
        /// JSON path of `to`.
        field: String,
        /// Last month of the period.
        to: YearMonth,
        /// The limit month.
        limit: YearMonth,
        /// The input that sets the limit.
        limit_field: String,
    }
        => "future_period", field: Some(field.as_str()),
        en: ("period ends in {to}, after `{limit_field}` ({limit}) at `{field}`"),
        vi: (
                "Giai đoạn kết thúc {} sau thời điểm `{limit_field}` ({}) tại `{field}`", to.to_vi(), limit.to_vi()
            );
    /// Compulsory periods before 2008 (salary coefficients not implemented).
    CompulsoryBefore2008 {
        /// JSON path.
        field: String,
    }
        => "compulsory_before_2008_unsupported", field: Some(field.as_str()),
        en: ("compulsory periods before 2008 are not supported yet (salary coefficients of Decree 158/2025 art. 16) at `{field}`"),
        vi: (
                "Chưa hỗ trợ thời gian đóng BHXH bắt buộc trước năm 2008 (`{field}`)"
            );
    /// ≥ 15 years of compulsory contributions: the compulsory rules govern.
    CompulsoryRulesApply {
        /// JSON path.
        field: String,
        /// Compulsory months.
        months: u32,
    }
        => "compulsory_rules_apply", field: Some(field.as_str()),
        en: ("{months} months of compulsory contributions: with 15 years or more the compulsory rules govern (Law 41/2024 art. 111.1.a; Decree 158/2025 art. 17.2), which this engine does not implement"),
        vi: (
                "Có {months} tháng đóng BHXH bắt buộc: từ đủ 15 năm đóng bắt buộc trở lên thì áp dụng chế độ BHXH bắt buộc (Điều 111 Luật BHXH 2024), công cụ này chưa hỗ trợ"
            );
    /// Two inputs that exclude each other.
    ConflictingFields {
        /// One field.
        field: String,
        /// The other.
        other: String,
    }
        => "conflicting_fields", field: Some(field.as_str()),
        en: ("give either `{field}` or `{other}`, not both"),
        vi: ("Chỉ nhập một trong hai trường `{field}` hoặc `{other}`");
    /// A contribution year the coefficient table does not cover.
    CoefficientNotAvailable {
        /// JSON path.
        field: String,
        /// Contribution year.
        year: i32,
        /// Table (settlement) year.
        table: i32,
    }
        => "coefficient_not_available", field: Some(field.as_str()),
        en: ("the {table} coefficient table has no value for contribution year {year} (`{field}`)"),
        vi: (
                "Bảng hệ số điều chỉnh năm {table} không có hệ số cho năm đóng {year} (`{field}`)"
            );
    /// Even the ceiling income does not reach the target pension.
    TargetUnreachable {
        /// Target pension.
        target: Money,
        /// Best pension achievable.
        best: Money,
        /// The ceiling income.
        ceiling: Money,
    }
        => "target_unreachable", field: Some("target_monthly_pension"),
        en: ("a monthly pension of {} cannot be reached: the best, at the ceiling income of {}, is {}", money::en(*target), money::en(*ceiling), money::en(*best)),
        vi: (
                "Không thể đạt lương hưu {}: cao nhất (thu nhập tối đa {}) là {}",
                money::vi(*target), money::vi(*ceiling), money::vi(*best)
            );
    /// An error inside one variant of a comparison (the code is the inner error's).
    InVariant {
        /// Path, `variants[i].field`.
        field: String,
        /// The inner code.
        code: &'static str,
        /// English message.
        message: String,
        /// Vietnamese message.
        message_vi: String,
    }
        => *code, field: Some(field.as_str()),
        en: ("{message}"),
        vi: ("{message_vi}");
    /// A refund asked for a method that prepays nothing (monthly, back payment).
    MethodNotPrepaid {
        /// The method.
        method: &'static str,
    }
        => "method_not_prepaid", field: Some("method"),
        en: ("method {method} prepays nothing: a refund applies to every_3_months, every_6_months, every_12_months or advance payments"),
        vi: ("Phương thức {method} không đóng trước nên không có hoàn trả; chỉ hoàn trả khi đóng 03, 06, 12 tháng một lần hoặc đóng trước nhiều năm");
    /// The first month to refund is not a month of the prepaid period.
    FromMonthOutsidePeriod {
        /// The month given.
        from: YearMonth,
        /// The first month of the period.
        first: YearMonth,
        /// The last month of the period.
        last: YearMonth,
    }
        => "from_month_outside_period", field: Some("from_month"),
        en: ("from_month {from} is outside the prepaid period {first} to {last}"),
        vi: ("Tháng bắt đầu hoàn trả {} không thuộc thời gian đã đóng trước ({} đến {})", from.to_vi(), first.to_vi(), last.to_vi());
    /// A province code the data does not list (rule S-5).
    UnknownProvince {
        /// JSON path.
        field: String,
        /// The code received.
        value: String,
    }
        => "unknown_province", field: Some(field.as_str()),
        en: ("`{field}`: no province or city has the code {value:?}; `bhxh params` lists the 34 provinces and cities and the former provinces merged into them (e.g. \"ha_noi\", \"ho_chi_minh\", \"vinh_phuc\")"),
        vi: ("`{field}`: không có tỉnh, thành phố nào mang mã {value:?}; danh sách 34 tỉnh, thành phố và các tỉnh cũ đã hợp nhất có trong `bhxh params` (ví dụ \"ha_noi\", \"ho_chi_minh\", \"vinh_phuc\")");
    /// A member's form that their group does not allow (decision K-21).
    FormNotAvailable {
        /// Path, `members[i].form`.
        field: String,
        /// The member's group.
        group: String,
        /// The form asked for.
        form: &'static str,
    }
        => "form_not_available", field: Some(field.as_str()),
        en: ("group {group} cannot join in the {form} form: a group without State support joins in the household form, pupils and students join with the support (HI Law art. 13.5.e)"),
        vi: ("Nhóm {group} không tham gia theo hình thức {}: người không thuộc nhóm được hỗ trợ tham gia theo hộ gia đình, học sinh, sinh viên tham gia theo nhóm được ngân sách hỗ trợ (Luật BHYT điều 13.5.e)", form_vi(form));
    /// A health-insurance period of a length the law does not offer.
    PeriodMonthsNotAllowed {
        /// Months requested.
        months: i64,
        /// Allowed lengths.
        allowed: Vec<u32>,
    }
        => "period_months_not_allowed", field: Some("months"),
        en: ("health insurance is paid for {} months at a time, got {months}", list(allowed)),
        vi: ("Bảo hiểm y tế hộ gia đình đóng {} tháng một lần, nhận được {months}", list(allowed));
    /// The payment date is not in the payment month.
    PaymentDateOutsideMonth {
        /// The date given.
        date: chrono::NaiveDate,
        /// The payment month.
        month: YearMonth,
    }
        => "payment_date_outside_month", field: Some("payment_date"),
        en: ("payment_date {date} is not in payment_month {month}"),
        vi: ("Ngày đóng {} không thuộc tháng đóng {}", crate::month::date_vi(*date), month.to_vi());
    /// An object with the same key twice (decision K-20).
    DuplicateField {
        /// JSON path of the repeated key.
        field: String,
    }
        => "duplicate_field", field: Some(field.as_str()),
        en: ("`{field}` is given twice; a request gives each field once (decision K-20)"),
        vi: ("Trường `{field}` xuất hiện hai lần; mỗi trường chỉ được nhập một lần (quyết định K-20)");
    /// A request larger than the limit, refused before it is read.
    RequestTooLarge {
        /// Its size in bytes (at least; a stream is not read past the limit).
        bytes: u64,
        /// The limit.
        limit: u64,
    }
        => "request_too_large", field: None,
        en: ("the request has more than {limit} bytes ({bytes}); split it or raise the limit"),
        vi: ("Yêu cầu lớn hơn {limit} byte ({bytes}); hãy chia nhỏ hoặc nâng giới hạn");
    /// A failure of the engine itself, which no input should cause (a host caught a panic).
    Internal {}
        => "internal_error", field: None,
        en: ("the engine failed on this request; please report it with the request"),
        vi: ("Lỗi nội bộ của công cụ tính khi xử lý yêu cầu này; vui lòng báo lại kèm yêu cầu");
    /// A parameter overlay (`parameters`) that does not validate.
    InvalidParameters {
        /// JSON path inside the request.
        field: String,
        /// What is wrong.
        detail: String,
    }
        => "invalid_parameters", field: Some(field.as_str()),
        en: ("invalid parameter overlay at `{field}`: {detail}"),
        vi: ("Tham số giả định không hợp lệ tại `{field}` (chi tiết kỹ thuật, tiếng Anh: {detail})");
    /// An arithmetic result beyond the engine's bounds (only reachable through overlays).
    Overflow {
        /// JSON path of the input that led to it.
        field: String,
    }
        => "overflow", field: Some(field.as_str()),
        en: ("a result is out of the engine's range at `{field}`"),
        vi: ("Kết quả vượt quá giới hạn tính toán (trường `{field}`)");
}

impl Error {
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
