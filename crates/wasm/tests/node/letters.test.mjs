// "Klopt mijn brief?" and the five letters through the installed npm package
// (shared/spec/letters.md): every worked example of fixtures/letters/cases.yaml
// (E1–E6b) through checkLetter, compared field by field with the YAML's
// expected values (and only those); letter() for each template; letterFromCheck
// on E2; the errors of bad input; the package README's E2 example.

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

/** A decimal string (or number) as an exact BigInt in units of 10⁻⁸ euro ("204.07" equals "204.070"). */
function exact(value) {
  const m = /^(-?)(\d+)(?:\.(\d{1,8}))?$/.exec(String(value));
  assert.ok(m, `not a decimal: ${JSON.stringify(value)}`);
  const n = BigInt(m[2] + (m[3] ?? '').padEnd(8, '0'));
  return m[1] ? -n : n;
}

/** An amount of the report against the YAML: a decimal string, exactly equal; `null` (an open end) only for `null`. */
function same(failures, what, got, want) {
  if (want === null) {
    if (got !== null) failures.push(`${what}: got ${JSON.stringify(got)}, want null`);
  } else if (typeof got !== 'string') {
    failures.push(`${what}: ${JSON.stringify(got)} is not a decimal string (want ${want})`);
  } else if (exact(got) !== exact(want)) {
    failures.push(`${what}: got ${got}, want ${want}`);
  }
}

/** Every expected value of one YAML case against the report; returns the differences. */
function checkCase(name, want, r) {
  const failures = [];
  for (const [key, w] of Object.entries(want)) {
    const what = `${name} ${key}`;
    switch (key) {
      case 'verdict':
        if (r.verdict !== w) failures.push(`${what}: got ${r.verdict}, want ${w}`);
        break;
      case 'expected_monthly':
      case 'difference':
        same(failures, what, r[key], w);
        break;
      case 'explained_by':
        if (!r.explained_by.includes(w)) failures.push(`${what}: ${w} not in ${JSON.stringify(r.explained_by)}`);
        break;
      case 'implied_bi':
        for (const [f, v] of Object.entries(w)) same(failures, `${what}.${f}`, r.implied_bi?.[f], v);
        break;
      case 'implied_inkomen':
        for (const [f, v] of Object.entries(w)) same(failures, `${what}.${f}`, r.implied?.inkomen?.[f], v);
        break;
      case 'deadlines':
        for (const [f, v] of Object.entries(w)) {
          if (r.deadlines?.[f] !== v) failures.push(`${what}.${f}: got ${r.deadlines?.[f]}, want ${v}`);
        }
        break;
      case 'backdated':
      case 'spreading':
        for (const [f, v] of Object.entries(w)) {
          if (typeof v === 'number') {
            // A count (the spreading's months): the same number.
            if (r[key]?.[f] !== v) failures.push(`${what}.${f}: got ${r[key]?.[f]}, want ${v}`);
          } else {
            same(failures, `${what}.${f}`, r[key]?.[f], v);
          }
        }
        break;
      // A field of the YAML this test does not know would otherwise go unchecked.
      default:
        failures.push(`${what}: unknown expected field`);
    }
  }
  return failures;
}

/** The case's CheckInput as checkLetter's three arguments. */
function threeArguments(input) {
  const options = {};
  if (input.care_start !== undefined) options.careStart = input.care_start;
  if (input.income_by_year !== undefined) options.incomeByYear = input.income_by_year;
  if (input.tax_by_year !== undefined) options.taxByYear = input.tax_by_year;
  return [input.household, input.letter, options];
}

test('fixtures/letters/cases.yaml: every case through checkLetter, every expected value exactly', async () => {
  const cases = await fixtureCases('letters/cases');
  const names = Object.keys(cases);
  assert.ok(names.length >= 8, `${names.length} cases`);
  const failures = [];
  for (const [name, c] of Object.entries(cases)) {
    let r;
    try {
      r = wlz.checkLetter(...threeArguments(c.input));
    } catch (e) {
      failures.push(`${name}: threw ${e?.name} ${e?.code} ${e?.field} ${e?.message}`);
      continue;
    }
    failures.push(...checkCase(name, c.expected, r));
    // One CheckInput as the only argument, or as JSON text: the same report.
    assert.deepEqual(wlz.checkLetter(c.input), r, `${name}: one CheckInput`);
    assert.deepEqual(wlz.checkLetter(JSON.stringify(c.input)), r, `${name}: JSON text`);
  }
  assert.deepEqual(failures, [], `${failures.length} differences`);
});

