// Every shared fixture case through the installed npm package: the spec's
// worked examples, the OPEN readings, the boundaries, the error codes and
// the estimated-tax cases. The expected values were computed by hand
// (fixtures/handcalc.py), never by this code.

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { fixtureCases, fixtureInput, usePackage } from './package.mjs';

let pkg;
let wlz;
usePackage((p, w) => {
  pkg = p;
  wlz = w;
});

for (const file of ['spec-examples', 'open-readings', 'boundaries', 'errors', 'tax-estimate']) {
  test(`fixtures/${file}.yaml`, async () => {
    const cases = await fixtureCases(file);
    assert.ok(cases.length >= 10, `${file} has cases`);
    const failures = [];
    for (const c of cases) {
      const exp = c.expected;
      let r;
      try {
        r = wlz.estimate(fixtureInput(c));
      } catch (e) {
        if (e?.name !== 'WlzError') {
          failures.push(`${c.name}: not a WlzError: ${e}`);
        } else if (exp.error !== e.code) {
          failures.push(`${c.name}: error ${e.code} (${e.message}), expected ${JSON.stringify(exp)}`);
        }
        continue;
      }
      if (exp.error) {
        failures.push(`${c.name}: expected error ${exp.error}, got ${r.regime} ${r.monthly}`);
        continue;
      }
      if (exp.regime && r.regime !== exp.regime) failures.push(`${c.name}: regime ${r.regime} ≠ ${exp.regime}`);
      if (exp.monthly && r.monthly !== exp.monthly) failures.push(`${c.name}: monthly ${r.monthly} ≠ ${exp.monthly}`);
      if (exp.due && r.due !== exp.due) failures.push(`${c.name}: due ${r.due} ≠ ${exp.due}`);
      if (exp.split && (r.split?.client !== exp.split.client || r.split?.partner !== exp.split.partner)) {
        failures.push(`${c.name}: split ${JSON.stringify(r.split)} ≠ ${JSON.stringify(exp.split)}`);
      }
      // The result is the last word of its own trace.
      const monthlyStep = r.steps.find((s) => s.id === 'monthly');
      if (monthlyStep?.amount !== r.monthly) failures.push(`${c.name}: monthly is not the trace's monthly step`);
    }
    assert.deepEqual(failures, [], `${failures.length} of ${cases.length} cases failed`);
  });
}
