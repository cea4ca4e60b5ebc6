//! The explanation of the average income (Mbq).

use super::trace::{Cite, Trace};
use crate::calc::average::Step;
use crate::law::regime::Regime;
use crate::money;

pub(crate) fn write(t: &mut Trace, s: Step<'_>) {
    match s {
        Step::Table {
            settlement,
            table_year,
            entry,
        } => t.step("coefficient_table", table_year, Cite::Both(entry, "decision K-12"), |w| {
            w.formula(format_args!("settlement {settlement} → table {table_year}"));
            w.vi(format_args!(
                "Thu nhập đã đóng được điều chỉnh theo bảng hệ số của năm {table_year} (năm giải quyết {}); tháng đóng bù tính hệ số 1,00; năm sau dòng cuối của bảng tính 1,00.",
                settlement.year()
            ));
            w.en(format_args!(
                "Past incomes are adjusted with the {table_year} coefficient table (settlement year {}); back-paid months count 1.00, and years after the table's last row count 1.00.",
                settlement.year()
            ));
        }),
        Step::Mbq {
            regime,
            sum,
            months,
            mbq,
        } => {
            let cite = match regime {
                Regime::Law2024 => {
                    "Law 41/2024/QH15 art. 104; Decree 159/2025/NĐ-CP art. 10; decision K-1"
                }
                Regime::Law2014 => {
                    "Law 58/2014/QH13 art. 79; Decree 134/2015/NĐ-CP art. 4; decision K-1"
                }
            };
            let total = i64::try_from(sum / 100).unwrap_or(0);
            t.step("average_income", mbq, Cite::Law(cite), |w| {
                w.formula(format_args!(
                    "Σ income × coefficient / months = {}.{:02} / {months} = {mbq}",
                    sum / 100,
                    sum % 100
                ));
                w.vi(format_args!(
                    "Mức bình quân thu nhập tháng đóng BHXH: tổng thu nhập đã điều chỉnh {} chia cho {months} tháng = {} (làm tròn đến đồng).",
                    money::vi(total),
                    money::vi(mbq)
                ));
                w.en(format_args!(
                    "Average monthly income: the adjusted incomes total {} over {months} months, giving {} (rounded to the đồng).",
                    money::en(total),
                    money::en(mbq)
                ));
            });
        }
    }
}
