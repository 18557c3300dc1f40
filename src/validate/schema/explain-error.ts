// Turns one ajv error into a plain sentence with a code, a data path and where to point: one explainer per keyword.
import type { ErrorObject } from 'ajv/dist/2020.js';
import { formatPath, fromPointer } from '../../source/data-path.js';
import type { SchemaIndex, SchemaNode } from './thrice-schema.js';
import { describeSchemaType, describeType, show, showList } from './describe-value.js';
import { closestMatch } from './suggest.js';
import { VALUE_KINDS } from './value-kinds.js';

export interface Explanation {
  readonly code: string;
  readonly message: string;
  readonly hint?: string;
  /** Data path the diagnostic is about (for a missing or unknown property: that property). */
  readonly path: readonly string[];
  /** Where to point: the value at `at`, or its mapping key when `atKey`. */
  readonly at: readonly string[];
  readonly atKey: boolean;
  /** Set on unknown properties with a suggestion, so "missing spines" is dropped next to "spine: did you mean spines?". */
  readonly suggested?: string;
  readonly missing?: string;
}

interface Context {
  readonly error: ErrorObject;
  readonly path: readonly string[];
  readonly schema: SchemaNode;
  readonly index: SchemaIndex;
}

type Explainer = (ctx: Context) => Explanation | undefined;

/** For keywords whose own error only repeats the errors inside them (if/then, propertyNames). */
const skip: Explainer = () => undefined;

const EXPLAINERS: Readonly<Record<string, Explainer>> = {
  required,
  additionalProperties,
  type,
  enum: enumeration,
  const: constant,
  minimum: range,
  maximum: range,
  exclusiveMinimum: range,
  exclusiveMaximum: range,
  minItems: length('item'),
  maxItems: length('item'),
  minLength: length('character'),
  maxLength: length('character'),
  pattern,
  format: pattern,
  minProperties: oneRequired,
  maxProperties: onlyOne,
  not: notAllowed,
  'false schema': notAllowed,
  if: skip,
  then: skip,
  else: skip,
  propertyNames: skip,
};

export function explainError(error: ErrorObject, index: SchemaIndex): Explanation | undefined {
  const ctx: Context = {
    error,
    path: fromPointer(error.instancePath),
    schema: (error.parentSchema ?? {}) as SchemaNode,
    index,
  };
  return (Object.hasOwn(EXPLAINERS, error.keyword) ? (EXPLAINERS[error.keyword] as Explainer) : fallback)(ctx);
}

function required({ error, path, schema, index }: Context): Explanation {
  const missing = String(error.params['missingProperty']);
  const description = propertyDescription(schema, missing, index);
  return {
    code: 'schema-required',
    message: `missing required property ${show(missing)} ${where(path)}`,
    hint: description ? `${missing}: ${description}` : undefined,
    path: [...path, missing],
    at: path,
    atKey: true,
    missing,
  };
}

function additionalProperties({ error, path, schema }: Context): Explanation {
  const property = String(error.params['additionalProperty']);
  const data = asObject(error.data);
  const allowed = Object.keys(asObject(schema['properties']));
  // Object.hasOwn, not a list of the present keys: a hostile mapping has 1,000,000 keys and an error for each.
  const suggested = closestMatch(property, allowed.filter((p) => !Object.hasOwn(data, p)));
  return {
    code: 'schema-unknown-property',
    message: `unknown property ${show(property)} ${where(path)}` + (suggested ? `; did you mean ${show(suggested)}?` : ''),
    hint: suggested || allowed.length === 0 ? undefined : `allowed here: ${allowed.join(', ')}`,
    path: [...path, property],
    at: [...path, property],
    atKey: true,
    suggested,
  };
}

function type({ error, path, schema, index }: Context): Explanation {
  const kind = VALUE_KINDS[index.defName(schema) ?? ''];
  const expected = error.params['type'];
  const data = error.data;
  const expectsString = expected === 'string' || (Array.isArray(expected) && expected.includes('string'));
  const quoteHint = expectsString && (typeof data === 'number' || typeof data === 'boolean') ? `quote it: "${String(data)}"` : undefined;
  const listHint = expected === 'array' && data !== null && typeof data === 'object' ? 'start each list item with "- "' : undefined;
  return value(path, 'schema-type', `${label(path)} must be ${kind?.noun ?? describeSchemaType(expected)}; got ${describeType(data)}`, kind?.hint?.(data) ?? quoteHint ?? listHint);
}

function enumeration({ error, path }: Context): Explanation {
  const allowed = (error.params['allowedValues'] ?? []) as unknown[];
  const words = allowed.filter((v): v is string => typeof v === 'string');
  const near = typeof error.data === 'string' ? closestMatch(error.data, words) : undefined;
  return value(path, 'schema-enum', `${label(path)} must be ${showList(allowed)}; got ${show(error.data)}`, near ? `did you mean ${show(near)}?` : undefined);
}

