//! Checking a CAK letter and acting on it (`shared/spec/letters.md`): the check of a letter
//! against the household ([`check::check`]), and the five letters ([`templates::render`]),
//! filled from the check ([`prefill::prefill`]).
//!
//! | Concept | Law | Module |
//! |---|---|---|
//! | bezwaar, aanpassing and payment deadlines | Awb 6:7, 6:8; Atw 1, 3, 4; Blz 3.3.1.3 lid 2, 3.3.2.3 lid 3, 3.3.2.4 lid 3 | [`deadlines`] |
//! | from the amount back to the income | Blz 3.3.2.1 lid 2, 3.3.2.2 lid 3–4, 3.3.2.4 lid 1 | [`inverse`] |
//! | back-dated total | Blz 3.3.1.5 lid 2, 3.3.1.6 lid 2, 3.3.2.9 lid 2 | [`backdated`] |
//! | betalingsregeling (indication) | Awb 4:94; CAK terms (L-6) | [`spread`] |
//! | the letter on its own, attribution, verdict | letters.md §2.2–§2.6 | [`check`], [`factors`] |
//! | the letter typed in | letters.md §1.6 | [`letter`] |
//! | the letters to send | Awb 6:5; Blz 3.3.1.2, 3.3.1.4, 3.3.2.3–3.3.2.4 | [`templates`], [`prefill`] |

pub mod backdated;
pub mod check;
pub mod deadlines;
pub mod factors;
pub mod inverse;
pub mod letter;
pub mod prefill;
pub mod spread;
pub mod templates;
