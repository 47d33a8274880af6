//! Money: the one rounding rule, the parser for amounts people type, and
//! the Dutch and English renderings.
//!
//! **Rounding rule (spec §5.4, OPEN O-16).** Every computation is exact
//! decimal arithmetic. A monthly amount is rounded once, half-up to cents,
//! after clamp, korting and cap; a partial month is computed from that
//! rounded monthly amount and rounded half-up to cents again. Nothing else is
//! rounded. The law has no rounding rule; CAK decisions show cent amounts.

use crate::text::Lang;
use rust_decimal::{Decimal, RoundingStrategy};
use std::str::FromStr;

/// The largest amount (in euros, either sign) any input may carry: beyond it
/// a figure is certainly a typing error.
pub const MAX_AMOUNT: Decimal = Decimal::from_parts(100_000_000, 0, 0, false, 0);

/// Half-up to cents, always with exactly two decimals (`200.4` → `200.40`).
pub fn round_cents(amount: Decimal) -> Decimal {
    let mut r = amount.round_dp_with_strategy(2, RoundingStrategy::MidpointAwayFromZero);
    r.rescale(2);
    r
}

/// Why a typed amount was not accepted.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum AmountError {
    Empty,
    /// Not a number in any accepted format.
    Invalid,
    /// More than two decimals (cents).
    TooManyDecimals,
    /// Beyond ± € 100 million.
    OutOfRange,
}

impl AmountError {
    const ALL: [AmountError; 4] = [
        AmountError::Empty,
        AmountError::Invalid,
        AmountError::TooManyDecimals,
        AmountError::OutOfRange,
    ];

    /// A one-character key, to carry the kind through a serde error text (see `input.rs`).
    pub(crate) fn key(self) -> char {
        char::from(b'0' + self as u8)
    }

    pub(crate) fn from_key(c: char) -> Option<AmountError> {
        Self::ALL.into_iter().find(|e| e.key() == c)
    }

    pub fn message(self, lang: Lang) -> &'static str {
        match (self, lang) {
            (AmountError::Empty, Lang::Nl) => "Vul een bedrag in.",
            (AmountError::Empty, Lang::En) => "Enter an amount.",
            (AmountError::Invalid, Lang::Nl) => {
                "Dit is geen bedrag. Schrijf het zo: 38.000 of 38000,50."
            }
            (AmountError::Invalid, Lang::En) => {
                "This is not an amount. Write it like 38,000 or 38000.50."
            }
            (AmountError::TooManyDecimals, Lang::Nl) => {
                "Gebruik hoogstens twee cijfers achter de komma."
            }
            (AmountError::TooManyDecimals, Lang::En) => "Use at most two decimals (cents).",
            (AmountError::OutOfRange, Lang::Nl) => {
                "Dit bedrag is te groot. Het mag hoogstens € 100.000.000 zijn."
            }
            (AmountError::OutOfRange, Lang::En) => {
                "This amount is too large. It may be at most €100,000,000."
            }
        }
    }
}

/// Parses an amount as people type it, in Dutch or English notation.
///
/// Accepted: an optional `€`/`EUR`, spaces, a leading minus sign, and
/// * both separators: the last one is the decimal separator
///   (`1.234,56`, `1,234.56`);
/// * one kind of separator used several times: thousands (`1.234.567`);
/// * one separator followed by exactly three digits: thousands
///   (`€ 1.234` and `1,234` are both one thousand two hundred thirty-four,
///   because money never has three decimals);
/// * one separator followed by one or two digits: decimals (`0,5`, `12.50`).
///
/// Thousands groups must have three digits. At most two decimals.
pub fn parse_amount(input: &str) -> Result<Decimal, AmountError> {
    let (negative, s) = strip_sign_and_currency(input)?;
    let compact = compact_digits(s)?;
    let (int_part, frac_part, thousands_sep) = split_at_decimal_separator(&compact);
    if frac_part.contains(['.', ',']) {
        return Err(AmountError::Invalid);
    }
    let digits = ungrouped_digits(int_part, thousands_sep)?;
    checked_amount(negative, &digits, frac_part)
}

