//! The components rendered on the host (Yew SSR): the first render of the
//! page for a given state. Interaction is tested in the browser
//! (`tests/e2e/`); this checks what the page says, fast and without one.

#![cfg(not(target_arch = "wasm32"))]

use wlz_core::Lang;
use wlz_web::components::app::{App, AppProps};
use wlz_web::form::FormData;
use wlz_web::state::{Action, State};

fn state(query: &str, lang: Lang) -> State {
    let (form, unknown) = FormData::from_query(query, FormData::default());
    assert!(unknown.is_empty(), "unknown keys {unknown:?}");
    let mut s = State::default();
    s.apply(Action::Load {
        form: Box::new(form),
        lang: Some(lang),
        from_link: true,
        embed: false,
    });
    s
}

async fn render(s: State) -> String {
    yew::LocalServerRenderer::<App>::with_props(AppProps { initial: Some(s) })
        .hydratable(false)
        .render()
        .await
}

/// The text of the element with this id (the first text node after it opens).
fn text_of(html: &str, id: &str) -> String {
    let at = html
        .find(&format!("id=\"{id}\""))
        .unwrap_or_else(|| panic!("no #{id} in the page"));
    let rest = &html[at..];
    let start = rest.find('>').expect("tag end") + 1;
    let end = rest[start..].find('<').expect("next tag") + start;
    rest[start..end].replace("&nbsp;", "\u{a0}")
}

fn count(html: &str, needle: &str) -> usize {
    html.matches(needle).count()
}

#[tokio::test]
async fn spec_case_m_renders_the_amount_and_regime_in_dutch() {
    // Spec §6.1 case M: 2026, single, vpt, income 38.000, assets 100.000 → € 337,68.
    let html = render(state(
        "year=2026&care=vpt&age=70&income=38000&assets=100000",
        Lang::Nl,
    ))
    .await;
    assert_eq!(text_of(&html, "monthly-amount"), "€ 337,68");
    assert_eq!(text_of(&html, "regime"), "Lage eigen bijdrage");
    assert!(html.contains("U betaalt naar schatting "));
    // Every main step links its article on wetten.overheid.nl.
    assert!(count(&html, "href=\"https://wetten.overheid.nl/") >= 5);
    // The peiljaar is named, and the result says it is not a decision.
    assert!(html.contains("Uw verzamelinkomen van 2024"));
    assert!(html.contains("beschikking"));
    // vpt: no stay questions, no timeline, no partner table.
    assert!(!html.contains("id=\"months-in-care\""));
    assert!(!html.contains("id=\"timeline-start\""));
    assert!(!html.contains("partner-options"));
}

#[tokio::test]
async fn english_amounts_and_labels() {
    let html = render(state(
        "year=2026&care=vpt&age=70&income=38000&assets=100000",
        Lang::En,
    ))
    .await;
    assert_eq!(text_of(&html, "monthly-amount"), "€337.68");
    assert_eq!(text_of(&html, "regime"), "Low contribution");
    assert!(html.contains("You pay an estimated "));
    assert!(!html.contains("U betaalt"));
}

#[tokio::test]
async fn an_empty_submitted_form_lists_its_errors_with_links() {
    let mut s = State::default();
    s.apply(Action::Submit);
    let html = render(s).await;
    assert!(html.contains("id=\"error-summary\""));
    for field in ["age", "care", "income"] {
        assert!(
            html.contains(&format!("href=\"#{field}\"")),
            "summary links to #{field}"
        );
        assert!(html.contains(&format!("id=\"{field}-error\"")));
    }
    assert!(!html.contains("id=\"monthly-amount\""));
    assert_eq!(count(&html, "aria-invalid=\"true\""), 2, "age and income");
}