test('the report is plain JSON: amounts as strings, an open end as null, require() gives the same', async () => {
  const cases = await fixtureCases('letters/cases');
  const e5 = cases['E5-at-the-minimum'];
  const r = wlz.checkLetter(e5.input);
  assert.equal(r.implied_bi.low, null);
  assert.equal(typeof r.implied_bi.high, 'string');
  assert.equal(typeof r.expected_monthly, 'string');
  assert.equal(typeof r.letter_monthly, 'string');
  assert.match(r.verdict, /^V[0-6]$/);
  assert.ok(r.verdict_text.nl.length > 0 && r.verdict_text.en.length > 0);
  assert.ok(r.next_step.nl.length > 0);
  assert.deepEqual(JSON.parse(JSON.stringify(r)), r);
  assert.deepEqual(pkg.cjs().checkLetter(e5.input), r);
  // No back-dated total without a start of care.
  assert.equal(r.backdated, undefined);
  const e6 = wlz.checkLetter(cases['E6-backdated-pgb'].input);
  assert.ok(Array.isArray(e6.backdated.months) && e6.backdated.months.length > 0);
});

// Every field of LetterData, each amount with its own cents so that it can be found in the text.
const FULL = {
  naam: 'J. de Vries', straat_huisnummer: 'Dorpsstraat 1', postcode: '1234 AB', woonplaats: 'Utrecht',
  telefoon: '030-1234567', email: 'j@example.nl', klantnummer: 'KL-778899', adres_cak: 'CAK, Postbus 84030, 2508 AA Den Haag',
  datum_vandaag: '2026-01-20', datum_beschikking: '2026-01-15', kenmerk: 'EB-123', jaar: 2026, peiljaar: 2024,
  hoge: false, bi_peiljaar: '41234.56', bi_verwacht: '30123.45', drempel: '5000.01', reden: 'Ik ben met pensioen gegaan',
  bijstand: true, partner: true, machtiging: true, bedrag_cak: '416.67', netto_maand: '1800.11', premie_maand: '150.22',
  zorgtoeslag_maand: '120.33', zkg_grens: '999.44', ingangsdatum: '2026-01-01', bedrag_eigen: '212.60',
  redenen: ['partner-died', 'separated', 'partner-at-home', 'start-period', 'start-date', 'care-form', 'income', 'assets',
    'one-off-payment', 'backdating-beyond12-months', 'delay-not-mine'],
  mondeling: true, kosten: true, datum: '2025-12-03', naam_partner: 'P. de Vries', opnamedatum: '2025-11-01',
  datum_cak: '2025-10-01', zorgvorm: 'verblijf in een instelling', zorgvorm_cak: 'vpt', inkomen_cak: '28000.55',
  inkomen_eigen: '22000.66', vermogen_cak: '60000.77', vermogen_eigen: '30000.88', soort_uitkering: 'een vakantiegeld-nabetaling',
  bedrag: '2500.99', factuurnummer: 'F-2026-42', datum_factuur: '2026-04-10', bedrag_totaal: '1238.88', aantal_maanden: 13,
  termijnbedrag: '103.24', aantal_termijnen: 12, maandbedrag: '95.07', bezwaar_ingediend: true, huis_te_koop: true,
  wijziging: 'died', datum_wijziging: '2025-12-03', datum_ontvangst: '2026-01-16', jaar_vermogen: 2024,
};

// The amounts of FULL as a letter shows them (hand-written, Dutch notation).
const SHOWN = {
  bi_peiljaar: '€ 41.234,56', bi_verwacht: '€ 30.123,45', drempel: '€ 5.000,01', bedrag_cak: '€ 416,67',
  netto_maand: '€ 1.800,11', premie_maand: '€ 150,22', zorgtoeslag_maand: '€ 120,33', zkg_grens: '€ 999,44',
  bedrag_eigen: '€ 212,60', inkomen_cak: '€ 28.000,55', inkomen_eigen: '€ 22.000,66', vermogen_cak: '€ 60.000,77',
  vermogen_eigen: '€ 30.000,88', bedrag: '€ 2.500,99', bedrag_totaal: '€ 1.238,88', termijnbedrag: '€ 103,24',
  maandbedrag: '€ 95,07',
};

