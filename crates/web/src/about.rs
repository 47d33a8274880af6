//! "Over de Wlz": a short explainer beside the calculator, in our own words
//! from the two brochures in shared/seeds/ (facts only).
//!
//! One tree for both languages, so the Dutch (B1, the default) and the
//! English text always have the same structure. The parent renders the
//! section and its `<h2>`; this component returns the body.
//!
//! Phone numbers are copied exactly from the seeds
//! (`wlz-brochure-verwijzers.txt`, "Landelijke overheidsorganen"); web
//! addresses are the seeds' `www.` addresses over https, except the
//! regelhulp link, which comes from the spec, §7.2. Check the SVB number
//! before release: it could not be confirmed outside the seed brochure.

use wlz_core::Lang;
use yew::prelude::*;

/// The explainer as the page shows it: the HTML that [`About`] renders, kept in
/// `about.nl.html` and `about.en.html`. Static HTML is data in the page's WebAssembly, where the
/// component's tree was code (measured 2026-12-03: 6.2 KB raw, 2.1 KB gzip less). `tests/about.rs` renders [`About`] and fails when a file differs from it
/// (`WLZ_WRITE_ABOUT=1 cargo test -p wlz-web --test about` rewrites them). The page writes it
/// into its text of the section (`components/markup.rs`).
pub fn about_html(lang: Lang) -> &'static str {
    match lang {
        Lang::Nl => include_str!("about.nl.html"),
        Lang::En => include_str!("about.en.html"),
    }
}

#[derive(Properties, PartialEq)]
pub struct AboutProps {
    pub lang: Lang,
}

