// The batch page (batch.html): a file of households in, one estimate per row out. The work
// happens in a Web Worker (batch-worker.js) on the core's wasm (crates/batch); this script
// only shows what the worker answers. Nothing is sent anywhere and nothing is stored.
//
// Texts: the Dutch ones are in batch.html (elements with data-t) and in t('nl', 'en') pairs
// below; scripts/b1-check.py reads both.

const EN = {
  skip: 'Skip to content',
  title: 'Own contribution for many clients at once',
  tagline: 'For bewindvoerders, client supporters and care offices. One file with clients in, one result per client out.',
  privacyTitle: 'Your file stays on this computer',
  privacy: 'The calculation happens in your browser. Nothing goes to the internet, not even to us. This page does not keep your file. Close the page and everything is gone.',
  fileTitle: '1. Choose your file',
  fileIntro: 'An Excel file (.xlsx) or a CSV file. Each row is one client. The first row names the columns.',
  fileLabel: 'File with clients',
  fileHint: 'You can also drag the file here.',
  keepUnknown: 'Go on and skip these columns',
  templateTitle: 'Which columns? Download an example',
  templateIntro: 'The example has the columns most clients need, and three example rows. Empty cells do not count. Write amounts as 38000, 38,000 or 38,000.50.',
  templateXlsx: 'Example as Excel (.xlsx)',
  templateCsv: 'Example as CSV',
  columnsTitle: 'All the columns you can use',
  columnsIntro: 'A column name may also be the Dutch name or the key. Capitals do not matter.',
  colTitle: 'Column',
  colKey: 'Key',
  colHelp: 'What to enter',
  progressLabel: 'Progress',
  resultsTitle: '2. Results',
  filterLabel: 'Show',
  filterAll: 'All rows',
  filterErrors: 'Only rows with an error',
  filterLage: 'Only low contribution',
  filterHoge: 'Only high contribution',
  sortLabel: 'Order',
  sortFile: 'As in the file',
  sortHigh: 'Highest contribution first',
  sortLow: 'Lowest contribution first',
  downloadXlsx: 'Download the results (Excel)',
  downloadCsv: 'Download the results (CSV)',
  linkNote: 'With ‘View’ you open one client in the calculator, with the explanation of the amount. That client’s data are then in the address of that tab. The calculator remembers them on this computer until you click ‘Forget my data’.',
  caption: 'Own contribution per client',
  footer: 'wlz-bijdrage is open source and not made by the CAK. This page loads nothing from other websites and also works without internet. The amount is an estimate: the CAK sets the own contribution.',
  back: 'To the calculator for one client',
};

const $ = (id) => document.getElementById(id);
const NL = {};
for (const el of document.querySelectorAll('[data-t]')) NL[el.dataset.t] = el.textContent;

let lang = new URLSearchParams(location.search).get('lang') === 'en' ? 'en' : 'nl';
/** The text in the page's language. */
const t = (nl, en) => (lang === 'nl' ? nl : en);
const num = (n) => n.toLocaleString(lang === 'nl' ? 'nl-NL' : 'en-GB');
/** `1 rij`, `2 rijen` (`1 row`, `2 rows`). */
const rowCount = (n) => (n === 1 ? t('1 rij', '1 row') : t(`${num(n)} rijen`, `${num(n)} rows`));
const esc = (s) => String(s).replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

const worker = new Worker(new URL('./batch-worker.js?v=__VERSION__', import.meta.url), { type: 'module' });
/** The file being worked on: its name, its bytes (to read again) and when it was chosen. */
let file = null;
/** The rows shown (from the worker), their elements in file order, and the summary. */
let rowData = [];
let rowEls = [];
let summary = null;
/** Whether the file being shown has a free column (a name or reference), as the worker says. */
let labelled = false;
/**
 * The number of the latest run: the worker answers each message with the number of the run it
 * belongs to, so that the rows of a file still being worked out when another is chosen are
 * not shown with the new one.
 */
let runId = 0;

