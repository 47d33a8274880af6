// The calculator used with the keyboard only: Tab and Shift+Tab between the
// questions, the arrow keys in radio groups and selects, Space and Enter.
// Only page.keyboard drives the page; the test reads the DOM to know where the
// focus is.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  setup, freshForm, gotoApp, expectAmount, regimeText, until,
} from './lib.mjs';

let server, browser, problems, page;
setup((env) => ({ server, browser, problems, page } = env));

/** What has the focus: id, tag, type, and whether a focus style is visible. */
function focused() {
  return page.evaluate(() => {
    const el = document.activeElement;
    if (!el || el === document.body) return { id: '', tag: 'body', visible: false };
    const cs = getComputedStyle(el);
    const outline = cs.outlineStyle !== 'none' && parseFloat(cs.outlineWidth) > 0;
    const shadow = cs.boxShadow && cs.boxShadow !== 'none';
    return {
      id: el.id,
      tag: el.tagName.toLowerCase(),
      type: el.getAttribute('type') || '',
      name: el.getAttribute('name') || '',
      value: 'value' in el ? el.value : '',
      checked: !!el.checked,
      text: (el.textContent || '').trim().slice(0, 40),
      focusVisible: el.matches(':focus-visible'),
      visible: outline || !!shadow,
      style: `outline: ${cs.outlineStyle} ${cs.outlineWidth}; box-shadow: ${cs.boxShadow}`,
    };
  });
}

/** Every Tab stop passed on the way, to check each shows a focus style. */
const stops = [];

/** Presses `key` (Tab or Shift+Tab) until the focused element matches `want`. */
async function tabTo(want, { key = 'Tab', max = 40 } = {}) {
  const matches = typeof want === 'string' ? (f) => f.id === want : want;
  const seen = [];
  for (let i = 0; i < max; i++) {
    await page.keyboard.press(key);
    const f = await focused();
    stops.push(f);
    seen.push(f.id || `${f.tag}:${f.text}`);
    if (matches(f)) return f;
  }
  throw new Error(`${key} never reached ${want}; passed ${seen.join(', ')}`);
}

/** Arrow key in a focused select or radio group until its value is `value`. */
async function arrowTo(value, { max = 12 } = {}) {
  for (let i = 0; i < max; i++) {
    const f = await focused();
    if (f.value === value && (f.tag === 'select' || f.checked)) return f;
    await page.keyboard.press(i < max / 2 ? 'ArrowDown' : 'ArrowUp');
  }
  const f = await focused();
  throw new Error(`arrow keys did not reach ${value}; focus is on ${JSON.stringify(f)}`);
}

async function typeHere(text) {
  await page.keyboard.press('Control+A');
  await page.keyboard.press('Backspace');
  await page.keyboard.type(text);
}

/** A fresh page, focus on the document (as after a click on the page's background). */
async function freshPage() {
  await freshForm(page, server.url);
  await page.evaluate(() => document.activeElement?.blur());
}

