//! The monthly contribution against income, as an SVG chart with the
//! household's own position, the minimum and the maximum, and the same
//! numbers as a table for screen readers and keyboard users.
//! Coordinates are computed in `Decimal` too: no float anywhere near money.

use super::markup::Markup;
use super::scenarios::ScenarioProps;
use crate::i18n::{eur, eur_short, tr};
use rust_decimal::Decimal;
use wlz_core::scenarios::{income_curve, IncomeCurve};
use wlz_core::{Lang, Regime};
use yew::prelude::*;

const W: i64 = 640;
const H: i64 = 300;
const LEFT: i64 = 78;
const RIGHT: i64 = 20;
const TOP: i64 = 16;
const BOTTOM: i64 = 44;
/// How far below the plot the axis labels' baseline lies, in SVG units.
const AXIS_LABEL_DROP: i64 = BOTTOM * 9 / 22;

/// A "nice" axis end above `v`: 1, 2 or 5 times a power of ten.
pub fn nice_ceiling(v: Decimal) -> Decimal {
    if v <= Decimal::ZERO {
        return Decimal::ONE;
    }
    let mut p = Decimal::ONE;
    while p * Decimal::TEN <= v {
        p *= Decimal::TEN;
    }
    for m in [1, 2, 5, 10] {
        let c = p * Decimal::from(m);
        if c >= v {
            return c;
        }
    }
    p * Decimal::TEN
}

fn coord(v: Decimal) -> String {
    v.round_dp(1).normalize().to_string()
}

struct Scale {
    x_max: Decimal,
    y_max: Decimal,
}

impl Scale {
    fn x(&self, income: Decimal) -> Decimal {
        let span = Decimal::from(W - LEFT - RIGHT);
        Decimal::from(LEFT) + span * income.max(Decimal::ZERO).min(self.x_max) / self.x_max
    }
    fn y(&self, monthly: Decimal) -> Decimal {
        let span = Decimal::from(H - TOP - BOTTOM);
        Decimal::from(H - BOTTOM) - span * monthly.max(Decimal::ZERO).min(self.y_max) / self.y_max
    }
}

