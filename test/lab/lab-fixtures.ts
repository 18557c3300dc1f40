// Test helper: the three-layer example compiled as `thrice lab up` compiles it (manifests and lock file next to the spec).
import { existsSync, readFileSync } from 'node:fs';
import { compileTopology, type PipelineResult } from '../../src/compile/pipeline.js';
import { fileSystemHost } from '../../src/cli/file-system-host.js';
import { lockPathFor } from '../../src/cli/lock-path.js';

export const THREE_LAYER = new URL('../../examples/three-layer.yaml', import.meta.url).pathname;

export interface CompiledExample extends PipelineResult {
  readonly text: string;
}

export function compileExample(path = THREE_LAYER): Required<Pick<PipelineResult, 'ir' | 'spec' | 'outputs'>> & CompiledExample {
  const text = readFileSync(path, 'utf8');
  const lockPath = lockPathFor(path);
  const lock = existsSync(lockPath) ? { file: lockPath, text: readFileSync(lockPath, 'utf8') } : undefined;
  const result = compileTopology({ spec: { file: path, text }, lock, host: fileSystemHost(path) });
  if (!result.ir || !result.spec || !result.outputs) throw new Error(`${path} does not compile: ${JSON.stringify(result.diagnostics.slice(0, 3))}`);
  return { ...result, ir: result.ir, spec: result.spec, outputs: result.outputs, text };
}
