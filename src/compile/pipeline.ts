// The story of a compile, one stage per line; a stage that reports errors stops the pipeline before the next.
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import type { TopologyIR } from '../ir/topology-ir.js';
import type { OutputFile } from '../emit/emitter.js';
import type { Spec } from '../spec/spec-types.js';
import type { SourceDocument } from '../source/parse-yaml.js';
import { DiagnosticBag, sortDiagnostics } from '../diagnostics/diagnostic.js';
import { parseYamlFile } from '../source/parse-yaml.js';
import { validateAgainstSchema } from '../validate/schema-validate.js';
import { semanticRules } from '../validate/semantic/index.js';
import { SemanticContext } from '../validate/semantic/semantic-rule.js';
import { EMPTY_LOCK, type LockFile, formatLockFile, readLockFile } from './lock-file.js';
import { planFabric } from './fabric-plan.js';
import { allocateFabric } from './allocate/allocate-fabric.js';
import { buildFabricIR } from './build-fabric-ir.js';
import { checkCapacity } from './check-capacity.js';
import { checkAsns } from './check-asns.js';
import { emitters } from '../emit/index.js';

/** A text file handed in by the CLI (the pipeline itself never reads the file system). */
export interface SourceText {
  readonly file: string;
  readonly text: string;
}

export interface PipelineInput {
  readonly spec: SourceText;
  /** The lock file next to the spec, when it exists. */
  readonly lock?: SourceText;
}

export interface PipelineResult {
  readonly diagnostics: readonly Diagnostic[];
  readonly ir?: TopologyIR;
  /** The lock file contents after allocation (only when the IR was built). */
  readonly lockText?: string;
  readonly outputs?: readonly OutputFile[];
}

interface Stage<I, O> {
  (input: I, diagnostics: DiagnosticBag): O;
}

/** Parse, validate (schema, then semantics), build the IR; stops at the first phase with errors. */
export function buildTopology(input: PipelineInput): PipelineResult {
  const bag = new DiagnosticBag();
  const done = (extra: Partial<PipelineResult> = {}): PipelineResult => ({ diagnostics: sortDiagnostics(bag.items), ...extra });

  const doc = parseSpec(input.spec, bag);
  if (!doc || bag.hasErrors()) return done();

  validateSchema(doc, bag);
  if (bag.hasErrors()) return done();
  const spec = doc.value as Spec;

  validateSemantics({ spec, doc }, bag);
  if (bag.hasErrors()) return done();

  const lock = readLock(input.lock, bag);
  if (bag.hasErrors()) return done();

  const built = buildIR({ spec, doc, lock }, bag);
  if (bag.hasErrors()) return done();

  return done({ ir: built.ir, lockText: formatLockFile(built.lock, spec.name) });
}

/** Everything `buildTopology` does, then every emitter. */
export function compileTopology(input: PipelineInput): PipelineResult {
  const result = buildTopology(input);
  if (!result.ir) return result;
  return { ...result, outputs: emitAll(result.ir) };
}

const parseSpec: Stage<SourceText, SourceDocument | undefined> = (source, bag) => {
  const parsed = parseYamlFile(source.text, source.file);
  parsed.diagnostics.forEach((d) => bag.add(d));
  const doc = parsed.documents[0];
  if (doc && (doc.value === null || typeof doc.value !== 'object' || Array.isArray(doc.value))) {
    bag.add({
      code: 'schema-type',
      severity: 'error',
      message: 'a topology file must be a YAML mapping with `thrice: 1` and `name`',
      location: doc.spans.locate([]),
      related: [],
    });
  }
  return doc;
};

const validateSchema: Stage<SourceDocument, void> = (doc, bag) => {
  validateAgainstSchema(doc).forEach((d) => bag.add(d));
};

const validateSemantics: Stage<{ spec: Spec; doc: SourceDocument }, void> = ({ spec, doc }, bag) => {
  const ctx = new SemanticContext(doc.spans, (d) => bag.add(d));
  for (const rule of semanticRules) rule.check(spec, ctx);
};

const readLock: Stage<SourceText | undefined, LockFile> = (source, bag) => {
  if (!source) return EMPTY_LOCK;
  const parsed = parseYamlFile(source.text, source.file);
  parsed.diagnostics.forEach((d) => bag.add({ ...d, code: 'lock-invalid' }));
  const doc = parsed.documents[0];
  return doc ? readLockFile(doc, (d) => bag.add(d)) : EMPTY_LOCK;
};

const buildIR: Stage<{ spec: Spec; doc: SourceDocument; lock: LockFile }, { ir: TopologyIR; lock: LockFile }> = (
  { spec, doc, lock },
  bag,
) => {
  const report = (d: Diagnostic): void => bag.add(d);
  if (!spec.fabric) return { ir: { name: spec.name }, lock };
  const plan = planFabric(spec.fabric);
  const allocation = allocateFabric(spec.fabric, plan, lock, { spans: doc.spans, report });
  const fabric = buildFabricIR(spec.fabric, plan, allocation);
  checkCapacity(fabric, doc.spans, report);
  checkAsns(fabric, doc.spans, report);
  return { ir: { name: spec.name, fabric }, lock: allocation.lock };
};

function emitAll(ir: TopologyIR): OutputFile[] {
  const files = emitters.flatMap((e) => e.emit(ir));
  return files.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}
