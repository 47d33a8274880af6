#!/usr/bin/env node
// Turns the build in dist/ into ONE self-contained HTML file that works when
// opened from disk (file://) with no server and no network:
//
//   node scripts/build-offline.mjs [dist-dir] [out-file]
//   (default: dist/ and dist/wlz-bijdrage-offline.html; ./scripts/build-offline.sh
//   builds dist/ first when needed)
//
// Every <link rel=stylesheet> of index.html becomes a <style>, every
// <script src> an inline script; a module script takes its static imports of
// local modules along (each wrapped in a function scope), and a local file it
// refers to as `new URL('file', import.meta.url)` (the wasm) is carried as
// base64 and handed over as bytes; of boot.js's two builds of the app only the full one is
// carried (the part between `bundle: begin` and `bundle: end`), with its stylesheet extras.css
// after style.css. Preloads and the manifest are dropped; the
// part of a script between `service-worker: begin` and `service-worker: end`
// comments is left out (no service worker in a file). The page's CSP is
// replaced by a strict one: nothing but these inline scripts and styles (by
// sha256 hash) and the wasm compile; no request of any kind. The build fails
// on anything it cannot inline rather than leave a URL behind.

import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const DIST = path.resolve(process.argv[2] || path.join(REPO, 'dist'));
const OUT = path.resolve(process.argv[3] || path.join(DIST, 'wlz-bijdrage-offline.html'));

const MIME = {
  '.svg': 'image/svg+xml', '.png': 'image/png', '.ico': 'image/x-icon', '.jpg': 'image/jpeg',
  '.gif': 'image/gif', '.webp': 'image/webp', '.wasm': 'application/wasm',
};

function fail(msg) {
  console.error(`build-offline: ${msg}`);
  process.exit(1);
}

/** A local reference (relative to `from`, a file in DIST) as a file path; null for data:/blob:/#. */
function localFile(ref, from) {
  if (/^(data|blob):/i.test(ref) || ref.startsWith('#')) return null;
  if (/^[a-z][a-z0-9+.-]*:/i.test(ref) || ref.startsWith('//')) {
    fail(`${path.relative(DIST, from)} refers to ${ref}: only local files can be inlined`);
  }
  const rel = ref.split(/[?#]/)[0];
  const file = rel.startsWith('/') ? path.join(DIST, rel) : path.resolve(path.dirname(from), rel);
  if (!file.startsWith(DIST + path.sep)) fail(`${ref} lies outside ${DIST}`);
  if (!fs.existsSync(file)) fail(`${path.relative(DIST, from)} refers to ${ref}, which is not in ${DIST}`);
  return file;
}

const read = (file) => fs.readFileSync(file, 'utf8').replace(/\r\n?/g, '\n');
const sha256 = (text) => `'sha256-${crypto.createHash('sha256').update(text, 'utf8').digest('base64')}'`;
const dataUrl = (file) => `data:${MIME[path.extname(file).toLowerCase()] || 'application/octet-stream'};base64,${fs.readFileSync(file).toString('base64')}`;

function attrs(text) {
  const out = new Map();
  for (const m of text.matchAll(/([^\s=/]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+)))?/g)) {
    out.set(m[1].toLowerCase(), (m[2] ?? m[3] ?? m[4] ?? '').replace(/&amp;/g, '&'));
  }
  return out;
}

const dropServiceWorker = (code) =>
  code.replace(/\/\*\s*service-worker: begin[\s\S]*?service-worker: end\s*\*\/\n?/g, '');

// boot.js picks one of two builds of the app at run time (a dynamic import, which a single
// file cannot carry); the file carries the full app alone (the planner and the letter check
// included), imported statically.
const FULL_APP = [
  "import init from './pkg/wlz_web_full.js';",
  "const wasm = new URL('./pkg/wlz_web_full_bg.wasm', import.meta.url);",
  '',
].join('\n');
const fullAppOnly = (code) =>
  code.replace(/\/\*\s*bundle: begin[\s\S]*?bundle: end\s*\*\/\n?/g, FULL_APP);

