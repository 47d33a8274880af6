// Measures the calculator page against its budgets (issue 4) and prints a
// table for the README:
//   * bundle size: wasm + js + css, gzip -9, of the two builds of the app (build-web.sh):
//     - the calculator (pkg/wlz_web*, what the page loads): budget 230 KB again since the split
//       (one bundle held the planner and the letter check too: 350 KB budget, 346.0 KB measured
//       2026-12-03; 280 KB since issue 15, 230 KB since issue 14, was 300 KB; stretch 200 KB);
//     - the full app (pkg/wlz_web_full*, loaded for #jaren and #brief): its own budget, FULL_KB;
//     - the batch page (pkg/wlz_batch*, batch.html's worker): its own budget, BATCH_KB;
//   * time to result: navigation start → `#monthly-amount` shown, for a
//     prefilled link, in headless Chromium on localhost (budget 500 ms);
//   * recalculation per keystroke: input event → amount updated (budget 16 ms);
//   * time to result on a throttled phone profile (1.6 Mbps, 150 ms RTT, CPU 4× slower, first
//     visit; budget 6 s); and the same for the planner opened as the calculator's button opens it
//     (#jaren: the full app; time to the planner's title, budget 6 s).
// Exits 1 when a budget is exceeded (timings by their median).
// Usage: node scripts/measure-web.mjs [dist]   (run scripts/build-web.sh first)
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { fileURLToPath } from 'node:url';
import { launch, startServer } from '../tests/e2e/lib.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const dist = path.resolve(process.argv[2] || process.env.WLZ_DIST || path.join(root, 'dist'));
const KB = 1024;
// The full app's budget: its size measured at the split (328.2 KB, 2026-12-03), rounded up to 5 KB.
const FULL_KB = 330;
// The batch page's budget: its size when it was made (296.8 KB, 2026-12-03), rounded up to 5 KB.
const BATCH_KB = 300;
const budgets = { gzip: 230 * KB, full: FULL_KB * KB, stretch: 200 * KB, load: 500, key: 16, phone: 6000 };
// A slow phone on a slow line (issue 13): 1.6 Mbps down, 750 kbps up, 150 ms round trip, the CPU
// 4× slower, nothing cached (first visit), the service worker bypassed.
const PHONE = { latency: 150, downloadThroughput: 1.6e6 / 8, uploadThroughput: 750e3 / 8 };

function bundle(name = 'wlz_web', more = [], shell = ['boot.js', 'frame.js', 'style.css']) {
  const files = [`pkg/${name}_bg.wasm`, `pkg/${name}.js`, ...shell, ...more];
  let raw = 0, gz = 0;
  const rows = files.map((f) => {
    const b = fs.readFileSync(path.join(dist, f));
    const g = zlib.gzipSync(b, { level: 9 }).length;
    raw += b.length; gz += g;
    return { f, raw: b.length, gz: g };
  });
  return { rows, raw, gz };
}

/** Records in `window.__shown` when element `id` (the amount) first appears, from navigation start. */
function recordShown(page, id = 'monthly-amount') {
  return page.addInitScript((id) => {
    new MutationObserver((_, obs) => {
      if (document.getElementById(id)) {
        window.__shown = performance.now();
        obs.disconnect();
      }
    }).observe(document, { childList: true, subtree: true });
  }, id);
}

const median = (xs) => { const s = [...xs].sort((a, b) => a - b); return s[Math.floor(s.length / 2)]; };
const kb = (n) => `${(n / KB).toFixed(1)} KB`;

