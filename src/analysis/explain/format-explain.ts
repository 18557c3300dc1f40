// Prints flow paths hop by hop: the headers visible at each hop, the checks, what decided and what was bypassed.
import type { FlowPath, Header } from '../paths/path-types.js';
import { headerText } from '../paths/filter-checks.js';

const CHECK_NAMES: Readonly<Record<string, string>> = {
  'network-policy-egress': 'NetworkPolicy egress of',
  'network-policy-ingress': 'NetworkPolicy ingress of',
  'security-group-egress': 'security groups (egress) of',
  'security-group-ingress': 'security groups (ingress) of',
  firewall: 'firewall',
};

function flowText(p: FlowPath): string {
  return p.proto === 'icmp' ? 'ICMP' : `${p.proto.toUpperCase()} ${p.port}`;
}

/** `, via border1, reply via border2, from source port 53`: how a north-south flow crosses several border leaves. */
function crossingText(p: FlowPath): string {
  const c = p.crossing;
  if (!c) return '';
  return `, via ${c.forward}, reply via ${c.reply}${c.sourcePort === undefined ? '' : `, from source port ${c.sourcePort}`}`;
}

function stackText(headers: readonly Header[]): string {
  return headers.map(headerText).join('  inside  ');
}

export function formatPaths(paths: readonly FlowPath[]): string {
  if (paths.length === 0) return 'no paths: an endpoint matches nothing\n';
  const lines: string[] = [];
  paths.forEach((p, i) => {
    const verdict = p.verdict === 'allow' ? 'ALLOWED' : 'DENIED';
    lines.push(`path ${i + 1} of ${paths.length}: ${p.from.name} → ${p.to.name}, ${flowText(p)} (${p.kind}${crossingText(p)}): ${verdict}`);
    if (p.unreachable) {
      lines.push(`  no route: ${p.unreachable}`, '');
      return;
    }
    p.hops.forEach((hop, h) => {
      lines.push(`  ${h + 1}. [${hop.layer}${hop.reply ? ', reply' : ''}] ${hop.at}: ${hop.description}`);
      lines.push(`     sees: ${stackText(hop.headers)}`);
      for (const c of hop.checks) {
        const mark = c.verdict === 'allow' ? 'allow' : 'DENY';
        lines.push(`     ${mark}: ${CHECK_NAMES[c.kind]} ${c.name}, judging ${headerText(c.sees)}`);
        lines.push(`       ${c.decidedBy ? `decided by ${c.decidedBy.description}; ` : ''}${c.reason}`);
        for (const b of c.bypassed) lines.push(`       bypassed: ${b.description}: ${b.why}`);
      }
    });
    lines.push('');
  });
  const denied = paths.filter((p) => p.verdict === 'deny').length;
  lines.push(`${paths.length} path${paths.length === 1 ? '' : 's'}: ${paths.length - denied} allowed, ${denied} denied`);
  return lines.join('\n') + '\n';
}
