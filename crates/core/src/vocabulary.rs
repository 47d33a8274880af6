//! One vocabulary of inputs: every answer a household can give, defined once. Its key is
//! the CLI flag without dashes (`--partner-income`), the page's field id and query parameter
//! (`partner-income`), and with underscores the batch CSV column (`partner_income`); its JSON
//! path is where it lives in the input contract (`partner.income`). The CLI, the batch, the
//! page and its share links take their names from here, and the tests of each check it.

use crate::text::Text;

/// What kind of value an input takes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    /// A contribution year.
    Year,
    /// A whole number in a range.
    Whole { min: i64, max: i64 },
    /// A euro amount in Dutch or English notation (`parse_amount`).
    Amount,
    /// A date, YYYY-MM-DD.
    Date,
    /// Yes or no.
    Flag,
    /// The client's care form(s): `instelling`, `vpt`, `mpt`, `pgb`, `dtv`.
    Care,
    /// The partner's place: a care form, `none`, `living-along`, `beschermd-wonen`.
    PartnerCare,
}

/// One input of the household.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Key {
    Year,
    Date,
    Days,
    Age,
    BirthDate,
    Care,
    MonthsInCare,
    StayStart,
    PreviousStayStart,
    PreviousStayEnd,
    MptMax20Hours,
    Income,
    Assets,
    Tax,
    WorkIncome,
    OneOffPayments,
    PartnerAge,
    PartnerBirthDate,
    PartnerCare,
    PartnerMonthsInCare,
    PartnerStayStart,
    PartnerIncome,
    PartnerAssets,
    PartnerTax,
    PartnerWorkIncome,
    Children,
    ReturnHomeExpected,
    WmoMaatwerkvoorziening,
    Zorgtoeslag,
    NoData,
    NetMonthlyIncome,
}

/// Everything known about one [`Key`], in one row of [`Key::def`].
pub struct Def {
    pub key: &'static str,
    /// Where the answer lives in the input contract.
    pub json: &'static str,
    pub kind: Kind,
    /// What to enter, in Dutch and English.
    pub help_nl: &'static str,
    pub help_en: &'static str,
    /// The official term (as the CAK and the law write it), if the input has one.
    pub term: Option<&'static str>,
}

const fn def(
    key: &'static str,
    json: &'static str,
    kind: Kind,
    help_en: &'static str,
    help_nl: &'static str,
    term: Option<&'static str>,
) -> Def {
    Def {
        key,
        json,
        kind,
        help_nl,
        help_en,
        term,
    }
}

const AGE: Kind = Kind::Whole {
    min: 0,
    max: crate::input::MAX_AGE as i64,
};
const MONTHS: Kind = Kind::Whole {
    min: 0,
    max: crate::input::MAX_MONTHS_COMPLETED as i64,
};

impl Key {
    pub const ALL: [Key; 31] = [
        Key::Year,
        Key::Date,
        Key::Days,
        Key::Age,
        Key::BirthDate,
        Key::Care,
        Key::MonthsInCare,
        Key::StayStart,
        Key::PreviousStayStart,
        Key::PreviousStayEnd,
        Key::MptMax20Hours,
        Key::Income,
        Key::Assets,
        Key::Tax,
        Key::WorkIncome,
        Key::OneOffPayments,
        Key::PartnerAge,
        Key::PartnerBirthDate,
        Key::PartnerCare,
        Key::PartnerMonthsInCare,
        Key::PartnerStayStart,
        Key::PartnerIncome,
        Key::PartnerAssets,
        Key::PartnerTax,
        Key::PartnerWorkIncome,
        Key::Children,
        Key::ReturnHomeExpected,
        Key::WmoMaatwerkvoorziening,
        Key::Zorgtoeslag,
        Key::NoData,
        Key::NetMonthlyIncome,
    ];

