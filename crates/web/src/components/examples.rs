//! Five typical households, one click away, so people can see how the calculator works
//! before they type their own figures. Each fills the whole form as a prefill link would.

use crate::i18n::tr;
use yew::prelude::*;

/// `(id, Dutch label, English label, query)`: the answers in the query contract.
pub const EXAMPLES: [(&str, &str, &str, &str); 5] = [
    (
        "example-single-home",
        "Alleen, eigen huis en spaargeld, zorg thuis (vpt)",
        "Single, own home and savings, care at home (vpt)",
        "year=2026&care=vpt&age=78&income=28000&assets=85000",
    ),
    (
        "example-partner-home",
        "In een verpleeghuis, partner woont thuis",
        "In a care home, partner lives at home",
        "year=2026&care=instelling&months-in-care=&age=82&income=24000&assets=40000\
         &partner-care=none&partner-age=79&partner-income=18000&partner-assets=20000",
    ),
    (
        "example-both-care-home",
        "Allebei in een verpleeghuis",
        "Both in a care home",
        "year=2026&care=instelling&months-in-care=&age=85&income=26000&assets=30000\
         &partner-care=instelling&partner-months-in-care=&partner-age=83&partner-income=14000",
    ),
    (
        "example-wajong",
        "18 jaar, Wajong, woont in een instelling",
        "18 years old, Wajong, lives in an instelling",
        "year=2026&care=instelling&months-in-care=&age=18&income=19000",
    ),
    (
        "example-pgb",
        "Persoonsgebonden budget (pgb) thuis",
        "Personal budget (pgb) at home",
        "year=2026&care=pgb&age=45&income=32000&assets=10000",
    ),
];

/// The examples as links above the questions: a link opens the page with its answers, as a
/// shared link does. Written as one piece of static HTML: each element of a component costs
/// page size (measured 2026-12-03: 4.7 KB raw for this list as `html!`).
/// (A function, not a component: each component type costs page size, about 2 KB raw.)
pub fn examples(lang: wlz_core::Lang) -> Html {
    let lang_param = if lang == wlz_core::Lang::En {
        "&amp;lang=en"
    } else {
        ""
    };
    let items: String = EXAMPLES
        .iter()
        .map(|(id, nl, en, query)| {
            format!(
                "<li><a class=\"example\" id=\"{id}\" href=\"?{}{lang_param}\">{}</a></li>",
                query.replace('&', "&amp;"),
                tr(lang, nl, en)
            )
        })
        .collect();
    let html = format!(
        "<section class=\"examples no-print\" aria-labelledby=\"examples-title\">\
         <h2 id=\"examples-title\">{}</h2><p class=\"small\">{}</p><ul>{items}</ul></section>",
        tr(lang, "Probeer een voorbeeld", "Try an example"),
        tr(
            lang,
            "Een klik vult alle vragen in. Daarna kunt u alles aanpassen.",
            "One click fills in every question. Then you can change anything."
        ),
    );
    Html::from_html_unchecked(AttrValue::from(html))
}
