// Starts the calculator: loads one of the app's two wasm builds from this origin.
// The calculator alone (pkg/wlz_web*, preloaded by index.html) is what most visitors need;
// the full app (pkg/wlz_web_full*: also the planner and the letter check) is loaded for
// #jaren and #brief, which the calculator's two buttons set before they reload the page
// (docs/performance.md). In the single file of build-offline.mjs: the full app only, from
// the bytes in the file.
/* bundle: begin (scripts/build-offline.mjs puts the full app alone in place of this part) */
const full = /^#(jaren|brief)$/.test(location.hash);
if (full) {
  // The two views' styles (extras.css), which the calculator alone does not need.
  const css = document.createElement('link');
  css.rel = 'stylesheet';
  css.href = new URL('./extras.css?v=__VERSION__', import.meta.url).href;
  document.head.appendChild(css);
}
// The wasm is fetched at once, while the glue loads (index.html preloads no wasm: a preload
// cannot depend on the hash, and #jaren would then download both builds).
const wasm = fetch(full
  ? new URL('./pkg/wlz_web_full_bg.wasm?v=__VERSION__', import.meta.url)
  : new URL('./pkg/wlz_web_bg.wasm?v=__VERSION__', import.meta.url));
wasm.catch(() => {}); // a failure is reported by init below
const { default: init } = await (full
  ? import('./pkg/wlz_web_full.js?v=__VERSION__')
  : import('./pkg/wlz_web.js?v=__VERSION__'));
/* bundle: end */
const started = init({ module_or_path: wasm });
started.catch((err) => {
  const app = document.getElementById('app');
  if (app) {
    app.innerHTML = '';
    const p = document.createElement('p');
    p.className = 'loading';
    p.textContent = 'De rekenhulp kon niet starten. Probeer de pagina opnieuw te laden. / The calculator could not start. Please reload the page.';
    app.appendChild(p);
  }
  console.error(err);
});

/* service-worker: begin (scripts/build-offline.mjs leaves this part out of the single file) */
// Once the app runs, the service worker (sw.js) keeps this version for use
// without a network. Only over http(s); any failure (no support, a sandboxed
// frame, storage blocked) only means no offline copy: it is ignored.
started.then(() => {
  try {
    if (!/^https?:$/.test(location.protocol) || !('serviceWorker' in navigator)) return;
    navigator.serviceWorker.register(new URL('./sw.js', import.meta.url)).catch(() => {});
  } catch {
    // navigator.serviceWorker throws in an opaque origin: no offline copy.
  }
}, () => {});
/* service-worker: end */
