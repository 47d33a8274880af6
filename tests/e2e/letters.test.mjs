// "Klopt mijn CAK-brief?" (issue 16): the letter check view on top of the calculator. The worked
// examples E2 and E4 of letters.md §5 (fixtures/letters/cases.yaml) typed in like a person would,
// the bezwaar letter filled from the check, axe-core, no sideways scrolling at 360 and 1280 px,
// and no request leaving the origin. Screenshots go to test-results/letters-*.png.

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

const E2 = { year: 2026, age: 75, care: 'vpt', income: '22000', assets: '30000' };
const E4 = { year: 2026, age: 70, care: 'pgb', income: '30000', assets: '45000' };

const fill = (id, value) => page.locator(`#${id}`).fill(String(value));
const text = async (sel) => (await page.locator(sel).textContent()).trim();

async function openLetter(c) {
  await freshForm(page, server.url);
  await fillCase(page, c);
  // The button puts #brief in the address and reloads: boot.js then loads the full app, which
  // opens the letter check at once, with the household the calculator remembered.
  await page.locator('#open-letter').click();
  await page.locator('#letter-title').waitFor();
  await until(page, async () => (await page.evaluate(() => document.activeElement?.id)) === 'letter-title', 'focus on the title');
}

async function run() {
  await page.locator('#letter-run').click();
  await page.locator('#letter-result-title').waitFor();
  await settle(page);
}

async function noSidewaysScroll(name) {
  await settle(page);
  fs.mkdirSync(RESULTS_DIR, { recursive: true });
  const { scrollWidth, innerWidth } = await page.evaluate(() => ({
    scrollWidth: document.documentElement.scrollWidth, innerWidth: window.innerWidth,
  }));
  // The full page is too tall to read: a few screens from the top of the answer.
  const { top, height } = await page.evaluate(() => ({
    top: document.querySelector('.plan-col-result').getBoundingClientRect().top + window.scrollY,
    height: document.documentElement.scrollHeight,
  }));
  const vp = page.viewportSize();
  for (let i = 0; i < 4; i++) {
    const y = Math.min(top + i * vp.height, Math.max(0, height - vp.height));
    await page.screenshot({
      path: path.join(RESULTS_DIR, `letters-${name}-${i}.png`), fullPage: true,
      clip: { x: 0, y, width: vp.width, height: vp.height },
    });
  }
  assert.ok(scrollWidth <= innerWidth, `${name}: scrollWidth ${scrollWidth} > ${innerWidth}`);
}

async function e2() {
  await page.setViewportSize({ width: 1280, height: 900 });
  await openLetter(E2);
  await fill('letter-date', '2026-01-15');
  await fill('letter-from', '2026-01-01');
  await fill('letter-monthly', '416,67');
  await clickLabelOf(page, 'letter-regime-0');
  await page.locator('details.letter-more > summary').click();
  await fill('letter-bi', '50000');
  await clickLabelOf(page, 'letter-household-1');
  await fill('letter-partner-income', '28000');
  await run();
}

