//! The readable explanation of an estimate, in Dutch or English. Lines stay
//! within [`WIDTH`] characters. Amounts in steps are exact; they are shown
//! rounded to cents by `format_eur`.

use wlz_core::trace::{estimate_marks, is_shown, Level, Step};
use wlz_core::{format_eur, Estimate, Lang, NoteKind, Regime};

/// The longest line the explanation prints.
pub const WIDTH: usize = 100;
/// Where the dot leader of a step line ends and its amount starts.
const LABEL_COLUMN: usize = 56;
/// The width of the right-aligned amount column.
const AMOUNT_WIDTH: usize = 14;
/// Joins the words of a citation so that wrapping never splits it.
const GLUE: char = '\u{1f}';
const INDENT: &str = "  ";

fn tr(lang: Lang, nl: &'static str, en: &'static str) -> &'static str {
    match lang {
        Lang::Nl => nl,
        Lang::En => en,
    }
}

/// The full explanation.
pub fn explanation(e: &Estimate, lang: Lang) -> String {
    let mut out: Vec<String> = Vec::new();
    let eur = |d| format_eur(d, lang);

    // The result.
    let headline = match lang {
        Lang::Nl => format!("U betaalt naar schatting {} per maand.", eur(e.monthly)),
        Lang::En => format!("You pay an estimated {} per month.", eur(e.monthly)),
    };
    out.extend(wrap(&headline, WIDTH, "", ""));

    // The regime and why.
    let regime = match e.regime {
        Regime::Lage => tr(lang, "Lage eigen bijdrage", "Low contribution"),
        Regime::Hoge => tr(lang, "Hoge eigen bijdrage", "High contribution"),
        Regime::Geen => tr(lang, "Geen eigen bijdrage", "No contribution"),
    };
    let reason = e.regime_reason.text.get(lang);
    let article = glued(&e.regime_reason.reference.article());
    out.extend(wrap(
        &format!("{regime}: {reason} {article}"),
        WIDTH,
        "",
        INDENT,
    ));
    if e.once_for_couple {
        out.extend(wrap(
            tr(
                lang,
                "U en uw partner betalen samen één eigen bijdrage.",
                "You and your partner pay one contribution together.",
            ),
            WIDTH,
            "",
            INDENT,
        ));
    }

    // The main steps.
    out.push(String::new());
    out.push(tr(lang, "Berekening:", "Calculation:").to_string());
    let marked = estimate_marks(&e.steps);
    for (s, mark) in e.steps.iter().zip(marked) {
        if is_shown(s) {
            out.extend(step_lines(s, mark, lang));
        }
    }

    // Partial month and split.
    if e.due.is_some() || e.split.is_some() {
        out.push(String::new());
    }
    if let (Some(due), Some(days)) = (e.due, e.days) {
        let line = match lang {
            Lang::Nl => format!("Te betalen voor {days} dagen van de maand: {}", eur(due)),
            Lang::En => format!("Due for {days} days of the month: {}", eur(due)),
        };
        let cite = cite_of(e, "due");
        out.extend(wrap(&format!("{line}{cite}"), WIDTH, "", INDENT));
    }
    if let Some(split) = &e.split {
        let line = match lang {
            Lang::Nl => format!(
                "Verdeling tussen u en uw partner: u {}, uw partner {} per maand.",
                eur(split.client),
                eur(split.partner)
            ),
            Lang::En => format!(
                "Split between you and your partner: you {}, your partner {} per month.",
                eur(split.client),
                eur(split.partner)
            ),
        };
        let cite = cite_of(e, "split_client");
        out.extend(wrap(&format!("{line}{cite}"), WIDTH, "", INDENT));
    }

    // Notes.
    if !e.notes.is_empty() {
        out.push(String::new());
        out.push(tr(lang, "Let op:", "Please note:").to_string());
        for n in &e.notes {
            let kind = match n.kind {
                NoteKind::Assumption => tr(lang, "Aanname", "Assumption"),
                NoteKind::Hint => tr(lang, "Tip", "Tip"),
                NoteKind::Info => tr(lang, "Info", "Info"),
            };
            let cite = n
                .reference
                .as_ref()
                .map(|c| format!(" {}", glued(&c.article())))
                .unwrap_or_default();
            let text = format!("{kind}: {}{cite}", n.text.get(lang));
            out.extend(wrap(&text, WIDTH, "- ", "  "));
        }
    }

    // Estimated parameters, readings and alternatives.
    out.push(String::new());
    if e.estimated {
        let list = e.estimated_params.join(", ");
        let text = match lang {
            Lang::Nl => format!(
                "(schatting) = in deze stap zit een bedrag dat wij niet in de wettekst van \
                 dit jaar hebben gelezen: {list}."
            ),
            Lang::En => format!(
                "(estimate) = this step contains an amount we have not read in this year's \
                 law text: {list}."
            ),
        };
        out.extend(wrap(&text, WIDTH, "", INDENT));
    }
    if !e.readings.is_empty() {
        let list = e.readings.ids().collect::<Vec<_>>().join(", ");
        let text = match lang {
            Lang::Nl => format!(
                "Gebruikte lezingen van open vragen: {list}. Een andere lezing kiest u met \
                 --reading."
            ),
            Lang::En => format!(
                "Readings of open questions used: {list}. Choose another reading with \
                 --reading."
            ),
        };
        out.extend(wrap(&text, WIDTH, "", INDENT));
    }
    for a in &e.alternatives {
        let regime = a.regime.label().get(lang).to_lowercase();
        let text = match lang {
            Lang::Nl => format!(
                "Andere lezing ({}): {}: {regime}, {} per maand.",
                a.reading,
                a.label.get(lang),
                eur(a.monthly)
            ),
            Lang::En => format!(
                "Other reading ({}): {}: {regime}, {} per month.",
                a.reading,
                a.label.get(lang),
                eur(a.monthly)
            ),
        };
        out.extend(wrap(&text, WIDTH, "", INDENT));
    }

    // The disclaimer, always.
    out.extend(wrap(
        tr(
            lang,
            "Dit is een schatting, geen beschikking van het CAK. Het CAK stelt uw eigen bijdrage \
             vast en stuurt u daarover een beschikking. Meer informatie: https://www.hetcak.nl",
            "This is an estimate, not the CAK's decision (beschikking). The CAK sets your \
             contribution and sends you a decision. More information: https://www.hetcak.nl",
        ),
        WIDTH,
        "",
        "",
    ));
    out.join("\n").replace(GLUE, " ")
}

