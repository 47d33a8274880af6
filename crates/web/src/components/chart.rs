//! The monthly contribution against income, as an SVG chart with the
//! household's own position, the minimum and the maximum, and the same
//! numbers as a table for screen readers and keyboard users.
//! Coordinates are computed in `Decimal` too: no float anywhere near money.

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

/// The SVG itself (pure, rendered on the host in tests).
pub fn svg(c: &IncomeCurve, lang: Lang) -> Html {
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
    let hline = |v: Decimal, class: &'static str, label: String| {
        let y = coord(s.y(v));
        html! {
            <g class={class}>
                <line x1={LEFT.to_string()} x2={(W - RIGHT).to_string()} y1={y.clone()} y2={y.clone()} />
                <text x={(W - RIGHT).to_string()} y={coord(s.y(v) - Decimal::from(5))} text-anchor="end">{ label }</text>
            </g>
        }
    };
    let cx = coord(s.x(c.current.income));
    let cy = coord(s.y(c.current.monthly));
    let near_right = s.x(c.current.income) > Decimal::from(W - 200);
    html! {
        <svg class="curve" viewBox={format!("0 0 {W} {H}")} role="img"
            aria-labelledby="curve-svg-title curve-svg-desc" focusable="false">
            <title id="curve-svg-title">{ tr(lang, "Eigen bijdrage per maand bij elk inkomen", "Monthly contribution at each income") }</title>
            <desc id="curve-svg-desc">{ match lang {
                Lang::Nl => format!("Bij uw inkomen van {} betaalt u {} per maand. Het hoogste bedrag is {}.", eur_short(c.current.income, lang), eur(c.current.monthly, lang), eur(c.maximum, lang)),
                Lang::En => format!("At your income of {} you pay {} per month. The highest amount is {}.", eur_short(c.current.income, lang), eur(c.current.monthly, lang), eur(c.maximum, lang)),
            } }</desc>
            <g class="grid" aria-hidden="true">
                { for y_ticks.iter().map(|v| {
                    let y = coord(s.y(*v));
                    html! { <>
                        <line x1={LEFT.to_string()} x2={(W - RIGHT).to_string()} y1={y.clone()} y2={y.clone()} />
                        <text x={(LEFT - 8).to_string()} y={coord(s.y(*v) + Decimal::from(4))} text-anchor="end">{ eur_short(*v, lang) }</text>
                    </> }
                }) }
                { for x_ticks.iter().map(|v| {
                    let x = coord(s.x(*v));
                    html! {
                        <text x={x} y={(H - BOTTOM + AXIS_LABEL_DROP).to_string()} text-anchor="middle">{ eur_short(*v, lang) }</text>
                    }
                }) }
                <text x={((W + LEFT) / 2).to_string()} y={(H - 6).to_string()} text-anchor="middle" class="axis-title">
                    { tr(lang, "Verzamelinkomen per jaar", "Total income per year") }
                </text>
            </g>
            <g aria-hidden="true">
                if let Some(min) = c.minimum.filter(|m| *m > Decimal::ZERO) {
                    { hline(min, "minimum", format!("{} {}", tr(lang, "minimum", "minimum"), eur(min, lang))) }
                }
                { hline(c.maximum, "maximum", format!("{} {}", tr(lang, "maximum", "maximum"), eur(c.maximum, lang))) }
                <polyline class="line" points={line.join(" ")} />
                <circle class="you" cx={cx.clone()} cy={cy.clone()} r="6" />
                <text class="you-label" x={cx} y={coord(s.y(c.current.monthly) - Decimal::from(12))}
                    text-anchor={if near_right { "end" } else { "start" }}>
                    { tr(lang, "u", "you") }
                </text>
            </g>
        </svg>
    }
}

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
    html! {
        <section class="scenario curve-section" aria-labelledby="curve-title">
            <h3 id="curve-title">{ tr(lang, "Wat als uw inkomen anders was?", "What if your income were different?") }</h3>
            <p>{ match (&c.minimum_until, &c.maximum_from, lang) {
                (Some(lo), Some(hi), Lang::Nl) => format!("Tot een inkomen van {} betaalt u het minimum. Vanaf {} betaalt u het maximum.", eur(*lo, lang), eur(*hi, lang)),
                (Some(lo), Some(hi), Lang::En) => format!("Up to an income of {} you pay the minimum. From {} you pay the maximum.", eur(*lo, lang), eur(*hi, lang)),
                (None, Some(hi), Lang::Nl) => format!("Vanaf een inkomen van {} betaalt u het maximum.", eur(*hi, lang)),
                (None, Some(hi), Lang::En) => format!("From an income of {} you pay the maximum.", eur(*hi, lang)),
                (_, _, _) => tr(lang, "De lijn laat zien hoe het bedrag meegroeit met het inkomen.", "The line shows how the amount grows with income.").to_string(),
            } }</p>
            { svg(&c, lang) }
            <details class="curve-table">
                <summary>{ tr(lang, "Bekijk als tabel", "Show as a table") }</summary>
                <table>
                    <caption class="visually-hidden">{ tr(lang, "Eigen bijdrage per maand bij elk inkomen", "Monthly contribution at each income") }</caption>
                    <thead><tr>
                        <th scope="col" class="amount">{ tr(lang, "Verzamelinkomen", "Total income") }</th>
                        <th scope="col" class="amount">{ tr(lang, "Per maand", "Per month") }</th>
                    </tr></thead>
                    <tbody>
                        { for rows.iter().map(|(inc, m)| {
                            let here = *inc == c.current.income;
                            html! {
                                <tr class={classes!(here.then_some("current"))}>
                                    <td class="amount">{ eur(*inc, lang) }if here { { tr(lang, " (u)", " (you)") } }</td>
                                    <td class="amount">{ eur(*m, lang) }</td>
                                </tr>
                            }
                        }) }
                    </tbody>
                </table>
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