function setTexts() {
  document.documentElement.lang = lang;
  for (const el of document.querySelectorAll('[data-t]')) {
    el.textContent = lang === 'nl' ? NL[el.dataset.t] : EN[el.dataset.t];
  }
  const sw = $('batch-lang');
  sw.textContent = lang === 'nl' ? 'English' : 'Nederlands';
  sw.lang = lang === 'nl' ? 'en' : 'nl';
  document.title = t('Eigen bijdrage voor veel cliënten tegelijk', 'Own contribution for many clients at once');
  worker.postMessage({ type: 'columns', lang });
  if (summary) worker.postMessage({ type: 'view', id: runId, lang });
}

// ------------------------------------------------------------------ the file

function showError(message, unknown = false) {
  const p = $('batch-file-error');
  const input = $('batch-file');
  if (message) {
    p.textContent = message;
    p.hidden = false;
    p.setAttribute('role', 'alert');
    input.setAttribute('aria-invalid', 'true');
    input.setAttribute('aria-describedby', 'batch-file-hint batch-file-error');
  } else {
    p.hidden = true;
    p.textContent = '';
    input.removeAttribute('aria-invalid');
    input.setAttribute('aria-describedby', 'batch-file-hint');
  }
  $('batch-unknown').hidden = !unknown;
}

/** No results on the page (a new file is being read). */
function clearResults() {
  summary = null;
  sortedAs = 'file';
  rowData = [];
  $('batch-output').hidden = true;
  $('batch-summary').textContent = '';
  $('batch-body').innerHTML = '';
}

async function choose(f) {
  if (!f) return;
  showError('');
  clearResults();
  const bytes = await f.arrayBuffer();
  file = { name: f.name, bytes, start: performance.now() };
  run(false);
}

function run(keepUnknown) {
  file.start = performance.now();
  clearResults();
  $('batch-progress-box').hidden = false;
  $('batch-progress').value = 0;
  $('batch-progress-text').textContent = t('Het bestand wordt gelezen.', 'Reading the file.');
  $('batch-announce').textContent = $('batch-progress-text').textContent;
  // A copy goes to the worker: the page keeps the bytes to read them again with the
  // unknown columns skipped.
  const copy = file.bytes.slice(0);
  runId += 1;
  file.lang = lang;
  worker.postMessage({ type: 'open', id: runId, bytes: copy, keepUnknown, lang }, [copy]);
}

$('batch-file').addEventListener('change', (e) => choose(e.target.files[0]));
$('batch-keep-unknown').addEventListener('click', () => {
  showError('');
  if (file) run(true);
});
const drop = $('batch-drop');
drop.addEventListener('dragover', (e) => {
  e.preventDefault();
  drop.classList.add('dragging');
});
drop.addEventListener('dragleave', () => drop.classList.remove('dragging'));
drop.addEventListener('drop', (e) => {
  e.preventDefault();
  drop.classList.remove('dragging');
  choose(e.dataTransfer.files[0]);
});

// ------------------------------------------------------------------ the results

function calculatorLink(row) {
  const q = new URLSearchParams(row.link);
  if (lang === 'en') q.set('lang', 'en');
  return `./?${q}`;
}

