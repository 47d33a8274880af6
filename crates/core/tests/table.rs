//! The batch table shared by the CLI's `batch` and the page's batch: which column is which
//! input, how a cell is read, and what a bad row says. Expected amounts: spec §6.1 case M
//! (2026, vpt, age 70, income 38.000, assets 100.000: € 337,68 lage bijdrage).

use wlz_core::table::{
    column_of, csv_record_line, sniff_delimiter, Column, Header, ResultColumn, Unknown,
};
use wlz_core::vocabulary::Key;
use wlz_core::Lang;

fn header(names: &[&str]) -> Header {
    Header::read(names, Unknown::Refuse).expect("a known header")
}

#[test]
fn a_column_is_named_by_its_key_title_or_the_pages_label_in_any_case() {
    for name in [
        "partner_income",
        "Partner-Income",
        "PARTNER INCOME",
        "--partner-income",
    ] {
        assert_eq!(
            column_of(name),
            Some(Column::Input(Key::PartnerIncome)),
            "{name}"
        );
    }
    // Titles (Dutch and English) and the page's question labels.
    assert_eq!(
        column_of("Verzamelinkomen partner"),
        Some(Column::Input(Key::PartnerIncome))
    );
    assert_eq!(
        column_of("Partner income"),
        Some(Column::Input(Key::PartnerIncome))
    );
    assert_eq!(
        column_of("Verzamelinkomen van uw partner"),
        Some(Column::Input(Key::PartnerIncome))
    );
    assert_eq!(
        column_of("Spaargeld en beleggingen"),
        Some(Column::Input(Key::Assets))
    );
    assert_eq!(column_of("vermogen"), Some(Column::Input(Key::Assets)));
    assert_eq!(column_of("Zorg"), Some(Column::Input(Key::Care)));
    assert_eq!(column_of("Zorgvorm"), Some(Column::Input(Key::Care)));
    assert_eq!(column_of("Leeftijd"), Some(Column::Input(Key::Age)));
    // Free columns and the result columns of an earlier run.
    for name in ["id", "Naam", "Kenmerk", "Cliënt"] {
        assert_eq!(column_of(name), Some(Column::Free), "{name}");
    }
    assert_eq!(
        column_of("monthly"),
        Some(Column::Result(ResultColumn::Monthly))
    );
    assert_eq!(
        column_of("Bijdrage per maand"),
        Some(Column::Result(ResultColumn::Monthly))
    );
    assert_eq!(column_of("Fout"), Some(Column::Result(ResultColumn::Error)));
    assert_eq!(column_of("incom"), None);
    assert_eq!(column_of(""), None);
}

#[test]
fn no_name_means_two_things() {
    let mut seen: Vec<(String, Key)> = Vec::new();
    for k in Key::ALL {
        let (nl, en) = k.title();
        for n in [k.key(), nl, en] {
            assert_eq!(column_of(n), Some(Column::Input(k)), "{n}");
            let folded: String = n
                .chars()
                .filter(|c| c.is_alphanumeric())
                .flat_map(char::to_lowercase)
                .collect();
            if let Some((_, other)) = seen.iter().find(|(f, o)| *f == folded && *o != k) {
                panic!("{n} names both {k:?} and {other:?}");
            }
            seen.push((folded, k));
        }
    }
}

