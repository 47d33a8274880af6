//! "Klopt mijn CAK-brief?": the user types what the letter shows, the core checks it against
//! the calculator's household ([`wlz_core::letters::check`]), and this view shows the report
//! and the letters to send back ([`wlz_core::letters::templates`]). The page only presents.

use super::markup::Markup;
use super::plan_view::household_words;
use super::Ctx;
use crate::browser;
use crate::i18n::{date_long, eur, regime_name, tr};
use crate::letter_form::{compute_check, LField, LetterError, LetterOutcome};
use crate::state::{Action, LetterAction, State, View};
use rust_decimal::Decimal;
use std::rc::Rc;
use web_sys::HtmlInputElement;
use wlz_core::letters::inverse::Interval;
use wlz_core::letters::prefill::prefill;
use wlz_core::letters::templates::{render, Template};
use wlz_core::Lang;
use yew::prelude::*;

/// The check, computed when asked ("Controleer"), and the focus after each run.
#[hook]
pub fn use_letter(state: &State, input: Option<wlz_core::Input>) -> Rc<LetterOutcome> {
    let out = {
        let form = state.letter.form.clone();
        use_memo(state.letter.runs, move |runs| {
            if *runs == 0 {
                LetterOutcome::default()
            } else {
                compute_check(input.as_ref(), &form)
            }
        })
    };
    let (ran, ok) = (state.letter.ran, out.errors.is_empty());
    use_effect_with(state.letter.runs, move |_| {
        if ran {
            browser::focus(if ok {
                "letter-result-title"
            } else {
                "letter-errors"
            });
        }
    });
    // A letter chosen: focus goes to it (its fields and text follow the buttons).
    use_effect_with(state.letter.template, |t| {
        if t.is_some() {
            browser::focus("letter-text-title");
        }
    });
    out
}

fn error_of(ctx: &Ctx, out: &LetterOutcome, f: LField) -> Option<String> {
    if ctx.state.letter.runs == 0 {
        return None;
    }
    out.errors
        .iter()
        .find(|e| e.field == Some(f))
        .map(|e| e.message.get(ctx.state.lang).to_string())
}

fn set(ctx: &Ctx, f: LField) -> Callback<InputEvent> {
    let d = ctx.dispatch.clone();
    Callback::from(move |e: InputEvent| {
        let el: HtmlInputElement = e.target_unchecked_into();
        d.dispatch(Action::Letter(LetterAction::Set(f, el.value())));
    })
}

/// `kind`: "€" (an amount), "date", or "" (text).
fn input(ctx: &Ctx, out: &LetterOutcome, f: LField, kind: &str, label: &str, hint: &str) -> Html {
    let error = error_of(ctx, out, f);
    let k = f.key();
    let mut m = Markup::new(ctx.state.lang, false);
    let described = m.field_notes(&k, hint, error.as_deref());
    let (money, date) = (kind == "€", kind == "date");
    let class = format!(
        "field{}{}",
        if error.is_some() { " has-error" } else { "" },
        if date { " short-date" } else { "" }
    );
    html! {
        <div {class}>
            <label for={k.clone()}>{ label }</label>
            { m.html() }
            <div class="input-row">
                if money { <span class="prefix" aria-hidden="true">{ "€" }</span> }
                <input id={k.clone()} name={k} type={if date { "date" } else { "text" }}
                    inputmode={money.then_some("decimal")}
                    class={money.then_some("amount")} autocomplete="off" spellcheck="false"
                    value={ctx.state.letter.form.text(f).to_string()}
                    aria-invalid={if error.is_some() { "true" } else { "false" }}
                    aria-describedby={(!described.trim().is_empty()).then(|| described.trim().to_string())}
                    oninput={set(ctx, f)} />
            </div>
        </div>
    }
}

