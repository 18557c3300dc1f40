// Issue 8.9: the outputs do not depend on the working directory (manifest paths are recorded relative to the spec).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { exampleProject, snapshot, thrice } from './hostile-fixtures.js';

describe('outputs independent of where thrice runs', () => {
  it('compiling from the spec directory and from elsewhere gives identical trees', () => {
    const { project, root } = exampleProject();
    expect(thrice(['compile', 'dc1.yaml', '-o', join(root, 'a')], { cwd: project }).status).toBe(0);
    expect(thrice(['compile', 'proj/dc1.yaml', '-o', 'b'], { cwd: root }).status).toBe(0);
    expect(thrice(['compile', join(project, 'dc1.yaml'), '-o', join(root, 'c')], { cwd: '/' }).status).toBe(0);
    const a = snapshot(join(root, 'a'));
    expect(snapshot(join(root, 'b'))).toEqual(a);
    expect(snapshot(join(root, 'c'))).toEqual(a);
    expect(readFileSync(join(root, 'a', 'ir.json'), 'utf8')).toContain('"k8s/monitoring.yaml"');
  });
});
