// "De komende jaren" (issue 15): the planner view on top of the calculator. The worked examples
// W1 and W4 of planner.md §P.6.6 entered like a person would (fixtures/planner/cases.yaml), two
// scenarios side by side, axe-core, no sideways scrolling at 360 and 1280 px, the keyboard only,
// and no request leaving the origin. Screenshots go to test-results/planner-*.png.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import {
  setup, freshForm, fillCase, clickLabelOf, settle, axeViolations, formatViolations,
  foreignRequests, until, RESULTS_DIR,
} from './lib.mjs';

let server, browser, problems, requests, page;
setup((env) => ({ server, browser, problems, requests, page } = env), { requests: true });

const W1 = { year: 2026, age: 75, care: 'instelling', months: '', income: '24000', tax: '500', assets: '40000' };
// With the partner at home the calculator does not ask the tax (this year's regime does not
// need it); the planner asks it, as option B's high contribution does.
const W4 = {
  year: 2026, age: 77, care: 'instelling', income: '22000',
  partner: { age: 75, care: 'none', income: '15000' },
};

async function fill(id, value) {
  const input = page.locator(`#${id}`);
  await input.fill(String(value));
}

// The button puts #jaren in the address and reloads: boot.js then loads the full app, which
// opens the planner at once, with the household the calculator remembered.
async function openPlanner() {
  await page.locator('#open-planner').click();
  await page.locator('#planner-title').waitFor();
}

async function run() {
  await page.locator('#plan-run').click();
  await page.locator('#plan-years').waitFor();
  await settle(page);
}

const cumulative = () => page.locator('#plan-cumulative').textContent();

async function noSidewaysScroll(name) {
  await settle(page);
  fs.mkdirSync(RESULTS_DIR, { recursive: true });
  await page.screenshot({ path: path.join(RESULTS_DIR, `planner-${name}.png`), fullPage: true });
  const { scrollWidth, innerWidth } = await page.evaluate(() => ({
    scrollWidth: document.documentElement.scrollWidth, innerWidth: window.innerWidth,
  }));
  assert.ok(scrollWidth <= innerWidth, `${name}: scrollWidth ${scrollWidth} > ${innerWidth}`);
}

async function w1() {
  await page.setViewportSize({ width: 1280, height: 900 });
  await freshForm(page, server.url);
  await fillCase(page, W1);
  await openPlanner();
  // The savings come from the calculator's assets, and the page says so.
  assert.equal(await page.locator('#plan-savings').inputValue(), '40000');
  assert.match(await page.locator('#plan-savings-why').textContent(), /Overgenomen/);
  await fill('plan-admission', '2026-02-01');
  await fill('plan-woz', '350000');
  await run();
}

test('W1 on the page: the year totals and the cumulative of the spec', async () => {
  await w1();
  const table = await page.locator('#plan-years').textContent();
  for (const v of ['€ 9.326,00', '€ 14.244,12', '€ 14.200,80', '€ 35.138,88']) {
    assert.ok(table.includes(v), `${v} in the year table`);
  }
  assert.equal(await cumulative(), '€ 115.512,20');
  // The home's box-3 year is marked, and the chart has the table as its text alternative.
  assert.ok((await page.locator('#plan-years .event-mark').count()) >= 1, 'an event mark');
  assert.equal(await page.locator('.plan-chart svg[role="img"]').count(), 1);
  assert.ok((await page.locator('.plan-assumptions li').count()) >= 1, 'assumptions');
  await noSidewaysScroll('w1-1280');
  assert.deepEqual(await axeViolations(page).then((v) => formatViolations(v)), '');
  await page.setViewportSize({ width: 360, height: 740 });
  await noSidewaysScroll('w1-360');
  assert.deepEqual(await axeViolations(page).then((v) => formatViolations(v)), '');
  // English via the language switch: money as €1,234.56.
  await page.locator('.lang-switch').click();
  await until(page, async () => (await cumulative()) === '€115,512.20', 'the English cumulative');
  await page.locator('.lang-switch').click();
});

test('a bad amount and a gift without a date get a message next to their field', async () => {
  await w1();
  await fill('plan-savings', 'veel');
  await fill('plan-gift-amount-0', '20000');
  await page.locator('#plan-run').click();
  await page.locator('#plan-errors').waitFor();
  await page.locator('#plan-savings-error').waitFor();
  await page.locator('#plan-gift-date-0-error').waitFor();
  assert.equal(await page.locator('#plan-savings').getAttribute('aria-invalid'), 'true');
  // A letting without its first day: the core's message (home.let_from) on that field.
  await fill('plan-savings', '40000');
  await fill('plan-gift-amount-0', '');
  await clickLabelOf(page, 'plan-home-status-let');
  await fill('plan-rent', '1000');
  await page.locator('#plan-run').click();
  await page.locator('#plan-let-from-error').waitFor();
  assert.deepEqual(await axeViolations(page).then((v) => formatViolations(v)), '');
});