#[component]
pub fn About(props: &AboutProps) -> Html {
    let lang = props.lang;
    let t = move |nl: &'static str, en: &'static str| -> &'static str {
        match lang {
            Lang::Nl => nl,
            Lang::En => en,
        }
    };

    html! {
        <div class="about">
            <section>
                <h3>{ t("Vier wetten voor zorg", "Four care laws") }</h3>
                <p>{ t(
                    "Nederland heeft vier wetten voor zorg en ondersteuning:",
                    "The Netherlands has four laws for care and support:",
                ) }</p>
                <ul>
                    <li><strong>{ "Jeugdwet" }</strong>{ t(
                        ": hulp aan kinderen en jongeren, zoals kinderbescherming. Via de gemeente.",
                        " (Youth Act): help for children and young people, such as child protection. Through your municipality.",
                    ) }</li>
                    <li><strong>{ "Wmo 2015" }</strong>{ t(
                        " (Wet maatschappelijke ondersteuning): hulp thuis, zoals begeleiding, huishoudelijke hulp en hulpmiddelen. Via de gemeente.",
                        " (Social Support Act): help at home, such as guidance, household help and aids. Through your municipality.",
                    ) }</li>
                    <li><strong>{ "Zvw" }</strong>{ t(
                        " (Zorgverzekeringswet): uw zorgverzekering, zoals de huisarts, het ziekenhuis en de wijkverpleging. Via de zorgverzekeraar.",
                        " (Health Insurance Act): your health insurance, such as the GP, the hospital and district nursing. Through your health insurer.",
                    ) }</li>
                    <li><strong>{ "Wlz" }</strong>{ t(
                        " (Wet langdurige zorg): zorg thuis of in een zorginstelling, voor wie altijd toezicht of 24 uur per dag zorg dichtbij nodig heeft. Via het zorgkantoor: dat regelt de Wlz-zorg in uw regio.",
                        " (Long-term Care Act): care at home or in a care institution, for people who always need supervision, or care close by 24 hours a day. Through the zorgkantoor, the office that arranges Wlz care in your region.",
                    ) }</li>
                </ul>
                <p>{ t(
                    "Bent u 18 jaar of ouder en krijgt u Wlz-zorg? Dan betaalt u elke maand een eigen bijdrage aan het CAK (Centraal Administratie Kantoor). Met deze rekenhulp schat u dat bedrag.",
                    "If you are 18 or older and receive Wlz care, you pay a monthly own contribution (eigen bijdrage) to the CAK (Centraal Administratie Kantoor). This calculator estimates that amount.",
                ) }</p>
            </section>

            <details>
                <summary><h3>{ t("Wie krijgt Wlz-zorg?", "Who can get Wlz care?") }</h3></summary>
                <p>{ t(
                    "Het CIZ (Centrum indicatiestelling zorg) beslist of u Wlz-zorg krijgt. Dat besluit heet een indicatie. U krijgt een indicatie als:",
                    "The CIZ (Centrum indicatiestelling zorg) decides whether you can get Wlz care. That decision is called an indicatie (eligibility decision). You get one if:",
                ) }</p>
                <ol>
                    <li>{ t(
                        "u een ziekte of beperking heeft, zoals dementie of een lichamelijke, verstandelijke of zintuiglijke beperking. Psychische klachten alleen zijn niet genoeg;",
                        "you have an illness or disability, such as dementia or a physical, intellectual or sensory disability. Mental health problems alone are not enough;",
                    ) }</li>
                    <li>{ t(
                        "u de zorg uw hele leven nodig heeft;",
                        "you will need the care for the rest of your life;",
                    ) }</li>
                    <li>{ t(
                        "u altijd toezicht of 24 uur per dag zorg dichtbij nodig heeft. Bijvoorbeeld omdat u niet zelf op tijd om hulp kunt vragen.",
                        "you always need supervision, or care close by 24 hours a day. For example because you cannot call for help in time yourself.",
                    ) }</li>
                </ol>
                <p>{ t(
                    "Ook kinderen kunnen Wlz-zorg krijgen. U vraagt het aan met een formulier van ",
                    "Children can get Wlz care too. You apply with a form from ",
                ) }<a href="https://www.ciz.nl">{ "ciz.nl" }</a>{ t(
                    ". Uw vertegenwoordiger of zorgaanbieder mag dat ook doen. Daarna praat het CIZ met u: thuis, op een spreekuur of aan de telefoon.",
                    ". Your representative or care provider may also apply for you. The CIZ then talks with you: at home, at a consultation hour or by phone.",
                ) }</p>
            </details>

            <details>
                <summary><h3>{ t("Telt mantelzorg mee?", "Does informal care count?") }</h3></summary>
                <p>{ t(
                    "Nee. Mantelzorg is hulp van mensen om u heen, zoals familie of buren. Het CIZ kijkt alleen naar uw eigen beperkingen. Mantelzorg telt niet mee. Of uw huis geschikt is, ook niet. Denkt u dat mantelzorg toch meetelde? Vraag dan advies aan het Juiste Loket.",
                    "No. Mantelzorg (informal care) is help from people around you, such as family or neighbours. The CIZ only looks at your own limitations. Informal care does not count, and neither does whether your home is suitable. If you think informal care did count, ask Het Juiste Loket for advice.",
                ) }</p>
                <p>{ t(
                    "Wilt u de zorg thuis? Dan kijkt het zorgkantoor wel of dat veilig kan. En of het niet (veel) duurder is dan in een instelling.",
                    "If you want the care at home, the zorgkantoor does check that this is safe, and that it does not cost (much) more than in an institution.",
                ) }</p>
            </details>

            <details>
                <summary><h3>{ t("Zorg in een instelling of thuis", "Care in an institution or at home") }</h3></summary>
                <p>{ t(
                    "Met een indicatie kiest u hoe u de zorg krijgt:",
                    "With an indicatie you choose how you receive the care:",
                ) }</p>
                <ul>
                    <li><strong>{ t("Verblijf", "Stay (verblijf)") }</strong>{ t(
                        ": u woont in een zorginstelling die een contract heeft met het zorgkantoor. Uw partner mag mee, ook zonder eigen indicatie.",
                        ": you live in a care institution that has a contract with the zorgkantoor. Your partner may move in with you, even without an indicatie of their own.",
                    ) }</li>
                    <li><strong>{ t("Volledig pakket thuis (vpt)", "Full package at home (vpt)") }</strong>{ t(
                        ": alle zorg die u in een instelling zou krijgen, maar dan thuis.",
                        ": all the care you would get in an institution, but at home.",
                    ) }</li>
                    <li><strong>{ t("Modulair pakket thuis (mpt)", "Modular package at home (mpt)") }</strong>{ t(
                        ": een paar delen van de zorg thuis, zoals verpleging of begeleiding. Maaltijden horen er niet bij.",
                        ": some parts of the care at home, such as nursing or guidance. Meals are not included.",
                    ) }</li>
                    <li><strong>{ t("Deeltijdverblijf", "Part-time stay (deeltijdverblijf)") }</strong>{ t(
                        ": de ene week thuis, de andere week in een zorginstelling.",
                        ": one week at home, the next week in a care institution.",
                    ) }</li>
                </ul>
                <p>{ t(
                    "Dit heet zorg in natura: de zorgaanbieder regelt de zorg en de rekening.",
                    "This is called zorg in natura (care in kind): the provider arranges the care and the bill.",
                ) }</p>
                <p><strong>{ t("Persoonsgebonden budget (pgb)", "Personal budget (pgb)") }</strong>{ t(
                    ": u krijgt een budget en koopt zelf uw zorg in. U vraagt het aan bij het zorgkantoor. Het geld staat bij de SVB (Sociale Verzekeringsbank). U moet voldoen aan de landelijke ",
                    ": you get a budget and buy your own care. You apply to the zorgkantoor. The money is held by the SVB (Sociale Verzekeringsbank). You must meet the national ",
                ) }<a href="https://www.rijksoverheid.nl/onderwerpen/persoonsgebonden-budget-pgb/documenten/publicaties/2021/09/21/infographic-met-toelichting---toetsing-10-punten-pgb-vaardigheid">{ t(
                    "10 punten pgb-vaardigheid",
                    "10 points of pgb competence (pgb-vaardigheid)",
                ) }</a>{ t(
                    ": kunt u een pgb goed beheren? Uitleg over het beheer: ",
                    ": can you manage a pgb well? How to manage a pgb: ",
                ) }<a href="https://www.mijnpgb.nl/">{ "mijnpgb.nl" }</a>{ "." }</p>
            </details>

            <details>
                <summary><h3>{ t("Gratis hulp", "Free help") }</h3></summary>
                <ul>
                    <li>{ t(
                        "Een onafhankelijke cliëntondersteuner helpt u gratis, bijvoorbeeld met de aanvraag bij het CIZ. Zoek er een via ",
                        "An independent client supporter (cliëntondersteuner) helps you for free, for example with your application to the CIZ. Find one via ",
                    ) }<a href="https://www.regelhulp.nl/onderwerpen/clientondersteuning">{ "regelhulp.nl" }</a>{ "." }</li>
                    <li>{ t(
                        "Ook de wijkverpleegkundige helpt met de aanvraag, en in het ziekenhuis de transferverpleegkundige.",
                        "The district nurse also helps with the application, and in hospital the transfer nurse.",
                    ) }</li>
                    <li>{ t(
                        "Vragen over uw zorg, een pgb of de wachtlijst? Vraag het uw zorgkantoor. Elke regio heeft er een: ",
                        "Questions about your care, a pgb or the waiting list? Ask your zorgkantoor. Each region has one: ",
                    ) }<a href="https://www.zorgkantoor.nl">{ "zorgkantoor.nl" }</a>{ "." }</li>
                </ul>
            </details>

            <details>
                <summary><h3>{ t("Contact", "Contact") }</h3></summary>
                <ul class="contact-list">
                    <li>
                        <strong>{ "CAK" }</strong>
                        { t(" (eigen bijdrage): ", " (own contribution): ") }
                        <a href="https://www.hetcak.nl">{ "hetcak.nl" }</a>
                        { t(", telefoon ", ", phone ") }{ "(0800) 0087" }
                    </li>
                    <li>
                        <strong>{ "CIZ" }</strong>
                        { t(" (indicatie): ", " (eligibility): ") }
                        <a href="https://www.ciz.nl">{ "ciz.nl" }</a>
                        { t(", telefoon ", ", phone ") }{ "(088) 789 10 00" }
                    </li>
                    <li>
                        <strong>{ "SVB" }</strong>
                        { t(" (pgb): ", " (pgb): ") }
                        <a href="https://www.svb.nl">{ "svb.nl" }</a>
                        { t(", telefoon ", ", phone ") }{ "(020) 6555 656" }
                    </li>
                </ul>
            </details>
        </div>
    }
}
