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

include!("../benches/common/cases.rs");

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
