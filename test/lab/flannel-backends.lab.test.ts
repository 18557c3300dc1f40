// flannel backends in the lab: host-gw runs from pod-overlay.sh unchanged and agrees with `check`; wireguard is refused, not faked.
import { describe, expect, it } from 'vitest';
import { planLab } from '../../src/lab/lab-plan.js';
import { LabError } from '../../src/lab/lab-error.js';
import { asRoot, expectVerifyAgrees, withVerifiedLab } from './lab-run.js';
import { compileExample } from './lab-fixtures.js';

const HOST_GW = new URL('../../examples/host-gw.yaml', import.meta.url).pathname;
const WIREGUARD = new URL('../../examples/wireguard.yaml', import.meta.url).pathname;

function plan(spec: string) {
  const example = compileExample(spec);
  return planLab({ lab: 'fbk', ir: example.ir, files: new Set(example.outputs.map((f) => f.path)), vlanStandIns: true, outsideAddresses: [] });
}

describe('flannel backends in the lab', { timeout: 240_000 }, () => {
  it('host-gw: every node runs its generated pod-overlay.sh, which holds the routes via the other nodes', () => {
    const example = compileExample(HOST_GW);
    expect(plan(HOST_GW).vmScripts.map((s) => s.script)).toEqual(['vms/k8s-1/setup.sh', 'vms/k8s-2/setup.sh', 'vms/k8s-1/pod-overlay.sh', 'vms/k8s-2/pod-overlay.sh']);
    const overlay = example.outputs.find((f) => f.path === 'vms/k8s-1/pod-overlay.sh')?.contents ?? '';
    expect(overlay).toMatch(/^ip route replace '10\.244\.1\.0\/24' via '10\.1\.1\.3' dev 'eth0'/m);
  });

  // The wireguard overlay is flanneld's own (keys generated on each node, exchanged through the Node annotations):
  // the outputs do not contain it, so the lab refuses rather than standing in for something the outputs do not deploy.
  // A lab run would also need the kernel's wireguard module, which this machine's kernel lacks.
  it('wireguard: refused at planning, naming flanneld as what sets it up', () => {
    expect(() => plan(WIREGUARD)).toThrow(LabError);
    expect(() => plan(WIREGUARD)).toThrow(/cluster prod uses flannel's wireguard backend, which only flanneld sets up/);
  });

  asRoot('host-gw: lab verify observes what check predicts (SG and VM firewall judging the pods\' own header)', async () => {
    await withVerifiedLab('hostg', HOST_GW, (verified) => {
      expectVerifyAgrees(verified);
      expect(verified.rows.map((r) => [r.intent.name, r.outcomes.map((o) => o.observed)])).toEqual([
        ['web-reaches-api', ['allow']],
        ['web-not-to-db', ['deny']],
      ]);
    });
  });
});
