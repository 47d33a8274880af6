//! The readable report of `check-letter`, in Dutch or English: the verdict, the letter's
//! amount against ours, what the core found and why, what the amount implies, the next
//! step, the deadlines as dates, and the back-dated months. The core writes every sentence
//! of the verdict; this module only lays the report out. Money is the core's `format_eur`.

use crate::plan_render::wrap;
use crate::render::WIDTH;
use wlz_core::date::month_name;
use wlz_core::letters::backdated::Backdated;
use wlz_core::letters::check::{CheckInput, Report};
use wlz_core::letters::inverse::Interval;
use wlz_core::letters::spread::Spreading;
use wlz_core::planner::months::MonthPart;
use wlz_core::{format_eur, Lang, Regime};

const INDENT: &str = "  ";

fn tr(lang: Lang, nl: &'static str, en: &'static str) -> &'static str {
    match lang {
        Lang::Nl => nl,
        Lang::En => en,
    }
}

/// The whole report.
pub fn report(req: &CheckInput, r: &Report, lang: Lang) -> String {
    let l = &req.letter;
    let mut out = vec![match lang {
        Lang::Nl => format!(
            "Controle van uw brief van {} (eigen bijdrage {})",
            l.date.long(lang),
            l.year()
        ),
        Lang::En => format!(
            "Check of your letter of {} (contribution {})",
            l.date.long(lang),
            l.year()
        ),
    }];
    out.push(String::new());
    out.extend(wrap(
        &format!("{} ({:?})", r.verdict_text.get(lang), r.verdict),
        WIDTH,
        "",
        "",
    ));
    out.push(String::new());
    out.extend(amounts(r, lang));
    list(
        &mut out,
        tr(lang, "Op de brief zelf:", "On the letter itself:"),
        r.findings
            .iter()
            .map(|f| format!("{} ({})", f.text.get(lang), f.article)),
    );
    list(
        &mut out,
        tr(lang, "Verklaring:", "Explanation:"),
        r.explanations
            .iter()
            .map(|x| format!("{}: {}", x.factor, x.text.get(lang))),
    );
    list(
        &mut out,
        tr(lang, "Wat het bedrag zegt:", "What the amount implies:"),
        implied(r, lang).into_iter(),
    );
    out.push(String::new());
    out.push(tr(lang, "Volgende stap:", "Next step:").to_string());
    out.extend(wrap(r.next_step.get(lang), WIDTH, INDENT, INDENT));
    out.extend(deadlines(r, lang));
    if let Some(b) = &r.backdated {
        out.extend(backdated(req, b, lang));
    }
    if let Some(s) = &r.spreading {
        out.extend(spreading(s, lang));
    }
    out.push(String::new());
    out.extend(wrap(r.disclaimer.get(lang), WIDTH, "", ""));
    out.join("\n")
}

/// The letter's amount, ours (with its regime) and the difference, aligned.
fn amounts(r: &Report, lang: Lang) -> Vec<String> {
    let eur = |d| format_eur(d, lang);
    let rows = [
        (
            tr(lang, "Bedrag op de brief:", "Amount on the letter:"),
            eur(r.letter_monthly),
            String::new(),
        ),
        (
            tr(lang, "Onze berekening:", "Our calculation:"),
            eur(r.expected_monthly),
            format!(" ({})", regime(r.expected_regime, lang)),
        ),
        (
            tr(lang, "Verschil:", "Difference:"),
            eur(r.difference),
            String::new(),
        ),
    ];
    let per = tr(lang, "per maand", "a month");
    let w = rows
        .iter()
        .map(|(l, _, _)| l.chars().count())
        .max()
        .unwrap_or(0);
    let a = rows
        .iter()
        .map(|(_, e, _)| e.chars().count())
        .max()
        .unwrap_or(0);
    rows.iter()
        .map(|(label, e, extra)| format!("{label:<w$} {e:>a$} {per}{extra}"))
        .collect()
}

fn regime(r: Regime, lang: Lang) -> &'static str {
    match r {
        Regime::Lage => tr(lang, "lage bijdrage", "low contribution"),
        Regime::Hoge => tr(lang, "hoge bijdrage", "high contribution"),
        Regime::Geen => tr(lang, "geen bijdrage", "no contribution"),
    }
}

/// An interval of money in words; an open end reads "hoogstens" or "minstens".
fn range(iv: &Interval, lang: Lang) -> Option<String> {
    let eur = |d| format_eur(d, lang);
    Some(match (iv.low, iv.high, lang) {
        (Some(lo), Some(hi), Lang::Nl) => format!("tussen {} en {}", eur(lo), eur(hi)),
        (Some(lo), Some(hi), Lang::En) => format!("between {} and {}", eur(lo), eur(hi)),
        (None, Some(hi), Lang::Nl) => format!("van hoogstens {}", eur(hi)),
        (None, Some(hi), Lang::En) => format!("of at most {}", eur(hi)),
        (Some(lo), None, Lang::Nl) => format!("van minstens {}", eur(lo)),
        (Some(lo), None, Lang::En) => format!("of at least {}", eur(lo)),
        (None, None, _) => return None,
    })
}

