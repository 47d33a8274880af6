// The planner through the installed npm package: every worked example of
// fixtures/planner/cases.yaml (planner.md §P.6.6 W1–W5) to the cent, the
// errors of a bad PlanInput, comparePlans, and the README's W1 example.
// Expected figures come only from the YAML (the spec's own tables), never
// from this code or the engine's output.

import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { fixtureCases, usePackage, thrown, assertWlzError } from './package.mjs';

let pkg;
let wlz;
usePackage((p, w) => {
  pkg = p;
  wlz = w;
});

/**
 * A decimal string (or number) as an exact BigInt in units of 10⁻⁸ euro, so
 * that "40000.00" equals "40000" and sums have no binary-float error.
 */
function exact(value) {
  const text = String(value);
  const m = /^(-?)(\d+)(?:\.(\d{1,8}))?$/.exec(text);
  assert.ok(m, `not a decimal string: ${JSON.stringify(value)}`);
  const n = BigInt(m[2] + (m[3] ?? '').padEnd(8, '0'));
  return m[1] ? -n : n;
}

/** `got` equals the YAML's `want` to the cent (and beyond: exactly), with a message. */
function same(failures, what, got, want) {
  if (got === undefined || got === null) {
    failures.push(`${what}: missing, want ${want}`);
  } else if (typeof got !== 'string') {
    failures.push(`${what}: ${JSON.stringify(got)} is not a decimal string`);
  } else if (exact(got) !== exact(want)) {
    failures.push(`${what}: got ${got}, want ${want}`);
  }
}

/** The YAML fields of one year, checked against the plan's year (the same fields as crates/core/tests/planner.rs). */
function checkYear(failures, name, plan, year, want) {
  const y = plan.years.find((x) => x.year === Number(year));
  if (!y) {
    failures.push(`${name} ${year}: no such year`);
    return;
  }
  const client = y.people.find((f) => f.who === 'client');
  for (const [field, value] of Object.entries(want)) {
    const what = `${name} ${year} ${field}`;
    switch (field) {
      case 'total': same(failures, what, y.total, value); break;
      case 'lage':
      case 'hoge': same(failures, what, y.regimes.find((r) => r.regime === field)?.monthly, value); break;
      case 'rg': same(failures, what, client?.rendementsgrondslag, value); break;
      case 'box3_income': same(failures, what, client?.box3_income, value); break;
      case 'vib': same(failures, what, y.vib, value); break;
      case 'zorgtoeslag':
        if (y.zorgtoeslag !== value) failures.push(`${what}: got ${y.zorgtoeslag}, want ${value}`);
        break;
      case 'home':
        if (client?.home?.status !== value) failures.push(`${what}: got ${client?.home?.status}, want ${value}`);
        break;
      // A field of the YAML this test does not know would otherwise go unchecked.
      default: failures.push(`${what}: unknown expected field`);
    }
  }
}

/** The AOW options' figures (`aow.options[].years[]`) against the YAML's `aow`. */
function checkAow(failures, name, plan, aow) {
  for (const [id, years] of Object.entries(aow)) {
    const option = plan.aow?.options.find((o) => o.id === id);
    if (!option) {
      failures.push(`${name}: no AOW option ${id}`);
      continue;
    }
    for (const [year, fields] of Object.entries(years)) {
      const y = option.years.find((x) => x.year === Number(year));
      for (const [field, value] of Object.entries(fields)) {
        same(failures, `${name} AOW ${id} ${year} ${field}`, y?.[field], value);
      }
    }
  }
}

/** Every expectation of one YAML case; returns the differences. */
function checkCase(name, c, plan) {
  const failures = [];
  const known = new Set(['years', 'cumulative', 'first_box3_year', 'aow', 'first_years']);
  for (const key of Object.keys(c.expected)) {
    if (!known.has(key)) failures.push(`${name}: unknown expected key ${key}`);
  }
  for (const [year, want] of Object.entries(c.expected.years ?? {})) {
    checkYear(failures, name, plan, year, want);
  }
  if (c.expected.cumulative !== undefined) {
    same(failures, `${name} cumulative`, plan.cumulative, c.expected.cumulative);
  }
  const firstYears = { ...(c.expected.first_years ?? {}) };
  if (c.expected.first_box3_year !== undefined) firstYears['home-box3'] = c.expected.first_box3_year;
  for (const [kind, want] of Object.entries(firstYears)) {
    const got = plan.events.find((e) => e.kind === kind)?.first_year;
    if (got !== want) failures.push(`${name} first year of ${kind}: got ${got}, want ${want}`);
  }
  checkAow(failures, name, plan, c.expected.aow ?? {});
  return failures;
}

