//! The five letters of letters.md §4, filled from the user's data, in plain Dutch (B1): the
//! aanpassing request, the bezwaarschrift, the betalingsregeling, a change of partner status,
//! and leaving out a one-off payment. The BSN line stays empty for the user to write by hand; a
//! figure the user did not give becomes a line to fill in by hand, and is listed in `missing`.

use crate::date::Date;
use crate::input::Amount;
use crate::money::format_eur;
use crate::text::Lang;
use serde::{Deserialize, Serialize};

/// Which letter.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "kebab-case")]
pub enum Template {
    /// §4.1 Verzoek om aanpassing (peiljaarverlegging).
    Aanpassing,
    /// §4.2 Bezwaarschrift.
    Bezwaar,
    /// §4.3 Verzoek om een betalingsregeling.
    Betalingsregeling,
    /// §4.4 Wijziging doorgeven (partner status).
    Partner,
    /// §4.5 Verzoek om een eenmalige uitkering niet mee te tellen.
    Eenmalig,
}

impl Template {
    pub const ALL: [Template; 5] = [
        Template::Aanpassing,
        Template::Bezwaar,
        Template::Betalingsregeling,
        Template::Partner,
        Template::Eenmalig,
    ];

    pub fn name(self) -> &'static str {
        match self {
            Template::Aanpassing => "aanpassing",
            Template::Bezwaar => "bezwaar",
            Template::Betalingsregeling => "betalingsregeling",
            Template::Partner => "partner",
            Template::Eenmalig => "eenmalig",
        }
    }
}

/// A reason block of the bezwaarschrift (§4.2), from the findings of the check.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
// In the schema (and the npm types) `LetterReason`: `Reason` is the estimate's.
#[cfg_attr(feature = "schema", schemars(rename = "LetterReason"))]
#[serde(rename_all = "kebab-case")]
pub enum Reason {
    PartnerDied,
    Separated,
    PartnerAtHome,
    StartPeriod,
    StartDate,
    CareForm,
    Income,
    Assets,
    OneOffPayment,
    BackdatingBeyond12Months,
    DelayNotMine,
}

/// What happened to the partner (§4.4).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "kebab-case")]
pub enum Change {
    Died,
    Divorced,
    LivingApart,
    Married,
}

/// Everything a letter may need; each field is optional.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields, default)]
pub struct LetterData {
    pub naam: Option<String>,
    pub straat_huisnummer: Option<String>,
    pub postcode: Option<String>,
    pub woonplaats: Option<String>,
    pub telefoon: Option<String>,
    pub email: Option<String>,
    pub klantnummer: Option<String>,
    pub adres_cak: Option<String>,
    pub datum_vandaag: Option<Date>,
    pub datum_beschikking: Option<Date>,
    pub kenmerk: Option<String>,
    pub jaar: Option<i32>,
    pub peiljaar: Option<i32>,
    /// Aanpassing: `true` for the HEB variant.
    pub hoge: bool,
    pub bi_peiljaar: Option<Amount>,
    pub bi_verwacht: Option<Amount>,
    pub drempel: Option<Amount>,
    pub reden: Option<String>,
    pub bijstand: bool,
    pub partner: bool,
    pub machtiging: bool,
    pub bedrag_cak: Option<Amount>,
    pub netto_maand: Option<Amount>,
    pub premie_maand: Option<Amount>,
    pub zorgtoeslag_maand: Option<Amount>,
    pub zkg_grens: Option<Amount>,
    pub ingangsdatum: Option<Date>,
    pub bedrag_eigen: Option<Amount>,
    pub redenen: Vec<Reason>,
    pub mondeling: bool,
    pub kosten: bool,
    /// Dates and figures the reason blocks name.
    pub datum: Option<Date>,
    pub naam_partner: Option<String>,
    pub opnamedatum: Option<Date>,
    pub datum_cak: Option<Date>,
    pub zorgvorm: Option<String>,
    pub zorgvorm_cak: Option<String>,
    pub inkomen_cak: Option<Amount>,
    pub inkomen_eigen: Option<Amount>,
    pub vermogen_cak: Option<Amount>,
    pub vermogen_eigen: Option<Amount>,
    pub soort_uitkering: Option<String>,
    pub bedrag: Option<Amount>,
    pub factuurnummer: Option<String>,
    pub datum_factuur: Option<Date>,
    pub bedrag_totaal: Option<Amount>,
    pub aantal_maanden: Option<u32>,
    pub termijnbedrag: Option<Amount>,
    pub aantal_termijnen: Option<u32>,
    pub maandbedrag: Option<Amount>,
    pub bezwaar_ingediend: bool,
    pub huis_te_koop: bool,
    pub wijziging: Option<Change>,
    pub datum_wijziging: Option<Date>,
    pub datum_ontvangst: Option<Date>,
    pub jaar_vermogen: Option<i32>,
}

