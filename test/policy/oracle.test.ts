// Every oracle case from np-guard/netpol-analyzer: our listing must equal its expected.txt exactly.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parseYamlStream } from '../../src/source/parse-yaml.js';
import { connectivityFromManifests } from '../../src/policy/connectivity-from-manifests.js';

// CI checks `shared/` out beside the repository: <root>/../shared.
const casesDir = fileURLToPath(new URL('../../../shared/oracle/netpol/cases', import.meta.url));
const cases = readdirSync(casesDir, { withFileTypes: true })
  .filter((e) => e.isDirectory())
  .map((e) => e.name)
  .sort();

function runCase(name: string): { listing: string; expected: string; errors: string[] } {
  const inputDir = join(casesDir, name, 'input');
  const files = readdirSync(inputDir)
    .filter((f) => /\.(ya?ml|json)$/.test(f))
    .sort();
  const documents = files.flatMap((f) => {
    const parsed = parseYamlStream(readFileSync(join(inputDir, f), 'utf8'), join(name, 'input', f));
    expect(parsed.diagnostics).toEqual([]);
    return parsed.documents;
  });
  const result = connectivityFromManifests(documents);
  const errors = result.diagnostics.filter((d) => d.severity === 'error').map((d) => `${d.code}: ${d.message}`);
  const expected = readFileSync(join(casesDir, name, 'expected.txt'), 'utf8');
  return { listing: result.listing, expected, errors };
}

const trimEnd = (text: string): string => text.replace(/\n+$/, '');

describe('NetworkPolicy oracle cases', () => {
  it('finds all 21 cases', () => {
    expect(cases).toHaveLength(21);
  });

  it.each(cases)('%s', (name) => {
    const { listing, expected, errors } = runCase(name);
    expect(errors).toEqual([]);
    expect(trimEnd(listing)).toBe(trimEnd(expected));
  });
});
