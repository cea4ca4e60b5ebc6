//! The explanation of `monthly_allowance` and `social_pension`.

use super::trace::{Cite, Trace};
use crate::calc::allowance::{Refusal, Step};
use crate::calc::history::years;
use crate::law::parameters::Entry;
use crate::money;
use crate::Money;
use crate::YearMonth;

pub(crate) fn write(t: &mut Trace, s: Step<'_>) {
    match s {
        Step::Refused {
            why,
            reached,
            sp_age,
            months,
            min_allowance,
        } => refused_step(t, why, reached, sp_age, months, min_allowance),
        Step::Months {
            mbq,
            half,
            amount,
            ttt,
        } => months_step(t, mbq, half, amount, ttt),
        Step::ToSocialPension {
            sp_month,
            settlement,
            sp_age,
            tdt,
        } => to_social_pension_step(t, sp_month, settlement, sp_age, tdt),
        Step::MonthlyAmount {
            tc,
            ttt,
            tdt,
            monthly,
            top_up,
        } => {
            monthly_amount_step(t, tc, ttt, tdt, monthly, top_up);
            super::cards::allowance(t);
        }
        Step::SocialPensionAge {
            birth,
            age,
            age_month,
            poor,
        } => social_pension_age(t, birth, age, age_month, poor),
        Step::SocialPension {
            amount,
            eligible,
            pension,
            from,
        } => {
            social_pension(t, amount, eligible, pension, from);
            if eligible {
                super::cards::social_pension(t);
            }
        }
    }
}

fn refused_step(
    t: &mut Trace,
    why: Refusal,
    reached: YearMonth,
    sp_age: u32,
    months: u32,
    min_allowance: u32,
) {
    let cite = if why == Refusal::FewerThan12Months {
        "Law 41/2024/QH15 art. 23.1; Decree 159/2025/NĐ-CP art. 14.3; decision K-13"
    } else {
        "Law 41/2024/QH15 art. 23.1"
    };
    t.step("eligible", false, Cite::Law(cite), |w| {
        w.formula(format_args!("reason {}", why.as_str()));
        match why {
            Refusal::AgeNotReached => {
                w.vi(format_args!("Chưa đủ tuổi nghỉ hưu (đủ tuổi vào {}).", reached.to_vi()));
                w.en(format_args!("Retirement age is not reached yet (it is in {reached})."));
            }
            Refusal::PensionEligible => {
                w.vi("Đã đủ điều kiện hưởng lương hưu nên không hưởng trợ cấp hằng tháng.");
                w.en("A pension is payable, so the monthly allowance does not apply.");
            }
            Refusal::FewerThan12Months => {
                w.vi(format_args!("Thời gian đóng {months} tháng, chưa đủ {min_allowance} tháng nên không hưởng trợ cấp hằng tháng (Nghị định 159/2025/NĐ-CP điều 14.3; quyết định K-13)."));
                w.en(format_args!("{months} months of contributions, fewer than {min_allowance}: the monthly allowance is not available (Decree 159/2025 art. 14.3; decision K-13)."));
            }
            Refusal::SocialPensionAge => {
                w.vi(format_args!("Đã đủ {sp_age} tuổi: hưởng trợ cấp hưu trí xã hội thay cho trợ cấp hằng tháng."));
                w.en(format_args!("Aged {sp_age} or more: the social pension allowance applies instead."));
            }
        }
    });
}

fn months_step(t: &mut Trace, mbq: Money, half: u32, amount: &Entry<Money>, ttt: u32) {
    let (n, tc) = (years(half), amount.value.unwrap_or_default());
    t.step(
        "months",
        ttt,
        Cite::Both(
            amount,
            "Decree 159/2025/NĐ-CP art. 14.3; Decree 158/2025/NĐ-CP art. 23.1; decisions K-11, K-13",
        ),
        |w| {
            w.formula(format_args!("ceil({mbq} × 2 × {n} / {tc}) = {ttt}"));
            w.vi(format_args!(
                "Số tháng hưởng trợ cấp: {} × 2 × {n} năm / {} = {ttt} tháng (làm tròn lên).",
                money::vi(mbq),
                money::vi(tc)
            ));
            w.en(format_args!(
                "Months of allowance: {} × 2 × {n} years / {} = {ttt} months (rounded up).",
                money::en(mbq),
                money::en(tc)
            ));
        },
    );
}

