//! What a user must know to trust the figure (spec §7.2), the links to the
//! CAK, the CIZ, client support and the zorgkantoren, the share link (with a
//! warning before amounts go into a URL), and the footer.

use super::markup::Markup;
use crate::i18n::tr;
use crate::state::{Action, Share};
use wlz_core::Lang;
use yew::prelude::*;

pub const CAK_ESTIMATOR_URL: &str =
    "https://www.hetcak.nl/zakelijk/vragen/eigen-bijdrage-berekenen";
pub const CAK_URL: &str = "https://www.hetcak.nl";
pub const CAK_WLZ_URL: &str = "https://www.hetcak.nl/regelingen/zorg-vanuit-de-wlz";
pub const CAK_WMO_URL: &str = "https://www.hetcak.nl/regelingen/zorg-vanuit-de-wlz/berekening-van-de-eigen-bijdrage-wlz/wel-of-geen-eigen-bijdrage-voor-wmo-betalen";
pub const CAK_INCOME_URL: &str =
    "https://www.hetcak.nl/vragen/eigen-bijdrage/vragen-over-de-eigen-bijdrage/bijdrageplichtige-inkomen";
pub const OWN_HOME_URL: &str =
    "https://www.zorgrekenen.nl/cak-invullen-grondslag-sparen-en-beleggen/";
pub const CIZ_URL: &str = "https://www.ciz.nl";
pub const CLIENT_SUPPORT_URL: &str = "https://www.regelhulp.nl/onderwerpen/clientondersteuning";
pub const ZORGKANTOREN: [(&str, &str); 4] = [
    (
        "VGZ",
        "https://www.vgz-zorgkantoren.nl/consumenten/langdurige-zorg/wat-betaalt-u-zelf",
    ),
    (
        "Menzis",
        "https://www.menziszorgkantoor.nl/langdurige-zorg/eigen-bijdrage",
    ),
    (
        "DSW",
        "https://www.zorgkantoordsw.nl/Clienten/langdurige-zorg/Algemene-info/Eigen-bijdrage",
    ),
    (
        "UMC",
        "https://www.umczorgverzekering.nl/zorg-regelen/langdurige-zorg/eigen-bijdrage",
    ),
];

