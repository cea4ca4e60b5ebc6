//! Money (whole đồng) and the one rounding rule of the engine (decision K-1).
//!
//! Every amount that leaves the engine is an `i64` of whole đồng. Products of money and
//! rates are computed exactly (as [`Decimal`] or as integer ratios) and rounded **half away
//! from zero** to the đồng only at the named step where the law produces the amount.

use rust_decimal::{Decimal, RoundingStrategy};

/// An amount of Vietnamese đồng. The đồng has no minor unit in use.
pub type Money = i64;

/// Largest amount the engine accepts or produces (10^15 đồng, far above any benefit).
pub const MAX_MONEY: Money = 1_000_000_000_000_000;

/// Rounds an exact decimal half away from zero to whole đồng (decision K-1).
///
/// Returns `None` when the value does not fit in [`Money`] bounds.
///
/// ```
/// use bhxh::money::round_dong;
/// use rust_decimal::Decimal;
/// assert_eq!(round_dong(Decimal::new(25, 1)), Some(3));   // 2.5 → 3
/// assert_eq!(round_dong(Decimal::new(-25, 1)), Some(-3)); // −2.5 → −3
/// assert_eq!(round_dong(Decimal::new(24999, 4)), Some(2));
/// ```
pub fn round_dong(x: Decimal) -> Option<Money> {
    let r = x.round_dp_with_strategy(0, RoundingStrategy::MidpointAwayFromZero);
    let m = r.mantissa();
    let scale = r.scale();
    let v = m.checked_div(10i128.checked_pow(scale)?)?;
    let v = i64::try_from(v).ok()?;
    (v.abs() <= MAX_MONEY).then_some(v)
}

/// `amount × rate` rounded half away from zero to whole đồng (decision K-1).
///
/// Exact: the product is formed as an integer ratio (`amount × mantissa / 10^scale`) in
/// `i128`, so no precision is lost. `None` on overflow.
///
/// ```
/// use bhxh::money::mul_rate;
/// use rust_decimal::Decimal;
/// let r22 = Decimal::new(22, 2);
/// assert_eq!(mul_rate(1_500_000, r22), Some(330_000));
/// assert_eq!(mul_rate(1_234_567, r22), Some(271_605)); // 271,604.74 → 271,605
/// ```
pub fn mul_rate(amount: Money, rate: Decimal) -> Option<Money> {
    let num = i128::from(amount).checked_mul(rate.mantissa())?;
    let den = 10i128.checked_pow(rate.scale())?;
    let q = div_round_half_away(num, den);
    let v = i64::try_from(q).ok()?;
    (v.abs() <= MAX_MONEY).then_some(v)
}

/// Integer division rounding half away from zero (`den > 0`).
pub fn div_round_half_away(num: i128, den: i128) -> i128 {
    debug_assert!(den > 0);
    let q = num / den;
    let r = num % den;
    if 2 * r.abs() >= den {
        q + num.signum()
    } else {
        q
    }
}

/// Formats đồng with thousands separators: `1,500,000` (`sep = ','`) or `1.500.000` (`'.'`).
pub fn group(amount: Money, sep: char) -> String {
    Grouped(amount, sep).to_string()
}

/// Writes an amount with thousands separators, without allocating.
struct Grouped(Money, char);

impl Grouped {
    /// The text, right-aligned in `buf` (a sign, 19 digits and 6 separators fit in 32
    /// bytes); returns where it starts.
    fn render(&self, buf: &mut [u8; 32]) -> usize {
        // An ASCII separator is written as is; others are put in by `fmt` afterwards.
        let sep = u8::try_from(self.1)
            .ok()
            .filter(u8::is_ascii)
            .unwrap_or(b',');
        let mut n = self.0.unsigned_abs();
        let mut i = buf.len();
        let mut written = 0;
        loop {
            if written > 0 && written % 3 == 0 {
                i -= 1;
                buf[i] = sep;
            }
            i -= 1;
            buf[i] = b'0' + (n % 10) as u8;
            written += 1;
            n /= 10;
            if n == 0 {
                break;
            }
        }
        if self.0 < 0 {
            i -= 1;
            buf[i] = b'-';
        }
        i
    }
}

impl std::fmt::Display for Grouped {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let mut buf = [0u8; 32];
        let start = self.render(&mut buf);
        // ASCII only, so always valid UTF-8; one write instead of one per group.
        let text = std::str::from_utf8(&buf[start..]).map_err(|_| std::fmt::Error)?;
        if self.1.is_ascii() {
            f.write_str(text)
        } else {
            f.write_str(&text.replace(',', self.1.encode_utf8(&mut [0; 4])))
        }
    }
}

