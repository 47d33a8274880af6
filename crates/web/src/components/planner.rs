//! "De komende jaren": the planner's questions on top of the calculator's household, scenario
//! A and B, and the results ([`super::plan_view`]). What to compute is the core's
//! ([`wlz_core::planner`]); this view asks, and shows the answer.

use super::markup::Markup;
use super::plan_view::{household_line, plan_results};
use super::Ctx;
use crate::browser;
use crate::form::Field;
use crate::i18n::tr;
use crate::plan_form::compute_plan;
use crate::plan_form::{PlanError, PlanField, PlanOutcome, Target};
use crate::state::{Action, PlanAction, State, View};
use std::rc::Rc;
use web_sys::HtmlInputElement;
use wlz_core::Lang;
use yew::prelude::*;

/// The planner view with what it needs beyond the page's context.
pub struct PlanCtx<'a> {
    pub ctx: &'a Ctx,
    pub out: &'a PlanOutcome,
}

impl PlanCtx<'_> {
    fn lang(&self) -> Lang {
        self.ctx.state.lang
    }

    fn editing_b(&self) -> bool {
        self.ctx.state.plan.editing_b && self.ctx.state.plan.b.is_some()
    }

    /// The errors of the scenario the form shows (after the first "Bereken").
    fn errors(&self) -> &[PlanError] {
        if self.ctx.state.plan.runs == 0 {
            return &[];
        }
        if self.editing_b() {
            &self.out.errors_b
        } else {
            &self.out.errors_a
        }
    }

    fn error_of(&self, f: PlanField) -> Option<String> {
        self.errors()
            .iter()
            .find(|e| e.target == Target::Plan(f))
            .map(|e| e.message.get(self.lang()).to_string())
    }

    fn send(&self, a: PlanAction) -> Callback<MouseEvent> {
        let d = self.ctx.dispatch.clone();
        Callback::from(move |_: MouseEvent| d.dispatch(Action::Plan(a.clone())))
    }
}

/// Whether the planner asks the tax itself (of the client, of the partner): the calculator did
/// not ask it, as this year's regime does not need it, but a later year may.
pub fn own_tax(form: &crate::form::FormData) -> [bool; 2] {
    [
        !form.asks(Field::Tax),
        form.partner && !form.asks(Field::PartnerTax),
    ]
}

/// The tax questions the calculator did not ask.
fn tax_questions(pc: &PlanCtx) -> Html {
    let lang = pc.lang();
    let t = |nl: &'static str, en: &'static str| tr(lang, nl, en);
    let [client, partner] = own_tax(&pc.ctx.state.form);
    let why = t(
        "Belasting en premies over box 1 en 2, van uw aanslag. Nodig als u later de hoge bijdrage betaalt. Leeg: wij schatten het.",
        "Tax and premiums on box 1 and 2, from your assessment. Needed if you pay the high contribution later. Empty: we estimate it.",
    );
    html! { <>
        if client { { plan_input(pc, PlanField::Tax, false, t("Belasting over uw inkomen per jaar", "Tax on your income per year"), why) } }
        if partner { { plan_input(pc, PlanField::PartnerTax, false, t("Belasting over het inkomen van uw partner", "Tax on your partner's income"), why) } }
    </> }
}

/// The planner's hook: the plan, computed when asked ("Bereken", a new scenario) and not on
/// every keystroke, and the focus that follows the view and each "Bereken".
#[hook]
pub fn use_planner(state: &State, input: Option<wlz_core::Input>) -> Rc<PlanOutcome> {
    // The planner computes when asked ("Bereken", a new scenario), not on every keystroke.
    let out = {
        let (input, plan) = (input, state.plan.clone());
        let own_tax = own_tax(&state.form);
        use_memo(state.plan.runs, move |runs| {
            if *runs == 0 {
                PlanOutcome::default()
            } else {
                compute_plan(input.as_ref(), own_tax, &plan.a, plan.b.as_ref())
            }
        })
    };
    {
        // Focus follows the switch between the views (not the first render).
        // Back on the calculator, focus returns to the button that opened the view.
        let prev = use_mut_ref(|| None::<View>);
        use_effect_with(state.view, move |v| {
            let mut p = prev.borrow_mut();
            match (*v, *p) {
                (View::Planner, _) => browser::focus("planner-title"),
                (View::Letter, _) => browser::focus("letter-title"),
                (View::Calculator, Some(View::Planner)) => browser::focus("open-planner"),
                (View::Calculator, Some(View::Letter)) => browser::focus("open-letter"),
                _ => {}
            }
            *p = Some(*v);
        });
    }
    {
        let (ran, ok) = (
            state.plan.ran,
            out.errors_a.is_empty() && out.errors_b.is_empty(),
        );
        use_effect_with(state.plan.runs, move |_| {
            if ran {
                browser::focus(if ok {
                    "plan-result-title"
                } else {
                    "plan-errors"
                });
            }
        });
    }
    out
}

