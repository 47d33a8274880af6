//! The batch page's files: CSV and .xlsx in, the same rows with their results out, and the
//! template. Expected amounts: spec §6.1 case M (2026: € 337,68 lage) and case C (2025:
//! € 95,40 lage); the Excel day numbers are Excel's own (45658 is 1 January 2025).

use wlz_batch::run::Run;
use wlz_batch::sheet::Encoding;
use wlz_batch::{csv_file, read, template, xlsx};
use wlz_core::table::Unknown;
use wlz_core::Lang;

fn run_all(bytes: &[u8]) -> Run {
    let mut run = read(bytes, Unknown::Refuse).expect("a readable table");
    while !run.done() {
        run.step(7);
    }
    run
}

fn view(run: &Run, lang: Lang) -> serde_json::Value {
    serde_json::from_str(&run.view(lang)).expect("JSON")
}

fn monthly(v: &serde_json::Value) -> Vec<Option<String>> {
    v["rows"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["monthly"].as_str().map(str::to_string))
        .collect()
}

const M_AND_C: &str = "\u{feff}Kenmerk;Jaar;Leeftijd;Zorgvorm;Verzamelinkomen;Vermogen\r\nM;2026;70;vpt;38.000;100.000\r\nC;2025;50;pgb;\"40.000,00\";\r\n\r\n;;;;;\r\nbad;2026;70;vpt;38000;veel\r\n";

#[test]
fn a_dutch_csv_with_bom_semicolons_and_windows_line_ends() {
    let run = run_all(M_AND_C.as_bytes());
    let v = view(&run, Lang::Nl);
    assert_eq!(
        monthly(&v),
        [Some("337.68".into()), Some("95.40".into()), None]
    );
    let rows = v["rows"].as_array().unwrap();
    assert_eq!(rows[0]["amount"], "€ 337,68");
    assert_eq!(rows[0]["regime"], "lage");
    assert_eq!(rows[0]["label"], "M");
    assert_eq!(rows[1]["line"], 3);
    // The blank lines are skipped; the bad row keeps its place and its line.
    assert_eq!(rows[2]["line"], 6);
    assert_eq!(rows[2]["code"], "invalid_amount");
    assert!(rows[2]["message"]
        .as_str()
        .unwrap()
        .starts_with("Ongeldig bedrag bij Vermogen:"));
    assert_eq!(v["summary"]["rows"], 3);
    assert_eq!(v["summary"]["errors"], 1);
    assert_eq!(v["summary"]["lage"], 2);
    assert_eq!(v["summary"]["total"], "€ 433,08");
    // A yes/no answer goes to the calculator as it reads it: `1`, or left out.
    let run = run_all(b"age;care;income;children;zorgtoeslag\n70;vpt;38000;j;onwaar\n");
    assert_eq!(
        view(&run, Lang::Nl)["rows"][0]["link"],
        serde_json::json!([
            ["age", "70"],
            ["care", "vpt"],
            ["income", "38000"],
            ["children", "1"]
        ])
    );
    // More than one care form, a birth date: answers the calculator does not take as they are.
    let run = run_all(b"age;care;income;birth_date\n50;pgb,mpt;38000;1976-05-01\n");
    assert_eq!(
        view(&run, Lang::Nl)["rows"][0]["not_on_page"],
        serde_json::json!(["Geboortedatum", "Zorgvorm"])
    );
    // The link to the calculator carries the inputs it asks.
    assert_eq!(
        rows[0]["link"],
        serde_json::json!([
            ["year", "2026"],
            ["age", "70"],
            ["care", "vpt"],
            ["income", "38.000"],
            ["assets", "100.000"]
        ])
    );
}

#[test]
fn windows_1252_and_utf16_files_are_read() {
    let mut bytes = b"Cli\xebnt,age,care,income\nJos\xe9 \x80,70,vpt,38000\n".to_vec();
    let run = run_all(&bytes);
    assert!(matches!(
        run.sheet.source,
        wlz_batch::sheet::Source::Csv {
            encoding: Encoding::Windows1252,
            ..
        }
    ));
    let v = view(&run, Lang::En);
    assert_eq!(v["rows"][0]["label"], "José €");
    assert_eq!(v["summary"]["windows_1252"], true);
    // UTF-16 little endian with tabs (Excel's "Unicode text").
    let text = "id\tage\tcare\tincome\tassets\nM\t70\tvpt\t38000\t100000\n";
    bytes = vec![0xFF, 0xFE];
    bytes.extend(text.encode_utf16().flat_map(u16::to_le_bytes));
    assert_eq!(
        monthly(&view(&run_all(&bytes), Lang::Nl)),
        [Some("337.68".into())]
    );
}

#[test]
fn the_template_runs_in_both_formats_and_languages() {
    for lang in [Lang::Nl, Lang::En] {
        for bytes in [template::csv(lang), template::xlsx(lang)] {
            let v = view(&run_all(&bytes), lang);
            let m = monthly(&v);
            assert_eq!(m[0].as_deref(), Some("337.68"), "{lang:?}");
            assert_eq!(m[1].as_deref(), Some("95.40"));
            assert!(m[2].is_some(), "{}", v["rows"][2]["message"]);
            assert_eq!(v["summary"]["errors"], 0);
        }
    }
}