#[test]
fn a_header_refuses_repeats_two_names_for_one_input_and_unknown_columns() {
    let e = Header::read(&["age", "Age"], Unknown::Refuse).unwrap_err();
    assert_eq!(e.code, "invalid_csv_header");
    assert!(
        e.message.en.contains("`Age` appears twice"),
        "{}",
        e.message.en
    );
    let e = Header::read(&["income", "Verzamelinkomen"], Unknown::Refuse).unwrap_err();
    assert!(
        e.message
            .nl
            .contains("`income` en `Verzamelinkomen` vragen allebei"),
        "{}",
        e.message.nl
    );
    let e = Header::read(&["age", "incom", "Adres"], Unknown::Refuse).unwrap_err();
    assert_eq!(e.code, "unknown_column");
    assert_eq!(e.unknown, ["incom", "Adres"]);
    assert!(e
        .message
        .en
        .starts_with("Unknown column: `incom`, `Adres`. Known columns: id, year,"));
    let e = Header::read(&["", " "], Unknown::Refuse).unwrap_err();
    assert_eq!(e.code, "invalid_csv_header");
    // Kept when the user agreed: passed through, and listed.
    let h = Header::read(&["age", "Adres"], Unknown::Keep).unwrap();
    assert_eq!(h.kept_unknown, ["Adres"]);
    assert_eq!(h.columns(), [Column::Input(Key::Age), Column::Unknown]);
    // Columns without a name (a spreadsheet's trailing delimiters) pass through unused.
    let h = header(&["age", "care", "income", "", " "]);
    assert_eq!(h.unnamed().collect::<Vec<_>>(), [3, 4]);
    let e = h.estimate(&["70", "vpt", "38000", "", "x"], 2).unwrap();
    assert_eq!(e.regime.name(), "lage");
    // A byte order mark before the first name.
    assert_eq!(
        header(&["\u{feff}id", "year"]).columns(),
        [Column::Free, Column::Input(Key::Year)]
    );
}

#[test]
fn a_rows_cells_give_the_estimate_in_dutch_or_english_notation() {
    let h = header(&[
        "id",
        "Jaar",
        "Zorgvorm",
        "Leeftijd",
        "Verzamelinkomen",
        "Vermogen",
    ]);
    for (income, assets) in [
        ("38000", "100000"),
        ("38.000", "100.000"),
        ("38,000.00", "€ 100.000,00"),
        ("38000,0", "100000"),
    ] {
        let e = h
            .estimate(&["M", "2026", "vpt", "70", income, assets], 2)
            .unwrap();
        assert_eq!(e.monthly.to_string(), "337.68", "{income} {assets}");
        assert_eq!(e.regime.name(), "lage");
    }
    // A spreadsheet's whole number `70.0`, and an empty year is the latest known year (2026).
    let e = h
        .estimate(&["M", "", "vpt", "70.0", "38000", "100000"], 2)
        .unwrap();
    assert_eq!(e.monthly.to_string(), "337.68");
}

#[test]
fn a_bad_cell_names_the_column_as_the_user_wrote_it() {
    let h = header(&[
        "Leeftijd",
        "Zorgvorm",
        "Verzamelinkomen",
        "Vermogen",
        "Kinderen",
    ]);
    let e = h
        .estimate(&["70", "vpt", "38000", "veel", ""], 2)
        .unwrap_err();
    assert_eq!(e.code, "invalid_amount");
    assert_eq!(e.field.as_deref(), Some("client.assets"));
    assert!(
        e.message
            .get(Lang::Nl)
            .starts_with("Ongeldig bedrag bij Vermogen:"),
        "{}",
        e.message.nl
    );
    let e = h
        .estimate(&["zeventig", "vpt", "38000", "", ""], 2)
        .unwrap_err();
    assert_eq!(e.code, "invalid_value");
    assert_eq!(
        e.message.en,
        "Not a whole number in column Leeftijd: `zeventig`."
    );
    let e = h
        .estimate(&["70", "vpt", "38000", "", "misschien"], 2)
        .unwrap_err();
    assert!(e
        .message
        .nl
        .starts_with("Geen ja/nee-waarde in kolom Kinderen: `misschien`."));
    let e = h
        .estimate(&["70", "thuis", "38000", "", ""], 2)
        .unwrap_err();
    assert_eq!(e.code, "invalid_care");
    assert!(
        e.message
            .nl
            .contains("Onbekende zorgvorm `thuis` bij Zorgvorm"),
        "{}",
        e.message.nl
    );
    // An error of the calculation names the column behind its field.
    let e = h.estimate(&["70", "vpt", "", "", ""], 2).unwrap_err();
    assert_eq!(e.code, "missing_income");
    assert!(
        e.message.en.ends_with("(column Verzamelinkomen)"),
        "{}",
        e.message.en
    );
    // Yes/no in Dutch and English.
    for yes in ["ja", "Yes", "TRUE", "1", "j"] {
        assert!(
            h.input(&["70", "vpt", "38000", "", yes], 2)
                .unwrap()
                .household
                .children,
            "{yes}"
        );
    }
    for no in ["nee", "No", "false", "0", ""] {
        assert!(
            !h.input(&["70", "vpt", "38000", "", no], 2)
                .unwrap()
                .household
                .children,
            "{no}"
        );
    }
}

