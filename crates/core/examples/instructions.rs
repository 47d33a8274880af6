//! Runs one estimate (with its full trace) `N` times, for counting instructions per estimate
//! under callgrind without the noise of a shared machine (docs/performance.md):
//!
//! ```sh
//! cargo build --release -p wlz-core --example instructions
//! valgrind --tool=callgrind --callgrind-out-file=/dev/null target/release/examples/instructions lage_single_vpt 0
//! valgrind --tool=callgrind --callgrind-out-file=/dev/null target/release/examples/instructions lage_single_vpt 2000
//! ```
//! (total of the second − total of the first) / 2000 = instructions per estimate.
//! The cases are those of `benches/estimate.rs`.

use std::hint::black_box;
use wlz_core::{estimate, Input};

const CASES: [(&str, &str); 4] = [
    (
        "lage_single_vpt",
        r#"{"version":1,"year":2026,"client":{"age":70,"care":"vpt","income":38000,"assets":100000}}"#,
    ),
    (
        "hoge_single_instelling",
        r#"{"version":1,"year":2024,"client":{"age":70,"care":"instelling","income":30000,"tax":6000}}"#,
    ),
    (
        "lage_couple_cot",
        r#"{"version":1,"year":2025,"client":{"age":70,"care":"vpt","income":20000,"assets":45000},"partner":{"age":70,"care":"none","income":20000,"assets":45000}}"#,
    ),
    (
        "hoge_dated_stays",
        r#"{"version":1,"year":2025,"date":"2025-10-20","client":{"age":80,"care":"instelling","income":30000,"tax":6000,"stay":{"start":"2025-10-20","previous":[{"start":"2025-01-01","end":"2025-08-31"}]}}}"#,
    ),
];

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let (name, n) = (args[1].as_str(), args[2].parse::<u32>().unwrap());
    let json = CASES.iter().find(|(c, _)| *c == name).expect("a case").1;
    let input = Input::from_json(json).unwrap();
    // One estimate always: the year's parameters and labels are built once, outside the count.
    let _ = estimate(&input).unwrap();
    for _ in 0..n {
        black_box(estimate(black_box(&input)).unwrap());
    }
}
