//! The dates a letter sets running (letters.md §2.9): the bezwaar period (Awb 6:7, 6:8), the
//! payment term (Blz 3.3.1.3 lid 2), the aanpassing request (Blz 3.3.2.3 lid 3, 3.3.2.4 lid 3),
//! each extended past a weekend or public holiday where the Algemene termijnenwet applies.
//!
//! ```text
//! bezwaar     = next working day on or after  letter date + 6 weeks      Awb 6:7, 6:8; Atw 1
//! payment     = next working day on or after  letter date + 30 days      Blz 3.3.1.3 lid 2; Atw 1
//! aanpassing  = the later of 30 April of the next year and letter date + 4 months (not
//!               extended: the Atw does not apply to terms over 3 months, Atw 4 a; L-13)
//! ```

use crate::date::Date;
use serde::Serialize;

/// The deadlines of one letter.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Deadlines {
    /// Last day to file a bezwaar.
    pub bezwaar: Date,
    /// Last day to ask for an aanpassing (peiljaarverlegging) of the contribution year.
    pub aanpassing: Date,
    /// Last day to pay.
    pub payment: Date,
}

/// The deadlines of a letter dated `letter_date` about contribution year `year`.
pub fn of(letter_date: Date, year: i32) -> Option<Deadlines> {
    let bezwaar = next_working_day(letter_date.add_days(42)?)?;
    let payment = next_working_day(letter_date.add_days(30)?)?;
    let after_year = Date::new(year + 1, 4, 30)?;
    let after_letter = letter_date.add_months(4)?;
    Some(Deadlines {
        bezwaar,
        aanpassing: after_year.max(after_letter),
        payment,
    })
}

/// Algemene termijnenwet art. 1: a term that ends on a Saturday, Sunday or public holiday
/// runs to the next day that is none of these.
pub fn next_working_day(mut d: Date) -> Option<Date> {
    while !is_working_day(d) {
        d = d.add_days(1)?;
    }
    Some(d)
}

/// Not a Saturday, Sunday or a public holiday of Atw art. 3.
pub fn is_working_day(d: Date) -> bool {
    weekday(d) < 5 && !is_public_holiday(d)
}

/// 0 = Monday … 6 = Sunday (1 January 2024 was a Monday).
pub fn weekday(d: Date) -> u8 {
    let monday = Date::new(2024, 1, 1).unwrap_or(d);
    monday.days_until(d).rem_euclid(7) as u8
}

/// Algemene termijnenwet art. 3 lid 1: Nieuwjaarsdag, Goede Vrijdag, tweede Paasdag,
/// Hemelvaartsdag, tweede Pinksterdag, both Christmas days, the day the King's birthday is
/// celebrated (27 April, or 26 April when the 27th is a Sunday; the date is not in the Atw
/// itself) and 5 May.
pub fn is_public_holiday(d: Date) -> bool {
    let (y, m, day) = (d.year(), d.month(), d.day());
    let fixed = matches!((m, day), (1, 1) | (12, 25) | (12, 26) | (5, 5));
    let koningsdag = Date::new(y, 4, 27).map(|k| {
        if weekday(k) == 6 {
            Date::new(y, 4, 26).unwrap_or(k)
        } else {
            k
        }
    });
    let easter = easter_sunday(y);
    let moveable = [-2, 1, 39, 50]
        .iter()
        .filter_map(|off| easter.and_then(|e| e.add_days(*off)))
        .any(|h| h == d);
    fixed || koningsdag == Some(d) || moveable
}

/// Easter Sunday of `y` (the Gregorian computus of Meeus/Jones/Butcher).
pub fn easter_sunday(y: i32) -> Option<Date> {
    let a = y % 19;
    let (b, c) = (y / 100, y % 100);
    let (d, e) = (b / 4, b % 4);
    let f = (b + 8) / 25;
    let g = (b - f + 1) / 3;
    let h = (19 * a + b - d - g + 15) % 30;
    let (i, k) = (c / 4, c % 4);
    let l = (32 + 2 * e + 2 * i - h - k) % 7;
    let m = (a + 11 * h + 22 * l) / 451;
    let month = (h + l - 7 * m + 114) / 31;
    let day = (h + l - 7 * m + 114) % 31 + 1;
    Date::new(y, u8::try_from(month).ok()?, u8::try_from(day).ok()?)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> Date {
        Date::parse(s).unwrap()
    }

    #[test]
    fn easter_of_known_years() {
        // Published dates: 2024-03-31, 2025-04-20, 2026-04-05, 2027-03-28.
        assert_eq!(easter_sunday(2024), Some(d("2024-03-31")));
        assert_eq!(easter_sunday(2025), Some(d("2025-04-20")));
        assert_eq!(easter_sunday(2026), Some(d("2026-04-05")));
        assert_eq!(easter_sunday(2027), Some(d("2027-03-28")));
    }

    #[test]
    fn worked_examples_e1_and_e3() {
        // letters.md §5.1: dated 15 January 2026 → bezwaar 26 February 2026 (Thursday),
        // aanpassing 30 April 2027.
        let e1 = of(d("2026-01-15"), 2026).unwrap();
        assert_eq!(e1.bezwaar, d("2026-02-26"));
        assert_eq!(e1.aanpassing, d("2027-04-30"));
        // §5.3: dated 2 March 2026 → bezwaar 13 April 2026 (a Monday).
        assert_eq!(of(d("2026-03-02"), 2026).unwrap().bezwaar, d("2026-04-13"));
    }

    #[test]
    fn a_term_ending_on_a_weekend_or_holiday_runs_on() {
        // Hand-computed: 14 November 2026 + 42 days = Saturday 26 December 2026 (tweede
        // Kerstdag) → Sunday 27 → Monday 28 December 2026.
        assert_eq!(of(d("2026-11-14"), 2026).unwrap().bezwaar, d("2026-12-28"));
        // 22 February 2026 + 42 days = Sunday 5 April 2026 (Easter) → Monday 6 April is tweede
        // Paasdag → Tuesday 7 April 2026.
        assert_eq!(of(d("2026-02-22"), 2026).unwrap().bezwaar, d("2026-04-07"));
        // 16 April 2026 + 30 days = Saturday 16 May → Monday 18 May 2026 (payment).
        assert_eq!(of(d("2026-04-16"), 2026).unwrap().payment, d("2026-05-18"));
        // Koningsdag 2027: 27 April is a Tuesday; 2025: 27 April was a Sunday → 26 April.
        assert!(is_public_holiday(d("2027-04-27")));
        assert!(is_public_holiday(d("2025-04-26")) && !is_public_holiday(d("2025-04-27")));
        // Hemelvaart 2026: 14 May; tweede Pinksterdag: 25 May.
        assert!(is_public_holiday(d("2026-05-14")) && is_public_holiday(d("2026-05-25")));
        assert!(is_public_holiday(d("2026-04-03")), "Goede Vrijdag");
    }

    #[test]
    fn a_late_letter_moves_the_aanpassing_deadline() {
        // A letter of 20 September 2027 about 2027: 20 January 2028 is earlier, so 30 April 2028
        // stays. A letter of 10 March 2028 about 2027: 10 July 2028.
        assert_eq!(
            of(d("2027-09-20"), 2027).unwrap().aanpassing,
            d("2028-04-30")
        );
        assert_eq!(
            of(d("2028-03-10"), 2027).unwrap().aanpassing,
            d("2028-07-10")
        );
    }
}
