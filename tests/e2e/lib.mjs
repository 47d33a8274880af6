import { before, after } from 'node:test';
// Shared code for the end-to-end browser tests: a static server for dist/,
// the browser launch, the page helpers (fill a case like a person, read the
// result), a recorder of requests, page and console errors, and axe.
//
// Run the suite from the repo root with `node --test tests/e2e/`.
// WLZ_DIST=/some/dir serves another build instead of <repo>/dist.

import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

export const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
export const DIST = path.resolve(process.env.WLZ_DIST || path.join(REPO, 'dist'));
export const RESULTS_DIR = path.join(REPO, 'test-results');

const require = createRequire(import.meta.url);
const { chromium } = require(path.join(REPO, 'node_modules', 'playwright-core'));
export const AXE_PATH = path.join(REPO, 'node_modules', 'axe-core', 'axe.min.js');

const MIME = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.wasm': 'application/wasm',
  '.svg': 'image/svg+xml',
  '.webmanifest': 'application/manifest+json',
  '.json': 'application/json',
  '.txt': 'text/plain; charset=utf-8',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
};

/** Whether `dir` holds a finished build (build-web.sh stamps the version last). */
function buildComplete(dir) {
  try {
    const files = ['index.html', ...fs.readdirSync(dir).filter((f) => f.endsWith('.js'))];
    if (!fs.existsSync(path.join(dir, 'pkg', 'wlz_web_bg.wasm'))) return false;
    return files.every((f) => !fs.readFileSync(path.join(dir, f), 'utf8').includes('__VERSION__'));
  } catch {
    return false;
  }
}

const stamp = (dir) => {
  try {
    return fs.readFileSync(path.join(dir, 'version.txt'), 'utf8');
  } catch {
    return '';
  }
};

/**
 * Copies the build into a temporary directory, so that a rebuild of dist/
 * while a test file runs does not change the files under its feet. Waits
 * (up to two minutes) while a build is being written.
 */
export async function snapshotBuild(dir = DIST) {
  const src = path.resolve(dir);
  if (!fs.existsSync(src)) {
    throw new Error(`No build in ${src}: run ./scripts/build-web.sh first (or set WLZ_DIST)`);
  }
  const deadline = Date.now() + 120_000;
  for (;;) {
    if (buildComplete(src)) {
      const before = stamp(src);
      const dst = fs.mkdtempSync(path.join(os.tmpdir(), 'wlz-dist-'));
      let copied = false;
      try {
        fs.cpSync(src, dst, { recursive: true });
        copied = true;
      } catch {
        // A rebuild removed files while we copied: try again.
      }
      if (copied && stamp(src) === before && buildComplete(dst)) return dst;
      fs.rmSync(dst, { recursive: true, force: true });
    }
    if (Date.now() > deadline) {
      throw new Error(`The build in ${src} is incomplete (index.html, boot.js or pkg/ missing or unstamped)`);
    }
    await new Promise((r) => setTimeout(r, 500));
  }
}

/**
 * Serves a snapshot of DIST on 127.0.0.1 on an ephemeral port, ignoring the
 * query string. Returns { origin, url, served, close }.
 */
