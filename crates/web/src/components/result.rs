//! The answer: one sentence first, then the regime and why, then the
//! steps of the engine's trace adding up to the amount, each with its
//! article on wetten.overheid.nl, with estimates marked.

use super::markup::Markup;
use super::Ctx;
use crate::i18n::{eur, regime_name, tr};
use rust_decimal::Decimal;
use wlz_core::params::Status;
use wlz_core::trace::{
    estimate_marks, is_shown, params_behind, Calc, Operand, ParamUse, Sign, Step,
};
use wlz_core::{Estimate, Lang, NoteKind, Regime};
use yew::prelude::*;

/// The error summary: shown after "Bereken", each message a link to its field.
pub fn error_summary(ctx: &Ctx) -> Html {
    let lang = ctx.state.lang;
    if !ctx.state.submitted || ctx.visible_errors.is_empty() {
        return html! {};
    }
    html! {
        <div class="error-summary" id="error-summary" role="alert" tabindex="-1"
            aria-labelledby="error-summary-title">
            <h2 id="error-summary-title">{ tr(lang, "Controleer deze vragen", "Please check these questions") }</h2>
            <ul>
                { for ctx.visible_errors.iter().map(|e| {
                    let msg = e.message.get(lang).to_string();
                    match e.field {
                        Some(f) => {
                            let target = f.key();
                            let onclick = Callback::from(move |ev: MouseEvent| {
                                ev.prevent_default();
                                crate::browser::focus(target);
                            });
                            html! { <li><a href={format!("#{target}")} {onclick}>{ msg }</a></li> }
                        }
                        None => html! { <li>{ msg }</li> },
                    }
                }) }
            </ul>
        </div>
    }
}

/// How an operand reads in a formula: amounts in euros, shares as percentages.
fn operand(o: &Operand, lang: Lang) -> String {
    match o.parameter() {
        Some(p) if p.unit == wlz_core::params::Unit::Share => percent(o.value, lang),
        Some(p) if p.unit.is_money() => eur(o.value, lang),
        Some(_) => number(o.value, lang),
        None if o.step_id().is_some() => eur(o.value, lang),
        None => number(o.value, lang),
    }
}

fn number(v: Decimal, lang: Lang) -> String {
    let s = v.normalize().to_string();
    match lang {
        Lang::Nl => s.replace('.', ","),
        Lang::En => s,
    }
}

fn percent(v: Decimal, lang: Lang) -> String {
    format!("{}%", number(v * Decimal::ONE_HUNDRED, lang))
}

/// The calculation of a step in words and symbols.
pub fn formula(s: &Step, lang: Lang) -> String {
    let list = |of: &[Operand]| {
        of.iter()
            .map(|o| operand(o, lang))
            .collect::<Vec<_>>()
            .join("; ")
    };
    match &s.calc {
        Calc::Input => tr(lang, "door u ingevuld", "as you entered").to_string(),
        Calc::Param { .. } => {
            tr(lang, "bedrag uit de regeling", "amount set by the rules").to_string()
        }
        Calc::Decision => String::new(),
        Calc::Sum { terms, floor_zero } => {
            let mut out = String::new();
            for (i, t) in terms.iter().enumerate() {
                let v = operand(&t.operand, lang);
                match (i, t.sign) {
                    (0, Sign::Plus) => out.push_str(&v),
                    (0, Sign::Minus) => out.push_str(&format!("− {v}")),
                    (_, Sign::Plus) => out.push_str(&format!(" + {v}")),
                    (_, Sign::Minus) => out.push_str(&format!(" − {v}")),
                }
            }
            if *floor_zero {
                out.push_str(tr(lang, " (niet lager dan € 0)", " (not below €0)"));
            }
            out
        }
        Calc::Product { of, by } => format!("{} × {}", operand(of, lang), operand(by, lang)),
        Calc::Quotient { of, by } => format!("{} ÷ {}", operand(of, lang), operand(by, lang)),
        Calc::Max { of } => format!(
            "{} {}",
            tr(lang, "het hoogste van", "the highest of"),
            list(of)
        ),
        Calc::Min { of } => format!(
            "{} {}",
            tr(lang, "het laagste van", "the lowest of"),
            list(of)
        ),
        Calc::Round { of } => format!(
            "{} {}",
            operand(of, lang),
            tr(lang, "afgerond op hele centen", "rounded to whole cents")
        ),
    }
}

