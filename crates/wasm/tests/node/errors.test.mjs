// Bad input comes back as a structured JS error (`WlzError` with a stable
// code, the field and both messages), never as a wasm trap: bad arguments of
// every exported function, and a few thousand random mutations of valid inputs.

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { usePackage, thrown, assertWlzError } from './package.mjs';

let pkg;
let wlz;
usePackage((p, w) => {
  pkg = p;
  wlz = w;
});

const M = { version: 1, year: 2026, client: { age: 70, care: 'vpt', income: 38000, assets: 100000 } };
// A CAK letter for M (letters.md §5.1 E1): € 337,68 from 1 January 2026.
const LETTER = { date: '2026-01-15', from: '2026-01-01', monthly: '337.68', regime: 'lage' };


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

// Every exported function checks each of its arguments before the engine
// runs: a value of the wrong type or out of range is a WlzError with a code
// and the argument's name in `field`, never the RuntimeError ("memory access
// out of bounds") or TypeError that wasm-bindgen's glue used to throw, and
// never a silently clamped value (incomeCurve once took 'x' as 0 points).
// [call, code, field]; `field` undefined: the error names no field.
const HOSTILE = [
  ['timeline(M, 20260310)', () => wlz.timeline(M, 20260310), 'invalid_date', 'start'],
  ['timeline(M)', () => wlz.timeline(M), 'missing_date', 'start'],
  ['timeline(M, -1)', () => wlz.timeline(M, -1), 'invalid_date', 'start'],
  ['timeline(M, null)', () => wlz.timeline(M, null), 'missing_date', 'start'],
  ["timeline(M, { date: '2026-03-01' })", () => wlz.timeline(M, { date: '2026-03-01' }), 'invalid_date', 'start'],
  ["timeline(M, '2026-03-01', -1)", () => wlz.timeline(M, '2026-03-01', -1), 'invalid_days', 'months'],
  ["timeline(M, '2026-03-01', 'x')", () => wlz.timeline(M, '2026-03-01', 'x'), 'invalid_days', 'months'],
  ["timeline(M, '2026-03-01', '12')", () => wlz.timeline(M, '2026-03-01', '12'), 'invalid_days', 'months'],
  ["timeline(M, '2026-03-01', 1.5)", () => wlz.timeline(M, '2026-03-01', 1.5), 'invalid_days', 'months'],
  ["timeline(M, '2026-03-01', 37)", () => wlz.timeline(M, '2026-03-01', 37), 'invalid_days', 'months'],
  ["timeline(M, '2026-03-01', 2 ** 32 + 12)", () => wlz.timeline(M, '2026-03-01', 2 ** 32 + 12), 'invalid_days', 'months'],
  ["timeline(M, '2026-03-01', NaN)", () => wlz.timeline(M, '2026-03-01', NaN), 'invalid_days', 'months'],
  ["timeline(42, '2026-03-01')", () => wlz.timeline(42, '2026-03-01'), 'invalid_json', undefined],
  ["formatEur('1', 5)", () => wlz.formatEur('1', 5), 'invalid_argument', 'lang'],
  ["formatEur('1', 'fr')", () => wlz.formatEur('1', 'fr'), 'invalid_argument', 'lang'],
  ["formatEur('1', 'NL')", () => wlz.formatEur('1', 'NL'), 'invalid_argument', 'lang'],
  ['formatEur({})', () => wlz.formatEur({}), 'invalid_amount', 'amount'],
  ['formatEur()', () => wlz.formatEur(), 'invalid_amount', 'amount'],
  ['formatEur(true)', () => wlz.formatEur(true), 'invalid_amount', 'amount'],
  ['formatEur(1n)', () => wlz.formatEur(1n), 'invalid_amount', 'amount'],
  ['formatEur(Infinity)', () => wlz.formatEur(Infinity), 'invalid_amount', 'amount'],
  ["formatEur('1.234,56')", () => wlz.formatEur('1.234,56'), 'invalid_amount', 'amount'],
  ["incomeCurve(M, 'x')", () => wlz.incomeCurve(M, 'x'), 'invalid_argument', 'points'],
  ['incomeCurve(M, 1e9)', () => wlz.incomeCurve(M, 1e9), 'invalid_argument', 'points'],
  ['incomeCurve(M, 1)', () => wlz.incomeCurve(M, 1), 'invalid_argument', 'points'],
  ['incomeCurve(M, 401)', () => wlz.incomeCurve(M, 401), 'invalid_argument', 'points'],
  ['incomeCurve(M, -1)', () => wlz.incomeCurve(M, -1), 'invalid_argument', 'points'],
  ['incomeCurve(M, 2.5)', () => wlz.incomeCurve(M, 2.5), 'invalid_argument', 'points'],
  ['incomeCurve(M, [41])', () => wlz.incomeCurve(M, [41]), 'invalid_argument', 'points'],
  ['incomeCurve(true)', () => wlz.incomeCurve(true), 'invalid_json', undefined],
  ['estimate(42)', () => wlz.estimate(42), 'invalid_json', undefined],
  ['estimate()', () => wlz.estimate(), 'invalid_json', undefined],
  ['compare(42)', () => wlz.compare(42), 'invalid_json', undefined],
  ['compare(Symbol())', () => wlz.compare(Symbol('x')), 'invalid_json', undefined],
  ["whatIf(42, { income: 1 })", () => wlz.whatIf(42, { income: 1 }), 'invalid_json', undefined],
  ['whatIf(M, 42)', () => wlz.whatIf(M, 42), 'invalid_json', undefined],
  ['whatIf(M)', () => wlz.whatIf(M), 'invalid_json', undefined],
  ['parseAmount({})', () => wlz.parseAmount({}), 'invalid_amount', 'text'],
  ['parseAmount()', () => wlz.parseAmount(), 'invalid_amount', 'text'],
  ['parseAmount(true)', () => wlz.parseAmount(true), 'invalid_amount', 'text'],
  ['parseAmount(NaN)', () => wlz.parseAmount(NaN), 'invalid_amount', 'text'],
  ['parseAmount(1e12)', () => wlz.parseAmount(1e12), 'amount_out_of_range', 'text'],
  ["parseAmount('1.000.000.000,00')", () => wlz.parseAmount('1.000.000.000,00'), 'amount_out_of_range', 'text'],
  ['checkLetter(42)', () => wlz.checkLetter(42), 'invalid_json', undefined],
  ['checkLetter()', () => wlz.checkLetter(), 'invalid_json', undefined],
  ['checkLetter(Symbol())', () => wlz.checkLetter(Symbol('x')), 'invalid_json', undefined],
  ['checkLetter(M)', () => wlz.checkLetter(M), 'invalid_argument', 'letter'],
  ['checkLetter(M, true)', () => wlz.checkLetter(M, true), 'invalid_json', undefined],
  ["checkLetter(M, 'x')", () => wlz.checkLetter(M, 'x'), 'invalid_json', 'letter'],
  ['checkLetter(M, LETTER, 42)', () => wlz.checkLetter(M, LETTER, 42), 'invalid_json', undefined],
  ["checkLetter(M, LETTER, { careStart: 20250101 })", () => wlz.checkLetter(M, LETTER, { careStart: 20250101 }), 'invalid_json', 'careStart'],
  ["checkLetter(M, { ...LETTER, monthly: 1e12 })", () => wlz.checkLetter(M, { ...LETTER, monthly: 1e12 }), 'amount_out_of_range', 'letter.monthly'],
  ["letter(null, {})", () => wlz.letter(null, {}), 'invalid_argument', 'template'],
  ["letter(['bezwaar'], {})", () => wlz.letter(['bezwaar'], {}), 'invalid_argument', 'template'],
  ["letter('bezwaar', 42)", () => wlz.letter('bezwaar', 42), 'invalid_json', undefined],
  ["letter('bezwaar', { bedrag_cak: 'veel' })", () => wlz.letter('bezwaar', { bedrag_cak: 'veel' }), 'invalid_amount', 'bedrag_cak'],
  ["letterFromCheck('bezwaar', 42)", () => wlz.letterFromCheck('bezwaar', 42), 'invalid_json', undefined],
  ["letterFromCheck('bezwaar', { household: M, letter: LETTER }, 42)",
    () => wlz.letterFromCheck('bezwaar', { household: M, letter: LETTER }, 42), 'invalid_json', undefined],
  ["letterFromCheck(7, { household: M, letter: LETTER })",
    () => wlz.letterFromCheck(7, { household: M, letter: LETTER }), 'invalid_argument', 'template'],
];

