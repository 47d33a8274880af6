//! Everything that touches the browser: the URL, localStorage, focus,
//! printing. On the host (tests, SSR) these are no-ops, so the state and
//! the components stay testable without a browser.

use crate::form::FormData;
use crate::i18n;
use crate::state::{State, View};
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
        let this_year = js_sys::Date::new_0().get_full_year() as i32;
        let query = gloo::utils::window()
            .location()
            .search()
            .unwrap_or_default();
        #[allow(unused_mut)]
        let mut s = start_state(Some(this_year), &query, load());
        // The full app opened by a calculator button (#jaren, #brief): that view at once.
        #[cfg(feature = "extras")]
        if let Some(v) = view_of_hash(&gloo::utils::window().location().hash().unwrap_or_default())
        {
            s.apply(crate::state::Action::Show(v));
        }
        s
    }
    #[cfg(not(target_arch = "wasm32"))]
    {
        State::default()
    }
}

/// The view an address's hash asks for: `#jaren` the planner, `#brief` the letter check
/// (web/boot.js loads the full app for these two).
pub fn view_of_hash(hash: &str) -> Option<View> {
    match hash {
        "#jaren" => Some(View::Planner),
        "#brief" => Some(View::Letter),
        _ => None,
    }
}

/// The hash that opens `view` in the full app ([`view_of_hash`]).
pub fn hash_of_view(view: View) -> &'static str {
    match view {
        View::Planner => "#jaren",
        View::Letter => "#brief",
        View::Calculator => "",
    }
}

/// The calculator alone (without the feature `extras`): a view of the full app is opened by
/// putting its hash in the address and loading the page again (web/boot.js then loads the full
/// app; the household comes along through localStorage or the query string).
pub fn open_full(view: View) {
    #[cfg(target_arch = "wasm32")]
    {
        let location = gloo::utils::window().location();
        let _ = location.set_hash(hash_of_view(view));
        let _ = location.reload();
    }
    #[cfg(not(target_arch = "wasm32"))]
    {
        let _ = view;
    }
}

/// Back on the calculator in the full app: the view's hash leaves the address (no new history
/// entry, no reload; the app stays the full one).
pub fn clear_hash() {
    #[cfg(target_arch = "wasm32")]
    {
        let window = gloo::utils::window();
        let location = window.location();
        let url = format!(
            "{}{}",
            location.pathname().unwrap_or_default(),
            location.search().unwrap_or_default()
        );
        if let Ok(history) = window.history() {
            let _ = history.replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&url));
        }
    }
}

