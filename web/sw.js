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

async function precache() {
  const base = indexKey();
  const index = await download(base);
  const html = await index.clone().text();
  const versions = new Set([...html.matchAll(/[?&]v=([\w-]+)/g)].map((m) => m[1]));
  if (!versions.has(VERSION) || versions.size !== 1) {
    throw new Error(`index.html is of version ${[...versions].join(', ')}, this worker of ${VERSION}`);
  }
  const urls = new Set([
    ...APP.map((u) => new URL(u, base).href),
    ...localRefs(html, base, /<(?:link|script|img)\b[^>]*?\s(?:href|src)\s*=\s*["']([^"']+)["']/gi),
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

async function page(request) {
  try {
    return await fetch(request);
  } catch (err) {
    const cached = await caches.open(CACHE).then((c) => c.match(indexKey()));
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
    if (isIndex(url)) event.respondWith(page(request));
    return;
  }
  event.respondWith(file(request));
});
