// The ordered registry of output targets; the CLI writes what they return into one output directory.
import type { Emitter } from './emitter.js';
import { frrEmitter } from './frr/frr-emitter.js';
import { switchScriptEmitter } from './iproute2/switch-script-emitter.js';
import { wiringEmitter } from './wiring/wiring-emitter.js';
import { irJsonEmitter } from './ir-json-emitter.js';
import { k8sEmitter } from './k8s/k8s-emitter.js';

export const emitters: readonly Emitter[] = Object.freeze([frrEmitter, switchScriptEmitter, wiringEmitter, k8sEmitter, irJsonEmitter]);
