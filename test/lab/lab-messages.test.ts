// The lab's counted and listed messages read as sentences: "1 namespace", "bgpd of spine1 is no longer running".
import { describe, expect, it } from 'vitest';
import { count, listed } from '../../src/lab/count.js';
import { noLongerRunning } from '../../src/lab/verify/lab-verify.js';

describe('lab messages', () => {
  it('agree in number with what they count', () => {
    expect([count(0, 'namespace'), count(1, 'namespace'), count(2, 'switch', 'switches')]).toEqual(['0 namespaces', '1 namespace', '2 switches']);
    expect([listed(['a']), listed(['a', 'b']), listed(['a', 'b', 'c'])]).toEqual(['a', 'a and b', 'a, b and c']);
  });

  it('say which daemons are no longer running, with the verb agreeing', () => {
    expect(noLongerRunning(['bgpd of spine1'])).toMatch(/^bgpd of spine1 is no longer running; /);
    expect(noLongerRunning(['zebra of leaf1', 'bgpd of spine1'])).toMatch(/^zebra of leaf1 and bgpd of spine1 are no longer running; /);
  });
});
