// The shared template loader: strict views, and exactly one final newline.
import { describe, expect, it } from 'vitest';
import { renderTemplate } from '../../src/emit/render-template.js';
import { buildWiringView } from '../../src/emit/wiring/build-wiring-view.js';
import { twoTierUnnumbered } from '../helpers/fabric-ir-fixtures.js';

describe('renderTemplate', () => {
  it('fails on a view that lacks a field the template prints, instead of printing nothing', () => {
    expect(() => renderTemplate('wiring', 'wiring.md', { linkCount: 1, markdownRows: [] })).toThrow(/linkMode/);
  });

  it('fails on an unknown template', () => {
    expect(() => renderTemplate('wiring', 'nope', {})).toThrow(/nope\.hbs/);
  });

  it('does not HTML-escape data', () => {
    const view = buildWiringView(twoTierUnnumbered);
    const rows = view.markdownRows.map((r) => ({ ...r, subnet: '<&>' }));
    expect(renderTemplate('wiring', 'wiring.md', { ...view, markdownRows: rows })).toContain('| <&> |');
  });
});