test('fixtures/planner/cases.yaml: every case to the cent through plan()', async () => {
  const cases = await fixtureCases('planner/cases');
  const names = Object.keys(cases);
  assert.ok(names.length >= 7, `${names.length} cases`);
  const failures = [];
  for (const [name, c] of Object.entries(cases)) {
    // The YAML's error cases: a WlzError on the field the YAML names.
    if (c.expected.error_field !== undefined) {
      let e;
      try {
        wlz.plan(c.input);
      } catch (err) {
        e = err;
      }
      if (e?.name !== 'WlzError' || e.field !== c.expected.error_field) {
        failures.push(`${name}: want a WlzError on ${c.expected.error_field}, got ${e ? `${e.name} ${e.code} ${e.field}` : 'a plan'}`);
      }
      continue;
    }
    let plan;
    try {
      plan = wlz.plan(c.input);
    } catch (e) {
      failures.push(`${name}: threw ${e?.name} ${e?.code} ${e?.message}`);
      continue;
    }
    failures.push(...checkCase(name, c, plan));
  }
  assert.deepEqual(failures, [], `${failures.length} differences`);
});

test('W1: each year total is the sum of its rounded months (Blz 3.3.2.9), the cumulative the sum of the years', async () => {
  const { 'W1-for-sale': w1 } = await fixtureCases('planner/cases');
  const plan = wlz.plan(w1.input);
  const first = plan.years[0];
  assert.equal(first.year, 2026);
  const months = first.months.reduce((sum, m) => sum + exact(m.amount), 0n);
  assert.equal(months, exact(first.total));
  // Each month is a whole number of cents, and so is every year.
  for (const y of plan.years) {
    for (const m of y.months) assert.equal(exact(m.amount) % 1_000_000n, 0n, `${y.year}-${m.month} ${m.amount}`);
    assert.equal(y.months.reduce((sum, m) => sum + exact(m.amount), 0n), exact(y.total), `${y.year}`);
  }
  const years = plan.years.reduce((sum, y) => sum + exact(y.total), 0n);
  assert.equal(years, exact(plan.cumulative));
  assert.equal(plan.years.at(-1).cumulative, plan.cumulative);
});

test('plan() takes JSON text as well as an object, and require() gives the same engine', async () => {
  const { 'W1-for-sale': w1 } = await fixtureCases('planner/cases');
  const fromObject = wlz.plan(w1.input);
  assert.deepEqual(wlz.plan(JSON.stringify(w1.input)), fromObject);
  assert.deepEqual(pkg.cjs().plan(w1.input), fromObject);
  // Amounts come back as decimal strings, as the core's JSON writes them.
  assert.equal(typeof fromObject.cumulative, 'string');
  assert.equal(fromObject.version, wlz.contractVersion());
});

test('comparePlans(): sell vs keep over the same years, b minus a per year and in all', async () => {
  const cases = await fixtureCases('planner/cases');
  const keep = cases['W2-empty-not-for-sale'];
  const sell = cases['W1-for-sale'];
  const r = wlz.comparePlans(keep.input, sell.input);
  assert.equal(exact(r.a.cumulative), exact(keep.expected.cumulative));
  assert.equal(exact(r.b.cumulative), exact(sell.expected.cumulative));
  assert.equal(exact(r.difference), exact(sell.expected.cumulative) - exact(keep.expected.cumulative));
  assert.deepEqual(r.years.map((y) => y.year), [2026, 2027, 2028, 2029, 2030, 2031, 2032]);
  for (const y of r.years) {
    assert.equal(exact(y.difference), exact(y.b) - exact(y.a), `${y.year}`);
    for (const [side, c] of [['a', keep], ['b', sell]]) {
      const want = c.expected.years[y.year]?.total;
      if (want) assert.equal(exact(y[side]), exact(want), `${side} ${y.year}`);
    }
  }
  // 2031: only the home kept empty is in box 3 (W2 35138.88 vs W1 14200.80).
  const y2031 = r.years.find((y) => y.year === 2031);
  assert.equal(exact(y2031.difference),
    exact(sell.expected.years[2031].total) - exact(keep.expected.years[2031].total));
});