/// Strips the decoration around the figure: spaces, one minus sign (before or
/// after `€`/`EUR`) and a trailing `,-`/`.-` (Dutch for whole euros).
/// Returns whether the amount is negative and the rest.
fn strip_sign_and_currency(input: &str) -> Result<(bool, &str), AmountError> {
    let mut s = input.trim();
    if s.is_empty() {
        return Err(AmountError::Empty);
    }
    let mut negative = false;
    if let Some(rest) = s.strip_prefix(['-', '−']) {
        negative = true;
        s = rest.trim_start();
    }
    for prefix in ["€", "EUR", "eur"] {
        if let Some(rest) = s.strip_prefix(prefix) {
            s = rest.trim_start();
            break;
        }
    }
    if !negative {
        if let Some(rest) = s.strip_prefix(['-', '−']) {
            negative = true;
            s = rest.trim_start();
        }
    }
    // A trailing ",-" or ".-" is the Dutch way to write whole euros.
    let s = s
        .strip_suffix(",-")
        .or_else(|| s.strip_suffix(".-"))
        .unwrap_or(s);
    Ok((negative, s))
}

/// The figure without (non-breaking) spaces; only digits, `.` and `,` may remain.
fn compact_digits(s: &str) -> Result<String, AmountError> {
    let compact: String = s.chars().filter(|c| *c != ' ' && *c != '\u{a0}').collect();
    if compact.is_empty() {
        return Err(AmountError::Invalid);
    }
    if !compact
        .chars()
        .all(|c| c.is_ascii_digit() || c == '.' || c == ',')
    {
        return Err(AmountError::Invalid);
    }
    Ok(compact)
}

/// Decides which separator is the decimal one (see [`parse_amount`]):
/// returns the integer part, the decimals and the thousands separator, if any.
fn split_at_decimal_separator(compact: &str) -> (&str, &str, Option<char>) {
    let last_dot = compact.rfind('.');
    let last_comma = compact.rfind(',');
    match (last_dot, last_comma) {
        (None, None) => (compact, "", None),
        (Some(d), Some(c)) => {
            let (dec, sep) = if d > c { (d, ',') } else { (c, '.') };
            (&compact[..dec], &compact[dec + 1..], Some(sep))
        }
        (Some(_), None) | (None, Some(_)) => {
            let sep = if last_dot.is_some() { '.' } else { ',' };
            let count = compact.matches(sep).count();
            let pos = compact.rfind(sep).unwrap_or(0);
            let after = &compact[pos + 1..];
            if count > 1 || after.len() == 3 {
                (compact, "", Some(sep))
            } else {
                (&compact[..pos], after, None)
            }
        }
    }
}

/// The integer part without thousands separators; every group after the
/// first must have exactly three digits, the first one to three.
fn ungrouped_digits(int_part: &str, thousands_sep: Option<char>) -> Result<String, AmountError> {
    Ok(match thousands_sep {
        Some(sep) => {
            if int_part.contains(if sep == '.' { ',' } else { '.' }) {
                return Err(AmountError::Invalid);
            }
            let groups: Vec<&str> = int_part.split(sep).collect();
            let first_ok = !groups[0].is_empty() && groups[0].len() <= 3;
            if !first_ok || groups[1..].iter().any(|g| g.len() != 3) {
                return Err(AmountError::Invalid);
            }
            groups.concat()
        }
        None => int_part.to_string(),
    })
}

/// The amount from its digits and decimals: at most two decimals (cents) and
/// at most [`MAX_AMOUNT`] either way.
fn checked_amount(negative: bool, digits: &str, frac_part: &str) -> Result<Decimal, AmountError> {
    if digits.is_empty() && frac_part.is_empty() {
        return Err(AmountError::Invalid);
    }
    if frac_part.len() > 2 {
        return Err(AmountError::TooManyDecimals);
    }
    if !frac_part.is_empty() && !frac_part.bytes().all(|b| b.is_ascii_digit()) {
        return Err(AmountError::Invalid);
    }
    let digits = digits.trim_start_matches('0');
    if digits.len() > 12 {
        return Err(AmountError::OutOfRange);
    }
    let text = format!(
        "{}.{}",
        if digits.is_empty() { "0" } else { digits },
        if frac_part.is_empty() { "0" } else { frac_part }
    );
    let mut value = Decimal::from_str(&text).map_err(|_| AmountError::Invalid)?;
    if negative {
        value.set_sign_negative(true);
    }
    if value.abs() > MAX_AMOUNT {
        return Err(AmountError::OutOfRange);
    }
    Ok(value.normalize())
}

