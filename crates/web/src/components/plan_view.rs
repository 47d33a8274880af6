//! What the planner shows (display only, written as HTML text, see [`super::markup`]): the
//! table per contribution year, the bar chart, the assumptions and hints, the AOW comparison
//! and scenario A beside B. Every figure is the core's ([`wlz_core::planner`]).

use super::markup::Markup;
use super::result::regime_key;
use super::Ctx;
use crate::i18n::{eur, eur_short, regime_name};
use crate::plan_form::PlanOutcome;
use rust_decimal::Decimal;
use wlz_core::planner::{aow::AowComparison, Plan, PlanComparison};
use wlz_core::Lang;
use yew::prelude::*;

/// The household taken from the calculator, in one line.
pub fn household_line(ctx: &Ctx) -> Html {
    household_words(ctx, true)
}

/// The household line; `plan`: the planner's (the years ahead), else the letter check's.
pub fn household_words(ctx: &Ctx, plan: bool) -> Html {
    let lang = ctx.state.lang;
    let mut m = Markup::new(lang, false);
    m.raw("<p class=\"plan-household\">");
    let Some(input) = &ctx.computed.outcome.input else {
        if !plan {
            return m
                .tr(
                    "Vul eerst de vragen van de berekening in.",
                    "First answer the calculator's questions.",
                )
                .raw("</p>")
                .html();
        }
        return m
            .tr(
                "Vul eerst de vragen van de berekening in. Daarna rekenen wij de komende jaren uit.",
                "First answer the calculator's questions. Then we calculate the coming years.",
            )
            .raw("</p>")
            .html();
    };
    m.tr(
        "Wij gebruiken de gegevens uit uw berekening: ",
        "We use the answers from your calculation: ",
    );
    let person = |m: &mut Markup, p: &wlz_core::Person| {
        if let Some(c) = p.care.0.first() {
            m.text(c.label().get(lang)).raw(", ");
        }
        if let Some(a) = p.age {
            m.text(&a.to_string()).tr(" jaar", " years old");
        }
        if let Some(i) = &p.income {
            m.tr(", inkomen ", ", income ").text(&eur_short(i.0, lang));
        }
        if let Some(t) = &p.tax {
            m.tr(", belasting ", ", tax ").text(&eur_short(t.0, lang));
        }
    };
    person(&mut m, &input.client);
    if let Some(p) = &input.partner {
        m.tr("; partner: ", "; partner: ");
        person(&mut m, p);
    }
    if !plan {
        return m.raw(".</p>").html();
    }
    m.tr(
        ". Het inkomen en de belasting blijven elk jaar gelijk.",
        ". The income and the tax stay the same every year.",
    )
    .raw("</p>")
    .html()
}

/// The results: nothing before the first "Bereken", then the plan of the scenario shown.
pub fn plan_results(ctx: &Ctx, out: &PlanOutcome) -> Html {
    let lang = ctx.state.lang;
    let b = ctx.state.plan.editing_b && ctx.state.plan.b.is_some();
    let mut m = Markup::new(lang, false);
    m.raw("<section class=\"plan-result\" aria-labelledby=\"plan-result-title\">");
    let Some(plan) = out.shown(b).filter(|_| ctx.state.plan.runs > 0) else {
        return m
            .raw("<h3 id=\"plan-result-title\" tabindex=\"-1\">")
            .tr("Uitkomst", "Result")
            .raw("</h3><p class=\"placeholder\">")
            .tr(
                "Vul de vragen in en kies ‘Bereken de komende jaren’.",
                "Answer the questions and choose ‘Calculate the coming years’.",
            )
            .raw("</p></section>")
            .html();
    };
    m.raw("<h3 id=\"plan-result-title\" tabindex=\"-1\">");
    if ctx.state.plan.b.is_some() {
        m.text(if b { "Scenario B" } else { "Scenario A" })
            .tr(": wat u per jaar betaalt", ": what you pay per year");
    } else {
        m.tr("Wat u per jaar betaalt", "What you pay per year");
    }
    m.raw("</h3><p class=\"sentence plan-total\">")
        .tr("Samen over ", "Together over ")
        .text(&plan.years.len().to_string())
        .tr(" jaar: ", " years: ")
        .raw("<strong id=\"plan-cumulative\">")
        .text(&eur(plan.cumulative, lang))
        .raw("</strong></p>");
    if let Some(c) = &out.comparison {
        comparison_table(&mut m, c);
    }
    chart(&mut m, plan);
    year_table(&mut m, plan);
    events_and_assumptions(&mut m, plan);
    if let Some(aow) = &plan.aow {
        aow_table(&mut m, aow, plan);
    }
    m.raw("</section>").html()
}

