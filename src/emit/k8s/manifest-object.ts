// The plain shape of one Kubernetes object as thrice emits it: JSON data, nothing else.

/** A Kubernetes object (or a part of one) as plain JSON data, ready to print. */
export type ManifestObject = { readonly [key: string]: ManifestValue };

export type ManifestValue = string | number | boolean | null | ManifestObject | readonly ManifestValue[];
