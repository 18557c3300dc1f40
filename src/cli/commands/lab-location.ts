// Finds the lab a `thrice lab` command means: --dir, else --name, else the spec's topology name, else the only lab there is.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { LAB_ROOT, defaultLabDir, defaultLabName, labNameProblem } from '../../lab/lab-names.js';
import { STATE_FILE } from '../../lab/lab-state.js';
import { parseYamlFile } from '../../source/parse-yaml.js';

export interface LabLocationOptions {
  readonly name?: string;
  readonly dir?: string;
}

export type LabLocation =
  | {
      readonly ok: true;
      readonly name: string;
      readonly dir: string;
      /** False where the name is a guess (--dir alone, no state there): nothing is removed by that name alone. */
      readonly nameKnown: boolean;
    }
  | { readonly ok: false; readonly message: string };

/** For `up`: the topology name is known from the compiled spec. */
export function labLocationFor(topology: string, opts: LabLocationOptions): LabLocation {
  const name = opts.name ?? defaultLabName(topology);
  const problem = labNameProblem(name);
  if (problem) return { ok: false, message: problem };
  // `--dir ""` would silently mean the working directory.
  if (opts.dir !== undefined && opts.dir.trim() === '') return { ok: false, message: '--dir is empty; name the lab directory' };
  const dir = resolve(opts.dir ?? defaultLabDir(name));
  if (existsSync(dir) && !statSync(dir).isDirectory()) return { ok: false, message: `${dir} is not a directory; pick another --dir` };
  return { ok: true, name, dir, nameKnown: true };
}

/** For `verify`, `status`, `down`: the spec is optional; without one, the single lab under the lab root is meant. */
export function findLab(spec: string | undefined, opts: LabLocationOptions): LabLocation {
  // An empty --dir or --name is a slip, never "no option": it must not fall through to the only lab there is.
  if (opts.dir !== undefined || opts.name !== undefined) {
    const fromSpec = spec ? topologyName(spec) : undefined;
    const recorded = opts.name ?? nameInState(opts.dir) ?? (fromSpec ? defaultLabName(fromSpec) : undefined);
    const location = labLocationFor('', { ...opts, name: recorded ?? 'thrice' });
    return location.ok ? { ...location, nameKnown: recorded !== undefined } : location;
  }
  if (spec) {
    const topology = topologyName(spec);
    if (!topology) return { ok: false, message: `cannot read the topology name from ${spec}` };
    return labLocationFor(topology, opts);
  }
  const labs = existsSync(LAB_ROOT) ? readdirSync(LAB_ROOT).filter((d) => existsSync(join(LAB_ROOT, d, STATE_FILE))) : [];
  if (labs.length === 1) return labLocationFor('', { name: labs[0] });
  if (labs.length === 0) return { ok: false, message: `no lab found under ${LAB_ROOT}; name one with a spec, --name or --dir` };
  return { ok: false, message: `several labs under ${LAB_ROOT} (${labs.join(', ')}); name one with a spec, --name or --dir` };
}

function nameInState(dir: string | undefined): string | undefined {
  if (!dir) return undefined;
  try {
    return (JSON.parse(readFileSync(join(dir, STATE_FILE), 'utf8')) as { name?: string }).name;
  } catch {
    return undefined;
  }
}

function topologyName(spec: string): string | undefined {
  try {
    const value = parseYamlFile(readFileSync(spec, 'utf8'), spec).documents[0]?.value as { name?: unknown } | undefined;
    return typeof value?.name === 'string' ? value.name : undefined;
  } catch {
    return undefined;
  }
}
