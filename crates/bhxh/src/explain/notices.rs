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
