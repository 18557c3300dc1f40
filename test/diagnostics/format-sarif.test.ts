// The SARIF formatter, validated against the official OASIS SARIF 2.1.0 schema (draft-07) vendored beside this file.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import AjvModule from 'ajv';
import addFormatsModule from 'ajv-formats';
import { FINGERPRINT_KEY, SRCROOT, type SarifFormatOptions, formatSarif } from '../../src/diagnostics/format-sarif.js';
import type { Diagnostic } from '../../src/diagnostics/diagnostic.js';
import { ALL, CATALOG, duplicateName } from './fixtures.js';

// CommonJS default exports arrive as `.default` in the types but as the function itself at run time.
const Ajv = ((AjvModule as unknown as { default?: unknown }).default ?? AjvModule) as typeof AjvModule.default;
const addFormats = ((addFormatsModule as unknown as { default?: unknown }).default ??
  addFormatsModule) as typeof addFormatsModule.default;

const schema = JSON.parse(readFileSync(new URL('./sarif-2.1.0.schema.json', import.meta.url), 'utf8'));
const ajv = new Ajv({ allErrors: true, strict: false });
addFormats(ajv);
const validateSarif = ajv.compile(schema);

const BASE = '/work/repo';
const options: SarifFormatOptions = { toolVersion: '0.1.0', baseDir: BASE, rules: CATALOG, cwd: BASE };

function sarif(diagnostics: readonly Diagnostic[], extra: Partial<SarifFormatOptions> = {}) {
  return JSON.parse(formatSarif(diagnostics, { ...options, ...extra }));
}

function expectValid(log: unknown): void {
  const ok = validateSarif(log);
  expect(ok ? [] : validateSarif.errors).toEqual([]);
}

describe('formatSarif', () => {
  it('is valid SARIF 2.1.0 for every kind of diagnostic, and for none', () => {
    expectValid(sarif(ALL));
    expectValid(sarif([]));
  });

  it('the schema really checks: a wrong level is rejected', () => {
    const log = sarif([duplicateName]);
    log.runs[0].results[0].level = 'info';
    expect(validateSarif(log)).toBe(false);
  });

  it('describes the tool and one rule per code used, in catalog order, unknown codes last', () => {
    const log = sarif(ALL);
    expect(log.$schema).toMatch(/sarif-schema-2\.1\.0\.json$/);
    expect(log.version).toBe('2.1.0');
    expect(log.runs).toHaveLength(1);
    const run = log.runs[0];
    expect(run.originalUriBaseIds).toEqual({ [SRCROOT]: { uri: 'file:///work/repo/' } });
    const driver = run.tool.driver;
    expect(driver.name).toBe('thrice');
    expect(driver.version).toBe('0.1.0');
    expect(driver.rules.map((r: { id: string }) => r.id)).toEqual([
      'duplicate-name', 'spine-list', 'no-targets', 'bad-thing',
    ]);
    expect(driver.rules[0]).toEqual({
      id: 'duplicate-name',
      shortDescription: { text: 'Two objects share a name.' },
      fullDescription: { text: `Two objects share a name. See ${driver.informationUri}#duplicate-name` },
      helpUri: `${driver.informationUri}#duplicate-name`,
      defaultConfiguration: { level: 'error' },
    });
    expect(driver.rules[1].helpUri).toBe(`${driver.informationUri}#spines`);
    expect(driver.rules[2].helpUri).toBe('https://example.org/no-targets');
    expect(driver.rules[2].defaultConfiguration).toEqual({ level: 'note' });
    // Unregistered code: default summary, the severity it was reported with.
    expect(driver.rules[3].shortDescription).toEqual({ text: 'Bad thing' });
    expect(driver.rules[3].defaultConfiguration).toEqual({ level: 'error' });
  });

  it('uses informationUri from the options for the tool and the rule anchors', () => {
    const driver = sarif([duplicateName], { informationUri: 'https://git.example/thrice' }).runs[0].tool.driver;
    expect(driver.informationUri).toBe('https://git.example/thrice');
    expect(driver.rules[0].helpUri).toBe('https://git.example/thrice#duplicate-name');
  });

  it('maps a diagnostic to a result with rule, level, message, region and related locations', () => {
    const log = sarif(ALL);
    const result = log.runs[0].results[1];
    const { partialFingerprints, ...rest } = result;
    expect(rest).toEqual({
      ruleId: 'duplicate-name',
      ruleIndex: 0,
      level: 'error',
      message: { text: 'leaf name "leaf1" is used twice\nhint: rename one of them' },
      locations: [
        {
          physicalLocation: {
            artifactLocation: { uri: 'dc1.yaml', uriBaseId: SRCROOT },
            region: { startLine: 5, startColumn: 14, endLine: 5, endColumn: 19 },
          },
        },
      ],
      relatedLocations: [
        {
          id: 1,
          physicalLocation: {
            artifactLocation: { uri: 'dc1.yaml', uriBaseId: SRCROOT },
            region: { startLine: 4, startColumn: 14, endLine: 4, endColumn: 19 },
          },
          message: { text: 'first defined here' },
        },
      ],
    });
    expect(Object.keys(partialFingerprints)).toEqual([FINGERPRINT_KEY]);
    for (const r of log.runs[0].results) {
      expect(r.ruleId).toBe(log.runs[0].tool.driver.rules[r.ruleIndex].id);
    }
    const levels = log.runs[0].results.map((r: { ruleId: string; level: string }) => `${r.ruleId}:${r.level}`);
    expect(levels).toEqual(['no-targets:note', 'duplicate-name:error', 'spine-list:warning', 'bad-thing:error']);
    expect(log.runs[0].results[0].locations).toBeUndefined();
  });

  it('makes URIs relative POSIX paths under %SRCROOT%, or absolute file URIs outside it', () => {
    const at = (file: string): Diagnostic => ({
      ...duplicateName,
      location: { ...duplicateName.location!, file },
      related: [],
    });
    const uris = sarif([at('sub dir/a#1.yaml'), at('/elsewhere/b.yaml'), at('/work/repo/c/d.yaml')])
      .runs[0].results.map((r: any) => r.locations[0].physicalLocation.artifactLocation);
    expect(uris).toEqual([
      { uri: 'file:///elsewhere/b.yaml' },
      { uri: 'c/d.yaml', uriBaseId: SRCROOT },
      { uri: 'sub%20dir/a%231.yaml', uriBaseId: SRCROOT },
    ]);
  });

  it('is deterministic and keeps fingerprints when the YAML moves, not when the finding changes', () => {
    expect(formatSarif(ALL, options)).toBe(formatSarif([...ALL].reverse(), options));
    const fp = (d: Diagnostic) => sarif([d]).runs[0].results[0].partialFingerprints[FINGERPRINT_KEY];
    const moved: Diagnostic = {
      ...duplicateName,
      location: { file: 'dc1.yaml', line: 40, column: 3, endLine: 41, endColumn: 1 },
    };
    expect(fp(moved)).toBe(fp(duplicateName));
    expect(fp({ ...duplicateName, path: 'fabric.leaves[2].name' })).not.toBe(fp(duplicateName));
    expect(fp({ ...duplicateName, code: 'other-code' })).not.toBe(fp(duplicateName));
    // Two findings that hash alike still get distinct fingerprints.
    const twice = sarif([duplicateName, moved]).runs[0].results;
    expect(twice[0].partialFingerprints[FINGERPRINT_KEY]).not.toBe(twice[1].partialFingerprints[FINGERPRINT_KEY]);
  });
});