test('E2 typed in: V2, our amount, the difference and the bezwaar deadline', async () => {
  await e2();
  assert.equal(await text('.verdict .code'), 'V2');
  assert.ok((await text('.verdict strong')).length > 10, 'the verdict in a sentence');
  assert.equal(await page.evaluate(() => document.activeElement?.id), 'letter-result-title');
  assert.match(await text('#letter-expected'), /^€ 212,60/);
  assert.equal(await text('#letter-difference'), '€ 204,07');
  assert.equal(await text('#letter-bezwaar-date'), '26 februari 2026');
  assert.ok((await page.locator('.letter-steps li').count()) >= 1, 'the explanation step by step');
  // The bezwaar letter: filled from the check, no template braces left.
  await page.locator('#letter-open-bezwaar').click();
  await page.locator('#letter-text').waitFor();
  const letter = await page.locator('#letter-text').inputValue();
  assert.ok(letter.includes('€ 416,67') && letter.includes('€ 212,60'), letter);
  assert.ok(!letter.includes('{'), 'no { in the letter');
  const before = await page.locator('#letter-missing li').count();
  await fill('letter-naam', 'J. Jansen');
  await fill('letter-adres', 'Dorpsstraat 1');
  await fill('letter-postcode', '1234 AB');
  await fill('letter-woonplaats', 'Utrecht');
  await until(page, async () => (await page.locator('#letter-missing li').count()) <= before - 4, 'the blanks list shrinks');
  assert.ok((await page.locator('#letter-text').inputValue()).includes('J. Jansen'));
  // The reason block's date (the partner died): its own field, and one blank less.
  const withoutDate = await page.locator('#letter-missing li').count();
  await fill('letter-datum-wijziging', '2025-12-01');
  await until(page, async () => (await page.locator('#letter-missing li').count()) === withoutDate - 1, 'the date is filled');
  assert.ok((await page.locator('#letter-text').inputValue()).includes('1 december 2025'));
  // Copy: the text is selected (the fallback) and the page says so.
  await page.locator('#letter-copy').click();
  await until(page, async () => (await text('#letter-copied')).length > 0, 'the copy status');
  // Nothing the user typed goes into the address.
  assert.ok(!page.url().includes('Jansen') && !page.url().includes('416'), page.url());
  await noSidewaysScroll('e2-1280');
  assert.deepEqual(await axeViolations(page).then((v) => formatViolations(v)), '');
  await page.setViewportSize({ width: 360, height: 740 });
  await noSidewaysScroll('e2-360');
  assert.deepEqual(await axeViolations(page).then((v) => formatViolations(v)), '');
  // English via the language switch.
  await page.locator('.lang-switch').click();
  await until(page, async () => (await text('#letter-difference')) === '€204.07', 'the English difference');
  assert.equal(await text('#letter-bezwaar-date'), '26 February 2026');
  await noSidewaysScroll('e2-en-360');
  assert.deepEqual(await axeViolations(page).then((v) => formatViolations(v)), '');
  await page.locator('.lang-switch').click();
});

test('E4: V4, our € 30,40, and the implied income', async () => {
  await openLetter(E4);
  await fill('letter-date', '2026-01-15');
  await fill('letter-from', '2026-01-01');
  await fill('letter-monthly', '120,00');
  await clickLabelOf(page, 'letter-regime-0');
  await run();
  assert.equal(await text('.verdict .code'), 'V4');
  assert.match(await text('#letter-expected'), /^€ 30,40/);
  assert.match(await text('#letter-implied-income'), /tussen € 43\.669,08 en € 43\.670,28/);
  assert.deepEqual(await axeViolations(page).then((v) => formatViolations(v)), '');
});

test('missing and bad fields get a message next to them; back returns focus', async () => {
  await openLetter(E4);
  await fill('letter-monthly', 'veel');
  await page.locator('#letter-run').click();
  await page.locator('#letter-errors').waitFor();
  await page.locator('#letter-date-error').waitFor();
  await page.locator('#letter-monthly-error').waitFor();
  assert.equal(await page.locator('#letter-monthly').getAttribute('aria-invalid'), 'true');
  assert.deepEqual(await axeViolations(page).then((v) => formatViolations(v)), '');
  await page.locator('#letter-back').focus();
  await page.keyboard.press('Enter');
  await until(page, async () => (await page.evaluate(() => document.activeElement?.id)) === 'open-letter', 'focus back on the button');
});