export async function startServer(dir = DIST) {
  const root = await snapshotBuild(dir);
  const served = [];
  const server = http.createServer((req, res) => {
    let pathname;
    try {
      pathname = decodeURIComponent(new URL(req.url, 'http://x').pathname);
    } catch {
      res.writeHead(400).end();
      return;
    }
    served.push(pathname);
    if (pathname.endsWith('/')) pathname += 'index.html';
    const file = path.resolve(root, '.' + pathname);
    if (!file.startsWith(root + path.sep)) {
      res.writeHead(403).end();
      return;
    }
    fs.readFile(file, (err, body) => {
      if (err) {
        res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
        return;
      }
      res.writeHead(200, {
        'content-type': MIME[path.extname(file).toLowerCase()] || 'application/octet-stream',
        'cache-control': 'no-store',
      });
      res.end(req.method === 'HEAD' ? undefined : body);
    });
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address();
  const origin = `http://127.0.0.1:${port}`;
  return {
    origin,
    url: `${origin}/`,
    served,
    close: () => new Promise((resolve) => {
      server.closeAllConnections?.();
      server.close(() => {
        fs.rmSync(root, { recursive: true, force: true });
        resolve();
      });
    }),
  };
}

/** One browser (a persistent context) per test file. */
export async function launch() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'wlz-e2e-'));
  const context = await chromium.launchPersistentContext(dir, {
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    headless: true,
    bypassCSP: true,
    viewport: { width: 1280, height: 1000 },
    locale: 'nl-NL',
    timezoneId: 'Europe/Amsterdam',
    // No smooth scrolling (the page honours prefers-reduced-motion): clicks
    // need not wait for a scroll animation to end.
    reducedMotion: 'reduce',
    args: [
      '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync',
    ],
  });
  context.setDefaultTimeout(10_000);
  const close = async () => {
    await context.close().catch(() => {});
    fs.rmSync(dir, { recursive: true, force: true });
  };
  return { context, close };
}

/**
 * Collects page errors and console errors of every page of a context.
 * `problems` is asserted empty at the end of each test file.
 */
export function watchErrors(context) {
  const problems = [];
  const watch = (page) => {
    page.on('pageerror', (err) => problems.push(`pageerror on ${page.url()}: ${err.message}`));
    page.on('console', (msg) => {
      if (msg.type() === 'error') problems.push(`console.error on ${page.url()}: ${msg.text()}`);
    });
  };
  context.pages().forEach(watch);
  context.on('page', watch);
  return problems;
}

/** Records every request of the context (URL and resource type). */
export function recordRequests(context) {
  const requests = [];
  context.on('request', (req) => requests.push({ url: req.url(), type: req.resourceType() }));
  return requests;
}

/** Requests that go anywhere but `origin` (data: and blob: URLs are local). */
export function foreignRequests(requests, origin) {
  return requests.filter(({ url }) => {
    if (url.startsWith('data:') || url.startsWith('blob:')) return false;
    try {
      return new URL(url).origin !== origin;
    } catch {
      return true;
    }
  });
}

/** A fresh page with the app started (the form rendered). */
export async function openApp(context, base, query = '') {
  const page = await context.newPage();
  await gotoApp(page, base, query);
  return page;
}

export async function gotoApp(page, base, query = '') {
  const q = typeof query === 'string' ? query : new URLSearchParams(query).toString();
  await page.goto(base + (q ? `?${q.replace(/^\?/, '')}` : ''));
  await page.locator('form#questions').waitFor({ state: 'visible' });
}

/** Starts a page with no remembered data (localStorage cleared, then reloaded). */
export async function openFresh(context, base, query = '') {
  const page = await openApp(context, base);
  await page.evaluate(() => localStorage.clear());
  await gotoApp(page, base, query);
  return page;
}

export const amountText = (page) => page.locator('#monthly-amount').textContent();
export const regimeText = (page) => page.locator('#regime').textContent();

/** Waits until #monthly-amount shows `expected` (a string or a RegExp). */
export async function expectAmount(page, expected, timeout = 5000) {
  const loc = page.locator('#monthly-amount');
  const deadline = Date.now() + timeout;
  let last = null;
  for (;;) {
    last = (await loc.count()) ? (await loc.textContent()).trim() : null;
    const ok = expected instanceof RegExp ? last !== null && expected.test(last) : last === expected;
    if (ok) return last;
    if (Date.now() > deadline) {
      throw new Error(`#monthly-amount: expected ${expected}, got ${JSON.stringify(last)}`);
    }
    await page.waitForTimeout(50);
  }
}

