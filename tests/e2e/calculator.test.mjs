// The calculator filled in like a person would: click the labels, type the
// amounts in the notation people use, pick options. The expected amounts are
// the worked examples of the spec and hand calculations in fixtures/*.yaml,
// never figures read from the app.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import {
  setup, freshForm, gotoApp, fillCase, expectAmount,
  regimeText, until, settle, CASES, RESULTS_DIR,
} from './lib.mjs';

let server, browser, problems, page;
setup((env) => ({ server, browser, problems, page } = env));

/** Fresh form for each case: no remembered data, no query. */
async function fresh() {
  await freshForm(page, server.url);
}

async function check(c, amount, regime, split) {
  await fresh();
  await fillCase(page, c);
  await expectAmount(page, amount);
  assert.equal((await regimeText(page)).trim(), regime);
  if (split) {
    const text = await page.locator('.split').textContent();
    for (const part of split) assert.ok(text.includes(part), `split ${JSON.stringify(text)} lacks ${part}`);
  } else {
    assert.equal(await page.locator('.split').count(), 0, 'a single person has no split');
  }
}

/** Asserts how many elements match each selector. */
async function sections(expected) {
  await settle(page);
  const got = {};
  for (const sel of Object.keys(expected)) got[sel] = await page.locator(sel).count();
  assert.deepEqual(got, expected);
}

test('M (2026, single, vpt, income typed as 38.000) → € 337,68, lage', async () => {
  // Typed key by key: the result follows every keystroke.
  await check({ ...CASES.M, keys: true }, '€ 337,68', 'Lage eigen bijdrage');
  // The typed Dutch notation stays as typed.
  assert.equal(await page.locator('#income').inputValue(), '38.000');
  // The sections that come with a result at home (no timeline, no partner options).
  await sections({
    '.compare table': 1, '.curve-section svg.curve': 1, '.curve-section table': 1,
    '.what-if #now-income': 1, '.timeline': 0, '.partner-options': 0,
  });
  await settle(page);
  fs.mkdirSync(RESULTS_DIR, { recursive: true });
  await page.screenshot({ path: path.join(RESULTS_DIR, 'result.png'), fullPage: true });
});

test('C (2025, single, pgb, income typed as 40,000.00) → € 95,40, lage', async () => {
  await check({ year: 2025, age: 50, care: 'pgb', income: '40,000.00', keys: true }, '€ 95,40', 'Lage eigen bijdrage');
});

test('D (2026, mpt > 20 h, partner at home) → € 278,77, lage', async () => {
  await check({
    year: 2026, age: 70, care: 'mpt', income: '35000', assets: '75000',
    partner: { age: 70, care: 'none', income: '25000', assets: '75000' },
  }, '€ 278,77', 'Lage eigen bijdrage', ['€ 162,62', '€ 116,15']);
  assert.equal(await page.locator('#mpt-max-20-hours').isChecked(), false);
});

test('O-25 default (2026, instelling, partner living along) → € 2.288,04, hoge, split', async () => {
  await check({
    year: 2026, age: 72, care: 'instelling', months: '', income: '30000', tax: '4000',
    partner: { age: 70, care: 'living-along', months: '', income: '25000', tax: '3000' },
  }, '€ 2.288,04', 'Hoge eigen bijdrage', ['€ 1.248,02', '€ 1.040,02']);
});

// fixtures/boundaries.yaml: couple-both-instelling-heb (2025). Its input has no
// stay for either spouse; fixtures/README.md ("instelling-without-stay") reads
// that as past the start period, which is what the form's "4 maanden of langer"
// (value "") sends: no stay. No fixture has both spouses in an instelling with
// only `stay: {months_completed: N}`.
test('both in an instelling (couple-both-instelling-heb, 2025) → € 1.694,17, hoge', async () => {
  await check({
    year: 2025, age: 75, care: 'instelling', months: '', income: '26000', tax: '3000', assets: '90000',
    partner: { age: 73, care: 'instelling', months: '', income: '14000', tax: '500', assets: '30000' },
  }, '€ 1.694,17', 'Hoge eigen bijdrage', ['€ 1.101,21', '€ 592,96']);
});

