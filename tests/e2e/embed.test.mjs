// The widget (web/embed.js + web/frame.js) on a care office's page from
// another origin: two servers, two origins. The host pages come from one
// (a rewritten copy of dist/demo-host.html and pages written here), the
// calculator from the other. The pages' CSPs are enforced (launchStrict).
//
// Checked: spec case M inside the iframe; the iframe's height follows the
// content (no scrollbar); the theme from data-* attributes arrives, bad
// values are refused; resize messages from another origin, another frame or
// of another shape are ignored; several widgets size each on their own; the
// script loaded twice makes no extra widget; in a single-page app mount()
// refills a div whose iframe was removed and the registry drops removed
// iframes (and knows one put back again); links to other sites open a new
// tab; axe inside the frame and on the host page; no errors; no request to
// any origin but the two servers.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {
  DIST, startServer, launchStrict, watchErrors, recordRequests, snapshotBuild,
  fillCase, expectAmount, amountText, regimeText, settle, openAllDetails, until, CASES,
  injectAxe, axeViolations, formatViolations,
} from './lib.mjs';

const TYPE = 'wlz-bijdrage:resize';
// The popup of a link to the CAK: answered by the test itself, never the network.
const CAK_WLZ_URL = 'https://www.hetcak.nl/regelingen/zorg-vanuit-de-wlz';

let widget, host, hostDir, browser, problems, requests, page;

/** A host page that loads the widget from `widgetOrigin`. */
function multiPage(widgetOrigin) {
  return `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><title>Two widgets</title>
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; script-src ${widgetOrigin}; frame-src ${widgetOrigin} 'self'">
</head>
<body><main>
<h1>Two widgets, the script twice</h1>
<div data-wlz-bijdrage id="w1" data-color-primary="#5a2d82"></div>
<div data-wlz-bijdrage id="w2" data-lang="en" data-year="2025"
  data-color-primary="#7a1f1f"
  data-color-text="red;background:url(http://evil.invalid/a.png)"
  data-color-background="expression(alert(1))"
  data-font-family="x}body{background:url(//evil.invalid/b.png)}"
  data-space="1rem;display:none"
  data-border-radius="calc(1px + 1px)"></div>
<script src="${widgetOrigin}/embed.js" async></script>
<script src="${widgetOrigin}/embed.js" async></script>
</main></body></html>
`;
}

