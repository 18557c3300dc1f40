// An inverted index from labels to pod classes, so a selector only tests the classes that can possibly match.
import type { LabelSelector } from '../k8s/k8s-objects.js';
import type { PodClass } from './pod-classes.js';

export class ClassLabelIndex {
  /** key → value → classes carrying that label, ascending. */
  readonly #postings = new Map<string, Map<string, number[]>>();

  constructor(classes: readonly PodClass[]) {
    for (const cls of classes) {
      for (const [key, value] of Object.entries(cls.labels)) {
        let values = this.#postings.get(key);
        if (!values) this.#postings.set(key, (values = new Map()));
        let list = values.get(value);
        if (!list) values.set(value, (list = []));
        list.push(cls.index);
      }
    }
  }

  /**
   * A superset of the classes the selector matches, from its most selective term that needs a label to be
   * present (matchLabels, In, Exists), when that term names fewer than `limit` classes; undefined otherwise
   * (and always for selectors of only NotIn and DoesNotExist, which match absent keys).
   */
  candidates(selector: LabelSelector, limit: number): readonly number[] | undefined {
    // A class has one value per key, so the lists of different values of a key are disjoint: sizes add up.
    let best: readonly (readonly number[])[] | undefined;
    let bestSize = limit;
    const consider = (lists: readonly (readonly number[])[]): void => {
      const size = lists.reduce((n, list) => n + list.length, 0);
      if (size < bestSize) {
        best = lists;
        bestSize = size;
      }
    };
    for (const [key, value] of Object.entries(selector.matchLabels)) consider([this.#postings.get(key)?.get(value) ?? []]);
    for (const { key, operator, values } of selector.matchExpressions) {
      const byValue = this.#postings.get(key);
      if (operator === 'In') consider(values.map((v) => byValue?.get(v) ?? []));
      else if (operator === 'Exists') consider(byValue ? [...byValue.values()] : []);
    }
    if (!best) return undefined;
    return best.length === 1 ? best[0]! : best.flat().sort((a, b) => a - b);
  }
}
