// Every width from 320 px (issue 13): no sideways scrolling for the empty form, an error state,
// a full couple result with every disclosure open and the share dialog, at phone, tablet and desktop sizes; on
// a phone the amount is in the first screen after a prefilled link (the amount bar); axe-core
// clean at phone width. A screenshot of each state goes to test-results/layout-*.png.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import {
  setup, gotoApp, freshForm, openAllDetails, settle, axeViolations, formatViolations, RESULTS_DIR, until,
} from './lib.mjs';

const SIZES = [
  { name: 'phone-320', width: 320, height: 640 },
  { name: 'phone-360', width: 360, height: 740 },
  { name: 'phone-390', width: 390, height: 844 },
  { name: 'tablet-768', width: 768, height: 1024 },
  { name: 'desktop-1280', width: 1280, height: 900 },
];
// Both spouses in an instelling after the start period, with assets and tax: the hoge
// bijdrage, the longest steps table, the timeline, the partner options and the comparison.
const COUPLE = 'year=2025&care=instelling&months-in-care=&age=80&income=31000&assets=60000&tax=3500'
  + '&partner-age=78&partner-care=instelling&partner-months-in-care=&partner-income=19000&partner-assets=20000';
const ERRORS = 'year=2026&care=vpt&age=abc&income=veel';

let server, browser, page;
setup((env) => ({ server, browser, page } = env));

async function noSidewaysScroll(size, state) {
  const { scrollWidth, innerWidth } = await page.evaluate(() => ({
    scrollWidth: document.documentElement.scrollWidth, innerWidth: window.innerWidth,
  }));
  fs.mkdirSync(RESULTS_DIR, { recursive: true });
  const shot = path.join(RESULTS_DIR, `layout-${size.name}-${state}.png`);
  await page.screenshot({ path: shot, fullPage: true });
  if (scrollWidth > innerWidth) {
    const wide = await page.evaluate((w) => [...document.querySelectorAll('body *')]
      .filter((el) => el.getBoundingClientRect().right > w + 1)
      .slice(0, 5)
      .map((el) => `${el.tagName.toLowerCase()}#${el.id}.${[...el.classList].join('.')}`), innerWidth);
    assert.fail(`${size.name} ${state}: scrollWidth ${scrollWidth} > ${innerWidth} (${wide.join(', ')}); see ${shot}`);
  }
}

for (const size of SIZES) {
  test(`${size.name}: no sideways scrolling (empty form, errors, a couple's full result)`, async () => {
    await page.setViewportSize({ width: size.width, height: size.height });
    await freshForm(page, server.url);
    await noSidewaysScroll(size, 'empty');

    await gotoApp(page, server.url, ERRORS);
    await page.locator('[aria-invalid="true"]').first().waitFor();
    await noSidewaysScroll(size, 'errors');

    await gotoApp(page, server.url, COUPLE);
    await page.locator('#monthly-amount').waitFor();
    await openAllDetails(page);
    await settle(page);
    await noSidewaysScroll(size, 'couple');

    // The share dialog, open, fits too.
    await page.getByRole('button', { name: /^(Deel een link|Share a link)$/ }).click();
    await page.locator('#share-panel').waitFor();
    await noSidewaysScroll(size, 'share-ask');
    await page.locator('#share-with').click();
    await page.locator('#share-url').waitFor();
    await noSidewaysScroll(size, 'share-link');
    await page.getByRole('button', { name: /^(Sluiten|Close)$/ }).click();
  });
}

test('on a phone the amount is in the first screen after a prefilled link', async () => {
  for (const size of SIZES.filter((s) => s.width < 600)) {
    await page.setViewportSize({ width: size.width, height: size.height });
    await gotoApp(page, server.url, COUPLE);
    const amount = (await page.locator('#monthly-amount').textContent()).trim();
    const bar = page.locator('#amount-bar');
    await bar.waitFor({ state: 'visible' });
    const box = await bar.boundingBox();
    assert.ok(box.y >= 0 && box.y + box.height <= size.height, `${size.name}: the bar is on screen (${JSON.stringify(box)})`);
    assert.equal((await page.locator('#bar-amount').textContent()).trim(), amount);
    // Its link leads to the explanation.
    await bar.getByRole('link').click();
    // (Scrolling may be smooth: wait until the heading has arrived.)
    await until(page, async () => {
      const title = await page.locator('#result-title').boundingBox();
      return title.y > -2 && title.y < size.height;
    }, `${size.name}: the explanation in view after the link`);
  }
  // A link with mistakes: the bar says how many questions to check, and leads to them.
  await page.setViewportSize({ width: 360, height: 740 });
  await gotoApp(page, server.url, ERRORS);
  await page.locator('#bar-errors').waitFor({ state: 'visible' });
  assert.equal((await page.locator('#bar-errors').textContent()).trim(), 'Nog 2 vragen nakijken');
  await page.setViewportSize({ width: 1280, height: 900 });
  await gotoApp(page, server.url, COUPLE);
  await page.locator('#monthly-amount').waitFor();
  assert.equal(await page.locator('#amount-bar').isVisible(), false, 'no bar beside the answer on a wide screen');
});

