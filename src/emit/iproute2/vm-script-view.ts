// The ready-to-print shape of one VM's setup.sh: every data string already a quoted shell word.
import type { ConvergeView } from './converge-view.js';

export interface VmScriptView {
  /** What the script keeps when it converges: the VM's address and default route. */
  readonly converge: ConvergeView;
  /** Comment text: the VM, its VPC and subnet, and where it runs. */
  readonly title: string;
  /** Comment text: what the address is and where the gateway lives. */
  readonly addressComment: string;
  /** Shell word: the VM's interface, `'eth0'`. */
  readonly device: string;
  /** Shell word. */
  readonly mtu: string;
  /** Shell word: the MAC the overlay (leaf ARP/EVPN tables, security groups) knows the VM by. */
  readonly mac: string;
  /** Shell word: address with prefix length, e.g. `'10.1.1.2/24'`. */
  readonly address: string;
  /** Shell word: its label, `<interface>:thrice`. */
  readonly label: string;
  /** Shell word: the subnet's anycast gateway on the leaf. */
  readonly gateway: string;
}
