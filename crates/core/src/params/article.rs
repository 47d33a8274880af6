//! The legal sources the engine cites ([`Article`]) and their keys in the
//! `references` of each year file. Plain Rust without dependencies, so that
//! `build.rs` can include this file too and check the year files' `references`.

/// A legal source the engine cites: an article of the Besluit langdurige zorg (Blz), the Wlz,
/// the Regeling langdurige zorg (Rlz), the tax laws, or a guidance page. Typed, so a mistyped
/// citation cannot compile; its [`Article::key`] names the versioned reference in each year
/// file (`references` in `crates/core/params/<year>.json`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Article {
    Blz111,
    Blz3311,
    Blz3312,
    Blz3312a,
    Blz3314,
    Blz3321,
    Blz3322,
    Blz3322a,
    Blz3323,
    Blz3324,
    Blz3324a,
    Blz3327,
    Blz3329,
    Wlz112,
    Rlz43,
    Rlz44,
    RlzH4,
    CotOvergang,
    Ib52,
    Ib94,
    Pw23,
    Aow7a,
    ZiPartnerverblijf,
}

impl Article {
    pub const ALL: [Article; 23] = [
        Article::Blz111,
        Article::Blz3311,
        Article::Blz3312,
        Article::Blz3312a,
        Article::Blz3314,
        Article::Blz3321,
        Article::Blz3322,
        Article::Blz3322a,
        Article::Blz3323,
        Article::Blz3324,
        Article::Blz3324a,
        Article::Blz3327,
        Article::Blz3329,
        Article::Wlz112,
        Article::Rlz43,
        Article::Rlz44,
        Article::RlzH4,
        Article::CotOvergang,
        Article::Ib52,
        Article::Ib94,
        Article::Pw23,
        Article::Aow7a,
        Article::ZiPartnerverblijf,
    ];

    /// The key of the reference in the year files.
    pub const fn key(self) -> &'static str {
        match self {
            Article::Blz111 => "blz_1_1_1",
            Article::Blz3311 => "blz_3_3_1_1",
            Article::Blz3312 => "blz_3_3_1_2",
            Article::Blz3312a => "blz_3_3_1_2a",
            Article::Blz3314 => "blz_3_3_1_4",
            Article::Blz3321 => "blz_3_3_2_1",
            Article::Blz3322 => "blz_3_3_2_2",
            Article::Blz3322a => "blz_3_3_2_2a",
            Article::Blz3323 => "blz_3_3_2_3",
            Article::Blz3324 => "blz_3_3_2_4",
            Article::Blz3324a => "blz_3_3_2_4a",
            Article::Blz3327 => "blz_3_3_2_7",
            Article::Blz3329 => "blz_3_3_2_9",
            Article::Wlz112 => "wlz_1_1_2",
            Article::Rlz43 => "rlz_4_3",
            Article::Rlz44 => "rlz_4_4",
            Article::RlzH4 => "rlz_h4",
            Article::CotOvergang => "cot_overgang",
            Article::Ib52 => "ib_5_2",
            Article::Ib94 => "ib_9_4",
            Article::Pw23 => "pw_23",
            Article::Aow7a => "aow_7a",
            Article::ZiPartnerverblijf => "zi_partnerverblijf",
        }
    }
}

/// The keys of every [`Article`], in the order of [`Article::ALL`].
pub const REFERENCE_KEYS: [&str; 23] = {
    let mut keys = [""; 23];
    let mut i = 0;
    while i < Article::ALL.len() {
        keys[i] = Article::ALL[i].key();
        i += 1;
    }
    keys
};

/// References only some years have (the COT article of 2024/2025, the 2026
/// transitional COT of Stb. 2025, 255); every
/// other key of [`REFERENCE_KEYS`] must be in each year file.
pub const OPTIONAL_REFERENCES: &[&str] = &["blz_3_3_2_4a", "cot_overgang"];
