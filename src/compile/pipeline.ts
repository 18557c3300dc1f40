// The story of a compile, one stage per line; a stage that reports errors stops the pipeline before the next.
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import type { TopologyIR } from '../ir/topology-ir.js';
import type { EmitSecrets, OutputFile } from '../emit/emitter.js';
import type { Spec } from '../spec/spec-types.js';
import type { SourceDocument } from '../source/parse-yaml.js';
import type { SpanIndex } from '../source/span-index.js';
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
import { checkMaxPrefix } from './check-max-prefix.js';
import type { FabricIR } from '../ir/fabric-ir.js';
import type { SourceText } from '../source/source-text.js';
import { type FabricLock } from './allocate/allocate-fabric.js';
import { allocateOverlay } from './allocate/allocate-overlay.js';
import { allocateLeafGateways } from './allocate/allocate-leaf-gateways.js';
import { allocateClusters } from './allocate/allocate-clusters.js';
import { buildOverlayIR } from './build-overlay-ir.js';
import { buildClusterIR } from './build-cluster-ir.js';
import { buildFirewallIR } from './build-firewall-ir.js';
import { checkWorkloadReferences } from './check-workload-references.js';
import { addressBook } from './address-book.js';
import { type ClusterManifests, type CompilerHost, loadClusterManifests } from './load-cluster-manifests.js';
import { emitters } from '../emit/index.js';
import { resolveBgpPassword } from './resolve-bgp-password.js';
import { createPathModel } from '../analysis/paths/create-path-model.js';
import { runRules } from '../analysis/run-rules.js';
import { type IntentResult, evaluateIntents } from '../analysis/intents/evaluate-intents.js';
import { intentDiagnostic } from '../analysis/intents/intent-diagnostic.js';

export type { SourceText, CompilerHost };

export interface PipelineInput {
  readonly spec: SourceText;
  /** The lock file next to the spec, when it exists. */
  readonly lock?: SourceText;
  /** File access for `manifests` globs; without it, a spec that imports manifests is an error. */
  readonly host?: CompilerHost;
}

export interface PipelineResult {
  readonly diagnostics: readonly Diagnostic[];
  readonly ir?: TopologyIR;
  /** The schema-valid spec and its source, once validation passed (analysis locates findings with them). */
  readonly spec?: Spec;
  readonly source?: SourceDocument;
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

  const { lock, spans: lockSpans } = readLock(input.lock, bag);
  if (bag.hasErrors()) return done();

  const built = buildIR({ spec, doc, lock, lockSpans, host: input.host }, bag);
  if (bag.hasErrors()) return done();

  return done({ ir: built.ir, spec, source: doc, lockText: formatLockFile(built.lock, spec.name) });
}

export interface CheckResult extends PipelineResult {
  /** Every intent with its verdict; empty when the topology did not build. */
  readonly intents: readonly IntentResult[];
}

/** The pre-merge lint: everything `buildTopology` does, then every gap check and every intent over all paths. */
export function checkTopology(input: PipelineInput): CheckResult {
  const built = buildTopology(input);
  if (!built.ir || !built.spec || !built.source) return { ...built, intents: [] };
  const { ir, spec, source } = built;
  const paths = createPathModel(ir);
  const findings = runRules({ ir, spec, paths }, source.spans);
  const intents = evaluateIntents(spec, ir, paths);
  const violations = intents.filter((i) => !i.holds).map((i) => intentDiagnostic(i, source.spans));
  return { ...built, diagnostics: sortDiagnostics([...built.diagnostics, ...findings, ...violations]), intents };
}

/** Everything `buildTopology` does, then reads the secrets the outputs carry, then every emitter. */
export function compileTopology(input: PipelineInput): PipelineResult {
  const result = buildTopology(input);
  if (!result.ir || !result.source) return result;
  const secretErrors: Diagnostic[] = [];
  const secrets = resolveBgpPassword(result.ir.fabric, input.host, result.source.spans, (d) => secretErrors.push(d));
  if (secretErrors.length > 0) return { ...result, diagnostics: sortDiagnostics([...result.diagnostics, ...secretErrors]) };
  return { ...result, outputs: emitAll(result.ir, secrets) };
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

/** The lock file's values, and its locations: a bad locked value is reported at its line there. */
const readLock: Stage<SourceText | undefined, { lock: LockFile; spans?: SpanIndex }> = (source, bag) => {
  if (!source) return { lock: EMPTY_LOCK };
  const parsed = parseYamlFile(source.text, source.file);
  parsed.diagnostics.forEach((d) => bag.add({ ...d, code: 'lock-invalid' }));
  const doc = parsed.documents[0];
  return doc ? { lock: readLockFile(doc, (d) => bag.add(d)), spans: doc.spans } : { lock: EMPTY_LOCK };
};

const buildIR: Stage<
  { spec: Spec; doc: SourceDocument; lock: LockFile; lockSpans?: SpanIndex; host?: CompilerHost },
  { ir: TopologyIR; lock: LockFile }
> = ({ spec, doc, lock, lockSpans, host }, bag) => {
  const report = (d: Diagnostic): void => bag.add(d);
  const ctx = { spans: doc.spans, lockSpans, report };
  let fabric: FabricIR | undefined;
  let fabricLock: FabricLock = EMPTY_LOCK;
  if (spec.fabric) {
    const plan = planFabric(spec.fabric);
    const allocation = allocateFabric(spec.fabric, plan, lock, ctx);
    fabric = buildFabricIR(spec.fabric, plan, allocation);
    fabricLock = allocation.lock;
    checkCapacity(fabric, doc.spans, report);
    checkAsns(fabric, doc.spans, report);
    checkMaxPrefix(fabric, doc.spans, report);
  }
  // Leaves that are VTEPs hold an address of their own in each subnet they serve, beside the anycast gateway.
  const hostLeaf = new Map(fabric?.vtep === 'leaf' ? fabric.hosts.map((h) => [h.name, h.leaf]) : []);
  const leafGateways = allocateLeafGateways(spec, lock, hostLeaf, ctx);
  const overlayAllocation = allocateOverlay(spec, lock, ctx, leafGateways.taken);
  const book = addressBook(spec, fabric, overlayAllocation);
  const overlay = buildOverlayIR(spec, fabric, overlayAllocation, book, leafGateways.address);
  const manifests = new Map<string, ClusterManifests>();
  (spec.clusters ?? []).forEach((cluster, ci) => {
    const patterns = cluster.manifests ?? [];
    if (patterns.length === 0) return;
    const paths = patterns.map((_, i) => ['clusters', ci, 'manifests', i]);
    manifests.set(cluster.name, loadClusterManifests(patterns, paths, host, doc.spans, report));
  });
  const clusterAllocation = allocateClusters(spec, lock, ctx);
  const clusters = buildClusterIR(spec, overlay, clusterAllocation, manifests, doc, report);
  checkWorkloadReferences(spec, clusters, doc.spans, report);
  const firewalls = buildFirewallIR(spec, fabric, book);
  return {
    ir: { name: spec.name, fabric, overlay, clusters, firewalls },
    lock: { ...fabricLock, ...overlayAllocation.lock, ...leafGateways.lock, ...clusterAllocation.lock },
  };
};

function emitAll(ir: TopologyIR, secrets: EmitSecrets): OutputFile[] {
  const files = emitters.flatMap((e) => e.emit(ir, secrets));
  return files.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}