/// One text question of the planner: label, hint, the error next to the field.
fn plan_input(pc: &PlanCtx, f: PlanField, date: bool, label: &str, hint: &str) -> Html {
    let error = pc.error_of(f);
    let k = f.key();
    let oninput = {
        let d = pc.ctx.dispatch.clone();
        Callback::from(move |e: InputEvent| {
            let el: HtmlInputElement = e.target_unchecked_into();
            d.dispatch(Action::Plan(PlanAction::Set(f, el.value())));
        })
    };
    let mut m = Markup::new(pc.lang(), false);
    let described = m.field_notes(&k, hint, error.as_deref());
    let class = match (date, error.is_some()) {
        (false, false) => "field",
        (false, true) => "field has-error",
        (true, false) => "field short-date",
        (true, true) => "field has-error short-date",
    };
    html! {
        <div {class}>
            <label for={k.clone()}>{ label }</label>
            { m.html() }
            <div class="input-row">
                if !date { <span class="prefix" aria-hidden="true">{ "€" }</span> }
                <input id={k.clone()} name={k} type={if date { "date" } else { "text" }}
                    inputmode={(!date).then_some("decimal")}
                    class={(!date).then_some("amount")} autocomplete="off" spellcheck="false"
                    value={pc.ctx.state.plan.current().text(f)}
                    aria-invalid={if error.is_some() { "true" } else { "false" }}
                    aria-describedby={described} {oninput} />
            </div>
        </div>
    }
}

