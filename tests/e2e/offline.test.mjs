// The calculator without a network, both ways the product offers it:
//
// 1. The served site: the first visit installs the service worker (web/sw.js),
//    which precaches this version; with the server stopped and the browser
//    offline, a reload (and a shared link) still starts the app and computes.
//    A new build (other version, other sw.js bytes) takes over: its cache
//    replaces the old one and its files are served.
// 2. The single file (dist/wlz-bijdrage-offline.html, ./scripts/build-offline.sh),
//    opened from disk, alone in an empty directory, with its own strict CSP
//    enforced: it computes with no request of any kind.
//
// Both run in a browser context that enforces the page's CSP (launchStrict).

import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import crypto from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  DIST, snapshotBuild, startServer, launchStrict, watchErrors, recordRequests,
  gotoApp, freshForm, fillCase, expectAmount, regimeText, until, CASES,
} from './lib.mjs';

const OFFLINE_FILE = path.join(DIST, 'wlz-bijdrage-offline.html');
const PREFIX = 'wlz-bijdrage-';
const CASE_M_AMOUNT = '€ 337,68';
const CASE_M_REGIME = 'Lage eigen bijdrage';
const CASE_M_LINK = '?year=2026&care=vpt&age=70&income=38000&assets=100000';

/** Reports CSP violations of every page as console errors (the watcher fails on them). */
async function reportCspViolations(context) {
  await context.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) => {
      console.error(`CSP violation: ${e.violatedDirective} blocked ${e.blockedURI || '(inline)'}`);
    });
  });
}

async function computeCaseM(page, base) {
  await freshForm(page, base);
  await fillCase(page, CASES.M);
  await expectAmount(page, CASE_M_AMOUNT);
  assert.equal((await regimeText(page)).trim(), CASE_M_REGIME);
}

/**
 * A front server on one fixed address that forwards to one of the lib's
 * static servers, or is down: the same origin can serve one build, then
 * nothing, then another build.
 */
function frontServer() {
  let server = null;
  let port = 0;
  const front = {
    origin: null,
    async serve(target) {
      await front.stop();
      server = http.createServer((req, res) => {
        const up = http.request(target.origin + req.url, { method: req.method, headers: req.headers }, (r) => {
          res.writeHead(r.statusCode, r.headers);
          r.pipe(res);
        });
        up.on('error', () => res.destroy());
        req.pipe(up);
      });
      await new Promise((resolve, reject) => {
        server.once('error', reject);
        server.listen(port, '127.0.0.1', resolve);
      });
      port = server.address().port;
      front.origin = `http://127.0.0.1:${port}`;
    },
    /** Down: nothing listens on the address any more. */
    async stop() {
      if (!server) return;
      const s = server;
      server = null;
      s.closeAllConnections();
      await new Promise((resolve) => s.close(resolve));
    },
  };
  return front;
}