/// The facts behind the figure, always visible under the calculator. Written as one piece of
/// HTML ([`Markup`]): nothing in it is interactive.
pub fn trust(ctx: &super::Ctx) -> Html {
    let lang = ctx.state.lang;
    let year = ctx.state.form.year;
    let pj = wlz_core::params::peiljaar(year);
    let mut m = Markup::new(lang, ctx.state.embed);
    m.raw("<section class=\"trust\" aria-labelledby=\"trust-title\"><h2 id=\"trust-title\">")
        .tr("Goed om te weten", "Good to know")
        .raw("</h2><ul><li><strong>")
        .tr("Dit is een schatting. ", "This is an estimate. ")
        .raw("</strong>")
        .tr(
            "Het CAK stelt uw eigen bijdrage vast en stuurt u een beschikking. Alleen dat bedrag telt. Het CAK kan eerst een voorlopig bedrag vragen en dat later aanpassen, tot 36 maanden terug. ",
            "The CAK sets your contribution and sends you a decision (beschikking). Only that amount counts. The CAK may first charge a provisional amount and correct it later, up to 36 months back. ",
        )
        .link(CAK_WLZ_URL, None, tr(lang, "Uitleg van het CAK", "The CAK's explanation (in Dutch)"))
        .raw("</li><li><strong>")
        .tr("Inkomen van 2 jaar eerder. ", "Income of 2 years earlier. ")
        .raw("</strong>")
        .text(&match lang {
            Lang::Nl => format!("Voor {year} kijkt het CAK naar uw inkomen van {pj} en uw vermogen op 1 januari {pj}. Van dat jaar heeft de Belastingdienst de definitieve cijfers. Spaargeld dat u nu uitgeeft, telt dus pas 2 jaar later minder mee. "),
            Lang::En => format!("For {year} the CAK uses your income of {pj} and your assets on 1 January {pj}: the Tax Administration has final figures for that year. Savings you spend now lower the contribution only 2 years later. "),
        })
        .link(CAK_INCOME_URL, None, tr(lang, "Meer over het inkomen dat telt", "More about the income that counts (in Dutch)"))
        .raw("</li><li><strong>")
        .tr("Uw eigen huis telt niet mee. ", "Your own home does not count. ")
        .raw("</strong>")
        .tr(
            "De woning waarin u woont valt in box 1, niet in uw vermogen. Staat uw huis leeg na een verhuizing naar een instelling? Dan kan het later wel in box 3 vallen. ",
            "The home you live in is in box 1, not in your assets. If it stands empty after you move to an institution, it may later move to box 3. ",
        )
        .link(OWN_HOME_URL, None, tr(lang, "Uitleg", "Explanation (in Dutch)"))
        .raw("</li><li><strong>")
        .tr("Geen Wmo-bijdrage meer. ", "No Wmo contribution any more. ")
        .raw("</strong>")
        .tr(
            "Betaalt u of uw partner een Wlz-bijdrage? Dan betaalt u geen eigen bijdrage voor de Wmo. ",
            "If you or your partner pay a Wlz contribution, you pay no contribution for the Wmo. ",
        )
        .link(CAK_WMO_URL, None, tr(lang, "Uitleg van het CAK", "The CAK's explanation (in Dutch)"))
        .raw("</li><li><strong>")
        .tr("Uw gegevens blijven bij u. ", "Your data stays with you. ")
        .raw("</strong>")
        .tr(
            "De berekening gebeurt in uw browser. Er gaat niets naar ons of naar anderen. Wij onthouden uw antwoorden alleen op dit apparaat, tot u op ‘Vergeet mijn gegevens’ klikt.",
            "The calculation runs in your browser. Nothing is sent to us or anyone else. We remember your answers only on this device, until you press ‘Forget my data’.",
        )
        .raw("</li></ul><h3>")
        .tr("Hulp en contact", "Help and contact")
        .raw("</h3><ul class=\"links\"><li>")
        .link(CAK_ESTIMATOR_URL, None, tr(lang, "De rekenhulp van het CAK", "The CAK's own estimator (in Dutch)"))
        .tr(" en ", " and ")
        .link(CAK_URL, None, tr(lang, "contact met het CAK", "contact the CAK"))
        .raw("</li><li>")
        .link(CIZ_URL, None, tr(lang, "Het CIZ: beslist of u Wlz-zorg krijgt", "The CIZ: decides whether you get Wlz care"))
        .raw("</li><li>")
        .link(CLIENT_SUPPORT_URL, None, tr(lang, "Gratis cliëntondersteuning: iemand die met u meedenkt", "Free client support (cliëntondersteuning): someone who helps you think things through"))
        .raw("</li><li>")
        .tr("Zorgkantoren over de eigen bijdrage: ", "Care offices (zorgkantoren) on the contribution: ");
    for (i, (name, url)) in ZORGKANTOREN.iter().enumerate() {
        if i > 0 {
            m.raw(", ");
        }
        m.link(url, None, name);
    }
    m.raw("</li></ul></section>").html()
}

