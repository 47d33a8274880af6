// Starts the calculator: loads the wasm module (the whole app) from this origin
// (in the single file of build-offline.mjs: from the bytes in the file).
import init from './pkg/wlz_web.js?v=__VERSION__';

const wasm = new URL('./pkg/wlz_web_bg.wasm?v=__VERSION__', import.meta.url);
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
