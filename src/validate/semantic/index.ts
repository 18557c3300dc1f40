// The ordered registry of semantic rules. Names first (references build on them), then values.
import type { SemanticRule } from './semantic-rule.js';
import { duplicateName } from './duplicate-name.js';
import { unknownReference } from './unknown-reference.js';
import { fabricShape } from './fabric-shape.js';
import { cidrRules } from './cidr-rules.js';
import { asnRules } from './asn-rules.js';
import { uniqueVni } from './unique-vni.js';
import { portRanges } from './port-ranges.js';
import { overlayRules } from './overlay-rules.js';
import { clusterRules } from './cluster-rules.js';
import { hostGwAdjacency } from './host-gw-adjacency.js';
import { inlineNetworkPolicies } from './inline-network-policies.js';

export const semanticRules: readonly SemanticRule[] = Object.freeze([
  duplicateName,
  unknownReference,
  fabricShape,
  cidrRules,
  asnRules,
  uniqueVni,
  portRanges,
  overlayRules,
  clusterRules,
  hostGwAdjacency,
  inlineNetworkPolicies,
]);
