// Where the lab VM's guest sees this machine's files: its own /tmp and /run are fresh, so paths are read through the shared root.

/** This machine's root, read-only in the guest (see guest-init-source.ts). */
export const GUEST_HOST_ROOT = '/run/thrice-vm/host';
/** The lab directory, read-write in the guest. */
export const GUEST_SHARE = '/run/thrice-vm/share';

/** A path of this machine as the guest reads it (under /tmp too, which the guest has its own of). */
export function guestPath(path: string): string {
  return `${GUEST_HOST_ROOT}${path}`;
}
