// Builds a script's ConvergeView: sorted, duplicate-free keep lists that are safe as heredoc lines.
import type { ConvergeView } from './converge-view.js';
import { shellComment, shellWord } from './shell-word.js';
import { THRICE_LABEL_SUFFIX } from './thrice-label.js';

/**
 * Route protocol numbers of thrice's routes (`ip route ... proto N`), so a later revision finds and removes the
 * ones it no longer has. Unassigned in iproute2's rt_protos and FRR's (11, 186-199): 116 ('t') for the scripts
 * that attach a machine (interfaces.sh, setup.sh), 117 for pod-overlay.sh, whose routes share the node VM with
 * setup.sh's and must not be pruned by it.
 */
export const ATTACHMENT_ROUTE_PROTOCOL = 116;
export const POD_ROUTE_PROTOCOL = 117;

export interface ConvergeInput {
  readonly owner: string;
  readonly makesLinks: boolean;
  /** Whether it labels the addresses it sets on devices it did not create (see thrice-label.ts). */
  readonly labelsAddresses: boolean;
  readonly routeProtocol: number | null;
  readonly links?: readonly string[];
  readonly addresses?: readonly { readonly device: string; readonly address: string }[];
  readonly routes?: readonly string[];
}

export function buildConvergeView(input: ConvergeInput): ConvergeView {
  return {
    owner: shellComment(input.owner),
    ownerWord: shellWord(input.owner),
    labelSuffix: shellWord(input.labelsAddresses ? THRICE_LABEL_SUFFIX : ''),
    labelsAddresses: input.labelsAddresses,
    makesLinks: input.makesLinks,
    routeProtocol: input.routeProtocol === null ? null : shellWord(input.routeProtocol),
    routeProtocolText: input.routeProtocol === null ? null : String(input.routeProtocol),
    links: keepList(input.links ?? []),
    addresses: keepList((input.addresses ?? []).map((a) => `${a.device} ${a.address}`)),
    routes: keepList((input.routes ?? []).map(routeDestination)),
  };
}

/** How `ip route show` prints a destination: a /32 as the bare address. */
export function routeDestination(prefix: string): string {
  return prefix.endsWith('/32') ? prefix.slice(0, -3) : prefix;
}

/** Sorted and unique; a line break would end the heredoc line early, and nothing thrice names has one. */
function keepList(lines: readonly string[]): string[] {
  for (const line of lines) {
    if (/[\u0000-\u001f\u007f]/.test(line) || line === 'THRICE_KEEP') throw new Error(`thrice: cannot list ${JSON.stringify(line)} in a script's keep list`);
  }
  return [...new Set(lines)].sort();
}
