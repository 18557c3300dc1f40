// Runs a test that needs something from the machine (a tool, root): skipped locally without it, failed under CI.
import { spawnSync } from 'node:child_process';
import { it } from 'vitest';

/** Whether `name` is on PATH. */
export function hasCommand(name: string): boolean {
  return spawnSync('sh', ['-c', 'command -v "$1"', 'sh', name], { stdio: 'ignore' }).status === 0;
}

/**
 * CI installs every tool these tests use, so there a missing requirement is a failure: a config that
 * no real consumer has checked must never pass as a skip.
 */
export function testNeeding(requirement: string, met: boolean) {
  return (name: string, fn: () => unknown): void => {
    if (met) it(name, fn);
    else if (process.env.CI) {
      it(name, () => {
        throw new Error(`${requirement} is not available, and under CI this test may not be skipped`);
      });
    } else it.skip(`${name} (needs ${requirement})`, fn);
  };
}