test('case M with the keyboard only → € 337,68; submit moves focus to the result', async () => {
  await freshPage();

  // 1. Household: the year (2026), no partner (the default), age.
  await tabTo('year');
  // A closed select changes with the arrow keys. The default year depends on
  // today's date; step away from 2026 first so both directions are used.
  let f = await focused();
  if (f.value === '2026') {
    await page.keyboard.press('ArrowUp');
    f = await focused();
    assert.equal(f.value, '2025', 'ArrowUp selects the previous year');
    assert.match(await page.locator('label[for=age]').textContent(), /2025/,
      'the age question follows the chosen year');
  }
  f = await arrowTo('2026');
  assert.equal(f.value, '2026', 'the year select follows the arrow keys');

  f = await tabTo((x) => x.name === 'partner');
  assert.equal(f.id, 'partner', 'Tab lands on the checked radio of the partner group ("no partner")');
  assert.equal(f.checked, true);

  await tabTo('age');
  await typeHere('70');

  // 2. Care: Tab enters the group on its first radio; ArrowDown checks vpt.
  f = await tabTo((x) => x.name === 'care');
  assert.equal(f.id, 'care', 'no radio is checked yet, so Tab enters on the first');
  await page.keyboard.press('ArrowDown');
  f = await focused();
  assert.equal(f.id, 'care-vpt');
  assert.equal(f.checked, true, 'ArrowDown checks the next radio');
  // Space on a checked radio keeps it checked.
  await page.keyboard.press('Space');
  assert.equal((await focused()).checked, true);

  // 3. Income, typed in Dutch notation; 4. assets.
  await tabTo('income');
  await typeHere('38.000');
  await tabTo('assets');
  await typeHere('100000');
  await expectAmount(page, '€ 337,68');
  assert.equal((await regimeText(page)).trim(), 'Lage eigen bijdrage');

  // Shift+Tab goes back to the income field, with the value kept.
  f = await tabTo('income', { key: 'Shift+Tab' });
  assert.equal(f.value, '38.000');

  // Enter in a text field submits the form: focus moves to the result.
  await page.keyboard.press('Enter');
  await until(page, async () => (await focused()).id === 'result-title', 'focus on #result-title after Enter');
  await expectAmount(page, '€ 337,68');

  // The submit button, reached with Tab and pressed with Space, does the same.
  // Shift+Tab from the result heading goes back through the form's buttons.
  f = await tabTo((x) => x.tag === 'button' && x.type === 'submit', { key: 'Shift+Tab' });
  assert.equal(f.text, 'Bereken');
  await page.keyboard.press('Space');
  await until(page, async () => (await focused()).id === 'result-title', 'focus on #result-title after Space on the button');
  f = await focused();
  assert.ok(f.visible, `#result-title has a visible focus style after a keyboard submit (${f.style})`);
});

test('empty form submitted by keyboard: error summary gets focus, its first link leads to #age', async () => {
  await freshPage();
  let f = await tabTo((x) => x.tag === 'button' && x.type === 'submit');
  await page.keyboard.press('Enter');
  await until(page, async () => (await focused()).id === 'error-summary', 'focus on #error-summary');
  f = await focused();
  assert.ok(f.visible, `#error-summary shows that it has focus (${f.style})`);
  assert.equal(await page.locator('#error-summary').getAttribute('role'), 'alert');
  const links = await page.locator('#error-summary a').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
  assert.deepEqual(links, ['#age', '#care', '#income']);

  f = await tabTo((x) => x.tag === 'a');
  assert.equal(await page.evaluate(() => document.activeElement.getAttribute('href')), '#age');
  await page.keyboard.press('Enter');
  await until(page, async () => (await focused()).id === 'age', 'focus on #age after Enter on the link');
  f = await focused();
  assert.ok(f.visible, `#age shows focus (${f.style})`);

  // Submitting again brings focus back to the summary; its second link leads
  // to the care group's first radio.
  await tabTo((x) => x.tag === 'button' && x.type === 'submit');
  await page.keyboard.press('Enter');
  await until(page, async () => (await focused()).id === 'error-summary', 'focus on #error-summary again');
  await page.keyboard.press('Tab');
  await page.keyboard.press('Tab');
  assert.equal(await page.evaluate(() => document.activeElement.getAttribute('href')), '#care');
  await page.keyboard.press('Enter');
  await until(page, async () => (await focused()).id === 'care', 'focus on #care after its link');
});

test('every Tab stop shows a visible focus style', async () => {
  await freshPage();
  const more = [];
  for (let i = 0; i < 12; i++) {
    await page.keyboard.press('Tab');
    more.push(await focused());
  }
  const all = [...stops, ...more].filter((f) => f.tag !== 'body');
  if (process.env.WLZ_E2E_DEBUG) console.log(all.map((f) => `${f.tag}#${f.id}`).join(' '));
  assert.ok(all.length >= 12, 'enough Tab stops were seen');
  const bad = all.filter((f) => !f.visible);
  assert.deepEqual(bad.map((f) => `${f.tag}#${f.id} "${f.text}": ${f.style}`), [],
    'focused elements without an outline or box-shadow');
  const notFocusVisible = all.filter((f) => !f.focusVisible);
  assert.deepEqual(notFocusVisible.map((f) => `${f.tag}#${f.id}`), [], 'Tab focus matches :focus-visible');
});

test('no page errors and no console errors', () => {
  assert.deepEqual(problems, []);
});