const TEMPLATES = ['aanpassing', 'bezwaar', 'betalingsregeling', 'partner', 'eenmalig'];

test('letter(): each template with full data has no blank, no brace, and shows its figures', () => {
  for (const template of TEMPLATES) {
    for (const hoge of [false, true]) {
      const r = wlz.letter(template, { ...FULL, hoge });
      const what = `${template}${hoge ? ' (hoge)' : ''}`;
      assert.equal(r.template, template);
      assert.deepEqual(r.missing, [], `${what}: missing ${r.missing}`);
      assert.ok(!r.text.includes('……………'), `${what}: a blank line`);
      assert.ok(!r.text.includes('{') && !r.subject.includes('{'), `${what}: a brace`);
      assert.ok(r.subject.length > 0, what);
      assert.ok(Array.isArray(r.attachments) && r.attachments.every((a) => typeof a === 'string'), what);
      assert.ok(r.text.includes('J. de Vries'), `${what}: the name`);
      // The amounts this template asks for (what it leaves blank without data) appear as figures.
      const asked = wlz.letter(template, { hoge }).missing.filter((f) => f in SHOWN);
      if (!hoge) assert.ok(asked.length > 0 || template === 'partner', `${what}: asks for no amount`);
      for (const field of asked) {
        assert.ok(r.text.includes(SHOWN[field]), `${what}: ${field} ${SHOWN[field]} not in the text`);
      }
    }
  }
  // The figures of the brief's own examples, by name.
  assert.ok(wlz.letter('bezwaar', FULL).text.includes('€ 416,67'));
  assert.ok(wlz.letter('bezwaar', FULL).text.includes('€ 212,60'));
  assert.ok(wlz.letter('betalingsregeling', FULL).text.includes('€ 1.238,88'));
  assert.ok(wlz.letter('betalingsregeling', FULL).text.includes('€ 103,24'));
  assert.ok(wlz.letter('eenmalig', FULL).text.includes('€ 2.500,99'));
});

// Figures the aanpassing works out from others (`verschil` between the two incomes, `over`:
// what is left of the net income per month): blank when one of those is missing.
const DERIVED = ['verschil', 'over'];

test('letter(): a field left out is a blank line and is listed in missing', () => {
  for (const template of TEMPLATES) {
    const asked = wlz.letter(template, {}).missing.filter((f) => !DERIVED.includes(f));
    assert.ok(asked.length > 0, template);
    for (const field of asked) {
      assert.ok(field in FULL, `${template}: ${field} is not a LetterData field`);
      const data = { ...FULL };
      delete data[field];
      const r = wlz.letter(template, data);
      assert.equal(r.missing[0], field, `${template} without ${field}: ${r.missing}`);
      assert.ok(r.missing.every((f) => f === field || DERIVED.includes(f)), `${template} without ${field}: ${r.missing}`);
      assert.ok(r.text.includes('……………') || r.subject.includes('……………'), `${template} without ${field}: no blank`);
    }
  }
  // JSON text works as an object does; no data at all is every field missing.
  assert.deepEqual(wlz.letter('partner', JSON.stringify(FULL)), wlz.letter('partner', FULL));
  assert.deepEqual(wlz.letter('partner'), wlz.letter('partner', {}));
});

test("letterFromCheck('bezwaar', E2): the CAK's € 416,67 against € 212,60, overrides fill the rest", async () => {
  const { 'E2-partner-died': e2 } = await fixtureCases('letters/cases');
  const r = wlz.letterFromCheck('bezwaar', e2.input);
  assert.equal(r.template, 'bezwaar');
  assert.ok(r.text.includes('€ 416,67'), r.text);
  assert.ok(r.text.includes('€ 212,60'), r.text);
  assert.ok(r.missing.includes('naam'), `${r.missing}`);
  const named = wlz.letterFromCheck('bezwaar', JSON.stringify(e2.input), { naam: 'J. de Vries', kenmerk: 'EB-123' });
  assert.ok(named.text.includes('J. de Vries') && named.text.includes('EB-123'));
  assert.ok(!named.missing.includes('naam'));
  // An override replaces a prefilled figure; the others stay.
  const other = wlz.letterFromCheck('bezwaar', e2.input, { bedrag_eigen: '200' });
  assert.ok(other.text.includes('€ 200,00') && other.text.includes('€ 416,67'));
  // The other templates render from the same check.
  for (const template of TEMPLATES) assert.equal(wlz.letterFromCheck(template, e2.input).template, template);
});



