//! The template a user downloads to start from: the columns most households need, titled in
//! the user's language, and three example rows (spec §6.1 case M, case C and a couple).

use crate::xlsx::{self, Out};
use wlz_core::vocabulary::Key;
use wlz_core::Lang;

/// The template's columns: a free column for the reference, then the inputs.
const KEYS: [Key; 13] = [
    Key::Year,
    Key::Age,
    Key::Care,
    Key::MonthsInCare,
    Key::Income,
    Key::Assets,
    Key::Tax,
    Key::PartnerAge,
    Key::PartnerCare,
    Key::PartnerIncome,
    Key::PartnerAssets,
    Key::PartnerTax,
    Key::Children,
];

/// The example rows, in the order of [`KEYS`] after the reference.
#[rustfmt::skip]
const EXAMPLES: [[&str; 14]; 3] = [
    // Spec §6.1 case M: € 337,68 a month, lage bijdrage.
    ["Voorbeeld M", "2026", "70", "vpt", "", "38000", "100000", "", "", "", "", "", "", "nee"],
    // Spec §6.1 case C: € 95,40 a month, lage bijdrage (2025).
    ["Voorbeeld C", "2025", "50", "pgb", "", "40000", "", "", "", "", "", "", "", "nee"],
    // A couple: the client in an instelling for a year, the partner at home.
    ["Voorbeeld partner", "2026", "72", "instelling", "12", "24000", "40000", "2500", "70", "none", "18000", "10000", "1200", "nee"],
];

fn header(lang: Lang) -> Vec<&'static str> {
    let free = if lang == Lang::Nl {
        "Kenmerk"
    } else {
        "Reference"
    };
    std::iter::once(free)
        .chain(KEYS.iter().map(|k| {
            if lang == Lang::Nl {
                k.title().0
            } else {
                k.title().1
            }
        }))
        .collect()
}

/// The template as CSV (`;` in Dutch, `,` in English, as spreadsheets there expect).
pub fn csv(lang: Lang) -> Vec<u8> {
    let delimiter = if lang == Lang::Nl { b';' } else { b',' };
    let rows = std::iter::once(header(lang).iter().map(|s| s.to_string()).collect()).chain(
        EXAMPLES
            .iter()
            .map(|r| r.iter().map(|s| s.to_string()).collect()),
    );
    crate::csv_file::write(delimiter, rows)
}

/// The template as an .xlsx sheet (numbers as numbers).
pub fn xlsx(lang: Lang) -> Vec<u8> {
    let rows = std::iter::once(header(lang).into_iter().map(Out::Text).collect()).chain(
        EXAMPLES.iter().map(|r| {
            r.iter()
                .enumerate()
                .map(|(i, s)| match s.parse::<f64>() {
                    Ok(n) if i > 0 => Out::Number(n),
                    _ => Out::Text(s),
                })
                .collect()
        }),
    );
    xlsx::write(
        if lang == Lang::Nl {
            "Cliënten"
        } else {
            "Clients"
        },
        rows,
    )
}