    pub const fn def(self) -> Def {
        use Kind as K;
        match self {
            Key::Year => def("year", "year", K::Year, "Contribution year", "Bijdragejaar", Some("bijdragejaar")),
            Key::Date => def("date", "date", K::Date, "The day to estimate for (YYYY-MM-DD, in the contribution year); needed with a stay start", "De dag waarvoor u rekent (JJJJ-MM-DD, in het bijdragejaar); nodig bij een begindatum", None),
            Key::Days => def("days", "days", K::Whole { min: 0, max: 31 }, "Days of the month for which the contribution is due (partial month)", "Dagen van de maand waarover de bijdrage loopt (deel van een maand)", None),
            Key::Age => def("age", "client.age", AGE, "Age on 1 January of the contribution year", "Leeftijd op 1 januari van het bijdragejaar", None),
            Key::BirthDate => def("birth-date", "client.birth_date", K::Date, "Date of birth (YYYY-MM-DD), instead of the age", "Geboortedatum (JJJJ-MM-DD), in plaats van de leeftijd", None),
            Key::Care => def("care", "client.care", K::Care, "Care form: instelling, vpt, mpt, pgb, dtv; several as a comma list (pgb,mpt)", "Zorgvorm: instelling, vpt, mpt, pgb, dtv; meer dan één met komma's (pgb,mpt)", Some("leveringsvorm")),
            Key::MonthsInCare => def("months-in-care", "client.stay.months_completed", MONTHS, "Whole months of the current stay in an instelling already completed", "Hele maanden van het verblijf in de instelling die al voorbij zijn", None),
            Key::StayStart => def("stay-start", "client.stay.start", K::Date, "First day of the current stay (YYYY-MM-DD); needs the date", "Eerste dag van het verblijf (JJJJ-MM-DD); met de datum", None),
            Key::PreviousStayStart => def("previous-stay-start", "client.stay.previous", K::Date, "First day of an earlier stay in an instelling (YYYY-MM-DD), for the 60-day and 4-month rules (Blz 3.3.2.2 lid 7–8)", "Eerste dag van een eerder verblijf in een instelling (JJJJ-MM-DD)", None),
            Key::PreviousStayEnd => def("previous-stay-end", "client.stay.previous", K::Date, "Last day of that earlier stay (YYYY-MM-DD)", "Laatste dag van dat eerdere verblijf (JJJJ-MM-DD)", None),
            Key::MptMax20Hours => def("mpt-max-20-hours", "client.mpt_max_20_hours", K::Flag, "mpt of at most 20 hours of zorg in natura per month", "mpt van hoogstens 20 uur zorg in natura per maand", None),
            Key::Income => def("income", "client.income", K::Amount, "Verzamelinkomen of the peiljaar (contribution year − 2), e.g. 38.000 or 38000", "Verzamelinkomen van het peiljaar (2 jaar voor het bijdragejaar), bijvoorbeeld 38.000", Some("verzamelinkomen")),
            Key::Assets => def("assets", "client.assets", K::Amount, "Rendementsgrondslag (box-3 assets minus debts) on 1 January of the peiljaar", "Spaargeld en beleggingen min schulden (box 3) op 1 januari van het peiljaar", Some("grondslag sparen en beleggen")),
            Key::Tax => def("tax", "client.tax", K::Amount, "Income tax plus premie volksverzekeringen of the peiljaar (needed for the high contribution)", "Inkomstenbelasting en premie volksverzekeringen over het peiljaar (voor de hoge eigen bijdrage)", Some("inkomstenbelasting en premie volksverzekeringen")),
            Key::WorkIncome => def("work-income", "client.work_income", K::Amount, "Net income from current work, sick pay or sickness benefit", "Netto inkomen uit werk, loondoorbetaling bij ziekte of ziektewet", None),
            Key::OneOffPayments => def("one-off-payments", "client.one_off_payments", K::Amount, "Designated one-off payments left out of the assets on request", "Eenmalige uitkeringen die op verzoek niet meetellen", None),
            Key::PartnerAge => def("partner-age", "partner.age", AGE, "Partner's age on 1 January of the contribution year. Any partner input adds a partner", "Leeftijd van de partner op 1 januari van het bijdragejaar", None),
            Key::PartnerBirthDate => def("partner-birth-date", "partner.birth_date", K::Date, "Partner's date of birth (YYYY-MM-DD)", "Geboortedatum van de partner (JJJJ-MM-DD)", None),
            Key::PartnerCare => def("partner-care", "partner.care", K::PartnerCare, "Partner's care: instelling, vpt, mpt, pgb, dtv, none, living-along, beschermd-wonen", "Zorg van de partner: instelling, vpt, mpt, pgb, dtv, none, living-along, beschermd-wonen", None),
            Key::PartnerMonthsInCare => def("partner-months-in-care", "partner.stay.months_completed", MONTHS, "Whole months of the partner's current stay already completed", "Hele maanden van het verblijf van de partner die al voorbij zijn", None),
            Key::PartnerStayStart => def("partner-stay-start", "partner.stay.start", K::Date, "First day of the partner's current stay (YYYY-MM-DD); needs the date", "Eerste dag van het verblijf van de partner (JJJJ-MM-DD); met de datum", None),
            Key::PartnerIncome => def("partner-income", "partner.income", K::Amount, "Partner's verzamelinkomen of the peiljaar", "Verzamelinkomen van de partner in het peiljaar", Some("verzamelinkomen")),
            Key::PartnerAssets => def("partner-assets", "partner.assets", K::Amount, "Partner's rendementsgrondslag on 1 January of the peiljaar", "Spaargeld en beleggingen van de partner op 1 januari van het peiljaar", Some("grondslag sparen en beleggen")),
            Key::PartnerTax => def("partner-tax", "partner.tax", K::Amount, "Partner's income tax plus premie volksverzekeringen of the peiljaar", "Inkomstenbelasting en premie volksverzekeringen van de partner over het peiljaar", Some("inkomstenbelasting en premie volksverzekeringen")),
            Key::PartnerWorkIncome => def("partner-work-income", "partner.work_income", K::Amount, "Partner's net income from current work", "Netto inkomen uit werk van de partner", None),
            Key::Children => def("children", "household.children", K::Flag, "Children with kinderbijslag, or under 27 with studiefinanciering", "Kinderen met kinderbijslag, of jonger dan 27 met studiefinanciering", None),
            Key::ReturnHomeExpected => def("return-home-expected", "household.return_home_expected", K::Flag, "The zorgkantoor expects the stay to end within 4 months with a return home", "Het zorgkantoor verwacht terugkeer naar huis binnen 4 maanden", None),
            Key::WmoMaatwerkvoorziening => def("wmo-maatwerkvoorziening", "household.wmo_maatwerkvoorziening", K::Flag, "The client or partner has a Wmo maatwerkvoorziening", "De cliënt of partner heeft een Wmo-maatwerkvoorziening", Some("maatwerkvoorziening")),
            Key::Zorgtoeslag => def("zorgtoeslag", "household.zorgtoeslag", K::Flag, "Entitled to zorgtoeslag on 1 January of the peiljaar", "Recht op zorgtoeslag op 1 januari van het peiljaar", Some("zorgtoeslag")),
            Key::NoData => def("no-data", "household.cak_has_no_data", K::Flag, "Show what the CAK charges while it has no income or asset data", "Wat het CAK rekent zolang het geen gegevens over inkomen en vermogen heeft", None),
            Key::NetMonthlyIncome => def("net-monthly-income", "household.net_monthly_income", K::Amount, "Net household income per month, for the low-income exemption hint", "Netto huishoudinkomen per maand, voor de tip over een lage-inkomensvrijstelling", None),
        }
    }

