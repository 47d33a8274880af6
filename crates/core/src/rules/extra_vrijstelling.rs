//! **Extra vermogensvrijstelling** (2024 and 2025 only): a Wlz client below state pension age,
//! and under readings O-8a/O-8b the spouse of one, has an extra amount of assets left out
//! (Blz 3.3.1.2 as it read in those years; spec §4.3). The amount itself is the parameter
//! `extra_vrijstelling_pp`; the vermogen and COT rules subtract it.
//!
//! ```text
//! applies(x) = year has the vrijstelling
//!              ∧ (x is a Wlz client below AOW age
//!                 ∨ (x's spouse is a Wlz client below AOW age (or any age, O-8a alternative)
//!                    ∧ (x has reached AOW age ∨ x owes no contribution of their own, O-8b, O-26)))
//! ```

use super::{Cite, Engine};
use crate::household::Member;

/// The rule cites nothing itself: the parameter carries its article.
pub const CITES: &[Cite] = &[];

impl Engine<'_, '_> {
    pub(crate) fn extra_vrijstelling_applies(&mut self, x: &Member) -> bool {
        if self.p.extra_vrijstelling_pp.is_none() {
            return false;
        }
        if x.is_wlz_client() && !x.aow {
            return true;
        }
        let r = &self.h.input.readings;
        let Some(s) = self.h.members.iter().find(|m| m.role != x.role) else {
            return false;
        };
        let spouse_qualifies = s.is_wlz_client() && (!s.aow || r.extra_vrijstelling_any_verzekerde);
        if !spouse_qualifies {
            return false;
        }
        self.read("O-8a");
        // A spouse owes a contribution of their own when they receive Wlz care (O-8b). A spouse
        // in beschermd wonen does not by default: UBWMO 3.8 lid 3 a suspends the Wmo contribution
        // while a Wlz contribution is owed (O-26).
        let owes = x.is_wlz_client() || r.spouse_without_care_owes || (x.bw && r.bw_spouse_owes);
        if !x.is_wlz_client() {
            self.read("O-8b");
            if x.bw {
                self.read("O-26");
            }
        }
        x.aow || !owes
    }
}