/// A table in a container that scrolls on a narrow screen (focusable, so the keyboard can
/// scroll it).
fn open_scroll(m: &mut Markup, label: &str) {
    m.raw("<div class=\"table-scroll\" role=\"region\" tabindex=\"0\"")
        .attr("aria-label", label)
        .raw(">");
}

/// One row per contribution year: peiljaar, known or expected, the regimes, total, running total.
fn year_table(m: &mut Markup, plan: &Plan) {
    let lang = m.lang;
    let caption = crate::i18n::tr(lang, "Bijdrage per jaar", "Contribution per year");
    open_scroll(m, caption);
    let tr = |nl, en| crate::i18n::tr(lang, nl, en);
    let head = [
        tr("Peiljaar", "Reference year"),
        tr("Bijdrage per maand", "Contribution per month"),
        tr("Jaartotaal", "Year total"),
        tr("Opgeteld", "Running total"),
    ];
    m.raw("<table class=\"plan-years plan-reflow\" id=\"plan-years\"><caption>")
        .text(caption)
        .raw("</caption><thead><tr><th scope=\"col\">")
        .tr("Jaar", "Year");
    for (i, h) in head.iter().enumerate() {
        m.raw(if i < 2 {
            "</th><th scope=\"col\">"
        } else {
            "</th><th scope=\"col\" class=\"amount\">"
        })
        .text(h);
    }
    m.raw("</th></tr></thead><tbody>");
    for y in &plan.years {
        m.raw("<tr><th scope=\"row\">").text(&y.year.to_string());
        if !y.events.is_empty() {
            m.raw(" <span class=\"event-mark\" aria-hidden=\"true\">◆</span>");
        }
        m.raw("</th><td")
            .attr("data-label", head[0])
            .raw(">")
            .text(&y.peiljaar.to_string())
            .raw(" <span class=\"small\">(");
        if y.known {
            m.tr("bekend", "known");
        } else {
            m.tr("verwachting", "expected");
        }
        m.raw(")</span></td><td")
            .attr("data-label", head[1])
            .raw(">");
        for r in &y.regimes {
            m.raw("<span class=\"segment\"><span class=\"regime-tag regime-")
                .raw(regime_key(r.regime))
                .raw("\">")
                .text(&regime_name(r.regime, lang))
                .raw("</span> ")
                .text(&eur(r.monthly, lang))
                .raw(" × ")
                .text(&r.months.to_string())
                .tr(" mnd", " mo")
                .raw("</span>");
        }
        for &i in &y.events {
            if let Some(e) = plan.events.get(i) {
                m.raw("<span class=\"segment plan-event\">◆ ")
                    .text(e.text.get(lang))
                    .raw("</span>");
            }
        }
        m.raw("</td><td class=\"amount\"")
            .attr("data-label", head[2])
            .raw("><span>")
            .text(&eur(y.total, lang));
        if y.estimated {
            m.raw("<br><span class=\"estimate-mark\">")
                .tr("schatting", "estimate")
                .raw("</span>");
        }
        m.raw("</span></td><td class=\"amount\"")
            .attr("data-label", head[3])
            .raw(">")
            .text(&eur(y.cumulative, lang))
            .raw("</td></tr>");
        if let Some(c) = &y.carried {
            m.raw("<tr class=\"carried\"><td colspan=\"5\">")
                .text(c.get(lang))
                .raw("</td></tr>");
        }
    }
    m.raw("</tbody><tfoot><tr><th scope=\"row\" colspan=\"4\">")
        .tr("Totaal", "Total")
        .raw("</th><td class=\"amount\"")
        .attr("data-label", head[3])
        .raw(">")
        .text(&eur(plan.cumulative, lang))
        .raw("</td></tr></tfoot></table></div>");
}