/** Two script tags, no targets: one calculator. */
function twicePage(widgetOrigin) {
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Twice</title></head>
<body><main><h1>The snippet pasted twice</h1>
<script src="${widgetOrigin}/embed.js" data-lang="en" async></script>
<p>Between the two.</p>
<script src="${widgetOrigin}/embed.js" data-lang="en" async></script>
</main></body></html>
`;
}

/** A single-page app: one div now; the test adds, removes and puts back the rest. */
function spaPage(widgetOrigin) {
  return `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><title>Single-page app</title>
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; script-src ${widgetOrigin}; frame-src ${widgetOrigin}">
</head>
<body><main><h1>A page that changes</h1>
<div data-wlz-bijdrage id="s1"></div>
<script src="${widgetOrigin}/embed.js" async></script>
</main></body></html>
`;
}

before(async () => {
  widget = await startServer();
  // The host: a copy of the build whose demo page loads embed.js from the widget's origin.
  const build = await snapshotBuild(DIST);
  hostDir = fs.mkdtempSync(path.join(os.tmpdir(), 'wlz-host-'));
  fs.cpSync(build, hostDir, { recursive: true });
  fs.rmSync(build, { recursive: true, force: true });
  const demo = fs.readFileSync(path.join(hostDir, 'demo-host.html'), 'utf8');
  const rewritten = demo
    .replace('src="embed.js"', `src="${widget.origin}/embed.js"`)
    .replace("script-src 'self'", `script-src ${widget.origin}`)
    .replace("frame-src 'self'", `frame-src ${widget.origin}`);
  assert.notEqual(rewritten, demo);
  assert.ok(rewritten.includes(`src="${widget.origin}/embed.js"`), 'the demo page loads embed.js relatively');
  fs.writeFileSync(path.join(hostDir, 'demo-host.html'), rewritten);
  fs.writeFileSync(path.join(hostDir, 'multi.html'), multiPage(widget.origin));
  fs.writeFileSync(path.join(hostDir, 'twice.html'), twicePage(widget.origin));
  fs.writeFileSync(path.join(hostDir, 'spa.html'), spaPage(widget.origin));
  host = await startServer(hostDir);
  assert.notEqual(host.origin, widget.origin);

  browser = await launchStrict();
  requests = recordRequests(browser.context);
  problems = watchErrors(browser.context);
  await browser.context.route(`${CAK_WLZ_URL}**`, (route) => route.fulfill({
    status: 200, contentType: 'text/html', body: '<!doctype html><title>CAK (test)</title><p>test</p>',
  }));
  page = await browser.context.newPage();
  await page.goto(`${host.origin}/demo-host.html`);
});

after(async () => {
  await browser?.close();
  await widget?.close();
  await host?.close();
  if (hostDir) fs.rmSync(hostDir, { recursive: true, force: true });
});

/** The Frame of the n-th iframe of `p` once the calculator has started in it. */
async function widgetFrame(p, n = 0) {
  const frame = await p.locator('iframe').nth(n).elementHandle().then((h) => h.contentFrame());
  await frame.locator('form#questions').waitFor({ state: 'attached' });
  return frame;
}

/** The iframe's height on the host page and the frame's own measures. */
async function measures(p, n, frame) {
  const iframe = await p.locator('iframe').nth(n).evaluate((el) => el.getBoundingClientRect().height);
  const inner = await frame.evaluate(() => ({
    scrollHeight: document.documentElement.scrollHeight,
    scrollWidth: document.documentElement.scrollWidth,
    content: document.documentElement.getBoundingClientRect().height,
    innerHeight: window.innerHeight,
    innerWidth: window.innerWidth,
  }));
  return { iframe, ...inner };
}

/**
 * Waits until the n-th iframe is as tall as its content (within 2 px) and
 * the frame needs no scrollbar; returns the measures.
 */
async function fits(p, n, frame, what) {
  let m;
  await until(p, async () => {
    m = await measures(p, n, frame);
    return Math.abs(m.iframe - m.scrollHeight) <= 2
      && Math.abs(m.content - m.scrollHeight) <= 2
      && m.scrollHeight <= m.innerHeight
      && m.scrollWidth <= m.innerWidth;
  }, `the iframe to fit its content (${what}): ${JSON.stringify(m)}`, 8000).catch((e) => {
    throw new Error(`${e.message}; last ${JSON.stringify(m)}`);
  });
  return m;
}

const rootVar = (frame, name) => frame.evaluate(
  (n) => getComputedStyle(document.documentElement).getPropertyValue(n).trim(), name);
const inlineVar = (frame, name) => frame.evaluate(
  (n) => document.documentElement.style.getPropertyValue(n), name);

test('the demo page embeds the calculator from the other origin, in embed mode, themed', async () => {
  const iframe = page.locator('iframe');
  assert.equal(await iframe.count(), 1);
  const src = new URL(await iframe.getAttribute('src'));
  assert.equal(src.origin, widget.origin);
  assert.equal(src.pathname, '/index.html');
  assert.equal(src.searchParams.get('embed'), '1');
  assert.equal(src.searchParams.get('embed-origin'), host.origin);
  assert.equal(src.searchParams.get('theme-color-primary'), '#00594f');
  assert.equal(await iframe.getAttribute('title'), 'Rekenhulp: uw eigen bijdrage voor Wlz-zorg');
  assert.match(await iframe.getAttribute('sandbox'), /allow-scripts/);
  assert.doesNotMatch(await iframe.getAttribute('sandbox'), /allow-top-navigation/);
  // The iframe is where the script tag is.
  assert.equal(await page.locator('.widget > script + iframe').count(), 1);

  const frame = await widgetFrame(page);
  assert.equal(await frame.locator('.embed-bar').count(), 1);
  assert.equal(await frame.locator('.site-header, .site-footer, #about-title').count(), 0);
  // data-year presets the year without submitting the empty form.
  assert.equal(await frame.locator('#year').inputValue(), '2026');
  await settle(frame);
  assert.equal(await frame.locator('#error-summary, .error-message').count(), 0);

  // The theme arrives as custom properties, and the page uses them.
  assert.equal(await rootVar(frame, '--wlz-color-primary'), '#00594f');
  assert.equal(await rootVar(frame, '--wlz-color-surface'), '#f4f1ea');
  assert.equal(await rootVar(frame, '--wlz-border-radius'), '2px');
  assert.equal(await rootVar(frame, '--wlz-color-error'), '#b3261e', 'tokens not set keep their value');
  const styles = await frame.evaluate(() => {
    const button = getComputedStyle(document.querySelector('button[type=submit]'));
    const input = getComputedStyle(document.querySelector('#age'));
    return {
      button: button.backgroundColor, color: button.color,
      radius: input.borderTopLeftRadius, font: getComputedStyle(document.body).fontFamily,
    };
  });
  assert.deepEqual(styles, {
    button: 'rgb(0, 89, 79)', color: 'rgb(255, 255, 255)', radius: '2px',
    font: 'Georgia, "DejaVu Serif", serif',
  });
});

test('case M inside the iframe; the iframe grows and shrinks with its content, never a scrollbar', async () => {
  const frame = await widgetFrame(page);
  const empty = await fits(page, 0, frame, 'the empty form');
  assert.ok(empty.iframe > 1500, `the empty form is taller than the initial 1200 px (${empty.iframe})`);

  await fillCase(frame, CASES.M);
  await expectAmount(frame, '€ 337,68');
  assert.equal((await regimeText(frame)).trim(), 'Lage eigen bijdrage');
  await settle(frame);
  const result = await fits(page, 0, frame, 'the result of case M');
  assert.ok(result.iframe > empty.iframe + 300,
    `the result makes the iframe taller (${empty.iframe} → ${result.iframe})`);

  await openAllDetails(frame);
  const details = await fits(page, 0, frame, 'every <details> open');
  assert.ok(details.iframe > result.iframe + 100,
    `opened <details> make the iframe taller (${result.iframe} → ${details.iframe})`);
  // The host page scrolls, the frame does not.
  assert.ok(await page.evaluate(() => document.documentElement.scrollHeight) > details.iframe);

  // "Vergeet mijn gegevens": the result goes, the iframe shrinks again.
  await frame.locator('#forget').click();
  await frame.locator('#monthly-amount').waitFor({ state: 'detached' });
  const forgotten = await fits(page, 0, frame, 'after forgetting');
  assert.ok(forgotten.iframe < details.iframe - 300,
    `the iframe shrinks (${details.iframe} → ${forgotten.iframe})`);
});

test('links to other sites open a new tab; the error summary links stay in the frame', async () => {
  const frame = await widgetFrame(page);
  const frameUrl = frame.url();
  await frame.locator('button[type=submit]').click();
  await frame.locator('#error-summary').waitFor();
  const inPage = frame.locator('#error-summary a');
  assert.ok(await inPage.count() >= 3);
  assert.equal(await frame.locator('#error-summary a[target]').count(), 0);
  await inPage.first().click();
  assert.equal(await frame.evaluate(() => document.activeElement?.id), 'age');
  assert.equal(frame.url(), frameUrl);

  const external = await frame.locator('a[href^="http"]').evaluateAll((as) => as.map((a) => ({
    target: a.target, rel: a.rel, hidden: a.querySelector('.visually-hidden')?.textContent,
  })));
  assert.ok(external.length >= 10, `${external.length} links to other sites`);
  for (const a of external) {
    assert.deepEqual(a, { target: '_blank', rel: 'noopener noreferrer', hidden: ' (opent in een nieuw tabblad)' });
  }
  // A click opens a tab (the sandbox allows popups); the calculator stays.
  const [tab] = await Promise.all([
    browser.context.waitForEvent('page'),
    frame.locator(`a[href="${CAK_WLZ_URL}"]`).first().click(),
  ]);
  await tab.waitForLoadState();
  assert.equal(tab.url(), CAK_WLZ_URL);
  await tab.close();
  assert.equal(frame.url(), frameUrl);
  assert.equal(await page.url(), `${host.origin}/demo-host.html`);
});

test('axe inside the iframe (result and errors) and on the demo host page: no violations', async () => {
  const frame = await widgetFrame(page);
  await fillCase(frame, CASES.M);
  await expectAmount(frame, '€ 337,68');
  await openAllDetails(frame);
  await injectAxe(frame);
  const inFrame = await axeViolations(frame);
  assert.equal(inFrame.length, 0, `axe in the iframe:\n${formatViolations(inFrame)}`);

  await injectAxe(page);
  const onHost = await axeViolations(page);
  assert.equal(onHost.length, 0, `axe on the demo host page:\n${formatViolations(onHost)}`);
  await frame.locator('#forget').click();
});

test('two widgets size each on their own; the script twice adds none; bad theme values are refused', async () => {
  const p = await browser.context.newPage();
  await p.goto(`${host.origin}/multi.html`);
  await p.waitForLoadState('load'); // both async scripts have run
  assert.equal(await p.locator('iframe').count(), 2, 'one iframe per target, none for the second script');
  assert.equal(await p.locator('#w1 > iframe').count(), 1);
  assert.equal(await p.locator('#w2 > iframe').count(), 1);
  assert.equal(await p.locator('#w2 > iframe').getAttribute('title'), 'Calculator: your own contribution for Wlz care');

  const f1 = await widgetFrame(p, 0);
  const f2 = await widgetFrame(p, 1);
  const a = await fits(p, 0, f1, 'widget 1, empty');
  await p.locator('#w2').scrollIntoViewIfNeeded();
  const b = await fits(p, 1, f2, 'widget 2, empty');
  assert.equal(await f2.locator('html').getAttribute('lang'), 'en');
  assert.equal(await f2.locator('#year').inputValue(), '2025');

  await p.locator('#w1').scrollIntoViewIfNeeded();
  await fillCase(f1, CASES.M);
  await expectAmount(f1, '€ 337,68');
  await settle(f1);
  const a2 = await fits(p, 0, f1, 'widget 1 with the result');
  assert.ok(a2.iframe > a.iframe + 300, `widget 1 grows (${a.iframe} → ${a2.iframe})`);
  await p.locator('#w2').scrollIntoViewIfNeeded();
  const b2 = await fits(p, 1, f2, 'widget 2, still empty');
  assert.equal(b2.iframe, b.iframe, 'widget 2 keeps its height');

  // Theme: valid values apply, each widget its own; bad ones are refused.
  assert.equal(await rootVar(f1, '--wlz-color-primary'), '#5a2d82');
  assert.equal(await rootVar(f2, '--wlz-color-primary'), '#7a1f1f');
  const src = new URL(await p.locator('#w2 > iframe').getAttribute('src'));
  assert.equal(src.searchParams.get('theme-color-text'), 'red;background:url(http://evil.invalid/a.png)',
    'the bad value does reach the frame');
  for (const token of ['color-text', 'color-background', 'font-family', 'space', 'border-radius']) {
    assert.equal(await inlineVar(f2, `--wlz-${token}`), '', `--wlz-${token} is refused`);
  }
  assert.equal(await rootVar(f2, '--wlz-color-text'), '#1a1a1a');
  const look = await f2.evaluate(() => ({
    bg: getComputedStyle(document.body).backgroundImage,
    color: getComputedStyle(document.body).backgroundColor,
    display: getComputedStyle(document.querySelector('.layout')).display,
  }));
  assert.deepEqual(look, { bg: 'none', color: 'rgb(255, 255, 255)', display: 'grid' });
  await f1.locator('#forget').click();
  await p.close();
});

test('resize messages from another origin, another frame or of another shape are ignored', async () => {
  const p = await browser.context.newPage();
  await p.goto(`${host.origin}/multi.html`);
  await p.waitForLoadState('load');
  const f1 = await widgetFrame(p, 0);
  await fits(p, 0, f1, 'widget 1');
  // Record every height the loader sets on the two widgets.
  await p.evaluate(() => {
    window.heights = [];
    for (const iframe of document.querySelectorAll('iframe')) {
      new MutationObserver(() => window.heights.push(iframe.style.height))
        .observe(iframe, { attributes: true, attributeFilter: ['style'] });
    }
  });
  const seen = () => p.evaluate(() => window.heights.slice());
  const post = (target, message) => target.evaluate(
    ([m]) => window.parent.postMessage(m, '*'), [message]);

  // The host page itself (right shape, wrong source).
  await p.evaluate(([type]) => window.postMessage({ type, height: 4301 }, '*'), [TYPE]);
  // Another frame of the host's origin.
  await p.evaluate(() => {
    const f = document.createElement('iframe');
    f.id = 'same-origin';
    f.title = 'same origin';
    document.body.append(f);
  });
  const same = await p.locator('#same-origin').elementHandle().then((h) => h.contentFrame());
  await post(same, { type: TYPE, height: 4302 });
  // Count what the frames made below deliver to this page.
  await p.evaluate(() => {
    window.delivered = { stranger: 0, misdirected: 0 };
    window.addEventListener('message', (e) => {
      for (const id of Object.keys(window.delivered)) {
        if (e.source === document.getElementById(id)?.contentWindow) window.delivered[id] += 1;
      }
    });
  });
  // A frame of the widget's origin that the loader did not make (it runs frame.js and
  // posts its own height too); its URL also carries an unknown token and a bad value.
  await p.evaluate(([origin, hostOrigin]) => {
    const f = document.createElement('iframe');
    f.id = 'stranger';
    f.title = 'stranger';
    f.src = `${origin}/index.html?embed=1&embed-origin=${encodeURIComponent(hostOrigin)}`
      + '&theme-color-lage=%23000000&theme-color-text=url(x)&theme-max-width=30rem';
    document.body.append(f);
  }, [widget.origin, host.origin]);
  const stranger = await p.locator('#stranger').elementHandle().then((h) => h.contentFrame());
  await stranger.locator('form#questions').waitFor({ state: 'attached' });
  // The frame posts only to the origin declared in its URL: told another one,
  // the browser does not deliver its heights to this page.
  await p.evaluate(([origin]) => {
    const f = document.createElement('iframe');
    f.id = 'misdirected';
    f.title = 'misdirected';
    f.src = `${origin}/index.html?embed=1&embed-origin=${encodeURIComponent(origin)}`;
    document.body.append(f);
  }, [widget.origin]);
  const misdirected = await p.locator('#misdirected').elementHandle().then((h) => h.contentFrame());
  await misdirected.locator('form#questions').waitFor({ state: 'attached' });
  await post(stranger, { type: TYPE, height: 4303 });
  assert.equal(await rootVar(stranger, '--wlz-max-width'), '30rem', 'a whitelisted token applies');
  assert.equal(await rootVar(stranger, '--wlz-color-lage'), '#0b5323', 'a token not on the list is ignored');
  assert.equal(await rootVar(stranger, '--wlz-color-text'), '#1a1a1a', 'url() is refused');
  // The right frame, with messages of another shape.
  const bad = [
    { type: TYPE, height: '4304' },
    { type: TYPE, height: 4305, extra: 'x' },
    { type: `${TYPE} `, height: 4306 },
    { type: TYPE, height: Infinity },
    { type: TYPE, height: NaN },
    { type: TYPE, height: 99999 },
    { type: TYPE, height: 50 },
    [TYPE, 4307],
    JSON.stringify({ type: TYPE, height: 4308 }),
    { height: 4309 },
  ];
  for (const m of bad) await post(f1, m);
  // The right frame with the right shape: taken (the recorder sees it), then
  // the frame puts its true height back.
  await post(f1, { type: TYPE, height: 4444 });
  await until(p, async () => (await seen()).includes('4444px'), 'the good message to be applied');
  await fits(p, 0, f1, 'after the good message');

  // The registered iframe, navigated to the host's origin: right source, wrong origin.
  await p.evaluate(() => { document.querySelector('#w2 > iframe').src = 'about:blank'; });
  await until(p, async () => {
    const f = await p.locator('#w2 > iframe').elementHandle().then((h) => h.contentFrame());
    return f && f.url() === 'about:blank' && (await f.evaluate(() => origin)) === host.origin;
  }, 'widget 2 on about:blank');
  const moved = await p.locator('#w2 > iframe').elementHandle().then((h) => h.contentFrame());
  assert.equal(await moved.evaluate(() => origin), host.origin);
  await post(moved, { type: TYPE, height: 4310 });

  await p.waitForTimeout(300);
  const heights = await seen();
  assert.ok(heights.includes('4444px'));
  const forged = heights.filter((h) => /^(43\d\d|99999|50|Infinity|NaN)px$/.test(h));
  assert.deepEqual(forged, [], `forged heights applied: ${heights.join(', ')}`);
  assert.equal(await p.locator('#stranger').evaluate((el) => el.style.height), '', 'the loader leaves other iframes alone');
  const delivered = await p.evaluate(() => window.delivered);
  assert.ok(delivered.stranger > 0, 'a frame told this origin posts its height here');
  assert.equal(delivered.misdirected, 0, 'a frame told another origin posts nothing here');
  await p.close();
});

test('the script pasted twice gives one calculator; the demo page also works from one origin', async () => {
  const p = await browser.context.newPage();
  await p.goto(`${host.origin}/twice.html`);
  await p.waitForLoadState('load');
  assert.equal(await p.locator('iframe').count(), 1);
  assert.equal(await p.locator('script + iframe').count(), 1, 'after a script tag');
  const f = await widgetFrame(p, 0);
  assert.equal(await f.locator('html').getAttribute('lang'), 'en');
  await fits(p, 0, f, 'the one calculator');

  // dist/ as built: demo page, embed.js and the calculator on one origin.
  await p.goto(`${widget.origin}/demo-host.html`);
  const iframe = p.locator('iframe');
  assert.equal(new URL(await iframe.getAttribute('src')).origin, widget.origin);
  assert.equal(await iframe.getAttribute('sandbox'), null, 'no sandbox on its own origin');
  const same = await widgetFrame(p, 0);
  await fits(p, 0, same, 'the demo on one origin');
  assert.equal(await rootVar(same, '--wlz-color-primary'), '#00594f');
  await p.close();
});

test('single-page apps: mount() refills a div whose iframe was removed, leaves one with its own, and the registry follows the page', async () => {
  const p = await browser.context.newPage();
  await p.goto(`${host.origin}/spa.html`);
  await p.waitForLoadState('load');
  // The registry against the page: how many frames it holds, how many iframes
  // the page has (all of them the loader's), and whether they are the same ones.
  const state = () => p.evaluate(() => {
    const frames = window.wlzBijdrage.frames.map((w) => w.frame);
    const iframes = [...document.querySelectorAll('iframe')];
    return {
      registered: frames.length,
      inPage: iframes.length,
      same: frames.every((f) => iframes.includes(f)) && iframes.every((f) => frames.includes(f)),
    };
  });
  const mount = () => p.evaluate(() => window.wlzBijdrage.mount());
  assert.deepEqual(await state(), { registered: 1, inPage: 1, same: true });

  // The host removes the iframe and keeps the div: mount() puts a fresh calculator in it.
  await p.evaluate(() => {
    window.removed = document.querySelector('#s1 > iframe');
    window.removed.remove();
  });
  assert.equal(await mount(), 1);
  assert.deepEqual(await state(), { registered: 1, inPage: 1, same: true }, 'the removed iframe is dropped');
  assert.equal(await p.locator('#s1 > iframe').count(), 1);
  assert.ok(await p.evaluate(() => document.querySelector('#s1 > iframe') !== window.removed), 'a new iframe');
  const fresh = await widgetFrame(p, 0);
  await fits(p, 0, fresh, 'the fresh calculator');
  await fillCase(fresh, CASES.M);
  await expectAmount(fresh, '€ 337,68');

  // mount() on a div that has its calculator changes nothing: same iframe, the result stays.
  await p.evaluate(() => { window.kept = document.querySelector('#s1 > iframe'); });
  assert.equal(await mount(), 1);
  assert.equal(await mount(), 1);
  assert.deepEqual(await state(), { registered: 1, inPage: 1, same: true });
  assert.ok(await p.evaluate(() => document.querySelector('#s1 > iframe') === window.kept), 'the same iframe');
  assert.equal((await amountText(fresh)).trim(), '€ 337,68');

  // A div added later gets its own; removed with its iframe, it is pruned at the next mount().
  await p.evaluate(() => {
    const d = document.createElement('div');
    d.id = 's2';
    d.setAttribute('data-wlz-bijdrage', '');
    document.querySelector('main').append(d);
  });
  assert.equal(await mount(), 2);
  assert.deepEqual(await state(), { registered: 2, inPage: 2, same: true });
  await widgetFrame(p, 1);
  await p.evaluate(() => document.querySelector('#s2').remove());
  assert.equal(await mount(), 1);
  assert.deepEqual(await state(), { registered: 1, inPage: 1, same: true }, 'pruned by mount()');

  // Pruned on a message too, without mount(): a third div's iframe is removed, then
  // the first calculator posts its height (as it does after every change).
  await p.evaluate(() => {
    const d = document.createElement('div');
    d.id = 's3';
    d.setAttribute('data-wlz-bijdrage', '');
    document.querySelector('main').append(d);
  });
  assert.equal(await mount(), 2);
  await p.evaluate(() => document.querySelector('#s3 > iframe').remove());
  await fresh.evaluate(([type]) => window.parent.postMessage({ type, height: 4321 }, '*'), [TYPE]);
  await until(p, async () => (await state()).registered === 1, 'the registry to drop the removed iframe on a message');
  assert.deepEqual(await state(), { registered: 1, inPage: 1, same: true }, 'pruned by a message');
  await p.evaluate(() => document.querySelector('#s3').remove());

  // A div taken out of the page (its iframe with it) and put back keeps its one
  // calculator: the loader knows the iframe again, from its first message on.
  await p.evaluate(() => {
    window.outside = document.querySelector('#s1');
    window.outside.remove();
  });
  assert.equal(await mount(), 0);
  assert.deepEqual(await state(), { registered: 0, inPage: 0, same: true }, 'nothing left in the page');
  await p.evaluate(() => {
    window.outside.querySelector('iframe').style.height = '300px'; // wrong, for the loader to correct
    document.querySelector('main').append(window.outside);
  });
  const back = await widgetFrame(p, 0);
  const m = await fits(p, 0, back, 'the calculator put back, before any mount()');
  assert.ok(m.iframe > 300, `resized from 300 px (${m.iframe})`);
  assert.deepEqual(await state(), { registered: 1, inPage: 1, same: true });
  assert.equal(await mount(), 1);
  assert.deepEqual(await state(), { registered: 1, inPage: 1, same: true }, 'no second iframe');
  assert.ok(await p.evaluate(() => document.querySelector('#s1 > iframe') === window.kept), 'still the same iframe');
  await back.locator('#forget').click();
  await p.close();
});

test('no page errors, no console errors, no request to a third origin', () => {
  assert.deepEqual(problems, []);
  assert.ok(requests.some((r) => r.url.startsWith(`${widget.origin}/pkg/wlz_web_bg.wasm`)));
  assert.ok(requests.some((r) => r.url === `${host.origin}/demo-host.html`));
  const third = requests.filter(({ url }) => {
    if (/^(data|blob|about):/.test(url) || url === CAK_WLZ_URL) return false;
    const { origin } = new URL(url);
    return origin !== widget.origin && origin !== host.origin;
  });
  assert.deepEqual(third, []);
});
