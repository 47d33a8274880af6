// The generated TypeScript types, checked by the TypeScript compiler the way
// a developer's project would see them (strict, node16 resolution through
// the package's `exports`): correct use compiles, and each line marked
// `@ts-expect-error` must really be an error (else tsc fails on the unused
// directive), so the types are not silently `any`.

import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { REPO, usePackage } from './package.mjs';

let pkg;
usePackage((p) => {
  pkg = p;
});

const CONSUMER = `
import { estimate, timeline, compare, whatIf, formatEur, parseAmount, incomeCurve, plan, comparePlans, checkLetter, letter, letterFromCheck } from 'wlz-bijdrage';
import type { Input, Estimate, Step, Regime, WlzError, ErrorCode, CareForm, PlanInput, Plan, PlanComparison, PlanYear, CheckInput, Letter, CheckOptions, Report, Verdict, LetterData, Rendered, Template } from 'wlz-bijdrage';
import init, { estimate as estimateWeb } from 'wlz-bijdrage/web';

const input: Input = { version: 1, year: 2026, client: { age: 70, care: 'vpt', income: '38.000', assets: 100000 } };
const r: Estimate = estimate(input);
const monthly: string = r.monthly;
const regime: Regime = r.regime;
const steps: Step[] = r.steps;
const article: string | undefined = steps[0]?.reference?.article;
const due: string | undefined | null = r.due;
const care: CareForm[] = ['instelling', 'dtv'];
const couple: Input = { ...input, partner: { age: 72, care: 'none', income: 20000 }, household: { children: false } };
const rows = compare(couple).rows.map((row) => row.option + row.monthly);
const months: number = timeline(input, '2026-03-01', 12).months.length;
const saving: string = whatIf(input, { income: 30000 }).saving_per_month;
const text: string = formatEur(monthly, 'en') + parseAmount('1.234,56');
try { estimate('{}'); } catch (e) { const code: ErrorCode = (e as WlzError).code; console.log(code); }
await init();
console.log(monthly, regime, article, due, care, rows, months, saving, text, estimateWeb(input).monthly);

// @ts-expect-error: unknown field (the contract rejects it too)
const typo: Input = { version: 1, year: 2026, client: { age: 70, incom: 1 } };
// @ts-expect-error: not a care form
const wrongCare: Input = { version: 1, year: 2026, client: { age: 70, care: 'ziekenhuis' } };
// @ts-expect-error: the client is required
const noClient: Input = { version: 1, year: 2026 };
// @ts-expect-error: amounts come back as strings, not numbers
const asNumber: number = r.monthly;
// @ts-expect-error: no such regime
const wrongRegime: Regime = 'middel';
// @ts-expect-error: timeline needs a start date
timeline(input);
// @ts-expect-error: the start date is text, not a number
timeline(input, 20260310);
// @ts-expect-error: a count of points is a number
incomeCurve(input, 'x');
// @ts-expect-error: a language is 'nl' or 'en'
formatEur('1', 'fr');
// @ts-expect-error: no such error code
const wrongCode: ErrorCode = 'invalid_arguments';
// Codes the engine throws since issue 11: an earlier-stay list over the cap, a bad argument.
const newCodes: ErrorCode[] = ['too_many_periods', 'invalid_argument', 'missing_date', 'invalid_days'];
const optional: number = timeline(input, '2026-03-01').months.length + incomeCurve(input).points.length;
const english: string = formatEur('1', 'en') + formatEur(1);
console.log(typo, wrongCare, noClient, asNumber, wrongRegime, wrongCode, newCodes, optional, english);

// The planner (W1 of the planner spec): typed input, typed plan and comparison.
const w1: PlanInput = { version: 1, from: 2026, admission: '2026-02-01',
  client: { birth_date: '1950-03-01', care: 'instelling', income: 24000, tax: 500 },
  money: { savings: 40000 }, home: { woz: 350000, status: 'for-sale' } };
const p: Plan = plan(w1);
const firstYear: PlanYear | undefined = p.years[0];
const total: string | undefined = firstYear?.total;
const hoge: string | undefined = firstYear?.regimes.find((r) => r.regime === 'hoge')?.monthly;
const rg: string | undefined = firstYear?.people[0]?.rendementsgrondslag;
const netMonth: string | undefined = p.aow?.options[0]?.years[0]?.net_month;
const c: PlanComparison = comparePlans(w1, JSON.stringify({ ...w1, home: { woz: 350000, status: 'empty' } }));
const difference: string = c.difference + c.years.map((y) => y.year + y.difference).join();
console.log(total, hoge, rg, netMonth, difference);
// @ts-expect-error: unknown field in a plan input (the contract rejects it too)
const planTypo: PlanInput = { version: 1, from: 2026, client: { age: 70 }, hous: {} };
// @ts-expect-error: the first year is required
const noFrom: PlanInput = { version: 1, client: { age: 70 } };
// @ts-expect-error: not a home status
const badStatus: PlanInput = { ...w1, home: { woz: 350000, status: 'verkocht' } };
// @ts-expect-error: a plan's amounts are strings, not numbers
const planNumber: number = p.cumulative;
// @ts-expect-error: comparePlans needs two plans
comparePlans(w1);
// @ts-expect-error: plan takes a PlanInput, not a number
plan(2026);
console.log(planTypo, noFrom, badStatus, planNumber);

// Letters (E2 of the letters spec): a typed check, report, letter data and letter.
const household: Input = { version: 1, year: 2026, client: { age: 75, care: 'vpt', income: 22000, assets: 30000 } };
const cakLetter: Letter = { date: '2026-01-15', from: '2026-01-01', monthly: '416.67', regime: 'lage',
  bi: 50000, household: 'couple', partner_income: '28000' };
const options: CheckOptions = { careStart: '2025-01-01', incomeByYear: { 2023: 40000 } };
const report: Report = checkLetter(household, cakLetter, options);
const verdict: Verdict = report.verdict;
const low: string | null = report.implied_bi.low;
const bezwaarBy: string = report.deadlines.bezwaar;
const backTotal: string | undefined = report.backdated?.total;
const check: CheckInput = { household, letter: cakLetter, care_start: '2025-01-01', income_by_year: { 2023: 40000 } };
const again: Report = checkLetter(check);
const data: LetterData = { naam: 'J. de Vries', bedrag_cak: '416.67', redenen: ['partner-died'], hoge: false };
const template: Template = 'bezwaar';
const rendered: Rendered = letter(template, data);
const missing: string[] = rendered.missing.concat(letterFromCheck('bezwaar', check, { naam: 'J. de Vries' }).missing);
console.log(verdict, low, bezwaarBy, backTotal, again.difference, rendered.text, missing);
// @ts-expect-error: unknown field in a letter (the contract rejects it too)
const letterTypo: Letter = { ...cakLetter, bedrag: 1 };
// @ts-expect-error: a letter needs its amount per month
const noMonthly: Letter = { date: '2026-01-15', from: '2026-01-01' };
// @ts-expect-error: no such template
letter('brief', data);
// @ts-expect-error: unknown field in the letter data
const dataTypo: LetterData = { nam: 'J. de Vries' };
// @ts-expect-error: no such verdict
const wrongVerdict: Verdict = 'V7';
// @ts-expect-error: the options are in JS spelling (careStart), as documented
checkLetter(household, cakLetter, { care_start: '2025-01-01' });
// @ts-expect-error: a report's amounts are strings, not numbers
const reportNumber: number = report.expected_monthly;
console.log(letterTypo, noMonthly, dataTypo, wrongVerdict, reportNumber);
`;