#[tokio::test]
async fn a_stay_shows_the_timeline_and_the_partner_choices() {
    // Spec §6.1 case E (2024): instelling for more than 4 months, partner at home → € 397,17.
    let html = render(state(
        "year=2024&care=instelling&age=70&income=24000&assets=40000\
         &partner-care=none&partner-age=68&partner-income=23000&partner-assets=40000",
        Lang::Nl,
    ))
    .await;
    assert_eq!(text_of(&html, "monthly-amount"), "€ 397,17");
    assert!(
        html.contains("€ 202,81") && html.contains("€ 194,36"),
        "split"
    );
    // With a partner at home without care the lage bijdrage holds however long the stay
    // lasts (Blz 3.3.2.2 lid 2 a): the core does not ask how long.
    assert!(!html.contains("id=\"months-in-care\""));
    assert!(html.contains("id=\"timeline-start\""));
    // 12 months in the timeline: 12 option months in the select plus 12 table rows.
    let timeline = &html[html.find("timeline-table").expect("timeline table")..];
    let body = &timeline[..timeline.find("</tbody>").expect("tbody end")];
    assert_eq!(count(body, "<tr"), 13, "a header row and 12 months");
    // Four places the partner can live, the current one marked.
    let partner = &html[html.find("partner-table").expect("partner table")..];
    let body = &partner[..partner.find("</tbody>").expect("tbody end")];
    assert_eq!(count(body, "<tr"), 5);
    assert_eq!(count(body, "aria-current=\"true\""), 1);
}

#[tokio::test]
async fn the_comparison_marks_the_chosen_care_form() {
    let html = render(state("year=2025&care=pgb&age=50&income=40000", Lang::Nl)).await;
    // Spec §6.1 case C: pgb, income 40.000 → € 95,40.
    assert_eq!(text_of(&html, "monthly-amount"), "€ 95,40");
    let compare = &html[html.find("compare-table").expect("comparison")..];
    let body = &compare[..compare.find("</tbody>").expect("tbody end")];
    assert_eq!(count(body, "<tr"), 7, "a header row and 6 care forms");
    assert!(body.contains("(uw keuze)"));
}

#[tokio::test]
async fn embed_mode_has_no_header_footer_or_explainer() {
    let mut s = state("care=vpt&age=70&income=38000", Lang::Nl);
    s.embed = true;
    let html = render(s).await;
    assert!(!html.contains("site-header"));
    assert!(!html.contains("site-footer"));
    assert!(!html.contains("about-title"));
    assert!(html.contains("id=\"monthly-amount\""));
}

#[tokio::test]
async fn in_the_widget_links_that_leave_the_page_open_a_new_tab() {
    let query = "year=2026&care=vpt&age=70&income=38000&assets=100000";
    let page = render(state(query, Lang::Nl)).await;
    assert!(!page.contains("target=\"_blank\""));
    let mut s = state(query, Lang::Nl);
    s.embed = true;
    let html = render(s).await;
    let external = count(&html, "href=\"https://");
    assert!(external >= 10, "{external} links to other sites");
    assert_eq!(count(&html, "target=\"_blank\""), external);
    assert_eq!(count(&html, "rel=\"noopener noreferrer\""), external);
    assert_eq!(count(&html, "(opent in een nieuw tabblad)"), external);
    // Links within the page (the error summary's) stay in the page.
    let mut s = state("care=vpt", Lang::Nl);
    s.embed = true;
    let html = render(s).await;
    assert!(html.contains("href=\"#age\""));
    assert!(!html.contains("href=\"#age\" target"));
}

#[tokio::test]
async fn derived_values_show_their_rule_and_only_estimates_are_marked() {
    // Spec §6.4 case HX (2024, instelling, income 30.000, tax 6.000) → € 1.155,54. Zak- en
    // kleedgeld and the Zvw figures are DERIVED (spec §2.4.3): their rule is one click away and
    // they carry no estimate mark; the aftrekpost and the extra vrijlating remain estimates.
    let html = render(state(
        "year=2024&care=instelling&age=70&income=30000&tax=6000",
        Lang::Nl,
    ))
    .await;
    assert_eq!(text_of(&html, "monthly-amount"), "€ 1.155,54");
    assert!(html.contains("Afgeleid uit de wet"));
    assert!(html.contains("6 × de bijstandsnorm van 1 januari 2022 plus 6 × die van 1 juli 2022"));
    assert!(html.contains("href=\"https://wetten.overheid.nl/BWBR0015703/2022-07-01\""));
    assert!(html.contains("Rlz art. 4.4"));
    assert!(html.contains("Rlz hoofdstuk 4"));
    // The main table: the estimate mark names the estimated parameters, never the derived ones.
    let main = &html[html.find("id=\"steps\"").unwrap()..html.find("class=\"all-steps\"").unwrap()];
    assert!(
        main.contains("Schatting: Vaste aftrek vanaf de AOW-leeftijd"),
        "{main}"
    );
    assert!(!main.contains("Schatting: Zak- en kleedgeld"));
    assert!(html.contains("class=\"estimate-warning\""));
}

