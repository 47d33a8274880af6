//! The readable text of a plan, in Dutch or English: per contribution year
//! the regimes, the totals and the figures used; then the events, the
//! assumptions, the hints and the AOW comparison. Lines stay within
//! [`WIDTH`]; money is the core's `format_eur`, so it reads as in `estimate`.

use crate::render::WIDTH;
use wlz_core::planner::aow::AowComparison;
use wlz_core::planner::figures::{Figures, Who};
use wlz_core::planner::{Plan, PlanYear};
use wlz_core::{format_eur, Lang, Regime};

const INDENT: &str = "  ";
/// Joins `€` to its number while wrapping, so that an amount never splits over two lines.
const GLUE: char = '\u{1f}';
const MORE: &str = "      ";

fn tr(lang: Lang, nl: &'static str, en: &'static str) -> &'static str {
    match lang {
        Lang::Nl => nl,
        Lang::En => en,
    }
}

/// The whole text of a plan.
pub fn text(p: &Plan, lang: Lang) -> String {
    let mut out: Vec<String> = Vec::new();
    let (first, last) = (p.from, p.years.last().map_or(p.from, |y| y.year));
    let head = match lang {
        Lang::Nl => format!("Uw eigen bijdrage per jaar, {first} tot en met {last}:"),
        Lang::En => format!("Your contribution per year, {first} to {last}:"),
    };
    out.push(head);
    for y in &p.years {
        out.push(String::new());
        out.extend(year_lines(y, lang));
    }
    out.push(String::new());
    let total = match lang {
        Lang::Nl => format!("Totaal {first}–{last}: {}", format_eur(p.cumulative, lang)),
        Lang::En => format!("Total {first}–{last}: {}", format_eur(p.cumulative, lang)),
    };
    out.push(total);
    out.extend(events(p, lang));
    list(
        &mut out,
        tr(lang, "Aannames:", "Assumptions:"),
        p.assumptions.iter().map(|a| match a.id {
            Some(id) => format!("{} ({id})", a.text.get(lang)),
            None => a.text.get(lang).to_string(),
        }),
    );
    list(
        &mut out,
        tr(lang, "Tips:", "Hints:"),
        p.hints.iter().map(|h| h.get(lang).to_string()),
    );
    if let Some(aow) = &p.aow {
        out.push(String::new());
        out.extend(aow_table(aow, lang));
    }
    out.push(String::new());
    if p.years.iter().any(|y| y.estimated) {
        out.extend(wrap(
            tr(
                lang,
                "(schatting) = in dit jaar zit een bedrag dat nog niet vaststaat. \
                 Bijvoorbeeld een bedrag van een eerder jaar dat wij doortrekken.",
                "(estimate) = this year uses an amount that is not set yet, \
                 for example an amount of an earlier year carried forward.",
            ),
            WIDTH,
            "",
            INDENT,
        ));
    }
    out.extend(wrap(
        tr(
            lang,
            "Dit is een schatting, geen beschikking van het CAK. Meer informatie: https://www.hetcak.nl",
            "This is an estimate, not a decision (beschikking) of the CAK. More: https://www.hetcak.nl",
        ),
        WIDTH,
        "",
        "",
    ));
    out.join("\n")
}

/// Word wrap (as `estimate`'s text) that keeps each amount on one line, with the word before it.
pub(crate) fn wrap(text: &str, width: usize, first: &str, rest: &str) -> Vec<String> {
    let glued = text
        .replace(" € ", &format!("{GLUE}€{GLUE}"))
        .replace("€ ", &format!("€{GLUE}"));
    crate::render::wrap(&glued, width, first, rest)
        .into_iter()
        .map(|l| l.replace(GLUE, " "))
        .collect()
}

/// A titled list of wrapped items (nothing when empty).
fn list(out: &mut Vec<String>, title: &str, items: impl Iterator<Item = String>) {
    let items: Vec<String> = items.collect();
    if items.is_empty() {
        return;
    }
    out.push(String::new());
    out.push(title.to_string());
    for i in items {
        out.extend(wrap(&i, WIDTH, "- ", "  "));
    }
}