/// The BI interval behind the letter's amount and, for the low contribution, the income.
fn implied(r: &Report, lang: Lang) -> Vec<String> {
    let mut out = Vec::new();
    if let Some(bi) = range(&r.implied_bi, lang) {
        out.push(match lang {
            Lang::Nl => format!("Het bedrag hoort bij een bijdrageplichtig inkomen {bi}."),
            Lang::En => format!("The amount fits a contribution income (BI) {bi}."),
        });
    }
    if let Some(inkomen) = r.implied.as_ref().and_then(|i| range(&i.inkomen, lang)) {
        out.push(match lang {
            Lang::Nl => format!("Klopt uw vermogen? Dan rekent het CAK met een inkomen {inkomen}."),
            Lang::En => {
                format!("If your assets are right, the CAK uses an income {inkomen}.")
            }
        });
    }
    out
}

/// The three deadlines as dates.
fn deadlines(r: &Report, lang: Lang) -> Vec<String> {
    let d = &r.deadlines;
    let rows = [
        (tr(lang, "Bezwaar maken", "Object (bezwaar)"), d.bezwaar),
        (
            tr(lang, "Aanpassing vragen", "Ask for an aanpassing"),
            d.aanpassing,
        ),
        (tr(lang, "Betalen", "Pay"), d.payment),
    ];
    let mut out = vec![
        String::new(),
        tr(lang, "Termijnen:", "Deadlines:").to_string(),
    ];
    let until = tr(lang, "uiterlijk", "by");
    for (what, day) in rows {
        out.push(format!("- {what}: {until} {}", day.long(lang)));
    }
    out
}

/// `2025-04` → "april 2025".
fn month(ym: &str, lang: Lang) -> String {
    let (y, m) = ym.split_once('-').unwrap_or((ym, "1"));
    format!("{} {y}", month_name(m.parse().unwrap_or(1), lang))
}

/// The back-dated months, the total and what may no longer be charged.
fn backdated(req: &CheckInput, b: &Backdated, lang: Lang) -> Vec<String> {
    let eur = |d| format_eur(d, lang);
    let start = req.care_start.map(|d| d.long(lang)).unwrap_or_default();
    let mut out = vec![
        String::new(),
        match lang {
            Lang::Nl => format!("Terugwerkend vanaf de start van de zorg op {start}."),
            Lang::En => format!("Back-dated from the start of care on {start}."),
        },
        match lang {
            Lang::Nl => format!(
                "Het CAK mag rekenen vanaf {}:",
                b.first_chargeable.long(lang)
            ),
            Lang::En => format!("The CAK may charge from {}:", b.first_chargeable.long(lang)),
        },
    ];
    let rows: Vec<(String, &str, String, String)> = b
        .months
        .iter()
        .map(|m| {
            let mut notes = parts(&m.parts, lang);
            if !m.chargeable {
                notes.push(tr(lang, "mag niet meer", "may no longer be charged").to_string());
            }
            (
                month(&m.month, lang),
                regime(m.regime, lang),
                eur(m.amount),
                notes.join("; "),
            )
        })
        .collect();
    let w0 = rows.iter().map(|r| r.0.chars().count()).max().unwrap_or(0);
    let w1 = rows.iter().map(|r| r.1.chars().count()).max().unwrap_or(0);
    let w2 = rows.iter().map(|r| r.2.chars().count()).max().unwrap_or(0);
    for (m, reg, amount, note) in &rows {
        let line = format!("{INDENT}{m:<w0$}  {reg:<w1$}  {amount:>w2$}  {note}");
        out.push(line.trim_end().to_string());
    }
    out.push(match lang {
        Lang::Nl => format!("Totaal dat het CAK mag rekenen: {}", eur(b.total)),
        Lang::En => format!("Total the CAK may charge: {}", eur(b.total)),
    });
    if !b.not_chargeable.is_zero() {
        out.push(match lang {
            Lang::Nl => format!("Mag niet meer in rekening komen: {}", eur(b.not_chargeable)),
            Lang::En => format!("May no longer be charged: {}", eur(b.not_chargeable)),
        });
    }
    out
}

/// The parts of a month charged per day (a start mid-month, a switch of regime), if any.
fn parts(parts: &[MonthPart], lang: Lang) -> Vec<String> {
    let partial = parts.iter().any(|p| p.due != p.monthly);
    if !partial {
        return Vec::new();
    }
    let days = tr(lang, "dagen", "days");
    let list: Vec<String> = parts
        .iter()
        .filter(|p| p.regime != Regime::Geen)
        .map(|p| {
            let r = match p.regime {
                Regime::Hoge => tr(lang, "hoog", "high"),
                _ => tr(lang, "laag", "low"),
            };
            format!("{} {days} {r} {}", p.days, format_eur(p.due, lang))
        })
        .collect();
    vec![list.join(" + ")]
}

/// The indicative betalingsregeling for the back-dated total.
fn spreading(s: &Spreading, lang: Lang) -> Vec<String> {
    let eur = |d| format_eur(d, lang);
    let text = match lang {
        Lang::Nl => format!(
            "Betalingsregeling (indicatie; het CAK beslist): {} maanden {}, de laatste keer {}. \
             Samen met uw gewone bijdrage betaalt u dan {} per maand.",
            s.months,
            eur(s.instalment),
            eur(s.last),
            eur(s.monthly_burden)
        ),
        Lang::En => format!(
            "Payment plan (an indication; the CAK decides): {} months of {}, the last one {}. \
             With your usual contribution you then pay {} a month.",
            s.months,
            eur(s.instalment),
            eur(s.last),
            eur(s.monthly_burden)
        ),
    };
    let mut out = vec![String::new()];
    out.extend(wrap(&text, WIDTH, "", INDENT));
    out
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