/// A filled letter.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Rendered {
    pub template: Template,
    pub subject: String,
    /// The whole letter as plain text, ready to copy or print.
    pub text: String,
    pub attachments: Vec<String>,
    /// The fields left as a line to fill in by hand.
    pub missing: Vec<&'static str>,
}

/// What the user fills in by hand where a figure is missing.
pub const BLANK: &str = "……………";

/// Fills the letter: writes each field once, and notes which were left blank.
struct Filler<'a> {
    d: &'a LetterData,
    missing: Vec<&'static str>,
}

impl Filler<'_> {
    fn s(&mut self, name: &'static str, v: Option<String>) -> String {
        v.unwrap_or_else(|| {
            if !self.missing.contains(&name) {
                self.missing.push(name);
            }
            BLANK.to_string()
        })
    }
    fn text(&mut self, name: &'static str, v: &Option<String>) -> String {
        self.s(name, v.clone().filter(|x| !x.trim().is_empty()))
    }
    fn date(&mut self, name: &'static str, v: Option<Date>) -> String {
        self.s(name, v.map(|d| d.long(Lang::Nl)))
    }
    fn eur(&mut self, name: &'static str, v: Option<Amount>) -> String {
        self.s(name, v.map(|a| format_eur(a.0, Lang::Nl)))
    }
    fn num(&mut self, name: &'static str, v: Option<impl ToString>) -> String {
        self.s(name, v.map(|x| x.to_string()))
    }
}

/// The filled letter `t`.
pub fn render(t: Template, d: &LetterData) -> Rendered {
    let mut f = Filler {
        d,
        missing: Vec::new(),
    };
    let (subject, body, attachments) = match t {
        Template::Aanpassing => aanpassing(&mut f),
        Template::Bezwaar => bezwaar(&mut f),
        Template::Betalingsregeling => betalingsregeling(&mut f),
        Template::Partner => partner(&mut f),
        Template::Eenmalig => eenmalig(&mut f),
    };
    let header = header(&mut f);
    let naam = f.text("naam", &d.naam);
    let text = format!(
        "{header}\nOnderwerp: {subject}\n\nGeachte heer, mevrouw,\n\n{body}\nMet vriendelijke groet,\n\n\n(handtekening)\n\n{naam}\n\nBijlagen:\n{}\n",
        attachments.iter().map(|a| format!("- {a}")).collect::<Vec<_>>().join("\n")
    );
    Rendered {
        template: t,
        subject,
        text,
        attachments,
        missing: f.missing,
    }
}

fn header(f: &mut Filler) -> String {
    let d = f.d;
    let adres = d
        .adres_cak
        .clone()
        .filter(|a| !a.trim().is_empty())
        .unwrap_or_else(|| "Gebruik het adres onder in de brief van het CAK.".into());
    format!(
        "{}\n{}\n{} {}\nTelefoon: {}\nE-mail: {}\nBSN: ____________________\nKlantnummer CAK: {}\n\nCAK\n{adres}\n\n{}, {}\n",
        f.text("naam", &d.naam),
        f.text("straat_huisnummer", &d.straat_huisnummer),
        f.text("postcode", &d.postcode),
        f.text("woonplaats", &d.woonplaats),
        f.text("telefoon", &d.telefoon),
        f.text("email", &d.email),
        f.text("klantnummer", &d.klantnummer),
        f.text("woonplaats", &d.woonplaats),
        f.date("datum_vandaag", d.datum_vandaag),
    )
}

type Parts = (String, String, Vec<String>);

fn lines(v: &[String]) -> String {
    v.iter().map(|l| format!("{l}\n")).collect()
}