function constant({ error, path, schema }: Context): Explanation {
  const description = typeof schema['description'] === 'string' ? schema['description'] : undefined;
  return value(path, 'schema-enum', `${label(path)} must be ${show(error.params['allowedValue'])}; got ${show(error.data)}`, description);
}

function range({ path, schema, error }: Context): Explanation {
  const min = numberOf(schema['minimum']) ?? plusOne(numberOf(schema['exclusiveMinimum']));
  const max = numberOf(schema['maximum']) ?? plusOne(numberOf(schema['exclusiveMaximum']), -1);
  const bounds = min !== undefined && max !== undefined ? `between ${min} and ${max}` : min !== undefined ? `at least ${min}` : `at most ${String(max)}`;
  return value(path, 'schema-range', `${label(path)} must be ${bounds}; got ${show(error.data)}`);
}

function length(unit: string): Explainer {
  return ({ error, path }) => {
    const limit = Number(error.params['limit']);
    const bound = error.keyword.startsWith('min') ? 'at least' : 'at most';
    return value(path, 'schema-range', `${label(path)} must have ${bound} ${limit} ${unit}${limit === 1 ? '' : 's'}`);
  };
}

function pattern({ error, path, schema, index }: Context): Explanation {
  const def = typeof error.params['pattern'] === 'string' ? index.defByPattern(error.params['pattern']) : index.defName(schema);
  const kind = VALUE_KINDS[def ?? ''];
  const noun = kind?.noun ?? `a valid ${typeof schema['title'] === 'string' ? schema['title'] : String(error.params['format'] ?? 'value')}`;
  if (error.propertyName !== undefined) {
    const key = error.propertyName;
    return {
      code: 'schema-format',
      message: `key ${show(key)} ${where(path)} must be ${noun}`,
      path: [...path, key],
      at: [...path, key],
      atKey: true,
    };
  }
  const code = def === 'name' ? 'invalid-name' : 'schema-format';
  return value(path, code, `${label(path)} must be ${noun}; got ${show(error.data)}`, kind?.hint?.(error.data));
}

function oneRequired({ path, schema }: Context): Explanation {
  const allowed = Object.keys(asObject(schema['properties']));
  const exactly = schema['maxProperties'] === 1 ? 'exactly ' : '';
  return {
    code: 'schema-required',
    message: `${label(path)} needs ${exactly}one of ${allowed.join(', ')}`,
    path,
    at: path,
    atKey: true,
  };
}

function onlyOne({ error, path, schema }: Context): Explanation {
  const present = Object.keys(asObject(error.data));
  const limit = Number(error.params['limit']);
  const extra = present[limit] ?? present[present.length - 1] ?? '';
  return {
    code: 'schema-invalid',
    message: `${label(path)} may have only ${limit === 1 ? 'one' : limit} of ${Object.keys(asObject(schema['properties'])).join(', ')}; found ${present.join(' and ')}`,
    hint: limit === 1 ? 'split it into separate entries, one per form' : undefined,
    path: [...path, extra],
    at: [...path, extra],
    atKey: true,
  };
}

function notAllowed({ path, schema }: Context): Explanation {
  const description = typeof schema['description'] === 'string' ? schema['description'] : undefined;
  return { code: 'schema-invalid', message: `${label(path)} is not allowed here`, hint: description, path, at: path, atKey: true };
}

function fallback({ path, schema }: Context): Explanation {
  const description = typeof schema['description'] === 'string' ? schema['description'] : undefined;
  return value(path, 'schema-invalid', `${label(path)} does not match the thrice format`, description);
}

function value(path: readonly string[], code: string, message: string, hint?: string): Explanation {
  return { code, message, hint, path, at: path, atKey: false };
}

/** The last key and the indexes after it: `vni`, `ports[0]`, `leaves[2]`. */
export function label(path: readonly string[]): string {
  let i = path.length - 1;
  while (i >= 0 && /^\d+$/.test(path[i] ?? '')) i--;
  if (path.length === 0) return 'the document';
  return printable(formatPath(path.slice(Math.max(i, 0))));
}

/** "in fabric.asn", "at the top level". */
function where(path: readonly string[]): string {
  return path.length === 0 ? 'at the top level' : `in ${printable(formatPath(path))}`;
}

/** Keys come from the user's file; keep them to printable ASCII inside messages. */
export function printable(text: string): string {
  return text.replace(/[^\x20-\x7e]/gu, (c) => `\\u${(c.codePointAt(0) ?? 0).toString(16).padStart(4, '0')}`);
}

function propertyDescription(schema: SchemaNode, property: string, index: SchemaIndex): string | undefined {
  const owner = index.ownerDef(schema);
  const properties = asObject(schema['properties'] ?? (owner ? index.def(owner)?.['properties'] : undefined));
  const node = asObject(properties[property]);
  return typeof node['description'] === 'string' ? node['description'] : undefined;
}

function asObject(value: unknown): Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
}

function numberOf(value: unknown): number | undefined {
  return typeof value === 'number' ? value : undefined;
}

function plusOne(value: number | undefined, step = 1): number | undefined {
  return value === undefined ? undefined : value + step;
}