test('W4: married AOW, duurzaam gescheiden as scenario B, and the AOW comparison', async () => {
  await page.setViewportSize({ width: 1280, height: 900 });
  await freshForm(page, server.url);
  await fillCase(page, W4);
  await openPlanner();
  await fill('plan-admission', '2026-02-01');
  await fill('plan-savings', '30000');
  await fill('plan-partner-savings', '30000');
  await fill('plan-tax', '300');
  await fill('plan-partner-tax', '0');
  await fill('plan-woz', '300000');
  await clickLabelOf(page, 'plan-owner-joint');
  await clickLabelOf(page, 'plan-home-status-partner');
  await run();
  assert.equal(await cumulative(), '€ 25.591,39');
  const first = await page.locator('#plan-aow tbody tr').first().textContent();
  assert.ok(first.includes('€ 1.990,84'), `A 2026 in ${first}`);
  assert.ok(first.includes('€ 2.279,92'), `B + split 2026 in ${first}`);
  // Scenario B: the same, living apart from 1 June 2026.
  await page.locator('#plan-copy-b').click();
  await clickLabelOf(page, 'plan-aow-gescheiden');
  await fill('plan-aow-change', '2026-06-01');
  await run();
  assert.equal(await cumulative(), '€ 102.705,77');
  const total = await page.locator('#plan-compare tfoot').textContent();
  assert.ok(total.includes('€ 25.591,39') && total.includes('€ 102.705,77'), total);
  assert.equal(await page.locator('#plan-total-difference').textContent(), '€ 77.114,38');
  await noSidewaysScroll('w4-1280');
  assert.deepEqual(await axeViolations(page).then((v) => formatViolations(v)), '');
  await page.setViewportSize({ width: 360, height: 740 });
  await noSidewaysScroll('w4-360');
  assert.deepEqual(await axeViolations(page).then((v) => formatViolations(v)), '');
});

/** Presses Tab until the element with `id` has focus. */
async function tabTo(id, max = 80) {
  for (let i = 0; i < max; i++) {
    if ((await page.evaluate(() => document.activeElement?.id)) === id) return;
    await page.keyboard.press('Tab');
  }
  assert.fail(`#${id} not reached with Tab`);
}

test('the keyboard only: reach the view, answer, submit, and go back', async () => {
  await page.setViewportSize({ width: 1280, height: 900 });
  await freshForm(page, server.url);
  await fillCase(page, W1);
  await page.locator('#income').focus();
  await tabTo('open-planner');
  await page.keyboard.press('Enter');
  // The page reloads with #jaren (the full app).
  await page.locator('#planner-title').waitFor();
  await until(page, async () => (await page.evaluate(() => document.activeElement?.id)) === 'planner-title', 'focus on the title');
  await tabTo('plan-admission');
  // A date field takes its digits in the order of the browser's own language (not the
  // page's): day first, or else month first.
  await page.keyboard.type('01022026');
  if ((await page.locator('#plan-admission').inputValue()) === '2026-01-02') {
    await page.keyboard.press('Shift+Tab');
    await page.keyboard.press('Shift+Tab');
    await page.keyboard.type('02012026');
  }
  assert.equal(await page.locator('#plan-admission').inputValue(), '2026-02-01');
  await tabTo('plan-woz');
  await page.keyboard.type('350000');
  await tabTo('plan-run');
  await page.keyboard.press('Enter');
  await page.locator('#plan-years').waitFor();
  assert.equal(await cumulative(), '€ 115.512,20');
  assert.equal(await page.evaluate(() => document.activeElement?.id), 'plan-result-title');
  await page.locator('#planner-back').focus();
  await page.keyboard.press('Enter');
  await until(page, async () => (await page.evaluate(() => document.activeElement?.id)) === 'open-planner', 'focus back on the button');
  // Back in the full app's calculator: the hash is gone, no reload.
  assert.equal(await page.evaluate(() => location.hash), '');
});

test('no request leaves the origin, and no errors on the page', async () => {
  assert.deepEqual(foreignRequests(requests, server.origin), []);
  assert.deepEqual(problems, []);
});
