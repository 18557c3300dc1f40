// The layered path model's query interface, as analysis rules, intents, `explain` and the lab use it.
import type { EndpointSpec } from '../../spec/spec-types.js';
import type { EndpointInstance, Flow, FlowPath } from './path-types.js';

export interface PathModel {
  /** The concrete instances an endpoint stands for (an external range split where filters cut it). */
  instances(endpoint: EndpointSpec): readonly EndpointInstance[];
  /** Every path from one instance to another for a flow, through every layer, each with its verdict. */
  paths(from: EndpointInstance, to: EndpointInstance, flow: Flow): readonly FlowPath[];
}
