// Reads a metav1.LabelSelector, rejecting what LabelSelectorAsSelector rejects (bad operators, misplaced values).
import type { DataPath } from '../source/data-path.js';
import type { LabelRequirement, LabelSelector, SelectorOperator } from './k8s-objects.js';
import { labelKeyProblem, labelValueProblem } from './label-syntax.js';
import type { ManifestContext } from './manifest-context.js';
import { type Mapping, isMapping, optionalList, optionalString } from './manifest-values.js';
import { readLabels } from './read-metadata.js';

const OPERATORS: readonly SelectorOperator[] = ['In', 'NotIn', 'Exists', 'DoesNotExist'];

/** Reads `parent[key]` as a selector; undefined when absent, or when it is broken (reported). */
export function readLabelSelector(ctx: ManifestContext, parent: Mapping, path: DataPath, key: string): LabelSelector | undefined | 'invalid' {
  const value = parent[key];
  if (value === undefined || value === null) return undefined;
  const selPath = [...path, key];
  if (!isMapping(value)) {
    ctx.error('k8s-invalid-selector', selPath, `${key} must be a label selector mapping`, 'write {} to select everything');
    return 'invalid';
  }
  let broken = false;
  for (const field of Object.keys(value)) {
    if (field !== 'matchLabels' && field !== 'matchExpressions') {
      ctx.error('k8s-invalid-selector', [...selPath, field], `a label selector has only matchLabels and matchExpressions, not ${field}`);
      broken = true;
    }
  }
  const matchLabels = readLabels(ctx, value, selPath, 'matchLabels');
  const matchExpressions: LabelRequirement[] = [];
  const expressions = optionalList(ctx, value, selPath, 'matchExpressions') ?? [];
  for (const [i, expression] of expressions.entries()) {
    const requirement = readRequirement(ctx, expression, [...selPath, 'matchExpressions', i]);
    if (requirement) matchExpressions.push(requirement);
    else broken = true;
  }
  if (broken) return 'invalid';
  return { matchLabels, matchExpressions };
}

function readRequirement(ctx: ManifestContext, value: unknown, path: DataPath): LabelRequirement | undefined {
  if (!isMapping(value)) {
    ctx.error('k8s-invalid-selector', path, 'a match expression must be a mapping with key, operator and values');
    return undefined;
  }
  const key = optionalString(ctx, value, path, 'key');
  const operator = optionalString(ctx, value, path, 'operator');
  if (key === undefined || key === '') {
    ctx.error('k8s-invalid-selector', path, 'this match expression has no key');
    return undefined;
  }
  const keyProblem = labelKeyProblem(key);
  if (keyProblem) {
    ctx.error('k8s-invalid-selector', [...path, 'key'], keyProblem);
    return undefined;
  }
  if (operator === undefined || !(OPERATORS as readonly string[]).includes(operator)) {
    ctx.error('k8s-invalid-selector', operator === undefined ? path : [...path, 'operator'], `operator must be one of ${OPERATORS.join(', ')}`);
    return undefined;
  }
  const rawValues = optionalList(ctx, value, path, 'values') ?? [];
  const values: string[] = [];
  for (const [i, v] of rawValues.entries()) {
    if (typeof v !== 'string') {
      ctx.error('k8s-invalid-selector', [...path, 'values', i], 'selector values must be strings', 'quote the value');
      return undefined;
    }
    const problem = labelValueProblem(v);
    if (problem) {
      ctx.error('k8s-invalid-selector', [...path, 'values', i], problem);
      return undefined;
    }
    values.push(v);
  }
  const op = operator as SelectorOperator;
  const needsValues = op === 'In' || op === 'NotIn';
  if (needsValues && values.length === 0) {
    ctx.error('k8s-invalid-selector', path, `operator ${op} needs at least one value`);
    return undefined;
  }
  if (!needsValues && values.length > 0) {
    ctx.error('k8s-invalid-selector', [...path, 'values'], `operator ${op} takes no values`);
    return undefined;
  }
  return { key, operator: op, values };
}