#[test]
fn the_results_reopen_with_the_same_values_and_run_again() {
    let run = run_all(M_AND_C.as_bytes());
    // CSV, Dutch: the input's delimiter, the amount in Dutch notation, titled columns.
    let csv = run.csv(Lang::Nl);
    let text = String::from_utf8(csv.clone()).unwrap();
    assert!(text.starts_with("\u{feff}Kenmerk;Jaar;Leeftijd;Zorgvorm;Verzamelinkomen;Vermogen;Bijdrage per maand;Regime;Fout\r\n"), "{text}");
    assert!(
        text.contains("M;2026;70;vpt;38.000;100.000;337,68;lage;\r\n"),
        "{text}"
    );
    assert!(
        text.contains(
            "bad;2026;70;vpt;38000;veel;;;[invalid_amount] Ongeldig bedrag bij Vermogen:"
        ),
        "{text}"
    );
    // Read again: the old results are left out and come back the same.
    let again = view(&run_all(&csv), Lang::Nl);
    assert_eq!(
        monthly(&again),
        [Some("337.68".into()), Some("95.40".into()), None]
    );
    // .xlsx, English: the amount is a number.
    let book = run.xlsx(Lang::En);
    let reread = read(&book, Unknown::Refuse).unwrap();
    assert_eq!(reread.sheet.header.last().unwrap(), "Error");
    assert_eq!(reread.sheet.rows[0].cells[6], "337.68");
    assert_eq!(reread.sheet.rows[0].numbers[6], Some(337.68));
    assert_eq!(reread.sheet.rows[1].cells[6], "95.40");
    assert_eq!(
        reread.sheet.rows[2].cells.get(6).map_or("", String::as_str),
        ""
    );
    assert!(
        reread.sheet.rows[2].cells[8].starts_with("[invalid_amount] Invalid amount for Vermogen")
    );
    let again = view(&run_all(&book), Lang::En);
    assert_eq!(
        monthly(&again),
        [Some("337.68".into()), Some("95.40".into()), None]
    );
}

#[test]
fn spreadsheet_numbers_and_dates_read_as_a_person_types_them() {
    assert_eq!(xlsx::number_text(38000.0), "38000");
    assert_eq!(xlsx::number_text(1234.5600000000002), "1234.56");
    assert_eq!(xlsx::number_text(0.5), "0.50");
    assert_eq!(xlsx::number_text(-0.5), "-0.50");
    assert_eq!(xlsx::number_text(1234.567), "1234.567");
    // A sheet with date columns holding Excel day numbers and a formula's noisy amount.
    let rows = [
        vec![
            xlsx::Out::Text("age"),
            xlsx::Out::Text("care"),
            xlsx::Out::Text("income"),
            xlsx::Out::Text("stay_start"),
            xlsx::Out::Text("date"),
        ],
        vec![
            xlsx::Out::Number(70.0),
            xlsx::Out::Text("instelling"),
            xlsx::Out::Number(37999.99 + 0.01),
            xlsx::Out::Number(45658.0),
            xlsx::Out::Number(45717.0),
        ],
    ];
    let book = xlsx::write("x", rows.into_iter());
    let run = read(&book, Unknown::Refuse).unwrap();
    assert_eq!(
        run.sheet.rows[0].cells,
        ["70", "instelling", "38000", "2025-01-01", "2025-03-01"]
    );
    // The day numbers are written back as the dates they were read as.
    assert_eq!(run.sheet.rows[0].numbers[3], None);
}

#[test]
fn a_file_that_is_not_a_table_stops_with_a_message() {
    let e = read(b"", Unknown::Refuse).err().unwrap();
    assert_eq!(e.code, "empty_file");
    let e = read(b"PK\x03\x04 not really a zip", Unknown::Refuse)
        .err()
        .unwrap();
    assert_eq!(e.code, "invalid_xlsx");
    assert!(e
        .message
        .nl
        .starts_with("Dit Excel-bestand kan niet worden gelezen"));
    // Files that are no table, or a sheet the page cannot read: what to do instead.
    let e = read(b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1\0\0", Unknown::Refuse)
        .err()
        .unwrap();
    assert_eq!(e.code, "unsupported_file");
    assert!(e
        .message
        .nl
        .starts_with("Dit is een ouder Excel-bestand (.xls). Sla het op als"));
    let mut ods = b"PK\x03\x04".to_vec();
    ods.extend([0u8; 26]);
    ods.extend(b"mimetypeapplication/vnd.oasis.opendocument.spreadsheet");
    ods.extend([0u8; 40]);
    let e = read(&ods, Unknown::Refuse).err().unwrap();
    assert_eq!(e.code, "unsupported_file");
    assert!(e
        .message
        .en
        .starts_with("This is an OpenDocument file (.ods)."));
    let e = read(b"%PDF-1.7\n\0\0\x01binary", Unknown::Refuse)
        .err()
        .unwrap();
    assert_eq!(e.code, "not_a_table");
    let e = read(b"age,incom\n70,1\n", Unknown::Refuse).err().unwrap();
    assert_eq!(e.code, "unknown_column");
    let run = read(
        b"age,care,income,Adres\n70,vpt,38000,Dorpsstraat 1\n",
        Unknown::Keep,
    )
    .unwrap();
    assert_eq!(run.header.kept_unknown, ["Adres"]);
    // An unclosed quote swallows the rows after it: the batch stops there.
    let e = read(
        b"id,age,care,income\na,70,vpt,\"38000\nb,70,vpt,1\n",
        Unknown::Refuse,
    )
    .err()
    .unwrap();
    assert_eq!(e.code, "invalid_csv");
    assert!(
        e.message.en.starts_with("Line 2: a quote"),
        "{}",
        e.message.en
    );
}

#[test]
fn csv_written_with_a_bom_and_crlf() {
    let bytes = csv_file::write(b',', [vec!["a".to_string(), "b,c".to_string()]].into_iter());
    assert_eq!(bytes, b"\xEF\xBB\xBFa,\"b,c\"\r\n");
}