/// A planner question with a few answers: `(value, label)`.
fn plan_radio(pc: &PlanCtx, f: PlanField, legend: &str, choices: &[(&'static str, &str)]) -> Html {
    let error = pc.error_of(f);
    let k = f.key();
    let current = pc.ctx.state.plan.current().text(f);
    let mut m = Markup::new(pc.lang(), false);
    if let Some(msg) = &error {
        m.raw("<p class=\"error-message\" id=\"")
            .raw(&k)
            .raw("-error\"><span class=\"visually-hidden\">")
            .tr("Fout: ", "Error: ")
            .raw("</span>")
            .text(msg)
            .raw("</p>");
    }
    html! {
        <fieldset class={if error.is_some() { "field radio has-error" } else { "field radio" }}
            aria-describedby={error.is_some().then(|| format!("{k}-error"))}>
            <legend>{ legend }</legend>
            { m.html() }
            { for choices.iter().enumerate().map(|(i, (value, label))| {
                let id = if i == 0 { k.clone() } else { format!("{k}-{value}") };
                let onchange = {
                    let d = pc.ctx.dispatch.clone();
                    let v = value.to_string();
                    Callback::from(move |_: Event| d.dispatch(Action::Plan(PlanAction::Set(f, v.clone()))))
                };
                html! {
                    <div class="choice">
                        <input type="radio" id={id.clone()} name={k.clone()} value={*value}
                            checked={current == *value} {onchange} />
                        <label for={id}>{ *label }</label>
                    </div>
                }
            }) }
        </fieldset>
    }
}

/// The home: WOZ value, mortgage, owner and what happens to it.
fn home_questions(pc: &PlanCtx) -> Html {
    let lang = pc.lang();
    let form = pc.ctx.state.plan.current();
    let partner = pc.ctx.state.form.partner;
    let has_home = !form.woz.trim().is_empty();
    let t = |nl: &'static str, en: &'static str| tr(lang, nl, en);
    let mut status = vec![
        (
            "for-sale",
            t(
                "Het huis staat leeg en te koop",
                "The home is empty and for sale",
            ),
        ),
        (
            "empty",
            t(
                "Het huis staat leeg, niet te koop",
                "The home is empty, not for sale",
            ),
        ),
        ("let", t("Het huis wordt verhuurd", "The home is let")),
    ];
    let mut owners = vec![("client", t("De persoon in zorg", "The person in care"))];
    if partner {
        status.push((
            "partner",
            t(
                "De partner blijft er wonen",
                "The partner keeps living there",
            ),
        ));
        owners.push(("partner", t("De partner", "The partner")));
        owners.push(("joint", t("Samen, ieder de helft", "Together, half each")));
    }
    html! {
        <fieldset class="plan-group">
            <legend><h3>{ t("Het eigen huis", "The own home") }</h3></legend>
            { plan_input(pc, PlanField::Woz, false, t("WOZ-waarde van het huis", "WOZ value of the home"),
                t("Dit staat op de WOZ-beschikking van de gemeente. Geen eigen huis? Laat dit leeg.",
                  "This is on the municipality's WOZ notice. No own home? Leave this empty.")) }
            if has_home {
                { plan_input(pc, PlanField::Mortgage, false, t("Hypotheek", "Mortgage"),
                    t("Wat u nog moet aflossen. Geen hypotheek? Laat dit leeg.",
                      "What is still owed. No mortgage? Leave this empty.")) }
                if partner { { plan_radio(pc, PlanField::Owner, t("Van wie is het huis?", "Who owns the home?"), &owners) } }
                { plan_radio(pc, PlanField::Status, t("Wat gebeurt er met het huis?", "What happens to the home?"), &status) }
                { home_details(pc) }
            }
        </fieldset>
    }
}

/// The letting or the sale, when they apply.
fn home_details(pc: &PlanCtx) -> Html {
    let lang = pc.lang();
    let t = |nl: &'static str, en: &'static str| tr(lang, nl, en);
    match pc.ctx.state.plan.current().status.as_str() {
        "let" => html! { <>
            { plan_input(pc, PlanField::LetFrom, true, t("Verhuurd vanaf", "Let from"),
                t("De eerste dag van de verhuur.", "The first day of the letting.")) }
            { plan_input(pc, PlanField::Rent, false, t("Huur per maand", "Rent per month"),
                t("De kale huur die de huurder betaalt.", "The basic rent the tenant pays.")) }
        </> },
        "partner" => html! {},
        _ => html! { <>
            { plan_input(pc, PlanField::Sold, true, t("Verkocht op (als u dat weet)", "Sold on (if you know)"),
                t("De dag bij de notaris. Nog niet verkocht? Laat dit leeg.",
                  "The day at the notary. Not sold yet? Leave this empty.")) }
            { plan_input(pc, PlanField::Proceeds, false, t("Opbrengst van de verkoop", "Proceeds of the sale"),
                t("Wat u overhoudt na de verkoop. Leeg: de WOZ-waarde min de hypotheek.",
                  "What is left after the sale. Empty: the WOZ value minus the mortgage.")) }
        </> },
    }
}

/// The gifts, one row each, with add and remove.
fn gift_questions(pc: &PlanCtx) -> Html {
    let lang = pc.lang();
    let t = |nl: &'static str, en: &'static str| tr(lang, nl, en);
    let gifts = &pc.ctx.state.plan.current().gifts;
    html! {
        <fieldset class="plan-group">
            <legend><h3>{ t("Schenkingen", "Gifts") }</h3></legend>
            { Markup::new(lang, false).raw("<p class=\"why\">").tr(
                "Geeft u geld weg, bijvoorbeeld aan uw kinderen? Vul de datum en het bedrag in.",
                "Do you give money away, for example to your children? Enter the date and the amount.",
            ).raw("</p>").html() }
            { for (0..gifts.len()).map(|i| html! {
                <div class="gift-row">
                    { plan_input(pc, PlanField::GiftDate(i), true,
                        &format!("{} {}", t("Datum schenking", "Date of gift"), i + 1),
                        t("De dag dat het geld overgaat.", "The day the money is transferred.")) }
                    { plan_input(pc, PlanField::GiftAmount(i), false,
                        &format!("{} {}", t("Bedrag schenking", "Amount of gift"), i + 1),
                        t("Geen schenking? Laat dit leeg.", "No gift? Leave this empty.")) }
                    <button type="button" class="secondary" onclick={pc.send(PlanAction::RemoveGift(i))}>
                        { format!("{} {}", t("Verwijder schenking", "Remove gift"), i + 1) }
                    </button>
                </div>
            }) }
            <button type="button" class="secondary" id="plan-add-gift" onclick={pc.send(PlanAction::AddGift)}>
                { t("Nog een schenking", "Add a gift") }
            </button>
        </fieldset>
    }
}

/// Married AOW or "duurzaam gescheiden leven" (a couple only).
fn aow_questions(pc: &PlanCtx) -> Html {
    let lang = pc.lang();
    let t = |nl: &'static str, en: &'static str| tr(lang, nl, en);
    if !pc.ctx.state.form.partner {
        return html! {};
    }
    let choices = [
        (
            "married",
            t(
                "Getrouwd blijven voor de AOW (gehuwden-AOW)",
                "Stay married for the AOW (married AOW)",
            ),
        ),
        (
            "gescheiden",
            t(
                "Duurzaam gescheiden leven (twee AOW's voor alleenstaanden)",
                "Live permanently apart (two single AOWs)",
            ),
        ),
    ];
    html! {
        <fieldset class="plan-group">
            <legend><h3>{ t("De AOW na de opname", "The AOW after admission") }</h3></legend>
            { plan_radio(pc, PlanField::Aow, t("Welke keuze wilt u berekenen?", "Which choice do you want to calculate?"), &choices) }
            if pc.ctx.state.plan.current().aow == "gescheiden" {
                { plan_input(pc, PlanField::AowChange, true, t("Gescheiden leven vanaf", "Living apart from"),
                    t("De eerste dag van de maand waarin de SVB de AOW voor alleenstaanden betaalt. Leeg: de maand na de eerste 4 maanden.",
                      "The first day of the month the SVB pays the single AOW. Empty: the month after the first 4 months.")) }
            }
        </fieldset>
    }
}

/// The questions of one scenario, with the "Bereken" button.
fn plan_questions(pc: &PlanCtx) -> Html {
    let lang = pc.lang();
    let t = |nl: &'static str, en: &'static str| tr(lang, nl, en);
    let form = pc.ctx.state.plan.current();
    let d = pc.ctx.dispatch.clone();
    let onsubmit = Callback::from(move |e: SubmitEvent| {
        e.prevent_default();
        d.dispatch(Action::Plan(PlanAction::Run));
    });
    let from_calc = |yes: bool| {
        if yes {
            t(
                " Overgenomen uit uw vermogen in de berekening.",
                " Taken from your assets in the calculator.",
            )
        } else {
            ""
        }
    };
    html! {
        <form class="plan-form" id="plan-form" novalidate=true {onsubmit}>
            { plan_input(pc, PlanField::Admission, true, t("Datum van opname in de instelling", "Date of admission to the instelling"),
                t("De dag dat de zorg met verblijf begon. Vanaf dan telt het huis anders mee.",
                  "The day the stay began. From then on the home counts differently.")) }
            { plan_input(pc, PlanField::Savings, false, t("Spaargeld op 1 januari", "Savings on 1 January"),
                &format!("{}{}", t("Het saldo van al uw rekeningen op 1 januari van dit jaar.", "The balance of all your accounts on 1 January of this year."), from_calc(form.savings_from_calc))) }
            if pc.ctx.state.form.partner {
                { plan_input(pc, PlanField::PartnerSavings, false, t("Spaargeld van uw partner op 1 januari", "Your partner's savings on 1 January"),
                    &format!("{}{}", t("Het saldo van de rekeningen van uw partner.", "The balance of your partner's accounts."), from_calc(form.partner_savings_from_calc))) }
            }
            { tax_questions(pc) }
            { home_questions(pc) }
            { gift_questions(pc) }
            { aow_questions(pc) }
            <div class="actions">
                <button type="submit" class="primary" id="plan-run">{ t("Bereken de komende jaren", "Calculate the coming years") }</button>
            </div>
        </form>
    }
}

/// The switch between scenario A and B, and the buttons to make or drop B.
fn scenario_bar(pc: &PlanCtx) -> Html {
    let lang = pc.lang();
    let t = |nl: &'static str, en: &'static str| tr(lang, nl, en);
    if pc.ctx.state.plan.b.is_none() {
        return html! {
            <div class="scenario-bar">
                <button type="button" class="secondary" id="plan-copy-b" onclick={pc.send(PlanAction::CopyToB)}>
                    { t("Vergelijk: maak scenario B", "Compare: make scenario B") }
                </button>
                { Markup::new(lang, false).raw("<p class=\"small\">").tr(
                    "Scenario B begint als kopie. Verander één ding, bijvoorbeeld verkopen of niet.",
                    "Scenario B starts as a copy. Change one thing, for example selling or not.",
                ).raw("</p>").html() }
            </div>
        };
    }
    let b = pc.editing_b();
    html! {
        <div class="scenario-bar" role="group" aria-label={t("Welk scenario past u aan?", "Which scenario are you editing?")}>
            <button type="button" id="plan-edit-a" aria-pressed={(!b).to_string()}
                class={if b { "secondary" } else { "primary" }} onclick={pc.send(PlanAction::Edit(false))}>
                { t("Scenario A aanpassen", "Edit scenario A") }
            </button>
            <button type="button" id="plan-edit-b" aria-pressed={b.to_string()}
                class={if b { "primary" } else { "secondary" }} onclick={pc.send(PlanAction::Edit(true))}>
                { t("Scenario B aanpassen", "Edit scenario B") }
            </button>
            <button type="button" class="secondary" id="plan-drop-b" onclick={pc.send(PlanAction::DropB)}>
                { t("Scenario B weghalen", "Remove scenario B") }
            </button>
        </div>
    }
}

/// The planner's error summary: each message links to its field (in the calculator when the
/// core's message is about the household).
fn plan_errors(pc: &PlanCtx) -> Html {
    let lang = pc.lang();
    let errors = pc.errors();
    let other = if pc.ctx.state.plan.runs == 0 {
        &[][..]
    } else if pc.editing_b() {
        &pc.out.errors_a[..]
    } else {
        &pc.out.errors_b[..]
    };
    if errors.is_empty() && other.is_empty() {
        return html! {};
    }
    let item = |e: &PlanError, prefix: &str| {
        let msg = format!("{prefix}{}", e.message.get(lang));
        match e.target {
            Target::Plan(f) if prefix.is_empty() => {
                let k = f.key();
                let href = format!("#{k}");
                let onclick = Callback::from(move |ev: MouseEvent| {
                    ev.prevent_default();
                    crate::browser::focus(&k);
                });
                html! { <li><a {href} {onclick}>{ msg }</a></li> }
            }
            Target::Calc(_) => {
                html! { <li>{ format!("{msg} {}", tr(lang, "(Pas dit aan in de berekening.)", "(Change this in the calculator.)")) }</li> }
            }
            _ => html! { <li>{ msg }</li> },
        }
    };
    let prefix = if pc.editing_b() {
        tr(lang, "Scenario A: ", "Scenario A: ")
    } else {
        tr(lang, "Scenario B: ", "Scenario B: ")
    };
    html! {
        <div class="error-summary" id="plan-errors" role="alert" tabindex="-1" aria-labelledby="plan-errors-title">
            <h3 id="plan-errors-title">{ tr(lang, "Controleer deze vragen", "Please check these questions") }</h3>
            <ul>
                { for errors.iter().map(|e| item(e, "")) }
                { for other.iter().map(|e| item(e, prefix)) }
            </ul>
        </div>
    }
}

/// The whole planner view.
pub fn planner_view(pc: &PlanCtx) -> Html {
    let lang = pc.lang();
    let t = |nl: &'static str, en: &'static str| tr(lang, nl, en);
    let d = pc.ctx.dispatch.clone();
    // Back to the calculator, in this (full) app: the view's hash (#jaren, #brief) goes.
    let back = Callback::from(move |_: MouseEvent| {
        browser::clear_hash();
        d.dispatch(Action::Show(View::Calculator))
    });
    let editing = if pc.editing_b() {
        t("Scenario B", "Scenario B")
    } else {
        t("Scenario A", "Scenario A")
    };
    html! {
        <main id="main" class="planner">
            <p class="no-print"><button type="button" class="secondary" id="planner-back" onclick={back}>
                { t("← Terug naar de berekening", "← Back to the calculator") }
            </button></p>
            <h2 id="planner-title" tabindex="-1">{ t("De komende jaren", "The coming years") }</h2>
            { household_line(pc.ctx) }
            <div class="planner-layout">
                <div class="plan-col-form">
                    { scenario_bar(pc) }
                    if pc.ctx.state.plan.b.is_some() {
                        <p class="editing"><strong>{ format!("{} {editing}", t("U past nu aan:", "You are editing:")) }</strong></p>
                    }
                    { plan_errors(pc) }
                    { plan_questions(pc) }
                </div>
                <div class="plan-col-result">
                    { plan_results(pc.ctx, pc.out) }
                </div>
            </div>
        </main>
    }
}
