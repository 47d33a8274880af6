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

    #[test]
    fn engine_errors_land_on_a_field() {
        let (form, _) =
            FormData::from_query("care=vpt&age=70&income=200000000", FormData::default());
        let c = compute(&form);
        assert!(c.estimate.is_none());
        assert_eq!(c.outcome.errors[0].field, Some(Field::Income));
    }
}
