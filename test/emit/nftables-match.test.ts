// Unit tests of the nft translation helpers: port sets, protocols, address sets, whole matches and safe text.
import { describe, expect, it } from 'vitest';
import { describeProtoPorts, mergePortRanges, renderAddressMatch, renderPortSet, renderProtoMatch, renderRuleMatch } from '../../src/emit/nftables/nft-match.js';
import { nftComment, nftSet, nftString } from '../../src/emit/nftables/nft-text.js';
import { any, blueAndGreen, db, nodes, nowhere, port } from '../helpers/nftables-fixtures.js';

describe('ports', () => {
  it('sorts and merges overlapping and adjacent ranges, keeps gaps', () => {
    expect(mergePortRanges([port(443), port(80), port(81, 90), port(85), port(92)])).toEqual([port(80, 90), port(92), port(443)]);
    expect(mergePortRanges([port(5432), port(5432, 5433)])).toEqual([port(5432, 5433)]);
    expect(mergePortRanges([])).toEqual([]);
  });

  it('prints one port bare, ranges as a-b, several as a set', () => {
    expect(renderPortSet([port(5432)])).toBe('5432');
    expect(renderPortSet([port(6000, 6100)])).toBe('6000-6100');
    expect(renderPortSet([port(6443), port(443)])).toBe('{ 443, 6443 }');
  });
});

describe('protocols', () => {
  it('keeps TCP and UDP matches IPv4 with `ip protocol`, then the destination ports', () => {
    expect(renderProtoMatch('tcp', [port(5432)])).toEqual({ text: 'ip protocol tcp tcp dport 5432' });
    expect(renderProtoMatch('udp', [])).toEqual({ text: 'ip protocol udp' });
  });

  it('matches ICMP by protocol; ICMP with ports can never match', () => {
    expect(renderProtoMatch('icmp', [])).toEqual({ text: 'ip protocol icmp' });
    expect(renderProtoMatch('icmp', [port(8)])).toHaveProperty('never');
  });

  it('reads `any` with ports as TCP or UDP to those ports, and without ports as no L4 match', () => {
    expect(renderProtoMatch('any', [port(53)])).toEqual({ text: 'ip protocol { tcp, udp } th dport 53' });
    expect(renderProtoMatch('any', [])).toEqual({ text: '' });
  });
});

describe('addresses', () => {
  it('matches a prefix, a set of prefixes, or nothing for any', () => {
    expect(renderAddressMatch('saddr', nodes)).toEqual({ text: 'ip saddr 10.1.1.0/24' });
    expect(renderAddressMatch('daddr', blueAndGreen)).toEqual({ text: 'ip daddr { 10.1.0.0/16, 10.2.0.0/16 }' });
    expect(renderAddressMatch('daddr', any)).toEqual({ text: '' });
  });

  it('never matches a reference that covers no address', () => {
    expect(renderAddressMatch('saddr', nowhere)).toEqual({ never: 'pods:empty covers no address' });
  });
});

describe('renderRuleMatch', () => {
  it('joins source, destination, protocol and ports in that order', () => {
    expect(renderRuleMatch({ from: nodes, to: db, proto: 'tcp', ports: [port(5432)] })).toEqual({
      text: 'ip saddr 10.1.1.0/24 ip daddr 10.1.2.0/24 ip protocol tcp tcp dport 5432',
    });
  });

  it('still says IPv4 when the rule matches every IPv4 packet', () => {
    expect(renderRuleMatch({ from: any, to: any, proto: 'any', ports: [] })).toEqual({ text: 'ip version 4' });
  });

  it('never matches when any part never matches', () => {
    expect(renderRuleMatch({ from: nowhere, to: db, proto: 'tcp', ports: [] })).toHaveProperty('never');
    expect(renderRuleMatch({ from: nodes, to: db, proto: 'icmp', ports: [port(1)] })).toHaveProperty('never');
  });

  it('describes protocol and ports for comments', () => {
    expect(describeProtoPorts('tcp', [port(6443), port(443), port(444)])).toBe('tcp 443-444,6443');
    expect(describeProtoPorts('any', [])).toBe('any');
  });
});

describe('nft text', () => {
  it('quotes strings without a way to break out of them', () => {
    expect(nftString('db-acl rule 1')).toBe('"db-acl rule 1"');
    expect(nftString('a"b\nc')).toBe(`"a'b c"`);
  });

  it('keeps comments on one line', () => {
    expect(nftComment('x\ny')).toBe('x y');
  });

  it('prints one element bare and several as an anonymous set', () => {
    expect(nftSet(['"swp1"'])).toBe('"swp1"');
    expect(nftSet(['"swp1"', '"swp1.*"'])).toBe('{ "swp1", "swp1.*" }');
    expect(() => nftSet([])).toThrow();
  });
});
