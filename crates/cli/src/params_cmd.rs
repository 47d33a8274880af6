//! `wlz-bijdrage params`: the parameter table of one contribution year, as
//! an aligned table or (`--json`) as the array of `wlz_core::params::Param`.

use crate::error::CliError;
use crate::estimate::{default_year, year_help};
use crate::{output, render, Output};
use clap::Args;
use rust_decimal::Decimal;
use wlz_core::params::{Param, Status, YearParams};
use wlz_core::Lang;

/// Text lines are at most this wide.
const WIDTH: usize = 120;
/// The indent of the lines under a parameter (label, URL, note).
const INDENT: &str = "    ";

#[derive(Debug, Args)]
pub struct ParamsArgs {
    #[arg(long, value_name = "N", default_value_t = default_year(), help = year_help())]
    pub year: i32,
    /// The planner's own figures instead (box 3, zorgtoeslag, AOW, the home): every value per
    /// year with its article and status; later years carry the last value.
    #[arg(long)]
    pub planner: bool,
}

pub fn run(args: &ParamsArgs, out: Output) -> Result<(), CliError> {
    if args.planner {
        return planner(out);
    }
    let params = wlz_core::household::params_for(args.year)?;
    if out.json {
        output::print_json(serde_json::to_string_pretty(&params.all()))
    } else {
        output::print_text(table(params, out.lang).trim_end())
    }
}

/// A series key as people read it: a year, or for the AOW's half-years `2026-01` / `2026-07`.
fn key_text(key: i32) -> String {
    if key > 3000 {
        format!("{}-{}", key / 2, if key % 2 == 0 { "01" } else { "07" })
    } else {
        key.to_string()
    }
}

/// `params --planner`: the series of `wlz_core::planner::params`.
fn planner(out: Output) -> Result<(), CliError> {
    let series = wlz_core::planner::params::ALL;
    if out.json {
        let rows: Vec<serde_json::Value> = series
            .iter()
            .map(|s| {
                serde_json::json!({
                    "name": s.name,
                    "label": { "nl": s.label.0, "en": s.label.1 },
                    "status": status_text(s.status),
                    "reference": { "article": s.article, "url": s.url },
                    "values": s.values.iter().map(|(k, v)| serde_json::json!({ "from": key_text(*k), "value": v })).collect::<Vec<_>>(),
                })
            })
            .collect();
        return output::print_json(serde_json::to_string_pretty(&rows));
    }
    let mut text = String::from(tr(
        out.lang,
        "Cijfers van de planner. Een later jaar neemt het laatste bedrag over (schatting).\n\n",
        "The planner's figures. A later year carries the last value (estimate).\n\n",
    ));
    for s in series {
        let values: Vec<String> = s
            .values
            .iter()
            .map(|(k, v)| format!("{}: {v}", key_text(*k)))
            .collect();
        let label = tr(out.lang, s.label.0, s.label.1);
        text.push_str(&format!(
            "{} ({})  {}\n",
            s.name,
            status_text(s.status),
            label
        ));
        text.push_str(&format!(
            "{INDENT}{}\n{INDENT}{}\n{INDENT}{}\n",
            values.join("; "),
            s.article,
            s.url
        ));
    }
    output::print_text(text.trim_end())
}

fn tr(lang: Lang, nl: &'static str, en: &'static str) -> &'static str {
    match lang {
        Lang::Nl => nl,
        Lang::En => en,
    }
}

/// The value as a reader wants it: euros with `format_eur`, shares as a percentage.
pub fn value_text(p: &Param, lang: Lang) -> String {
    let raw = p.value.to_string();
    let decimal_comma = |s: String| match lang {
        Lang::Nl => s.replace('.', ","),
        Lang::En => s,
    };
    if p.unit == wlz_core::params::Unit::Rule {
        raw
    } else if p.unit.is_money() {
        wlz_core::format_eur(p.decimal, lang)
    } else if p.unit == wlz_core::params::Unit::Share {
        let pct = (p.decimal * Decimal::ONE_HUNDRED).normalize();
        format!("{}%", decimal_comma(pct.to_string()))
    } else {
        decimal_comma(raw)
    }
}

fn status_text(s: Status) -> &'static str {
    match s {
        Status::Verified => "VERIFIED",
        Status::Derived => "DERIVED",
        Status::Estimate => "ESTIMATE",
        Status::Open => "OPEN",
    }
}

