// One source of truth (issue 12), checked end to end: 315 seeded households that cover every
// care form of the client and the partner (dtv, living along and beschermd wonen included),
// children, return home, start periods, both regimes and every year are computed three ways,
//   1. by the core itself: the release CLI's `batch` over a CSV whose columns are the query
//      parameters' names (the same vocabulary);
//   2. by the npm package installed from its tarball (the wasm build of the core);
//   3. by the page, opened from its prefill link in headless Chromium;
// and must agree to the cent on the monthly amount and on the regime (or all three fail).
// A failure prints the link that reproduces it.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { setup, gotoApp, REPO } from './lib.mjs';
import { installPackage } from '../../crates/wasm/tests/node/package.mjs';

const COUNT = 315;
const CLIENT_FORMS = ['instelling', 'vpt', 'mpt', 'pgb', 'dtv'];
// null: no partner.
const PARTNER_FORMS = [null, 'none', 'instelling', 'vpt', 'mpt', 'pgb', 'dtv', 'living-along', 'beschermd-wonen'];
const YEARS = [2024, 2025, 2026];

/** A small seeded generator (mulberry32), so every run checks the same households. */
function rng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** The households as page answers (query parameter → value). */
function households() {
  const r = rng(20261203);
  const pick = (xs) => xs[Math.floor(r() * xs.length)];
  const chance = (p) => r() < p;
  const euros = (max) => String(Math.floor(r() * max));
  const out = [];
  for (let i = 0; i < COUNT; i++) {
    // Every client form meets every partner place, in every year.
    const care = CLIENT_FORMS[i % 5];
    const partner = PARTNER_FORMS[Math.floor(i / 5) % 9];
    const h = {
      year: String(YEARS[Math.floor(i / 45) % 3]),
      age: pick(['17', '45', '60', '66', '67', '72', '85']),
      care,
      income: euros(chance(0.7) ? 45000 : 140000),
    };
    if (chance(0.6)) h['months-in-care'] = pick(['0', '1', '2', '3']);
    if (chance(0.7)) h.assets = euros(chance(0.6) ? 60000 : 400000);
    if (chance(0.4)) h.tax = euros(20000);
    if (chance(0.2)) h['work-income'] = euros(30000);
    if (chance(0.15)) h['one-off-payments'] = euros(8000);
    if (care === 'mpt' && chance(0.5)) h['mpt-max-20-hours'] = '1';
    if (chance(0.2)) h.children = '1';
    if (chance(0.2)) h['return-home-expected'] = '1';
    if (chance(0.25)) h['wmo-maatwerkvoorziening'] = '1';
    if (chance(0.3)) h.zorgtoeslag = '1';
    if (partner) {
      h['partner-care'] = partner;
      h['partner-age'] = pick(['45', '66', '67', '74', '88']);
      h['partner-income'] = euros(chance(0.7) ? 40000 : 120000);
      if (chance(0.5)) h['partner-months-in-care'] = pick(['0', '2', '3']);
      if (chance(0.6)) h['partner-assets'] = euros(100000);
      if (chance(0.3)) h['partner-tax'] = euros(15000);
      if (chance(0.15)) h['partner-work-income'] = euros(20000);
    }
    out.push(h);
  }
  return out;
}

/** The same answers in the JSON contract (docs/contract.md), for the npm package. */
function contractInput(h) {
  const amount = (k) => (h[k] === undefined ? undefined : h[k]);
  const stay = (k) => (h[k] === undefined ? undefined : { months_completed: Number(h[k]) });
  const clean = (o) => Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined));
  const input = {
    version: 1,
    year: Number(h.year),
    client: clean({
      age: Number(h.age), care: h.care, stay: stay('months-in-care'),
      mpt_max_20_hours: h['mpt-max-20-hours'] === '1' || undefined,
      income: amount('income'), assets: amount('assets'), tax: amount('tax'),
      work_income: amount('work-income'), one_off_payments: amount('one-off-payments'),
    }),
    household: {
      children: h.children === '1', return_home_expected: h['return-home-expected'] === '1',
      wmo_maatwerkvoorziening: h['wmo-maatwerkvoorziening'] === '1', zorgtoeslag: h.zorgtoeslag === '1',
    },
  };
  if (h['partner-care']) {
    input.partner = clean({
      age: Number(h['partner-age']), care: h['partner-care'], stay: stay('partner-months-in-care'),
      income: amount('partner-income'), assets: amount('partner-assets'), tax: amount('partner-tax'),
      work_income: amount('partner-work-income'),
    });
  }
  return input;
}

/** The same answers as CSV for `wlz-bijdrage batch`: the columns are the query keys. */
function csv(list) {
  const keys = [...new Set(list.flatMap((h) => Object.keys(h)))];
  const rows = list.map((h) => keys.map((k) => h[k] ?? '').join(','));
  return [keys.map((k) => k.replaceAll('-', '_')).join(','), ...rows].join('\n') + '\n';
}

const REGIME_NL = { lage: 'Lage eigen bijdrage', hoge: 'Hoge eigen bijdrage', geen: 'Geen eigen bijdrage' };

let server, browser, page;
setup((env) => ({ server, browser, page } = env));

