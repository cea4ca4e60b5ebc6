//! The warnings of a response, from the calculations' notices.

use super::trace::Trace;
use crate::calc::work::Notice;
use crate::money;

pub(crate) fn write(t: &mut Trace, n: Notice<'_>) {
    match n {
        Notice::Extrapolated {
            parameter,
            month,
            used_from,
        } => t.extrapolated(parameter, month, used_from),
        Notice::SupportExceedsAmount { deducted, gross } => t.warn(
            "support_exceeds_amount",
            format!(
                "the support deducted ({}) exceeds the lump sum ({}); the amount is 0",
                money::en(deducted),
                money::en(gross)
            ),
            format!(
                "số tiền hỗ trợ phải trừ ({}) lớn hơn mức hưởng ({}); số tiền nhận là 0",
                money::vi(deducted),
                money::vi(gross)
            ),
        ),
        Notice::FundRate {
            payment_year,
            used_year,
        } => t.warn_keyed(
            "parameter_extrapolated",
            "fund_rate_monthly",
            format!(
                "no fund rate is published for payment year {payment_year}; the rate for {used_year} is used (decision K-6); pass fund_rate_monthly to override"
            ),
            format!(
                "chưa có lãi suất đầu tư quỹ cho năm đóng {payment_year}; tạm dùng lãi suất áp dụng năm {used_year} (quyết định K-6)"
            ),
        ),
        Notice::LocalSupportNotInData { province, month } => t.warn_keyed(
            "local_support_not_in_data",
            province,
            format!("the data holds no provincial top-up for {province} in {month}; none is added (decision K-9): the province may have one, pass it in a parameter overlay (local_support)"),
            format!("dữ liệu chưa có mức hỗ trợ thêm của địa phương {province} cho tháng {month}; chưa cộng phần này (quyết định K-9): tỉnh có thể có chính sách hỗ trợ thêm, có thể nhập qua tham số local_support"),
        ),
        n @ (Notice::LocalResolutionNotInData { .. }
        | Notice::FormerArea { .. }
        | Notice::DeprecatedCategory { .. }) => provincial(t, n),
        Notice::CoefficientTable {
            settlement_year,
            table_year,
        } => t.warn_keyed(
            "parameter_extrapolated",
            "income_adjustment_coefficients",
            format!(
                "no income adjustment coefficient table is published for settlement year {settlement_year}; the {table_year} table is used (decision K-12)"
            ),
            format!(
                "chưa có bảng hệ số điều chỉnh thu nhập cho năm {settlement_year}; tạm dùng bảng năm {table_year} (quyết định K-12)"
            ),
        ),
    }
}

/// The warnings about provincial data (decision K-9).
fn provincial(t: &mut Trace, n: Notice<'_>) {
    match n {
        Notice::LocalResolutionNotInData { province, unread } => t.warn_keyed(
            "local_resolution_not_in_data",
            &unread.citation.document,
            format!(
                "{province}: {} is in force from {} but its content is not in the data ({}); the shares shown do not include it (decision K-9)",
                unread.citation.document, unread.from, unread.note
            ),
            format!(
                "{province}: {} có hiệu lực từ {} nhưng nội dung chưa có trong dữ liệu; mức hỗ trợ của địa phương ở đây chưa tính văn bản này (quyết định K-9)",
                unread.citation.document_vi.as_deref().unwrap_or(&unread.citation.document),
                unread.from.to_vi()
            ),
        ),
        Notice::FormerArea {
            province,
            area,
            own_scheme: true,
        } => t.warn_keyed(
            "former_province_matters",
            area,
            format!("{province}: the former province {area} (merged into it, Resolution 202/2025/QH15) has a top-up of its own in this month; for a participant of that area give \"province\": \"{area}\""),
            format!("{province}: tỉnh cũ {area} (đã hợp nhất, Nghị quyết 202/2025/QH15) có mức hỗ trợ thêm riêng trong tháng này; người tham gia thuộc địa bàn đó hãy nhập \"province\": \"{area}\""),
        ),
        Notice::FormerArea {
            province,
            area,
            own_scheme: false,
        } => t.warn_keyed(
            "former_province_matters",
            area,
            format!("{province}: the top-up applied was for participants of the former {area} area before the merger (Resolution 202/2025/QH15); a participant of another former province merged into {province} should give that province's code"),
            format!("{province}: mức hỗ trợ thêm đã tính áp dụng cho người tham gia thuộc địa bàn {area} cũ trước khi hợp nhất (Nghị quyết 202/2025/QH15); người tham gia thuộc tỉnh cũ khác đã hợp nhất vào {province} hãy nhập mã tỉnh cũ đó"),
        ),
        Notice::DeprecatedCategory {
            category,
            replacement,
        } => t.warn_keyed(
            "deprecated_category",
            category,
            format!("the category code {category} is kept for old requests; use {replacement} (the same support)"),
            format!("mã nhóm {category} chỉ còn giữ cho các yêu cầu cũ; hãy dùng {replacement} (cùng mức hỗ trợ)"),
        ),
        _ => {}
    }
}
