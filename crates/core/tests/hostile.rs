//! Regressions from the adversarial round (issue 11), at the layer of the core:
//! the age rule for every date, exactly one JSON value, exact amounts, and a
//! bounded, near-linear list of earlier stays.

use std::time::{Duration, Instant};
use wlz_core::input::MAX_PREVIOUS_PERIODS;
use wlz_core::scenarios;
use wlz_core::{estimate_json, Date, ErrorCode, Input, Lang, Regime};

/// Blz 3.3.1.1: nobody under 18 pays. Someone born in the contribution year is under 18 on
/// every day of it, before the birth too (the old rule read "no age" as "not under 18").
#[test]
fn a_client_born_in_the_contribution_year_pays_nothing() {
    for care in ["vpt", "instelling"] {
        let r = estimate_json(&format!(
            r#"{{"version":1,"year":2026,"client":{{"birth_date":"2026-03-15","care":"{care}","income":0}}}}"#
        ))
        .unwrap();
        assert_eq!(
            (r.regime, r.monthly.to_string().as_str()),
            (Regime::Geen, "0.00"),
            "{care}"
        );
    }
    // Born in 2008: 17 on 1 January 2026 (nothing due), 18 on 1 July 2026. Case M's figures
    // give € 337,68 (spec §6.1 M) on a date after the 18th birthday.
    let m = |date: &str| {
        estimate_json(&format!(
            r#"{{"version":1,"year":2026,"date":"{date}","client":{{"birth_date":"2008-06-01","care":"vpt","income":38000,"assets":100000}}}}"#
        ))
        .unwrap()
    };
    assert_eq!(m("2026-05-31").regime, Regime::Geen);
    assert_eq!(m("2026-06-01").monthly.to_string(), "337.68");
    assert_eq!(
        wlz_core::household::age_on(
            Date::new(2026, 3, 15).unwrap(),
            Date::new(2026, 1, 1).unwrap()
        ),
        -1
    );
    assert_eq!(
        wlz_core::household::age_on(
            Date::new(2008, 6, 1).unwrap(),
            Date::new(2026, 5, 31).unwrap()
        ),
        17
    );
}

const M: &str =
    r#"{"version":1,"year":2026,"client":{"age":70,"care":"vpt","income":38000,"assets":100000}}"#;

/// The input is exactly one JSON value: a second object or stray brackets are refused.
#[test]
fn text_after_the_json_object_is_refused() {
    assert_eq!(estimate_json(M).unwrap().monthly.to_string(), "337.68");
    assert_eq!(
        estimate_json(&format!(" {M}\n\r\n\t"))
            .unwrap()
            .monthly
            .to_string(),
        "337.68"
    );
    for bad in [
        format!("{M}\n{M}"),
        format!("{M}}}}}]]garbage"),
        format!("{M} 1"),
        format!("{M},"),
    ] {
        let e = estimate_json(&bad).expect_err("trailing content");
        assert_eq!(e.code, ErrorCode::InvalidJson, "{bad}");
        assert!(
            e.message.en.contains("more text after the JSON object"),
            "{}",
            e.message.en
        );
        assert!(e.message.nl.contains("precies één object"));
    }
}

/// "At most two decimals" holds on the number's own text, not on a float that hides digits.
#[test]
fn json_amounts_are_read_exactly() {
    let with_income = |income: &str| {
        estimate_json(&format!(
            r#"{{"version":1,"year":2026,"client":{{"age":70,"care":"vpt","income":{income},"assets":100000}}}}"#
        ))
    };
    for bad in [
        "38000.0000000000001",
        "99999999.9999999999",
        "38000.001",
        "1e-7",
        "0.000000000000000000000000000001",
    ] {
        let e = with_income(bad).expect_err(bad);
        assert_eq!(e.code, ErrorCode::InvalidAmount, "{bad}: {}", e.message.en);
        assert_eq!(e.field.as_deref(), Some("client.income"));
    }
    for big in ["1e400", "100000000.01", "123456789012345678901234567890123"] {
        assert_eq!(
            with_income(big).expect_err(big).code,
            ErrorCode::AmountOutOfRange,
            "{big}"
        );
    }
    // Case M (€ 337,68) whatever the notation of 38000 and of the assets.
    for ok in [
        "38000",
        "38000.00",
        "38000.0",
        "3.8e4",
        "3.8E+4",
        "380000e-1",
        "38000.000000",
    ] {
        let r = with_income(ok).unwrap_or_else(|e| panic!("{ok}: {}", e.message.en));
        assert_eq!(r.monthly.to_string(), "337.68", "{ok}");
    }
    assert!(with_income("0.0000").is_ok());
}