test('a start of care: the back-dated months, and print shows only the letter', async () => {
  await openLetter(E4);
  await fill('letter-date', '2026-01-15');
  await fill('letter-from', '2025-11-01');
  await fill('letter-monthly', '30,40');
  await fill('letter-care-start', '2025-11-01');
  await run();
  const rows = await page.locator('.letter-months tbody tr').count();
  assert.ok(rows >= 2, `${rows} back-dated months`);
  await page.locator('#letter-open-betalingsregeling').click();
  await page.locator('#letter-text').waitFor();
  await page.setViewportSize({ width: 360, height: 740 });
  await noSidewaysScroll('backdated-360');
  assert.deepEqual(await axeViolations(page).then((v) => formatViolations(v)), '');
  // Print: only the letter.
  await page.emulateMedia({ media: 'print' });
  fs.mkdirSync(RESULTS_DIR, { recursive: true });
  await page.screenshot({ path: path.join(RESULTS_DIR, 'letters-print.png'), clip: { x: 0, y: 0, width: 360, height: 740 } });
  assert.equal(await page.locator('.letter-print').isVisible(), true);
  for (const sel of ['#letter-form', '.letter-report', '#letter-text', '.site-header']) {
    assert.equal(await page.locator(sel).isVisible(), false, `${sel} hidden in print`);
  }
  await page.emulateMedia({ media: 'screen' });
  await page.setViewportSize({ width: 1280, height: 900 });
});

/** Presses Tab until the element with `id` has focus. */
async function tabTo(id, max = 120) {
  for (let i = 0; i < max; i++) {
    if ((await page.evaluate(() => document.activeElement?.id)) === id) return;
    await page.keyboard.press('Tab');
  }
  assert.fail(`#${id} not reached with Tab`);
}

/** Types a date into a date field by keyboard (the digit order follows the browser's locale). */
async function typeDate(id, iso) {
  const [y, m, d] = iso.split('-');
  await page.keyboard.type(`${d}${m}${y}`);
  if ((await page.locator(`#${id}`).inputValue()) !== iso) {
    await page.keyboard.press('Shift+Tab');
    await page.keyboard.press('Shift+Tab');
    await page.keyboard.type(`${m}${d}${y}`);
  }
  assert.equal(await page.locator(`#${id}`).inputValue(), iso);
}

test('the keyboard only: open the view, answer, check, open a letter, go back', async () => {
  await page.setViewportSize({ width: 1280, height: 900 });
  await freshForm(page, server.url);
  await fillCase(page, E4);
  await page.locator('#income').focus();
  await tabTo('open-letter');
  await page.keyboard.press('Enter');
  // The page reloads with #brief (the full app).
  await page.locator('#letter-title').waitFor();
  await until(page, async () => (await page.evaluate(() => document.activeElement?.id)) === 'letter-title', 'focus on the title');
  await tabTo('letter-date');
  await typeDate('letter-date', '2026-01-15');
  await tabTo('letter-from');
  await typeDate('letter-from', '2026-01-01');
  await tabTo('letter-monthly');
  await page.keyboard.type('120');
  // A radio group is one Tab stop (the checked "Weet ik niet"); the arrows choose.
  await tabTo('letter-regime-2');
  await page.keyboard.press('ArrowUp');
  await page.keyboard.press('ArrowUp');
  assert.equal(await page.locator('#letter-regime-0').isChecked(), true);
  await tabTo('letter-run');
  await page.keyboard.press('Enter');
  await page.locator('#letter-result-title').waitFor();
  assert.equal(await page.evaluate(() => document.activeElement?.id), 'letter-result-title');
  assert.equal(await text('.verdict .code'), 'V4');
  await tabTo('letter-open-aanpassing', 200);
  await page.keyboard.press('Enter');
  await until(page, async () => (await page.evaluate(() => document.activeElement?.id)) === 'letter-text-title', 'focus on the letter');
  await page.locator('#letter-back').focus();
  await page.keyboard.press('Enter');
  await until(page, async () => (await page.evaluate(() => document.activeElement?.id)) === 'open-letter', 'focus back on the button');
});

test('no request leaves the origin, and no errors on the page', async () => {
  assert.deepEqual(foreignRequests(requests, server.origin), []);
  assert.deepEqual(problems, []);
});
