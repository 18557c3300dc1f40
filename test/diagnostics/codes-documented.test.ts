// Meta-test: every diagnostic code in the catalog is documented in the README (SARIF helpUri anchors point there).
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { allCodes } from '../../src/diagnostics/all-codes.js';

const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');

describe('code documentation', () => {
  it('has a README heading for every code', () => {
    const missing = allCodes()
      .map((c) => c.code)
      .filter((code) => !readme.includes(`#### \`${code}\``));
    expect(missing).toEqual([]);
  });
});
