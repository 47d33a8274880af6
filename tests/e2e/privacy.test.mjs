// Nothing leaves the page: every request goes to the page's own origin, the
// calculator keeps working offline, the form is remembered only in this
// browser's localStorage until "Vergeet mijn gegevens", and a share link
// carries amounts only when the user chooses so.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  setup, foreignRequests, gotoApp,
  fillCase, expectAmount, regimeText, until, typeInto, openAllDetails, CASES,
} from './lib.mjs';

const STORAGE_KEY = 'wlz-bijdrage:v1';
// Case M's answers as they may be stored (JSON or query-string text).
const ANSWERS_OF_M = /38\.?000|100000|vpt|"age":"70"|age=70/;

let server, browser, problems, requests, page;
setup((env) => ({ server, browser, problems, requests, page } = env), { requests: true });

const stored = () => page.evaluate((k) => localStorage.getItem(k), STORAGE_KEY);

async function openShare(choice) {
  const share = page.getByRole('button', { name: /^(Deel een link|Share a link)$/ });
  await share.click();
  await page.locator(`#${choice}`).click();
  const url = page.locator('#share-url');
  await url.waitFor();
  const value = await url.inputValue();
  // Close the panel again.
  await page.getByRole('button', { name: /^(Sluiten|Close)$/ }).click();
  await page.locator('#share-url').waitFor({ state: 'detached' });
  return value;
}

test('load, case M, details, language switch and share: no request leaves the origin', async () => {
  await fillCase(page, CASES.M);
  await expectAmount(page, '€ 337,68');

  await openAllDetails(page);

  await page.locator('button.lang-switch').click();
  await expectAmount(page, '€337.68');
  await page.locator('button.lang-switch').click();
  await expectAmount(page, '€ 337,68');

  await openShare('share-without');
  await openShare('share-with');
  await page.waitForTimeout(200);

  assert.ok(requests.length >= 4, `the page loads its files (${requests.length} requests)`);
  assert.ok(requests.some((r) => r.url.includes('wlz_web_bg.wasm')), 'the wasm is loaded from the test server');
  const foreign = foreignRequests(requests, server.origin);
  assert.deepEqual(foreign, [], `requests to other origins than ${server.origin}`);
});

test('offline, the calculator keeps computing', async () => {
  await browser.context.setOffline(true);
  try {
    await typeInto(page, 'income', '20000');
    const changed = await expectAmount(page, /^€ \d/);
    await until(page, async () => (await page.locator('#monthly-amount').textContent()).trim() !== '€ 337,68',
      'the amount to change offline');
    assert.match(changed, /^€ \d/);
    await typeInto(page, 'income', '38.000');
    await expectAmount(page, '€ 337,68');
    assert.equal((await regimeText(page)).trim(), 'Lage eigen bijdrage');
  } finally {
    await browser.context.setOffline(false);
  }
  assert.deepEqual(foreignRequests(requests, server.origin), []);
});

test('the form is remembered across a reload, and "Vergeet mijn gegevens" forgets it', async () => {
  // The state of the previous tests: case M typed in.
  const saved = await until(page, stored, `localStorage ${STORAGE_KEY}`);
  assert.match(saved, /38\.?000/, `the remembered form holds the income: ${saved}`);

  await page.reload();
  await page.locator('form#questions').waitFor();
  await expectAmount(page, '€ 337,68');
  assert.equal(await page.locator('#age').inputValue(), '70');
  assert.equal(await page.locator('#care-vpt').isChecked(), true);
  assert.match(await page.locator('#income').inputValue(), /^38\.?000$/);
  assert.equal(await page.locator('#assets').inputValue(), '100000');

  await page.locator('#forget').click();
  await until(page, async () => (await stored()) === null, `localStorage ${STORAGE_KEY} removed`);
  assert.equal(await page.locator('#age').inputValue(), '');
  assert.equal(await page.locator('#income').inputValue(), '');
  assert.equal(await page.locator('#assets').inputValue(), '');
  assert.equal(await page.locator('#care-vpt').isChecked(), false);
  assert.equal(await page.locator('#monthly-amount').count(), 0, 'no amount after forgetting');
  assert.match(await page.locator('.forget [role=status]').textContent(), /gewist/);

  // And after a reload the form is still empty.
  await page.reload();
  await page.locator('form#questions').waitFor();
  assert.equal(await page.locator('#income').inputValue(), '');
  assert.equal(await page.locator('#age').inputValue(), '');
  // Nothing is written again until the user answers something.
  assert.equal(await stored(), null, 'after forgetting and a reload, nothing is stored');
});

test('opening a link with amounts stores nothing until the user changes an answer', async () => {
  await page.evaluate(() => localStorage.clear());
  await gotoApp(page, server.url, '?year=2026&care=vpt&age=70&income=38000&assets=100000');
  await expectAmount(page, '€ 337,68');
  await page.waitForTimeout(300);
  assert.equal(await stored(), null, 'a shared link leaves no amounts behind');
  await typeInto(page, 'age', '71');
  const saved = await until(page, stored, `localStorage ${STORAGE_KEY} after a change`);
  assert.match(saved, /age=71/);
  await page.locator('#forget').click();
  await until(page, async () => (await stored()) === null, `localStorage ${STORAGE_KEY} removed`);
});

test('the share link carries amounts only when chosen', async () => {
  await page.evaluate(() => localStorage.clear());
  await gotoApp(page, server.url);
  await fillCase(page, CASES.M);
  await expectAmount(page, '€ 337,68');

  // The panel warns before a link is made.
  await page.getByRole('button', { name: 'Deel een link' }).click();
  const warning = page.locator('#share-panel .warning');
  assert.match(await warning.textContent(), /inkomen en vermogen/);
  await page.getByRole('button', { name: 'Annuleren' }).click();

  const without = await openShare('share-without');
  const withAmounts = await openShare('share-with');

  assert.ok(without.startsWith(server.url), `share link ${without} points to this page`);
  const qWithout = new URL(without).searchParams;
  assert.equal(qWithout.get('care'), 'vpt');
  assert.equal(qWithout.get('age'), '70');
  assert.ok(!without.includes('income='), `link without amounts has no income: ${without}`);
  assert.ok(!without.includes('assets='), `link without amounts has no assets: ${without}`);
  assert.ok(!/38\.?000|100000/.test(without), `link without amounts has no amounts: ${without}`);

  assert.ok(withAmounts.includes('income=38000'), `link with amounts: ${withAmounts}`);
  assert.ok(withAmounts.includes('assets=100000'), `link with amounts: ${withAmounts}`);

  // Opened elsewhere, the link with amounts shows the same result at once.
  const other = await browser.context.newPage();
  try {
    await other.goto(withAmounts);
    await other.locator('form#questions').waitFor();
    await expectAmount(other, '€ 337,68');
  } finally {
    await other.close();
  }
  assert.deepEqual(foreignRequests(requests, server.origin), []);
});

test('no page errors and no console errors', () => {
  assert.deepEqual(problems, []);
});
