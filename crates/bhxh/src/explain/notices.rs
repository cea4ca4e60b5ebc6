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