for (const [what, call, code, field] of HOSTILE) {
  test(`hostile argument: ${what} throws WlzError ${code}`, () => {
    assertWlzError(thrown(call), code, field, what);
  });
}

test('the messages name the argument, what it must be and what it got', () => {
  const start = thrown(() => wlz.timeline(M, 20260310));
  assert.equal(start.message,
    '`start` must be a date as text YYYY-MM-DD, e.g. "2026-03-01"; the number 20260310 is not.');
  assert.equal(start.detail.message.nl,
    '`start` moet een datum zijn als tekst JJJJ-MM-DD, bijvoorbeeld "2026-03-01"; het getal 20260310 is dat niet.');
  assert.equal(thrown(() => wlz.incomeCurve(M, 1e9)).message,
    '`points` must be a whole number from 2 to 400 (default 41); got the number 1000000000.');
  assert.equal(thrown(() => wlz.timeline(M, '2026-03-01', 'x')).message,
    '`months` must be a whole number from 1 to 36 (default 12); got the text "x".');
  assert.equal(thrown(() => wlz.formatEur('1', 5)).message,
    '`lang` must be "nl" or "en" (default "nl"); got the number 5.');
  // A long text is clipped in the message.
  const long = thrown(() => wlz.parseAmount('9'.repeat(100_000) + 'x'));
  assert.equal(long.code, 'invalid_amount');
  assert.ok(long.message.length < 200, `${long.message.length} characters`);
});

