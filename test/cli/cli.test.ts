// The CLI as users and CI see it: exit codes, formats, atomic output and the lock file.
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/run-cli.js';

const root = new URL('../../', import.meta.url).pathname;
const PASSWORD_FILE = 'two-tier.demo-bgp-password';
let work: string;

beforeEach(() => {
  work = mkdtempSync(join(tmpdir(), 'thrice-cli-'));
  cpSync(join(root, 'examples/two-tier.yaml'), join(work, 'dc1.yaml'));
  // The example's BGP password file (an obviously fake demo value), which compile reads.
  cpSync(join(root, 'examples/two-tier.demo-bgp-password'), join(work, PASSWORD_FILE));
});
afterEach(() => rmSync(work, { recursive: true, force: true }));

const bad = 'thrice: 1\nname: bad\nfabric:\n  loopbacks: 10.255.0.0/16\n  asn: {spine: 65000, leaf: 65100-65999}\n  spines: 2\n  leaves:\n    - {name: spine1}\n';

describe('thrice validate', () => {
  it('exits 0 on a clean spec and writes nothing', () => {
    const r = runCli(['validate', 'dc1.yaml'], work);
    expect(r.status).toBe(0);
    expect(readdirSync(work).sort()).toEqual(['dc1.yaml', PASSWORD_FILE]);
  });

  it('prints compiler-style located errors and exits 1', () => {
    writeFileSync(join(work, 'bad.yaml'), bad);
    const r = runCli(['validate', 'bad.yaml'], work);
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/^bad\.yaml:8:14: error duplicate-name: /m);
    expect(r.stderr).toContain('^');
    expect(r.stderr).not.toMatch(/at .*\.js:\d+/); // no stack trace
  });

  it('prints JSON and SARIF on stdout', () => {
    writeFileSync(join(work, 'bad.yaml'), bad);
    const json = JSON.parse(runCli(['validate', 'bad.yaml', '--format', 'json'], work).stdout);
    expect(json.diagnostics[0]).toMatchObject({ code: 'duplicate-name', severity: 'error', location: { file: 'bad.yaml', line: 8, column: 14 } });
    const sarif = JSON.parse(runCli(['validate', 'bad.yaml', '-f', 'sarif'], work).stdout);
    expect(sarif.version).toBe('2.1.0');
    expect(sarif.runs[0].results[0]).toMatchObject({ ruleId: 'duplicate-name', level: 'error' });
  });

  it('exits 2 on bad usage and unreadable input', () => {
    expect(runCli(['validate'], work).status).toBe(2);
    expect(runCli(['frobnicate'], work).status).toBe(2);
    expect(runCli(['validate', 'dc1.yaml', '--format', 'xml'], work).status).toBe(2);
    const missing = runCli(['validate', 'nope.yaml'], work);
    expect(missing.status).toBe(2);
    expect(missing.stderr).toContain('nope.yaml');
    expect(runCli(['--help'], work).status).toBe(0);
  });
});

describe('thrice compile', () => {
  it('writes the output tree and the lock file, then is byte-identical on recompile', () => {
    const r = runCli(['compile', 'dc1.yaml', '-o', 'out'], work);
    expect(r.status, r.stderr).toBe(0);
    expect(existsSync(join(work, 'out/fabric/leaf1/frr.conf'))).toBe(true);
    expect(existsSync(join(work, 'dc1.lock.yaml'))).toBe(true);
    const snapshot = readFileSync(join(work, 'out/fabric/leaf1/frr.conf'), 'utf8');
    const lock = readFileSync(join(work, 'dc1.lock.yaml'), 'utf8');
    expect(runCli(['compile', 'dc1.yaml', '-o', 'out', '--locked'], work).status).toBe(0);
    expect(readFileSync(join(work, 'out/fabric/leaf1/frr.conf'), 'utf8')).toBe(snapshot);
    expect(readFileSync(join(work, 'dc1.lock.yaml'), 'utf8')).toBe(lock);
    expect(readdirSync(work).sort()).toEqual(['dc1.lock.yaml', 'dc1.yaml', 'out', PASSWORD_FILE]);
  });

  it('leaves an existing output directory and lock untouched when compilation fails', () => {
    expect(runCli(['compile', 'dc1.yaml', '-o', 'out'], work).status).toBe(0);
    const before = readFileSync(join(work, 'out/fabric/leaf1/frr.conf'), 'utf8');
    const lock = readFileSync(join(work, 'dc1.lock.yaml'), 'utf8');
    writeFileSync(join(work, 'dc1.yaml'), bad);
    const r = runCli(['compile', 'dc1.yaml', '-o', 'out'], work);
    expect(r.status).toBe(1);
    expect(readFileSync(join(work, 'out/fabric/leaf1/frr.conf'), 'utf8')).toBe(before);
    expect(readFileSync(join(work, 'dc1.lock.yaml'), 'utf8')).toBe(lock);
    expect(readdirSync(work).sort()).toEqual(['dc1.lock.yaml', 'dc1.yaml', 'out', PASSWORD_FILE]);
  });

  it('refuses to replace a directory it did not write', () => {
    mkdirSync(join(work, 'mine'));
    writeFileSync(join(work, 'mine/notes.txt'), 'keep me');
    const r = runCli(['compile', 'dc1.yaml', '-o', 'mine'], work);
    expect(r.status).toBe(2);
    expect(readdirSync(join(work, 'mine'))).toEqual(['notes.txt']);
  });

  it('--locked fails when the lock file would change', () => {
    const r = runCli(['compile', 'dc1.yaml', '-o', 'out', '--locked'], work);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('lock-outdated');
    expect(existsSync(join(work, 'out'))).toBe(false);
  });

  it('reports a malformed lock file at its line', () => {
    writeFileSync(join(work, 'dc1.lock.yaml'), 'thrice-lock: 1\nswitches:\n  leaf1: {id: one}\n');
    const r = runCli(['compile', 'dc1.yaml', '-o', 'out', '-f', 'json'], work);
    expect(r.status).toBe(1);
    const d = JSON.parse(r.stdout).diagnostics[0];
    expect(d).toMatchObject({ code: 'lock-invalid', location: { file: 'dc1.lock.yaml', line: 3, column: 15 } });
  });
});
