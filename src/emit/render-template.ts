// Loads a target's Handlebars templates once and renders ready-made views with them; templates only print.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import Handlebars from 'handlebars';
import { packageRoot } from '../package-root.js';

/**
 * `strict` makes a misspelt or missing view field an error instead of an empty string, so views must
 * carry every field a template prints (use `null`/`false` for "absent"). Nothing is HTML-escaped:
 * the outputs are configs and scripts, and views quote data for their own format.
 */
const COMPILE_OPTIONS: CompileOptions = { noEscape: true, strict: true };

type CompileOptions = NonNullable<Parameters<typeof Handlebars.compile>[1]>;
type Template = (view: object) => string;

/** Per target: main templates by file name (`frr.conf.hbs` → `frr.conf`). */
const loaded = new Map<string, ReadonlyMap<string, Template>>();

/**
 * Renders `templates/<target>/<name>.hbs` with `view`. Files whose name starts with `_` are partials,
 * registered (without the `_`) on a private Handlebars instance of that target only, so targets
 * cannot see or break each other's partials.
 */
export function renderTemplate(target: string, name: string, view: object): string {
  const template = templatesOf(target).get(name);
  if (!template) throw new Error(`thrice: no template ${name}.hbs in templates/${target}`);
  return withOneFinalNewline(template(view));
}

/** Exactly one final newline, whatever the last partial left behind (a `\n*$` regex is quadratic on long text). */
function withOneFinalNewline(text: string): string {
  let end = text.length;
  while (end > 0 && text.charCodeAt(end - 1) === 10) end--;
  return text.slice(0, end) + '\n';
}

function templatesOf(target: string): ReadonlyMap<string, Template> {
  const cached = loaded.get(target);
  if (cached) return cached;
  const dir = join(packageRoot(), 'templates', target);
  const handlebars = Handlebars.create();
  const mains = new Map<string, Template>();
  // Sorted so that loading is as deterministic as the output.
  for (const file of readdirSync(dir).filter((f) => f.endsWith('.hbs')).sort()) {
    const source = readFileSync(join(dir, file), 'utf8');
    const compiled = handlebars.compile(source, COMPILE_OPTIONS);
    const base = file.slice(0, -'.hbs'.length);
    if (base.startsWith('_')) handlebars.registerPartial(base.slice(1), compiled);
    else mains.set(base, compiled);
  }
  loaded.set(target, mains);
  return mains;
}
