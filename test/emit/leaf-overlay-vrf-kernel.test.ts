// Runs every overlay.sh (tenant VRFs as VRF devices) against a real kernel; without VRF support, only the VRF steps are stubbed.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { afterAll, describe, expect } from 'vitest';
import type { SwitchIR } from '../../src/ir/fabric-ir.js';
import { leafOverlayEmitter } from '../../src/emit/iproute2/leaf-overlay-emitter.js';
import { switchScriptEmitter } from '../../src/emit/iproute2/switch-script-emitter.js';
import { routerMacOf, subnetsServedBy, vpcsServedBy } from '../../src/emit/frr/served-vpcs.js';
import { overlayTopology } from '../helpers/leaf-overlay-fixtures.js';
import { hasCommand, testNeeding } from './test-needing.js';
import { expectAnycastGateway, expectSuccess, linksOf, probeKernel, stateOf, subinterfacesOf, withLeafLab } from './leaf-overlay-lab.js';

const isRoot = process.getuid?.() === 0;
const ready = isRoot && hasCommand('ip') && hasCommand('bridge') && hasCommand('nsenter');
const asRoot = testNeeding('root, iproute2 and nsenter (network namespaces)', ready);
const kernel = ready ? probeKernel() : { vrf: false, vlan: false };
const realIp = spawnSync('sh', ['-c', 'command -v ip'], { encoding: 'utf8' }).stdout.trim();
const work = mkdtempSync(join(tmpdir(), 'thrice-overlay-vrf-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

/**
 * The stub: an `ip` first on PATH that records `ip link add name <vrf> type vrf table <n>`, answers `link show`
 * (with the alias thrice's mark set) and `link set` of a recorded VRF, and drops `master <vrf>` from any other
 * `ip link set` (recording it);
 * everything else runs the real ip. So the script runs unchanged, and everything but the VRF devices is
 * made for real by the kernel. The VRF lines themselves are checked through what the stub recorded.
 */
const IP_STUB = `#!/bin/sh
# Test stand-in for ip(8) on kernels without VRF devices; see leaf-overlay-vrf-kernel.test.ts.
set -eu
state=$THRICE_VRF_STUB
is_vrf() { [ -f "$state/vrf.$1" ]; }
case "$*" in
  "link add name "*" type vrf table "*) : > "$state/vrf.$4"; echo "vrf $4 table $8" >> "$state/log"; exit 0 ;;
  "link show dev "*)
    if is_vrf "$4"; then
      if [ -f "$state/alias.$4" ]; then printf '1: %s: <NOARP,MASTER,UP,LOWER_UP>\n    alias %s\n' "$4" "$(cat "$state/alias.$4")"; fi
      exit 0
    fi ;;
  "link set dev "*" alias "*) if is_vrf "$4"; then vrf=$4; shift 5; printf '%s' "$*" > "$state/alias.$vrf"; exit 0; fi ;;
  "link set dev "*) if is_vrf "$4"; then echo "set $*" >> "$state/log"; exit 0; fi ;;
esac
dev=
prev=
for arg do
  shift
  if [ "$prev" = master ]; then
    prev=
    if is_vrf "$arg"; then echo "master $dev $arg" >> "$state/log"; else set -- "$@" master "$arg"; fi
    continue
  fi
  if [ "$arg" = master ]; then prev=master; continue; fi
  if [ "$prev" = dev ]; then dev=$arg; fi
  prev=$arg
  set -- "$@" "$arg"
done
exec "$THRICE_REAL_IP" "$@"
`;

function scriptsOf(sw: SwitchIR): { interfaces: string; overlay: string } {
  const write = (path: string, contents: string | undefined): string => {
    if (contents === undefined) throw new Error(`no script for ${sw.name}`);
    const out = join(work, `${sw.name}-${path}`);
    writeFileSync(out, contents, { mode: 0o755 });
    return out;
  };
  return {
    interfaces: write('interfaces.sh', switchScriptEmitter.emit(overlayTopology).find((f) => f.path === `fabric/${sw.name}/interfaces.sh`)?.contents),
    overlay: write('overlay.sh', leafOverlayEmitter.emit(overlayTopology).find((f) => f.path === `fabric/${sw.name}/overlay.sh`)?.contents),
  };
}

/** A fresh PATH directory with the stub as `ip`, and the environment that points it at its state. */
function stubEnvironment(name: string): { env: Record<string, string>; log: () => string[] } {
  const dir = mkdtempSync(join(work, `${name}-stub-`));
  writeFileSync(join(dir, 'ip'), IP_STUB, { mode: 0o755 });
  const env = { PATH: `${dir}:${process.env.PATH ?? '/usr/sbin:/usr/bin:/sbin:/bin'}`, THRICE_VRF_STUB: dir, THRICE_REAL_IP: realIp };
  const log = (): string[] => {
    try {
      return readFileSync(join(dir, 'log'), 'utf8').trim().split('\n');
    } catch {
      return [];
    }
  };
  return { env, log };
}

const fabric = overlayTopology.fabric;
if (!fabric) throw new Error('fixture without fabric');
const leaves = fabric.switches.filter((s) => vpcsServedBy(fabric, overlayTopology.overlay, s).length > 0);

describe('overlay.sh against a real kernel', () => {
  for (const sw of leaves) {
    const vpcs = vpcsServedBy(fabric, overlayTopology.overlay, sw);

    asRoot(`${sw.name}: fails only at the first VRF device where the kernel has none, and runs where it has`, () => {
      const paths = scriptsOf(sw);
      withLeafLab(overlayTopology, sw, { standIns: !kernel.vlan, tenantNamespaces: false }, (lab) => {
        expectSuccess(lab.run(paths.interfaces), 'interfaces.sh');
        const run = lab.run(paths.overlay);
        if (kernel.vrf) {
          expectSuccess(run, 'overlay.sh');
          const links = linksOf(lab.netns);
          for (const vpc of vpcs) {
            expect(links.get(vpc.vrf)?.linkinfo).toMatchObject({ info_kind: 'vrf', info_data: { table: vpc.vrfTable } });
            expect(links.get(vpc.l3Bridge)?.master).toBe(vpc.vrf);
            for (const subnet of subnetsServedBy(vpc, sw)) expect(links.get(subnet.bridge)?.master).toBe(vpc.vrf);
          }
        } else {
          // Everything before the first VRF (the trunk ports) worked; `set -e` stops at `type vrf`.
          expect(run.status).not.toBe(0);
          expect(run.stderr.trim()).toBe('Error: Unknown device type.');
          expect(Object.keys(Object.fromEntries(linksOf(lab.netns))).filter((n) => n.startsWith('vxlan') || n.startsWith('br'))).toEqual([]);
        }
      });
    });

    asRoot(`${sw.name}: with only the VRF devices stubbed, runs twice and builds every VNI, gateway and host VLAN`, () => {
      const paths = scriptsOf(sw);
      const stub = stubEnvironment(sw.name);
      withLeafLab(overlayTopology, sw, { standIns: !kernel.vlan, tenantNamespaces: false }, (lab) => {
        expectSuccess(lab.run(paths.interfaces), 'interfaces.sh');
        expectSuccess(lab.run(paths.overlay, stub.env), 'overlay.sh with the VRF stub');
        const first = stateOf(lab.netns);
        expectSuccess(lab.run(paths.overlay, stub.env), 'overlay.sh with the VRF stub, second run');
        expect(stateOf(lab.netns)).toEqual(first);

        // The VRF lines, as the stub saw them: each VRF with its table once, and every bridge enslaved to it.
        const log = stub.log();
        for (const vpc of vpcs) {
          expect(log.filter((line) => line.startsWith(`vrf ${vpc.vrf} `))).toEqual([`vrf ${vpc.vrf} table ${vpc.vrfTable}`]);
          const enslaved = [vpc.l3Bridge, ...subnetsServedBy(vpc, sw).flatMap((s) => [s.bridge, `${s.bridge}-v0`])].map((b) => `master ${b} ${vpc.vrf}`);
          for (const line of enslaved) expect(log.filter((l) => l === line), line).toHaveLength(2); // once per run
        }
        const links = linksOf(lab.netns);
        for (const vpc of vpcs) {
          const l3 = links.get(vpc.l3Vxlan);
          expect(l3?.linkinfo?.info_data).toMatchObject({ id: vpc.l3Vni, local: sw.loopback, port: 4789, learning: false });
          expect(l3?.linkinfo?.info_slave_data).toMatchObject({ learning: false, neigh_suppress: true });
          expect([l3?.master, links.get(vpc.l3Bridge)?.address]).toEqual([vpc.l3Bridge, routerMacOf(vpc, sw)]);
          for (const subnet of subnetsServedBy(vpc, sw)) {
            const vxlan = links.get(subnet.vxlan);
            expect(vxlan?.linkinfo?.info_data).toMatchObject({ id: subnet.vni, local: sw.loopback, port: 4789, learning: false });
            expect(vxlan?.linkinfo?.info_slave_data).toMatchObject({ learning: false, neigh_suppress: true });
            const bridge = links.get(subnet.bridge);
            expect([vxlan?.master, bridge?.mtu]).toEqual([subnet.bridge, 9166]);
            expectAnycastGateway(lab.netns, links, subnet, sw.name, routerMacOf(vpc, sw));
          }
        }
        for (const sub of subinterfacesOf(overlayTopology, sw)) expect(links.get(sub.name)?.master, sub.name).toBe(sub.bridge);
      });
    });
  }
});
