// axe-core (WCAG 2.0/2.1 A and AA rules) on the page in its main states:
// the empty form, the error states, a full result with every <details> open,
// and the English version of a result.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  setup, freshForm, gotoApp, fillCase, expectAmount, until,
  axeViolations, formatViolations, typeInto, settle, openAllDetails,
} from './lib.mjs';

let server, browser, problems, page;
setup((env) => ({ server, browser, problems, page } = env));

async function assertNoViolations(state) {
  await settle(page);
  const v = await axeViolations(page);
  assert.equal(v.length, 0, `axe found ${v.length} violation(s) in ${state}:\n${formatViolations(v)}`);
}

async function fresh(query = '') {
  await freshForm(page, server.url, query);
}

// Case E of the spec (2024, instelling, partner at home): the result with a
// split, the timeline, the partner options, the comparison and the curve.
const E = {
  year: 2024, age: 70, care: 'instelling', months: '', income: '24000', assets: '40000',
  partner: { age: 68, care: 'none', income: '23000', assets: '40000' },
};

test('the empty form', async () => {
  await fresh();
  await assertNoViolations('the empty form');
});

test('the error state after submitting the empty form', async () => {
  await fresh();
  await page.locator('button[type=submit]').click();
  await page.locator('#error-summary').waitFor();
  await until(page, async () => (await page.locator('.error-message').count()) >= 3, 'field errors');
  await assertNoViolations('the error state (empty form submitted)');
});

test('a link for a year without amounts: the note by the year question', async () => {
  await fresh('year=2027&care=vpt&age=70&income=38000&assets=100000');
  await page.locator('#year-note').waitFor();
  await expectAmount(page, '€ 337,68');
  await assertNoViolations('the year note (year=2027)');
});

test('an invalid income ("veel") after leaving the field', async () => {
  await fresh();
  await typeInto(page, 'income', 'veel');
  await page.locator('#income-error').waitFor();
  await assertNoViolations('the error state (income "veel")');
});

test('a full result (case E, partner) with every <details> open', async () => {
  await fresh();
  await fillCase(page, E);
  await expectAmount(page, '€ 397,17');
  await settle(page);
  for (const sel of ['.split', '.timeline', '.compare', '.partner-options', '.curve-section', '.what-if']) {
    assert.equal(await page.locator(sel).count(), 1, `${sel} is shown with the result`);
  }
  await openAllDetails(page);
  await assertNoViolations('the result of case E with all <details> open');
});

test('the English version of a result', async () => {
  await fresh('year=2024&age=70&care=instelling&income=24000&assets=40000'
    + '&partner-age=68&partner-care=none&partner-income=23000&partner-assets=40000&lang=en');
  await expectAmount(page, '€397.17');
  assert.equal(await page.locator('html').getAttribute('lang'), 'en');
  await openAllDetails(page);
  await assertNoViolations('the English result of case E');
});

test('no page errors and no console errors', () => {
  assert.deepEqual(problems, []);
});