/// The rules of the DERIVED values behind a step, one click away: computed from figures in the
/// law, so not marked as an estimate, but the reader can see how. (`m`: an empty [`Markup`] to
/// write the list with; the `<details>` stays `html!`, so it stays open while the page updates.)
fn derived_rules(derived: &[ParamUse], m: &mut Markup) -> Html {
    if derived.is_empty() {
        return html! {};
    }
    let lang = m.lang;
    m.raw("<ul>");
    for (p, d) in derived
        .iter()
        .filter_map(|p| p.derivation.as_ref().map(|d| (p, d)))
    {
        m.raw("<li><strong>")
            .text(p.label.get(lang))
            .raw("</strong>: ")
            .text(d.rule.get(lang))
            .raw(" ");
        for src in d.sources {
            m.link(src.url, Some("cite"), src.article).raw(" ");
        }
        m.raw("</li>");
    }
    m.raw("</ul>");
    html! {
        <details class="derived">
            <summary>{ tr(lang, "Afgeleid uit de wet: zo komen wij aan dit bedrag", "Derived from the law: how we get this figure") }</summary>
            { m.html() }
        </details>
    }
}

/// A step's note: a short one as it is (written into `m`); a long one (the tax estimate's is
/// about 90 words) shows its first sentence, with the rest behind "Meer uitleg" (plain Dutch:
/// short first), returned as `html!` for its `<details>`.
fn step_note(note: &str, m: &mut Markup) -> Html {
    const SHORT: usize = 25;
    let first_end = note
        .match_indices(". ")
        .map(|(i, _)| i + 1)
        .next()
        .unwrap_or(note.len());
    let (first, rest) = note.split_at(first_end);
    if note.split_whitespace().count() <= SHORT || rest.trim().is_empty() {
        m.raw("<span class=\"step-note\">")
            .text(note)
            .raw("</span>");
        return html! {};
    }
    html! {
        <div class="step-note">
            { first.to_string() }
            <details class="more-note">
                <summary>{ tr(m.lang, "Meer uitleg", "More explanation") }</summary>
                { rest.trim().to_string() }
            </details>
        </div>
    }
}

fn step_row(
    s: &Step,
    estimated: bool,
    derived: &[ParamUse],
    ctx: &Ctx,
    class: &'static str,
) -> Html {
    let lang = ctx.state.lang;
    let mut m = Markup::new(lang, ctx.state.embed);
    m.raw("<span class=\"step-label\">")
        .text(s.label.get(lang))
        .raw("</span>");
    if !matches!(s.calc, Calc::Decision) {
        m.raw("<span class=\"formula\">")
            .text(&formula(s, lang))
            .raw("</span>");
    }
    let long_note = match &s.note {
        Some(n) => step_note(n.get(lang), &mut m),
        None => html! {},
    };
    let head = m.html();
    let derived = derived_rules(derived, &mut m);
    if estimated {
        let estimate_params: Vec<&str> = s
            .params
            .iter()
            .filter(|p| p.status == Status::Estimate)
            .map(|p| p.label.get(lang))
            .collect();
        m.raw("<span class=\"estimate-mark\">")
            .tr("Schatting", "Estimate");
        if !estimate_params.is_empty() {
            m.raw(": ").text(&estimate_params.join(", "));
        }
        if s.estimated && estimate_params.is_empty() {
            m.tr(": dit bedrag schatten wij", ": we estimate this amount");
        }
        m.raw("</span>");
    }
    let mark = m.html();
    if let Some(c) = &s.reference {
        m.link(c.url(), Some("cite"), &c.article());
    }
    let cite = m.html();
    let class = match (class, estimated) {
        ("total", true) => "total estimated",
        ("main", true) => "main estimated",
        ("detail", true) => "detail estimated",
        (c, _) => c,
    };
    html! {
        <tr {class}>
            <th scope="row">{ head }{ long_note }{ derived }{ mark }</th>
            <td class="amount">{ s.amount.map(|a| eur(a, lang)).unwrap_or_default() }</td>
            <td class="ref">{ cite }</td>
        </tr>
    }
}

