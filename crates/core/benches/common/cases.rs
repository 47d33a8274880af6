/// The benchmark households (spec cases M, HX, S1 and Q) as JSON input, by name.
const CASES: [(&str, &str); 4] = [
    // Spec case M: single, vpt, lage bijdrage.
    (
        "lage_single_vpt",
        r#"{"version":1,"year":2026,"client":{"age":70,"care":"vpt","income":38000,"assets":100000}}"#,
    ),
    // Spec case HX: single in an instelling, hoge bijdrage with all deductions.
    (
        "hoge_single_instelling",
        r#"{"version":1,"year":2024,"client":{"age":70,"care":"instelling","income":30000,"tax":6000}}"#,
    ),
    // Spec case S1: couple with the COT for both spouses and a split.
    (
        "lage_couple_cot",
        r#"{"version":1,"year":2025,"client":{"age":70,"care":"vpt","income":20000,"assets":45000},"partner":{"age":70,"care":"none","income":20000,"assets":45000}}"#,
    ),
    // Two stays with dates: start period, lid 7 and lid 8.
    (
        "hoge_dated_stays",
        r#"{"version":1,"year":2025,"date":"2025-10-20","client":{"age":80,"care":"instelling","income":30000,"tax":6000,"stay":{"start":"2025-10-20","previous":[{"start":"2025-01-01","end":"2025-08-31"}]}}}"#,
    ),
];