/// The regime's name within a line.
fn regime(r: Regime, lang: Lang) -> &'static str {
    match r {
        Regime::Lage => tr(lang, "lage bijdrage", "low contribution"),
        Regime::Hoge => tr(lang, "hoge bijdrage", "high contribution"),
        Regime::Geen => tr(lang, "geen bijdrage", "no contribution"),
    }
}

/// One contribution year: the heading, the regimes, the totals, the figures and the carried sentence.
fn year_lines(y: &PlanYear, lang: Lang) -> Vec<String> {
    let eur = |d| format_eur(d, lang);
    let mark = if y.estimated {
        tr(lang, " (schatting)", " (estimate)")
    } else {
        ""
    };
    let status = if y.known {
        tr(lang, "bekend", "known")
    } else {
        tr(lang, "verwachting", "expected")
    };
    let mut out = vec![format!(
        "{}  {} {} ({status})",
        y.year,
        tr(lang, "peiljaar", "reference year"),
        y.peiljaar
    )];
    let regimes: Vec<String> = y
        .regimes
        .iter()
        .map(|r| match r.regime {
            Regime::Geen => format!("{} × {}", regime(r.regime, lang), r.months),
            _ => format!(
                "{} {} × {}",
                regime(r.regime, lang),
                eur(r.monthly),
                r.months
            ),
        })
        .collect();
    out.extend(wrap(
        &format!("{}{mark}", regimes.join(", ")),
        WIDTH,
        INDENT,
        MORE,
    ));
    let totals = match lang {
        Lang::Nl => format!(
            "Jaartotaal {}{mark}; totaal tot en met {}: {}",
            eur(y.total),
            y.year,
            eur(y.cumulative)
        ),
        Lang::En => format!(
            "Year total {}{mark}; total up to {}: {}",
            eur(y.total),
            y.year,
            eur(y.cumulative)
        ),
    };
    out.extend(wrap(&totals, WIDTH, INDENT, MORE));
    for f in &y.people {
        out.extend(wrap(&figures(f, lang), WIDTH, INDENT, MORE));
    }
    let mut derived = Vec::new();
    if let Some(v) = y.bijdrageplichtig_inkomen {
        derived.push(format!(
            "{} {}",
            tr(lang, "bijdrageplichtig inkomen", "contribution income"),
            eur(v)
        ));
    }
    if let Some(v) = y.vib {
        derived.push(format!(
            "{} {}",
            tr(
                lang,
                "VIB (vermogensinkomensbijtelling)",
                "VIB (addition for assets)"
            ),
            eur(v)
        ));
    }
    if !derived.is_empty() {
        out.extend(wrap(&derived.join("; "), WIDTH, INDENT, MORE));
    }
    if let Some(c) = &y.carried {
        out.extend(wrap(c.get(lang), WIDTH, INDENT, MORE));
    }
    out
}

/// The peiljaar figures of one person, in one sentence.
fn figures(f: &Figures, lang: Lang) -> String {
    let eur = |d| format_eur(d, lang);
    let who = match (f.who, lang) {
        (Who::Client, Lang::Nl) => "u",
        (Who::Client, Lang::En) => "you",
        (Who::Partner, Lang::Nl) => "uw partner",
        (Who::Partner, Lang::En) => "your partner",
    };
    let home = match &f.home {
        Some(h) if h.status == "box3" => {
            format!("{} {}", tr(lang, "huis", "home"), eur(f.home_value))
        }
        Some(h) if h.status == "sold" => tr(lang, "huis verkocht", "home sold").to_string(),
        Some(_) => tr(lang, "huis in box 1", "home in box 1").to_string(),
        None => String::new(),
    };
    let mut parts = vec![format!(
        "{} {}",
        tr(lang, "spaargeld", "savings"),
        eur(f.bank)
    )];
    let other = f.other - f.home_value;
    if !other.is_zero() {
        parts.push(format!("{} {}", tr(lang, "overig", "other"), eur(other)));
    }
    if !home.is_empty() {
        parts.push(home);
    }
    parts.push(format!(
        "{} {}",
        tr(lang, "schulden", "debts"),
        eur(f.debts)
    ));
    let mut s = format!(
        "{} {} ({who}): {} {} ({})",
        tr(lang, "Cijfers", "Figures"),
        f.year,
        tr(lang, "rendementsgrondslag", "box-3 base"),
        eur(f.rendementsgrondslag),
        parts.join(", ")
    );
    if let Some(b) = f.box3_income {
        s.push_str(&format!(
            "; {} {}",
            tr(lang, "inkomen uit box 3", "box-3 income"),
            eur(b)
        ));
    }
    s.push_str(&format!(
        "; {} {}",
        tr(lang, "inkomen", "income"),
        eur(f.inkomen)
    ));
    if let Some(b) = f.belasting {
        s.push_str(&format!("; {} {}", tr(lang, "belasting", "tax"), eur(b)));
    }
    s
}

