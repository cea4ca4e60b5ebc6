//! Who pays the health-insurance card of a benefit's recipient (rule H-5): the step the
//! `estimate`, `monthly_allowance` and `social_pension` traces add, so that a family does not
//! buy household health insurance for someone whose card is already paid.

use super::trace::{Cite, Trace};

/// A pensioner's card: paid by the social-insurance fund.
pub(crate) fn pensioner(t: &mut Trace) {
    t.step(
        "health_insurance",
        true,
        Cite::Law("Decree 188/2025/NĐ-CP art. 6.2.a; Law 41/2024/QH15 art. 119.2.a; rule H-5, docs/rules.md"),
        |w| {
            w.formula("payer = social insurance fund (4.5% of the pension)");
            w.vi("Người hưởng lương hưu được cấp thẻ bảo hiểm y tế do quỹ bảo hiểm xã hội đóng (4,5% lương hưu); không tham gia bảo hiểm y tế theo hộ gia đình.");
            w.en("A pensioner's health-insurance card is paid by the social insurance fund (4.5% of the pension); they are not household members for health insurance.");
        },
    );
}

/// An art. 23 monthly-allowance recipient's card: paid by the State budget.
pub(crate) fn allowance(t: &mut Trace) {
    t.step(
        "health_insurance",
        true,
        Cite::Law("Law 41/2024/QH15 art. 23.6; Decree 188/2025/NĐ-CP art. 6.3.a; rule H-5, docs/rules.md"),
        |w| {
            w.formula("payer = State budget (4.5% of the base salary)");
            w.vi("Trong thời gian hưởng trợ cấp hằng tháng, người hưởng được cấp thẻ bảo hiểm y tế do ngân sách nhà nước đóng.");
            w.en("While the monthly allowance is paid, the recipient's health-insurance card is paid by the State budget.");
        },
    );
}

/// A social-pension recipient's card: paid by the State budget.
pub(crate) fn social_pension(t: &mut Trace) {
    t.step(
        "health_insurance",
        true,
        Cite::Law("Law 41/2024/QH15 art. 22.3; rule H-5, docs/rules.md"),
        |w| {
            w.formula("payer = State budget");
            w.vi("Người hưởng trợ cấp hưu trí xã hội được cấp thẻ bảo hiểm y tế do ngân sách nhà nước đóng.");
            w.en("A social-pension recipient's health-insurance card is paid by the State budget.");
        },
    );
}
