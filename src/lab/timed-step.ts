// One line of `lab up`'s progress per step: what it did, and how long it took.

export type Step = <T>(what: (result: T) => string, work: () => T) => T;

export function timedStep(progress: (line: string) => void): Step {
  return (what, work) => {
    const t0 = Date.now();
    const result = work();
    progress(`  ${what(result)}  (${((Date.now() - t0) / 1000).toFixed(1)} s)`);
    return result;
  };
}
