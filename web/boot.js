// Starts the calculator: loads the wasm module (the whole app) from this origin.
import init from './pkg/wlz_web.js?v=__VERSION__';

const wasm = new URL('./pkg/wlz_web_bg.wasm?v=__VERSION__', import.meta.url);
init({ module_or_path: wasm }).catch((err) => {
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
