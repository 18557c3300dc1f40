// Names the lab gives namespaces and interfaces: stable, distinct per kind, within Linux's limits.
import { describe, expect, it } from 'vitest';
import { defaultLabDir, defaultLabName, deviceNetns, externalNetns, interfaceNameProblem, labNameProblem, podNetns, podVethName } from '../../src/lab/lab-names.js';

describe('lab names', () => {
  it('derives the lab name and directory from the topology name', () => {
    expect(defaultLabName('dc3')).toBe('thrice-dc3');
    expect(defaultLabDir('thrice-dc3')).toBe('/tmp/thrice-lab/thrice-dc3');
    expect(labNameProblem(defaultLabName('a'.repeat(63)))).toBeUndefined();
  });

  it('refuses lab names that are not short DNS-label-like words', () => {
    expect(labNameProblem('Lab')).toMatch(/a-z/);
    expect(labNameProblem('-lab')).toBeDefined();
    expect(labNameProblem('x'.repeat(41))).toBeDefined();
    expect(labNameProblem('my-lab-2')).toBeUndefined();
  });

  it('keeps pod and outside namespaces apart from device namespaces (dots never occur in device names)', () => {
    expect(deviceNetns('thrice-dc3', 'leaf1')).toBe('thrice-dc3-leaf1');
    expect(podNetns('thrice-dc3', 'prod', 'shop', 'web-0')).toBe('thrice-dc3-prod.shop.web-0');
    expect(externalNetns('thrice-dc3', 'border1', 'blue')).toBe('thrice-dc3-outside.border1.blue');
    expect(podNetns('l', 'prod', 'shop', 'web-0')).not.toBe(podNetns('l', 'prod', 'shop-web', '0'));
  });

  it('names pod veths like the CNI bridge plugin: veth + 8 hex digits, stable, distinct', () => {
    const a = podVethName('prod', 'shop', 'web-0');
    expect(a).toMatch(/^veth[0-9a-f]{8}$/);
    expect(podVethName('prod', 'shop', 'web-0')).toBe(a);
    expect(podVethName('prod', 'shop', 'web-1')).not.toBe(a);
    expect(interfaceNameProblem(a)).toBeUndefined();
  });

  it('checks interface names against IFNAMSIZ', () => {
    expect(interfaceNameProblem('swp64.4094')).toBeUndefined();
    expect(interfaceNameProblem('a'.repeat(16))).toMatch(/1-15 bytes/);
    expect(interfaceNameProblem('eth0/1')).toBeDefined();
    expect(interfaceNameProblem('')).toBeDefined();
  });
});
