// vms/<vm>/libvirt-interface.xml: the port name thrice's filters use, never a prefix libvirt reserves, in an <interface> libvirt's own schema accepts.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { libvirtInterfaceEmitter } from '../../src/emit/libvirt/libvirt-interface-emitter.js';
import { hostVmTopology } from '../helpers/host-vm-fixtures.js';
import { hasCommand, testNeeding } from './test-needing.js';

const withValidator = testNeeding('virt-xml-validate and xmllint (libvirt-clients, libxml2-utils)', hasCommand('virt-xml-validate') && hasCommand('xmllint'));
const dir = mkdtempSync(join(tmpdir(), 'thrice-libvirt-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** The smallest domain libvirt's schema accepts, holding the emitted element under <devices>. */
function domainWith(name: string, element: string): string {
  return `<domain type='kvm'>\n<name>${name}</name>\n<memory>65536</memory>\n<os><type>hvm</type></os>\n<devices>\n${element}</devices>\n</domain>\n`;
}

describe('libvirt interface emitter', () => {
  const files = libvirtInterfaceEmitter.emit(hostVmTopology);

  it('emits one file per VM whose target is its host port, and the host port is no reserved name', () => {
    expect(files.map((f) => f.path)).toEqual(hostVmTopology.overlay.vms.map((vm) => `vms/${vm.name}/libvirt-interface.xml`).sort());
    for (const vm of hostVmTopology.overlay.vms) {
      const text = files.find((f) => f.path === `vms/${vm.name}/libvirt-interface.xml`)?.contents ?? '';
      expect(text).toContain(`<target dev='${vm.hostPort}'/>`);
      expect(text).toContain(`<mac address='${vm.mac.toLowerCase()}'/>`);
      expect(text).toContain(`<mtu size='${vm.mtu}'/>`);
      expect(vm.hostPort).not.toMatch(/^(vnet|vif|macvtap|macvlan)/);
      expect(`${vm.hostPort}-vm`.length).toBeLessThanOrEqual(15);
    }
  });

  withValidator('every file is well-formed and, inside a domain, valid against libvirt\'s domain schema', () => {
    for (const file of files) {
      const element = file.path.replaceAll('/', '_');
      const alone = join(dir, element);
      writeFileSync(alone, file.contents);
      const wellFormed = spawnSync('xmllint', ['--noout', alone], { encoding: 'utf8' });
      expect(wellFormed.stderr).toBe('');
      const domain = join(dir, `domain-${element}`);
      writeFileSync(domain, domainWith('t', file.contents.split('\n').filter((l) => !l.startsWith('<!--')).join('\n')));
      const valid = spawnSync('virt-xml-validate', [domain, 'domain'], { encoding: 'utf8' });
      expect(`${valid.stdout}${valid.stderr}`).toContain('validates');
      expect(valid.status).toBe(0);
    }
  });
});