/// §4.1, both variants.
fn aanpassing(f: &mut Filler) -> Parts {
    let d = f.d;
    let jaar = f.num("jaar", d.jaar);
    let peiljaar = f.num("peiljaar", d.peiljaar);
    let mut v = vec![
        "Ik krijg zorg uit de Wet langdurige zorg.".to_string(),
        format!(
            "Op {} kreeg ik uw beschikking over {jaar}.",
            f.date("datum_beschikking", d.datum_beschikking)
        ),
        format!("Het kenmerk is {}.", f.text("kenmerk", &d.kenmerk)),
    ];
    if d.hoge {
        let cak = f.eur("bedrag_cak", d.bedrag_cak);
        v.extend([
            format!("Ik betaal een hoge eigen bijdrage van {cak} per maand."),
            "Na betaling houd ik te weinig over om van te leven.".into(),
            format!("Dit zijn mijn cijfers per maand in {jaar}:"),
            format!("- Netto inkomen: {}.", f.eur("netto_maand", d.netto_maand)),
            format!("- Eigen bijdrage: {cak}."),
            format!(
                "- Premie zorgverzekering: {}.",
                f.eur("premie_maand", d.premie_maand)
            ),
            format!(
                "- Zorgtoeslag: {}.",
                f.eur("zorgtoeslag_maand", d.zorgtoeslag_maand)
            ),
            format!(
                "- Ik houd over: {}.",
                over(d).map_or_else(|| f.s("over", None), |o| format_eur(o, Lang::Nl))
            ),
            format!(
                "Dat is minder dan het zak- en kleedgeld van {}.",
                f.eur("zkg_grens", d.zkg_grens)
            ),
            "Daarom vraag ik u om mijn eigen bijdrage aan te passen.".into(),
        ]);
    } else {
        let verschil = d
            .bi_peiljaar
            .zip(d.bi_verwacht)
            .map(|(a, b)| Amount(a.0 - b.0));
        v.extend([
            format!("U rekent met mijn inkomen en vermogen van {peiljaar}."),
            format!("Mijn inkomen is nu lager dan in {peiljaar}."),
            "Daarom vraag ik u om mijn eigen bijdrage aan te passen.".into(),
            format!("Wilt u rekenen met mijn inkomen en vermogen van {jaar}?"),
            String::new(),
            "Dit zijn mijn cijfers:".into(),
            format!(
                "- Bijdrageplichtig inkomen {peiljaar}: {}.",
                f.eur("bi_peiljaar", d.bi_peiljaar)
            ),
            format!(
                "- Verwacht bijdrageplichtig inkomen {jaar}: {}.",
                f.eur("bi_verwacht", d.bi_verwacht)
            ),
            format!("- Verschil: {}.", f.eur("verschil", verschil)),
            format!("Dat is minstens {}.", f.eur("drempel", d.drempel)),
            format!("De reden is: {}.", f.text("reden", &d.reden)),
        ]);
        if d.bijstand {
            v.push("Ik krijg algemene bijstand van de gemeente.".into());
            v.push("Het besluit van de gemeente stuur ik mee.".into());
        }
    }
    v.extend([
        String::new(),
        "Ik stuur bewijs mee.".into(),
        "Heeft u nog iets nodig? Bel of mail mij dan.".into(),
        String::new(),
    ]);
    let subject = format!("verzoek om aanpassing van mijn eigen bijdrage Wlz {jaar}");
    let mut att = vec![
        format!("een kopie van de beschikking van {}", f.date("datum_beschikking", d.datum_beschikking)),
        format!("bewijs van mijn inkomen in {jaar}: jaaropgave, specificatie van uitkering of pensioen, of loonstroken"),
        format!("bankafschriften met de saldi op 1 januari {jaar}"),
    ];
    if d.partner {
        att.push("het inkomen en de saldi van mijn partner".into());
    }
    if d.bijstand {
        att.push("het besluit over de bijstand van de gemeente".into());
    }
    if d.hoge {
        att.push(
            "het besluit over de zorgtoeslag en het premieoverzicht van de zorgverzekeraar".into(),
        );
    }
    machtiging(d, &mut att);
    (subject, lines(&v), att)
}

/// What is left per month in the HEB variant: net income − contribution − premium + zorgtoeslag.
fn over(d: &LetterData) -> Option<rust_decimal::Decimal> {
    Some(
        d.netto_maand?.0 - d.bedrag_cak?.0 - d.premie_maand?.0
            + d.zorgtoeslag_maand
                .map_or(rust_decimal::Decimal::ZERO, |z| z.0),
    )
}

fn machtiging(d: &LetterData, att: &mut Vec<String>) {
    if d.machtiging {
        att.push("een machtiging, omdat iemand anders ondertekent".into());
    }
}