/** The files the worker must precache for the build in `dir`, as absolute URLs. */
function expectedShell(dir, origin) {
  const version = fs.readFileSync(path.join(dir, 'version.txt'), 'utf8').trim();
  const html = fs.readFileSync(path.join(dir, 'index.html'), 'utf8');
  const urls = new Set([
    '/', `/style.css?v=${version}`, `/boot.js?v=${version}`,
    `/pkg/wlz_web.js?v=${version}`, `/pkg/wlz_web_bg.wasm?v=${version}`, '/manifest.webmanifest',
    // The full app (the planner and the letter check), which boot.js loads for #jaren and #brief.
    `/pkg/wlz_web_full.js?v=${version}`, `/pkg/wlz_web_full_bg.wasm?v=${version}`, `/extras.css?v=${version}`,
  ]);
  // Everything else index.html loads (frame.js, when it is there, among them) ...
  for (const m of html.matchAll(/<(?:link|script)\b[^>]*\s(?:href|src)="([^"]+)"/g)) {
    if (!m[1].startsWith('data:')) urls.add('/' + m[1].replace(/^\.?\//, ''));
  }
  // ... and the manifest's icons.
  const manifest = JSON.parse(fs.readFileSync(path.join(dir, 'manifest.webmanifest'), 'utf8'));
  for (const icon of manifest.icons) urls.add('/' + icon.src.replace(/^\.?\//, ''));
  return { version, urls: [...urls].map((u) => origin + u).sort() };
}

/** The files the worker adds when the batch page is opened: the page, what it loads, its worker. */
function batchShell(dir, origin) {
  const version = fs.readFileSync(path.join(dir, 'version.txt'), 'utf8').trim();
  const html = fs.readFileSync(path.join(dir, 'batch.html'), 'utf8');
  const urls = new Set(['/batch.html', `/batch-worker.js?v=${version}`, `/pkg/wlz_batch.js?v=${version}`, `/pkg/wlz_batch_bg.wasm?v=${version}`]);
  for (const m of html.matchAll(/<(?:link|script)\b[^>]*\s(?:href|src)="([^"]+)"/g)) {
    if (!m[1].startsWith('data:')) urls.add('/' + m[1].replace(/^\.?\//, ''));
  }
  return [...urls].map((u) => origin + u);
}

/** The size of a file of the build `dir` that a URL of the site stands for. */
const sizeOf = (dir, url) => {
  const p = new URL(url).pathname;
  return fs.statSync(path.join(dir, p === '/' ? 'index.html' : p)).size;
};

/** The service worker's caches as { name: { url: byteLength } }. */
const cachesOf = (page) => page.evaluate(async () => {
  const out = {};
  for (const name of await caches.keys()) {
    const cache = await caches.open(name);
    out[name] = {};
    for (const req of await cache.keys()) {
      out[name][req.url] = (await (await cache.match(req)).arrayBuffer()).byteLength;
    }
  }
  return out;
});

const controllerURL = (page) => page.evaluate(() => navigator.serviceWorker.controller?.scriptURL ?? null);

describe('served site with the service worker', () => {
  let buildA, buildB, serverA, serverB, front, browser, problems, page, shellA;

  before(async () => {
    buildA = await snapshotBuild();
    // Build B: the same build under another version, as a new build is for the
    // worker (other sw.js bytes, other asset URLs), marked so we can tell it is served.
    buildB = await snapshotBuild(buildA);
    const vA = fs.readFileSync(path.join(buildA, 'version.txt'), 'utf8').trim();
    const vB = crypto.createHash('sha256').update(`${vA} next`).digest('hex').slice(0, 12);
    for (const f of fs.readdirSync(buildB).filter((f) => /\.(html|js|txt)$/.test(f))) {
      const file = path.join(buildB, f);
      let text = fs.readFileSync(file, 'utf8').replaceAll(vA, vB);
      if (f === 'index.html') text = text.replace('<head>', '<head>\n  <meta name="wlz-test-build" content="B">');
      fs.writeFileSync(file, text);
    }
    serverA = await startServer(buildA);
    serverB = await startServer(buildB);
    front = frontServer();
    await front.serve(serverA);
    browser = await launchStrict();
    await reportCspViolations(browser.context);
    problems = watchErrors(browser.context);
    page = await browser.context.newPage();
  });

  after(async () => {
    await browser?.close();
    await front?.stop();
    await serverA?.close();
    await serverB?.close();
    for (const d of [buildA, buildB]) if (d) fs.rmSync(d, { recursive: true, force: true });
  });

  test('the first visit installs the worker; it precaches this version and controls the page', async () => {
    await gotoApp(page, `${front.origin}/`);
    await until(page, () => controllerURL(page), 'a service worker controlling the page', 15_000);
    assert.equal(await controllerURL(page), `${front.origin}/sw.js`);

    shellA = expectedShell(buildA, front.origin);
    const all = await cachesOf(page);
    assert.deepEqual(Object.keys(all), [PREFIX + shellA.version], 'one cache, of this version');
    const cached = all[PREFIX + shellA.version];
    assert.deepEqual(Object.keys(cached).sort(), shellA.urls, 'the precached files');
    for (const [url, bytes] of Object.entries(cached)) {
      assert.equal(bytes, sizeOf(buildA, url), `the cached copy of ${url} is the build's file`);
    }
    assert.ok(serverA.served.includes('/sw.js'), 'the worker came from the server');
  });

  test('the batch page is not precached; opening it adds it (and its worker) to the cache', async () => {
    const before = Object.keys((await cachesOf(page))[PREFIX + shellA.version]);
    assert.ok(!before.some((u) => u.includes('batch')), 'nothing of the batch page before it is opened');
    await page.goto(`${front.origin}/batch.html`);
    const want = [...new Set([...shellA.urls, ...batchShell(buildA, front.origin)])].sort();
    await until(page, async () => {
      const cached = (await cachesOf(page))[PREFIX + shellA.version] || {};
      return Object.keys(cached).length === want.length;
    }, 'the batch page in the cache', 15_000);
    const cached = (await cachesOf(page))[PREFIX + shellA.version];
    assert.deepEqual(Object.keys(cached).sort(), want);
    for (const [url, bytes] of Object.entries(cached)) {
      assert.equal(bytes, sizeOf(buildA, url), `the cached copy of ${url} is the build's file`);
    }
    await gotoApp(page, `${front.origin}/`);
  });

  test('the footer offers the single file for download, and the site has it', async () => {
    const link = page.locator('footer a[download]');
    assert.equal(await link.getAttribute('href'), 'wlz-bijdrage-offline.html');
    assert.equal(await link.getAttribute('download'), 'wlz-bijdrage-offline.html');
    const bytes = await page.evaluate(async (href) => {
      const r = await fetch(href, { cache: 'no-store' });
      return r.ok ? (await r.arrayBuffer()).byteLength : -r.status;
    }, await link.getAttribute('href'));
    assert.equal(bytes, fs.statSync(path.join(buildA, 'wlz-bijdrage-offline.html')).size);
  });

  test('with the server stopped and the browser offline, a reload starts the app and computes case M', async () => {
    await front.stop();
    await browser.context.setOffline(true);
    const servedBefore = serverA.served.length + serverB.served.length;

    const res = await page.reload();
    assert.ok(res.fromServiceWorker(), 'the page came from the service worker');
    await page.locator('form#questions').waitFor({ state: 'visible' });
    await computeCaseM(page, `${front.origin}/`);

    // A shared link opens offline too (the worker answers any query with the page).
    await gotoApp(page, `${front.origin}/`, CASE_M_LINK);
    await expectAmount(page, CASE_M_AMOUNT);
    assert.equal((await regimeText(page)).trim(), CASE_M_REGIME);

    // The version that runs is the cached one.
    assert.equal(await page.locator('script[src^="boot.js"]').getAttribute('src'), `boot.js?v=${shellA.version}`);
    assert.equal(serverA.served.length + serverB.served.length, servedBefore, 'nothing reached a server');
  });

  test('offline too, the batch page opens from the cache and works through a file', async () => {
    const servedBefore = serverA.served.length + serverB.served.length;
    const res = await page.goto(`${front.origin}/batch.html`);
    assert.ok(res.fromServiceWorker(), 'the batch page came from the service worker');
    // Spec §6.1 case M.
    await page.locator('#batch-file').setInputFiles({ name: 'm.csv', mimeType: 'text/csv', buffer: Buffer.from('id,age,care,income,assets\nM,70,vpt,38000,100000\n') });
    await until(page, async () => (await page.locator('#batch-results tbody tr').getAttribute('data-monthly').catch(() => null)) === '337.68', 'case M', 15_000);
    assert.equal(serverA.served.length + serverB.served.length, servedBefore, 'nothing reached a server');
  });

  test('a new build takes over: its cache replaces the old one and its version is served', async () => {
    const shellB = expectedShell(buildB, front.origin);
    assert.notEqual(shellB.version, shellA.version);
    await browser.context.setOffline(false);
    await front.serve(serverB);

    // Online, the page comes from the network (network first): already build B.
    await gotoApp(page, `${front.origin}/`);
    assert.equal(await page.locator('meta[name=wlz-test-build]').getAttribute('content'), 'B');
    // The navigation made the browser look at sw.js: B's worker installs,
    // takes over and deletes A's cache. Normally within a second; the bound is generous
    // because one full CI run (2026-12-03) timed out at 15 s while passing alone.
    await until(page, async () => {
      const names = Object.keys(await cachesOf(page));
      const reg = await page.evaluate(async () => {
        const r = await navigator.serviceWorker.getRegistration();
        return r && !r.installing && !r.waiting && r.active?.state === 'activated';
      });
      return reg && names.length === 1 && names[0] === PREFIX + shellB.version;
    }, `only the cache ${PREFIX + shellB.version}`, 45_000);
    assert.ok(serverB.served.includes('/sw.js'));
    const cached = (await cachesOf(page))[PREFIX + shellB.version];
    assert.deepEqual(Object.keys(cached).sort(), shellB.urls, 'the precached files of B');
    for (const [url, bytes] of Object.entries(cached)) {
      assert.equal(bytes, sizeOf(buildB, url), `the cached copy of ${url} is B's file`);
    }

    // Offline again: now build B starts from the cache.
    await front.stop();
    await browser.context.setOffline(true);
    const res = await page.reload();
    assert.ok(res.fromServiceWorker());
    await page.locator('form#questions').waitFor({ state: 'visible' });
    assert.equal(await page.locator('meta[name=wlz-test-build]').getAttribute('content'), 'B');
    assert.equal(await page.locator('script[src^="boot.js"]').getAttribute('src'), `boot.js?v=${shellB.version}`);
    await computeCaseM(page, `${front.origin}/`);
    await browser.context.setOffline(false);
  });

  test('no page errors and no console errors (CSP violations included)', () => {
    assert.deepEqual(problems, []);
  });
});

describe('single file, opened from disk', () => {
  let dir, file, fileUrl, browser, problems, requests, page;
  const refused = [];

  before(async () => {
    // (A rebuild of dist/ removes the file for a while: wait for it.)
    for (let waited = 0; !fs.existsSync(OFFLINE_FILE); waited += 500) {
      if (waited > 120_000) throw new Error(`${OFFLINE_FILE} is missing: run ./scripts/build-offline.sh`);
      await new Promise((r) => setTimeout(r, 500));
    }
    // The file alone in an empty directory: nothing next to it to load.
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'wlz-offline-'));
    file = path.join(dir, 'wlz-bijdrage-offline.html');
    fs.copyFileSync(OFFLINE_FILE, file);
    fileUrl = pathToFileURL(file).href;

    browser = await launchStrict();
    await reportCspViolations(browser.context);
    problems = watchErrors(browser.context);
    requests = recordRequests(browser.context);
    await browser.context.route('**/*', (route) => {
      const url = route.request().url();
      if (/^(file|data|blob):/.test(url)) return route.continue();
      refused.push(url);
      return route.abort('blockedbyclient');
    });
    page = await browser.context.newPage();
  });

  after(async () => {
    await browser?.close();
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
  });

  test('the file holds no reference to anything outside it and a strict CSP', () => {
    const html = fs.readFileSync(file, 'utf8');
    const csp = html.match(/<meta http-equiv="Content-Security-Policy" content="([^"]+)">/)?.[1];
    assert.ok(csp, 'a CSP meta');
    const directives = Object.fromEntries(csp.split(/;\s*/).map((d) => [d.split(' ')[0], d.split(' ').slice(1)]));
    assert.deepEqual(directives['default-src'], ["'none'"]);
    assert.deepEqual(directives['connect-src'], ["'none'"]);
    assert.deepEqual(directives['img-src'], ['data:']);
    assert.ok(directives['script-src'].every((s) => /^'sha256-[\w+/=]+'$/.test(s) || s === "'wasm-unsafe-eval'"),
      `scripts only by hash: ${directives['script-src']}`);
    assert.ok(directives['style-src'].every((s) => /^'sha256-[\w+/=]+'$/.test(s)), `styles only by hash: ${directives['style-src']}`);
    assert.ok(!/unsafe-inline|'self'|https?:/.test(csp), csp);
    // Outside the scripts and styles: no src/href but data: and fragments.
    const markup = html.replace(/<(script|style)\b[^>]*>[\s\S]*?<\/\1>/g, '');
    const refs = [...markup.matchAll(/\s(?:src|href)="([^"]*)"/g)].map((m) => m[1]);
    assert.deepEqual(refs.filter((r) => !/^(data:|#)/.test(r)), []);
    assert.ok(!/<link[^>]+rel="(manifest|stylesheet|modulepreload|preload)"/.test(html));
    assert.ok(!html.includes('serviceWorker'), 'no service worker code');
  });

  test('opened via file:// with no network, it computes case M and requests nothing', async () => {
    await browser.context.setOffline(true);
    await gotoApp(page, fileUrl);
    await computeCaseM(page, fileUrl);

    // The language switch and the details work too (no lazy loading).
    await page.locator('button.lang-switch').click();
    await expectAmount(page, '€337.68');
    await page.locator('button.lang-switch').click();
    await expectAmount(page, CASE_M_AMOUNT);

    assert.deepEqual(refused, [], 'requests that would have left the file');
    const loads = requests.filter((r) => !r.url.startsWith('data:'));
    assert.ok(loads.length >= 2, `the file was loaded (${loads.length} requests)`);
    assert.deepEqual(loads.filter((r) => r.url !== fileUrl), [], 'requests other than the file itself');
    assert.deepEqual(problems, [], 'no page errors, console errors or CSP violations');
    assert.equal(await page.locator('footer a[download]').count(), 0, 'the file does not offer itself');
  });

  test('the CSP is enforced: a request the page would try is refused before the network', async () => {
    const outcome = await page.evaluate(() => fetch('https://example.org/').then(() => 'fetched', (e) => e.name));
    assert.equal(outcome, 'TypeError');
    assert.ok(problems.some((p) => /connect-src|Content Security Policy/.test(p)), `a CSP violation was reported: ${problems}`);
    assert.deepEqual(refused, [], 'the request did not even reach the browser network stack');
  });
});