#[tokio::test]
async fn a_2026_household_with_a_2025_cot_is_told_about_the_transition() {
    // Spec case B's figures in 2026 (age 76, vpt, income 24.000, assets 100.000): under the 2025
    // rules the COT applied (24.000 − 4% × 43.000 < 22.833), so O-2's note is on the page.
    let html = render(state(
        "year=2026&care=vpt&age=76&income=24000&assets=100000",
        Lang::Nl,
    ))
    .await;
    assert_eq!(text_of(&html, "monthly-amount"), "€ 221,02");
    assert!(html.contains("compensatie voor de vervallen ouderentoeslag"));
    assert!(html.contains("Uw echte bijdrage kan daardoor lager zijn."));
    assert!(html.contains("stcrt-2025-35082"));
}

#[tokio::test]
async fn a_link_for_a_year_without_amounts_shows_the_latest_year_and_says_so() {
    let query = "year=2027&care=vpt&age=70&income=38000&assets=100000";
    let html = render(state(query, Lang::Nl)).await;
    assert_eq!(
        text_of(&html, "year-note"),
        "De bedragen voor 2027 zijn nog niet bekend; u ziet 2026."
    );
    assert!(html.contains(r#"<p id="year-note" role="status" class="field-note">"#));
    // The select is described by the note, and 2026 is the year shown and computed.
    assert!(html.contains("year-why year-term year-note"));
    assert!(html.contains(r#"<option value="2026" selected"#));
    assert!(!html.contains(r#"value="2027""#));
    assert_eq!(text_of(&html, "monthly-amount"), "€ 337,68");

    let html = render(state(query, Lang::En)).await;
    assert_eq!(
        text_of(&html, "year-note"),
        "The amounts for 2027 are not known yet; you are seeing 2026."
    );

    // A supported year: no note.
    let html = render(state("year=2026&care=vpt&age=70", Lang::Nl)).await;
    assert!(!html.contains("year-note"));
}

/// Issue 12: a client in deeltijdverblijf whose partner lives in an instelling can owe the
/// hoge bijdrage, so the page asks both tax figures and uses them: the page shows what the
/// engine says for the same answers, not an estimate of the tax. With children the lage
/// bijdrage applies and the tax answers are listed as not used.
#[tokio::test]
async fn a_dtv_client_with_a_partner_in_an_instelling_is_asked_for_the_tax() {
    let query = "year=2026&care=dtv&months-in-care=&age=80&income=30000&tax=4000\
                 &partner-age=74&partner-care=instelling&partner-income=20000&partner-tax=2500";
    let html = render(state(query, Lang::Nl)).await;
    assert!(html.contains("id=\"tax\"") && html.contains("id=\"partner-tax\""));
    assert_eq!(text_of(&html, "regime"), "Hoge eigen bijdrage");
    let input = FormData::from_query(query, FormData::default())
        .0
        .to_input()
        .expect("a complete form");
    assert_eq!(
        input.client.tax.map(|a| a.0.to_string()),
        Some("4000".into())
    );
    assert_eq!(
        input
            .partner
            .as_ref()
            .and_then(|p| p.tax)
            .map(|a| a.0.to_string()),
        Some("2500".into())
    );
    let engine = wlz_core::estimate(&input).expect("an estimate");
    let tax_steps: Vec<_> = engine
        .steps
        .iter()
        .filter(|s| s.id.starts_with("tax_"))
        .collect();
    assert_eq!(tax_steps.len(), 2, "both tax figures are used");
    assert!(
        tax_steps.iter().all(|s| !s.estimated),
        "both tax figures are given: the tax is not estimated"
    );
    let shown = text_of(&html, "monthly-amount");
    assert_eq!(shown, wlz_core::format_eur(engine.monthly, Lang::Nl));

    let with_children = render(state(&format!("{query}&children=1"), Lang::Nl)).await;
    assert_eq!(text_of(&with_children, "regime"), "Lage eigen bijdrage");
    assert!(!with_children.contains("id=\"tax\""));
    assert!(with_children.contains("id=\"not-used-tax\""));
    assert!(with_children.contains("id=\"not-used-partner-tax\""));
}

#[tokio::test]
async fn the_planner_view_shows_w1_per_year_in_both_languages() {
    use wlz_web::plan_form::PlanField;
    use wlz_web::state::{PlanAction, View};
    // planner.md §P.6.6 W1, entered as on the page.
    let mut s = state(
        "year=2026&care=instelling&age=75&income=24000&tax=500&assets=40000",
        Lang::Nl,
    );
    s.apply(Action::Show(View::Planner));
    for (f, v) in [
        (PlanField::Admission, "2026-02-01"),
        (PlanField::Woz, "350000"),
    ] {
        s.apply(Action::Plan(PlanAction::Set(f, v.into())));
    }
    s.apply(Action::Plan(PlanAction::Run));
    let html = render(s.clone()).await;
    assert_eq!(text_of(&html, "planner-title"), "De komende jaren");
    assert_eq!(text_of(&html, "plan-cumulative"), "€ 115.512,20");
    for v in ["€ 9.326,00", "€ 35.138,88", "Overgenomen uit uw vermogen"] {
        assert!(html.contains(v), "{v} in the planner");
    }
    assert!(
        html.contains("role=\"img\""),
        "the chart is an image with a label"
    );
    s.apply(Action::SetLang(Lang::En));
    let html = render(s).await;
    assert_eq!(text_of(&html, "plan-cumulative"), "€115,512.20");
}

#[tokio::test]
async fn the_letter_view_checks_e2_and_fills_the_bezwaar_in_both_languages() {
    use wlz_core::letters::templates::Template;
    use wlz_web::letter_form::LField;
    use wlz_web::state::{LetterAction, View};
    // letters.md §5.2 E2, entered as on the page.
    let mut s = state(
        "year=2026&care=vpt&age=75&income=22000&assets=30000",
        Lang::Nl,
    );
    s.apply(Action::Show(View::Letter));
    for (f, v) in [
        (LField::Date, "2026-01-15"),
        (LField::From, "2026-01-01"),
        (LField::Monthly, "416,67"),
        (LField::Regime, "lage"),
        (LField::Bi, "50000"),
        (LField::Household, "couple"),
        (LField::PartnerIncome, "28000"),
    ] {
        s.apply(Action::Letter(LetterAction::Set(f, v.into())));
    }
    s.apply(Action::Letter(LetterAction::Run));
    s.apply(Action::Letter(LetterAction::Show(Some(Template::Bezwaar))));
    let html = render(s.clone()).await;
    assert_eq!(text_of(&html, "letter-title"), "Klopt mijn CAK-brief?");
    assert_eq!(text_of(&html, "letter-difference"), "€ 204,07");
    assert_eq!(text_of(&html, "letter-bezwaar-date"), "26 februari 2026");
    assert!(html.contains("€ 212,60") && html.contains(">V2<"));
    assert!(html.contains("Onderwerp:"), "the bezwaar letter is shown");
    s.apply(Action::SetLang(Lang::En));
    let html = render(s).await;
    assert_eq!(text_of(&html, "letter-difference"), "€204.07");
    assert_eq!(text_of(&html, "letter-bezwaar-date"), "26 February 2026");
}
