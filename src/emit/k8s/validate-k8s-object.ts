// Checks one Kubernetes object against the API's own schema (kubernetes-models) and for unknown fields.
import type { ErrorObject } from 'ajv';
import { type DataPath, formatPath, fromPointer } from '../../source/data-path.js';
import { describeSchemaType, describeType, show, showList } from '../../validate/schema/describe-value.js';
import { K8S_KINDS } from './k8s-models.js';
import { findUnknownFields } from './find-unknown-fields.js';
import type { K8sObjectProblem } from './k8s-object-problem.js';

/**
 * Every problem the Kubernetes API would report for `object`, one message each, prefixed with the path
 * inside the object (`spec.podSelector: must be a mapping, not a string`); empty when the object is valid.
 */
export function validateK8sObject(object: unknown): string[] {
  return findK8sObjectProblems(object).map(({ path, message }) => (path.length === 0 ? message : `${formatPath(path)}: ${message}`));
}

/**
 * The same problems with their paths kept apart, so a caller can locate each one in the YAML it came from.
 * Covered: the kind's OpenAPI schema (types, required fields, enums such as policyTypes and protocol) and,
 * for NetworkPolicy, unknown fields. Value rules beyond the schema (port ranges, port names, CIDRs, selector
 * operators) are the manifest readers' (`src/k8s/read-*.ts`), which report them with their own codes.
 */
export function findK8sObjectProblems(object: unknown): K8sObjectProblem[] {
  if (!isMapping(object)) return [{ path: [], message: `a Kubernetes object must be a mapping, not ${describeType(object)}` }];
  const key = `${String(object['apiVersion'])}/${String(object['kind'])}`;
  const kind = K8S_KINDS.get(key);
  if (!kind) return [{ path: ['kind'], message: `no schema for ${show(object['kind'])} of apiVersion ${show(object['apiVersion'])}` }];
  const problems = schemaErrors(() => new kind.model(object).validate()).flatMap((e, _, all) => explain(e, all, object));
  return [...problems, ...(kind.fields ? findUnknownFields(object, kind.fields) : [])];
}

/** The ajv errors a model's `validate()` throws (it throws nothing else for data it was built from). */
function schemaErrors(validate: () => void): ErrorObject[] {
  try {
    validate();
    return [];
  } catch (error) {
    const errors = (error as { errors?: unknown }).errors;
    if (!Array.isArray(errors)) throw error;
    return errors as ErrorObject[];
  }
}

/** One ajv error in a YAML author's words; int-or-string alternatives become one message. */
function explain(error: ErrorObject, all: readonly ErrorObject[], object: unknown): K8sObjectProblem[] {
  const path = toPath(error.instancePath);
  const value = valueAt(object, path);
  const params = error.params as Record<string, unknown>;
  // A field of several types (IntOrString) fails each branch at the same path: the oneOf reports it once.
  const isAlternative = (e: ErrorObject): boolean => e.keyword === 'oneOf' && e.instancePath === error.instancePath;
  if (error.keyword !== 'oneOf' && all.some(isAlternative)) return [];
  switch (error.keyword) {
    case 'type':
      return [{ path, message: `must be ${describeSchemaType(params['type'])}, not ${describeType(value)}` }];
    case 'oneOf': {
      const types = all.filter((e) => e.keyword === 'type' && e.instancePath === error.instancePath).map((e) => (e.params as Record<string, unknown>)['type']);
      if (types.length === 0) return [{ path, message: error.message ?? 'matches none of its alternatives' }];
      return [{ path, message: `must be ${types.map(describeSchemaType).join(' or ')}, not ${describeType(value)}` }];
    }
    case 'enum':
      return [{ path, message: `must be ${showList(params['allowedValues'] as unknown[])}, not ${show(value)}` }];
    case 'required':
      return [{ path, message: `missing required field ${String(params['missingProperty'])}` }];
    default:
      return [{ path, message: error.message ?? `fails the ${error.keyword} rule of the Kubernetes schema` }];
  }
}

/** Indexes become numbers, as in the rest of thrice's data paths. */
function toPath(pointer: string): DataPath {
  return fromPointer(pointer).map((segment) => (/^\d+$/.test(segment) ? Number(segment) : segment));
}

function valueAt(object: unknown, path: DataPath): unknown {
  let value = object;
  for (const segment of path) {
    if (value === null || typeof value !== 'object') return undefined;
    value = (value as Record<string | number, unknown>)[segment];
  }
  return value;
}

function isMapping(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}