test('the arguments the functions do take: defaults, the limits of each range, a number as an amount', () => {
  assert.equal(wlz.timeline(M, '2026-03-01').months.length, 12);
  assert.equal(wlz.timeline(M, '2026-03-01', undefined).months.length, 12);
  assert.equal(wlz.timeline(M, '2026-03-01', 1).months.length, 1);
  assert.equal(wlz.timeline(M, '2026-03-01', 36).months.length, 36);
  assert.equal(wlz.timeline(M, '2026-03-01', 12.0).months.length, 12);
  // The curve has `points` incomes plus the household's own and the breakpoints.
  const few = wlz.incomeCurve(M, 2).points.length;
  const many = wlz.incomeCurve(M, 400).points.length;
  assert.ok(few >= 2 && few <= 5, `${few} points`);
  assert.ok(many >= 400 && many <= 403, `${many} points`);
  assert.equal(wlz.incomeCurve(M).points.length, wlz.incomeCurve(M, 41).points.length);
  // A JS number is an amount (README): formatEur(1) formats one euro.
  assert.equal(wlz.formatEur(1), '€ 1,00');
  assert.equal(wlz.formatEur('1', 'nl'), '€ 1,00');
  assert.equal(wlz.formatEur('1', 'en'), '€1.00');
  assert.equal(wlz.formatEur('1', undefined), '€ 1,00');
});

test('after every hostile call the module still works', () => {
  for (const [what, call, code] of HOSTILE) {
    assert.equal(thrown(call).code, code, what);
  }
  // Case M of api.test.mjs (spec §6.1): 337.68 a month, lage.
  const r = wlz.estimate(M);
  assert.equal(r.monthly, '337.68');
  assert.equal(r.regime, 'lage');
  assert.equal(wlz.formatEur(r.monthly, 'en'), '€337.68');
  assert.equal(wlz.timeline(M, '2026-03-01', 3).months.length, 3);
});

// Stays of 10 days, 80 days apart (no chain), before 2026: the shape of
// crates/core/tests/hostile.rs, which asserts the cap at the core.
function withPeriods(n) {
  const day = 86_400_000;
  let d = Date.UTC(2025, 11, 1) - 80 * n * day;
  const previous = [];
  for (let i = 0; i < n; i++) {
    const iso = (t) => new Date(t).toISOString().slice(0, 10);
    previous.push({ start: iso(d), end: iso(d + 9 * day) });
    d += 80 * day;
  }
  return {
    version: 1, year: 2026, date: '2026-03-01',
    client: { age: 80, care: 'instelling', income: 30000, tax: 6000, stay: { start: '2026-01-10', previous } },
  };
}

test('at most 500 earlier stays: 501 is too_many_periods', () => {
  assert.equal(wlz.estimate(withPeriods(500)).regime, 'lage', 'at the cap: still in the start period');
  const e = thrown(() => wlz.estimate(withPeriods(501)));
  assertWlzError(e, 'too_many_periods', 'client.stay.previous', '501 earlier stays');
  assert.match(e.message, /500/);
  // As JSON text too.
  assert.equal(thrown(() => wlz.estimate(JSON.stringify(withPeriods(501)))).code, 'too_many_periods');
});

