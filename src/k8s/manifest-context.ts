// Reports problems in one manifest document at the exact value they concern (file:line:col and data path).
import type { Diagnostic, Location, Severity } from '../diagnostics/diagnostic.js';
import type { SourceDocument } from '../source/parse-yaml.js';
import { type DataPath, formatPath } from '../source/data-path.js';

export class ManifestContext {
  constructor(
    readonly doc: SourceDocument,
    private readonly sink: Diagnostic[],
  ) {}

  /** Resolved on first read: most objects never need their location. */
  location(path: DataPath): Location {
    return this.doc.spans.locateLazily(path);
  }

  report(severity: Severity, code: string, path: DataPath, message: string, hint?: string): void {
    this.sink.push({
      code,
      severity,
      message,
      location: this.location(path),
      path: formatPath(path),
      related: [],
      ...(hint === undefined ? {} : { hint }),
    });
  }

  error(code: string, path: DataPath, message: string, hint?: string): void {
    this.report('error', code, path, message, hint);
  }

  warning(code: string, path: DataPath, message: string, hint?: string): void {
    this.report('warning', code, path, message, hint);
  }

  info(code: string, path: DataPath, message: string, hint?: string): void {
    this.report('info', code, path, message, hint);
  }
}
