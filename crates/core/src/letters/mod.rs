//! Checking a CAK letter and acting on it (`shared/spec/letters.md`). Work in progress for
//! issue 16: the deadlines (§2.9), the inverse computation (§2.5), the back-dated total (§2.7)
//! and the indicative spreading (§2.8). The check itself (§2.2–§2.6) and the letters (§4)
//! follow.
//!
//! | Concept | Law | Module |
//! |---|---|---|
//! | bezwaar, aanpassing and payment deadlines | Awb 6:7, 6:8; Atw 1, 3, 4; Blz 3.3.1.3 lid 2, 3.3.2.3 lid 3, 3.3.2.4 lid 3 | [`deadlines`] |
//! | from the amount back to the income | Blz 3.3.2.1 lid 2, 3.3.2.2 lid 3–4, 3.3.2.4 lid 1 | [`inverse`] |
//! | back-dated total | Blz 3.3.1.5 lid 2, 3.3.1.6 lid 2, 3.3.2.9 lid 2 | [`backdated`] |
//! | betalingsregeling (indication) | Awb 4:94; CAK terms (L-6) | [`spread`] |

pub mod backdated;
pub mod check;
pub mod deadlines;
pub mod factors;
pub mod inverse;
pub mod letter;
pub mod spread;