test('JSON text must be exactly one value: a second object or trailing text is invalid_json', () => {
  const one = JSON.stringify(M);
  assert.equal(wlz.estimate(`  ${one}\n`).monthly, '337.68', 'white space around it is fine');
  for (const bad of [one + one, `${one} ${one}`, `${one} x`, `${one},`, `${one}}`, `${one}[]`]) {
    const e = thrown(() => wlz.estimate(bad));
    assertWlzError(e, 'invalid_json', undefined, bad.slice(-20));
  }
  assert.match(thrown(() => wlz.estimate(one + one)).message, /more text after the JSON object/);
  assert.equal(thrown(() => wlz.compare(`${one} x`)).code, 'invalid_json');
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

test('fuzz: 1500 random letters give a report or a WlzError, never a trap', () => {
  const rand = rng(20261203);
  const pick = (xs) => xs[Math.floor(rand() * xs.length)];
  const dates = ['2023-12-31', '2024-01-01', '2025-02-28', '2026-01-15', '2026-02-29', '2026-12-31', '2027-06-01',
    '2028-02-29', '2099-01-01', '1900-01-01', 'x', ''];
  const amounts = ['0', '0.01', '30.40', '212.60', '337.68', '416.67', '1115.80', '3061.80', '3061.81', '99999999.99',
    '100000001', '-1', 1e20, NaN, 'veel', 12.345];
  const households = [M, { ...M, client: { ...M.client, care: 'instelling', stay: { start: '2025-09-15' } } },
    { ...M, year: 2024 }, { ...M, partner: { age: 72, care: 'none', income: 20000 } },
    { ...M, client: { ...M.client, care: 'pgb', assets: 0 } }];
  let reports = 0;
  let errors = 0;
  for (let i = 0; i < 1500; i++) {
    // Mostly a plausible letter, so that both outcomes occur often.
    const plausible = rand() < 0.8;
    const letter = plausible
      ? { date: pick(['2026-01-15', '2026-03-10', '2025-12-31']), from: pick(['2026-01-01', '2026-02-01']), monthly: pick(amounts.slice(0, 9)) }
      : { date: pick(dates), from: pick(dates), monthly: pick(amounts) };
    if (rand() < 0.5) letter.regime = pick(['lage', 'hoge', 'unknown', 'middel']);
    if (rand() < 0.3) letter.year = pick([2024, 2025, 2026, 2027, 1990]);
    if (rand() < 0.3) letter.to = pick(dates);
    if (rand() < 0.3) letter.bi = pick(amounts);
    if (rand() < 0.2) letter.household = pick(['single', 'couple']);
    if (rand() < 0.2) letter.share = pick(['joint', 'own']);
    if (rand() < 0.2) letter.income = pick(amounts);
    if (rand() < 0.2) letter.partner_income = pick(amounts);
    if (rand() < 0.2) letter.assets = pick(amounts);
    if (rand() < 0.2) letter.peiljaar = pick([2022, 2024, 2030]);
    if (rand() < 0.2) letter.care_form = pick(['vpt', 'instelling', 'pgb']);
    if (rand() < 0.2) letter.care_start = pick(dates);
    if (rand() < 0.2) letter.kind = pick(['beschikking', 'factuur', 'herziening', 'unknown']);
    const options = {};
    if (rand() < 0.4) options.careStart = pick(dates);
    if (rand() < 0.3) options.incomeByYear = { [pick([2022, 2023, 2024])]: pick(amounts) };
    if (rand() < 0.2) options.taxByYear = { [pick([2023, 2024])]: pick(amounts) };
    try {
      const r = wlz.checkLetter(pick(households), letter, options);
      assert.match(r.verdict, /^V[0-6]$/, JSON.stringify(letter));
      assert.match(r.expected_monthly, /^-?\d+(\.\d+)?$/);
      reports++;
      // Every template renders from any check.
      wlz.letterFromCheck(pick(['aanpassing', 'bezwaar', 'betalingsregeling', 'partner', 'eenmalig']),
        { household: pick(households), letter });
    } catch (e) {
      if (e?.name !== 'WlzError') assert.fail(`not a WlzError for ${JSON.stringify([letter, options])}: ${e}`);
      assert.ok(e.code && e.detail?.message?.nl, 'structured');
      errors++;
    }
  }
  assert.ok(reports > 100 && errors > 100, `reports ${reports}, errors ${errors}`);
  assert.equal(wlz.checkLetter(M, LETTER).verdict, 'V0');
});