test('the types compile for correct use and reject wrong use', () => {
  fs.writeFileSync(path.join(pkg.dir, 'consumer.ts'), CONSUMER);
  fs.writeFileSync(path.join(pkg.dir, 'tsconfig.json'), JSON.stringify({
    compilerOptions: {
      strict: true, noEmit: true, target: 'es2022', module: 'node16', moduleResolution: 'node16',
      types: [], skipLibCheck: false, noUnusedLocals: false,
    },
    files: ['consumer.ts'],
  }));
  const tsc = path.join(REPO, 'node_modules', '.bin', 'tsc');
  const res = spawnSync(tsc, ['-p', pkg.dir], { encoding: 'utf8' });
  assert.equal(res.status, 0, `tsc failed:\n${res.stdout}${res.stderr}`);
});

test('the package ships the JSON Schema the types come from', () => {
  const schema = JSON.parse(fs.readFileSync(pkg.file('contract.schema.json'), 'utf8'));
  assert.equal(schema.definitions.Input.additionalProperties, false);
  assert.deepEqual(schema.definitions.Input.required, ['version', 'year', 'client']);
  assert.equal(schema.definitions.PlanInput.additionalProperties, false);
  assert.deepEqual(schema.definitions.PlanInput.required, ['version', 'from', 'client']);
  assert.equal(schema.definitions.CheckInput.additionalProperties, false);
  assert.deepEqual([...schema.definitions.CheckInput.required].sort(), ['household', 'letter']);
  assert.equal(schema.definitions.Letter.additionalProperties, false);
  assert.equal(schema.definitions.LetterData.additionalProperties, false);
  const types = fs.readFileSync(pkg.file('node/types.d.ts'), 'utf8');
  for (const t of ['Input', 'Estimate', 'Timeline', 'Comparison', 'PartnerOptions', 'WhatIf', 'IncomeCurve', 'InputError',
    'PlanInput', 'Plan', 'PlanYear', 'PlanMonth', 'PlanComparison', 'ComparedYear', 'AowComparison',
    'CheckInput', 'Letter', 'Report', 'Verdict', 'LetterData', 'Rendered', 'Template']) {
    assert.match(types, new RegExp(`export (interface|type) ${t}\\b`), t);
  }
  // Every code of the schema is in the generated ErrorCode union, the newest included.
  const union = types.match(/export type ErrorCode =([^;]*);/)[1];
  const codes = [...union.matchAll(/"([a-z_]+)"/g)].map((m) => m[1]);
  const def = schema.definitions.ErrorCode;
  const inSchema = [def, ...(def.oneOf ?? [])].flatMap((d) => d.enum ?? (d.const ? [d.const] : []));
  assert.deepEqual([...codes].sort(), [...inSchema].sort());
  for (const code of ['too_many_periods', 'invalid_argument', 'invalid_json', 'invalid_date', 'missing_date', 'invalid_days']) {
    assert.ok(codes.includes(code), code);
  }
});
