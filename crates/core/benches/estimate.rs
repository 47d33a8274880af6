//! `cargo bench -p wlz-core --bench estimate`: one estimate with its full
//! explanation trace, for the three shapes of household the engine meets most.
//! Target (issue 3): ≤ 5 µs per estimate. Figures in docs/performance.md.

use criterion::{criterion_group, criterion_main, Criterion};
use std::hint::black_box;
use wlz_core::{estimate, Input};

// The households, shared with `examples/instructions.rs`.
include!("common/cases.rs");

fn bench(c: &mut Criterion) {
    let mut g = c.benchmark_group("estimate_with_trace");
    for (name, json) in CASES {
        let input = Input::from_json(json).unwrap();
        g.bench_function(name, |b| b.iter(|| estimate(black_box(&input)).unwrap()));
    }
    g.finish();
    let mut g = c.benchmark_group("json_in_json_out");
    let (_, json) = CASES[0];
    g.bench_function("parse_estimate_serialize", |b| {
        b.iter(|| {
            let r = wlz_core::estimate_json(black_box(json)).unwrap();
            serde_json::to_string(&r).unwrap()
        })
    });
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
