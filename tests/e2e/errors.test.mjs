// Error handling: an amount that is not an amount gets a message next to the
// field once the field is left (not while typing), the field is marked
// aria-invalid, and the amounts people write in Dutch or English notation are
// accepted and give the same result.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  setup, freshForm, gotoApp, fillCase, expectAmount, until,
  typeInto, CASES,
} from './lib.mjs';

let server, browser, problems, page;
setup((env) => ({ server, browser, problems, page } = env));

async function fresh() {
  await freshForm(page, server.url);
}

/** The visible error of a field (null if none), and its aria state. */
async function fieldState(id) {
  return page.evaluate((id) => {
    const input = document.getElementById(id);
    const err = document.getElementById(`${id}-error`);
    return {
      error: err ? err.textContent.trim() : null,
      invalid: input.getAttribute('aria-invalid'),
      describedby: (input.getAttribute('aria-describedby') || '').split(/\s+/),
    };
  }, id);
}

test('"veel" as income: a Dutch message once the field is left, and aria-invalid', async () => {
  await fresh();
  const income = page.locator('#income');
  await income.click();
  await income.pressSequentially('veel');
  // While typing, no error yet.
  let s = await fieldState('income');
  assert.equal(s.error, null, 'no error while the person is still typing');
  assert.equal(s.invalid, 'false');

  await income.blur();
  s = await until(page, async () => {
    const st = await fieldState('income');
    return st.error ? st : null;
  }, '#income-error after blur');
  assert.match(s.error, /bedrag/i, `a Dutch message: ${s.error}`);
  assert.doesNotMatch(s.error, /\bamount\b/i, `not English: ${s.error}`);
  assert.equal(s.invalid, 'true');
  assert.ok(s.describedby.includes('income-error'), 'the message is linked with aria-describedby');
  assert.ok(await page.locator('#income-error').isVisible());

  // Corrected: the error goes away.
  await typeInto(page, 'income', '38000');
  await until(page, async () => (await fieldState('income')).error === null, 'the error to disappear');
  s = await fieldState('income');
  assert.equal(s.invalid, 'false');
  assert.ok(!s.describedby.includes('income-error'));
});

test('"1,2,3" as assets is an error; "€ 1.234" is accepted', async () => {
  await fresh();
  await typeInto(page, 'assets', '1,2,3');
  const s = await until(page, async () => {
    const st = await fieldState('assets');
    return st.error ? st : null;
  }, '#assets-error after blur');
  assert.equal(s.invalid, 'true');

  await typeInto(page, 'assets', '€ 1.234');
  await until(page, async () => (await fieldState('assets')).error === null, 'no error for € 1.234');
  assert.equal((await fieldState('assets')).invalid, 'false');

  await typeInto(page, 'income', '€ 1.234');
  await page.waitForTimeout(100);
  assert.equal((await fieldState('income')).error, null, '€ 1.234 is an amount');
});

test('Dutch and English notations of 38000 all give case M: € 337,68', async () => {
  await fresh();
  await fillCase(page, CASES.M);
  await expectAmount(page, '€ 337,68');
  for (const income of ['38000', '38.000', '38.000,00', '38,000.00', '€ 38.000', '€38000', '38000,00']) {
    await typeInto(page, 'income', '1');
    await expectAmount(page, /^€ \d/);
    await typeInto(page, 'income', income);
    await expectAmount(page, '€ 337,68').catch((e) => {
      throw new Error(`income typed as ${JSON.stringify(income)}: ${e.message}`);
    });
    assert.equal((await fieldState('income')).error, null, `no error for ${income}`);
  }
});

test('the empty form submitted: errors at age, care and income, linked from the summary', async () => {
  await fresh();
  assert.equal(await page.locator('.error-message').count(), 0, 'no errors before anything is done');
  await page.locator('button[type=submit]').click();
  await page.locator('#error-summary').waitFor();
  for (const id of ['age', 'care', 'income']) {
    await page.locator(`#${id}-error`).waitFor();
  }
  assert.equal(await page.locator('#age').getAttribute('aria-invalid'), 'true');
  assert.equal(await page.locator('#income').getAttribute('aria-invalid'), 'true');
  const links = await page.locator('#error-summary a').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
  assert.deepEqual(links, ['#age', '#care', '#income']);

  // Clicking a link focuses the field.
  await page.locator('#error-summary a[href="#income"]').click();
  await until(page, () => page.evaluate(() => document.activeElement?.id === 'income'), 'focus on #income');
  await page.locator('#error-summary a[href="#care"]').click();
  await until(page, () => page.evaluate(() => document.activeElement?.id === 'care'), 'focus on #care');
  await page.locator('#error-summary a[href="#age"]').click();
  await until(page, () => page.evaluate(() => document.activeElement?.id === 'age'), 'focus on #age');

  // In English, the messages are English.
  await page.locator('button.lang-switch').click();
  await until(page, async () => /income/i.test(await page.locator('#income-error').textContent()),
    'the income message in English');
  await page.locator('button.lang-switch').click();
});

test('a link for 2027 (amounts not published yet): 2026 is shown, with a note by the year', async () => {
  await freshForm(page, server.url, 'year=2027&care=vpt&age=70&income=38000&assets=100000');
  const note = page.locator('#year-note');
  await note.waitFor();
  assert.ok(await note.isVisible());
  assert.equal((await note.textContent()).trim(), 'De bedragen voor 2027 zijn nog niet bekend; u ziet 2026.');
  assert.equal(await note.getAttribute('role'), 'status');
  assert.equal(await page.locator('#year').inputValue(), '2026');
  assert.ok((await page.locator('#year').getAttribute('aria-describedby')).split(/\s+/).includes('year-note'));
  await expectAmount(page, '€ 337,68');

  // In English, the note is English.
  await page.locator('button.lang-switch').click();
  await until(page, async () => /not known yet/.test(await note.textContent()), 'the note in English');
  assert.equal((await note.textContent()).trim(), 'The amounts for 2027 are not known yet; you are seeing 2026.');
  await page.locator('button.lang-switch').click();

  // Choosing a year that has amounts removes the note.
  await page.locator('#year').selectOption('2025');
  await until(page, async () => (await page.locator('#year-note').count()) === 0, 'the note to go');

  // The widget's data-year=2027 alone (no answer yet): the same note, and at
  // 320 px it fits without horizontal scrolling.
  const size = page.viewportSize();
  await page.setViewportSize({ width: 320, height: 800 });
  try {
    await freshForm(page, server.url, 'year=2027');
    await page.locator('#year-note').waitFor();
    const fit = await page.evaluate(() => ({
      overflow: document.documentElement.scrollWidth - document.documentElement.clientWidth,
      right: document.getElementById('year-note').getBoundingClientRect().right,
    }));
    assert.ok(fit.overflow <= 0, `no horizontal scroll at 320 px (overflow ${fit.overflow}px)`);
    assert.ok(fit.right <= 320, `the note fits in 320 px (right edge ${fit.right}px)`);
  } finally {
    await page.setViewportSize(size);
  }
  await freshForm(page, server.url);
});

test('no page errors and no console errors', () => {
  assert.deepEqual(problems, []);
});
