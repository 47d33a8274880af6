//! What the page shows for a form: the engine's estimate, or the problems
//! with the form, each tied to its field. Pure, so it is tested on the host
//! and timed per keystroke (`scripts/measure-web.mjs`).

use crate::form::{Field, FieldError, FormData};
use wlz_core::{estimate, Estimate, Input};

#[derive(Clone, Debug, PartialEq)]
pub struct Outcome {
    pub input: Option<Input>,
    pub errors: Vec<FieldError>,
}

#[derive(Clone, Debug)]
pub struct Computed {
    pub outcome: Outcome,
    pub estimate: Option<Estimate>,
}

/// The form field an engine error is about: the first input of the core's vocabulary at its
/// JSON path that the page asks.
pub fn field_of(path: &str) -> Option<Field> {
    wlz_core::vocabulary::Key::for_field(path)
        .into_iter()
        .find_map(Field::of_input)
}

pub fn compute(form: &FormData) -> Computed {
    match form.to_input() {
        Err(errors) => Computed {
            outcome: Outcome {
                input: None,
                errors,
            },
            estimate: None,
        },
        Ok(input) => match estimate(&input) {
            Ok(e) => Computed {
                outcome: Outcome {
                    input: Some(input),
                    errors: Vec::new(),
                },
                estimate: Some(e),
            },
            Err(err) => Computed {
                outcome: Outcome {
                    input: None,
                    errors: vec![FieldError {
                        field: err.field.as_deref().and_then(field_of),
                        message: err.message,
                    }],
                },
                estimate: None,
            },
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn engine_paths_map_to_form_fields() {
        assert_eq!(field_of("client.income"), Some(Field::Income));
        assert_eq!(field_of("partner.tax"), Some(Field::PartnerTax));
        assert_eq!(
            field_of("partner.work_income"),
            Some(Field::PartnerWorkIncome)
        );
        assert_eq!(
            field_of("client.stay.months_completed"),
            Some(Field::MonthsInCare)
        );
        assert_eq!(field_of("year"), Some(Field::Year));
        assert_eq!(field_of("client.readings"), None);
    }

    #[test]
    fn a_complete_form_gives_the_spec_amount() {
        // Spec §6.1 case E (2024): couple, one in an instelling for 5 months, partner at home.
        let (form, _) = FormData::from_query(
            "year=2024&care=instelling&age=70&income=24000&assets=40000\
             &partner-care=none&partner-age=68&partner-income=23000&partner-assets=40000",
            FormData::default(),
        );
        let c = compute(&form);
        // months-in-care empty means "4 months or more", like the CLI.
        let e = c.estimate.expect("an estimate");
        assert_eq!(e.monthly.to_string(), "397.17");
        let split = e.split.expect("a split");
        assert_eq!(
            (split.client.to_string(), split.partner.to_string()),
            ("202.81".into(), "194.36".into())
        );
    }

    /// Spec §6.1 case P (fixtures P-2024-*): spouse 1 admitted 1 January 2024, spouse 2 on
    /// 1 March; lage bijdrage until 30 June (€ 383,33), hoge from 1 July (€ 1.917,83).
    #[test]
    fn dated_stays_from_a_link_give_case_p() {
        let p = "year=2024&care=instelling&stay-start=2024-01-01&age=75&income=28000&tax=4000\
                 &partner-age=72&partner-care=instelling&partner-stay-start=2024-03-01\
                 &partner-income=18000&partner-tax=1500";
        for (date, regime, monthly) in [
            ("2024-06-30", wlz_core::Regime::Lage, "383.33"),
            ("2024-07-01", wlz_core::Regime::Hoge, "1917.83"),
        ] {
            let (form, unknown) =
                FormData::from_query(&format!("{p}&date={date}"), FormData::default());
            assert!(unknown.is_empty(), "{unknown:?}");
            let e = compute(&form).estimate.expect("an estimate");
            assert_eq!(
                (e.regime, e.monthly.to_string()),
                (regime, monthly.to_string()),
                "{date}"
            );
        }
        // P-2024-02-15: the partner still at home without care.
        let (form, _) = FormData::from_query(
            "year=2024&care=instelling&stay-start=2024-01-01&date=2024-02-15&age=75&income=28000\
             &tax=4000&partner-age=72&partner-care=none&partner-income=18000&partner-tax=1500",
            FormData::default(),
        );
        assert_eq!(
            compute(&form)
                .estimate
                .expect("an estimate")
                .monthly
                .to_string(),
            "383.33"
        );
    }

    /// Spec §6.1 cases Q and R (fixtures Q and R): an earlier stay with the hoge bijdrage ended
    /// less than 4 months before, so no start period (lid 7 b): € 1.315,07 hoge, and for 12
    /// days € 518,82; a gap of 61 days after a stay at the lage bijdrage restarts the count
    /// (lid 8): € 225,00 lage.
    #[test]
    fn an_earlier_stay_from_a_link_gives_cases_q_and_r() {
        let q = "year=2025&date=2025-10-20&care=instelling&age=80&income=32000&tax=5000\
                 &stay-start=2025-10-20&previous-stay-start=2025-01-01&previous-stay-end=2025-08-31&days=12";
        let e = compute(&FormData::from_query(q, FormData::default()).0)
            .estimate
            .expect("an estimate");
        assert_eq!(e.regime, wlz_core::Regime::Hoge);
        assert_eq!(e.monthly.to_string(), "1315.07");
        assert_eq!(e.due.map(|d| d.to_string()), Some("518.82".into()));
        let r = "year=2025&date=2025-08-31&care=instelling&age=80&income=27000&tax=3500\
                 &stay-start=2025-06-01&previous-stay-start=2025-02-01&previous-stay-end=2025-03-31";
        let e = compute(&FormData::from_query(r, FormData::default()).0)
            .estimate
            .expect("an estimate");
        assert_eq!(
            (e.regime, e.monthly.to_string()),
            (wlz_core::Regime::Lage, "225.00".into())
        );
        // One day of the earlier stay alone: the other is asked for.
        let (half, _) = FormData::from_query(
            "year=2025&care=instelling&age=80&income=1&stay-start=2025-06-01&previous-stay-start=2025-02-01",
            FormData::default(),
        );
        let errors = half.to_input().expect_err("the last day is missing");
        assert_eq!(errors[0].field, Some(Field::PreviousStayEnd));
    }

    #[test]
    fn a_start_date_wins_over_the_months_and_says_so() {
        let (form, _) = FormData::from_query(
            "year=2024&care=instelling&months-in-care=1&stay-start=2024-01-01&date=2024-07-01\
             &age=75&income=28000&tax=4000",
            FormData::default(),
        );
        let input = form.to_input().expect("valid");
        let stay = input.client.stay.expect("a stay");
        assert_eq!(stay.months_completed, None);
        assert_eq!(stay.start.map(|d| d.to_string()), Some("2024-01-01".into()));
        let unused: Vec<Field> = form.not_used().into_iter().map(|(f, _)| f).collect();
        assert_eq!(unused, vec![Field::MonthsInCare]);
        let (bad, _) = FormData::from_query(
            "year=2024&care=instelling&stay-start=1-1-2024&age=75&income=28000",
            FormData::default(),
        );
        let errors = bad.to_input().expect_err("not a date");
        assert_eq!(errors[0].field, Some(Field::StayStart));
        assert!(errors[0].message.nl.contains("2026-03-10"));
    }

    #[test]
    fn engine_errors_land_on_a_field() {
        let (form, _) =
            FormData::from_query("care=vpt&age=70&income=200000000", FormData::default());
        let c = compute(&form);
        assert!(c.estimate.is_none());
        assert_eq!(c.outcome.errors[0].field, Some(Field::Income));
    }
}