/// §4.2: the bezwaarschrift with the reason blocks of the check.
fn bezwaar(f: &mut Filler) -> Parts {
    let d = f.d;
    let datum = f.date("datum_beschikking", d.datum_beschikking);
    let kenmerk = f.text("kenmerk", &d.kenmerk);
    let mut v = vec![
        format!("Ik maak bezwaar tegen uw besluit van {datum}."),
        format!("Het kenmerk is {kenmerk}."),
        format!(
            "Het besluit gaat over mijn eigen bijdrage Wlz vanaf {}.",
            f.date("ingangsdatum", d.ingangsdatum)
        ),
        format!(
            "U stelt de eigen bijdrage vast op {} per maand.",
            f.eur("bedrag_cak", d.bedrag_cak)
        ),
        String::new(),
        "Ik ben het daar niet mee eens.".into(),
    ];
    for r in &d.redenen {
        v.extend(reason(f, *r));
    }
    v.extend([
        format!(
            "Volgens mijn berekening is de eigen bijdrage {} per maand.",
            f.eur("bedrag_eigen", d.bedrag_eigen)
        ),
        "Mijn berekening stuur ik mee.".into(),
        String::new(),
        "Ik vraag u om het besluit te herzien.".into(),
        "Wilt u wat ik te veel heb betaald terugbetalen?".into(),
    ]);
    if d.mondeling {
        v.push("Ik wil mijn bezwaar graag mondeling toelichten.".into());
    }
    if d.kosten {
        v.push("Ik vraag u ook om vergoeding van de kosten van hulp.".into());
    }
    v.push(String::new());
    let mut att = vec![
        "een kopie van het besluit (beschikking of factuur)".to_string(),
        "bewijs voor elke reden".into(),
        "de uitdraai van de rekenhulp".into(),
    ];
    machtiging(d, &mut att);
    (
        format!("bezwaar tegen uw besluit van {datum}, kenmerk {kenmerk}"),
        lines(&v),
        att,
    )
}

/// The sentences of one reason block (§4.2 table).
fn reason(f: &mut Filler, r: Reason) -> Vec<String> {
    let d = f.d;
    match r {
        Reason::PartnerDied => vec![
            "U rekent met het inkomen van mijn partner.".into(),
            format!("Mijn partner is op {} overleden.", f.date("datum", d.datum)),
            "Sinds die datum ben ik alleenstaand.".into(),
        ],
        Reason::Separated => vec![
            format!(
                "U rekent met het inkomen van {}.",
                f.text("naam_partner", &d.naam_partner)
            ),
            format!(
                "Wij leven sinds {} duurzaam gescheiden.",
                f.date("datum", d.datum)
            ),
        ],
        Reason::PartnerAtHome => vec![
            "Mijn partner woont thuis en krijgt geen Wlz-zorg.".into(),
            "Dan geldt de lage eigen bijdrage.".into(),
        ],
        Reason::StartPeriod => vec![
            format!(
                "Ik woon sinds {} in een instelling.",
                f.date("opnamedatum", d.opnamedatum)
            ),
            "De eerste vier maanden geldt de lage eigen bijdrage.".into(),
            format!(
                "U rekent al vanaf {} de hoge eigen bijdrage.",
                f.date("datum_cak", d.datum_cak)
            ),
        ],
        Reason::StartDate => vec![
            format!(
                "Mijn zorg begon op {}.",
                f.date("opnamedatum", d.opnamedatum)
            ),
            format!("U rekent vanaf {}.", f.date("datum_cak", d.datum_cak)),
        ],
        Reason::CareForm => vec![
            format!("Ik krijg zorg met {}.", f.text("zorgvorm", &d.zorgvorm)),
            format!(
                "U rekent alsof ik {} krijg.",
                f.text("zorgvorm_cak", &d.zorgvorm_cak)
            ),
        ],
        Reason::Income => {
            let pj = f.num("peiljaar", d.peiljaar);
            vec![
                format!(
                    "U rekent met een inkomen van {} over {pj}.",
                    f.eur("inkomen_cak", d.inkomen_cak)
                ),
                format!(
                    "Mijn verzamelinkomen over {pj} was {}.",
                    f.eur("inkomen_eigen", d.inkomen_eigen)
                ),
            ]
        }
        Reason::Assets => vec![
            format!(
                "U rekent met een vermogen van {}.",
                f.eur("vermogen_cak", d.vermogen_cak)
            ),
            format!(
                "Op 1 januari {} was dat {}.",
                f.num("peiljaar", d.peiljaar),
                f.eur("vermogen_eigen", d.vermogen_eigen)
            ),
        ],
        Reason::OneOffPayment => vec![
            format!(
                "In mijn vermogen zit een {} van {}.",
                f.text("soort_uitkering", &d.soort_uitkering),
                f.eur("bedrag", d.bedrag)
            ),
            "Die uitkering mag niet meetellen.".into(),
        ],
        Reason::BackdatingBeyond12Months => vec![
            "U rekent de bijdrage over meer dan twaalf maanden terug.".into(),
            "Dat mag niet volgens artikel 3.3.1.5 Besluit langdurige zorg.".into(),
        ],
        Reason::DelayNotMine => vec![
            "De vertraging lag niet bij mij.".into(),
            "Ik vraag u de bijdrage over die periode te schrappen.".into(),
        ],
    }
}

