// Compiles a label selector into a predicate with Kubernetes semantics (NotIn and DoesNotExist match absent keys).
import type { LabelSelector, Labels } from '../k8s/k8s-objects.js';

export type LabelPredicate = (labels: Labels) => boolean;

const has = (labels: Labels, key: string): boolean => Object.prototype.hasOwnProperty.call(labels, key);

export function isEmptySelector(selector: LabelSelector): boolean {
  return Object.keys(selector.matchLabels).length === 0 && selector.matchExpressions.length === 0;
}

export function compileSelector(selector: LabelSelector): LabelPredicate {
  const tests: LabelPredicate[] = [];
  for (const [key, value] of Object.entries(selector.matchLabels)) {
    tests.push((labels) => has(labels, key) && labels[key] === value);
  }
  for (const { key, operator, values } of selector.matchExpressions) {
    const set = new Set(values);
    switch (operator) {
      case 'In':
        tests.push((labels) => has(labels, key) && set.has(labels[key]!));
        break;
      case 'NotIn':
        tests.push((labels) => !has(labels, key) || !set.has(labels[key]!));
        break;
      case 'Exists':
        tests.push((labels) => has(labels, key));
        break;
      case 'DoesNotExist':
        tests.push((labels) => !has(labels, key));
        break;
    }
  }
  if (tests.length === 0) return () => true;
  return (labels) => tests.every((test) => test(labels));
}

/** A canonical text of a selector, so identical selectors written differently share one evaluation. */
export function selectorKey(selector: LabelSelector): string {
  const labels = Object.entries(selector.matchLabels).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  const expressions = selector.matchExpressions
    .map((r) => [r.key, r.operator, [...r.values].sort()] as const)
    .sort((a, b) => (JSON.stringify(a) < JSON.stringify(b) ? -1 : 1));
  return JSON.stringify([labels, expressions]);
}
