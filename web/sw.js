// The service worker: after the first visit the calculator also opens with no
// network. One cache per build version (build-web.sh replaces __VERSION__ by
// a hash over the build, so every new build changes these bytes and installs
// as a new worker).
//
// - install: precaches the app shell of THIS version: index.html and batch.html, every local
//   file they refer to (style, scripts, preloads, manifest), the
//   manifest's icons and the wasm apps (the calculator, the full app, and the batch page's
//   worker with its wasm). If a page on the server belongs to
//   another version (a deploy in progress), the install fails and is retried
//   on a later visit: a cache never mixes two versions.
// - activate: deletes the caches of other versions and takes over open pages
//   quietly (they keep running the code they loaded; the next load is new).
// - fetch: pages (navigations to index.html or batch.html) network first, falling back to
//   the cached page offline, so a new version arrives as soon as the
//   user is online; every other file of this origin from this version's
//   cache first (the asset URLs carry ?v=<version>), else from the network.
//   Nothing is cached at run time and no other origin is touched.

const VERSION = '__VERSION__';
const PREFIX = 'wlz-bijdrage-';
const CACHE = PREFIX + VERSION;

const scope = () => new URL(self.registration.scope);
// The page under its canonical key: the scope itself (`./`).
const indexKey = () => scope().href;

// Files boot.js loads: the calculator (index.html preloads only its glue) and the full app with
// its stylesheet, which it loads for #jaren and #brief (the planner and the letter check
// must open offline too).
// The batch page's worker and its wasm, which batch.js starts.
const APP = [
  'pkg/wlz_web.js?v=' + VERSION, 'pkg/wlz_web_bg.wasm?v=' + VERSION,
  'pkg/wlz_web_full.js?v=' + VERSION, 'pkg/wlz_web_full_bg.wasm?v=' + VERSION,
  'extras.css?v=' + VERSION,
  'batch-worker.js?v=' + VERSION, 'pkg/wlz_batch.js?v=' + VERSION, 'pkg/wlz_batch_bg.wasm?v=' + VERSION,
];
// The pages besides index.html (the scope itself).
const PAGES = ['batch.html'];

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

/** A page of this version, and the text it has. */
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
  const pages = await Promise.all(PAGES.map((p) => versionedPage(new URL(p, base).href)));
  const refs = /<(?:link|script|img)\b[^>]*?\s(?:href|src)\s*=\s*["']([^"']+)["']/gi;
  const urls = new Set([
    ...APP.map((u) => new URL(u, base).href),
    ...localRefs(html, base, refs),
    ...pages.flatMap((p) => localRefs(p.html, base, refs)),
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
  await Promise.all(PAGES.map((p, i) => cache.put(new URL(p, base).href, pages[i].res)));
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

/** The cached page a navigation falls back to offline, if it is one of ours. */
function pageKey(url) {
  if (isIndex(url)) return indexKey();
  const s = scope();
  const name = PAGES.find((p) => url.pathname === s.pathname + p);
  return name ? new URL(name, s).href : null;
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
    const key = pageKey(url);
    if (key) event.respondWith(page(request, key));
    return;
  }
  event.respondWith(file(request));
});