/// §4.3.
fn betalingsregeling(f: &mut Filler) -> Parts {
    let d = f.d;
    let nummer = f.text("factuurnummer", &d.factuurnummer);
    let mut v = vec![
        format!(
            "Ik kreeg van u een factuur van {}.",
            f.eur("bedrag_totaal", d.bedrag_totaal)
        ),
        format!(
            "De factuur is van {}.",
            f.date("datum_factuur", d.datum_factuur)
        ),
        format!("Het factuurnummer is {nummer}."),
        format!(
            "De factuur gaat over {} maanden.",
            f.num("aantal_maanden", d.aantal_maanden)
        ),
        "Ik kan dit bedrag niet in één keer betalen.".into(),
        "Daarom vraag ik u om een betalingsregeling.".into(),
        format!(
            "Ik stel voor om {} per maand te betalen.",
            f.eur("termijnbedrag", d.termijnbedrag)
        ),
        format!(
            "Dan heb ik alles betaald in {} maanden.",
            f.num("aantal_termijnen", d.aantal_termijnen)
        ),
        format!(
            "Mijn gewone eigen bijdrage van {} betaal ik ook.",
            f.eur("maandbedrag", d.maandbedrag)
        ),
    ];
    if d.bezwaar_ingediend {
        v.push("Ik heb ook bezwaar gemaakt tegen deze factuur.".into());
    }
    if d.huis_te_koop {
        v.push("Mijn huis staat te koop.".into());
        v.push("Na de verkoop betaal ik de rest in één keer.".into());
    }
    v.extend([
        "Wilt u mij laten weten of dit goed is?".into(),
        String::new(),
    ]);
    let mut att = vec![
        "een kopie van de factuur".to_string(),
        "een overzicht van mijn inkomsten en kosten per maand".into(),
    ];
    if d.huis_te_koop {
        att.push("bewijs dat mijn huis te koop staat".into());
    }
    machtiging(d, &mut att);
    (
        format!("verzoek om een betalingsregeling, factuur {nummer}"),
        lines(&v),
        att,
    )
}

/// §4.4.
fn partner(f: &mut Filler) -> Parts {
    let d = f.d;
    let klant = f.text("klantnummer", &d.klantnummer);
    let zin = match d.wijziging {
        Some(Change::Died) => format!(
            "Mijn partner {} is overleden.",
            f.text("naam_partner", &d.naam_partner)
        ),
        Some(Change::Divorced) => "Mijn partner en ik zijn gescheiden.".into(),
        Some(Change::LivingApart) => "Mijn partner en ik wonen voorgoed apart.".into(),
        Some(Change::Married) => format!(
            "Ik ben getrouwd met {}.",
            f.text("naam_partner", &d.naam_partner)
        ),
        None => f.s("wijziging", None),
    };
    let v = vec![
        "Ik wil een wijziging doorgeven voor mijn eigen bijdrage Wlz.".to_string(),
        zin,
        format!(
            "Dit is gebeurd op {}.",
            f.date("datum_wijziging", d.datum_wijziging)
        ),
        "Wilt u mijn eigen bijdrage vanaf die datum opnieuw berekenen?".into(),
        "Ik stuur bewijs mee.".into(),
        String::new(),
    ];
    let proof = match d.wijziging {
        Some(Change::Died) => "de akte van overlijden",
        Some(Change::Divorced) => "de akte van echtscheiding",
        Some(Change::LivingApart) => "het besluit van de SVB of een ander bewijs dat u apart woont",
        Some(Change::Married) => "de huwelijksakte",
        None => "het bewijs van de wijziging",
    };
    let mut att = vec![proof.to_string()];
    machtiging(d, &mut att);
    (
        format!("wijziging in mijn situatie, klantnummer {klant}"),
        lines(&v),
        att,
    )
}

