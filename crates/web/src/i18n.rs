//! The page's own words in Dutch (B1, the default) and English. The engine's
//! labels, reasons and messages come bilingual from `wlz-core`; this module
//! holds what only the page says.

use wlz_core::{format_eur, Lang, Regime};

/// The text in the chosen language.
pub fn tr(lang: Lang, nl: &'static str, en: &'static str) -> &'static str {
    match lang {
        Lang::Nl => nl,
        Lang::En => en,
    }
}

/// `€ 1.234,56` / `€1,234.56`: the core's one rendering of money.
pub use wlz_core::format_eur as eur;

/// `€ 38.000` / `€38,000` for round amounts in running text (thresholds,
/// axis labels); cents are shown when there are any.
pub fn eur_short(v: rust_decimal::Decimal, lang: Lang) -> String {
    let s = format_eur(v, lang);
    s.strip_suffix(",00")
        .or_else(|| s.strip_suffix(".00"))
        .map(str::to_string)
        .unwrap_or(s)
}

/// The regime's name: the core's ([`Regime::label`]).
pub fn regime_name(r: Regime, lang: Lang) -> String {
    r.label().get(lang).to_string()
}

/// The other language, for the switch.
pub fn other(lang: Lang) -> Lang {
    match lang {
        Lang::Nl => Lang::En,
        Lang::En => Lang::Nl,
    }
}

pub fn code(lang: Lang) -> &'static str {
    match lang {
        Lang::Nl => "nl",
        Lang::En => "en",
    }
}

/// The name of month `m` (1–12): the core's, shared with every surface.
pub fn month_name(m: u32, lang: Lang) -> &'static str {
    wlz_core::date::month_name(m, lang)
}

/// `30 april 2027` / `30 April 2027`.
pub fn date_long(d: wlz_core::Date, lang: Lang) -> String {
    format!(
        "{} {} {}",
        d.day(),
        month_name(d.month().into(), lang),
        d.year()
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use rust_decimal::Decimal;

    #[test]
    fn short_amounts_drop_zero_cents_only() {
        assert_eq!(eur_short(Decimal::new(329_360, 2), Lang::Nl), "€ 3.293,60");
        assert_eq!(eur_short(Decimal::new(38_000, 0), Lang::Nl), "€ 38.000");
        assert_eq!(eur_short(Decimal::new(38_000, 0), Lang::En), "€38,000");
    }

    #[test]
    fn long_dates_in_both_languages() {
        let d = wlz_core::Date::new(2027, 4, 30).expect("a date");
        assert_eq!(date_long(d, Lang::Nl), "30 april 2027");
        assert_eq!(date_long(d, Lang::En), "30 April 2027");
    }
}