fn chars(s: &str) -> usize {
    s.chars().count()
}

/// Keeps the words of an article reference together when it wraps.
const GLUE: char = '\u{1f}';

/// `article` with breaks allowed only after `;`, before `(` and before the `art.` of a
/// law's full name, so that `Participatiewet art. 23 lid 1 (2026)` never splits between
/// `lid` and `1`, nor `Blz art. 3.3.2.3` at all. A part longer than `width` may break anywhere.
fn glued(article: &str, width: usize) -> String {
    let words: Vec<&str> = article.split(' ').collect();
    let mut out = String::with_capacity(article.len());
    for (i, w) in words.iter().enumerate() {
        if i > 0 {
            let prev = words[i - 1];
            let breakable = prev.ends_with(';')
                || (*w == "art." && !is_abbreviation(prev))
                || w.starts_with('(');
            out.push(if breakable { ' ' } else { GLUE });
        }
        out.push_str(w);
    }
    out.split(' ')
        .map(|part| {
            if chars(part) > width {
                part.replace(GLUE, " ")
            } else {
                part.to_string()
            }
        })
        .collect::<Vec<_>>()
        .join(" ")
}

/// `Blz`, `Rlz`, `IB`: a short name that stays with the `art.` after it.
fn is_abbreviation(word: &str) -> bool {
    word.chars().count() <= 4 && word.starts_with(|c: char| c.is_uppercase())
}

/// Pads `s` with spaces to `width` characters.
fn pad(s: &str, width: usize) -> String {
    let mut out = String::from(s);
    out.extend(std::iter::repeat_n(' ', width.saturating_sub(chars(s))));
    out
}

/// The table: one row per parameter (name, value, unit, status, article),
/// then, indented, its label, the URL and, for an estimate or an open
/// question, the note.
pub fn table(p: &YearParams, lang: Lang) -> String {
    let params = p.all();
    let rows: Vec<[String; 5]> = params
        .iter()
        .map(|q| {
            [
                q.name.to_string(),
                value_text(q, lang),
                q.unit.name().to_string(),
                status_text(q.status).to_string(),
                q.reference.article.to_string(),
            ]
        })
        .collect();
    let head = [
        tr(lang, "naam", "name"),
        tr(lang, "waarde", "value"),
        tr(lang, "eenheid", "unit"),
        "status",
        tr(lang, "artikel", "article"),
    ];
    let mut widths = head.map(chars);
    for row in &rows {
        for (w, cell) in widths.iter_mut().zip(row) {
            *w = (*w).max(chars(cell));
        }
    }
    // The article column takes what is left of the width and wraps.
    let lead: usize = widths[..4].iter().map(|w| w + 2).sum();
    let article_width = WIDTH.saturating_sub(lead).max(20);
    let line = |cells: [&str; 5]| -> Vec<String> {
        let mut first = String::new();
        for (cell, w) in cells[..4].iter().zip(widths) {
            first.push_str(&pad(cell, w + 2));
        }
        let rest = " ".repeat(lead);
        let mut lines = render::wrap(
            &glued(cells[4], article_width),
            lead + article_width,
            &first,
            &rest,
        );
        for l in &mut lines {
            *l = l.trim_end().replace(GLUE, " ");
        }
        lines
    };

    let mut out = vec![format!(
        "{} {} ({} {}, {})",
        tr(
            lang,
            "Parameters van bijdragejaar",
            "Parameters of contribution year"
        ),
        p.year,
        tr(lang, "peiljaar", "peiljaar (reference year)"),
        p.peiljaar,
        p.peiljaar_reference.article,
    )];
    let legend = tr(
        lang,
        "VERIFIED: gelezen in de wettekst van dat jaar; DERIVED: afgeleid uit bedragen in de wet met \
         een regel die de eigen bedragen van de wet nadoet (zie de regel); ESTIMATE: onze schatting \
         (zie de toelichting); OPEN: een interpretatievraag.",
        "VERIFIED: read in the law text of that year; DERIVED: computed from figures in the law by a \
         rule that reproduces the law's own figures (see the rule); ESTIMATE: our estimate (see the \
         note); OPEN: a question of interpretation.",
    );
    out.extend(render::wrap(legend, WIDTH, "", ""));
    out.push(String::new());
    out.extend(line(head));
    let rule: usize = lead + widths[4].min(article_width);
    out.push("-".repeat(rule.min(WIDTH)));
    for (q, row) in params.iter().zip(&rows) {
        out.extend(line([&row[0], &row[1], &row[2], &row[3], &row[4]]));
        out.extend(render::wrap(q.label.get(lang), WIDTH, INDENT, INDENT));
        out.push(format!("{INDENT}{}", q.reference.url));
        if let Some(d) = &q.derivation {
            let text = format!("{}: {}", tr(lang, "Regel", "Rule"), d.rule.get(lang));
            out.extend(render::wrap(&text, WIDTH, INDENT, INDENT));
            for src in d.sources {
                let text = format!(
                    "{}: {} {}",
                    tr(lang, "Bron", "Source"),
                    src.article,
                    src.url
                );
                out.extend(render::wrap(&text, WIDTH, INDENT, INDENT));
            }
        }
        if q.status != Status::Verified {
            if let Some(note) = q.note.filter(|n| !n.trim().is_empty()) {
                let text = format!("{}: {note}", tr(lang, "Toelichting", "Note"));
                out.extend(render::wrap(&text, WIDTH, INDENT, INDENT));
            }
        }
        out.push(String::new());
    }
    let mut text = out.join("\n");
    text.push('\n');
    text
}