function rowHtml(r, hasLabel) {
  const attrs = r.code
    ? `data-row="${r.row}" data-error="${esc(r.code)}"`
    : `data-row="${r.row}" data-monthly="${r.monthly}" data-regime="${r.regime}"`;
  let note = r.message || '';
  if (!r.code && r.not_on_page.length) {
    note = t(
      `De rekenhulp neemt deze antwoorden niet over: ${r.not_on_page.join(', ')}. Daar kan het bedrag dus anders zijn.`,
      `The calculator does not take these answers: ${r.not_on_page.join(', ')}. So the amount there can differ.`,
    );
  }
  const which = `${t('rij', 'row')} ${r.line}`;
  const link = esc(calculatorLink(r));
  // The roles keep the table a table for assistive technology: batch.css lays its rows out as
  // grids.
  return `<tr role="row" ${attrs}>`
    + `<td role="cell" data-label="${esc(t('Rij', 'Row'))}">${r.line}</td>`
    + (hasLabel ? `<td role="cell" data-label="${esc(t('Kenmerk', 'Reference'))}">${esc(r.label)}</td>` : '')
    + `<td role="cell" data-label="${esc(t('Jaar', 'Year'))}">${esc(r.year)}</td>`
    + `<td role="cell" data-label="${esc(t('Zorg', 'Care'))}">${esc(r.care)}</td>`
    + `<td role="cell" class="amount" data-label="${esc(t('Per maand', 'Per month'))}">${r.amount ? esc(r.amount) : ''}</td>`
    + `<td role="cell" data-label="${esc(t('Regime', 'Regime'))}">${r.regime_text ? esc(r.regime_text) : ''}</td>`
    + `<td role="cell" class="message" data-label="${esc(t('Toelichting', 'Note'))}">${esc(note)}</td>`
    // Links, not buttons: 10,000 buttons took seconds to lay out (docs/batch.md). The print
    // link opens the same page, and batch.js prints it once its amount is there.
    + `<td role="cell" class="row-actions" data-label="${esc(t('Meer', 'More'))}"><a href="${link}" target="_blank" aria-label="${t('Bekijk', 'View')} ${which}">${t('Bekijk', 'View')}</a>`
    + `<a href="${link}" target="_blank" data-print="${r.row}" aria-label="${t('Print', 'Print')} ${which}">${t('Print', 'Print')}</a></td>`
    + '</tr>';
}

function summaryText(s) {
  if (s.rows === 0) return t('Onder de kopregel staan geen rijen.', 'There are no rows under the header row.');
  const parts = [rowCount(s.rows)];
  if (s.lage) parts.push(t(`${num(s.lage)} met een lage bijdrage`, `${num(s.lage)} with a low contribution`));
  if (s.hoge) parts.push(t(`${num(s.hoge)} met een hoge bijdrage`, `${num(s.hoge)} with a high contribution`));
  if (s.geen) parts.push(t(`${num(s.geen)} zonder bijdrage`, `${num(s.geen)} without a contribution`));
  parts.push(s.errors === 1 ? t('1 met een fout', '1 with an error') : t(`${num(s.errors)} met een fout`, `${num(s.errors)} with an error`));
  return `${parts.join(', ')}. ${t(`Samen ${s.total} per maand, zonder de rijen met een fout.`, `Together ${s.total} a month, without the rows with an error.`)}`;
}

/** The table's head, and an empty body for the rows to come. */
function startTable(hasLabel) {
  const head = [['c-row', t('Rij', 'Row')]];
  if (hasLabel) head.push(['c-label', t('Kenmerk', 'Reference')]);
  head.push(['c-year', t('Jaar', 'Year')], ['c-care', t('Zorg', 'Care')], ['c-amount amount', t('Per maand', 'Per month')],
    ['c-regime', t('Regime', 'Regime')], ['c-note', t('Toelichting', 'Note')], ['c-more', t('Meer', 'More')]);
  $('batch-head').innerHTML = head.map(([c, h]) => `<th scope="col" role="columnheader" class="${c}">${esc(h)}</th>`).join('');
  $('batch-results').classList.toggle('no-label', !hasLabel);
  $('batch-body').innerHTML = '';
  $('batch-summary').textContent = '';
  $('batch-notes').innerHTML = '';
  $('batch-output').hidden = false;
}

/** Rows at the end of the table, as they come from the worker: shown while the next are worked out. */
function addRows(rows, hasLabel) {
  rowData.push(...rows);
  $('batch-body').insertAdjacentHTML('beforeend', rows.map((r) => rowHtml(r, hasLabel)).join(''));
}

