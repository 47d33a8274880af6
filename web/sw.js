// The service worker: after the first visit the calculator also opens with no
// network. One cache per build version (build-web.sh replaces __VERSION__ by
// a hash over the build, so every new build changes these bytes and installs
// as a new worker).
//
// - install: precaches the app shell of THIS version: index.html, every local
//   file index.html refers to (style, scripts, preloads, manifest), the
//   manifest's icons and the wasm app (both builds: the calculator and the full app). If index.html on the server belongs to
//   another version (a deploy in progress), the install fails and is retried
//   on a later visit: a cache never mixes two versions.
// - activate: deletes the caches of other versions and takes over open pages
//   quietly (they keep running the code they loaded; the next load is new).
// - fetch: pages (navigations to index.html) network first, falling back to
//   the cached index.html offline, so a new version arrives as soon as the
//   user is online; every other file of this origin from this version's
//   cache first (the asset URLs carry ?v=<version>), else from the network.
//   No other origin is touched.
// - the batch page (batch.html, its script, its worker and the worker's wasm: about 295 KB
//   gzip) is not precached: most visitors never open it, and on a phone it would cost them
//   the data. When batch.html is opened, batch.js asks this worker (a `cache-batch` message)
//   to add it to this version's cache, with the same version check; from then on it opens
//   offline too. Its navigations are network first, falling back to that copy.

const VERSION = '__VERSION__';
const PREFIX = 'wlz-bijdrage-';
const CACHE = PREFIX + VERSION;

const scope = () => new URL(self.registration.scope);
// The page under its canonical key: the scope itself (`./`).
const indexKey = () => scope().href;

// Files boot.js loads: the calculator (index.html preloads only its glue) and the full app with
// its stylesheet, which it loads for #jaren and #brief (the planner and the letter check
// must open offline too).
const APP = [
  'pkg/wlz_web.js?v=' + VERSION, 'pkg/wlz_web_bg.wasm?v=' + VERSION,
  'pkg/wlz_web_full.js?v=' + VERSION, 'pkg/wlz_web_full_bg.wasm?v=' + VERSION,
  'extras.css?v=' + VERSION,
];

/** A fresh copy from the server (not from the HTTP cache). */
async function download(url) {
  const res = await fetch(new Request(url, { cache: 'no-cache', credentials: 'same-origin' }));
  if (!res.ok) throw new Error(`${url}: HTTP ${res.status}`);
  // A redirected response cannot answer a navigation: keep only the body.
  if (res.redirected) {
    return new Response(await res.blob(), { status: res.status, statusText: res.statusText, headers: res.headers });
  }
  return res;
}

// The batch page and the files batch.js loads beside those batch.html refers to.
const BATCH_PAGE = 'batch.html';
const BATCH = ['batch-worker.js?v=' + VERSION, 'pkg/wlz_batch.js?v=' + VERSION, 'pkg/wlz_batch_bg.wasm?v=' + VERSION];
const REFS = /<(?:link|script|img)\b[^>]*?\s(?:href|src)\s*=\s*["']([^"']+)["']/gi;

/** The same-origin files an HTML page or a manifest refers to. */
function localRefs(text, base, pattern) {
  const out = [];
  for (const m of text.matchAll(pattern)) {
    const ref = m[1].replace(/&amp;/g, '&');
    if (!ref || ref.startsWith('#') || /^(data|blob|mailto|tel|javascript):/i.test(ref)) continue;
    const url = new URL(ref, base);
    if (url.origin === self.location.origin) out.push(url.href);
  }
  return out;
}

/** A page of this version from the server, and its text; refused when of another version. */
async function versionedPage(url) {
  const res = await download(url);
  const html = await res.clone().text();
  const versions = new Set([...html.matchAll(/[?&]v=([\w-]+)/g)].map((m) => m[1]));
  if (!versions.has(VERSION) || versions.size !== 1) {
    throw new Error(`${url} is of version ${[...versions].join(', ')}, this worker of ${VERSION}`);
  }
  return { res, html };
}

async function precache() {
  const base = indexKey();
  const { res: index, html } = await versionedPage(base);
  const urls = new Set([
    ...APP.map((u) => new URL(u, base).href),
    ...localRefs(html, base, REFS),
  ]);
  const cache = await caches.open(CACHE);
  // Each file into the cache as soon as it arrives (a body left unread holds its connection).
  const store = (list) => Promise.all([...list].map(async (url) => cache.put(url, await download(url))));
  await store(urls);
  // The manifest's icons.
  const icons = new Set();
  for (const url of [...urls].filter((u) => u.endsWith('.webmanifest'))) {
    for (const icon of (await (await cache.match(url)).json()).icons || []) {
      const src = new URL(icon.src, url);
      if (src.origin === self.location.origin && !urls.has(src.href)) icons.add(src.href);
    }
  }
  await store(icons);
  // The page last: a cache with an index.html is complete.
  await cache.put(base, index);
}

self.addEventListener('install', (event) => {
  event.waitUntil((async () => {
    try {
      await precache();
    } catch (err) {
      await caches.delete(CACHE);
      throw err;
    }
    await self.skipWaiting();
  })());
});

/** The batch page into this version's cache (what is there already is kept), the page last. */
async function cacheBatch() {
  const base = indexKey();
  const page = new URL(BATCH_PAGE, base).href;
  const cache = await caches.open(CACHE);
  if (await cache.match(page)) return;
  const { res, html } = await versionedPage(page);
  const urls = new Set([...BATCH.map((u) => new URL(u, base).href), ...localRefs(html, base, REFS)]);
  await Promise.all([...urls].map(async (url) => {
    if (!(await cache.match(url))) await cache.put(url, await download(url));
  }));
  await cache.put(page, res);
}

self.addEventListener('message', (event) => {
  if (event.data?.type !== 'cache-batch') return;
  // Not cached (offline, or another version on the server): the page still works online.
  event.waitUntil(cacheBatch().then(
    () => event.source?.postMessage({ type: 'batch-cached' }),
    () => {},
  ));
});

self.addEventListener('activate', (event) => {
  event.waitUntil((async () => {
    const keys = await caches.keys();
    await Promise.all(keys.filter((k) => k.startsWith(PREFIX) && k !== CACHE).map((k) => caches.delete(k)));
    await self.clients.claim();
  })());
});

/** Whether a navigation is to the page itself (with any query, e.g. a shared link). */
function isIndex(url) {
  const s = scope();
  return url.pathname === s.pathname || url.pathname === s.pathname + 'index.html';
}

async function page(request, key) {
  try {
    return await fetch(request);
  } catch (err) {
    const cached = await caches.open(CACHE).then((c) => c.match(key));
    if (cached) return cached;
    throw err;
  }
}

async function file(request) {
  const cached = await caches.open(CACHE).then((c) => c.match(request));
  return cached || fetch(request);
}

self.addEventListener('fetch', (event) => {
  const { request } = event;
  if (request.method !== 'GET') return;
  const url = new URL(request.url);
  if (url.origin !== self.location.origin) return;
  if (request.mode === 'navigate') {
    if (isIndex(url)) event.respondWith(page(request, indexKey()));
    else if (url.pathname === scope().pathname + BATCH_PAGE) event.respondWith(page(request, new URL(BATCH_PAGE, scope()).href));
    return;
  }
  event.respondWith(file(request));
});