/// `(article)`, with its words glued so that [`wrap`] keeps it on one line.
fn glued(article: &str) -> String {
    format!("({})", article.replace(' ', &GLUE.to_string()))
}

/// ` (article)` of the step `id`, or nothing.
fn cite_of(e: &Estimate, id: &str) -> String {
    e.steps
        .iter()
        .find(|s| s.id == id)
        .and_then(|s| s.reference.as_ref())
        .map(|c| format!(" {}", glued(&c.article())))
        .unwrap_or_default()
}

/// One step: `label ........ amount   (article)`, or for a decision
/// `label: explanation (article)`.
fn step_lines(s: &Step, estimated: bool, lang: Lang) -> Vec<String> {
    let label = s.label.get(lang);
    let cite = s
        .reference
        .as_ref()
        .map(|c| glued(&c.article()))
        .unwrap_or_default();
    let Some(amount) = s.amount else {
        let mut text = match &s.note {
            Some(n) if label.ends_with(['?', ':']) => format!("{label} {}", n.get(lang)),
            Some(n) => format!("{label}: {}", n.get(lang)),
            None => label.to_string(),
        };
        if !cite.is_empty() {
            text.push(' ');
            text.push_str(&cite);
        }
        return wrap(&text, WIDTH, INDENT, "      ");
    };
    let mut value = format_eur(amount, lang);
    if estimated {
        value.push(' ');
        value.push_str(tr(lang, "(schatting)", "(estimate)"));
    }
    // The label, wrapped so its last line leaves room for the dot leader.
    let label_room = LABEL_COLUMN - 3;
    let mut lines = wrap(label, label_room, INDENT, "    ");
    let last = lines.pop().unwrap_or_default();
    let dots = LABEL_COLUMN.saturating_sub(chars(&last) + 1);
    let mut line = format!("{last} {}", ".".repeat(dots.max(2)));
    let amount_pad = AMOUNT_WIDTH.saturating_sub(chars(&value_head(&value)));
    line.push_str(&" ".repeat(amount_pad));
    line.push_str(&value);
    if !cite.is_empty() {
        if chars(&line) + 3 + chars(&cite) <= WIDTH {
            line.push_str("   ");
            line.push_str(&cite);
            lines.push(line);
        } else {
            lines.push(line);
            lines.extend(wrap(&cite, WIDTH, "      ", "      "));
        }
    } else {
        lines.push(line);
    }
    if let (Level::Main, Some(note)) = (s.level, &s.note) {
        lines.extend(wrap(note.get(lang), WIDTH, "      ", "      "));
    }
    lines
}

/// The amount part of a value (without the estimate marker), so amounts align.
fn value_head(value: &str) -> String {
    value.split(" (").next().unwrap_or(value).to_string()
}

fn chars(s: &str) -> usize {
    s.chars().count()
}

/// Greedy word wrap to `width` characters; `first` and `rest` are the line prefixes.
/// A word longer than a line (a URL) stands on a line of its own.
pub fn wrap(text: &str, width: usize, first: &str, rest: &str) -> Vec<String> {
    let mut lines = Vec::new();
    let mut line = String::from(first);
    let mut empty = true;
    for word in text.split_whitespace() {
        let needed = chars(&line) + usize::from(!empty) + chars(word);
        if !empty && needed > width {
            lines.push(std::mem::replace(&mut line, String::from(rest)));
            empty = true;
        }
        if !empty {
            line.push(' ');
        }
        line.push_str(word);
        empty = false;
    }
    lines.push(line);
    lines
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wraps_within_the_width() {
        let text = "een twee drie vier vijf zes zeven acht negen tien";
        let lines = wrap(text, 20, "- ", "  ");
        assert!(lines.iter().all(|l| l.chars().count() <= 20), "{lines:?}");
        assert_eq!(lines[0], "- een twee drie vier");
        assert_eq!(lines.join(" ").split_whitespace().count(), 11);
    }

    #[test]
    fn explains_an_estimate_in_both_languages() {
        let input = wlz_core::Input::from_json(
            r#"{"version":1,"year":2026,"client":{"age":70,"care":"vpt","income":38000,"assets":100000}}"#,
        )
        .expect("valid input");
        let e = wlz_core::estimate(&input).expect("an estimate");
        for lang in [Lang::Nl, Lang::En] {
            let text = explanation(&e, lang);
            for line in text.lines() {
                assert!(line.chars().count() <= WIDTH, "too long: {line}");
            }
            assert!(text.contains("https://www.hetcak.nl"));
        }
        assert!(
            explanation(&e, Lang::Nl).starts_with("U betaalt naar schatting € 337,68 per maand.")
        );
        assert!(explanation(&e, Lang::En).starts_with("You pay an estimated €337.68 per month."));
    }
}