fn periods(n: usize) -> String {
    // Stays of 10 days, 70 days apart (each gap > 60 days: no chain), ending before 2026.
    let mut d = Date::new(2025, 12, 1)
        .unwrap()
        .add_days(-(80 * n as i64))
        .unwrap();
    let mut out = Vec::with_capacity(n);
    for _ in 0..n {
        let end = d.add_days(9).unwrap();
        out.push(format!(r#"{{"start":"{d}","end":"{end}"}}"#));
        d = end.add_days(71).unwrap();
    }
    out.join(",")
}

fn with_periods(n: usize) -> Input {
    Input::from_json(&format!(
        r#"{{"version":1,"year":2026,"date":"2026-03-01","client":{{"age":80,"care":"instelling","income":30000,"tax":6000,"stay":{{"start":"2026-01-10","previous":[{}]}}}}}}"#,
        periods(n)
    ))
    .unwrap()
}

#[test]
fn the_list_of_earlier_stays_has_a_documented_cap() {
    let at_cap = wlz_core::estimate(&with_periods(MAX_PREVIOUS_PERIODS)).unwrap();
    assert_eq!(
        at_cap.regime,
        Regime::Lage,
        "still in the start period (10 January + 4 months)"
    );
    let e = wlz_core::estimate(&with_periods(MAX_PREVIOUS_PERIODS + 1)).unwrap_err();
    assert_eq!(e.code, ErrorCode::TooManyPeriods);
    assert_eq!(e.field.as_deref(), Some("client.stay.previous"));
    assert!(e.message.en.contains(&MAX_PREVIOUS_PERIODS.to_string()));
}

/// The work of an estimate, a 36-month timeline and a 400-point curve.
fn work(i: &Input) -> Duration {
    let t = Instant::now();
    wlz_core::estimate(i).unwrap();
    scenarios::timeline(i, Date::new(2026, 1, 10).unwrap(), 36).unwrap();
    scenarios::income_curve(i, 400).unwrap();
    t.elapsed()
}

/// Earlier stays cost near-linear time: at the cap the whole work stays within a generous
/// multiple of the work for one earlier stay. Measured (debug build, this machine): about
/// 25× for 500 stays, some 0.3 s. The old pass per period, which sorted all earlier stays
/// again for each, was quadratic: 907× here, and 1,000 stays made a 400-point curve take 4 s
/// in release.
#[test]
fn earlier_stays_at_the_cap_cost_near_linear_time() {
    let (one, cap) = (with_periods(1), with_periods(MAX_PREVIOUS_PERIODS));
    // A warm-up, then interleaved, best of five each: a busy machine slows both sides alike.
    work(&one);
    let (mut base, mut full) = (Duration::MAX, Duration::MAX);
    for _ in 0..5 {
        base = base.min(work(&one));
        full = full.min(work(&cap));
    }
    let ratio = full.as_secs_f64() / base.as_secs_f64();
    // 150× leaves six times the measured ratio and is six times below the quadratic 907×.
    assert!(
        ratio < 150.0,
        "{MAX_PREVIOUS_PERIODS} earlier stays: {full:?} against {base:?} for one ({ratio:.1}×)"
    );
}

/// An invalid JSON amount is explained in the chosen language only (it used to append the
/// English reason to the Dutch message), and says which kind of mistake it is.
#[test]
fn an_invalid_json_amount_is_explained_in_one_language() {
    for (amount, nl, en) in [
        ("\"veel\"", "Dit is geen bedrag.", "This is not an amount."),
        (
            "38000.001",
            "twee cijfers achter de komma",
            "at most two decimals",
        ),
    ] {
        let json = format!(
            r#"{{"version":1,"year":2026,"client":{{"age":70,"care":"vpt","income":{amount}}}}}"#
        );
        let e = Input::from_json(&json).expect_err("an invalid amount");
        assert_eq!(e.code, ErrorCode::InvalidAmount);
        let (m_nl, m_en) = (e.message(Lang::Nl), e.message(Lang::En));
        assert!(m_nl.contains(nl) && !m_nl.contains("amount"), "{m_nl}");
        assert!(m_en.contains(en) && !m_en.contains("bedrag"), "{m_en}");
    }
}

/// The age bound is one public constant (the page's form uses it too): an age of
/// `MAX_AGE` is taken, one year more is `invalid_age` naming the bound.
#[test]
fn the_age_bound_is_max_age() {
    let with_age = |age: u32| {
        estimate_json(&format!(
            r#"{{"version":1,"year":2026,"client":{{"age":{age},"care":"vpt","income":38000,"assets":100000}}}}"#
        ))
    };
    assert_eq!(wlz_core::MAX_AGE, 130);
    // Case M's figures (spec §6.1 M) at the oldest age accepted.
    assert_eq!(
        with_age(wlz_core::MAX_AGE).unwrap().monthly.to_string(),
        "337.68"
    );
    let e = with_age(wlz_core::MAX_AGE + 1).unwrap_err();
    assert_eq!(e.code, ErrorCode::InvalidAge);
    assert_eq!(e.field.as_deref(), Some("client.age"));
    assert_eq!(e.message.en, "Enter an age between 0 and 130.");
}
