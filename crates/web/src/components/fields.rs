//! Form controls with everything a question needs: a visible label, one
//! sentence on why we ask, the official term the CAK letter uses, and the
//! error message next to the field (linked by `aria-describedby`).

use super::markup::Markup;
use super::Ctx;
use crate::form::Field;
use crate::state::Action;
use web_sys::{HtmlInputElement, HtmlSelectElement};
use wlz_core::Lang;
use yew::prelude::*;

/// The words around one question.
#[derive(Clone, Debug, PartialEq)]
pub struct Words {
    pub label: String,
    /// Why we ask, in one B1 sentence (and where to find it).
    pub why: String,
    /// The term on the CAK's letter or the tax assessment.
    pub term: Option<String>,
    /// A notice about the answer shown (a year without amounts: the core's text).
    pub note: Option<String>,
}

impl Words {
    pub fn new(label: impl Into<String>, why: impl Into<String>) -> Words {
        Words {
            label: label.into(),
            why: why.into(),
            term: None,
            note: None,
        }
    }
    pub fn term(mut self, t: impl Into<String>) -> Words {
        self.term = Some(t.into());
        self
    }
    pub fn note(mut self, n: Option<String>) -> Words {
        self.note = n;
        self
    }
}

fn error_of(ctx: &Ctx, field: Field) -> Option<String> {
    ctx.visible_errors
        .iter()
        .find(|e| e.field == Some(field))
        .map(|e| e.message.get(ctx.state.lang).to_string())
}

fn describedby(field: Field, words: &Words, has_error: bool) -> String {
    let k = field.key();
    let mut ids = format!("{k}-why");
    if words.term.is_some() {
        ids.push_str(&format!(" {k}-term"));
    }
    if words.note.is_some() {
        ids.push_str(&format!(" {k}-note"));
    }
    if has_error {
        ids.push_str(&format!(" {k}-error"));
    }
    ids
}

fn help(field: Field, words: &Words, error: &Option<String>, lang: Lang) -> Html {
    let k = field.key();
    // The note is a status message (html!, updated in place); the rest is text.
    let mut m = Markup::new(lang, false);
    m.raw("<p class=\"why\" id=\"")
        .raw(k)
        .raw("-why\">")
        .text(&words.why)
        .raw("</p>");
    if let Some(term) = &words.term {
        m.raw("<p class=\"term\" id=\"")
            .raw(k)
            .raw("-term\">")
            .tr("Officiële term: ", "Official term: ")
            .raw("<i lang=\"nl\">")
            .text(term)
            .raw("</i></p>");
    }
    let before = m.html();
    let note = match &words.note {
        Some(note) => html! {
            <p class="field-note" id={format!("{k}-note")} role="status">{ note }</p>
        },
        None => html! {},
    };
    if let Some(msg) = error {
        m.raw("<p class=\"error-message\" id=\"")
            .raw(k)
            .raw("-error\"><span class=\"visually-hidden\">")
            .tr("Fout: ", "Error: ")
            .raw("</span>")
            .text(msg)
            .raw("</p>");
    }
    html! { <>{ before }{ note }{ m.html() }</> }
}

/// How a text field reads: an amount in euros, a whole number (an age, days) or a day.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Kind {
    /// `inputmode="decimal"`, with the € before it.
    Amount,
    /// `inputmode="numeric"`, a short field.
    Number,
    /// `type="date"` (a phone shows its date picker; the value is `YYYY-MM-DD`), a short field.
    Date,
}

// The fields are plain functions of the app's context, not components: each component type and
// each `<Component prop=…/>` site costs page size, and these hold no state of their own.

/// A text field for an amount or a number; accepts Dutch and English notation. `suffix`: a unit
/// after the field (`jaar`).
pub fn text_field(
    ctx: &Ctx,
    field: Field,
    kind: Kind,
    suffix: Option<&'static str>,
    words: Words,
) -> Html {
    let lang = ctx.state.lang;
    let error = error_of(ctx, field);
    let oninput = {
        let d = ctx.dispatch.clone();
        Callback::from(move |e: InputEvent| {
            let el: HtmlInputElement = e.target_unchecked_into();
            d.dispatch(Action::Set(field, el.value()));
        })
    };
    let onblur = {
        let d = ctx.dispatch.clone();
        Callback::from(move |_: FocusEvent| d.dispatch(Action::Touch(field)))
    };
    let k = field.key();
    let amount = kind == Kind::Amount;
    let class = match (amount, error.is_some()) {
        (true, false) => "field",
        (true, true) => "field has-error",
        (false, false) => "field short",
        (false, true) => "field has-error short",
    };
    html! {
        <div {class}>
            <label for={k}>{ &words.label }</label>
            { help(field, &words, &error, lang) }
            <div class="input-row">
                if amount { <span class="prefix" aria-hidden="true">{ "€" }</span> }
                <input id={k} name={k} type={if kind == Kind::Date { "date" } else { "text" }}
                    inputmode={if amount { "decimal" } else { "numeric" }}
                    class={amount.then_some("amount")}
                    autocomplete="off" spellcheck="false"
                    value={ctx.state.form.text(field)}
                    aria-invalid={if error.is_some() { "true" } else { "false" }}
                    aria-describedby={describedby(field, &words, error.is_some())}
                    {oninput} {onblur} />
                if let Some(s) = suffix { <span class="suffix">{ s }</span> }
            </div>
        </div>
    }
}

