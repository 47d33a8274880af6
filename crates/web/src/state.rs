//! The page's one state and its reducer (as in Yew's `function_todomvc`):
//! every change the user makes is an [`Action`]; [`State::apply`] is a pure
//! function, tested on the host.

use crate::form::{Field, FieldError, FieldSet, FormData};
#[cfg(feature = "extras")]
use crate::letter_form::{LField, LetterForm};
#[cfg(feature = "extras")]
use crate::plan_form::{GiftRow, PlanField, PlanForm};
use std::rc::Rc;
#[cfg(feature = "extras")]
use wlz_core::letters::templates::Template;
use wlz_core::Lang;
use yew::Reducible;

/// The share-link dialog.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Share {
    #[default]
    Closed,
    /// The warning: a link with amounts shows them to whoever gets it.
    Asking,
    /// The link is shown (and copied); `with_amounts` says what it holds.
    Shown { with_amounts: bool },
}

/// Which view the page shows (the calculator alone, without the feature `extras`, shows only
/// [`View::Calculator`]: its buttons load the full app instead).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum View {
    #[default]
    Calculator,
    /// "De komende jaren": the planner over the coming contribution years.
    Planner,
    /// "Klopt mijn brief?": check a CAK letter and write one back.
    Letter,
}

/// The letter check's questions, the letter shown, and when to compute.
#[cfg(feature = "extras")]
#[derive(Clone, Debug, Default, PartialEq)]
pub struct LetterState {
    pub form: LetterForm,
    /// The letter to the CAK shown below the report.
    pub template: Option<Template>,
    /// Counts the times the check was asked for ("Controleer").
    pub runs: u32,
    /// The last run was the user's (the page then moves focus to the answer).
    pub ran: bool,
}

/// A change in the letter view.
#[cfg(feature = "extras")]
#[derive(Clone, Debug, PartialEq)]
pub enum LetterAction {
    Set(LField, String),
    Run,
    Show(Option<Template>),
}

/// The planner's questions: scenario A, and B once the user copied A to change one thing.
#[cfg(feature = "extras")]
#[derive(Clone, Debug, Default, PartialEq)]
pub struct PlanState {
    pub a: PlanForm,
    pub b: Option<PlanForm>,
    /// The form shows scenario B.
    pub editing_b: bool,
    /// Counts the times the plan was asked for: the page computes it again on each.
    pub runs: u32,
    /// The last run was the user's "Bereken" (the page then moves focus to the answer).
    pub ran: bool,
}

#[cfg(feature = "extras")]
impl PlanState {
    /// The scenario the form shows.
    pub fn current(&self) -> &PlanForm {
        match (&self.b, self.editing_b) {
            (Some(b), true) => b,
            _ => &self.a,
        }
    }

    fn current_mut(&mut self) -> &mut PlanForm {
        match (&mut self.b, self.editing_b) {
            (Some(b), true) => b,
            _ => &mut self.a,
        }
    }
}

/// A change to the planner's questions.
#[cfg(feature = "extras")]
#[derive(Clone, Debug, PartialEq)]
pub enum PlanAction {
    Set(PlanField, String),
    AddGift,
    RemoveGift(usize),
    /// "Bereken": compute the plan (again).
    Run,
    /// Copy scenario A to B and edit B.
    CopyToB,
    /// Edit scenario B (`true`) or A.
    Edit(bool),
    DropB,
}

#[derive(Clone, Debug, PartialEq)]
pub struct State {
    pub lang: Lang,
    pub form: FormData,
    /// Fields the user has left (their errors are shown from then on).
    pub touched: FieldSet,
    /// The user pressed "Bereken": show every error and the error summary.
    pub submitted: bool,
    /// Counts submissions, so the page can move focus on each one.
    pub submissions: u32,
    /// First month (1–12) of the stay in the timeline.
    pub timeline_start: u32,
    pub share: Share,
    /// The user just pressed "forget my data".
    pub forgotten: bool,
    /// `?embed=1`: no header and footer, compact layout (the widget).
    pub embed: bool,
    /// The user changed an answer on this page: only then is the form
    /// remembered. Opening a shared link with amounts on a shared computer
    /// must not leave those amounts behind.
    pub dirty: bool,
    pub view: View,
    #[cfg(feature = "extras")]
    pub plan: PlanState,
    #[cfg(feature = "extras")]
    pub letter: LetterState,
}

impl Default for State {
    fn default() -> Self {
        State {
            lang: Lang::Nl,
            form: FormData::default(),
            touched: FieldSet::default(),
            submitted: false,
            submissions: 0,
            timeline_start: 1,
            share: Share::Closed,
            forgotten: false,
            embed: false,
            dirty: false,
            view: View::Calculator,
            #[cfg(feature = "extras")]
            plan: PlanState::default(),
            #[cfg(feature = "extras")]
            letter: LetterState::default(),
        }
    }
}

