// Generates large topology specs for the benchmark, as YAML text a user could have written.
import { stringify } from 'yaml';

/** Two tiers: `leaves` leaves with two hosts each, and `vnisPerLeaf` L2 VNIs served on every leaf. */
export function twoTierSpec(leaves: number, vnisPerLeaf: number): string {
  const vpcCount = Math.max(1, Math.ceil(leaves / 16));
  const vpcs = Array.from({ length: vpcCount }, (_, v) => ({
    name: `t${v + 1}`,
    vni: 100000 + v,
    cidr: `10.${64 + Math.floor(v / 16)}.${(v % 16) * 16}.0/20`,
    subnets: Array.from({ length: vnisPerLeaf }, (_, s) => ({
      name: `s${s + 1}`,
      cidr: `10.${64 + Math.floor(v / 16)}.${(v % 16) * 16 + s}.0/24`,
      vni: 200000 + v * 100 + s,
    })),
    vms: [] as { name: string; host: string; subnet: string }[],
  }));
  const leafList = Array.from({ length: leaves }, (_, i) => ({ name: `leaf${i + 1}`, rack: `r${Math.floor(i / 2) + 1}` }));
  const hosts = leafList.flatMap((l, i) => [
    { name: `hv${2 * i + 1}`, leaf: l.name },
    { name: `hv${2 * i + 2}`, leaf: l.name },
  ]);
  // Every leaf serves vnisPerLeaf subnets of one tenant: one VM per subnet on the leaf's first host.
  leafList.forEach((_, i) => {
    const vpc = vpcs[i % vpcCount] as (typeof vpcs)[number];
    for (let s = 0; s < vnisPerLeaf; s++) vpc.vms.push({ name: `vm${i + 1}-${s + 1}`, host: `hv${2 * i + 1}`, subnet: `s${s + 1}` });
  });
  return stringify({
    thrice: 1,
    name: 'bench2',
    fabric: {
      // A spine needs one port per leaf: 1,024 leaves take 1,024-port spines (or a chassis).
      radix: 1024,
      loopbacks: '10.255.0.0/16',
      links: 'unnumbered',
      asn: { spine: 65000, leaf: '4200000000-4200100000' },
      spines: 4,
      leaves: leafList,
      hosts,
    },
    vpcs,
  });
}

/** Three tiers: `pods` pods of `spines` spines and `leaves` leaves under `superSpines` super-spines, numbered /31s. */
export function threeTierSpec(superSpines: number, pods: number, spines: number, leaves: number, radix: number): string {
  return stringify({
    thrice: 1,
    name: 'bench3',
    fabric: {
      radix,
      loopbacks: '10.240.0.0/14',
      links: '10.128.0.0/12',
      asn: { superSpine: 64900, spine: '65000-65500', leaf: '4200000000-4200100000' },
      superSpines,
      pods: Array.from({ length: pods }, (_, p) => ({ name: `pod${p + 1}`, spines, leaves })),
      hosts: Array.from({ length: pods * 4 }, (_, i) => ({ name: `hv${i + 1}`, leaf: `pod${Math.floor(i / 4) + 1}-leaf${(i % 4) + 1}` })),
    },
  });
}
