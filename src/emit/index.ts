// The ordered registry of output targets; the CLI writes what they return into one output directory.
import type { Emitter } from './emitter.js';
import { irJsonEmitter } from './ir-json-emitter.js';

export const emitters: readonly Emitter[] = Object.freeze([irJsonEmitter]);