#[derive(Clone, Debug, PartialEq)]
pub enum Action {
    SetLang(Lang),
    Set(Field, String),
    Touch(Field),
    Submit,
    /// Clears the form (and, in the browser, localStorage).
    Forget,
    /// A form from the query string (computed at once) or from localStorage.
    Load {
        form: Box<FormData>,
        lang: Option<Lang>,
        from_link: bool,
        embed: bool,
    },
    TimelineStart(u32),
    Share(Share),
    /// Show the calculator or the planner.
    Show(View),
    #[cfg(feature = "extras")]
    Plan(PlanAction),
    #[cfg(feature = "extras")]
    Letter(LetterAction),
}

impl State {
    pub fn apply(&mut self, action: Action) {
        match action {
            Action::SetLang(l) => self.lang = l,
            Action::Set(f, v) => {
                self.form.set(f, &v);
                self.forgotten = false;
                self.dirty = true;
                if f.is_flag() || matches!(f, Field::Year | Field::Care | Field::PartnerCare) {
                    self.touched.insert(f);
                }
                // Amounts in an open link would go stale: close the dialog.
                self.share = Share::Closed;
            }
            Action::Touch(f) => {
                self.touched.insert(f);
            }
            Action::Submit => {
                self.submitted = true;
                self.submissions += 1;
            }
            Action::Forget => {
                let (year, year_asked) = (self.form.year, self.form.year_asked);
                *self = State {
                    lang: self.lang,
                    embed: self.embed,
                    forgotten: true,
                    ..State::default()
                };
                self.form.year = year;
                self.form.year_asked = year_asked;
            }
            Action::Load {
                form,
                lang,
                from_link,
                embed,
            } => {
                self.form = *form;
                if let Some(l) = lang {
                    self.lang = l;
                }
                self.embed = embed;
                self.dirty = false;
                // A link means "show me the answer": errors show at once too.
                self.submitted = from_link;
            }
            Action::TimelineStart(m) => self.timeline_start = m.clamp(1, 12),
            Action::Share(s) => self.share = s,
            Action::Show(v) => {
                self.view = v;
                #[cfg(feature = "extras")]
                self.opened(v);
            }
            #[cfg(feature = "extras")]
            Action::Plan(a) => self.plan.apply(a),
            #[cfg(feature = "extras")]
            Action::Letter(a) => self.letter.apply(a),
        }
    }

    /// A view opened: the planner takes the calculator's household; a view computed before
    /// computes again (the household may have changed in the calculator).
    #[cfg(feature = "extras")]
    fn opened(&mut self, v: View) {
        if v == View::Planner {
            self.plan.a.take_from(&self.form);
            if let Some(b) = &mut self.plan.b {
                b.take_from(&self.form);
            }
            // The household may have changed in the calculator: compute again.
            if self.plan.runs > 0 {
                self.plan.runs += 1;
                self.plan.ran = false;
            }
        }
        if v == View::Letter && self.letter.runs > 0 {
            self.letter.runs += 1;
            self.letter.ran = false;
        }
    }

    /// The errors to show now: all after "Bereken", else those of fields the user has left.
    pub fn visible<'a>(&self, errors: &'a [FieldError]) -> Vec<&'a FieldError> {
        errors
            .iter()
            .filter(|e| self.submitted || e.field.is_some_and(|f| self.touched.contains(&f)))
            .filter(|e| e.field.is_none_or(|f| self.form.asks(f)))
            .collect()
    }
}

#[cfg(feature = "extras")]
impl PlanState {
    fn apply(&mut self, action: PlanAction) {
        match action {
            PlanAction::Set(f, v) => self.current_mut().set(f, v),
            PlanAction::AddGift => self.current_mut().gifts.push(GiftRow::default()),
            PlanAction::RemoveGift(i) => {
                let gifts = &mut self.current_mut().gifts;
                if i < gifts.len() {
                    gifts.remove(i);
                }
            }
            PlanAction::Run => {
                self.runs += 1;
                self.ran = true;
                return;
            }
            PlanAction::CopyToB => {
                self.b = Some(self.a.clone());
                self.editing_b = true;
                self.runs += 1;
            }
            PlanAction::Edit(b) => self.editing_b = b && self.b.is_some(),
            PlanAction::DropB => {
                self.b = None;
                self.editing_b = false;
                self.runs += 1;
            }
        }
        self.ran = false;
    }
}

#[cfg(feature = "extras")]
impl LetterState {
    fn apply(&mut self, action: LetterAction) {
        match action {
            LetterAction::Set(f, v) => self.form.set(f, v),
            LetterAction::Run => {
                self.runs += 1;
                self.ran = true;
            }
            LetterAction::Show(t) => {
                self.template = t;
                self.ran = false;
            }
        }
    }
}

impl Reducible for State {
    type Action = Action;
    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        let mut next = (*self).clone();
        next.apply(action);
        Rc::new(next)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn state() -> State {
        State::default()
    }