/// "Deel een link": asks first whether amounts may go into the link.
pub fn share_button(ctx: &super::Ctx) -> Html {
    let lang = ctx.state.lang;
    let d = ctx.dispatch.clone();
    let open = {
        let d = d.clone();
        Callback::from(move |_: MouseEvent| d.dispatch(Action::Share(Share::Asking)))
    };
    let choose = |with_amounts: bool| {
        let d = d.clone();
        Callback::from(move |_: MouseEvent| {
            d.dispatch(Action::Share(Share::Shown { with_amounts }));
        })
    };
    let close = {
        let d = d.clone();
        Callback::from(move |_: MouseEvent| d.dispatch(Action::Share(Share::Closed)))
    };
    let panel = match ctx.state.share {
        Share::Closed => html! {},
        Share::Asking => html! {
            <div class="share-panel" role="group" aria-labelledby="share-title" id="share-panel">
                <h3 id="share-title" tabindex="-1">{ tr(lang, "Een link delen", "Share a link") }</h3>
                <p class="warning">{ tr(lang,
                    "Let op: in een link met bedragen staan uw inkomen en vermogen. Iedereen die de link krijgt, kan ze zien. De link zonder bedragen bevat alleen uw situatie.",
                    "Note: a link with amounts contains your income and assets. Anyone who gets the link can see them. The link without amounts contains only your situation.") }</p>
                <div class="buttons">
                    <button type="button" id="share-without" onclick={choose(false)}>{ tr(lang, "Link zonder bedragen", "Link without amounts") }</button>
                    <button type="button" id="share-with" onclick={choose(true)}>{ tr(lang, "Link met bedragen", "Link with amounts") }</button>
                    <button type="button" class="secondary" onclick={close.clone()}>{ tr(lang, "Annuleren", "Cancel") }</button>
                </div>
            </div>
        },
        Share::Shown { with_amounts } => {
            let url = crate::browser::share_url(&ctx.state.form.to_query(with_amounts, lang));
            html! {
                <div class="share-panel" role="group" aria-labelledby="share-title" id="share-panel">
                    <h3 id="share-title" tabindex="-1">{ if with_amounts {
                        tr(lang, "Link met bedragen", "Link with amounts")
                    } else {
                        tr(lang, "Link zonder bedragen", "Link without amounts")
                    } }</h3>
                    <label for="share-url">{ tr(lang, "Kopieer deze link:", "Copy this link:") }</label>
                    <input id="share-url" type="text" readonly=true value={url} />
                    <div class="buttons">
                        <button type="button" class="secondary" onclick={close}>{ tr(lang, "Sluiten", "Close") }</button>
                    </div>
                </div>
            }
        }
    };
    html! {
        <>
            <button type="button" onclick={open} aria-expanded={if ctx.state.share == Share::Closed { "false" } else { "true" }}
                aria-controls="share-panel">
                { tr(lang, "Deel een link", "Share a link") }
            </button>
            { panel }
        </>
    }
}

/// The single self-contained HTML file `scripts/build-offline.sh` writes next to the page.
const OFFLINE_FILE: &str = "wlz-bijdrage-offline.html";

pub fn footer(ctx: &super::Ctx) -> Html {
    let mut m = Markup::new(ctx.state.lang, ctx.state.embed);
    m.raw("<footer class=\"site-footer\"><p>").tr(
        "wlz-bijdrage is open source en niet van het CAK. De bedragen per jaar en de wetsartikelen staan in onze broncode. Deze pagina laadt niets van andere websites en werkt ook zonder internet.",
        "wlz-bijdrage is open source and not made by the CAK. The amounts per year and the articles of law are in our source code. This page loads nothing from other websites and also works without internet.",
    );
    m.raw("</p>");
    // The single file of scripts/build-offline.sh, next to the page; not offered from within
    // that file itself (file://).
    if crate::browser::is_served() {
        m.raw("<p><a href=\"")
            .raw(OFFLINE_FILE)
            .raw("\" download=\"")
            .raw(OFFLINE_FILE)
            .raw("\">")
            .tr(
                "Download de rekenhulp als één bestand, voor gebruik zonder internet",
                "Download the calculator as one file, for use without internet",
            );
        m.raw("</a></p><p><a href=\"batch.html\">").tr(
            "Veel cliënten tegelijk? Bereken een heel Excel- of CSV-bestand",
            "Many clients at once? Calculate a whole Excel or CSV file",
        );
        m.raw("</a></p>");
    }
    m.raw("</footer>").html()
}
