//! Prints the plan of a PlanInput read from standard input, as JSON (for a quick look at the
//! planner without the CLI): `cargo run -p wlz-core --example plan < input.json`.

use std::io::Read;

fn main() {
    let mut json = String::new();
    if let Err(e) = std::io::stdin().read_to_string(&mut json) {
        eprintln!("cannot read standard input: {e}");
        std::process::exit(2);
    }
    match wlz_core::planner::plan_json(&json) {
        Ok(p) => println!("{}", serde_json::to_string_pretty(&p).unwrap_or_default()),
        Err(e) => {
            eprintln!("{}", e.message.en);
            std::process::exit(2);
        }
    }
}