/// [`initial_state`] from what the browser gives it: the clock's year, the
/// query string and the remembered form. Pure, so it is tested on the host.
/// A year without amounts (the clock in January, a link, an old remembered
/// form) shows the year the core offers, with the core's note by the year
/// question (`FormData::year_note`).
pub fn start_state(clock_year: Option<i32>, query: &str, saved: Option<Saved>) -> State {
    let mut s = State::default();
    let clock = clock_year.map_or_else(FormData::default, FormData::at_clock);
    let pairs = crate::form::query_pairs(query);
    let lang = pairs
        .iter()
        .find(|(k, _)| k == "lang")
        .and_then(|(_, v)| Lang::parse(v));
    let embed = pairs.iter().any(|(k, v)| k == "embed" && v != "0");
    // A year alone (the widget's `data-year`) presets the form; it is not
    // an answer to show, so it does not count as a link.
    let from_link = pairs.iter().any(|(k, _)| {
        crate::form::Field::from_key(k).is_some_and(|f| f != crate::form::Field::Year)
    });
    if from_link {
        let (form, _unknown) = FormData::from_query(query, clock);
        s.apply(crate::state::Action::Load {
            form: Box::new(form),
            lang: lang.or(saved.as_ref().map(|s| s.lang)),
            from_link: true,
            embed,
        });
    } else {
        let mut base = clock.clone();
        let mut saved_lang = None;
        if let Some(saved) = saved {
            base = saved.form;
            saved_lang = Some(saved.lang);
            // Remembered last year, shown again while this year's amounts
            // are missing: the clock's note still applies.
            if base.year_asked.is_none() && base.year == clock.year {
                base.year_asked = clock.year_asked;
            }
        }
        let (base, _unknown) = FormData::from_query(query, base);
        s.apply(crate::state::Action::Load {
            form: Box::new(base),
            lang: lang.or(saved_lang),
            from_link: false,
            embed,
        });
    }
    s
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

/// Today on this device's clock (the date of a calculation), in the browser only.
pub fn today() -> Option<wlz_core::Date> {
    #[cfg(target_arch = "wasm32")]
    {
        let d = js_sys::Date::new_0();
        wlz_core::Date::new(
            d.get_full_year() as i32,
            d.get_month() as u8 + 1,
            d.get_date() as u8,
        )
    }
    #[cfg(not(target_arch = "wasm32"))]
    {
        None
    }
}

pub fn print() {
    #[cfg(target_arch = "wasm32")]
    {
        let _ = gloo::utils::window().print();
    }
}

/// Copies the text of the textarea `id` (the letter): selects it, so the user can copy it
/// by hand when the clipboard is not allowed, and writes it to the clipboard. `status`: the
/// element that says what happened. Nothing leaves the device.
pub fn copy_text(id: &str, status: &str, done: &str) {
    #[cfg(target_arch = "wasm32")]
    {
        use wasm_bindgen::JsCast;
        let doc = gloo::utils::document();
        let Some(el) = doc
            .get_element_by_id(id)
            .and_then(|e| e.dyn_into::<web_sys::HtmlTextAreaElement>().ok())
        else {
            return;
        };
        let _ = el.focus();
        el.select();
        let _ = gloo::utils::window()
            .navigator()
            .clipboard()
            .write_text(&el.value());
        if let Some(s) = doc.get_element_by_id(status) {
            s.set_text_content(Some(done));
        }
    }
    #[cfg(not(target_arch = "wasm32"))]
    {
        let _ = (id, status, done);
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
    fn the_two_views_have_a_hash_that_opens_them() {
        for v in [View::Planner, View::Letter] {
            assert_eq!(view_of_hash(hash_of_view(v)), Some(v));
        }
        assert_eq!(view_of_hash(""), None);
        assert_eq!(view_of_hash("#questions"), None);
    }

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

#[cfg(test)]
mod start_tests {
    use super::*;

    const NOTE_2027: &str = "De bedragen voor 2027 zijn nog niet bekend; u ziet 2026.";

    fn note(s: &State) -> Option<String> {
        s.form.year_note().map(|t| t.get(s.lang).to_string())
    }

    #[test]
    fn the_clock_in_a_year_without_amounts_shows_the_latest_with_a_note() {
        let s = start_state(Some(2026), "", None);
        assert_eq!((s.form.year, note(&s)), (2026, None));

        let s = start_state(Some(2027), "", None);
        assert_eq!(s.form.year, 2026);
        assert_eq!(note(&s).as_deref(), Some(NOTE_2027));
        let s = start_state(Some(2027), "?lang=en", None);
        assert_eq!(
            note(&s).as_deref(),
            Some("The amounts for 2027 are not known yet; you are seeing 2026.")
        );

        // A form remembered last year shows 2026 again: the note stays.
        let saved = Saved {
            lang: Lang::Nl,
            form: FormData::from_query("care=pgb&age=50", FormData::at_clock(2026)).0,
        };
        let s = start_state(Some(2027), "", Some(saved));
        assert_eq!((s.form.year, s.form.care.as_str()), (2026, "pgb"));
        assert_eq!(note(&s).as_deref(), Some(NOTE_2027));
        // A year the user chose that has amounts needs no note.
        let saved = Saved {
            lang: Lang::Nl,
            form: FormData::from_query("year=2025&care=pgb", FormData::default()).0,
        };
        let s = start_state(Some(2027), "", Some(saved));
        assert_eq!((s.form.year, note(&s)), (2025, None));
    }

    #[test]
    fn a_link_or_a_remembered_form_with_a_year_without_amounts_gets_the_note() {
        let s = start_state(Some(2026), "?year=2027&care=vpt&age=70&income=38000", None);
        assert_eq!(s.form.year, 2026);
        assert_eq!(note(&s).as_deref(), Some(NOTE_2027));
        assert!(s.submitted);
        // The widget's `data-year` alone.
        let s = start_state(Some(2026), "?year=2027&embed=1", None);
        assert_eq!((s.form.year, note(&s).as_deref()), (2026, Some(NOTE_2027)));
        // An older year: the core's other note, and the first year.
        let s = start_state(Some(2026), "?year=2023&care=vpt", None);
        assert_eq!(s.form.year, 2024);
        assert_eq!(
            note(&s).as_deref(),
            Some("Deze rekenhulp heeft geen bedragen voor 2023; u ziet 2024.")
        );
        // A remembered form from a year that is no longer there.
        let saved = Saved::from_text("lang=nl&year=2023&care=pgb");
        let s = start_state(Some(2026), "", Some(saved));
        assert_eq!(s.form.year, 2024);
        assert!(note(&s).is_some_and(|n| n.contains("2023")));
    }
}
