// The YAML 1.2 core schema for js-yaml, exactly as the spec writes it, so js-yaml reads every scalar as `yaml` does.
import { FAILSAFE_SCHEMA, type Schema, Type } from 'js-yaml';

/** Cheap first look before a regular expression: every plain scalar of a spec is tried against each type. */
const NUMERIC_START = /^[-+.0-9]/;

// js-yaml's own core schema also reads 0b101, -0x1F and +0o17 as numbers but not -.5; `yaml` follows the spec.
const NULL = /^(?:~|null|Null|NULL)$/;
const BOOL = /^(?:true|True|TRUE|false|False|FALSE)$/;
const INT = /^(?:[-+]?[0-9]+|0o[0-7]+|0x[0-9a-fA-F]+)$/;
const FLOAT = /^(?:[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))$/;

const nullType = new Type('tag:yaml.org,2002:null', {
  kind: 'scalar',
  resolve: (data: string | null) => data === null || data === '' || (data.length <= 4 && NULL.test(data)),
  construct: () => null,
});

const boolType = new Type('tag:yaml.org,2002:bool', {
  kind: 'scalar',
  resolve: (data: string | null) => data !== null && data.length >= 4 && data.length <= 5 && BOOL.test(data),
  construct: (data: string) => data[0] === 't' || data[0] === 'T',
});

const intType = new Type('tag:yaml.org,2002:int', {
  kind: 'scalar',
  resolve: (data: string | null) => data !== null && NUMERIC_START.test(data) && INT.test(data),
  construct: (data: string) => {
    if (data.startsWith('0o')) return parseInt(data.slice(2), 8);
    if (data.startsWith('0x')) return parseInt(data.slice(2), 16);
    return Number(data);
  },
});

/** `1e999` is a float too large for a double: Infinity, as `yaml` reads it (the schema then refuses it where a number is due). */
const floatType = new Type('tag:yaml.org,2002:float', {
  kind: 'scalar',
  resolve: (data: string | null) => data !== null && NUMERIC_START.test(data) && FLOAT.test(data),
  construct: (data: string) => {
    const inf = /^([-+]?)\.(?:inf|Inf|INF)$/.exec(data);
    if (inf) return inf[1] === '-' ? -Infinity : Infinity;
    if (/^\.(?:nan|NaN|NAN)$/.test(data)) return NaN;
    return Number(data);
  },
});

export const CORE_SCHEMA_1_2: Schema = FAILSAFE_SCHEMA.extend({ implicit: [nullType, boolType, intType, floatType] });