fn to_social_pension_step(
    t: &mut Trace,
    sp_month: YearMonth,
    settlement: YearMonth,
    sp_age: u32,
    tdt: u32,
) {
    t.step(
        "months_to_social_pension",
        tdt,
        Cite::Law("Law 41/2024/QH15 art. 21, art. 23.3"),
        |w| {
            w.formula(format_args!("{sp_month} − {settlement} = {tdt}"));
            w.vi(format_args!(
                "Còn {tdt} tháng đến tuổi hưởng trợ cấp hưu trí xã hội ({sp_age} tuổi, {}).",
                sp_month.to_vi()
            ));
            w.en(format_args!(
                "{tdt} months remain until the social-pension age ({sp_age}, {sp_month})."
            ));
        },
    );
}

fn monthly_amount_step(
    t: &mut Trace,
    tc: Money,
    ttt: u32,
    tdt: u32,
    monthly: Money,
    top_up: Money,
) {
    t.step("monthly_amount", monthly, Cite::Law("Decree 158/2025/NĐ-CP art. 24.2; Law 41/2024/QH15 art. 23.3; decision K-13"), |w| {
        if ttt >= tdt {
            w.formula(format_args!("{tc} × {ttt} / {tdt} = {monthly}"));
            w.vi(format_args!("Số tháng hưởng dài hơn thời gian đến tuổi hưởng trợ cấp hưu trí xã hội nên mức hưởng được nâng lên {} mỗi tháng trong {tdt} tháng.", money::vi(monthly)));
            w.en(format_args!("The allowance would outlast the time to social-pension age, so it is raised to {} a month for {tdt} months.", money::en(monthly)));
        } else {
            w.formula(format_args!("{tc} for {ttt} months; top-up ({tdt} − {ttt}) × {tc} = {top_up}"));
            w.vi(format_args!("Hưởng {} mỗi tháng trong {ttt} tháng; có thể đóng thêm {} để được hưởng đến tuổi hưởng trợ cấp hưu trí xã hội.", money::vi(monthly), money::vi(top_up)));
            w.en(format_args!("{} a month for {ttt} months; paying {} more would extend it until the social-pension age.", money::en(monthly), money::en(top_up)));
        }
    });
}

fn social_pension_age(
    t: &mut Trace,
    birth: crate::YearMonth,
    age: u32,
    age_month: crate::YearMonth,
    poor: bool,
) {
    t.step(
        "social_pension_age",
        age,
        Cite::Law(&format!(
            "Law 41/2024/QH15 art. 21.1.{}",
            if poor { "b" } else { "a" }
        )),
        |w| {
            w.formula(format_args!("{birth} + {age}y = {age_month}"));
            w.vi(format_args!(
                "Tuổi hưởng trợ cấp hưu trí xã hội: {age} tuổi{}, đủ vào {}.",
                if poor {
                    " (hộ nghèo, hộ cận nghèo)"
                } else {
                    ""
                },
                age_month.to_vi()
            ));
            w.en(format_args!(
                "Social-pension age: {age}{}, reached in {age_month}.",
                if poor {
                    " (poor or near-poor household)"
                } else {
                    ""
                }
            ));
        },
    );
}

fn social_pension(
    t: &mut Trace,
    amount: &crate::law::parameters::Entry<crate::Money>,
    eligible: bool,
    pension: crate::Money,
    from: crate::YearMonth,
) {
    let tc = amount.value.unwrap_or_default();
    let monthly = if eligible { tc } else { 0 };
    t.step("monthly_amount", monthly, Cite::Param(amount), |w| {
        w.formula(format_args!("{monthly}"));
        w.vi(if eligible {
            format!(
                "Trợ cấp hưu trí xã hội {} mỗi tháng từ {}.",
                money::vi(tc),
                from.to_vi()
            )
        } else if pension >= tc {
            format!(
                "Lương hưu {} không thấp hơn mức trợ cấp hưu trí xã hội nên không hưởng.",
                money::vi(pension)
            )
        } else {
            format!("Chưa đủ tuổi; được hưởng từ {}.", from.to_vi())
        });
        w.en(if eligible {
            format!(
                "Social pension allowance of {} a month from {from}.",
                money::en(tc)
            )
        } else if pension >= tc {
            format!(
                "A pension of {} is not below the social pension, so it is not paid.",
                money::en(pension)
            )
        } else {
            format!("Age not reached yet; payable from {from}.")
        });
    });
}
