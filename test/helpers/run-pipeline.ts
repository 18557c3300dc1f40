// Test helper: runs the pipeline over YAML text as the CLI would, without touching the file system.
import { buildTopology, checkTopology, compileTopology, type CheckResult, type PipelineResult, type SourceText } from '../../src/compile/pipeline.js';

export function build(text: string, file = 'spec.yaml', lockText?: string): PipelineResult {
  return buildTopology({ spec: { file, text }, lock: lockText === undefined ? undefined : { file: 'spec.lock.yaml', text: lockText } });
}

export function compile(text: string, file = 'spec.yaml', lockText?: string): PipelineResult {
  return compileTopology({ spec: { file, text }, lock: lockText === undefined ? undefined : { file: 'spec.lock.yaml', text: lockText } });
}

/** Validation, gap checks and intents, as `thrice check` runs them (with the lock file, when given). */
export function check(text: string, file = 'spec.yaml', lock?: SourceText): CheckResult {
  return checkTopology({ spec: { file, text }, lock });
}

/** `code line:col` of every error, for compact assertions. */
export function errorsOf(result: PipelineResult): string[] {
  return result.diagnostics.filter((d) => d.severity === 'error').map((d) => `${d.code} ${d.location?.line}:${d.location?.column}`);
}
