// The npm package's API as a developer uses it: the three builds (Node
// CommonJS and ES module import, the `web` build with init(), the bundler
// build), the scenario functions, amounts, and the contract's shapes.
// Expected amounts are the spec's worked examples (fixtures/spec-examples.yaml)
// or computed by hand here from the law, in the comments.

import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { usePackage } from './package.mjs';

// spec §6.1 case M (2026): vermogen 100000 − 36952 = 63048; VIB 4% = 2521.92;
// BI 38000 + 2521.92 = 40521.92; /120 = 337.682667 → 337.68, lage.
const M = { version: 1, year: 2026, client: { age: 70, care: 'vpt', income: 38000, assets: 100000 } };
// spec §6.1 case A (2025): BI 30000 + 4% × (50000 − 33748) = 30650.08; /120 → 255.42.
const A = { version: 1, year: 2025, client: { age: 70, care: 'vpt', income: 30000, assets: 50000 } };

let pkg;
let wlz;
usePackage((p, w) => {
  pkg = p;
  wlz = w;
});

test('the README example runs as written and prints case M', () => {
  const readme = fs.readFileSync(pkg.file('README.md'), 'utf8');
  const code = readme.match(/```js\n([\s\S]*?)```/)[1];
  assert.ok(code.split('\n').filter(Boolean).length <= 5, 'five lines');
  fs.writeFileSync(path.join(pkg.dir, 'readme.mjs'), code);
  const out = execFileSync(process.execPath, [path.join(pkg.dir, 'readme.mjs')], { encoding: 'utf8' });
  assert.equal(out.trim(), 'lage 337.68');
});

test('estimate() of case M', () => {
  const r = wlz.estimate(M);
  assert.equal(r.monthly, '337.68');
  assert.equal(r.regime, 'lage');
  assert.equal(r.peiljaar, 2024);
  assert.equal(r.version, wlz.contractVersion());
});

test('require() and import give the same engine; JSON text works as input', () => {
  const cjs = pkg.cjs();
  assert.equal(typeof cjs.estimate, 'function');
  assert.equal(cjs.estimate(M).monthly, '337.68');
  assert.equal(wlz.estimate(JSON.stringify(A)).monthly, '255.42');
  // Dutch notation in strings, as a person types it.
  const typed = { ...M, client: { ...M.client, income: '38.000', assets: '€ 100.000' } };
  assert.equal(wlz.estimate(typed).monthly, '337.68');
});

test('the web build runs after init() with the wasm bytes', async () => {
  const web = await pkg.web();
  assert.throws(() => web.estimate(M), 'not usable before init()');
  await web.default({ module_or_path: fs.readFileSync(pkg.file('web/wlz_bijdrage_bg.wasm')) });
  assert.equal(web.estimate(M).monthly, '337.68');
});

test('the bundler build loads as an ES module with its .wasm import', () => {
  // Node imports .wasm modules with this flag, as a bundler would resolve them.
  const out = execFileSync(process.execPath, [
    '--experimental-wasm-modules', '--no-warnings', '--input-type=module', '-e',
    `const w = await import(${JSON.stringify(pkg.file('bundler/wlz_bijdrage.js'))});
     console.log(w.estimate(${JSON.stringify(JSON.stringify(A))}).monthly);`,
  ], { encoding: 'utf8' });
  assert.equal(out.trim(), '255.42');
});