/// The SVG itself (pure, rendered on the host in tests), written into `m`.
pub fn svg(c: &IncomeCurve, m: &mut Markup) {
    let lang = m.lang;
    let last = c.points.last().map(|p| p.income).unwrap_or(Decimal::ONE);
    let s = Scale {
        x_max: nice_ceiling(last.max(c.current.income)),
        y_max: nice_ceiling(c.maximum * Decimal::new(11, 1)),
    };
    let line: Vec<String> = c
        .points
        .iter()
        .map(|p| format!("{},{}", coord(s.x(p.income)), coord(s.y(p.monthly))))
        .collect();
    let ticks = 5;
    let x_ticks: Vec<Decimal> = (0..=ticks)
        .map(|k| s.x_max * Decimal::from(k) / Decimal::from(ticks))
        .collect();
    let y_ticks: Vec<Decimal> = (0..=4)
        .map(|k| s.y_max * Decimal::from(k) / Decimal::from(4))
        .collect();
    // A horizontal line across the plot at `v`, with `label` above its right end.
    let hline = |m: &mut Markup, v: Decimal, label: &str| {
        let y = coord(s.y(v));
        m.raw("<line")
            .attr("x1", &LEFT.to_string())
            .attr("x2", &(W - RIGHT).to_string())
            .attr("y1", &y)
            .attr("y2", &y)
            .raw(" /><text")
            .attr("x", &(W - RIGHT).to_string())
            .attr("y", &coord(s.y(v) - Decimal::from(5)))
            .raw(" text-anchor=\"end\">")
            .text(label)
            .raw("</text>");
    };
    let cx = coord(s.x(c.current.income));
    let cy = coord(s.y(c.current.monthly));
    let near_right = s.x(c.current.income) > Decimal::from(W - 200);
    m.raw("<svg class=\"curve\"")
        .attr("viewBox", &format!("0 0 {W} {H}"))
        .raw(" role=\"img\" aria-labelledby=\"curve-svg-title curve-svg-desc\" focusable=\"false\"><title id=\"curve-svg-title\">")
        .tr("Eigen bijdrage per maand bij elk inkomen", "Monthly contribution at each income")
        .raw("</title><desc id=\"curve-svg-desc\">")
        .text(&match lang {
            Lang::Nl => format!("Bij uw inkomen van {} betaalt u {} per maand. Het hoogste bedrag is {}.", eur_short(c.current.income, lang), eur(c.current.monthly, lang), eur(c.maximum, lang)),
            Lang::En => format!("At your income of {} you pay {} per month. The highest amount is {}.", eur_short(c.current.income, lang), eur(c.current.monthly, lang), eur(c.maximum, lang)),
        })
        .raw("</desc><g class=\"grid\" aria-hidden=\"true\">");
    for v in &y_ticks {
        let y = coord(s.y(*v));
        m.raw("<line")
            .attr("x1", &LEFT.to_string())
            .attr("x2", &(W - RIGHT).to_string())
            .attr("y1", &y)
            .attr("y2", &y)
            .raw(" /><text")
            .attr("x", &(LEFT - 8).to_string())
            .attr("y", &coord(s.y(*v) + Decimal::from(4)))
            .raw(" text-anchor=\"end\">")
            .text(&eur_short(*v, lang))
            .raw("</text>");
    }
    for v in &x_ticks {
        m.raw("<text")
            .attr("x", &coord(s.x(*v)))
            .attr("y", &(H - BOTTOM + AXIS_LABEL_DROP).to_string())
            .raw(" text-anchor=\"middle\">")
            .text(&eur_short(*v, lang))
            .raw("</text>");
    }
    m.raw("<text")
        .attr("x", &((W + LEFT) / 2).to_string())
        .attr("y", &(H - 6).to_string())
        .raw(" text-anchor=\"middle\" class=\"axis-title\">")
        .tr("Verzamelinkomen per jaar", "Total income per year")
        .raw("</text></g><g aria-hidden=\"true\">");
    if let Some(min) = c.minimum.filter(|m| *m > Decimal::ZERO) {
        m.raw("<g class=\"minimum\">");
        hline(
            m,
            min,
            &format!("{} {}", tr(lang, "minimum", "minimum"), eur(min, lang)),
        );
        m.raw("</g>");
    }
    m.raw("<g class=\"maximum\">");
    hline(
        m,
        c.maximum,
        &format!(
            "{} {}",
            tr(lang, "maximum", "maximum"),
            eur(c.maximum, lang)
        ),
    );
    m.raw("</g><polyline class=\"line\"")
        .attr("points", &line.join(" "))
        .raw(" /><circle class=\"you\"")
        .attr("cx", &cx)
        .attr("cy", &cy)
        .raw(" r=\"6\" /><text class=\"you-label\"")
        .attr("x", &cx)
        .attr("y", &coord(s.y(c.current.monthly) - Decimal::from(12)))
        .attr("text-anchor", if near_right { "end" } else { "start" })
        .raw(">")
        .tr("u", "you")
        .raw("</text></g></svg>");
}

