// Allocates each cluster node's pod subnet (one /nodeCidrSize block of podCidr), stably, through the lock file.
import type { Spec } from '../../spec/spec-types.js';
import type { LockFile } from '../lock-file.js';
import { formatPrefix, parsePrefix } from '../../ir/ipv4.js';
import { type AllocationContext, allocateStable } from './stable-pool.js';
import { reportLockedValue } from './locked-value.js';
import { clusterDefaults } from './cluster-defaults.js';

export type ClusterLock = Pick<LockFile, 'nodes'>;

export interface ClusterAllocation {
  /** Keyed `cluster/node` → pod subnet network address. */
  readonly podSubnet: ReadonlyMap<string, number>;
  readonly lock: ClusterLock;
}

export function allocateClusters(spec: Spec, lock: LockFile, ctx: AllocationContext): ClusterAllocation {
  const podSubnet = new Map<string, number>();
  const nodes: Record<string, { podSubnet: string }> = {};
  (spec.clusters ?? []).forEach((cluster, ci) => {
    const { podCidr, nodeCidrSize } = clusterDefaults(cluster);
    const pool = parsePrefix(podCidr);
    if (!pool || nodeCidrSize < pool.length) return; // reported by the cluster rules
    const blockSize = 2 ** (32 - nodeCidrSize);
    const requests = (cluster.nodes ?? []).map((node, i) => {
      const key = `${cluster.name}/${node}`;
      const label = `node ${node} of cluster ${cluster.name}`;
      const lockPath = ['nodes', key, 'podSubnet'];
      const path = ['clusters', ci, 'nodes', i];
      const text = lock.nodes[key]?.podSubnet;
      const locked = parsePrefix(text ?? '');
      if (text !== undefined && locked?.length !== nodeCidrSize) {
        // lock-file.ts has checked the syntax; only the length can disagree with the cluster.
        reportLockedValue(ctx, lockPath, path, `the lock file gives ${label} pod subnet ${text}, which is not a /${nodeCidrSize} (the cluster's nodeCidrSize)`, [
          { location: ctx.spans.locate(['clusters', ci, cluster.nodeCidrSize === undefined ? 'podCidr' : 'nodeCidrSize']), message: 'node subnet size defined here' },
        ]);
      }
      return { key, label, locked: locked?.length === nodeCidrSize ? (locked.base - pool.base) / blockSize : undefined, lockPath, path };
    });
    const result = allocateStable(
      requests,
      {
        what: `/${nodeCidrSize} pod subnet`,
        text: podCidr,
        first: 0,
        last: pool.size / blockSize - 1,
        format: (i) => formatPrefix({ base: pool.base + i * blockSize, length: nodeCidrSize }),
        path: ['clusters', ci, 'podCidr'],
      },
      ctx,
    );
    for (const [key, index] of result) {
      const base = pool.base + index * blockSize;
      podSubnet.set(key, base);
      nodes[key] = { podSubnet: formatPrefix({ base, length: nodeCidrSize }) };
    }
  });
  return { podSubnet, lock: { nodes } };
}