    #[test]
    fn typing_updates_the_form_and_closes_a_stale_share_dialog() {
        let mut s = state();
        s.apply(Action::Share(Share::Shown { with_amounts: true }));
        s.apply(Action::Set(Field::Income, "38.000".into()));
        assert_eq!(s.form.income, "38.000");
        assert_eq!(s.share, Share::Closed);
    }

    #[test]
    fn errors_show_after_leaving_a_field_or_submitting() {
        let mut s = state();
        let errors = s.form.to_input().expect_err("empty form");
        assert!(s.visible(&errors).is_empty());
        s.apply(Action::Touch(Field::Age));
        let shown: Vec<_> = s.visible(&errors).iter().map(|e| e.field).collect();
        assert_eq!(shown, vec![Some(Field::Age)]);
        s.apply(Action::Submit);
        assert_eq!(s.visible(&errors).len(), 3);
        assert_eq!(s.submissions, 1);
    }

    #[test]
    fn forgetting_clears_everything_but_language_and_year() {
        let mut s = state();
        s.apply(Action::SetLang(Lang::En));
        s.apply(Action::Set(Field::Year, "2025".into()));
        s.apply(Action::Set(Field::Income, "38000".into()));
        s.apply(Action::Submit);
        s.apply(Action::Forget);
        assert_eq!(s.form.income, "");
        assert_eq!(s.form.year, 2025);
        assert_eq!(s.lang, Lang::En);
        assert!(!s.submitted);
        assert!(s.forgotten && !s.dirty);
        s.apply(Action::Set(Field::Age, "7".into()));
        assert!(!s.forgotten);
    }

    #[test]
    fn a_link_computes_at_once_and_sets_the_language() {
        let mut s = state();
        let (form, _) = FormData::from_query("care=vpt&age=70&income=38000", FormData::default());
        s.apply(Action::Load {
            form: Box::new(form),
            lang: Some(Lang::En),
            from_link: true,
            embed: true,
        });
        assert!(s.submitted && s.embed);
        // Nothing is remembered until the user changes an answer.
        assert!(!s.dirty);
        s.apply(Action::Set(Field::Income, "1".into()));
        assert!(s.dirty);
        assert_eq!(s.lang, Lang::En);
        assert!(s.form.to_input().is_ok());
    }

    #[cfg(feature = "extras")]
    #[test]
    fn the_planner_takes_the_calculators_answers_and_keeps_two_scenarios() {
        let mut s = state();
        s.apply(Action::Set(Field::Assets, "40.000".into()));
        s.apply(Action::Show(View::Planner));
        assert_eq!(s.view, View::Planner);
        assert_eq!(s.plan.a.savings, "40.000");
        assert!(s.plan.a.savings_from_calc);
        s.apply(Action::Plan(PlanAction::Set(
            PlanField::Woz,
            "350000".into(),
        )));
        s.apply(Action::Plan(PlanAction::Run));
        s.apply(Action::Plan(PlanAction::CopyToB));
        assert!(s.plan.editing_b);
        s.apply(Action::Plan(PlanAction::Set(PlanField::Woz, String::new())));
        assert_eq!(s.plan.a.woz, "350000");
        assert_eq!(s.plan.current().woz, "");
        s.apply(Action::Plan(PlanAction::AddGift));
        assert_eq!(s.plan.current().gifts.len(), 2);
        s.apply(Action::Plan(PlanAction::RemoveGift(0)));
        assert_eq!(s.plan.current().gifts.len(), 1);
        s.apply(Action::Plan(PlanAction::Edit(false)));
        assert_eq!(s.plan.current().woz, "350000");
        s.apply(Action::Plan(PlanAction::DropB));
        assert!(s.plan.b.is_none() && !s.plan.editing_b);
        assert_eq!(s.plan.runs, 3);
    }

    #[cfg(feature = "extras")]
    #[test]
    fn the_letter_view_computes_when_asked_and_again_on_return() {
        let mut s = state();
        s.apply(Action::Show(View::Letter));
        assert_eq!((s.view, s.letter.runs), (View::Letter, 0));
        s.apply(Action::Letter(LetterAction::Set(
            LField::Monthly,
            "120".into(),
        )));
        assert_eq!(s.letter.form.text(LField::Monthly), "120");
        s.apply(Action::Letter(LetterAction::Run));
        assert!(s.letter.ran);
        s.apply(Action::Letter(LetterAction::Show(Some(Template::Bezwaar))));
        assert_eq!(s.letter.template, Some(Template::Bezwaar));
        s.apply(Action::Show(View::Calculator));
        s.apply(Action::Show(View::Letter));
        // The household may have changed: the check runs again, without moving focus.
        assert_eq!(s.letter.runs, 2);
        assert!(!s.letter.ran);
    }

    #[test]
    fn the_timeline_start_stays_within_the_year() {
        let mut s = state();
        s.apply(Action::TimelineStart(14));
        assert_eq!(s.timeline_start, 12);
        s.apply(Action::TimelineStart(0));
        assert_eq!(s.timeline_start, 1);
    }
}
