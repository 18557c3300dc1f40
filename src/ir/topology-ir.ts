// The whole-network IR handed from the compile stages to analysis rules and emitters; read-only.
import type { FabricIR } from './fabric-ir.js';
import type { OverlayIR } from './overlay-ir.js';
import type { ClusterIR } from './cluster-ir.js';
import type { FirewallIR } from './firewall-ir.js';

export interface TopologyIR {
  readonly name: string;
  /** Absent when the spec has no `fabric` section. */
  readonly fabric?: FabricIR;
  /** VPCs and VMs; empty lists when the spec has no `vpcs`. */
  readonly overlay: OverlayIR;
  /** Clusters sorted by name. */
  readonly clusters: readonly ClusterIR[];
  /** Firewalls sorted by name. */
  readonly firewalls: readonly FirewallIR[];
}
