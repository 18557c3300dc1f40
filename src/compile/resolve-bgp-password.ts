// Reads `fabric.bgp.password` from its environment variable or file when compiling; the value goes to the emitters only.
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import type { FabricIR } from '../ir/fabric-ir.js';
import type { SpanIndex } from '../source/span-index.js';
import type { EmitSecrets } from '../emit/emitter.js';
import type { CompilerHost, SecretRead } from './load-cluster-manifests.js';
import { formatPath } from '../source/data-path.js';

/** Linux keeps at most 80 bytes of a TCP-MD5 key (TCP_MD5SIG_MAXKEYLEN). */
export const MAX_BGP_PASSWORD_LENGTH = 80;
/**
 * One FRR word of printable ASCII: a space would end FRR's `password LINE` token, and `?` is vtysh's help key.
 * Anything else printable is taken as it is, so generated secrets (base64, hex) work unchanged.
 */
const PASSWORD_SYNTAX = /^[\x21-\x3e\x40-\x7e]+$/;

const HINTS: Record<Extract<SecretRead, { code: string }>['code'], string> = {
  'bgp-password-missing': 'set the environment variable (or create the file) where `thrice compile` and `thrice lab up` run',
  'bgp-password-outside-project': "the file must lie inside the spec's directory tree (relative, no `..`, no symbolic link leading out)",
  'bgp-password-invalid': `one line of 1 to ${MAX_BGP_PASSWORD_LENGTH} printable ASCII characters, no spaces and no "?"`,
};

/**
 * `thrice check` never needs the secret (a pull request's CI rarely holds it): only a compile, whose outputs carry
 * the password, reads it. The error points at the `env` or `file` field and never quotes the value.
 */
export function resolveBgpPassword(
  fabric: FabricIR | undefined,
  host: CompilerHost | undefined,
  spans: SpanIndex,
  report: (d: Diagnostic) => void,
): EmitSecrets {
  const source = fabric?.bgp?.password;
  if (!source) return {};
  const path = ['fabric', 'bgp', 'password', 'env' in source ? 'env' : 'file'];
  const fail = (code: keyof typeof HINTS, message: string): EmitSecrets => {
    report({ code, severity: 'error', message, location: spans.locate(path), path: formatPath(path), related: [], hint: HINTS[code] });
    return {};
  };
  let text: string;
  if ('env' in source) {
    const value = host?.readEnv?.(source.env);
    if (value === undefined || value === '') return fail('bgp-password-missing', `the BGP password's environment variable ${source.env} is not set (or empty)`);
    text = value;
  } else {
    const read: SecretRead = host?.readSecretFile?.(source.file) ?? { code: 'bgp-password-missing', error: 'cannot be read: no file access in this context' };
    if ('error' in read) return fail(read.code, `the BGP password file "${source.file}" ${read.error}`);
    text = read.text.replace(/\r?\n$/, '');
  }
  if (text.length > MAX_BGP_PASSWORD_LENGTH || !PASSWORD_SYNTAX.test(text)) {
    return fail('bgp-password-invalid', `the BGP password read from ${'env' in source ? `$${source.env}` : `"${source.file}"`} is not one line of 1 to ${MAX_BGP_PASSWORD_LENGTH} printable ASCII characters without spaces or "?"`);
  }
  return { bgpPassword: text };
}
