// The label thrice puts on the IPv4 addresses it sets on devices it did not create: `<device>:thrice`.
import { interfaceName } from '../../ir/interface-name.js';

export const THRICE_LABEL_SUFFIX = ':thrice';

/**
 * Labels are device names (at most 15 bytes) that start with the device's own name and a colon. thrice labels only
 * addresses on `lo`, `swpN` and `eth0`, so the label always fits; a longer device name is an IR bug, and throws.
 */
export function thriceLabel(device: string): string {
  return interfaceName(`${device}${THRICE_LABEL_SUFFIX}`);
}
