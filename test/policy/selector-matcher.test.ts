// Label selectors match as Kubernetes does: every term must hold; NotIn and DoesNotExist accept a missing key.
import { describe, expect, it } from 'vitest';
import type { LabelSelector } from '../../src/k8s/k8s-objects.js';
import { compileSelector, isEmptySelector, selectorKey } from '../../src/policy/selector-matcher.js';

const selector = (matchLabels: Record<string, string>, matchExpressions: LabelSelector['matchExpressions'] = []): LabelSelector => ({
  matchLabels,
  matchExpressions,
});

describe('label selectors', () => {
  const web = { app: 'web', tier: 'front' };
  const db = { app: 'db' };
  const bare = {};

  it('the empty selector matches everything', () => {
    const empty = selector({});
    expect(isEmptySelector(empty)).toBe(true);
    for (const labels of [web, db, bare]) expect(compileSelector(empty)(labels)).toBe(true);
  });

  it('matchLabels needs every pair', () => {
    const test = compileSelector(selector({ app: 'web', tier: 'front' }));
    expect([web, db, bare].map(test)).toEqual([true, false, false]);
  });

  it('In and Exists need the key; NotIn and DoesNotExist accept its absence', () => {
    const cases: [LabelSelector['matchExpressions'][number], boolean[]][] = [
      [{ key: 'app', operator: 'In', values: ['web', 'api'] }, [true, false, false]],
      [{ key: 'app', operator: 'NotIn', values: ['web'] }, [false, true, true]],
      [{ key: 'tier', operator: 'Exists', values: [] }, [true, false, false]],
      [{ key: 'tier', operator: 'DoesNotExist', values: [] }, [false, true, true]],
    ];
    for (const [requirement, expected] of cases) {
      expect([web, db, bare].map(compileSelector(selector({}, [requirement])))).toEqual(expected);
    }
  });

  it('ANDs matchLabels with expressions', () => {
    const test = compileSelector(selector({ app: 'web' }, [{ key: 'tier', operator: 'NotIn', values: ['back'] }]));
    expect(test(web)).toBe(true);
    expect(test({ app: 'web', tier: 'back' })).toBe(false);
  });

  it('gives equal keys to selectors that differ only in order', () => {
    const a = selector({ a: '1', b: '2' }, [{ key: 'x', operator: 'In', values: ['2', '1'] }]);
    const b = selector({ b: '2', a: '1' }, [{ key: 'x', operator: 'In', values: ['1', '2'] }]);
    expect(selectorKey(a)).toBe(selectorKey(b));
  });
});
