//! The two legal regimes of voluntary social insurance and the date that separates them.
//!
//! Law 41/2024/QH15 (with Decrees 158 and 159/2025) replaced Law 58/2014/QH13 (with Decree
//! 134/2015) on 1 July 2025 (Law 41/2024 art. 141). A benefit follows the law in force at
//! its event — pension start, death, withdrawal, birth (art. 5.7; decision K-16).

use crate::month::LAW_2024_START;
use crate::YearMonth;

/// A legal regime.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Regime {
    /// Law 58/2014/QH13 and Decree 134/2015/NĐ-CP, until 30 June 2025.
    Law2014,
    /// Law 41/2024/QH15 and Decree 159/2025/NĐ-CP, from 1 July 2025.
    Law2024,
}

impl Regime {
    /// The regime of an event in `month` (decision K-16).
    pub fn at(month: YearMonth) -> Regime {
        if month >= LAW_2024_START {
            Regime::Law2024
        } else {
            Regime::Law2014
        }
    }

    /// Whether this is the 2024 law.
    pub fn is_2024(self) -> bool {
        self == Regime::Law2024
    }

    /// The law, as traces cite it.
    pub fn law(self) -> &'static str {
        match self {
            Regime::Law2014 => "Law 58/2014/QH13",
            Regime::Law2024 => "Law 41/2024/QH15",
        }
    }

    /// The one of two texts that belongs to this regime (static citations, no formatting).
    pub fn pick(self, law_2024: &'static str, law_2014: &'static str) -> &'static str {
        match self {
            Regime::Law2014 => law_2014,
            Regime::Law2024 => law_2024,
        }
    }

    /// `"{law} art. {article}"` with this regime's article of the two given.
    pub fn article(self, law_2024: &str, law_2014: &str) -> String {
        let art = match self {
            Regime::Law2014 => law_2014,
            Regime::Law2024 => law_2024,
        };
        format!("{} art. {art}", self.law())
    }
}
