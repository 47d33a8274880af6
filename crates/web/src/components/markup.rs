//! The parts of the page that only show something (no field, button, `<details>`, focus target
//! or live region of their own) written as HTML text and handed to Yew as one raw node.
//!
//! Why: every element of an `html!` tree is code in the page's WebAssembly (a few hundred bytes
//! each, inlined into the view), where the same element as text is a few bytes of data. The
//! browser builds the same DOM from the text. Yew replaces a raw node as a whole when its text
//! changes, so nothing in it may hold state the user gives it (an open `<details>`, focus,
//! typed text): those parts stay `html!`. A raw node is parsed inside a `<div>`, so it must hold
//! whole tables (a `<tr>` or `<td>` on its own would be dropped by the parser) and no block
//! element inside a `<p>`.
//!
//! `tests/ssr.rs` and the e2e tests read the page these build; the page's DOM is the same as
//! from the `html!` it replaced (measured 2026-12-03 for issue 14, see the commit messages).
//! What stays `html!` stays `html!`: building those elements at run time instead (`VTag::new`
//! and `add_attribute`, one call per element) measured 2.5 KB gzip bigger (it brings in Yew's
//! attribute map).

use wlz_core::Lang;
use yew::{AttrValue, Html};

/// HTML text being written for one raw node.
pub struct Markup {
    out: String,
    pub lang: Lang,
    /// The widget (`?embed=1`): links to other sites open in a new tab (see [`Markup::link`]).
    pub embed: bool,
}

impl Markup {
    /// A field's hint (when there is one) and error paragraphs, with ids `{key}-why` and
    /// `{key}-error`; returns what the input's `aria-describedby` names.
    pub fn field_notes(&mut self, key: &str, hint: &str, error: Option<&str>) -> String {
        let mut described = String::new();
        if !hint.is_empty() {
            described = format!("{key}-why");
            self.raw("<p class=\"why\" id=\"")
                .raw(key)
                .raw("-why\">")
                .text(hint)
                .raw("</p>");
        }
        if let Some(msg) = error {
            described.push_str(&format!(" {key}-error"));
            self.raw("<p class=\"error-message\" id=\"")
                .raw(key)
                .raw("-error\"><span class=\"visually-hidden\">")
                .tr("Fout: ", "Error: ")
                .raw("</span>")
                .text(msg)
                .raw("</p>");
        }
        described
    }

    pub fn new(lang: Lang, embed: bool) -> Markup {
        Markup {
            out: String::new(),
            lang,
            embed,
        }
    }

    /// Markup as written in our source: tags and attributes, no text from elsewhere.
    pub fn raw(&mut self, markup: &str) -> &mut Markup {
        self.out.push_str(markup);
        self
    }

    /// Text (or an attribute value), escaped.
    pub fn text(&mut self, text: &str) -> &mut Markup {
        for c in text.chars() {
            match c {
                '&' => self.out.push_str("&amp;"),
                '<' => self.out.push_str("&lt;"),
                '>' => self.out.push_str("&gt;"),
                '"' => self.out.push_str("&quot;"),
                c => self.out.push(c),
            }
        }
        self
    }

    /// ` name="value"`, the value escaped.
    pub fn attr(&mut self, name: &str, value: &str) -> &mut Markup {
        self.raw(" ").raw(name).raw("=\"").text(value).raw("\"")
    }

    /// The text in the page's language, escaped.
    pub fn tr(&mut self, nl: &'static str, en: &'static str) -> &mut Markup {
        let t = crate::i18n::tr(self.lang, nl, en);
        self.text(t)
    }

    /// A link that leaves the calculator (the CAK, wetten.overheid.nl, …). In the widget
    /// (`?embed=1`, an iframe on a care office's site) it opens in a new tab, so the calculator
    /// and the answers stay where they are, and it says so to screen readers. Links within the
    /// page stay plain `<a>`s.
    pub fn link(&mut self, href: &str, class: Option<&str>, text: &str) -> &mut Markup {
        self.raw("<a");
        if let Some(c) = class {
            self.raw(" class=\"").raw(c).raw("\"");
        }
        self.attr("href", href);
        if self.embed {
            self.raw(" target=\"_blank\" rel=\"noopener noreferrer\"");
        }
        self.raw(">").text(text);
        if self.embed {
            self.raw("<span class=\"visually-hidden\">")
                .tr(" (opent in een nieuw tabblad)", " (opens in a new tab)")
                .raw("</span>");
        }
        self.raw("</a>")
    }

    /// The raw node (nothing when nothing was written), and an empty `Markup` to go on with.
    pub fn html(&mut self) -> Html {
        if self.out.is_empty() {
            return Html::default();
        }
        Html::from_html_unchecked(AttrValue::from(std::mem::take(&mut self.out)))
    }
}
