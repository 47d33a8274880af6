//! Everything that touches the browser: the URL, localStorage, focus,
//! printing. On the host (tests, SSR) these are no-ops, so the state and
//! the components stay testable without a browser.

use crate::form::FormData;
use crate::i18n;
use crate::state::State;
use wlz_core::Lang;

/// The localStorage key; the version lets a future form change start clean.
pub const STORAGE_KEY: &str = "wlz-bijdrage:v1";

/// What is remembered on this device between visits.
#[derive(Debug, PartialEq)]
pub struct Saved {
    pub lang: Lang,
    pub form: FormData,
}

impl Saved {
    /// `lang=nl&year=2026&care=vpt&…` (see `FormData::to_storage`).
    pub fn to_text(&self) -> String {
        format!("lang={}&{}", i18n::code(self.lang), self.form.to_storage())
    }

    pub fn from_text(text: &str) -> Saved {
        let lang = crate::form::query_pairs(text)
            .into_iter()
            .find(|(k, _)| k == "lang")
            .and_then(|(_, v)| Lang::parse(&v))
            .unwrap_or_default();
        Saved {
            lang,
            form: FormData::from_storage(text),
        }
    }
}

#[cfg(target_arch = "wasm32")]
fn storage() -> Option<web_sys::Storage> {
    gloo::utils::window().local_storage().ok().flatten()
}

/// The state the page starts with: the query string (a shared or embedded
/// link, computed at once) wins over what this device remembered.
pub fn initial_state() -> State {
    #[cfg(target_arch = "wasm32")]
    {
        let mut s = State::default();
        let this_year = js_sys::Date::new_0().get_full_year() as i32;
        let mut base = FormData {
            year: crate::form::default_year(Some(this_year)),
            ..FormData::default()
        };
        let query = gloo::utils::window()
            .location()
            .search()
            .unwrap_or_default();
        let pairs = crate::form::query_pairs(&query);
        let lang = pairs
            .iter()
            .find(|(k, _)| k == "lang")
            .and_then(|(_, v)| Lang::parse(v));
        let embed = pairs.iter().any(|(k, v)| k == "embed" && v != "0");
        let saved = load();
        // A year alone (the widget's `data-year`) presets the form; it is not
        // an answer to show, so it does not count as a link.
        let from_link = pairs.iter().any(|(k, _)| {
            crate::form::Field::from_key(k).is_some_and(|f| f != crate::form::Field::Year)
        });
        if from_link {
            let (form, _unknown) = FormData::from_query(&query, base);
            s.apply(crate::state::Action::Load {
                form: Box::new(form),
                lang: lang.or(saved.as_ref().map(|s| s.lang)),
                from_link: true,
                embed,
            });
        } else {
            let mut saved_lang = None;
            if let Some(saved) = saved {
                base = saved.form;
                saved_lang = Some(saved.lang);
            }
            let (base, _unknown) = FormData::from_query(&query, base);
            s.apply(crate::state::Action::Load {
                form: Box::new(base),
                lang: lang.or(saved_lang),
                from_link: false,
                embed,
            });
        }
        s
    }
    #[cfg(not(target_arch = "wasm32"))]
    {
        State::default()
    }
}

#[cfg_attr(not(target_arch = "wasm32"), allow(dead_code))]
fn load() -> Option<Saved> {
    #[cfg(target_arch = "wasm32")]
    {
        let text = storage()?.get_item(STORAGE_KEY).ok()??;
        Some(Saved::from_text(&text))
    }
    #[cfg(not(target_arch = "wasm32"))]
    {
        None
    }
}

/// Remembers the form on this device; after "forget my data", removes it.
pub fn save(form: &FormData, lang: Lang, forgotten: bool) {
    #[cfg(target_arch = "wasm32")]
    {
        // No storage (blocked, full, file://) only means the form is not remembered.
        if let Some(st) = storage() {
            if forgotten {
                let _ = st.remove_item(STORAGE_KEY);
            } else {
                let saved = Saved {
                    lang,
                    form: form.clone(),
                };
                let _ = st.set_item(STORAGE_KEY, &saved.to_text());
            }
        }
    }
    #[cfg(not(target_arch = "wasm32"))]
    {
        let _ = (form, lang, forgotten);
    }
}

/// `<html lang>` and the title follow the language.
pub fn set_document_lang(lang: Lang) {
    #[cfg(target_arch = "wasm32")]
    {
        let doc = gloo::utils::document();
        if let Some(el) = doc.document_element() {
            let _ = el.set_attribute("lang", i18n::code(lang));
        }
        doc.set_title(i18n::tr(
            lang,
            "Wlz eigen bijdrage berekenen",
            "Calculate the Wlz contribution",
        ));
    }
    #[cfg(not(target_arch = "wasm32"))]
    {
        let _ = (lang, i18n::code(lang));
    }
}

/// Moves focus to an element (and scrolls it into view), if it exists.
pub fn focus(id: &str) {
    #[cfg(target_arch = "wasm32")]
    {
        use wasm_bindgen::JsCast;
        if let Some(el) = gloo::utils::document().get_element_by_id(id) {
            el.scroll_into_view();
            if let Ok(h) = el.dyn_into::<web_sys::HtmlElement>() {
                let _ = h.focus();
            }
        }
    }
    #[cfg(not(target_arch = "wasm32"))]
    {
        let _ = id;
    }
}

pub fn print() {
    #[cfg(target_arch = "wasm32")]
    {
        let _ = gloo::utils::window().print();
    }
}

/// This page's address with the given query.
pub fn share_url(query: &str) -> String {
    #[cfg(target_arch = "wasm32")]
    {
        let loc = gloo::utils::window().location();
        let base = loc.href().unwrap_or_default();
        let base = base
            .split(['?', '#'])
            .next()
            .unwrap_or_default()
            .to_string();
        format!("{base}?{query}")
    }
    #[cfg(not(target_arch = "wasm32"))]
    {
        format!("?{query}")
    }
}

/// Runs `f` after `ms` milliseconds; dropping the handle cancels it.
pub fn after(ms: u32, f: impl FnOnce() + 'static) -> Option<Box<dyn std::any::Any>> {
    #[cfg(target_arch = "wasm32")]
    {
        Some(Box::new(gloo::timers::callback::Timeout::new(ms, f)))
    }
    #[cfg(not(target_arch = "wasm32"))]
    {
        let _ = (ms, f);
        None
    }
}

/// Whether the page came from a web server (http or https), not from a file
/// on disk: the offline download is offered only then.
pub fn is_served() -> bool {
    #[cfg(target_arch = "wasm32")]
    {
        gloo::utils::window()
            .location()
            .protocol()
            .is_ok_and(|p| p == "http:" || p == "https:")
    }
    #[cfg(not(target_arch = "wasm32"))]
    {
        false
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn what_is_saved_reads_back() {
        let (form, _) = FormData::from_query("care=pgb&age=50&income=40000", FormData::default());
        let saved = Saved {
            lang: Lang::En,
            form,
        };
        assert_eq!(Saved::from_text(&saved.to_text()), saved);
    }
}