/** The summary and the notes, when every row is done; then filter and sort apply. */
function finish(s) {
  summary = s;
  rowEls = [...$('batch-body').children];
  $('batch-summary').textContent = summaryText(s);
  const notes = [];
  if (s.windows_1252) {
    notes.push(t('Dit bestand is geen UTF-8. Het is gelezen als Windows-1252, zoals Excel op Windows het bewaart. Kijk of letters als ë goed staan.',
      'This file is not UTF-8. It was read as Windows-1252, as Excel on Windows saves it. Check that letters like ë look right.'));
  }
  if (s.unnamed_note) notes.push(s.unnamed_note);
  if (s.unknown_columns.length) {
    notes.push(t(`Deze kolommen zijn overgeslagen: ${s.unknown_columns.join(', ')}.`, `These columns were skipped: ${s.unknown_columns.join(', ')}.`));
  }
  $('batch-notes').innerHTML = notes.map((n) => `<li class="note">${esc(n)}</li>`).join('');
  applyFilter();
  applySort();
}

/** The whole table again (in another language). */
function render(v) {
  rowData = [];
  sortedAs = 'file';
  startTable(labelled);
  addRows(v.rows, labelled);
  finish(v.summary);
}

function applyFilter() {
  const f = $('batch-filter').value;
  const table = $('batch-results');
  table.classList.remove('only-errors', 'only-lage', 'only-hoge');
  if (f !== 'all') table.classList.add(`only-${f}`);
  if (!summary) return;
  const s = summary;
  const shown = { all: s.rows, errors: s.errors, lage: s.lage, hoge: s.hoge }[f];
  $('batch-shown').textContent = t(`${num(shown)} van ${num(s.rows)} rijen getoond.`, `${num(shown)} of ${num(s.rows)} rows shown.`);
}

/** The order the rows are in: the file's until sorted (moving 10,000 rows lays them out again). */
let sortedAs = 'file';

function applySort() {
  const how = $('batch-sort').value;
  if (how === sortedAs) return;
  sortedAs = how;
  const amount = (el) => (el.dataset.monthly === undefined ? null : Number(el.dataset.monthly));
  let order = rowEls;
  if (how !== 'file') {
    const sign = how === 'high' ? -1 : 1;
    // Rows with an error last, whatever the direction.
    order = [...rowEls].sort((a, b) => {
      const x = amount(a);
      const y = amount(b);
      if (x === null || y === null) return (x === null) - (y === null);
      return sign * (x - y) || a.dataset.row - b.dataset.row;
    });
  }
  $('batch-body').append(...order);
}

$('batch-filter').addEventListener('change', applyFilter);
$('batch-sort').addEventListener('change', applySort);

/** Opens the row in the calculator and prints its page (the dossier) once its amount is there. */
function printRow(n) {
  const row = rowData[n - 1];
  const w = window.open(calculatorLink(row), '_blank');
  if (!w) {
    $('batch-shown').textContent = t('Uw browser opende geen nieuw tabblad. Gebruik ‘Bekijk’ en print daar.', 'Your browser did not open a new tab. Use ‘View’ and print there.');
    return;
  }
  const started = Date.now();
  const poll = () => {
    let ready = false;
    try {
      ready = !!w.document.querySelector('#monthly-amount');
    } catch {
      return;
    }
    if (ready) {
      w.focus();
      w.print();
    } else if (Date.now() - started < 20000) {
      setTimeout(poll, 200);
    }
  };
  setTimeout(poll, 200);
}

$('batch-body').addEventListener('click', (e) => {
  const link = e.target.closest('a[data-print]');
  if (link) {
    e.preventDefault();
    printRow(Number(link.dataset.print));
  }
});

// ------------------------------------------------------------------ downloads