test('a bad PlanInput throws a WlzError naming the code and the field', async () => {
  const { 'W1-for-sale': w1 } = await fixtureCases('planner/cases');
  const W1 = w1.input;
  const bad = [
    ['an unknown field', { ...W1, hous: {} }, 'invalid_json', 'hous'],
    ['an unknown field inside', { ...W1, money: { ...W1.money, saving: 1 } }, 'invalid_json', 'money.saving'],
    ['years: 0', { ...W1, years: 0 }, 'invalid_argument', 'years'],
    ['years: 11', { ...W1, years: 11 }, 'invalid_argument', 'years'],
    ['from: 1990', { ...W1, from: 1990 }, 'unsupported_year', 'from'],
    ['client.assets set', { ...W1, client: { ...W1.client, assets: 100000 } }, 'invalid_argument', 'client.assets'],
    ['version: 2', { ...W1, version: 2 }, 'unsupported_version', 'version'],
    ['a bad amount', { ...W1, money: { savings: 'veel' } }, 'invalid_amount', 'money.savings'],
    ['not an object', 42, 'invalid_json', undefined],
    ['nothing', undefined, 'invalid_json', undefined],
  ];
  for (const [what, input, code, field] of bad) {
    assertWlzError(thrown(() => wlz.plan(input)), code, field, `plan(${what})`);
  }
  // Broken JSON text: the same code; `field` is whatever the JSON reader
  // reports (as for `estimate`), so only the code is checked here.
  const broken = thrown(() => wlz.plan('{"version":1'));
  assert.equal(broken.name, 'WlzError');
  assert.equal(broken.code, 'invalid_json');
  // The module still works after every error.
  assert.equal(exact(wlz.plan(W1).cumulative), exact(w1.expected.cumulative));
});

test('comparePlans() checks both plans, and that they cover the same years', async () => {
  const { 'W1-for-sale': w1 } = await fixtureCases('planner/cases');
  const W1 = w1.input;
  const withAssets = { ...W1, client: { ...W1.client, assets: 1 } };
  assertWlzError(thrown(() => wlz.comparePlans(W1, withAssets)), 'invalid_argument', 'client.assets', 'b with assets');
  assertWlzError(thrown(() => wlz.comparePlans(W1, { ...W1, hous: 1 })), 'invalid_json', 'hous', 'b unknown field');
  const old = { ...W1, from: 1990 };
  assertWlzError(thrown(() => wlz.comparePlans(old, old)), 'unsupported_year', 'from', 'both from 1990');
  assertWlzError(thrown(() => wlz.comparePlans({ ...W1, years: 0 }, { ...W1, years: 0 })), 'invalid_argument', 'years', 'both years 0');
  assertWlzError(thrown(() => wlz.comparePlans(W1, { ...W1, years: 3 })), 'invalid_argument', 'from', 'other years');
  assertWlzError(thrown(() => wlz.comparePlans(W1)), 'invalid_json', undefined, 'no b');
  assertWlzError(thrown(() => wlz.comparePlans(42, W1)), 'invalid_json', undefined, 'a not an object');
  // The message names the argument that is not an object.
  assert.match(thrown(() => wlz.comparePlans(W1, 42)).detail.message.en, /^`b` must be an object/);
});

test('the README\'s W1 example runs as written and prints the YAML\'s figures', async () => {
  const { 'W1-for-sale': w1 } = await fixtureCases('planner/cases');
  const readme = fs.readFileSync(pkg.file('README.md'), 'utf8');
  const code = [...readme.matchAll(/```js\n([\s\S]*?)```/g)].map((m) => m[1]).find((c) => c.includes('plan('));
  assert.ok(code, 'a js example with plan()');
  fs.writeFileSync(path.join(pkg.dir, 'readme-plan.mjs'), code);
  const out = execFileSync(process.execPath, [path.join(pkg.dir, 'readme-plan.mjs')], { encoding: 'utf8' });
  const e = w1.expected;
  assert.equal(out.trim(), [e.years[2026].total, e.years[2032].total, e.cumulative].join(' '));
});
