// The ordered registry of output targets; the CLI writes what they return into one output directory.
import type { Emitter } from './emitter.js';
import { frrEmitter } from './frr/frr-emitter.js';
import { switchScriptEmitter } from './iproute2/switch-script-emitter.js';
import { wiringEmitter } from './wiring/wiring-emitter.js';
import { irJsonEmitter } from './ir-json-emitter.js';
import { k8sEmitter } from './k8s/k8s-emitter.js';
import { nftablesEmitter } from './nftables/nftables-emitter.js';
import { hostScriptEmitter } from './iproute2/host-script-emitter.js';
import { vmScriptEmitter } from './iproute2/vm-script-emitter.js';
import { libvirtInterfaceEmitter } from './libvirt/libvirt-interface-emitter.js';
import { podOverlayEmitter } from './iproute2/pod-overlay-emitter.js';
import { leafOverlayEmitter } from './iproute2/leaf-overlay-emitter.js';
import { switchInterfacesEmitter } from './ifupdown2/switch-interfaces-emitter.js';
import { hostInterfacesEmitter } from './ifupdown2/host-interfaces-emitter.js';

export const emitters: readonly Emitter[] = Object.freeze([
  // The fabric: FRR, per-switch interfaces, wiring.
  frrEmitter,
  switchScriptEmitter,
  wiringEmitter,
  // Tenant overlays on the leaves (VTEPs).
  leafOverlayEmitter,
  // Hypervisors, VMs and the pod overlay on node VMs.
  hostScriptEmitter,
  vmScriptEmitter,
  libvirtInterfaceEmitter,
  podOverlayEmitter,
  // The persistent form of the switch and hypervisor scripts, for ifupdown2 (ifreload -a).
  switchInterfacesEmitter,
  hostInterfacesEmitter,
  // Filters at every placement, and each cluster's Kubernetes objects.
  nftablesEmitter,
  k8sEmitter,
  irJsonEmitter,
]);