/// The curve, and the same numbers as a table behind a disclosure (its `<details>` stays
/// `html!`, so it stays open while the page updates; the rest is text).
pub fn curve_view(p: &ScenarioProps) -> Html {
    let lang = p.lang;
    let Ok(c) = income_curve(&p.input, 41) else {
        return html! {};
    };
    if c.regime == Regime::Geen {
        return html! {};
    }
    // The table shows the breakpoints and a readable selection of points.
    let mut rows: Vec<(Decimal, Decimal)> = c
        .points
        .iter()
        .enumerate()
        .filter(|(i, p)| {
            i % 5 == 0
                || Some(p.income) == c.minimum_until
                || Some(p.income) == c.maximum_from
                || p.income == c.current.income
        })
        .map(|(_, p)| (p.income, p.monthly))
        .collect();
    rows.dedup();
    let mut m = Markup::new(lang, false);
    m.raw("<h3 id=\"curve-title\">")
        .tr(
            "Wat als uw inkomen anders was?",
            "What if your income were different?",
        )
        .raw("</h3><p>")
        .text(&match (&c.minimum_until, &c.maximum_from, lang) {
            (Some(lo), Some(hi), Lang::Nl) => format!(
                "Tot een inkomen van {} betaalt u het minimum. Vanaf {} betaalt u het maximum.",
                eur(*lo, lang),
                eur(*hi, lang)
            ),
            (Some(lo), Some(hi), Lang::En) => format!(
                "Up to an income of {} you pay the minimum. From {} you pay the maximum.",
                eur(*lo, lang),
                eur(*hi, lang)
            ),
            (None, Some(hi), Lang::Nl) => format!(
                "Vanaf een inkomen van {} betaalt u het maximum.",
                eur(*hi, lang)
            ),
            (None, Some(hi), Lang::En) => {
                format!("From an income of {} you pay the maximum.", eur(*hi, lang))
            }
            (_, _, _) => tr(
                lang,
                "De lijn laat zien hoe het bedrag meegroeit met het inkomen.",
                "The line shows how the amount grows with income.",
            )
            .to_string(),
        })
        .raw("</p>");
    svg(&c, &mut m);
    let head = m.html();
    m.raw("<table><caption class=\"visually-hidden\">")
        .tr(
            "Eigen bijdrage per maand bij elk inkomen",
            "Monthly contribution at each income",
        )
        .raw("</caption><thead><tr><th scope=\"col\" class=\"amount\">")
        .tr("Verzamelinkomen", "Total income")
        .raw("</th><th scope=\"col\" class=\"amount\">")
        .tr("Per maand", "Per month")
        .raw("</th></tr></thead><tbody>");
    for (inc, mo) in &rows {
        let here = *inc == c.current.income;
        m.raw(if here {
            "<tr class=\"current\">"
        } else {
            "<tr>"
        })
        .raw("<td class=\"amount\">")
        .text(&eur(*inc, lang));
        if here {
            m.tr(" (u)", " (you)");
        }
        m.raw("</td><td class=\"amount\">")
            .text(&eur(*mo, lang))
            .raw("</td></tr>");
    }
    m.raw("</tbody></table>");
    html! {
        <section class="scenario curve-section" aria-labelledby="curve-title">
            { head }
            <details class="curve-table">
                <summary>{ tr(lang, "Bekijk als tabel", "Show as a table") }</summary>
                { m.html() }
            </details>
        </section>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn axis_ends_are_round_numbers_above_the_data() {
        assert_eq!(nice_ceiling(Decimal::new(122_738, 2)), Decimal::from(2000));
        assert_eq!(nice_ceiling(Decimal::from(151_000)), Decimal::from(200_000));
        assert_eq!(nice_ceiling(Decimal::from(400_000)), Decimal::from(500_000));
        assert_eq!(nice_ceiling(Decimal::from(100)), Decimal::from(100));
        assert_eq!(nice_ceiling(Decimal::ZERO), Decimal::ONE);
    }

    #[test]
    fn the_scale_maps_the_plot_area() {
        let s = Scale {
            x_max: Decimal::from(100_000),
            y_max: Decimal::from(2_000),
        };
        assert_eq!(s.x(Decimal::ZERO), Decimal::from(LEFT));
        assert_eq!(s.x(Decimal::from(100_000)), Decimal::from(W - RIGHT));
        assert_eq!(s.y(Decimal::ZERO), Decimal::from(H - BOTTOM));
        assert_eq!(s.y(Decimal::from(2_000)), Decimal::from(TOP));
        // Out of range values stay on the chart.
        assert_eq!(s.y(Decimal::from(9_000)), Decimal::from(TOP));
    }
}
