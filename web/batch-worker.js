// The batch page's worker: reads the file, estimates every row with the core (wlz-batch, a
// wasm build of crates/batch) and answers the page. It runs apart from the page, so the page
// stays responsive and shows the progress while a large file is being worked through.
//
// Messages in: {type: 'open', id, bytes, keepUnknown, lang} | {type: 'view', id, lang} |
//   {type: 'download', kind: 'csv'|'xlsx', lang} | {type: 'template', kind, lang} |
//   {type: 'columns', lang}.
// Messages out: {type: 'rows', rows, done, total, labelled?} (the rows just done, which the
//   page shows at once; the first message has none, and says whether there is a name column) | {type: 'done', summary, ms} |
//   {type: 'failed', error} | {type: 'view', view} | {type: 'file', kind, bytes} |
//   {type: 'columns', list}. The messages of a run carry its `id` (the page's number for it).
import init, { Batch, template, columns } from './pkg/wlz_batch.js?v=__VERSION__';

const ready = init({ module_or_path: new URL('./pkg/wlz_batch_bg.wasm?v=__VERSION__', import.meta.url) });
// Rows per step: the page lays out each step's rows while the next are worked out (on another
// core), so 10,000 rows are shown within about a second (docs/batch.md).
const STEP = 500;
let batch = null;

function open({ id, bytes, keepUnknown, lang }) {
  const start = performance.now();
  if (batch) batch.free();
  batch = null;
  try {
    batch = new Batch(new Uint8Array(bytes), keepUnknown);
  } catch (err) {
    let error;
    try {
      error = JSON.parse(String(err));
    } catch {
      error = { code: 'internal', message: { nl: `Interne fout: ${err}`, en: `Internal error: ${err}` }, unknown: [] };
    }
    postMessage({ type: 'failed', id, error });
    return;
  }
  const total = batch.rows();
  let done = 0;
  postMessage({ type: 'rows', id, rows: '[]', done, total, labelled: batch.labelled() });
  while (done < total) {
    const from = done;
    done = batch.step(STEP);
    postMessage({ type: 'rows', id, rows: batch.view_rows(from, done, lang), done, total });
  }
  postMessage({ type: 'done', id, summary: batch.view_summary(lang), ms: performance.now() - start });
}

self.onmessage = async ({ data }) => {
  await ready;
  switch (data.type) {
    case 'open':
      open(data);
      break;
    case 'view':
      if (batch) postMessage({ type: 'view', id: data.id, view: batch.view(data.lang) });
      break;
    case 'download': {
      if (!batch) break;
      const bytes = data.kind === 'xlsx' ? batch.xlsx(data.lang) : batch.csv(data.lang);
      postMessage({ type: 'file', kind: data.kind, bytes, template: false }, [bytes.buffer]);
      break;
    }
    case 'template': {
      const bytes = template(data.kind, data.lang);
      postMessage({ type: 'file', kind: data.kind, bytes, template: true }, [bytes.buffer]);
      break;
    }
    case 'columns':
      postMessage({ type: 'columns', list: JSON.parse(columns(data.lang)) });
      break;
    default:
      break;
  }
};