test('axe-core finds nothing at phone width (a full couple result, every disclosure open)', async () => {
  await page.setViewportSize({ width: 360, height: 740 });
  await gotoApp(page, server.url, COUPLE);
  await page.locator('#monthly-amount').waitFor();
  await openAllDetails(page);
  const violations = await axeViolations(page);
  assert.deepEqual(violations, [], formatViolations(violations));
});

// Five example households, one click away (issue 13): each fills the form as its prefill link
// does and shows the same amount.
test('each example fills the form and shows the amount of the same answers as a link', async () => {
  await page.setViewportSize({ width: 390, height: 844 });
  const examples = [
    ['example-single-home', 'year=2026&care=vpt&age=78&income=28000&assets=85000'],
    ['example-partner-home', 'year=2026&care=instelling&months-in-care=&age=82&income=24000&assets=40000&partner-care=none&partner-age=79&partner-income=18000&partner-assets=20000'],
    ['example-both-care-home', 'year=2026&care=instelling&months-in-care=&age=85&income=26000&assets=30000&partner-care=instelling&partner-months-in-care=&partner-age=83&partner-income=14000'],
    ['example-wajong', 'year=2026&care=instelling&months-in-care=&age=18&income=19000'],
    ['example-pgb', 'year=2026&care=pgb&age=45&income=32000&assets=10000'],
  ];
  const regimes = new Set();
  for (const [id, query] of examples) {
    await gotoApp(page, server.url, query);
    const viaLink = (await page.locator('#monthly-amount').textContent()).trim();
    await freshForm(page, server.url);
    await page.locator(`#${id}`).click();
    await page.locator('#monthly-amount').waitFor();
    assert.equal((await page.locator('#monthly-amount').textContent()).trim(), viaLink, id);
    const age = new URLSearchParams(query).get('age');
    assert.equal(await page.locator('#age').inputValue(), age, `${id}: the form is filled`);
    regimes.add((await page.locator('#regime').textContent()).trim());
  }
  assert.ok(regimes.size >= 2, `the examples show more than one regime: ${[...regimes]}`);
});

// "Print voor het dossier" (issue 13): one A4 with the date, a reference code of the answers,
// every answer used, the estimates involved and "schatting, geen beschikking van het CAK";
// the same answers give the same code.
test('print for the file: one A4 page with the dossier lines and a stable reference code', async () => {
  await page.setViewportSize({ width: 1280, height: 900 });
  await gotoApp(page, server.url, COUPLE);
  await page.locator('#monthly-amount').waitFor();
  await page.emulateMedia({ media: 'print' });
  try {
    const code = (await page.locator('#reference-code').textContent()).trim();
    assert.match(code, /^WLZ-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}$/);
    const dossier = await page.locator('.dossier').textContent();
    assert.match(dossier, /geen beschikking van het CAK/);
    assert.match(dossier, /Verzamelinkomen: 31000/);
    assert.match(dossier, /berekend op \d{1,2} \w+ 20\d\d/);
    const pdf = await page.pdf({ format: 'A4' });
    const pages = (pdf.toString('latin1').match(/\/Type\s*\/Page(?!s)/g) || []).length;
    fs.mkdirSync(RESULTS_DIR, { recursive: true });
    fs.writeFileSync(path.join(RESULTS_DIR, 'dossier-couple.pdf'), pdf);
    assert.equal(pages, 1, 'one A4 page');

    // The same answers in another order and notation: the same code (read on screen, where the
    // dossier lines are hidden but present).
    await page.emulateMedia({ media: 'screen' });
    const reordered = 'partner-income=19.000&partner-age=78&income=31.000&age=80&care=instelling&year=2025'
      + '&assets=60.000&tax=3.500&partner-care=instelling&partner-assets=20.000&months-in-care=&partner-months-in-care=';
    await gotoApp(page, server.url, reordered);
    await page.locator('#monthly-amount').waitFor();
    assert.equal((await page.locator('#reference-code').textContent()).trim(), code);
  } finally {
    await page.emulateMedia({ media: 'screen' });
  }
});