/**
 * Waits until the page's DOM has not changed for `quietMs`. The amount follows
 * every keystroke, but the scenario sections (timeline, comparison, curve,
 * partner options) follow the input only once typing pauses; call this before
 * looking at them.
 */
export async function settle(page, { quietMs = 350, timeout = 8000 } = {}) {
  await page.evaluate(({ quietMs, timeout }) => new Promise((resolve, reject) => {
    const start = Date.now();
    let timer;
    const done = () => {
      obs.disconnect();
      resolve();
    };
    const obs = new MutationObserver(() => {
      clearTimeout(timer);
      if (Date.now() - start > timeout) {
        obs.disconnect();
        reject(new Error(`the page kept changing for ${timeout} ms`));
        return;
      }
      timer = setTimeout(done, quietMs);
    });
    obs.observe(document.documentElement, { subtree: true, childList: true, characterData: true, attributes: true });
    timer = setTimeout(done, quietMs);
  }), { quietMs, timeout });
}

/** Opens every <details> of the page (after the page has settled). */
export async function openAllDetails(page) {
  await settle(page);
  await until(page, async () => {
    const closed = page.locator('details:not([open]) > summary');
    const n = await closed.count();
    for (let i = 0; i < n; i++) await closed.first().click();
    return (await page.locator('details:not([open])').count()) === 0;
  }, 'every <details> open');
}

/** Polls `fn` until it returns a truthy value (or throws after `timeout`). */
export async function until(page, fn, what, timeout = 5000) {
  const deadline = Date.now() + timeout;
  let last;
  for (;;) {
    last = await fn();
    if (last) return last;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what} (last: ${JSON.stringify(last)})`);
    await page.waitForTimeout(50);
  }
}

/** Clicks a radio or checkbox by clicking its label, as a person does. */
export async function clickLabelOf(page, id) {
  await page.locator(`label[for="${id}"]`).click();
}

/**
 * Types into a text field like a person: click, clear, enter the text, leave
 * (blur). With { keys: true } the text is typed key by key (an input event per
 * key, the app recomputing on each); otherwise it is entered at once with
 * `fill` (one input event), which is much faster on this page.
 */
export async function typeInto(page, id, text, { keys = false } = {}) {
  const input = page.locator(`#${id}`);
  await input.click();
  await input.fill('');
  if (keys) await input.pressSequentially(String(text));
  else await input.fill(String(text));
  await input.blur();
}

const CARE_ID = { instelling: 'care', vpt: 'care-vpt', mpt: 'care-mpt', pgb: 'care-pgb', dtv: 'care-dtv' };
const PARTNER_CARE_ID = {
  none: 'partner-care', vpt: 'partner-care-vpt', mpt: 'partner-care-mpt', pgb: 'partner-care-pgb',
  dtv: 'partner-care-dtv', 'living-along': 'partner-care-living-along',
  instelling: 'partner-care-instelling', 'beschermd-wonen': 'partner-care-beschermd-wonen',
};

/**
 * Fills the form the way a person would, in the order of the page.
 * c = { year, age, care, months?, income, tax?, assets?, partner?: { age, care, months?, income, tax?, assets? } }
 * Amounts are typed as given (strings keep their notation); c.keys types them key by key.
 */
export async function fillCase(page, c) {
  const enter = (id, text) => typeInto(page, id, text, { keys: !!c.keys });
  if (c.year !== undefined) await page.locator('#year').selectOption(String(c.year));
  await clickLabelOf(page, c.partner ? 'partner-1' : 'partner');
  await enter('age', c.age);
  if (c.partner) await enter('partner-age', c.partner.age);
  await clickLabelOf(page, CARE_ID[c.care]);
  if (c.partner) await clickLabelOf(page, PARTNER_CARE_ID[c.partner.care ?? 'none']);
  // The page asks how long a stay lasts only where the core says it can matter (with a partner
  // at home, for one, it cannot): answer it when it is asked, as a person would.
  const months = page.locator('#months-in-care');
  if (c.care === 'instelling' && (await months.count())) await months.selectOption(c.months ?? '');
  const partnerMonths = page.locator('#partner-months-in-care');
  if (c.partner?.months !== undefined && (await partnerMonths.count())) {
    await partnerMonths.selectOption(c.partner.months);
  }
  await enter('income', c.income);
  if (c.partner) await enter('partner-income', c.partner.income);
  if (c.tax !== undefined) await enter('tax', c.tax);
  if (c.partner?.tax !== undefined) await enter('partner-tax', c.partner.tax);
  if (c.assets !== undefined) await enter('assets', c.assets);
  if (c.partner?.assets !== undefined) await enter('partner-assets', c.partner.assets);
}