/**
 * One module script with its local static imports inlined: { code } of a
 * single inline module, and the `files` it carries.
 */
function bundle(entry) {
  const assets = new Map(); // file -> key
  const modules = new Map(); // file -> variable name
  const parts = [];
  const loading = new Set();
  let count = 0;

  function rewriteAssets(code, file) {
    return code.replace(/new URL\(\s*(['"])([^'"]+)\1\s*,\s*import\.meta\.url\s*\)/g, (m, _q, ref) => {
      const asset = localFile(ref, file);
      if (!asset) return m;
      const key = path.relative(DIST, asset).split(path.sep).join('/');
      assets.set(asset, key);
      return `__wlzAsset(${JSON.stringify(key)})`;
    });
  }

  function rewriteImports(code, file) {
    if (/\bimport\s*\(/.test(code)) fail(`${path.relative(DIST, file)}: dynamic import() cannot be inlined`);
    code = code.replace(/^[ \t]*import\s+(['"])([^'"]+)\1\s*;?/gm, (_m, _q, spec) => `${load(spec, file)};`);
    return code.replace(/^[ \t]*import\s+([\w$*{][\s\S]*?)\s+from\s+(['"])([^'"]+)\2\s*;?/gm, (_m, clause, _q, spec) => {
      const mod = load(spec, file);
      const lines = [];
      let rest = clause.trim();
      const def = rest.match(/^([\w$]+)\s*(,|$)/);
      if (def) {
        lines.push(`const ${def[1]} = ${mod}.default;`);
        rest = rest.slice(def[0].length).trim();
      }
      const ns = rest.match(/^\*\s*as\s+([\w$]+)$/);
      const named = rest.match(/^\{([\s\S]*)\}$/);
      if (ns) lines.push(`const ${ns[1]} = ${mod};`);
      else if (named) {
        const binds = named[1].split(',').map((s) => s.trim()).filter(Boolean)
          .map((s) => s.split(/\s+as\s+/)).map(([a, b]) => (b ? `${a}: ${b}` : a));
        lines.push(`const { ${binds.join(', ')} } = ${mod};`);
      } else if (rest) fail(`${path.relative(DIST, file)}: cannot read the import ${clause}`);
      return lines.join('\n');
    });
  }

  /** Inlines the module `spec` (imported by `from`); returns the variable that holds its exports. */
  function load(spec, from) {
    if (!/^(\.{0,2}\/)/.test(spec)) fail(`${path.relative(DIST, from)} imports ${spec}: only local modules can be inlined`);
    const file = localFile(spec, from);
    if (modules.has(file)) return modules.get(file);
    if (loading.has(file)) fail(`circular import of ${path.relative(DIST, file)}`);
    loading.add(file);
    const name = `__wlzModule${++count}`;
    let code = rewriteImports(rewriteAssets(fullAppOnly(dropServiceWorker(read(file))), file), file);
    const exported = [];
    code = code
      .replace(/^export\s+((?:async\s+)?function\*?|class|const|let|var)\s+([\w$]+)/gm, (_m, kind, id) => {
        exported.push([id, id]);
        return `${kind} ${id}`;
      })
      .replace(/^export\s*\{([^}]*)\}\s*(from\b)?[^;\n]*;?/gm, (m, list, from2) => {
        if (from2) fail(`${path.relative(DIST, file)}: re-exports cannot be inlined (${m})`);
        for (const s of list.split(',').map((x) => x.trim()).filter(Boolean)) {
          const [local, as] = s.split(/\s+as\s+/);
          exported.push([as || local, local]);
        }
        return '';
      })
      .replace(/^export\s+default\s+/gm, () => {
        exported.push(['default', '__wlzDefault']);
        return 'const __wlzDefault = ';
      });
    if (/^export\b/m.test(code)) fail(`${path.relative(DIST, file)}: an export form this build cannot inline`);
    // Getters keep the bindings live, as an ES module's are.
    const getters = exported.map(([as, local]) => `get ${JSON.stringify(as)}() { return ${local}; }`);
    parts.push(`// ${path.relative(DIST, file)}\nconst ${name} = (() => {\n${code.trimEnd()}\nreturn Object.freeze({ ${getters.join(', ')} });\n})();`);
    loading.delete(file);
    modules.set(file, name);
    return name;
  }

  const main = rewriteImports(rewriteAssets(fullAppOnly(dropServiceWorker(read(entry))), entry), entry);
  const head = [];
  if (assets.size) {
    const table = [...assets].map(([file, key]) => `  ${JSON.stringify(key)}: '${fs.readFileSync(file).toString('base64')}',`);
    head.push([
      '// Files the code refers to by URL, carried here (base64) and handed over as bytes.',
      `const __wlzAssets = {\n${table.join('\n')}\n};`,
      'function __wlzAsset(name) {',
      '  const text = atob(__wlzAssets[name]);',
      '  const bytes = new Uint8Array(text.length);',
      '  for (let i = 0; i < text.length; i++) bytes[i] = text.charCodeAt(i);',
      '  return bytes;',
      '}',
    ].join('\n'));
  }
  return {
    code: `\n${[...head, ...parts, `// ${path.relative(DIST, entry)}\n${main.trim()}`].join('\n\n')}\n`,
    files: [entry, ...modules.keys(), ...assets.keys()],
  };
}

/** A stylesheet with its local url(...) references as data: URLs. */
function inlineCss(file) {
  const css = read(file);
  if (/@import\b/.test(css)) fail(`${path.relative(DIST, file)}: @import cannot be inlined`);
  return css.replace(/url\(\s*(['"]?)([^'")]+)\1\s*\)/g, (m, _q, ref) => {
    const asset = localFile(ref.trim(), file);
    return asset ? `url("${dataUrl(asset)}")` : m;
  });
}

function build() {
  const indexFile = path.join(DIST, 'index.html');
  if (!fs.existsSync(indexFile)) fail(`no ${indexFile}: run ./scripts/build-web.sh first`);
  let html = read(indexFile);
  if (html.includes('__VERSION__')) fail('dist/index.html is not stamped (an unfinished build?)');
  const version = (fs.existsSync(path.join(DIST, 'version.txt')) ? read(path.join(DIST, 'version.txt')).trim() : '') || 'unversioned';

  const scriptHashes = [];
  const styleHashes = [];
  const inlined = new Set();
  const preloaded = [];

  html = html.replace(/([ \t]*)(<link\b([^>]*)>)(\n?)/gi, (_m, indent, tag, a, nl) => {
    const out = link(tag, a);
    return out ? indent + out + nl : '';
  });

  function link(tag, a) {
    const at = attrs(a);
    const rels = (at.get('rel') || '').toLowerCase().split(/\s+/);
    const href = at.get('href') || '';
    if (rels.includes('stylesheet')) {
      const file = localFile(href, indexFile);
      if (!file) fail(`a stylesheet at ${href}`);
      inlined.add(file);
      const css = inlineCss(file);
      if (/<\/style/i.test(css)) fail(`${href} contains "</style"`);
      styleHashes.push(sha256(css));
      const media = at.has('media') ? ` media="${at.get('media')}"` : '';
      // The full app's own stylesheet (boot.js adds it for #jaren and #brief) follows style.css:
      // the file carries the full app.
      const extras = path.join(DIST, 'extras.css');
      if (path.basename(file) === 'style.css' && fs.existsSync(extras)) {
        inlined.add(extras);
        const more = inlineCss(extras);
        if (/<\/style/i.test(more)) fail('extras.css contains "</style"');
        styleHashes.push(sha256(more));
        return `<style${media}>${css}</style>\n  <style>${more}</style>`;
      }
      return `<style${media}>${css}</style>`;
    }
    if (rels.some((r) => ['preload', 'modulepreload', 'prefetch'].includes(r))) {
      const file = localFile(href, indexFile);
      if (file) preloaded.push(file);
      return '';
    }
    if (rels.some((r) => ['manifest', 'preconnect', 'dns-prefetch'].includes(r))) return '';
    if (rels.includes('icon')) {
      const file = localFile(href, indexFile);
      return file ? tag.replace(href, dataUrl(file)) : tag;
    }
    return fail(`cannot inline ${tag}`);
  }

  html = html.replace(/<script\b([^>]*)>([\s\S]*?)<\/script>/gi, (tag, a, body) => {
    const at = attrs(a);
    const type = (at.get('type') || '').toLowerCase();
    const isModule = type === 'module';
    if (type && !isModule && !/^(text|application)\/(java|ecma)script$/.test(type)) return tag; // data, not code
    let code;
    if (at.has('src')) {
      const file = localFile(at.get('src'), indexFile);
      if (!file) fail(`cannot inline ${tag}`);
      if (!isModule && (at.has('defer') || at.has('async'))) fail(`a classic script with defer/async cannot be inlined: ${tag}`);
      inlined.add(file);
      if (isModule) {
        const b = bundle(file);
        code = b.code;
        b.files.forEach((f) => inlined.add(f));
      } else {
        code = `\n${dropServiceWorker(read(file))}\n`;
      }
    } else {
      code = body;
    }
    if (/<\/script|<!--/i.test(code)) fail(`${at.get('src') || 'an inline script'} contains "</script" or "<!--"`);
    scriptHashes.push(sha256(code));
    return `<script${isModule ? ' type="module"' : ''}>${code}</script>`;
  });

  // index.html preloads the calculator's build; the file carries the full app in its place.
  const fullOf = (file) => file.replace(/wlz_web(_bg\.wasm|\.js)$/, 'wlz_web_full$1');
  for (const file of preloaded) {
    if (!inlined.has(file) && !inlined.has(fullOf(file))) fail(`index.html preloads ${path.relative(DIST, file)}, which no script carries along`);
  }

  const csp = [
    "default-src 'none'",
    `script-src ${scriptHashes.join(' ')} 'wasm-unsafe-eval'`,
    `style-src ${styleHashes.join(' ') || "'none'"}`,
    'img-src data:',
    "connect-src 'none'",
    "font-src 'none'",
    "media-src 'none'",
    "object-src 'none'",
    "frame-src 'none'",
    "worker-src 'none'",
    "manifest-src 'none'",
    "base-uri 'none'",
    "form-action 'none'",
  ].join('; ');
  const meta = `<meta http-equiv="Content-Security-Policy" content="${csp}">`;
  const cspTag = /<meta\s+http-equiv=["']?Content-Security-Policy["']?[^>]*>/i;
  html = cspTag.test(html) ? html.replace(cspTag, meta) : html.replace(/(<meta\s+charset[^>]*>)/i, `$1\n  ${meta}`);
  html = html.replace(/<!--\s*Nothing leaves the page:[^>]*-->\n?\s*/, '');
  html = html.replace(/^<!doctype html>\n/i, (d) =>
    `${d}<!-- wlz-bijdrage ${version}: the whole calculator in one file, for use without internet (built by scripts/build-offline.sh). -->\n`);

  // Nothing may be left that the browser would fetch.
  const rest = html.replace(/<script\b[^>]*>[\s\S]*?<\/script>/gi, '').replace(/<style\b[^>]*>[\s\S]*?<\/style>/gi, '');
  for (const m of rest.matchAll(/\s(?:src|href|srcset|poster|data|action)\s*=\s*["']?([^"'\s>]+)/gi)) {
    if (!/^(data:|#)/i.test(m[1])) fail(`a reference is left: ${m[0].trim()}`);
  }
  if (/serviceWorker/.test(html)) fail('service worker code is left in the file');
  if (html.includes('__VERSION__')) fail('an unstamped __VERSION__ is left');

  const tmp = `${OUT}.tmp-${process.pid}`;
  fs.writeFileSync(tmp, html);
  fs.renameSync(tmp, OUT);
  console.log(`wrote ${path.relative(process.cwd(), OUT) || OUT} (${fs.statSync(OUT).size} bytes, version ${version}; ` +
    `${scriptHashes.length} script(s), ${styleHashes.length} style(s) inlined)`);
}

build();
