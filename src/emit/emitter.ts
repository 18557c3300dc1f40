// The contract of an output target: a pure function from IR to files; it never writes.
import type { TopologyIR } from '../ir/topology-ir.js';

export interface OutputFile {
  /** Relative POSIX path inside the output directory. */
  readonly path: string;
  readonly contents: string;
  /** Executable scripts get 0o755; everything else 0o644. */
  readonly executable?: boolean;
  /** Holds a secret (the BGP password): written 0o600, readable by its owner only. */
  readonly secret?: boolean;
}

/** Values read at compile time that must reach an output but never the IR (so never ir.json). */
export interface EmitSecrets {
  /** `fabric.bgp.password`, resolved. */
  readonly bgpPassword?: string;
}

export interface Emitter {
  /** Target name, also the folder under `templates/`. */
  readonly target: string;
  readonly summary: string;
  emit(ir: TopologyIR, secrets?: EmitSecrets): OutputFile[];
}