/// `€ 1.234,56` (Dutch) or `€1,234.56` (English); always two decimals.
pub fn format_eur(amount: Decimal, lang: Lang) -> String {
    let r = round_cents(amount);
    let negative = r.is_sign_negative() && !r.is_zero();
    let text = r.abs().to_string();
    let (int_part, frac) = text.split_once('.').unwrap_or((&text, "00"));
    let (group, decimal) = match lang {
        Lang::Nl => ('.', ','),
        Lang::En => (',', '.'),
    };
    let mut grouped = String::with_capacity(int_part.len() + int_part.len() / 3);
    for (i, ch) in int_part.chars().enumerate() {
        if i > 0 && (int_part.len() - i) % 3 == 0 {
            grouped.push(group);
        }
        grouped.push(ch);
    }
    let sign = if negative { "-" } else { "" };
    match lang {
        Lang::Nl => format!("{sign}€ {grouped}{decimal}{frac}"),
        Lang::En => format!("{sign}€{grouped}{decimal}{frac}"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use rust_decimal_macros_free::dec;

    mod rust_decimal_macros_free {
        macro_rules! dec {
            ($s:literal) => {
                <rust_decimal::Decimal as std::str::FromStr>::from_str($s).unwrap()
            };
        }
        pub(crate) use dec;
    }

    #[test]
    fn rounds_half_up_once_to_two_decimals() {
        assert_eq!(round_cents(dec!("337.682666")).to_string(), "337.68");
        assert_eq!(round_cents(dec!("125.965")).to_string(), "125.97");
        assert_eq!(round_cents(dec!("125.964999")).to_string(), "125.96");
        assert_eq!(round_cents(dec!("200.4")).to_string(), "200.40");
        assert_eq!(round_cents(dec!("0")).to_string(), "0.00");
    }

    #[test]
    fn parses_dutch_and_english_notation() {
        let ok = |s: &str| parse_amount(s).unwrap().to_string();
        assert_eq!(ok("1.234,56"), "1234.56");
        assert_eq!(ok("1,234.56"), "1234.56");
        assert_eq!(ok("1234.56"), "1234.56");
        assert_eq!(ok("1234,56"), "1234.56");
        assert_eq!(ok("€ 1.234"), "1234");
        assert_eq!(ok("€1,234"), "1234");
        assert_eq!(ok("38000"), "38000");
        assert_eq!(ok("38 000"), "38000");
        assert_eq!(ok("1.234.567,8"), "1234567.8");
        assert_eq!(ok("0,5"), "0.5");
        assert_eq!(ok(",50"), "0.5");
        assert_eq!(ok("€ 250,-"), "250");
        assert_eq!(ok("-1.500"), "-1500");
        assert_eq!(ok("€ -12,5"), "-12.5");
        assert_eq!(ok("EUR 100"), "100");
        assert_eq!(ok("100000000"), "100000000");
    }

    #[test]
    fn rejects_nonsense_with_a_reason() {
        assert_eq!(parse_amount(""), Err(AmountError::Empty));
        assert_eq!(parse_amount("   "), Err(AmountError::Empty));
        assert_eq!(parse_amount("abc"), Err(AmountError::Invalid));
        assert_eq!(parse_amount("12a"), Err(AmountError::Invalid));
        assert_eq!(parse_amount("1.23.4"), Err(AmountError::Invalid));
        assert_eq!(parse_amount("1,2345"), Err(AmountError::TooManyDecimals));
        assert_eq!(parse_amount("1.234,567"), Err(AmountError::TooManyDecimals));
        assert_eq!(parse_amount("1,234,56.7"), Err(AmountError::Invalid));
        assert_eq!(parse_amount("€"), Err(AmountError::Invalid));
        assert_eq!(parse_amount("--5"), Err(AmountError::Invalid));
        assert_eq!(parse_amount("100000000,01"), Err(AmountError::OutOfRange));
        assert_eq!(
            parse_amount("99999999999999999999999999999999"),
            Err(AmountError::OutOfRange)
        );
    }

    #[test]
    fn renders_in_both_languages() {
        assert_eq!(format_eur(dec!("1234.56"), Lang::Nl), "€ 1.234,56");
        assert_eq!(format_eur(dec!("1234.56"), Lang::En), "€1,234.56");
        assert_eq!(format_eur(dec!("337.682"), Lang::Nl), "€ 337,68");
        assert_eq!(format_eur(dec!("3061.8"), Lang::Nl), "€ 3.061,80");
        assert_eq!(format_eur(dec!("1234567"), Lang::En), "€1,234,567.00");
        assert_eq!(format_eur(dec!("0"), Lang::Nl), "€ 0,00");
        assert_eq!(format_eur(dec!("-5"), Lang::Nl), "-€ 5,00");
    }
}