/// A yes/no question.
pub fn check_field(ctx: &Ctx, field: Field, words: Words) -> Html {
    let lang = ctx.state.lang;
    let onchange = {
        let d = ctx.dispatch.clone();
        Callback::from(move |e: Event| {
            let el: HtmlInputElement = e.target_unchecked_into();
            d.dispatch(Action::Set(
                field,
                if el.checked() { "1" } else { "0" }.into(),
            ));
        })
    };
    let k = field.key();
    html! {
        <div class="field check">
            <input id={k} name={k} type="checkbox" checked={ctx.state.form.flag(field)}
                aria-describedby={describedby(field, &words, false)} {onchange} />
            <label for={k}>{ &words.label }</label>
            { help(field, &words, &None, lang) }
        </div>
    }
}

/// One choice of a radio group: value, label, one-line explanation.
#[derive(Clone, Debug, PartialEq)]
pub struct Choice {
    pub value: String,
    pub label: String,
    pub hint: Option<String>,
}

impl Choice {
    pub fn new(value: impl Into<String>, label: impl Into<String>) -> Choice {
        Choice {
            value: value.into(),
            label: label.into(),
            hint: None,
        }
    }
    pub fn hint(mut self, h: impl Into<String>) -> Choice {
        self.hint = Some(h.into());
        self
    }
}

/// A question with a few answers, as a fieldset of radio buttons. `extra`: content under the
/// explanation (a link).
pub fn radio_field(
    ctx: &Ctx,
    field: Field,
    words: Words,
    choices: Vec<Choice>,
    extra: Html,
) -> Html {
    let lang = ctx.state.lang;
    let error = error_of(ctx, field);
    let current = ctx.state.form.text(field);
    let k = field.key();
    html! {
        <fieldset id={format!("{k}-group")}
            class={if error.is_some() { "field radio has-error" } else { "field radio" }}
            aria-describedby={describedby(field, &words, error.is_some())}>
            <legend>{ &words.label }</legend>
            { help(field, &words, &error, lang) }
            { extra }
            { for choices.into_iter().enumerate().map(|(i, c)| {
                // The first radio carries the field's id, so the error summary can focus it.
                let id = if i == 0 { k.to_string() } else { format!("{k}-{}", c.value) };
                let hint_id = format!("{k}-{}-hint", c.value);
                let checked = current == c.value;
                let value = c.value.clone();
                let onchange = {
                    let d = ctx.dispatch.clone();
                    Callback::from(move |_: Event| d.dispatch(Action::Set(field, value.clone())))
                };
                html! {
                    <div class="choice">
                        <input type="radio" id={id.clone()} name={k} value={c.value}
                            {checked}
                            aria-describedby={c.hint.as_ref().map(|_| hint_id.clone())}
                            {onchange} />
                        <label for={id}>{ c.label }</label>
                        if let Some(h) = c.hint { <p class="choice-hint" id={hint_id}>{ h }</p> }
                    </div>
                }
            }) }
        </fieldset>
    }
}

/// A question with many answers, as a select.
pub fn select_field(ctx: &Ctx, field: Field, words: Words, choices: Vec<Choice>) -> Html {
    let lang = ctx.state.lang;
    let error = error_of(ctx, field);
    let current = ctx.state.form.text(field);
    let onchange = {
        let d = ctx.dispatch.clone();
        Callback::from(move |e: Event| {
            let el: HtmlSelectElement = e.target_unchecked_into();
            d.dispatch(Action::Set(field, el.value()));
        })
    };
    let k = field.key();
    html! {
        <div class={if error.is_some() { "field has-error" } else { "field" }}>
            <label for={k}>{ &words.label }</label>
            { help(field, &words, &error, lang) }
            <select id={k} name={k} {onchange}
                aria-describedby={describedby(field, &words, error.is_some())}>
                { for choices.into_iter().map(|c| {
                    let selected = current == c.value;
                    html! { <option {selected} value={c.value}>{ c.label }</option> }
                }) }
            </select>
        </div>
    }
}
