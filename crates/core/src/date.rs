//! A small proleptic-Gregorian calendar date, enough for the Wlz rules:
//! admission dates, the 60-day gap of Blz 3.3.2.2 lid 8, the 4-month start
//! period and the 31 January AOW cut-off. Kept dependency-free so the core
//! stays small in WebAssembly.

use crate::text::Lang;
use serde::{Deserialize, Deserializer, Serialize, Serializer};
use std::fmt;

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Date {
    year: i32,
    month: u8,
    day: u8,
}

impl Date {
    /// A date, or `None` when the day does not exist (31 April, 29 February 2025).
    pub fn new(year: i32, month: u8, day: u8) -> Option<Date> {
        if !(1..=9999).contains(&year) || !(1..=12).contains(&month) {
            return None;
        }
        if day == 0 || day > days_in_month(year, month) {
            return None;
        }
        Some(Date { year, month, day })
    }

    pub fn year(self) -> i32 {
        self.year
    }
    pub fn month(self) -> u8 {
        self.month
    }
    pub fn day(self) -> u8 {
        self.day
    }

    /// Days since 0000-03-01 (Howard Hinnant's civil algorithm), used only for differences.
    fn ordinal(self) -> i64 {
        let y = i64::from(self.year) - i64::from(self.month <= 2);
        let era = y.div_euclid(400);
        let yoe = y - era * 400;
        let m = i64::from(self.month);
        let mp = (m + 9) % 12;
        let doy = (153 * mp + 2) / 5 + i64::from(self.day) - 1;
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
        era * 146_097 + doe
    }

    fn from_ordinal(z: i64) -> Option<Date> {
        let era = z.div_euclid(146_097);
        let doe = z - era * 146_097;
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        let mp = (5 * doy + 2) / 153;
        let d = doy - (153 * mp + 2) / 5 + 1;
        let m = if mp < 10 { mp + 3 } else { mp - 9 };
        let y = yoe + era * 400 + i64::from(m <= 2);
        Date::new(i32::try_from(y).ok()?, m as u8, d as u8)
    }

    /// Number of days from `self` to `other` (positive when `other` is later).
    pub fn days_until(self, other: Date) -> i64 {
        other.ordinal() - self.ordinal()
    }

    pub fn add_days(self, days: i64) -> Option<Date> {
        Date::from_ordinal(self.ordinal().checked_add(days)?)
    }

    /// The same day `months` calendar months later, clamped to the month's last
    /// day (31 May + 4 months = 30 September).
    pub fn add_months(self, months: u32) -> Option<Date> {
        let total = i64::from(self.month) - 1 + i64::from(months);
        let year = i64::from(self.year) + total.div_euclid(12);
        let month = (total.rem_euclid(12) + 1) as u8;
        let year = i32::try_from(year).ok()?;
        if !(1..=9999).contains(&year) {
            return None;
        }
        let day = self.day.min(days_in_month(year, month));
        Date::new(year, month, day)
    }

    /// The date `years` later; 29 February becomes 28 February in a common year.
    pub fn add_years(self, years: u32) -> Option<Date> {
        self.add_months(years.checked_mul(12)?)
    }

    pub fn first_of_month(self) -> Date {
        Date { day: 1, ..self }
    }

    pub fn days_in_month(self) -> u8 {
        days_in_month(self.year, self.month)
    }

    /// Parses `YYYY-MM-DD`.
    pub fn parse(s: &str) -> Option<Date> {
        let s = s.trim();
        let b = s.as_bytes();
        if b.len() != 10 || !b.is_ascii() || b[4] != b'-' || b[7] != b'-' {
            return None;
        }
        let num = |r: std::ops::Range<usize>| -> Option<u32> {
            let part = &s[r];
            if part.bytes().all(|c| c.is_ascii_digit()) {
                part.parse().ok()
            } else {
                None
            }
        };
        Date::new(num(0..4)? as i32, num(5..7)? as u8, num(8..10)? as u8)
    }
}

pub fn is_leap(year: i32) -> bool {
    (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
}

pub fn days_in_month(year: i32, month: u8) -> u8 {
    match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if is_leap(year) => 29,
        2 => 28,
        _ => 0,
    }
}

impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        // By hand: dates are formatted often in explanations.
        let y = self.year.clamp(0, 9999) as u32;
        let digit = |n: u32| b'0' + (n % 10) as u8;
        let b = [
            digit(y / 1000),
            digit(y / 100),
            digit(y / 10),
            digit(y),
            b'-',
            digit(u32::from(self.month) / 10),
            digit(u32::from(self.month)),
            b'-',
            digit(u32::from(self.day) / 10),
            digit(u32::from(self.day)),
        ];
        f.write_str(std::str::from_utf8(&b).unwrap_or("0000-00-00"))
    }
}

impl Serialize for Date {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for Date {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let s = String::deserialize(d)?;
        Date::parse(&s).ok_or_else(|| {
            serde::de::Error::custom(format!(
                "`{s}` is not a valid date; use YYYY-MM-DD, e.g. 2026-03-01"
            ))
        })
    }
}

const MONTHS_NL: [&str; 12] = [
    "januari",
    "februari",
    "maart",
    "april",
    "mei",
    "juni",
    "juli",
    "augustus",
    "september",
    "oktober",
    "november",
    "december",
];
const MONTHS_EN: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

/// The name of month `m` (1–12) in `lang`, as every page, letter and report writes it.
pub fn month_name(m: u32, lang: Lang) -> &'static str {
    let i = (m.clamp(1, 12) - 1) as usize;
    match lang {
        Lang::Nl => MONTHS_NL[i],
        Lang::En => MONTHS_EN[i],
    }
}

impl Date {
    /// The date as people write it: "1 februari 2026", "1 February 2026".
    pub fn long(self, lang: Lang) -> String {
        format!(
            "{} {} {}",
            self.day(),
            month_name(u32::from(self.month()), lang),
            self.year()
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> Date {
        Date::parse(s).unwrap()
    }

    #[test]
    fn differences_across_months_and_leap_years() {
        assert_eq!(d("2025-03-31").days_until(d("2025-06-01")), 62);
        assert_eq!(d("2024-02-28").days_until(d("2024-03-01")), 2);
        assert_eq!(d("2025-02-28").days_until(d("2025-03-01")), 1);
        assert_eq!(d("2024-01-01").days_until(d("2025-01-01")), 366);
        assert_eq!(d("2025-08-31").add_days(50), Some(d("2025-10-20")));
    }

    #[test]
    fn month_addition_clamps_to_month_end() {
        assert_eq!(d("2025-05-31").add_months(4), Some(d("2025-09-30")));
        assert_eq!(d("2024-01-01").add_months(4), Some(d("2024-05-01")));
        assert_eq!(d("2025-11-15").add_months(3), Some(d("2026-02-15")));
        assert_eq!(d("1960-02-29").add_years(67), Some(d("2027-02-28")));
    }

    #[test]
    fn parsing_rejects_impossible_dates() {
        assert!(Date::parse("2025-02-29").is_none());
        assert!(Date::parse("2024-02-29").is_some());
        assert!(Date::parse("2025-13-01").is_none());
        assert!(Date::parse("2025-1-01").is_none());
        assert!(Date::parse("+025-01-01").is_none());
        assert!(Date::parse("").is_none());
    }
}