/** Runs axe-core with the WCAG 2.1 A/AA rules; returns the violations. */
export async function axeViolations(page) {
  if (!(await page.evaluate(() => typeof window.axe !== 'undefined'))) {
    await page.addScriptTag({ path: AXE_PATH });
  }
  return page.evaluate(async () => {
    const r = await window.axe.run(document, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] },
    });
    return r.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      targets: v.nodes.map((n) => ({ target: n.target.join(' '), summary: n.failureSummary })),
    }));
  });
}

export function formatViolations(violations) {
  return violations
    .map((v) => `- ${v.id} (${v.impact}): ${v.help}\n${v.targets
      .map((t) => `    ${t.target}\n      ${(t.summary || '').replace(/\n/g, '\n      ')}`)
      .join('\n')}`)
    .join('\n');
}

/** The cases of the spec, with the notation a person might type. */
export const CASES = {
  // spec §6.1 case M (fixtures/spec-examples.yaml: M)
  M: { year: 2026, age: 70, care: 'vpt', income: '38.000', assets: '100000' },
};

/**
 * The set-up every test file shares: a static server, one browser, an error
 * watcher (and, with `requests`, a request recorder started before the first
 * page loads) and a fresh page; closed after the file. `assign` receives
 * `{ server, browser, problems, requests, page }` once they exist.
 */
export function setup(assign, { requests: record = false } = {}) {
  let env = {};
  before(async () => {
    const server = await startServer();
    const browser = await launch();
    const requests = record ? recordRequests(browser.context) : undefined;
    const problems = watchErrors(browser.context);
    const page = await openFresh(browser.context, server.url);
    env = { server, browser, problems, requests, page };
    assign(env);
  });
  after(async () => {
    await env.browser?.close();
    await env.server?.close();
  });
}

/** The empty form again: remembered data cleared, the page reloaded (with `query`). */
export async function freshForm(page, base, query = '') {
  await page.evaluate(() => localStorage.clear());
  await gotoApp(page, base, query);
}

/**
 * Like launch(), but the page's own Content-Security-Policy applies (launch()
 * bypasses it, so that axe can be injected). A fresh profile, service workers
 * allowed: for the offline tests. Returns { context, close }.
 */
export async function launchStrict() {
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    headless: true,
    args: [
      '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync',
    ],
  });
  const context = await browser.newContext({
    bypassCSP: false,
    serviceWorkers: 'allow',
    viewport: { width: 1280, height: 1000 },
    locale: 'nl-NL',
    timezoneId: 'Europe/Amsterdam',
    reducedMotion: 'reduce',
  });
  context.setDefaultTimeout(10_000);
  return { context, close: () => browser.close().catch(() => {}) };
}

/**
 * Adds axe-core to a page or frame through the DevTools protocol, which a
 * page's CSP does not block (a script tag would be). Then axeViolations().
 */
export async function injectAxe(target) {
  if (await target.evaluate(() => typeof window.axe !== 'undefined')) return;
  await target.evaluate(fs.readFileSync(AXE_PATH, 'utf8'));
  if (!(await target.evaluate(() => typeof window.axe !== 'undefined'))) {
    throw new Error('axe-core did not load');
  }
}