/// The main line of the calculation, then every step behind a disclosure.
fn breakdown(ctx: &Ctx) -> Html {
    let lang = ctx.state.lang;
    let Some(e) = ctx.computed.estimate.as_ref() else {
        return html! {};
    };
    let marks = estimate_marks(&e.steps);
    let derived = params_behind(&e.steps, Status::Derived);
    let marks_all: Vec<bool> = e
        .steps
        .iter()
        .map(|s| s.estimated || s.params.iter().any(|p| p.status == Status::Estimate))
        .collect();
    let head = html! {
        <thead><tr>
            <th scope="col">{ tr(lang, "Stap", "Step") }</th>
            <th scope="col" class="amount">{ tr(lang, "Bedrag", "Amount") }</th>
            <th scope="col">{ tr(lang, "Wetsartikel", "Article") }</th>
        </tr></thead>
    };
    html! {
        <section class="breakdown" aria-labelledby="breakdown-title">
            <h3 id="breakdown-title">{ tr(lang, "Zo rekenen wij het uit", "How we calculate it") }</h3>
            <table class="steps" id="steps">
                <caption class="visually-hidden">{ tr(lang, "De berekening stap voor stap", "The calculation step by step") }</caption>
                { head.clone() }
                <tbody>
                    { for e.steps.iter().zip(&marks).zip(&derived).filter(|((s, _), _)| is_shown(s)).map(|((s, m), d)| {
                        step_row(s, *m || s.estimated, d, ctx, if s.id == "monthly" { "total" } else { "main" })
                    }) }
                </tbody>
            </table>
            <details class="all-steps">
                <summary>{ tr(lang, "Alle rekenstappen", "All calculation steps") }</summary>
                <table class="steps">
                    <caption class="visually-hidden">{ tr(lang, "Alle rekenstappen", "All calculation steps") }</caption>
                    { head }
                    <tbody>
                        { for e.steps.iter().zip(&marks_all).map(|(s, m)| {
                            let own: Vec<ParamUse> = s.params.iter().filter(|p| p.status == Status::Derived).copied().collect();
                            step_row(s, *m, &own, ctx, if is_shown(s) { "main" } else { "detail" })
                        }) }
                    </tbody>
                </table>
            </details>
        </section>
    }
}

fn note_kind(k: NoteKind, lang: Lang) -> &'static str {
    match k {
        NoteKind::Assumption => tr(lang, "Aanname", "Assumption"),
        NoteKind::Hint => tr(lang, "Tip", "Tip"),
        NoteKind::Info => tr(lang, "Goed om te weten", "Good to know"),
    }
}

/// The first lines: the sentence, the regime and why, the split (inside the live region).
fn headline(e: &Estimate, m: &mut Markup) {
    let lang = m.lang;
    m.raw("<p class=\"sentence\">").tr(
        match e.regime {
            Regime::Geen => "U betaalt geen eigen bijdrage: ",
            _ => "U betaalt naar schatting ",
        },
        match e.regime {
            Regime::Geen => "You pay no contribution: ",
            _ => "You pay an estimated ",
        },
    );
    m.raw("<output id=\"monthly-amount\" for=\"questions\">")
        .text(&eur(e.monthly, lang))
        .raw("</output>")
        .tr(" per maand.", " per month.")
        .raw("</p>");
    let reason = &e.regime_reason;
    m.raw("<p class=\"regime regime-")
        .raw(regime_key(e.regime))
        .raw("\"><strong id=\"regime\">")
        .text(&regime_name(e.regime, lang))
        .raw("</strong>. ")
        .text(reason.text.get(lang))
        .raw(" ")
        .link(
            reason.reference.url(),
            Some("cite"),
            &reason.reference.article(),
        )
        .raw("</p>");
    if let Some(split) = &e.split {
        m.raw("<p class=\"split\">").text(&match lang {
            Lang::Nl => format!("U en uw partner betalen samen één bijdrage. Het CAK verdeelt die naar inkomen: u {} en uw partner {} per maand.", eur(split.client, lang), eur(split.partner, lang)),
            Lang::En => format!("You and your partner pay one contribution together. The CAK splits it by income: you {} and your partner {} per month.", eur(split.client, lang), eur(split.partner, lang)),
        }).raw("</p>");
    }
    if e.estimated {
        m.raw("<p class=\"estimate-warning\">").tr(
            "In deze berekening zit een bedrag dat wij schatten. Het is gemarkeerd met ‘Schatting’. Het echte bedrag kan daardoor anders zijn.",
            "This calculation contains an amount we estimate, marked ‘Estimate’. The real amount may differ.",
        ).raw("</p>");
    }
}

