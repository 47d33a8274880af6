#!/usr/bin/env bash
# Runs the cargo-fuzz targets of wlz-core (docs/fuzzing.md).
#
#   fuzz/run.sh [seconds]          # default 600 s per target
#
# * installs cargo-fuzz if it is missing (`cargo install cargo-fuzz --locked`);
# * builds with stable Rust: cargo-fuzz needs unstable flags (-Zsanitizer,
#   sancov), which RUSTC_BOOTSTRAP=1 unlocks;
# * copies the committed seeds (fuzz/seeds/<target>) into a scratch corpus
#   (fuzz/corpus/<target>, gitignored) that grows from run to run;
# * runs json_input and parse_amount for [seconds] each, in parallel (one
#   per core; FUZZ_PARALLEL=0 runs them one after the other);
# * prints the libFuzzer summary of each target and exits non-zero when a
#   target found a crash (the input is in fuzz/artifacts/<target>/).
#
# Environment: FUZZ_SANITIZER (address | none; default address),
#              FUZZ_PARALLEL (1 | 0; default 1), FUZZ_TARGETS (default both).
set -uo pipefail

seconds="${1:-600}"
case "$seconds" in
'' | *[!0-9]*) echo "usage: $0 [seconds]" >&2; exit 64 ;;
esac
sanitizer="${FUZZ_SANITIZER:-address}"
parallel="${FUZZ_PARALLEL:-1}"
targets=(${FUZZ_TARGETS:-json_input parse_amount household})

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
cd "$here"

if ! cargo fuzz --version >/dev/null 2>&1; then
    echo "== installing cargo-fuzz"
    cargo install cargo-fuzz --locked || exit 1
fi
export RUSTC_BOOTSTRAP=1

echo "== $(cargo fuzz --version), $(rustc --version), sanitizer $sanitizer, ${seconds}s per target"
for t in "${targets[@]}"; do
    cargo fuzz build -s "$sanitizer" "$t" || exit 1
done

mkdir -p logs
run_one() {
    local t="$1" extra=()
    mkdir -p "corpus/$t"
    cp -n "seeds/$t/"* "corpus/$t/" 2>/dev/null || true
    [ -f "$t.dict" ] && extra+=("-dict=$t.dict")
    [ "$t" = parse_amount ] && extra+=("-max_len=128")
    echo "== $t: cargo fuzz run -s $sanitizer $t corpus/$t -- -max_total_time=$seconds ${extra[*]} -timeout=25 -print_final_stats=1"
    cargo fuzz run -s "$sanitizer" "$t" "corpus/$t" -- \
        -max_total_time="$seconds" "${extra[@]}" -timeout=25 -print_final_stats=1 \
        >"logs/$t.log" 2>&1
}

declare -A status
if [ "$parallel" = 1 ]; then
    declare -A pids
    for t in "${targets[@]}"; do
        run_one "$t" &
        pids[$t]=$!
    done
    for t in "${targets[@]}"; do
        wait "${pids[$t]}"
        status[$t]=$?
    done
else
    for t in "${targets[@]}"; do
        run_one "$t"
        status[$t]=$?
    done
fi

failed=0
for t in "${targets[@]}"; do
    echo
    echo "== $t (exit ${status[$t]}, log fuzz/logs/$t.log, corpus $(ls "corpus/$t" | wc -l) inputs)"
    grep -E '^#[0-9]+[[:space:]]+DONE|^Done [0-9]+ runs|^stat::' "logs/$t.log"
    if [ "${status[$t]}" != 0 ]; then
        failed=1
        grep -E 'panicked at|^==[0-9]+==ERROR|SUMMARY|Test unit written to|Base64' "logs/$t.log" | head -20
    fi
done
exit "$failed"