/// An amount rendered in English (`1,500,000 VND`), formatted lazily.
#[derive(Clone, Copy, Debug)]
pub struct En(pub Money);

impl std::fmt::Display for En {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        std::fmt::Display::fmt(&Grouped(self.0, ','), f)?;
        f.write_str(" VND")
    }
}

/// An amount rendered in Vietnamese (`1.500.000 đồng`, glossary), formatted lazily.
#[derive(Clone, Copy, Debug)]
pub struct Vi(pub Money);

impl std::fmt::Display for Vi {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        std::fmt::Display::fmt(&Grouped(self.0, '.'), f)?;
        f.write_str(" đồng")
    }
}

/// English rendering: `1,500,000 VND`.
pub fn en(amount: Money) -> En {
    En(amount)
}

/// Vietnamese rendering (glossary): `1.500.000 đồng`.
pub fn vi(amount: Money) -> Vi {
    Vi(amount)
}

/// A rate as a percentage, formatted lazily: `22%`, `2.5%` (or `2,5%` with a decimal comma).
#[derive(Clone, Copy, Debug)]
pub struct Percent {
    rate: Decimal,
    comma: bool,
}

impl std::fmt::Display for Percent {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let v = (self.rate * Decimal::ONE_HUNDRED).normalize();
        if !self.comma || v.scale() == 0 {
            return write!(f, "{v}%");
        }
        // A decimal comma: the integer part, a comma, the fraction digits (no allocation).
        let scale = 10i128.pow(v.scale());
        let m = v.mantissa();
        let sign = if m < 0 { "-" } else { "" };
        let (int, frac) = (m.abs() / scale, m.abs() % scale);
        let width = v.scale() as usize;
        write!(f, "{sign}{int},{frac:0width$}%")
    }
}

/// A rate as a percentage without trailing zeros: `0.22` → `22%`, `0.025` → `2.5%`.
pub fn percent(rate: Decimal) -> Percent {
    Percent { rate, comma: false }
}

/// A decimal number written the Vietnamese way (decimal comma): `4.5` → `4,5`.
pub fn decimal_vi(d: impl std::fmt::Display) -> String {
    d.to_string().replace('.', ",")
}

/// A rate as a Vietnamese percentage (decimal comma): `0.025` → `2,5%`.
pub fn percent_vi(rate: Decimal) -> Percent {
    Percent { rate, comma: true }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn percentages() {
        let d = |s: &str| s.parse::<Decimal>().unwrap();
        for (rate, en, vi) in [
            ("0.22", "22%", "22%"),
            ("0.025", "2.5%", "2,5%"),
            ("0.405", "40.5%", "40,5%"),
            ("0.75", "75%", "75%"),
            ("0.0005", "0.05%", "0,05%"),
            ("-0.015", "-1.5%", "-1,5%"),
        ] {
            assert_eq!(percent(d(rate)).to_string(), en);
            assert_eq!(percent_vi(d(rate)).to_string(), vi);
        }
    }

    #[test]
    fn grouping() {
        assert_eq!(group(0, ','), "0");
        assert_eq!(group(999, ','), "999");
        assert_eq!(group(1000, ','), "1,000");
        assert_eq!(group(46_800_000, '.'), "46.800.000");
        assert_eq!(group(-1_234_567, ','), "-1,234,567");
        assert_eq!(group(i64::MIN, '.'), "-9.223.372.036.854.775.808");
        assert_eq!(group(1_234_567, '\u{a0}'), "1\u{a0}234\u{a0}567");
        assert_eq!(vi(1_500_000).to_string(), "1.500.000 đồng");
        assert_eq!(en(-999_999).to_string(), "-999,999 VND");
        assert_eq!(vi(330_000).to_string(), "330.000 đồng");
        assert_eq!(en(330_000).to_string(), "330,000 VND");
    }

    #[test]
    fn half_away_from_zero() {
        assert_eq!(div_round_half_away(5, 2), 3);
        assert_eq!(div_round_half_away(-5, 2), -3);
        assert_eq!(div_round_half_away(7, 3), 2);
        assert_eq!(div_round_half_away(-7, 3), -2);
        assert_eq!(round_dong(Decimal::new(5, 1)), Some(1));
        assert_eq!(round_dong(Decimal::new(15, 1)), Some(2)); // banker's would give 2 too
        assert_eq!(round_dong(Decimal::new(25, 1)), Some(3)); // banker's would give 2
    }

    #[test]
    fn percents() {
        assert_eq!(percent(Decimal::new(22, 2)).to_string(), "22%");
        assert_eq!(percent(Decimal::new(25, 3)).to_string(), "2.5%");
        assert_eq!(percent_vi(Decimal::new(25, 3)).to_string(), "2,5%");
    }
}