/// §4.5.
fn eenmalig(f: &mut Filler) -> Parts {
    let d = f.d;
    let v = vec![
        format!(
            "Op {} kreeg ik een eenmalige uitkering van {}.",
            f.date("datum_ontvangst", d.datum_ontvangst),
            f.eur("bedrag", d.bedrag)
        ),
        format!(
            "Het is een {}.",
            f.text("soort_uitkering", &d.soort_uitkering)
        ),
        format!(
            "Dit geld zit in mijn vermogen van {}.",
            f.num("jaar_vermogen", d.jaar_vermogen)
        ),
        "Ik vraag u dit bedrag van mijn vermogen af te trekken.".into(),
        "Dat staat in artikel 3.3.1.2 van het Besluit langdurige zorg.".into(),
        "Wilt u mijn eigen bijdrage opnieuw berekenen?".into(),
        "Ik stuur bewijs mee.".into(),
        String::new(),
    ];
    let mut att = vec![
        "de afrekening of de verklaring van wie betaalde (soort, bedrag, datum)".to_string(),
        "het bankafschrift waarop het geld binnenkwam".into(),
    ];
    machtiging(d, &mut att);
    (
        "verzoek om een eenmalige uitkering niet mee te tellen".into(),
        lines(&v),
        att,
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use rust_decimal::Decimal;

    fn full() -> LetterData {
        let a = |x: i64| Some(Amount(Decimal::from(x)));
        let day = |s: &str| Date::parse(s);
        LetterData {
            naam: Some("J. Jansen".into()),
            straat_huisnummer: Some("Dorpsstraat 1".into()),
            postcode: Some("1234 AB".into()),
            woonplaats: Some("Utrecht".into()),
            telefoon: Some("06-12345678".into()),
            email: Some("j@example.nl".into()),
            klantnummer: Some("123456".into()),
            adres_cak: Some("Antwoordnummer 1608, 2509 VB Den Haag".into()),
            datum_vandaag: day("2026-02-01"),
            datum_beschikking: day("2026-01-15"),
            kenmerk: Some("K-1".into()),
            jaar: Some(2026),
            peiljaar: Some(2024),
            bi_peiljaar: a(50000),
            bi_verwacht: a(22000),
            drempel: a(3293),
            reden: Some("mijn partner is overleden".into()),
            bedrag_cak: Some(Amount(Decimal::new(41667, 2))),
            bedrag_eigen: Some(Amount(Decimal::new(21260, 2))),
            ingangsdatum: day("2026-01-01"),
            redenen: vec![Reason::PartnerDied],
            datum: day("2025-12-20"),
            factuurnummer: Some("F-9".into()),
            datum_factuur: day("2026-04-10"),
            bedrag_totaal: Some(Amount(Decimal::new(123888, 2))),
            aantal_maanden: Some(13),
            termijnbedrag: Some(Amount(Decimal::new(10324, 2))),
            aantal_termijnen: Some(12),
            maandbedrag: Some(Amount(Decimal::new(9507, 2))),
            wijziging: Some(Change::Died),
            naam_partner: Some("P. Jansen".into()),
            datum_wijziging: day("2025-12-20"),
            datum_ontvangst: day("2024-05-01"),
            bedrag: a(10000),
            soort_uitkering: Some("letselschadevergoeding".into()),
            jaar_vermogen: Some(2025),
            ..LetterData::default()
        }
    }

    #[test]
    fn every_letter_filled_completely_has_no_blank_and_no_placeholder() {
        for t in Template::ALL {
            let r = render(t, &full());
            assert!(r.missing.is_empty(), "{}: {:?}", t.name(), r.missing);
            assert!(
                !r.text.contains(BLANK) && !r.text.contains('{') && !r.text.contains('['),
                "{}",
                r.text
            );
            assert!(r.text.contains("BSN: ____"), "the BSN stays empty");
            assert!(!r.attachments.is_empty());
        }
        let bezwaar = render(Template::Bezwaar, &full()).text;
        assert!(
            bezwaar.contains("€ 416,67") && bezwaar.contains("€ 212,60"),
            "{bezwaar}"
        );
        assert!(
            bezwaar.contains("Mijn partner is op 20 december 2025 overleden."),
            "{bezwaar}"
        );
    }

    #[test]
    fn a_missing_figure_becomes_a_line_to_fill_in_and_is_listed() {
        let mut d = full();
        d.kenmerk = None;
        let r = render(Template::Bezwaar, &d);
        assert_eq!(r.missing, vec!["kenmerk"]);
        assert!(r.text.contains(&format!("Het kenmerk is {BLANK}.")));
    }
}
