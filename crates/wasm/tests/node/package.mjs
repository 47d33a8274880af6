// Installs the packed npm package (target/npm/wlz-bijdrage-<version>.tgz,
// built by scripts/build-npm.sh) into a fresh temporary project, the way a
// developer would, and loads it from there through its `exports` map.
//
// Run the suite from the repo root: `node --test crates/wasm/tests/node/`.

import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createRequire } from 'node:module';
import { after, before } from 'node:test';
import { fileURLToPath, pathToFileURL } from 'node:url';

export const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', '..', '..');
const NPM_DIR = process.env.WLZ_NPM_DIR || path.join(REPO, 'target', 'npm');

/** The packed package: exactly one tarball, else the build is missing. */
export function tarball() {
  const tgz = fs.existsSync(NPM_DIR)
    ? fs.readdirSync(NPM_DIR).filter((f) => /^wlz-bijdrage-.*\.tgz$/.test(f))
    : [];
  if (tgz.length !== 1) {
    throw new Error(`expected one wlz-bijdrage-*.tgz in ${NPM_DIR}: run ./scripts/build-npm.sh first`);
  }
  return path.join(NPM_DIR, tgz[0]);
}

/**
 * A temporary project with the package installed from the tarball
 * (`npm install --offline`: the package has no dependencies).
 * Returns { dir, esm(), cjs(), file(rel), cleanup() }.
 */
export function installPackage() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'wlz-npm-'));
  fs.writeFileSync(path.join(dir, 'package.json'),
    JSON.stringify({ name: 'consumer', private: true, type: 'module' }));
  execFileSync('npm', ['install', '--offline', '--no-audit', '--no-fund', '--silent', tarball()],
    { cwd: dir, stdio: ['ignore', 'ignore', 'inherit'] });
  // A module inside the consumer project, so that `wlz-bijdrage` resolves
  // as it would for the developer (package.json `exports`, `node` condition).
  fs.writeFileSync(path.join(dir, 'esm.mjs'), "export * from 'wlz-bijdrage';\n");
  fs.writeFileSync(path.join(dir, 'web.mjs'),
    "export * from 'wlz-bijdrage/web';\nexport { default } from 'wlz-bijdrage/web';\n");
  const require = createRequire(path.join(dir, 'package.json'));
  return {
    dir,
    esm: () => import(pathToFileURL(path.join(dir, 'esm.mjs')).href),
    web: () => import(pathToFileURL(path.join(dir, 'web.mjs')).href),
    cjs: () => require('wlz-bijdrage'),
    file: (rel) => path.join(dir, 'node_modules', 'wlz-bijdrage', rel),
    cleanup: () => fs.rmSync(dir, { recursive: true, force: true }),
  };
}

/** The YAML fixture cases of fixtures/<name>.yaml (hand-computed expectations). */
export async function fixtureCases(name) {
  const requireRepo = createRequire(path.join(REPO, 'package.json'));
  const YAML = requireRepo('yaml');
  return YAML.parse(fs.readFileSync(path.join(REPO, 'fixtures', `${name}.yaml`), 'utf8'));
}

/** The contract input of a fixture case (rules of fixtures/README.md). */
export function fixtureInput(c) {
  const input = { ...c.input, year: c.year };
  if (!('version' in c.input)) input.version = 1;
  return input;
}

/**
 * The set-up every test file shares: the package installed before the
 * file's tests, removed after. `assign(pkg, module)` receives the installed
 * package and its ES-module import.
 */
export function usePackage(assign) {
  let pkg;
  before(async () => {
    pkg = installPackage();
    assign(pkg, await pkg.esm());
  });
  after(() => pkg?.cleanup());
}

/** The error `fn` throws (the test fails when it throws nothing). */
export function thrown(fn) {
  try {
    fn();
  } catch (e) {
    return e;
  }
  assert.fail('expected a throw');
}

/** A WlzError with this code and field: not a wasm trap, not a glue TypeError. */
export function assertWlzError(e, code, field, what) {
  assert.ok(!(e instanceof WebAssembly.RuntimeError), `${what}: a wasm trap: ${e}`);
  assert.ok(!(e instanceof TypeError), `${what}: a TypeError: ${e}`);
  assert.ok(e instanceof Error, `${what}: an Error`);
  assert.equal(e.name, 'WlzError', `${what}: ${e}`);
  assert.equal(e.code, code, `${what}: ${e.message}`);
  assert.equal(e.field, field, `${what}: ${e.message}`);
  assert.equal(typeof e.message, 'string');
  assert.ok(e.message.length > 0, `${what}: a message`);
  assert.equal(e.message, e.detail.message.en);
  assert.ok(e.detail.message.nl.length > 0, `${what}: a Dutch message`);
  assert.equal(e.detail.code, code);
}
