//! Any columns for the batch functions the Python package calls (`quote_monthly_columns`,
//! `quote_monthly_into`, `pensions`): an answer per row or a coded error, never a panic; a
//! quoted row keeps `payable = gross − state support − local support`, and the two quoting
//! paths agree.
#![no_main]

use bhxh::batch;
use libfuzzer_sys::fuzz_target;

/// Reads the fuzzer's bytes as biased values: mostly plausible, sometimes anything.
struct Bytes<'a>(&'a [u8]);

impl Bytes<'_> {
    fn u8(&mut self) -> u8 {
        let (first, rest) = self.0.split_first().map_or((0, &[][..]), |(f, r)| (*f, r));
        self.0 = rest;
        first
    }
    fn raw(&mut self) -> i64 {
        i64::from_le_bytes(std::array::from_fn(|_| self.u8()))
    }
    fn money(&mut self) -> i64 {
        match self.u8() % 4 {
            0 => self.raw(),
            1 => i64::from(self.u8()) * 50_000 + 1_500_000,
            2 => self.raw().rem_euclid(1_000_000_000_000_001),
            _ => i64::from(self.u8()) * 1_000_000,
        }
    }
    fn yyyymm(&mut self) -> i64 {
        match self.u8() % 3 {
            0 => self.raw(),
            _ => (1990 + i64::from(self.u8())) * 100 + i64::from(self.u8() % 14),
        }
    }
}

fuzz_target!(|data: &[u8]| {
    let p = bhxh::Params::embedded().expect("embedded law");
    let mut b = Bytes(data);
    let province = match b.u8() % 3 {
        0 => None,
        1 => Some("ha_noi"),
        _ => Some("nowhere"),
    };
    let n = usize::from(b.u8() % 48);
    let raw: Vec<i64> = (0..n).map(|_| b.yyyymm()).collect();
    let incomes: Vec<i64> = (0..n).map(|_| b.money()).collect();
    let categories: Vec<u8> = (0..n).map(|_| b.u8() % 8).collect();
    let before: Vec<i64> = (0..n).map(|_| b.money() % 1000).collect();
    // The numpy path: raw YYYYMM integers, counts as i64, caller-provided outputs.
    let [mut g, mut s, mut l, mut pay] = std::array::from_fn(|_| vec![0i64; n]);
    let mut status = vec![0u8; n];
    let out = batch::QuoteSlices {
        gross: &mut g,
        state_support: &mut s,
        local_support: &mut l,
        payable: &mut pay,
        status: &mut status,
    };
    batch::quote_monthly_into(&p, province, &raw, &incomes, &categories, &before, out)
        .expect("equal columns");
    for i in 0..n {
        if status[i] == batch::RowStatus::Ok as u8 {
            assert_eq!(pay[i], g[i] - s[i] - l[i]);
            assert!(pay[i] >= 0 && s[i] >= 0 && l[i] >= 0);
        }
    }
    // The typed path over the rows whose month is valid: the same answers.
    let valid: Vec<usize> = (0..n)
        .filter(|i| batch::month_from_yyyymm(raw[*i]).is_some())
        .collect();
    let months: Vec<bhxh::YearMonth> = valid
        .iter()
        .filter_map(|i| batch::month_from_yyyymm(raw[*i]))
        .collect();
    let pick = |v: &[i64]| valid.iter().map(|i| v[*i]).collect::<Vec<i64>>();
    let counts: Vec<u32> = valid
        .iter()
        .map(|i| u32::try_from(before[*i]).unwrap_or(u32::MAX))
        .collect();
    let cats: Vec<u8> = valid.iter().map(|i| categories[*i]).collect();
    let q = batch::quote_monthly_columns(&p, province, &months, &pick(&incomes), &cats, &counts)
        .expect("equal columns");
    assert_eq!(q.gross, pick(&g));
    assert_eq!(q.payable, pick(&pay));
    let persons = usize::from(b.u8() % 12);
    let sex: Vec<u8> = (0..persons).map(|_| b.u8() % 3).collect();
    let birth: Vec<i64> = (0..persons).map(|_| b.yyyymm()).collect();
    let claim: Vec<i64> = (0..persons).map(|_| b.yyyymm()).collect();
    let rows = usize::from(b.u8() % 40);
    let mut person: Vec<i64> = (0..rows).map(|_| i64::from(b.u8() % 14)).collect();
    if b.u8() % 4 != 0 {
        person.sort_unstable();
    }
    let from: Vec<i64> = (0..rows).map(|_| b.yyyymm()).collect();
    let to: Vec<i64> = (0..rows).map(|_| b.yyyymm()).collect();
    let income: Vec<i64> = (0..rows).map(|_| b.money()).collect();
    let back_paid: Vec<bool> = (0..rows).map(|_| b.u8() % 2 == 0).collect();
    let periods = batch::PeriodColumns {
        person: &person,
        from: &from,
        to: &to,
        income: &income,
        back_paid: &back_paid,
    };
    if let Ok(r) = batch::pensions(&p, &sex, &birth, &claim, &periods, 0) {
        assert_eq!(r.monthly_pension.len(), persons);
        assert!(r.monthly_pension.iter().all(|m| *m >= 0));
    }
});