function save(bytes, kind, template) {
  const type = kind === 'xlsx' ? 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' : 'text/csv;charset=utf-8';
  const url = URL.createObjectURL(new Blob([bytes], { type }));
  const base = template
    ? t('voorbeeld-clienten', 'example-clients')
    : `${(file?.name || 'batch').replace(/\.[^.]*$/, '')}-${t('uitkomsten', 'results')}`;
  const a = document.createElement('a');
  a.href = url;
  a.download = `${base}.${kind}`;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

for (const kind of ['csv', 'xlsx']) {
  $(`batch-download-${kind}`).addEventListener('click', () => worker.postMessage({ type: 'download', kind, lang }));
  $(`batch-template-${kind}`).addEventListener('click', () => worker.postMessage({ type: 'template', kind, lang }));
}

// ------------------------------------------------------------------ the worker's answers

worker.onmessage = ({ data }) => {
  if (data.id !== undefined && data.id !== runId) return;
  switch (data.type) {
    case 'rows': {
      const bar = $('batch-progress');
      bar.max = Math.max(data.total, 1);
      bar.value = data.done;
      $('batch-progress-text').textContent = t(`Bezig: ${num(data.done)} van ${num(data.total)} rijen.`, `Working: ${num(data.done)} of ${num(data.total)} rows.`);
      if (data.done === 0) {
        labelled = data.labelled;
        startTable(labelled);
      } else {
        addRows(JSON.parse(data.rows), labelled);
      }
      break;
    }
    case 'done': {
      finish(JSON.parse(data.summary));
      const ms = performance.now() - file.start;
      document.documentElement.dataset.batchMs = String(Math.round(ms));
      const secs = (ms / 1000).toLocaleString(lang === 'nl' ? 'nl-NL' : 'en-GB', { minimumFractionDigits: 1, maximumFractionDigits: 1 });
      $('batch-progress-text').textContent = ms < 100
        ? t(`Klaar: ${rowCount(summary.rows)}.`, `Done: ${rowCount(summary.rows)}.`)
        : t(`Klaar: ${rowCount(summary.rows)} in ${secs} seconden.`, `Done: ${rowCount(summary.rows)} in ${secs} seconds.`);
      $('batch-announce').textContent = `${$('batch-progress-text').textContent} ${summaryText(summary)}`;
      if (summary.rows === 0) showError(summaryText(summary));
      // The language was switched while the rows were worked out: show them in the new one.
      if (file.lang !== lang) worker.postMessage({ type: 'view', id: runId, lang });
      break;
    }
    case 'failed': {
      $('batch-progress-box').hidden = true;
      const e = data.error;
      // The core's message lists every known column (for the command line); here the list
      // is one click away, under 'Alle kolommen die u kunt gebruiken'.
      const unknown = e.code === 'unknown_column';
      const names = e.unknown.map((n) => `‘${n}’`).join(', ');
      showError(unknown
        ? t(`Deze kolommen kennen we niet: ${names}. Kijk bij ‘Alle kolommen die u kunt gebruiken’ hoe u ze noemt. U kunt ook doorgaan: dan slaan we deze kolommen over.`,
          `We do not know these columns: ${names}. See ‘All the columns you can use’ for their names. You can also go on: these columns are then skipped.`)
        : e.message[lang], unknown);
      break;
    }
    case 'view':
      render(JSON.parse(data.view));
      break;
    case 'file':
      save(data.bytes, data.kind, data.template);
      break;
    case 'columns':
      $('batch-columns-body').innerHTML = data.list
        .map((c) => `<tr><td>${esc(c.title)}</td><td><code>${esc(c.key)}</code></td><td>${esc(c.help)}</td></tr>`)
        .join('');
      break;
    default:
      break;
  }
};
worker.onerror = () => {
  $('batch-progress-box').hidden = true;
  showError(t('De rekenhulp kon niet starten. Laad de pagina opnieuw.', 'The calculator could not start. Reload the page.'));
};

$('batch-lang').addEventListener('click', () => {
  lang = lang === 'nl' ? 'en' : 'nl';
  setTexts();
});
setTexts();

// Offline after the first visit, as the calculator: the service worker (sw.js) adds this page
// to its cache when asked, here, once it is active (it does not precache it for everyone).
if (/^https?:$/.test(location.protocol) && 'serviceWorker' in navigator) {
  navigator.serviceWorker.register(new URL('./sw.js', import.meta.url))
    .then(() => navigator.serviceWorker.ready)
    .then((reg) => reg.active?.postMessage({ type: 'cache-batch' }))
    .catch(() => {});
}