test('the result carries its explanation: steps with labels and legal references', () => {
  const r = wlz.estimate(M);
  const main = r.steps.filter((s) => s.level === 'main');
  assert.ok(main.length >= 3, 'main steps');
  for (const s of r.steps) {
    assert.ok(s.label.nl && s.label.en, `step ${s.id} has both labels`);
    if (s.reference) assert.match(s.reference.url, /^https:\/\/wetten\.overheid\.nl\//, s.id);
  }
  const vib = r.steps.find((s) => s.id === 'vib_client' || s.id === 'vib');
  assert.ok(vib, 'a vermogensinkomensbijtelling step');
  assert.equal(Number(vib.amount), 2521.92);
  assert.match(r.regime_reason.reference.url, /^https:\/\/wetten\.overheid\.nl\//);
});

test('timeline(): start period of 4 months at the lage bijdrage, then the hoge, per day', () => {
  const stay = { ...A, client: { ...A.client, care: 'instelling' } };
  const t = wlz.timeline(stay, '2025-03-10');
  assert.equal(t.months.length, 12);
  const [mar, apr, may, jun, jul, aug] = t.months;
  // March from the 10th: 22 days of 255.42 × 12 / 365 = 184.743… → 184.74 (Blz 3.3.2.9 lid 2).
  assert.equal(mar.amount, '184.74');
  for (const m of [apr, may, jun]) assert.equal(m.amount, '255.42');
  // The start period ends 4 months after 2025-03-10 (Blz 3.3.2.2 lid 1 a): hoge from 2025-07-10.
  assert.deepEqual(jul.segments.map((s) => [s.from, s.regime]), [['2025-07-01', 'lage'], ['2025-07-10', 'hoge']]);
  assert.equal(jul.segments[0].days, 9);
  assert.equal(aug.segments[0].regime, 'hoge');
  assert.equal(wlz.timeline(stay, '2025-03-10', 3).months.length, 3);
});

test('compare(): every care form side by side', () => {
  const c = wlz.compare(A);
  const row = (o) => c.rows.find((r) => r.option === o);
  assert.equal(row('vpt').monthly, '255.42');
  assert.equal(row('instelling-start').monthly, '255.42');
  assert.equal(row('instelling').regime, 'hoge');
  assert.equal(row('dtv').regime, 'lage');
});

// spec §6.1 case E (2024): instelling 5 months, partner at home without care → lage 397.17;
// the partner in an instelling of their own (same 5 months) or beschermd wonen → hoge.
test('partnerOptions(): the four places a partner can live, the current one marked', () => {
  const E = {
    version: 1, year: 2024,
    client: { age: 70, care: 'instelling', stay: { months_completed: 5 }, income: 24000, assets: 40000 },
    partner: { age: 68, care: 'none', income: 23000, assets: 40000 },
  };
  const p = wlz.partnerOptions(E);
  assert.deepEqual(p.rows.map((r) => r.option), ['none', 'living-along', 'instelling', 'beschermd-wonen']);
  assert.equal(p.rows[0].monthly, '397.17');
  assert.equal(p.rows[0].current, true);
  assert.equal(p.rows[2].regime, 'hoge');
  assert.equal(p.rows[3].regime, 'hoge');
  assert.equal(p.applies, true);
  assert.throws(() => wlz.partnerOptions(M), (e) => e.name === 'WlzError' && e.code === 'missing_partner_data');
});

test('whatIf(): income dropped, with the amount on this year\'s income', () => {
  const w = wlz.whatIf(A, { income: 20000 });
  // BI this year 20000 (no assets given) /120 = 166.67 < the 2025 minimum 205.00 (spec §2.1).
  assert.equal(w.bi_current, '20000.00');
  assert.equal(w.monthly_current, '205.00');
  assert.equal(w.monthly_peiljaar, '255.42');
  assert.equal(w.saving_per_month, '50.42');
  assert.equal(w.request_possible, true);
});

test('incomeCurve(): from the minimum at no income, through the household\'s own point', () => {
  const c = wlz.incomeCurve(A, 21);
  assert.equal(c.points[0].income, '0.00');
  assert.equal(c.points[0].monthly, '205.00');
  assert.equal(c.points.find((p) => Number(p.income) === 30000)?.monthly, '255.42');
  for (let i = 1; i < c.points.length; i++) {
    assert.ok(Number(c.points[i].monthly) >= Number(c.points[i - 1].monthly), 'never lower with more income');
  }
});

test('amounts: parse both notations, format in Dutch and English', () => {
  assert.equal(wlz.parseAmount('1.234,56'), '1234.56');
  assert.equal(wlz.parseAmount('1234.56'), '1234.56');
  assert.equal(wlz.parseAmount('€ 1.234'), '1234');
  assert.equal(wlz.parseAmount(1234.5), '1234.5');
  assert.equal(wlz.formatEur('1234.56', 'nl'), '€ 1.234,56');
  assert.equal(wlz.formatEur('1234.56', 'en'), '€1,234.56');
  assert.equal(wlz.formatEur('1234.565'), '€ 1.234,57', 'half-up to cents, Dutch by default');
  assert.equal(wlz.formatEur('-0.005', 'en'), '-€0.01');
  assert.equal(wlz.formatEur(1234.5, 'en'), '€1,234.50');
  // A trace amount keeps its exact decimals; formatting rounds once.
  const q = wlz.estimate(M).steps.find((s) => s.op === 'quotient');
  assert.match(q.amount, /^337\.68266/);
  assert.equal(wlz.formatEur(q.amount), '€ 337,68');
  assert.deepEqual(wlz.supportedYears(), [2024, 2025, 2026]);
});

test('a DERIVED parameter carries its rule; only ESTIMATE values set `estimated` (spec §6.4 case HX)', () => {
  // HX (2024): a 24000 − zkg 4167 − Zvw (1749 + 5.50% × 30000 = 3399) − aftrekpost 1125 = 15309;
  // vrijlating 25% × (15309 − 9539) = 1442.50; BI 13866.50 / 12 = 1155.54.
  const r = wlz.estimate({ version: 1, year: 2024, client: { age: 70, care: 'instelling', income: 30000, tax: 6000 } });
  assert.equal(r.monthly, '1155.54');
  const zkg = r.steps.find((s) => s.id === 'zkg').params[0];
  assert.equal(zkg.status, 'DERIVED');
  assert.match(zkg.derivation.rule.nl, /^6 × de bijstandsnorm van 1 januari 2022/);
  assert.ok(zkg.derivation.sources.every((s) => s.url.startsWith('https://')));
  assert.equal(r.estimated, true);
  assert.ok(!r.estimated_params.includes('zkg_year_single') && r.estimated_params.includes('aftrekpost_aow'));
  const cites = r.steps.map((s) => s.reference?.article ?? '').filter((a) => a.startsWith('Rlz'));
  assert.deepEqual([...new Set(cites)].sort(), ['Rlz art. 4.3 a', 'Rlz art. 4.4', 'Rlz hoofdstuk 4']);
});