/// Each event with the contribution year in which it first counts.
fn events(p: &Plan, lang: Lang) -> Vec<String> {
    let mut out = Vec::new();
    if p.events.is_empty() {
        return out;
    }
    out.push(String::new());
    out.push(tr(lang, "Gebeurtenissen:", "Events:").to_string());
    for e in &p.events {
        let when = match (lang, e.full_year) {
            (Lang::Nl, Some(f)) => format!(
                "Dit telt voor het eerst in {}, helemaal in {f}.",
                e.first_year
            ),
            (Lang::Nl, None) => format!("Dit telt voor het eerst in {}.", e.first_year),
            (Lang::En, Some(f)) => {
                format!("This first counts in {}, in full in {f}.", e.first_year)
            }
            (Lang::En, None) => format!("This first counts in {}.", e.first_year),
        };
        let text = e.text.get(lang).trim_end();
        let stop = if text.ends_with(['.', '!', '?']) {
            ""
        } else {
            "."
        };
        // Each citation stays on one line, as in `estimate`'s text.
        let article = e
            .article
            .split("; ")
            .map(|a| a.replace(' ', &GLUE.to_string()))
            .collect::<Vec<_>>()
            .join("; ");
        let line = format!("{text}{stop} {when} ({article})");
        out.extend(wrap(&line, WIDTH, "- ", "  "));
    }
    out
}

/// The four AOW options per year: Wlz per month, net AOW, zorgtoeslag per month, net per month.
fn aow_table(a: &AowComparison, lang: Lang) -> Vec<String> {
    let eur = |d| format_eur(d, lang);
    let mut out = vec![tr(
        lang,
        "AOW na de opname: vier keuzes, per maand:",
        "AOW after admission: four options, per month:",
    )
    .to_string()];
    let head = match lang {
        Lang::Nl => ["jaar", "Wlz-bijdrage", "AOW netto", "zorgtoeslag", "netto"],
        Lang::En => ["year", "Wlz contrib.", "net AOW", "zorgtoeslag", "net"],
    };
    for o in &a.options {
        out.push(String::new());
        out.extend(wrap(
            &format!(
                "{} ({}: {})",
                o.label.get(lang),
                tr(lang, "Wlz totaal", "Wlz total"),
                eur(o.wlz_total)
            ),
            WIDTH,
            "",
            INDENT,
        ));
        out.push(format!(
            "  {:<6}{:>16}{:>16}{:>16}{:>16}",
            head[0], head[1], head[2], head[3], head[4]
        ));
        for y in &o.years {
            out.push(format!(
                "  {:<6}{:>16}{:>16}{:>16}{:>16}",
                y.year,
                eur(y.wlz_month),
                eur(y.aow_net_month),
                eur(y.zorgtoeslag_month),
                eur(y.net_month)
            ));
        }
    }
    if !a.notes.is_empty() {
        out.push(String::new());
    }
    for n in &a.notes {
        out.extend(wrap(n.get(lang), WIDTH, "- ", "  "));
    }
    out
}