    /// The key: the CLI flag without dashes, the page's field id and query parameter.
    /// (A match of its own rather than `def().key`, so that a build which uses only the keys,
    /// like the page's WebAssembly, does not carry every help text; `vocabulary_is_consistent`
    /// checks it against [`Key::def`].)
    pub const fn key(self) -> &'static str {
        match self {
            Key::Year => "year",
            Key::Date => "date",
            Key::Days => "days",
            Key::Age => "age",
            Key::BirthDate => "birth-date",
            Key::Care => "care",
            Key::MonthsInCare => "months-in-care",
            Key::StayStart => "stay-start",
            Key::PreviousStayStart => "previous-stay-start",
            Key::PreviousStayEnd => "previous-stay-end",
            Key::MptMax20Hours => "mpt-max-20-hours",
            Key::Income => "income",
            Key::Assets => "assets",
            Key::Tax => "tax",
            Key::WorkIncome => "work-income",
            Key::OneOffPayments => "one-off-payments",
            Key::PartnerAge => "partner-age",
            Key::PartnerBirthDate => "partner-birth-date",
            Key::PartnerCare => "partner-care",
            Key::PartnerMonthsInCare => "partner-months-in-care",
            Key::PartnerStayStart => "partner-stay-start",
            Key::PartnerIncome => "partner-income",
            Key::PartnerAssets => "partner-assets",
            Key::PartnerTax => "partner-tax",
            Key::PartnerWorkIncome => "partner-work-income",
            Key::Children => "children",
            Key::ReturnHomeExpected => "return-home-expected",
            Key::WmoMaatwerkvoorziening => "wmo-maatwerkvoorziening",
            Key::Zorgtoeslag => "zorgtoeslag",
            Key::NoData => "no-data",
            Key::NetMonthlyIncome => "net-monthly-income",
        }
    }

    /// The help in English, for the CLI (`--help` is English).
    pub const fn help_en(self) -> &'static str {
        self.def().help_en
    }

    pub fn help(self) -> Text {
        let d = self.def();
        Text::fixed(d.help_nl, d.help_en)
    }

    /// The JSON path in the input contract (`partner.stay.months_completed`); a match of its
    /// own for the same reason as [`Key::key`].
    pub fn json(self) -> &'static str {
        match self {
            Key::Year => "year",
            Key::Date => "date",
            Key::Days => "days",
            Key::Age => "client.age",
            Key::BirthDate => "client.birth_date",
            Key::Care => "client.care",
            Key::MonthsInCare => "client.stay.months_completed",
            Key::StayStart => "client.stay.start",
            Key::PreviousStayStart => "client.stay.previous",
            Key::PreviousStayEnd => "client.stay.previous",
            Key::MptMax20Hours => "client.mpt_max_20_hours",
            Key::Income => "client.income",
            Key::Assets => "client.assets",
            Key::Tax => "client.tax",
            Key::WorkIncome => "client.work_income",
            Key::OneOffPayments => "client.one_off_payments",
            Key::PartnerAge => "partner.age",
            Key::PartnerBirthDate => "partner.birth_date",
            Key::PartnerCare => "partner.care",
            Key::PartnerMonthsInCare => "partner.stay.months_completed",
            Key::PartnerStayStart => "partner.stay.start",
            Key::PartnerIncome => "partner.income",
            Key::PartnerAssets => "partner.assets",
            Key::PartnerTax => "partner.tax",
            Key::PartnerWorkIncome => "partner.work_income",
            Key::Children => "household.children",
            Key::ReturnHomeExpected => "household.return_home_expected",
            Key::WmoMaatwerkvoorziening => "household.wmo_maatwerkvoorziening",
            Key::Zorgtoeslag => "household.zorgtoeslag",
            Key::NoData => "household.cak_has_no_data",
            Key::NetMonthlyIncome => "household.net_monthly_income",
        }
    }

    /// Whether the calculator page asks this input (its form has a field for it). The page's
    /// batch opens a row in the calculator with the inputs it asks and names the others;
    /// `crates/web` checks this list against its form.
    pub fn on_page(self) -> bool {
        !matches!(
            self,
            Key::BirthDate | Key::PartnerBirthDate | Key::NoData | Key::NetMonthlyIncome
        )
    }

    /// The short title of the input as a column of a batch table (the page's template and
    /// its downloads): Dutch, English. A table may use it instead of the key.
    pub fn title(self) -> (&'static str, &'static str) {
        match self {
            Key::Year => ("Jaar", "Year"),
            Key::Date => ("Datum", "Date"),
            Key::Days => ("Dagen", "Days"),
            Key::Age => ("Leeftijd", "Age"),
            Key::BirthDate => ("Geboortedatum", "Date of birth"),
            Key::Care => ("Zorgvorm", "Care form"),
            Key::MonthsInCare => ("Maanden in instelling", "Months in instelling"),
            Key::StayStart => ("Begin verblijf", "Start of stay"),
            Key::PreviousStayStart => ("Begin eerder verblijf", "Start of earlier stay"),
            Key::PreviousStayEnd => ("Einde eerder verblijf", "End of earlier stay"),
            Key::MptMax20Hours => ("Mpt hoogstens 20 uur", "Mpt at most 20 hours"),
            Key::Income => ("Verzamelinkomen", "Income"),
            Key::Assets => ("Vermogen", "Assets"),
            Key::Tax => ("Belasting en premies", "Tax"),
            Key::WorkIncome => ("Inkomen uit werk", "Work income"),
            Key::OneOffPayments => ("Eenmalige uitkeringen", "One-off payments"),
            Key::PartnerAge => ("Leeftijd partner", "Partner age"),
            Key::PartnerBirthDate => ("Geboortedatum partner", "Partner date of birth"),
            Key::PartnerCare => ("Zorgvorm partner", "Partner care form"),
            Key::PartnerMonthsInCare => (
                "Maanden in instelling partner",
                "Partner months in instelling",
            ),
            Key::PartnerStayStart => ("Begin verblijf partner", "Partner start of stay"),
            Key::PartnerIncome => ("Verzamelinkomen partner", "Partner income"),
            Key::PartnerAssets => ("Vermogen partner", "Partner assets"),
            Key::PartnerTax => ("Belasting en premies partner", "Partner tax"),
            Key::PartnerWorkIncome => ("Inkomen uit werk partner", "Partner work income"),
            Key::Children => ("Kinderen", "Children"),
            Key::ReturnHomeExpected => ("Binnen 4 maanden naar huis", "Home within 4 months"),
            Key::WmoMaatwerkvoorziening => ("Wmo-maatwerkvoorziening", "Wmo maatwerkvoorziening"),
            Key::Zorgtoeslag => ("Zorgtoeslag", "Zorgtoeslag"),
            Key::NoData => ("Geen gegevens bij CAK", "CAK has no data"),
            Key::NetMonthlyIncome => ("Netto inkomen per maand", "Net monthly income"),
        }
    }

    pub fn kind(self) -> Kind {
        self.def().kind
    }

    /// The batch CSV column: the key with underscores.
    pub fn column(self) -> String {
        self.key().replace('-', "_")
    }

    /// The key of a flag, query parameter or CSV column (`partner_income`, `Partner-Income`).
    pub fn from_name(name: &str) -> Option<Key> {
        let name = name
            .trim()
            .trim_start_matches("--")
            .to_ascii_lowercase()
            .replace('_', "-");
        Key::ALL.into_iter().find(|k| k.key() == name)
    }

    /// The inputs to name for an error's field: those of [`Key::for_field`] that were given,
    /// else the first of them (the one to fill in).
    pub fn named_by(field: &str, given: impl Fn(Key) -> bool) -> Vec<Key> {
        let candidates = Key::for_field(field);
        let used: Vec<Key> = candidates.iter().copied().filter(|k| given(*k)).collect();
        if used.is_empty() {
            candidates.into_iter().take(1).collect()
        } else {
            used
        }
    }

    /// The inputs behind an error's field: those at the path or under it (`client.stay` →
    /// months in care and the stay start), and the birth date behind an age.
    pub fn for_field(path: &str) -> Vec<Key> {
        let under = |k: &Key| {
            let json = k.json();
            json == path
                || json
                    .strip_prefix(path)
                    .is_some_and(|rest| rest.starts_with('.'))
        };
        let mut keys: Vec<Key> = Key::ALL.into_iter().filter(under).collect();
        match path {
            "client.age" => keys.push(Key::BirthDate),
            "partner.age" => keys.push(Key::PartnerBirthDate),
            _ => {}
        }
        keys
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn vocabulary_is_consistent() {
        for k in Key::ALL {
            assert_eq!(k.key(), k.def().key);
            assert_eq!(k.json(), k.def().json);
        }
    }

    #[test]
    fn keys_are_unique_and_read_back() {
        let mut seen = std::collections::BTreeSet::new();
        for k in Key::ALL {
            assert!(seen.insert(k.key()), "{} twice", k.key());
            assert_eq!(Key::from_name(k.key()), Some(k));
            assert_eq!(Key::from_name(&k.column()), Some(k));
            assert_eq!(Key::from_name(&format!("--{}", k.key())), Some(k));
        }
        assert_eq!(
            Key::for_field("client.stay"),
            [
                Key::MonthsInCare,
                Key::StayStart,
                Key::PreviousStayStart,
                Key::PreviousStayEnd
            ]
        );
        assert_eq!(Key::for_field("client.age"), [Key::Age, Key::BirthDate]);
        assert_eq!(
            Key::for_field("client.stay.months_completed"),
            [Key::MonthsInCare]
        );
    }

    /// Every JSON path of the vocabulary is a field of the input contract's schema.
    #[cfg(feature = "schema")]
    #[test]
    fn json_paths_are_in_the_contract() {
        let schema = crate::schema::contract_schema();
        let defs = &schema["definitions"];
        for k in Key::ALL {
            let mut parts = k.json().split('.');
            let first = parts.next().unwrap();
            let (mut def, mut field) = match (first, k.json().contains('.')) {
                ("client" | "partner", true) => ("Person", parts.next().unwrap()),
                ("household", true) => ("HouseholdFacts", parts.next().unwrap()),
                (f, _) => ("Input", f),
            };
            if let Some(sub) = parts.next() {
                assert_eq!(field, "stay");
                def = "Stay";
                field = sub;
            }
            assert!(
                defs[def]["properties"].get(field).is_some(),
                "{} → {def}.{field} is not in the contract",
                k.key()
            );
        }
    }
}
