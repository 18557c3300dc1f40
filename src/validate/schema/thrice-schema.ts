// Loads schema/thrice.schema.json once, compiles it with ajv, and indexes its $defs so errors can be explained.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Ajv2020Module from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';
import type { ValidateFunction } from 'ajv/dist/2020.js';
import { packageRoot } from '../../package-root.js';

// ajv and ajv-formats are CommonJS; under NodeNext their default export arrives as `.default`
// in the types while Node hands us the function itself, so accept both.
const Ajv2020 = ((Ajv2020Module as unknown as { default?: unknown }).default ?? Ajv2020Module) as typeof Ajv2020Module.default;
const addFormats = ((addFormatsModule as unknown as { default?: unknown }).default ?? addFormatsModule) as typeof addFormatsModule.default;

export type SchemaNode = Readonly<Record<string, unknown>>;

export interface CompiledSchema {
  readonly validate: ValidateFunction;
  readonly index: SchemaIndex;
}

/** Compiles a schema the way thrice does: all errors, strict, and `verbose` so errors carry their schema node. */
export function compileSchema(schema: SchemaNode): CompiledSchema {
  const ajv = new Ajv2020({
    allErrors: true,
    strict: true,
    // Unions are written as `type: [integer, array]` with type-specific keywords instead of oneOf.
    allowUnionTypes: true,
    verbose: true,
  });
  addFormats(ajv);
  return { validate: ajv.compile(schema), index: new SchemaIndex(schema) };
}

let thrice: CompiledSchema | undefined;

export function thriceSchema(): CompiledSchema {
  thrice ??= compileSchema(JSON.parse(readFileSync(join(packageRoot(), 'schema/thrice.schema.json'), 'utf8')) as SchemaNode);
  return thrice;
}

/** Answers "which $defs entry is this schema node?" by identity: ajv's verbose errors hand back our own objects. */
export class SchemaIndex {
  readonly #defName = new Map<unknown, string>();
  readonly #owner = new Map<unknown, string>();
  readonly #patternDef = new Map<string, string>();
  readonly #defs: Readonly<Record<string, SchemaNode>>;

  constructor(readonly root: SchemaNode) {
    this.#defs = (root['$defs'] ?? {}) as Record<string, SchemaNode>;
    for (const [name, def] of Object.entries(this.#defs)) {
      this.#defName.set(def, name);
      walk(def, (node) => {
        if (!this.#owner.has(node)) this.#owner.set(node, name);
      });
      // First def wins, so an inline copy of the name pattern (switchItem) still reads as `name`.
      if (typeof def['pattern'] === 'string' && !this.#patternDef.has(def['pattern'])) this.#patternDef.set(def['pattern'], name);
    }
  }

  defName(node: unknown): string | undefined {
    return this.#defName.get(node);
  }

  /** The $defs entry that contains this node (itself included), e.g. `fabric` for the fabric's `then` branch. */
  ownerDef(node: unknown): string | undefined {
    return this.#owner.get(node);
  }

  defByPattern(pattern: string): string | undefined {
    return this.#patternDef.get(pattern);
  }

  def(name: string): SchemaNode | undefined {
    return this.#defs[name];
  }

  /** Follows local `$ref`s (`#/$defs/x`). */
  resolve(node: unknown): SchemaNode | undefined {
    let current = node;
    for (let hops = 0; hops < 32 && isNode(current); hops++) {
      const ref = current['$ref'];
      if (typeof ref !== 'string') return current;
      const match = /^#\/\$defs\/([^/]+)$/.exec(ref);
      current = match ? this.#defs[match[1] ?? ''] : undefined;
    }
    return undefined;
  }

  /** Every schema node reachable from `node`, following local refs. */
  reachable(node: unknown): Set<unknown> {
    const seen = new Set<unknown>();
    const visit = (n: unknown): void => {
      walk(n, (child) => {
        if (seen.has(child)) return false;
        seen.add(child);
        const target = typeof child['$ref'] === 'string' ? this.resolve(child) : undefined;
        if (target && target !== child) visit(target);
        return true;
      });
    };
    visit(node);
    return seen;
  }
}

function isNode(value: unknown): value is SchemaNode {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Visits every schema object under `node` (not following refs); a visitor returning false prunes. */
function walk(node: unknown, visit: (node: SchemaNode) => boolean | void): void {
  if (Array.isArray(node)) {
    for (const item of node) walk(item, visit);
    return;
  }
  if (!isNode(node)) return;
  if (visit(node) === false) return;
  for (const [key, value] of Object.entries(node)) {
    // Data, not schemas: const/enum/default/examples values must not be mistaken for schema nodes.
    if (key === 'const' || key === 'enum' || key === 'default' || key === 'examples') continue;
    walk(value, visit);
  }
}
