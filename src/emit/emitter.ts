// The contract of an output target: a pure function from IR to files; it never writes.
import type { TopologyIR } from '../ir/topology-ir.js';

export interface OutputFile {
  /** Relative POSIX path inside the output directory. */
  readonly path: string;
  readonly contents: string;
  /** Executable scripts get 0o755; everything else 0o644. */
  readonly executable?: boolean;
}

export interface Emitter {
  /** Target name, also the folder under `templates/`. */
  readonly target: string;
  readonly summary: string;
  emit(ir: TopologyIR): OutputFile[];
}