test('N2-2026 (single, instelling, high income) → € 3.061,80, hoge; timeline 4 months lage then hoge', async () => {
  await check({ year: 2026, age: 75, care: 'instelling', months: '', income: '150000', tax: '60000' },
    '€ 3.061,80', 'Hoge eigen bijdrage');

  await settle(page);
  const timeline = page.locator('.timeline');
  await timeline.waitFor();
  await page.locator('#timeline-start').selectOption('1');
  await settle(page);
  const rows = timeline.locator('tbody tr');
  assert.equal(await rows.count(), 12, '12 timeline rows');
  const tags = await rows.evaluateAll((trs) => trs.map((tr) => {
    const t = tr.querySelectorAll('.regime-tag');
    return t.length === 1 ? t[0].className.match(/regime-(lage|hoge|geen)/)?.[1] : `mixed:${t.length}`;
  }));
  assert.deepEqual(tags, [...Array(4).fill('lage'), ...Array(8).fill('hoge')]);
  // After the start period the months are the hoge amount of the result.
  const amounts = await rows.locator('td.amount').allTextContents();
  for (const a of amounts.slice(4)) assert.equal(a.trim(), '€ 3.061,80');
  assert.match((await page.locator('#timeline-year-total').textContent()).trim(), /^€ \d/);
});

test('E (2024, instelling, partner at home) → € 397,17, lage, split € 202,81 / € 194,36', async () => {
  await check({
    year: 2024, age: 70, care: 'instelling', months: '', income: '24000', assets: '40000',
    partner: { age: 68, care: 'none', income: '23000', assets: '40000' },
  }, '€ 397,17', 'Lage eigen bijdrage', ['€ 202,81', '€ 194,36']);
  await sections({
    '.timeline #timeline-start': 1, '#timeline-year-total': 1, '.partner-options': 1,
    '.compare table': 1, '.curve-section svg.curve': 1, '.what-if #now-income': 1,
  });
});

test('a link with the query string computes M at once, without typing', async () => {
  await page.evaluate(() => localStorage.clear());
  await gotoApp(page, server.url, 'year=2026&care=vpt&age=70&income=38000&assets=100000');
  await expectAmount(page, '€ 337,68');
  assert.equal((await regimeText(page)).trim(), 'Lage eigen bijdrage');
  assert.equal(await page.locator('#care-vpt').isChecked(), true);
  assert.equal(await page.locator('#age').inputValue(), '70');
});

test('switching the language shows English amounts, and back', async () => {
  // Continues on the page of the previous test (M from the query string).
  await expectAmount(page, '€ 337,68');
  const sw = page.locator('button.lang-switch');
  assert.equal((await sw.textContent()).trim(), 'English');
  await sw.click();
  await expectAmount(page, '€337.68');
  assert.equal((await regimeText(page)).trim(), 'Low contribution');
  assert.equal(await page.locator('html').getAttribute('lang'), 'en');
  assert.equal((await sw.textContent()).trim(), 'Nederlands');
  assert.equal((await page.locator('button[type=submit]').textContent()).trim(), 'Calculate');

  await sw.click();
  await expectAmount(page, '€ 337,68');
  assert.equal((await regimeText(page)).trim(), 'Lage eigen bijdrage');
  assert.equal(await page.locator('html').getAttribute('lang'), 'nl');
  assert.equal((await sw.textContent()).trim(), 'English');
});

test('lang=en in the query string opens in English', async () => {
  await page.evaluate(() => localStorage.clear());
  await gotoApp(page, server.url, 'year=2026&care=vpt&age=70&income=38000&assets=100000&lang=en');
  await expectAmount(page, '€337.68');
  assert.equal((await regimeText(page)).trim(), 'Low contribution');
  assert.equal(await page.locator('html').getAttribute('lang'), 'en');
});

test('no page errors and no console errors', () => {
  assert.deepEqual(problems, []);
});