test(`${COUNT} households: the core, the npm package and the page agree to the cent`, async () => {
  const list = households();

  // 1. The core (native), through the CLI batch.
  const bin = path.join(REPO, 'target', 'release', 'wlz-bijdrage');
  assert.ok(fs.existsSync(bin), `${bin}: run cargo build --release first`);
  const out = execFileSync(bin, ['batch', '--format', 'csv', '--lang', 'en'], { input: csv(list) }).toString();
  const lines = out.trim().split('\n');
  const header = lines[0].split(',');
  const col = (name) => header.indexOf(name);
  const core = lines.slice(1).map((l) => {
    const cells = l.split(',');
    return cells[col('monthly')] ? `${cells[col('regime')]} ${cells[col('monthly')]}` : 'error';
  });
  assert.equal(core.length, COUNT, 'one result per household (no cell holds a comma)');

  // 2. The npm package.
  const pkg = installPackage();
  let wlz;
  try {
    wlz = pkg.cjs();
  } catch (e) {
    pkg.cleanup();
    throw e;
  }
  const npm = list.map((h) => {
    try {
      const e = wlz.estimate(contractInput(h));
      return `${e.regime} ${e.monthly}`;
    } catch (e) {
      assert.equal(e.name, 'WlzError', String(e));
      return 'error';
    }
  });
  pkg.cleanup();

  // 3. The page, from its prefill link.
  const failures = [];
  const seen = { regimes: new Set(), client: new Set(), partner: new Set(), years: new Set() };
  for (let i = 0; i < COUNT; i++) {
    const h = list[i];
    const query = new URLSearchParams(h).toString();
    await gotoApp(page, server.url, query);
    const amount = page.locator('#monthly-amount');
    let shown = 'error';
    if (await amount.count()) {
      const text = (await amount.textContent()).trim();
      const regime = (await page.locator('#regime').textContent()).trim();
      const key = Object.keys(REGIME_NL).find((k) => REGIME_NL[k] === regime) ?? `?${regime}`;
      shown = `${key} ${text.replace(/[€\s.]/g, '').replace(',', '.')}`;
    }
    const agree = core[i] === npm[i] && npm[i] === shown;
    if (!agree) {
      failures.push(`#${i}: core ${core[i]}, npm ${npm[i]}, page ${shown}\n    ${server.url}?${query}`);
    }
    if (core[i] !== 'error') seen.regimes.add(core[i].split(' ')[0]);
    seen.client.add(h.care);
    seen.partner.add(h['partner-care'] ?? 'no partner');
    seen.years.add(h.year);
  }
  assert.deepEqual(failures, [], `${failures.length} of ${COUNT} households disagree:\n${failures.join('\n')}`);
  // The sample covers what it claims.
  assert.deepEqual([...seen.regimes].sort(), ['geen', 'hoge', 'lage']);
  assert.equal(seen.client.size, 5);
  assert.equal(seen.partner.size, 9);
  assert.equal(seen.years.size, 3);
  const errors = core.filter((c) => c === 'error').length;
  assert.ok(errors < COUNT / 10, `most households are estimates (${errors} errors)`);
});

// Issue 12's example, as a person meets it: a client in deeltijdverblijf whose partner lives
// in an instelling is asked both tax figures, and the amount with them is the core's; ticking
// "children" makes it the lage bijdrage, and the typed tax figures are then listed as not used
// (never dropped in silence) until the person clears them.
test('dtv client, partner in an instelling: the tax is asked and used; with children it is listed as not used', async () => {
  const query = 'year=2026&care=dtv&age=80&income=30000&partner-age=74&partner-care=instelling&partner-income=20000';
  await gotoApp(page, server.url, query);
  await page.locator('#tax').waitFor({ state: 'visible' });
  await page.locator('#partner-tax').waitFor({ state: 'visible' });
  for (const [id, value] of [['tax', '4000'], ['partner-tax', '2500']]) {
    const input = page.locator(`#${id}`);
    await input.fill(value);
    await input.blur();
  }
  const bin = path.join(REPO, 'target', 'release', 'wlz-bijdrage');
  const core = JSON.parse(execFileSync(bin, [
    'estimate', '--json', '--year', '2026', '--care', 'dtv', '--age', '80', '--income', '30000', '--tax', '4000',
    '--partner-age', '74', '--partner-care', 'instelling', '--partner-income', '20000', '--partner-tax', '2500',
  ]).toString());
  assert.equal(core.regime, 'hoge');
  const expected = `€ ${core.monthly.replace(/\B(?=(\d{3})+\.)/g, '.').replace(/\.(\d\d)$/, ',$1')}`;
  await page.waitForFunction((t) => document.querySelector('#monthly-amount')?.textContent.trim() === t, expected);
  assert.equal((await page.locator('#regime').textContent()).trim(), 'Hoge eigen bijdrage');

  await page.locator('label[for="children"]').click();
  await page.locator('#not-used-tax').waitFor({ state: 'visible' });
  assert.equal((await page.locator('#regime').textContent()).trim(), 'Lage eigen bijdrage');
  assert.equal(await page.locator('#tax').count(), 0, 'the tax is no longer asked');
  assert.match(await page.locator('#not-used-tax').textContent(), /hoge eigen bijdrage/);
  await page.locator('#not-used-tax button').click();
  await page.locator('#not-used-tax').waitFor({ state: 'detached' });
  assert.equal(await page.locator('#not-used-partner-tax').count(), 1, 'the other answer stays listed');
});