// Real dates (issue 13), spec §6.1 case P filled in on the page as a person does: spouse 1
// admitted 1 January 2024, spouse 2 on 1 March; € 383,33 (lage) on 30 June, € 1.917,83 (hoge)
// from 1 July (fixtures P-2024-06-30 and P-2024-07-01, by hand in their calculation lines).
test('case P with real dates: the page gives the switch on 1 July 2024 to the cent', async () => {
  await page.setViewportSize({ width: 1280, height: 900 });
  await freshForm(page, server.url);
  await page.locator('#year').selectOption('2024');
  await page.locator('label[for="partner-1"]').click();
  const type = async (id, value) => {
    const input = page.locator(`#${id}`);
    await input.fill(value);
    await input.blur();
  };
  await type('age', '75');
  await type('partner-age', '72');
  await page.locator('label[for="care"]').click();
  await page.locator('label[for="partner-care-instelling"]').click();
  await type('stay-start', '2024-01-01');
  await type('partner-stay-start', '2024-03-01');
  await type('date', '2024-07-01');
  await type('income', '28000');
  await type('partner-income', '18000');
  // On 1 July both start periods are over: the tax is asked (for the hoge bijdrage).
  await type('tax', '4000');
  await type('partner-tax', '1500');
  const amount = () => page.locator('#monthly-amount').textContent().then((t) => t.trim());
  await until(page, async () => (await amount()) === '€ 1.917,83', 'the hoge bijdrage on 1 July');
  assert.equal((await page.locator('#regime').textContent()).trim(), 'Hoge eigen bijdrage');
  // The timeline starts on the real day and says when the hoge bijdrage starts.
  await settle(page);
  assert.match(await page.locator('#timeline-from').textContent(), /1 januari 2024/);
  assert.match(await page.locator('#heb-start').textContent(), /begint op 1 juli 2024/);
  // One day earlier the partner is still in the start period: the lage bijdrage, and the tax
  // answers are kept but listed as not used.
  await type('date', '2024-06-30');
  await until(page, async () => (await amount()) === '€ 383,33', 'the lage bijdrage on 30 June');
  assert.equal((await page.locator('#regime').textContent()).trim(), 'Lage eigen bijdrage');
  await page.locator('#not-used-tax').waitFor();
});

// Spec §6.1 cases Q and R filled in on the page: an earlier stay. Q: the hoge bijdrage ended
// less than 4 months before, so no start period (lid 7 b): € 1.315,07 hoge. R: after a stay at
// the lage bijdrage, a gap of 61 days restarts the count (lid 8): € 225,00 lage (fixtures Q, R).
test('cases Q and R: an earlier stay filled in on the page', async () => {
  await page.setViewportSize({ width: 1280, height: 900 });
  const type = async (id, value) => {
    const input = page.locator(`#${id}`);
    await input.fill(value);
    await input.blur();
  };
  const amount = () => page.locator('#monthly-amount').textContent().then((t) => t.trim());
  for (const c of [
    { year: '2025', date: '2025-10-20', start: '2025-10-20', prev: ['2025-01-01', '2025-08-31'], income: '32000', tax: '5000', amount: '€ 1.315,07', regime: 'Hoge eigen bijdrage' },
    { year: '2025', date: '2025-08-31', start: '2025-06-01', prev: ['2025-02-01', '2025-03-31'], income: '27000', tax: '3500', amount: '€ 225,00', regime: 'Lage eigen bijdrage' },
  ]) {
    await freshForm(page, server.url);
    await page.locator('#year').selectOption(c.year);
    await type('age', '80');
    await page.locator('label[for="care"]').click();
    await type('stay-start', c.start);
    await type('previous-stay-start', c.prev[0]);
    await type('previous-stay-end', c.prev[1]);
    await type('date', c.date);
    await type('income', c.income);
    if (await page.locator('#tax').count()) await type('tax', c.tax);
    await until(page, async () => (await amount()) === c.amount, `${c.amount} (${c.regime})`);
    assert.equal((await page.locator('#regime').textContent()).trim(), c.regime);
  }
});