const size = bundle();
// The full app: its own wasm and glue, and the views' stylesheet boot.js adds for it.
const fullSize = bundle('wlz_web_full', ['extras.css']);
// The batch page (batch.html): its worker's wasm (crates/batch: the core, CSV and .xlsx), the
// worker, its script and styles. Budget BATCH_KB; it never touches the calculator's bundle.
const batchSize = bundle('wlz_batch', [], ['batch-worker.js', 'batch.js', 'style.css', 'batch.css']);
const server = await startServer(dist);
const { context: browser, close } = await launch();
const loads = [];
const keys = [];
const phones = [];
const planners = [];
try {
  const query = '?year=2026&care=vpt&age=70&income=38000&assets=100000';
  for (let i = 0; i < 7; i++) {
    const page = await browser.newPage();
    await recordShown(page);
    await page.goto(server.url + query);
    await page.waitForFunction(() => window.__shown !== undefined);
    const t = await page.evaluate(() => window.__shown);
    const amount = await page.textContent('#monthly-amount');
    if (amount !== '€ 337,68') throw new Error(`unexpected amount ${amount}`);
    if (i > 0) loads.push(t); // the first load warms the server and the disk cache
    if (i === 6) {
      // Keystrokes: type incomes digit by digit; time each input event until the amount changes.
      const times = await page.evaluate(async () => {
        const input = document.getElementById('income');
        const out = () => document.getElementById('monthly-amount')?.textContent;
        const res = [];
        const texts = ['4', '45', '450', '4500', '45000', '45001', '4500', '450', '45', '4',
                       '5', '55', '550', '5500', '55000', '55500', '5550', '555', '55', '5', '38000'];
        for (const v of texts) {
          const before = out();
          const t0 = performance.now();
          input.value = v;
          input.dispatchEvent(new InputEvent('input', { bubbles: true }));
          // Yew renders from its scheduler: wait until the DOM shows the new amount (or a settle).
          let spins = 0;
          while (out() === before && spins < 50) { await Promise.resolve(); spins++; }
          if (out() === before) await new Promise((r) => setTimeout(r, 0));
          res.push(performance.now() - t0);
        }
        return res;
      });
      keys.push(...times);
    }
    await page.close();
  }
  // Time to result on the throttled phone profile, median of 3 first visits; then the same for
  // the planner (#jaren loads the full app).
  for (let i = 0; i < 6; i++) {
    const planner = i >= 3;
    const page = await browser.newPage();
    const cdp = await browser.newCDPSession(page);
    await cdp.send('Network.enable');
    await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
    await cdp.send('Network.setBypassServiceWorker', { bypass: true });
    await cdp.send('Network.emulateNetworkConditions', { offline: false, ...PHONE });
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
    await recordShown(page, planner ? 'planner-title' : 'monthly-amount');
    await page.goto(server.url + '?year=2026&care=vpt&age=70&income=38000&assets=100000' + (planner ? '#jaren' : ''), { timeout: 60_000 });
    await page.waitForFunction(() => window.__shown !== undefined, null, { timeout: 60_000 });
    (planner ? planners : phones).push(await page.evaluate(() => window.__shown));
    await page.close();
  }
} finally {
  await close();
  await server.close();
}

const load = median(loads), key = median(keys), phone = median(phones), plan = median(planners);
const lines = [
  '| Measure | Result | Budget |',
  '|---|---|---|',
  ...size.rows.map((r) => `| ${r.f} | ${kb(r.raw)} raw, ${kb(r.gz)} gzip | |`),
  `| **Calculator bundle (wasm + js + css), gzip -9** | **${kb(size.gz)}** (${kb(size.raw)} raw) | ≤ 230 KB (stretch 200 KB) |`,
  ...fullSize.rows.filter((r) => !size.rows.some((c) => c.f === r.f)).map((r) => `| ${r.f} | ${kb(r.raw)} raw, ${kb(r.gz)} gzip | |`),
  `| **Full bundle (#jaren, #brief: wasm + js + css), gzip -9** | **${kb(fullSize.gz)}** (${kb(fullSize.raw)} raw) | ≤ ${FULL_KB} KB |`,
  ...batchSize.rows.filter((r) => !size.rows.some((c) => c.f === r.f)).map((r) => `| ${r.f} | ${kb(r.raw)} raw, ${kb(r.gz)} gzip | |`),
  `| **Batch page (batch.html: worker wasm + js + css), gzip -9** | **${kb(batchSize.gz)}** (${kb(batchSize.raw)} raw) | ≤ ${BATCH_KB} KB |`,
  `| Time to result (prefilled link, median of ${loads.length}) | ${load.toFixed(0)} ms (max ${Math.max(...loads).toFixed(0)} ms) | ≤ 500 ms |`,
  `| Recalculation per keystroke (median of ${keys.length}) | ${key.toFixed(1)} ms (max ${Math.max(...keys).toFixed(1)} ms) | ≤ 16 ms |`,
  `| Time to result, slow phone (1.6 Mbps, 150 ms RTT, CPU 4× slower, first visit; median of ${phones.length}) | ${phone.toFixed(0)} ms (max ${Math.max(...phones).toFixed(0)} ms) | ≤ ${budgets.phone} ms |`,
  `| Time to the planner, slow phone (#jaren, the full bundle; same profile; median of ${planners.length}) | ${plan.toFixed(0)} ms (max ${Math.max(...planners).toFixed(0)} ms) | ≤ ${budgets.phone} ms |`,
];
console.log(lines.join('\n'));
const over = [];
if (size.gz > budgets.gzip) over.push(`calculator bundle ${kb(size.gz)} > 230 KB`);
if (fullSize.gz > budgets.full) over.push(`full bundle ${kb(fullSize.gz)} > ${FULL_KB} KB`);
if (batchSize.gz > BATCH_KB * KB) over.push(`batch page ${kb(batchSize.gz)} > ${BATCH_KB} KB`);
if (load > budgets.load) over.push(`time to result ${load.toFixed(0)} ms > 500 ms`);
if (key > budgets.key) over.push(`keystroke ${key.toFixed(1)} ms > 16 ms`);
if (phone > budgets.phone) over.push(`time to result on a slow phone ${phone.toFixed(0)} ms > ${budgets.phone} ms`);
if (plan > budgets.phone) over.push(`time to the planner on a slow phone ${plan.toFixed(0)} ms > ${budgets.phone} ms`);
if (over.length) { console.error('Over budget: ' + over.join('; ')); process.exit(1); }