pub fn regime_key(r: Regime) -> &'static str {
    match r {
        Regime::Lage => "lage",
        Regime::Hoge => "hoge",
        Regime::Geen => "geen",
    }
}

/// Notes, the readings of open questions, and other readings that matter.
fn notes(e: &Estimate, m: &mut Markup) {
    let lang = m.lang;
    if !e.notes.is_empty() {
        m.raw("<ul class=\"notes\">");
        for n in &e.notes {
            m.raw("<li class=\"note note-")
                .raw(match n.kind {
                    NoteKind::Assumption => "assumption",
                    NoteKind::Hint => "hint",
                    NoteKind::Info => "info",
                })
                .raw("\"><strong>")
                .text(note_kind(n.kind, lang))
                .raw(": </strong>")
                .text(n.text.get(lang));
            if let Some(c) = &n.reference {
                m.raw(" ").link(c.url(), Some("cite"), &c.article());
            }
            m.raw("</li>");
        }
        m.raw("</ul>");
    }
    if !e.alternatives.is_empty() {
        m.raw("<div class=\"alternatives\"><p>")
            .tr(
                "De wet is hier niet helemaal duidelijk. Een andere lezing geeft:",
                "The law is not entirely clear here. Another reading gives:",
            )
            .raw("</p><ul>");
        for a in &e.alternatives {
            m.raw("<li>")
                .text(&format!(
                    "{}: {}, {} {}",
                    a.label.get(lang),
                    regime_name(a.regime, lang).to_ascii_lowercase(),
                    eur(a.monthly, lang),
                    tr(lang, "per maand", "per month")
                ))
                .text(&format!(" ({})", a.reading))
                .raw("</li>");
        }
        m.raw("</ul></div>");
    }
    let readings: Vec<&str> = e.readings.ids().collect();
    if !readings.is_empty() {
        m.raw("<p class=\"readings\">")
            .tr(
                "Waar de wet een open vraag laat, kiezen wij een lezing en zeggen dat erbij. Voor deze uitkomst: ",
                "Where the law leaves a question open, we choose a reading and say so. For this result: ",
            )
            .text(&readings.join(", "))
            .tr(" (zie de specificatie in onze broncode).", " (see the specification in our source code).")
            .raw("</p>");
    }
}

/// The answer. (A function of the app's context, not a component of its own: smaller page.)
/// The title (a focus target), the live region, the `<details>` and the buttons are `html!`;
/// what they hold is written as text ([`Markup`]).
pub fn result_view(ctx: &Ctx) -> Html {
    let lang = ctx.state.lang;
    let estimate = ctx.computed.estimate.as_ref();
    let onprint = Callback::from(|_: MouseEvent| crate::browser::print());
    let mut m = Markup::new(lang, ctx.state.embed);
    match estimate {
        Some(e) => headline(e, &mut m),
        None => {
            m.raw("<p class=\"placeholder\">")
                .tr(
                    "Beantwoord de vragen. Dan ziet u hier wat u naar schatting per maand betaalt.",
                    "Answer the questions. Then you see here what you pay per month, as an estimate.",
                )
                .raw("</p>");
        }
    }
    let live = m.html();
    html! {
        <section class="result" aria-labelledby="result-title">
            <h2 id="result-title" tabindex="-1">{ tr(lang, "Uw eigen bijdrage", "Your contribution") }</h2>
            <div class="live" aria-live="polite" aria-atomic="true">{ live }</div>
            if let Some(e) = estimate {
                { m.raw("<p class=\"not-a-decision\">").tr(
                    "Dit is een schatting. Alleen de beschikking van het CAK telt. ",
                    "This is an estimate. Only the CAK's decision (beschikking) counts. ",
                ).text(&match lang {
                    Lang::Nl => format!("Wij rekenen met uw inkomen en vermogen van {}, net als het CAK.", e.peiljaar),
                    Lang::En => format!("Like the CAK, we use your income and assets of {}.", e.peiljaar),
                }).raw("</p>").html() }
                { breakdown(ctx) }
                { { notes(e, &mut m); m.html() } }
                <div class="result-actions no-print">
                    <button type="button" onclick={onprint}>{ tr(lang, "Print voor het dossier", "Print for the file") }</button>
                    { super::trust::share_button(ctx) }
                </div>
            }
        </section>
    }
}