/// Bars of the year totals (one row per year, so the labels stay legible on a phone), with a
/// mark by each year in which an event first counts. The table is the text alternative.
fn chart(m: &mut Markup, plan: &Plan) {
    let lang = m.lang;
    let max = plan
        .years
        .iter()
        .map(|y| y.total)
        .max()
        .unwrap_or_default()
        .max(Decimal::ONE);
    let height = plan.years.len() * 30 + 8;
    m.raw(&format!(
        "<figure class=\"plan-chart\"><svg viewBox=\"0 0 400 {height}\" role=\"img\""
    ))
    .attr(
        "aria-label",
        crate::i18n::tr(
            lang,
            "Staafdiagram van de bijdrage per jaar. De bedragen staan in de tabel.",
            "Bar chart of the contribution per year. The amounts are in the table.",
        ),
    )
    .raw(">");
    for (i, y) in plan.years.iter().enumerate() {
        let top = 4 + i * 30;
        let len: i64 = (y.total / max * Decimal::from(230))
            .round()
            .try_into()
            .unwrap_or(0);
        m.raw(&format!(
            "<text x=\"0\" y=\"{}\">{}</text><rect class=\"bar\" x=\"58\" y=\"{}\" width=\"{len}\" height=\"20\"></rect><text class=\"bar-value\" x=\"{}\" y=\"{}\">",
            top + 15,
            y.year,
            top + 1,
            64 + len,
            top + 15,
        ))
        .text(&short_k(y.total, lang))
        .raw("</text>");
        if !y.events.is_empty() {
            m.raw(&format!(
                "<text class=\"event\" x=\"40\" y=\"{}\">◆</text>",
                top + 16
            ));
        }
    }
    m.raw("<line class=\"axis\" x1=\"58\" y1=\"0\" x2=\"58\"")
        .raw(&format!(" y2=\"{height}\"></line></svg><figcaption>"))
        .tr(
            "Bijdrage per jaar. ◆ = een gebeurtenis telt vanaf dat jaar mee.",
            "Contribution per year. ◆ = an event counts from that year.",
        )
        .raw("</figcaption></figure>");
}

/// `€ 14k` style label above a bar: whole euros, as the page writes round amounts.
fn short_k(v: Decimal, lang: Lang) -> String {
    eur_short(v.round(), lang)
}

/// The events, the assumptions (with their open question) and the hints.
fn events_and_assumptions(m: &mut Markup, plan: &Plan) {
    let lang = m.lang;
    if !plan.events.is_empty() {
        m.raw("<h4>")
            .tr("Wat verandert er", "What changes")
            .raw("</h4><ul class=\"plan-events\">");
        for e in &plan.events {
            // The core's event text names its date already.
            m.raw("<li>")
                .text(e.text.get(lang))
                .raw(" ")
                .tr("Telt mee vanaf ", "Counts from ")
                .text(&e.first_year.to_string())
                .raw(". <span class=\"cite\">")
                .text(e.article)
                .raw("</span></li>");
        }
        m.raw("</ul>");
    }
    m.raw("<h4>")
        .tr("Waar wij van uitgaan", "What we assume")
        .raw("</h4><ul class=\"plan-assumptions\">");
    for a in &plan.assumptions {
        m.raw("<li>");
        if let Some(id) = a.id {
            m.raw("<span class=\"cite\">").text(id).raw("</span> ");
        }
        m.text(a.text.get(lang)).raw("</li>");
    }
    m.raw("</ul>");
    if !plan.hints.is_empty() {
        m.raw("<h4>")
            .tr("Goed om te weten", "Good to know")
            .raw("</h4><ul class=\"plan-hints\">");
        for h in &plan.hints {
            m.raw("<li>").text(h.get(lang)).raw("</li>");
        }
        m.raw("</ul>");
    }
}

