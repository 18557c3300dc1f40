// Linux interface names (and so VRF devices) hold at most IFNAMSIZ - 1 = 15 bytes.

export const MAX_INTERFACE_NAME = 15;

/** The name unchanged; a longer one is an IR bug (validation keeps names that reach devices short), not a user error. */
export function interfaceName(name: string): string {
  if (name.length > MAX_INTERFACE_NAME) throw new Error(`thrice: interface name ${name} is longer than ${MAX_INTERFACE_NAME} characters`);
  return name;
}