/// On a phone the answer lies below the questions: this bar at the bottom of the screen shows
/// the amount while the questions are in view, and leads to the explanation. Hidden on wide
/// screens (CSS), where the answer stands beside the questions.
/// (A function of the App's context, not a component of its own: smaller page.)
pub fn amount_bar(ctx: &Ctx) -> Html {
    let lang = ctx.state.lang;
    let mut m = Markup::new(lang, ctx.state.embed);
    m.raw("<div class=\"amount-bar no-print\" id=\"amount-bar\">");
    let Some(e) = ctx.computed.estimate.as_ref() else {
        // No amount yet but questions to check (a link with a mistake): say so, and lead there.
        let n = ctx.visible_errors.len();
        if n == 0 {
            return html! {};
        }
        let text = match lang {
            Lang::Nl if n == 1 => String::from("Nog 1 vraag nakijken"),
            Lang::Nl => format!("Nog {n} vragen nakijken"),
            Lang::En if n == 1 => String::from("1 question to check"),
            Lang::En => format!("{n} questions to check"),
        };
        return m
            .raw("<span id=\"bar-errors\">")
            .text(&text)
            .raw("</span><a href=\"#error-summary\">")
            .tr("Naar de vragen", "To the questions")
            .raw("</a></div>")
            .html();
    };
    m.raw("<span><span class=\"bar-amount\" id=\"bar-amount\">")
        .text(&eur(e.monthly, lang))
        .raw("</span>")
        .tr(" per maand", " per month")
        .raw("</span><a href=\"#result-title\">")
        .tr("Bekijk de uitleg", "See the explanation")
        .raw("</a></div>")
        .html()
}

/// The dossier lines, shown only on paper ("Print voor het dossier"): the date, a reference
/// code of the answers, every answer used, the readings and estimates, and that this is an
/// estimate. The regime with its article and the amount are the result above it. Built as a
/// few plain lines of text (each element costs page size).
pub fn dossier(ctx: &Ctx) -> Html {
    let lang = ctx.state.lang;
    let Some(e) = ctx.computed.estimate.as_ref() else {
        return html! {};
    };
    let form = &ctx.state.form;
    let date = crate::browser::today()
        .map(|d| crate::i18n::date_long(d, lang))
        .unwrap_or_default();
    let mut lines = vec![form
        .answers_used(lang)
        .iter()
        .map(|(l, a)| format!("{l}: {a}"))
        .collect::<Vec<_>>()
        .join(" · ")];
    let readings: Vec<&str> = e.readings.ids().collect();
    if !readings.is_empty() {
        lines.push(format!(
            "{}{}",
            tr(
                lang,
                "Lezingen van open vragen: ",
                "Readings of open questions: "
            ),
            readings.join(", ")
        ));
    }
    // The steps whose figures are estimates (their own, or a parameter marked ESTIMATE): one
    // line for the paper, the details are in the steps above it.
    let mut estimates: Vec<&str> = Vec::new();
    for s in &e.steps {
        let label = s.label.get(lang);
        let estimated = s.estimated || s.params.iter().any(|p| p.status == Status::Estimate);
        if estimated && !estimates.contains(&label) {
            estimates.push(label);
        }
    }
    if !estimates.is_empty() {
        lines.push(format!(
            "{}{}",
            tr(lang, "Geschatte stappen: ", "Estimated steps: "),
            estimates.join(", ")
        ));
    }
    lines.push(
        tr(
            lang,
            "Dit is een schatting, geen beschikking van het CAK.",
            "This is an estimate, not a decision (beschikking) of the CAK.",
        )
        .to_string(),
    );
    let head = format!(
        "{} · {} {date} · ",
        tr(lang, "Voor het dossier", "For the file"),
        tr(lang, "berekend op", "calculated on")
    );
    Markup::new(lang, false)
        .raw("<section class=\"dossier\"><p>")
        .text(&head)
        .raw("<strong id=\"reference-code\">")
        .text(&form.reference_code())
        .raw("</strong></p><p>")
        .text(&lines.join("\n"))
        .raw("</p></section>")
        .html()
}
