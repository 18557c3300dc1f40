// `fabric.bgp.password`: read by compile from the environment or a file inside the project, written into frr.conf only, each failure a located error.
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { checkTopology, compileTopology } from '../../src/compile/pipeline.js';
import { fileSystemHost } from '../../src/cli/file-system-host.js';

const root = mkdtempSync(join(tmpdir(), 'thrice-bgp-password-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));
const SECRET = 'Sw0rdfish-7f3a9c';

/** A project `<root>/<name>/proj` whose spec's password line is `password`, at line 9, value at column 15. */
function project(name: string, password: string) {
  const dir = join(root, name, 'proj');
  mkdirSync(dir, { recursive: true });
  const spec = join(dir, 'dc.yaml');
  const text = `thrice: 1
name: dc
fabric:
  loopbacks: 10.255.0.0/16
  asn: {spine: 65000, leaf: 65100-65999}
  spines: 2
  leaves: 2
  bgp:
    password: ${password}
`;
  writeFileSync(spec, text);
  return { dir, spec, text };
}

function compileIn(p: ReturnType<typeof project>, env: Record<string, string> = {}) {
  return compileTopology({ spec: { file: 'dc.yaml', text: p.text }, host: fileSystemHost(p.spec, { env }) });
}

const codes = (r: { diagnostics: readonly { code: string; location?: { line: number; column: number } }[] }) =>
  r.diagnostics.map((d) => `${d.code} ${d.location?.line}:${d.location?.column}`);

describe('the BGP password', () => {
  it('from an environment variable: in every frr.conf (marked secret), nowhere else', () => {
    const p = project('env', '{env: FABRIC_PW}');
    const result = compileIn(p, { FABRIC_PW: SECRET });
    expect(codes(result).filter((c) => !c.startsWith('bgp-session'))).toEqual([]);
    const frr = (result.outputs ?? []).filter((f) => f.path.endsWith('frr.conf'));
    expect(frr).toHaveLength(4);
    for (const f of frr) {
      expect(f.contents).toContain(` neighbor fabric password ${SECRET}\n`);
      expect(f.secret).toBe(true);
    }
    for (const f of (result.outputs ?? []).filter((o) => !o.path.endsWith('frr.conf'))) expect(f.contents, f.path).not.toContain(SECRET);
    expect(result.lockText).not.toContain(SECRET);
    expect(JSON.stringify(result.ir)).not.toContain(SECRET);
  });

  it('from a file inside the project, without its trailing newline', () => {
    const p = project('file', '{file: secrets/bgp.txt}');
    mkdirSync(join(p.dir, 'secrets'));
    writeFileSync(join(p.dir, 'secrets', 'bgp.txt'), `${SECRET}\n`);
    const frr = compileIn(p).outputs?.find((f) => f.path === 'fabric/leaf1/frr.conf');
    expect(frr?.contents).toContain(` neighbor fabric password ${SECRET}\n`);
  });

  it('is not needed by check (a pull request CI rarely holds it)', () => {
    const p = project('check', '{env: FABRIC_PW}');
    const result = checkTopology({ spec: { file: 'dc.yaml', text: p.text }, host: fileSystemHost(p.spec, { env: {} }) });
    expect(result.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(codes(result)).not.toContain('bgp-session-unauthenticated 3:1');
  });

  it.each([
    ['an unset variable', '{env: FABRIC_PW}', {}, 'bgp-password-missing 9:21'],
    ['an empty variable', '{env: FABRIC_PW}', { FABRIC_PW: '' }, 'bgp-password-missing 9:21'],
    ['a variable with a space', '{env: FABRIC_PW}', { FABRIC_PW: 'two words' }, 'bgp-password-invalid 9:21'],
    ['a variable too long for TCP-MD5', '{env: FABRIC_PW}', { FABRIC_PW: 'x'.repeat(81) }, 'bgp-password-invalid 9:21'],
    ['a missing file', '{file: nothing.txt}', {}, 'bgp-password-missing 9:22'],
    ['a climbing path', '{file: ../secret.txt}', {}, 'bgp-password-outside-project 9:22'],
  ])('%s is a located error, and no output is written', (_, password, env, expected) => {
    const p = project(`bad-${expected.split(' ')[0]}-${password.length}-${Object.keys(env).length}`, password);
    writeFileSync(join(p.dir, '..', 'secret.txt'), `${SECRET}\n`);
    const result = compileIn(p, env as Record<string, string>);
    expect(codes(result)).toContain(expected);
    expect(result.outputs).toBeUndefined();
    expect(JSON.stringify(result.diagnostics)).not.toContain(SECRET);
  });

  it('a symbolic link leading out of the project is refused, unread', () => {
    const p = project('link', '{file: bgp.txt}');
    writeFileSync(join(p.dir, '..', 'secret.txt'), `${SECRET}\n`);
    symlinkSync(join(p.dir, '..', 'secret.txt'), join(p.dir, 'bgp.txt'));
    const result = compileIn(p);
    expect(codes(result)).toContain('bgp-password-outside-project 9:22');
    expect(JSON.stringify(result.diagnostics)).not.toContain(SECRET);
  });

  it('a directory or an oversized file is invalid', () => {
    const p = project('dir', '{file: bgp}');
    mkdirSync(join(p.dir, 'bgp'));
    expect(codes(compileIn(p))).toContain('bgp-password-invalid 9:22');
    const q = project('big', '{file: bgp.txt}');
    writeFileSync(join(q.dir, 'bgp.txt'), 'x'.repeat(10_000));
    expect(codes(compileIn(q))).toContain('bgp-password-invalid 9:22');
  });
});