fn radio(ctx: &Ctx, f: LField, legend: &str, hint: &str, choices: &[(&'static str, &str)]) -> Html {
    let k = f.key();
    let current = ctx.state.letter.form.text(f).to_string();
    let mut m = Markup::new(ctx.state.lang, false);
    if !hint.is_empty() {
        m.raw("<p class=\"why\" id=\"")
            .raw(&k)
            .raw("-why\">")
            .text(hint)
            .raw("</p>");
    }
    html! {
        <fieldset class="field radio" aria-describedby={(!hint.is_empty()).then(|| format!("{k}-why"))}>
            <legend>{ legend }</legend>
            { m.html() }
            { for choices.iter().enumerate().map(|(i, (value, label))| {
                let id = format!("{k}-{i}");
                let onchange = {
                    let d = ctx.dispatch.clone();
                    let v = value.to_string();
                    Callback::from(move |_: Event| d.dispatch(Action::Letter(LetterAction::Set(f, v.clone()))))
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

fn questions(ctx: &Ctx, out: &LetterOutcome) -> Html {
    let lang = ctx.state.lang;
    let t = |nl: &'static str, en: &'static str| tr(lang, nl, en);
    let d = ctx.dispatch.clone();
    let run = Callback::from(move |e: SubmitEvent| {
        e.prevent_default();
        d.dispatch(Action::Letter(LetterAction::Run));
    });
    let unknown = t("Weet ik niet", "I don't know");
    html! {
        <form id="letter-form" class="plan-form" novalidate=true onsubmit={run}>
            <h3>{ t("Wat staat er op uw brief?", "What does your letter say?") }</h3>
            { radio(ctx, LField::Kind, t("Wat voor brief is het?", "What kind of letter is it?"),
                t("Dit staat bovenaan, in de titel of het onderwerp.", "This is at the top, in the title or the subject."),
                &[("beschikking", t("Beschikking", "Decision (beschikking)")), ("factuur", t("Factuur", "Invoice (factuur)")),
                  ("herziening", t("Herziening", "Revision (herziening)")), ("unknown", unknown)]) }
            { input(ctx, out, LField::Date, "date", t("Datum van de brief", "Date of the letter"),
                t("Bovenaan de brief, naast uw naam en adres.", "At the top of the letter, next to your name and address.")) }
            { input(ctx, out, LField::From, "date", t("Het bedrag geldt vanaf", "The amount applies from"),
                t("In de zin met het bedrag per maand, of in de tabel.", "In the sentence with the monthly amount, or in the table.")) }
            { input(ctx, out, LField::To, "date", t("Tot (niet verplicht)", "Until (optional)"),
                t("Leeg als de brief geen einddatum noemt.", "Empty if the letter names no end date.")) }
            { input(ctx, out, LField::Monthly, "€", t("Bedrag per maand", "Amount per month"),
                t("Het bedrag dat u per maand betaalt. Meestal vet, midden in de brief.", "The amount you pay per month. Usually in bold, in the middle of the letter.")) }
            { radio(ctx, LField::Regime, t("Lage of hoge bijdrage?", "Low or high contribution?"),
                t("De brief noemt dit bij het bedrag of in de berekening.", "The letter names this near the amount or in the calculation."),
                &[("lage", t("Lage bijdrage", "Low contribution")), ("hoge", t("Hoge bijdrage", "High contribution")), ("unknown", unknown)]) }
            <details class="letter-more">
                <summary>{ t("Meer cijfers van de brief (niet verplicht)", "More figures from the letter (optional)") }</summary>
                <p class="why">{ t("Deze staan meestal in de berekening op de achterkant of in de bijlage.", "These are usually in the calculation on the back or in the attachment.") }</p>
                { input(ctx, out, LField::Bi, "€", t("Bijdrageplichtig inkomen", "Income for the contribution (bijdrageplichtig inkomen)"),
                    t("Het inkomen waarmee het CAK rekent, per jaar.", "The income the CAK uses, per year.")) }
                { input(ctx, out, LField::Peiljaar, "", t("Peiljaar", "Reference year (peiljaar)"),
                    t("Het jaar van het inkomen, zoals 2024.", "The year of the income, like 2024.")) }
                { radio(ctx, LField::Household, t("Voor wie rekent de brief?", "Who does the letter count?"), "",
                    &[("single", t("Alleenstaand", "Single")), ("couple", t("Met partner", "With a partner")), ("", unknown)]) }
                { radio(ctx, LField::Share, t("Het bedrag is", "The amount is"), "",
                    &[("joint", t("Voor ons samen", "For both of us")), ("own", t("Mijn eigen deel", "My own share")), ("", unknown)]) }
                { input(ctx, out, LField::Income, "€", t("Uw inkomen op de brief", "Your income on the letter"), "") }
                { input(ctx, out, LField::PartnerIncome, "€", t("Inkomen van uw partner op de brief", "Your partner's income on the letter"), "") }
                { input(ctx, out, LField::Assets, "€", t("Vermogen op de brief", "Assets on the letter"),
                    t("Het vermogen of de grondslag sparen en beleggen.", "The assets or the savings and investments base.")) }
                { input(ctx, out, LField::Kenmerk, "", t("Kenmerk", "Reference (kenmerk)"),
                    t("Bovenaan, bij 'Ons kenmerk'.", "At the top, at 'Ons kenmerk'.")) }
            </details>
            { input(ctx, out, LField::CareStart, "date", t("Begin van uw zorg (niet verplicht)", "Start of your care (optional)"),
                t("Vul dit in als de brief over maanden in het verleden gaat.", "Fill this in if the letter is about months in the past.")) }
            <button type="submit" class="primary" id="letter-run">{ t("Controleer de brief", "Check the letter") }</button>
        </form>
    }
}

fn errors(ctx: &Ctx, out: &LetterOutcome) -> Html {
    let lang = ctx.state.lang;
    if ctx.state.letter.runs == 0 || out.errors.is_empty() {
        return html! {};
    }
    let item = |e: &LetterError| {
        let msg = e.message.get(lang).to_string();
        match e.field {
            Some(f) => {
                let k = f.key();
                let href = format!("#{k}");
                let onclick = Callback::from(move |ev: MouseEvent| {
                    ev.prevent_default();
                    browser::focus(&k);
                });
                html! { <li><a {href} {onclick}>{ msg }</a></li> }
            }
            None if e.calc.is_some() => {
                html! { <li>{ format!("{msg} {}", tr(lang, "(Pas dit aan in de berekening.)", "(Change this in the calculator.)")) }</li> }
            }
            None => html! { <li>{ msg }</li> },
        }
    };
    html! {
        <div class="error-summary" id="letter-errors" role="alert" tabindex="-1" aria-labelledby="letter-errors-title">
            <h3 id="letter-errors-title">{ tr(lang, "Controleer deze vragen", "Please check these questions") }</h3>
            <ul>{ for out.errors.iter().map(item) }</ul>
        </div>
    }
}

/// "tussen € a en € b", "hoogstens € b", "minstens € a".
fn interval(iv: &Interval, lang: Lang) -> String {
    match (iv.low, iv.high) {
        (Some(a), Some(b)) if a == b => eur(a, lang),
        (Some(a), Some(b)) => format!(
            "{} {} {} {}",
            tr(lang, "tussen", "between"),
            eur(a, lang),
            tr(lang, "en", "and"),
            eur(b, lang)
        ),
        (None, Some(b)) => format!("{} {}", tr(lang, "hoogstens", "at most"), eur(b, lang)),
        (Some(a), None) => format!("{} {}", tr(lang, "minstens", "at least"), eur(a, lang)),
        (None, None) => tr(lang, "niet te bepalen", "cannot be determined").into(),
    }
}

fn month_label(m: &str, lang: Lang) -> String {
    let mut p = m.split('-');
    match (p.next(), p.next().and_then(|x| x.parse::<u32>().ok())) {
        (Some(y), Some(mm)) if (1..=12).contains(&mm) => {
            format!("{} {y}", crate::i18n::month_name(mm, lang))
        }
        _ => m.to_string(),
    }
}

fn report_view(ctx: &Ctx, out: &LetterOutcome) -> Html {
    let lang = ctx.state.lang;
    let Some(r) = &out.report else {
        return html! {};
    };
    let mut m = Markup::new(lang, false);
    m.raw("<section class=\"letter-report\" aria-labelledby=\"letter-result-title\"><h3 id=\"letter-result-title\" tabindex=\"-1\">")
        .tr("Uw brief", "Your letter")
        .raw("</h3><p class=\"verdict\"><strong>")
        .text(r.verdict_text.get(lang))
        .raw("</strong> <small class=\"code\">")
        .text(&format!("{:?}", r.verdict))
        .raw("</small></p><table class=\"letter-amounts\"><tbody><tr><th scope=\"row\">")
        .tr("Op uw brief", "On your letter")
        .raw("</th><td>")
        .text(&eur(r.letter_monthly, lang))
        .raw("</td></tr><tr><th scope=\"row\">")
        .tr("Onze berekening", "Our calculation")
        .raw("</th><td id=\"letter-expected\">")
        .text(&format!("{} ({})", eur(r.expected_monthly, lang), regime_name(r.expected_regime, lang)))
        .raw("</td></tr><tr><th scope=\"row\">")
        .tr("Verschil per maand", "Difference per month")
        .raw("</th><td id=\"letter-difference\">")
        .text(&eur(r.difference, lang))
        .raw("</td></tr></tbody></table>");
    if !r.findings.is_empty() || !r.explanations.is_empty() {
        m.raw("<h4>")
            .tr("Stap voor stap", "Step by step")
            .raw("</h4><ol class=\"letter-steps\">");
        for f in &r.findings {
            m.raw("<li>").text(f.text.get(lang));
            if !f.article.is_empty() {
                m.raw(" <small>(").text(f.article).raw(")</small>");
            }
            m.raw("</li>");
        }
        for x in &r.explanations {
            m.raw("<li>")
                .text(x.text.get(lang))
                .raw(" <small>(")
                .text(x.factor)
                .raw(")</small></li>");
        }
        m.raw("</ol>");
    }
    m.raw("<h4>")
        .tr("Wat het bedrag zegt", "What the amount implies")
        .raw("</h4><ul><li id=\"letter-implied-bi\">")
        .tr(
            "Bijdrageplichtig inkomen volgens de brief: ",
            "Income for the contribution according to the letter: ",
        )
        .text(&interval(&r.implied_bi, lang))
        .raw("</li>");
    if let Some(i) = &r.implied {
        m.raw("<li id=\"letter-implied-income\">")
            .tr(
                "Uw inkomen volgens de brief, als uw vermogen klopt: ",
                "Your income according to the letter, if your assets are right: ",
            )
            .text(&interval(&i.inkomen, lang))
            .raw("</li><li>")
            .tr(
                "Uw vermogen volgens de brief, als uw inkomen klopt: ",
                "Your assets according to the letter, if your income is right: ",
            )
            .text(&interval(&i.vermogen, lang))
            .raw("</li>");
    }
    m.raw("</ul><h4>")
        .tr("Wat kunt u doen?", "What can you do?")
        .raw("</h4><p id=\"letter-next\">")
        .text(r.next_step.get(lang))
        .raw("</p><h4>")
        .tr("Uiterste data", "Deadlines")
        .raw("</h4><ul class=\"letter-deadlines\"><li>")
        .tr(
            "Bezwaar maken: uiterlijk ",
            "Object (bezwaar): at the latest ",
        )
        .raw("<strong id=\"letter-bezwaar-date\">")
        .text(&date_long(r.deadlines.bezwaar, lang))
        .raw("</strong></li><li>")
        .tr(
            "Aanpassing vragen: uiterlijk ",
            "Ask for an adjustment: at the latest ",
        )
        .text(&date_long(r.deadlines.aanpassing, lang))
        .raw("</li><li>")
        .tr("Betalen: uiterlijk ", "Pay: at the latest ")
        .text(&date_long(r.deadlines.payment, lang))
        .raw("</li></ul>");
    if let Some(b) = &r.backdated {
        m.raw("<h4>")
            .tr("Maanden in het verleden", "Months in the past")
            .raw("</h4><div class=\"table-scroll\" tabindex=\"0\" role=\"region\" aria-label=\"")
            .tr("Maanden in het verleden", "Months in the past")
            .raw("\"><table class=\"letter-months\"><thead><tr><th scope=\"col\">")
            .tr("Maand", "Month")
            .raw("</th><th scope=\"col\">")
            .tr("Bijdrage", "Contribution")
            .raw("</th><th scope=\"col\" class=\"num\">")
            .tr("Bedrag", "Amount")
            .raw("</th><th scope=\"col\">")
            .tr("Mag het CAK vragen?", "May the CAK charge it?")
            .raw("</th></tr></thead><tbody>");
        for mo in &b.months {
            m.raw("<tr><td>")
                .text(&month_label(&mo.month, lang))
                .raw("</td><td>")
                .text(&regime_name(mo.regime, lang))
                .raw("</td><td class=\"num\">")
                .text(&eur(mo.amount, lang))
                .raw("</td><td>");
            if mo.chargeable {
                m.tr("Ja", "Yes");
            } else {
                m.tr("Nee, te lang geleden", "No, too long ago");
            }
            m.raw("</td></tr>");
        }
        m.raw("</tbody></table></div><p>")
            .tr(
                "Totaal dat het CAK mag vragen: ",
                "Total the CAK may charge: ",
            )
            .raw("<strong>")
            .text(&eur(b.total, lang))
            .raw("</strong></p>");
        if b.not_chargeable > Decimal::ZERO {
            m.raw("<p>")
                .tr("Mag niet meer: ", "May no longer be charged: ")
                .text(&eur(b.not_chargeable, lang))
                .raw("</p>");
        }
    }
    if let Some(s) = &r.spreading {
        m.raw("<p>")
            .tr(
                "Een betalingsregeling kan zo gaan (schatting): ",
                "A payment plan could look like this (estimate): ",
            )
            .text(&format!(
                "{} × {} ({} {}). {} {}.",
                s.months,
                eur(s.instalment, lang),
                tr(lang, "laatste keer", "last time"),
                eur(s.last, lang),
                tr(
                    lang,
                    "Met uw gewone bijdrage betaalt u dan per maand",
                    "With your regular contribution you then pay per month"
                ),
                eur(s.monthly_burden, lang),
            ))
            .raw("</p>");
    }
    m.raw("<h4>")
        .tr("Contact met het CAK", "Contacting the CAK")
        .raw("</h4><ul>");
    for c in &r.contact {
        m.raw("<li>").text(c.get(lang)).raw("</li>");
    }
    m.raw("</ul><p class=\"small disclaimer\">")
        .text(r.disclaimer.get(lang))
        .raw("</p></section>");
    m.html()
}

fn letters_view(ctx: &Ctx, out: &LetterOutcome) -> Html {
    let lang = ctx.state.lang;
    let t = |nl: &'static str, en: &'static str| tr(lang, nl, en);
    let (Some(req), Some(r)) = (&out.request, &out.report) else {
        return html! {};
    };
    let shown = ctx.state.letter.template;
    let name = |tp: Template| match tp {
        Template::Aanpassing => t("Vraag om aanpassing", "Ask for an adjustment"),
        Template::Bezwaar => t("Bezwaar maken", "Object (bezwaar)"),
        Template::Betalingsregeling => t("Vraag een betalingsregeling", "Ask for a payment plan"),
        Template::Partner => t("Wijziging partner doorgeven", "Report a partner change"),
        Template::Eenmalig => t(
            "Eenmalige uitkering niet meetellen",
            "Leave out a one-off payment",
        ),
    };
    let buttons = Template::ALL.iter().map(|tp| {
        let tp = *tp;
        let d = ctx.dispatch.clone();
        let onclick = Callback::from(move |_: MouseEvent| {
            d.dispatch(Action::Letter(LetterAction::Show(Some(tp))));
        });
        let id = format!("letter-open-{}", tp.name());
        html! { <li><button type="button" class="secondary" {id} {onclick}
        aria-pressed={if shown == Some(tp) { "true" } else { "false" }}>{ name(tp) }</button></li> }
    });
    let letter = shown.map(|tp| {
        let data = ctx
            .state
            .letter
            .form
            .letter_data(prefill(req, r), browser::today());
        let rendered = render(tp, &data);
        let copy = {
            let done = t("De tekst is gekopieerd. Plak hem in een e-mail of tekstverwerker.", "The text is copied. Paste it into an e-mail or a word processor.");
            Callback::from(move |_: MouseEvent| browser::copy_text("letter-text", "letter-copied", done))
        };
        let print = Callback::from(|_: MouseEvent| browser::print());
        let own = |f: LField, label: &'static str, kind: &str| input(ctx, out, f, kind, label, "");
        let rows = rendered.text.lines().count().clamp(10, 60).to_string();
        html! {
            <div class="letter-letter">
                <h4 id="letter-text-title" tabindex="-1">{ name(tp) }</h4>
                <p class="why">{ t("Vul uw gegevens in. Ze blijven op dit apparaat. Uw BSN schrijft u zelf op de brief.",
                    "Fill in your details. They stay on this device. Write your BSN on the letter yourself.") }</p>
                <div class="letter-own no-print">
                    { own(LField::Naam, t("Naam", "Name"), "") }
                    { own(LField::Adres, t("Straat en huisnummer", "Street and number"), "") }
                    { own(LField::Postcode, t("Postcode", "Postcode"), "") }
                    { own(LField::Woonplaats, t("Woonplaats", "Town"), "") }
                    { own(LField::Telefoon, t("Telefoon", "Phone"), "") }
                    { own(LField::Email, t("E-mail", "E-mail"), "") }
                    { own(LField::Klantnummer, t("Klantnummer CAK", "CAK client number"), "") }
                    if tp == Template::Partner {
                        { radio(ctx, LField::Wijziging, t("Wat is er veranderd?", "What has changed?"), "",
                            &[("died", t("Mijn partner is overleden", "My partner died")), ("divorced", t("Wij zijn gescheiden", "We divorced")),
                              ("apart", t("Wij wonen voorgoed apart", "We live apart for good")), ("married", t("Ik ben getrouwd", "I married"))]) }
                        { own(LField::NaamPartner, t("Naam van uw partner", "Your partner's name"), "") }
                        { own(LField::DatumWijziging, t("Datum van de wijziging", "Date of the change"), "date") }
                    }
                    if tp == Template::Bezwaar && (rendered.missing.contains(&"datum") || !ctx.state.letter.form.text(LField::DatumWijziging).is_empty()) {
                        { own(LField::DatumWijziging, t("Datum van overlijden of van apart gaan wonen", "Date of death or of living apart"), "date") }
                    }
                    if tp == Template::Eenmalig {
                        { own(LField::DatumOntvangst, t("Datum waarop u het geld kreeg", "Date you received the money"), "date") }
                        { own(LField::Bedrag, t("Bedrag", "Amount"), "€") }
                        { own(LField::SoortUitkering, t("Soort uitkering, zoals een letselschade-uitkering", "Kind of payment, like a personal injury payment"), "") }
                    }
                </div>
                <label for="letter-text" class="letter-text-label">{ t("De brief (in het Nederlands)", "The letter (in Dutch)") }</label>
                <textarea id="letter-text" class="letter-text" readonly=true {rows} lang="nl"
                    value={rendered.text.clone()} />
                <p class="letter-actions no-print">
                    <button type="button" class="primary" id="letter-copy" onclick={copy}>{ t("Kopieer de tekst", "Copy the text") }</button>
                    <button type="button" class="secondary" id="letter-print" onclick={print}>{ t("Print", "Print") }</button>
                </p>
                <p id="letter-copied" class="status" role="status"></p>
                <pre class="letter-print" aria-hidden="true" lang="nl">{ rendered.text.clone() }</pre>
                if !rendered.missing.is_empty() {
                    <div class="no-print" id="letter-missing">
                        <p>{ t("Nog zelf invullen op de stippellijnen:", "Still to fill in by hand on the dotted lines:") }</p>
                        <ul>{ for rendered.missing.iter().map(|x| html! { <li>{ blank_name(x, lang) }</li> }) }</ul>
                    </div>
                }
            </div>
        }
    });
    html! {
        <section class="letter-letters" aria-labelledby="letter-letters-title">
            <h3 id="letter-letters-title">{ t("Een brief terugsturen", "Send a letter back") }</h3>
            <ul class="letter-buttons no-print">{ for buttons }</ul>
            { for letter }
        </section>
    }
}

/// A blank of the letter in words (the template's field name otherwise).
fn blank_name(key: &str, lang: Lang) -> String {
    let (nl, en) = match key {
        "naam" => ("Uw naam", "Your name"),
        "straat_huisnummer" => ("Straat en huisnummer", "Street and number"),
        "postcode" => ("Postcode", "Postcode"),
        "woonplaats" => ("Woonplaats", "Town"),
        "telefoon" => ("Telefoon", "Phone"),
        "email" => ("E-mail", "E-mail"),
        "klantnummer" => ("Klantnummer CAK", "CAK client number"),
        "kenmerk" => ("Kenmerk van de brief", "Reference of the letter"),
        "datum_vandaag" => ("Datum van vandaag", "Today's date"),
        "reden" => (
            "De reden, in uw eigen woorden",
            "The reason, in your own words",
        ),
        "naam_partner" => ("Naam van uw partner", "Your partner's name"),
        "datum_wijziging" => ("Datum van de wijziging", "Date of the change"),
        "wijziging" => ("Wat er veranderd is", "What changed"),
        "datum" => (
            "Datum van overlijden of van apart gaan wonen",
            "Date of death or of living apart",
        ),
        "datum_ontvangst" => (
            "Datum waarop u het geld kreeg",
            "Date you received the money",
        ),
        "bedrag" => ("Bedrag", "Amount"),
        "soort_uitkering" => ("Soort uitkering", "Kind of payment"),
        "factuurnummer" => ("Factuurnummer", "Invoice number"),
        _ => return key.replace('_', " "),
    };
    tr(lang, nl, en).to_string()
}

/// The whole view.
pub fn letter_view(ctx: &Ctx, out: &LetterOutcome) -> Html {
    let lang = ctx.state.lang;
    let t = |nl: &'static str, en: &'static str| tr(lang, nl, en);
    let d = ctx.dispatch.clone();
    // Back to the calculator, in this (full) app: the view's hash (#jaren, #brief) goes.
    let back = Callback::from(move |_: MouseEvent| {
        browser::clear_hash();
        d.dispatch(Action::Show(View::Calculator))
    });
    let printing = if ctx.state.letter.template.is_some() {
        "planner letter-page printing-letter"
    } else {
        "planner letter-page"
    };
    html! {
        <main id="main" class={printing}>
            <p class="no-print"><button type="button" class="secondary" id="letter-back" onclick={back}>
                { t("← Terug naar de berekening", "← Back to the calculator") }
            </button></p>
            <h2 id="letter-title" tabindex="-1">{ t("Klopt mijn CAK-brief?", "Is my CAK letter right?") }</h2>
            { household_words(ctx, false) }
            <div class="planner-layout">
                <div class="plan-col-form">
                    { errors(ctx, out) }
                    { questions(ctx, out) }
                </div>
                <div class="plan-col-result">
                    { report_view(ctx, out) }
                    { letters_view(ctx, out) }
                </div>
            </div>
        </main>
    }
}