/// The four AOW options per year: net per month, and the Wlz contributions of all years.
fn aow_table(m: &mut Markup, aow: &AowComparison, plan: &Plan) {
    let lang = m.lang;
    m.raw("<h4 id=\"aow-title\">")
        .tr(
            "Getrouwd blijven of duurzaam gescheiden leven?",
            "Stay married or live permanently apart?",
        )
        .raw("</h4><p>")
        .tr(
            "Netto per maand: AOW van u samen plus zorgtoeslag, min de Wlz-bijdrage.",
            "Net per month: the AOW of you both plus zorgtoeslag, minus the Wlz contribution.",
        )
        .raw("</p>");
    let caption = crate::i18n::tr(
        lang,
        "Netto per maand per keuze",
        "Net per month per choice",
    );
    open_scroll(m, caption);
    m.raw("<table class=\"plan-aow plan-reflow\" id=\"plan-aow\"><caption>")
        .text(caption)
        .raw("</caption><thead><tr><th scope=\"col\">")
        .tr("Jaar", "Year")
        .raw("</th>");
    for o in &aow.options {
        m.raw("<th scope=\"col\" class=\"amount\">")
            .text(o.label.get(lang))
            .raw("</th>");
    }
    m.raw("</tr></thead><tbody>");
    for (i, y) in plan.years.iter().enumerate() {
        m.raw("<tr><th scope=\"row\">")
            .text(&y.year.to_string())
            .raw("</th>");
        for o in &aow.options {
            m.raw("<td class=\"amount\"")
                .attr("data-label", o.label.get(lang))
                .raw(">");
            if let Some(oy) = o.years.get(i) {
                m.text(&eur(oy.net_month, lang));
            }
            m.raw("</td>");
        }
        m.raw("</tr>");
    }
    m.raw("</tbody><tfoot><tr><th scope=\"row\">")
        .tr("Wlz-bijdrage, alle jaren", "Wlz contribution, all years")
        .raw("</th>");
    for o in &aow.options {
        m.raw("<td class=\"amount\"")
            .attr("data-label", o.label.get(lang))
            .raw(">")
            .text(&eur(o.wlz_total, lang))
            .raw("</td>");
    }
    m.raw("</tr></tfoot></table></div><ul class=\"notes\">");
    for n in &aow.notes {
        m.raw("<li class=\"note\">").text(n.get(lang)).raw("</li>");
    }
    m.raw("</ul>");
}

/// Scenario A beside B per year, the difference, and the total difference.
fn comparison_table(m: &mut Markup, c: &PlanComparison) {
    let lang = m.lang;
    let diff = crate::i18n::tr(lang, "Verschil (B − A)", "Difference (B − A)");
    let caption = crate::i18n::tr(
        lang,
        "Scenario A en B per jaar",
        "Scenario A and B per year",
    );
    m.raw("<h4>")
        .tr(
            "Scenario A en B naast elkaar",
            "Scenario A and B side by side",
        )
        .raw("</h4><p class=\"plan-difference\">");
    let d = c.difference;
    if d.is_zero() {
        m.tr(
            "Scenario B kost evenveel als scenario A.",
            "Scenario B costs the same as scenario A.",
        );
    } else {
        m.tr("Scenario B kost in totaal ", "In total, scenario B costs ")
            .raw("<strong id=\"plan-total-difference\">")
            .text(&eur(d.abs(), lang))
            .raw("</strong> ");
        if d > Decimal::ZERO {
            m.tr("meer dan scenario A.", "more than scenario A.");
        } else {
            m.tr("minder dan scenario A.", "less than scenario A.");
        }
    }
    m.raw("</p>");
    open_scroll(m, caption);
    m.raw("<table class=\"plan-compare plan-reflow\" id=\"plan-compare\"><caption>")
        .text(caption)
        .raw("</caption><thead><tr><th scope=\"col\">")
        .tr("Jaar", "Year")
        .raw("</th><th scope=\"col\" class=\"amount\">Scenario A</th><th scope=\"col\" class=\"amount\">Scenario B</th><th scope=\"col\" class=\"amount\">")
        .text(diff)
        .raw("</th></tr></thead><tbody>");
    let row = |m: &mut Markup, label: &str, a: Decimal, b: Decimal, d: Decimal| {
        m.raw("<tr><th scope=\"row\">").text(label).raw("</th>");
        for (v, l) in [(a, "Scenario A"), (b, "Scenario B"), (d, diff)] {
            m.raw("<td class=\"amount\"")
                .attr("data-label", l)
                .raw(">")
                .text(&eur(v, lang))
                .raw("</td>");
        }
        m.raw("</tr>");
    };
    for y in &c.years {
        row(m, &y.year.to_string(), y.a, y.b, y.difference);
    }
    m.raw("</tbody><tfoot>");
    let total = crate::i18n::tr(lang, "Totaal", "Total");
    row(m, total, c.a.cumulative, c.b.cumulative, c.difference);
    m.raw("</tfoot></table></div>");
}