test('bad input throws a WlzError naming the code and the field', async () => {
  const { 'E2-partner-died': e2 } = await fixtureCases('letters/cases');
  const { household, letter } = e2.input;
  const bad = [
    ['an unknown field in the letter', () => wlz.checkLetter(household, { ...letter, bedrag: 1 }), 'invalid_json', 'letter.bedrag'],
    ['… in one CheckInput', () => wlz.checkLetter({ household, letter: { ...letter, bedrag: 1 } }), 'invalid_json', 'letter.bedrag'],
    ['an unknown field in the CheckInput', () => wlz.checkLetter({ household, letter, brief: 1 }), 'invalid_json', 'brief'],
    ['a bad date in the letter', () => wlz.checkLetter(household, { ...letter, date: '2026-02-30' }), 'invalid_json', 'letter.date'],
    ['a date that is no date', () => wlz.checkLetter(household, { ...letter, from: '15-01-2026' }), 'invalid_json', 'letter.from'],
    ['a bad careStart', () => wlz.checkLetter(household, letter, { careStart: '2025-13-01' }), 'invalid_json', 'careStart'],
    ['an unknown option', () => wlz.checkLetter(household, letter, { care_start: '2025-01-01' }), 'invalid_json', 'care_start'],
    ['a bad amount in the letter', () => wlz.checkLetter(household, { ...letter, monthly: 'veel' }), 'invalid_amount', 'letter.monthly'],
    ['a bad amount in the household', () => wlz.checkLetter({ ...household, client: { ...household.client, income: 'veel' } }, letter),
      'invalid_amount', 'household.client.income'],
    ['no letter', () => wlz.checkLetter(household), 'invalid_argument', 'letter'],
    ['a letter that is not an object', () => wlz.checkLetter(household, 42), 'invalid_json', undefined],
    ['a bad template', () => wlz.letter('brief', {}), 'invalid_argument', 'template'],
    ['a template of the wrong case', () => wlz.letter('Bezwaar', {}), 'invalid_argument', 'template'],
    ['a number as template', () => wlz.letter(5, {}), 'invalid_argument', 'template'],
    ['no template', () => wlz.letter(), 'invalid_argument', 'template'],
    ['an unknown field in the data', () => wlz.letter('bezwaar', { nam: 'x' }), 'invalid_json', 'nam'],
    ['a bad date in the data', () => wlz.letter('bezwaar', { datum_vandaag: '2026-02-30' }), 'invalid_json', 'datum_vandaag'],
    ['an unknown reason', () => wlz.letter('bezwaar', { redenen: ['boos'] }), 'invalid_json', 'redenen[0]'],
    ['a bad template for letterFromCheck', () => wlz.letterFromCheck('brief', e2.input), 'invalid_argument', 'template'],
    ['an unknown override', () => wlz.letterFromCheck('bezwaar', e2.input, { nam: 'x' }), 'invalid_json', 'nam'],
    ['a bad check for letterFromCheck', () => wlz.letterFromCheck('bezwaar', { ...e2.input, letter: { ...letter, date: 'gisteren' } }),
      'invalid_json', 'letter.date'],
  ];
  for (const [what, fn, code, field] of bad) {
    assertWlzError(thrown(fn), code, field, what);
  }
  // The module still works after every error.
  assert.equal(wlz.checkLetter(e2.input).verdict, e2.expected.verdict);
});

test("the README's E2 example runs as written and prints the YAML's figures", async () => {
  const { 'E2-partner-died': e2 } = await fixtureCases('letters/cases');
  const readme = fs.readFileSync(pkg.file('README.md'), 'utf8');
  const code = [...readme.matchAll(/```js\n([\s\S]*?)```/g)].map((m) => m[1]).find((c) => c.includes('checkLetter('));
  assert.ok(code, 'a js example with checkLetter()');
  fs.writeFileSync(path.join(pkg.dir, 'readme-letter.mjs'), code);
  const out = execFileSync(process.execPath, [path.join(pkg.dir, 'readme-letter.mjs')], { encoding: 'utf8' });
  const e = e2.expected;
  const [first, ...rest] = out.trim().split('\n');
  assert.equal(first, [e.verdict, e.expected_monthly, e.difference, e.explained_by, e.deadlines.bezwaar].join(' '));
  // The second line: the bezwaar holds both amounts.
  assert.equal(rest.join('\n'), 'true true');
});
