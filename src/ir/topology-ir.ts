// The whole-network IR handed from the compile stages to analysis rules and emitters; read-only.
import type { FabricIR } from './fabric-ir.js';

export interface TopologyIR {
  readonly name: string;
  /** Absent when the spec has no `fabric` section. */
  readonly fabric?: FabricIR;
}
