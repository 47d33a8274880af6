// Bad input comes back as a structured JS error (`WlzError` with a stable
// code, the field and both messages), never as a wasm trap: also under a
// few thousand random mutations of valid inputs.

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { usePackage } from './package.mjs';

let pkg;
let wlz;
usePackage((p, w) => {
  pkg = p;
  wlz = w;
});

const M = { version: 1, year: 2026, client: { age: 70, care: 'vpt', income: 38000, assets: 100000 } };

function thrown(fn) {
  try {
    fn();
  } catch (e) {
    return e;
  }
  assert.fail('expected a throw');
}

test('a WlzError names the code, the field and says it in Dutch and English', () => {
  const e = thrown(() => wlz.estimate({ ...M, client: { ...M.client, income: 'veel' } }));
  assert.ok(e instanceof Error);
  assert.equal(e.name, 'WlzError');
  assert.equal(e.code, 'invalid_amount');
  assert.equal(e.field, 'client.income');
  assert.equal(e.detail.code, 'invalid_amount');
  assert.match(e.detail.message.nl, /geen geldig bedrag/);
  assert.match(e.detail.message.en, /not a valid amount/);
  assert.equal(e.message, e.detail.message.en);
});

test('each error code of the contract, through the package', () => {
  const cases = [
    [{ ...M, year: 2023 }, 'unsupported_year', 'year'],
    [{ ...M, version: 2 }, 'unsupported_version', undefined],
    [{ ...M, client: { care: 'vpt', income: 1 } }, 'missing_age', undefined],
    [{ ...M, client: { ...M.client, incom: 1 } }, 'invalid_json', 'client.incom'],
    [{ ...M, client: { ...M.client, care: 'ziekenhuis' } }, 'invalid_json', 'client.care'],
    [{ ...M, client: { ...M.client, income: 1e12 } }, 'amount_out_of_range', 'client.income'],
  ];
  for (const [input, code, field] of cases) {
    const e = thrown(() => wlz.estimate(input));
    assert.equal(e.name, 'WlzError', JSON.stringify(input));
    assert.equal(e.code, code, `${JSON.stringify(input)}: ${e.message}`);
    if (field) assert.equal(e.field, field, e.message);
  }
  assert.equal(thrown(() => wlz.timeline(M, '2026-02-30')).code, 'invalid_date');
  assert.equal(thrown(() => wlz.timeline(M, '2026-01-01', 40)).field, 'months');
  assert.equal(thrown(() => wlz.whatIf(M, { income: 1, extra: 2 })).code, 'invalid_json');
  assert.equal(thrown(() => wlz.parseAmount('12,34,56')).code, 'invalid_amount');
  assert.equal(thrown(() => wlz.formatEur(Number.NaN)).code, 'invalid_amount');
});

test('a year whose amounts are not published yet says so, in both languages', () => {
  const e = thrown(() => wlz.estimate({ ...M, year: 2027 }));
  assert.equal(e.name, 'WlzError');
  assert.equal(e.code, 'unsupported_year');
  assert.equal(e.field, 'year');
  assert.equal(e.detail.message.nl,
    'De bedragen voor 2027 zijn nog niet bekend: het CAK heeft ze nog niet gepubliceerd. Kies uit: 2024, 2025, 2026.');
  assert.equal(e.detail.message.en,
    'The amounts for 2027 are not known yet: the CAK has not published them. Choose from: 2024, 2025, 2026.');
  assert.equal(e.message, e.detail.message.en);
  // An older year keeps its own message.
  const old = thrown(() => wlz.estimate({ ...M, year: 2023 }));
  assert.equal(old.code, 'unsupported_year');
  assert.match(old.detail.message.nl, /^Het jaar 2023 wordt niet ondersteund\. Kies uit: 2024, 2025, 2026\.$/);
});

test('inputs that are not an object or JSON text', () => {
  const cyclic = { ...M };
  cyclic.self = cyclic;
  for (const bad of [undefined, null, 42, true, Symbol('x'), () => 1, '', '{', 'null', '[]', cyclic, { ...M, n: 1n }]) {
    const e = thrown(() => wlz.estimate(bad));
    assert.equal(e.name, 'WlzError', String(typeof bad));
    assert.equal(e.code, 'invalid_json', String(typeof bad));
  }
});

// A small deterministic generator (mulberry32) for reproducible fuzzing.
function rng(seed) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

test('fuzz: 3000 mutated inputs give a result or a WlzError, never a trap', () => {
  const rand = rng(20261123);
  const pick = (xs) => xs[Math.floor(rand() * xs.length)];
  const values = [0, -1, 1.005, 12345.678, 1e20, -0, NaN, '', '1.234,56', '€ 9.999', 'abc', null, true, [], {},
    'instelling', 'vpt', 'mpt', 'pgb', 'dtv', 'living-along', '2026-02-29', '2026-01-31', 130, 131, 17, 67];
  const keys = ['age', 'birth_date', 'care', 'income', 'assets', 'tax', 'stay', 'work_income', 'war_benefits',
    'mpt_max_20_hours', 'one_off_payments', 'ggz_zvw', 'earned_income'];
  let results = 0;
  let errors = 0;
  for (let i = 0; i < 3000; i++) {
    const input = structuredClone(M);
    input.year = pick([2024, 2025, 2026, 2026, 2027]);
    if (rand() < 0.5) input.partner = { age: pick([60, 70, 80]), care: pick(['none', 'vpt', 'instelling']), income: pick([0, 20000]) };
    if (rand() < 0.3) input.household = { children: rand() < 0.5, zorgtoeslag: rand() < 0.5 };
    if (rand() < 0.2) input.days = pick([0, 15, 31, 32, -1]);
    for (let k = 0; k < 1 + Math.floor(rand() * 3); k++) {
      const who = input.partner && rand() < 0.3 ? input.partner : input.client;
      const key = pick(keys);
      who[key] = key === 'stay' ? pick([{ months_completed: pick([0, 3, 4, 99]) }, { start: '2026-01-01' }, 5]) : pick(values);
    }
    try {
      const r = wlz.estimate(input);
      assert.match(r.monthly, /^\d+\.\d\d$/, JSON.stringify(input));
      assert.ok(['lage', 'hoge', 'geen'].includes(r.regime));
      results++;
    } catch (e) {
      if (e?.name !== 'WlzError') assert.fail(`not a WlzError for ${JSON.stringify(input)}: ${e}`);
      assert.ok(e.code && e.detail?.message?.nl, 'structured');
      errors++;
    }
  }
  // Both outcomes occur, so the generator reaches both sides.
  assert.ok(results > 100 && errors > 100, `results ${results}, errors ${errors}`);
  // And the module still works afterwards (no trap left it broken).
  assert.equal(wlz.estimate(M).monthly, '337.68');
});