#[test]
fn a_row_of_the_wrong_width_and_a_swallowed_row() {
    let h = header(&["id", "age", "care", "income"]);
    let e = h.estimate(&["a", "70", "vpt"], 7).unwrap_err();
    assert_eq!(e.code, "invalid_csv");
    assert_eq!(e.message.en, "Line 7 has 3 fields, the header row 4.");
    // A line break in the free column of a full row is allowed; elsewhere the rows after it
    // were swallowed by a quote that was never closed.
    assert!(h
        .swallowed(&["two\nlines", "70", "vpt", "38000"], 3)
        .is_none());
    let e = h
        .swallowed(&["x", "70", "vpt", "38000\n4,70,vpt,1\n"], 3)
        .unwrap();
    assert_eq!(e.code, "invalid_csv");
    assert!(
        e.message.en.starts_with(
            "Line 3: a quote (\") in column income is never closed, so everything up to line 4"
        ),
        "{}",
        e.message.en
    );
}

#[test]
fn a_result_file_runs_again_without_its_old_results() {
    let h = header(&["id", "age", "care", "income", "monthly", "regime", "error"]);
    assert_eq!(h.echoed().collect::<Vec<_>>(), [0, 1, 2, 3]);
    let e = h
        .estimate(&["M", "70", "vpt", "38000", "1.00", "hoge", ""], 2)
        .unwrap();
    assert_eq!(e.regime.name(), "lage");
}

#[test]
fn the_delimiter_is_sniffed_from_the_first_line() {
    assert_eq!(sniff_delimiter(b"id;age;care,pgb"), b';');
    assert_eq!(sniff_delimiter(b"id,age,care"), b',');
    assert_eq!(sniff_delimiter(b"age"), b',');
}

#[test]
fn a_csv_records_line_is_counted_back_from_its_end() {
    // `a,1\n` read: the parser is on line 3 past its `\n`; the record is on line 2.
    assert_eq!(csv_record_line(3, Some(b'\n'), Some(b'1'), &["a", "1"]), 2);
    // `a,1\r\n` read: the parser stopped at the `\r`, still on line 2.
    assert_eq!(csv_record_line(2, Some(b'\r'), Some(b'1'), &["a", "1"]), 2);
    // The last record, without a line end.
    assert_eq!(csv_record_line(4, Some(b'1'), Some(b','), &["a", "1"]), 4);
    // `a,"1\nx"\n` spans lines 2 and 3: the parser is on line 4.
    assert_eq!(
        csv_record_line(4, Some(b'\n'), Some(b'"'), &["a", "1\nx"]),
        2
    );
    // `a,"1\n"\n`: the cell ends with its own line break, then the quote and the record's.
    assert_eq!(
        csv_record_line(4, Some(b'\n'), Some(b'"'), &["a", "1\n"]),
        2
    );
    // A quote never closed: `a,"1\nb,2\n` to the end of the file, from line 2 on.
    assert_eq!(
        csv_record_line(4, Some(b'\n'), Some(b'2'), &["a", "1\nb,2\n"]),
        2
    );
}
