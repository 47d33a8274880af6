//! Bilingual text. Every label, reason and message the engine produces comes
//! in Dutch (the default, B1 level) and English.

use serde::{Deserialize, Serialize};
use std::borrow::Cow;

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "lowercase")]
pub enum Lang {
    #[default]
    Nl,
    En,
}

impl Lang {
    pub fn parse(s: &str) -> Option<Lang> {
        match s.trim().to_ascii_lowercase().as_str() {
            "nl" | "nl-nl" | "dutch" | "nederlands" => Some(Lang::Nl),
            "en" | "en-gb" | "en-us" | "english" | "engels" => Some(Lang::En),
            _ => None,
        }
    }
}

/// A text in Dutch and English.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Text {
    pub nl: Cow<'static, str>,
    pub en: Cow<'static, str>,
}

impl Text {
    pub const fn fixed(nl: &'static str, en: &'static str) -> Text {
        Text {
            nl: Cow::Borrowed(nl),
            en: Cow::Borrowed(en),
        }
    }

    pub fn owned(nl: String, en: String) -> Text {
        Text {
            nl: Cow::Owned(nl),
            en: Cow::Owned(en),
        }
    }

    /// A copy that borrows from a text that lives for the whole program.
    pub fn borrowed(t: &'static Text) -> Text {
        Text {
            nl: Cow::Borrowed(&t.nl),
            en: Cow::Borrowed(&t.en),
        }
    }

    pub fn get(&self, lang: Lang) -> &str {
        match lang {
            Lang::Nl => &self.nl,
            Lang::En => &self.en,
        }
    }
}

/// `t!("nl", "en")` for fixed texts, `t!(fmt "nl {}", "en {}"; args)` for formatted ones.
#[macro_export]
macro_rules! t {
    ($nl:literal, $en:literal) => {
        $crate::text::Text::fixed($nl, $en)
    };
}
