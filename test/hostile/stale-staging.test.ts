// Issue 8.6: staged trees that a killed compile left behind are removed by the next compile, and only those.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { exampleProject, thrice } from './hostile-fixtures.js';

/** The pid of a process that has ended (pids are not reused this quickly). */
function deadPid(): number {
  const r = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' });
  return Number(r.stdout);
}

describe('leftovers of killed compiles', () => {
  it('removes dead runs\' .out.tmp-*, .out.old-* and lock staging files; keeps live ones and foreign ones', () => {
    const { project } = exampleProject();
    const dead = deadPid();
    const staged = (name: string, files: Record<string, string>) => {
      const dir = join(project, name);
      mkdirSync(dir);
      for (const [file, text] of Object.entries(files)) writeFileSync(join(dir, file), text);
      return dir;
    };
    const deadTmp = staged(`.out.tmp-${dead}-abc`, { '.thrice-output': 'thrice\n', 'ir.json': '{}\n' });
    const deadOld = staged(`.out.old-${dead}-abd`, { '.thrice-output': 'thrice\n' });
    const deadEmpty = staged(`.out.tmp-${dead}-abe`, {});
    const liveTmp = staged(`.out.tmp-${process.pid}-abf`, { '.thrice-output': 'thrice\n' });
    const foreign = staged(`.out.tmp-${dead}-abg`, { 'precious.txt': 'not thrice\n' });
    const deadLock = join(project, `.dc1.lock.yaml.tmp-${dead}-abh`);
    writeFileSync(deadLock, 'partial\n');
    // Without a lock file the compile writes one, so the lock's directory is swept too.
    rmSync(join(project, 'dc1.lock.yaml'));
    const run = thrice(['compile', 'dc1.yaml', '-o', 'out'], { cwd: project });
    expect(run.status, run.stderr).toBe(0);
    expect(existsSync(deadTmp)).toBe(false);
    expect(existsSync(deadOld)).toBe(false);
    expect(existsSync(deadEmpty)).toBe(false);
    expect(existsSync(liveTmp)).toBe(true);
    expect(existsSync(join(foreign, 'precious.txt'))).toBe(true);
    expect(existsSync(deadLock)).toBe(false);
    expect(existsSync(join(project, 'dc1.lock.yaml'))).toBe(true);
  });

  it('a compile killed mid-write leaves nothing the next compile does not remove', async () => {
    const { project } = exampleProject();
    const main = new URL('../../dist/src/cli/main.js', import.meta.url).pathname;
    const child = spawn(process.execPath, [main, 'compile', 'dc1.yaml', '-o', 'out'], { cwd: project, stdio: 'ignore' });
    // Kill as soon as a staging directory appears (or give up after the compile ends on its own).
    const deadline = Date.now() + 20_000;
    while (Date.now() < deadline && child.exitCode === null) {
      if (readdirSync(project).some((e) => e.startsWith('.out.tmp-'))) {
        child.kill('SIGKILL');
        break;
      }
      await new Promise((r) => setTimeout(r, 2));
    }
    if (child.exitCode === null && child.signalCode === null) await new Promise((r) => child.once('exit', r));
    expect(thrice(['compile', 'dc1.yaml', '-o', 'out'], { cwd: project }).status).toBe(0);
    expect(readdirSync(project).filter((e) => /^\.out\.(tmp|old)-/.test(e))).toEqual([]);
  });
});
