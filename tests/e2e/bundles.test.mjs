// The page's two builds of the app (docs/performance.md): the calculator alone
// (pkg/wlz_web*) is what the page loads, never the full app; #jaren and #brief load the full
// app (pkg/wlz_web_full*: the planner and the letter check), which opens that view at once.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { setup, expectAmount, until } from './lib.mjs';

let server, browser, problems;
setup((env) => ({ server, browser, problems } = env));

const CASE_M = '?year=2026&care=vpt&age=70&income=38000&assets=100000';

/** A new page that records the pkg/ files it requests itself (not the service worker's). */
async function recordingPage() {
  const page = await browser.context.newPage();
  const files = [];
  page.on('request', (r) => {
    const url = new URL(r.url());
    if (!r.serviceWorker() && url.pathname.includes('/pkg/')) files.push(url.pathname.replace(/^.*\/pkg\//, ''));
  });
  return { page, files };
}

const focused = (page) => page.evaluate(() => document.activeElement?.id);

test('the calculator alone loads wlz_web_bg.wasm, not the full app', async () => {
  const { page, files } = await recordingPage();
  await page.goto(server.url + CASE_M);
  await expectAmount(page, '€ 337,68');
  await page.locator('#open-planner').waitFor();
  await page.waitForTimeout(300);
  assert.ok(files.includes('wlz_web_bg.wasm'), `requested: ${files.join(', ')}`);
  assert.ok(files.includes('wlz_web.js'), `requested: ${files.join(', ')}`);
  assert.deepEqual(files.filter((f) => f.startsWith('wlz_web_full')), []);
  // Nor the batch page's wasm (the spreadsheet code): only batch.html's worker loads it.
  assert.deepEqual(files.filter((f) => f.startsWith('wlz_batch')), []);
  await page.close();
});

test('#jaren loads the full app at the planner; back drops the hash and stays', async () => {
  const { page, files } = await recordingPage();
  await page.goto(server.url + CASE_M + '#jaren');
  await page.locator('#planner-title').waitFor();
  await until(page, async () => (await focused(page)) === 'planner-title', 'focus on the title');
  assert.ok(files.includes('wlz_web_full_bg.wasm'), `requested: ${files.join(', ')}`);
  assert.ok(files.includes('wlz_web_full.js'), `requested: ${files.join(', ')}`);
  // The household came along (here from the link's query).
  assert.equal(await page.locator('#plan-savings').inputValue(), '100000');
  await page.locator('#planner-back').click();
  await expectAmount(page, '€ 337,68');
  await until(page, async () => (await focused(page)) === 'open-planner', 'focus back on the button');
  assert.equal(await page.evaluate(() => location.hash), '');
  // Still the full app: the letter check opens without a reload.
  const before = files.length;
  await page.locator('#open-letter').click();
  await page.locator('#letter-title').waitFor();
  assert.equal(files.length, before, 'no new files');
  await page.close();
});

test('#brief loads the full app at the letter check', async () => {
  const { page, files } = await recordingPage();
  await page.goto(server.url + CASE_M + '#brief');
  await page.locator('#letter-title').waitFor();
  assert.ok(files.includes('wlz_web_full_bg.wasm'), `requested: ${files.join(', ')}`);
  await page.close();
});

test('no errors on the pages', () => {
  assert.deepEqual(problems, []);
});