#[cfg(test)]
mod tests {
    use super::*;

    fn year(y: i32) -> &'static YearParams {
        wlz_core::household::params_for(y).expect("a supported year")
    }

    fn param(y: i32, name: &str) -> &'static Param {
        year(y)
            .all()
            .into_iter()
            .find(|p| p.name == name)
            .expect("the parameter exists")
    }

    #[test]
    fn values_are_rendered_for_readers() {
        assert_eq!(value_text(param(2026, "leb_rate"), Lang::Nl), "10%");
        // Spec §2.4.3: 5,32% (2024 rate), 13,670% (zorgtoeslag taper 2024).
        assert_eq!(value_text(param(2026, "zvw_rate"), Lang::Nl), "5,32%");
        assert_eq!(value_text(param(2026, "zvw_rate"), Lang::En), "5.32%");
        assert_eq!(value_text(param(2026, "zt_rate"), Lang::Nl), "13,67%");
        assert_eq!(
            value_text(param(2026, "leb_min_month"), Lang::Nl),
            "€ 212,60"
        );
        assert_eq!(
            value_text(param(2026, "heb_max_month"), Lang::En),
            "€3,061.80"
        );
        assert_eq!(
            value_text(param(2026, "start_period_months"), Lang::Nl),
            "4"
        );
        assert_eq!(
            value_text(param(2026, "no_data_rule"), Lang::Nl),
            "heb_zero_leb_minimum"
        );
    }

    #[test]
    fn the_table_fits_in_120_columns_and_lists_every_parameter() {
        for y in wlz_core::params::supported_years() {
            for lang in [Lang::Nl, Lang::En] {
                let t = table(year(y), lang);
                for line in t.lines() {
                    assert!(chars(line) <= WIDTH, "too long ({y}): {line}");
                }
                for p in year(y).all() {
                    assert!(t.contains(p.name), "{y}: {}", p.name);
                    assert!(t.contains(p.reference.url), "{y}: {}", p.name);
                }
                assert!(t.contains("DERIVED"), "{y}");
            }
        }
    }

    #[test]
    fn a_derived_value_shows_its_rule_and_sources() {
        let t = table(year(2024), Lang::Nl);
        let at = t.find("zkg_year_single").expect("listed");
        let block = &t[at..at + t[at..].find("\n\n").expect("a block")];
        assert!(block.contains("DERIVED"), "{block}");
        assert!(
            block.contains("Regel: 6 × de bijstandsnorm van 1 januari 2022"),
            "{block}"
        );
        assert!(
            block.contains("https://wetten.overheid.nl/BWBR0015703/2022-07-01"),
            "{block}"
        );
        // Wrapped lines joined again: every rule is there in full.
        let t = table(year(2026), Lang::En);
        let flat = t.split_whitespace().collect::<Vec<_>>().join(" ");
        assert!(
            flat.contains("DERIVED: computed from figures in the law"),
            "{t}"
        );
        for p in year(2026).all() {
            if let Some(d) = &p.derivation {
                let rule = d
                    .rule
                    .get(Lang::En)
                    .split_whitespace()
                    .collect::<Vec<_>>()
                    .join(" ");
                assert!(flat.contains(&rule), "{}", p.name);
            }
        }
    }
}
