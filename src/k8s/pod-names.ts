// Deterministic stand-ins for the random suffixes controllers give their pods (`web-6d4cf56db6-x7k2p`).

// The alphabet Kubernetes uses for generated names: no vowels, no look-alike characters.
const ALPHABET = 'bcdfghjklmnpqrstvwxz2456789';

function fnv1a(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash;
}

/** A `length`-character suffix derived from `seed`, stable across runs and machines. */
export function nameSuffix(seed: string, length: number): string {
  let out = '';
  let hash = fnv1a(seed);
  for (let i = 0; i < length; i++) {
    if (i > 0 && i % 6 === 0) hash = fnv1a(seed + out);
    out += ALPHABET[hash % ALPHABET.length];
    hash = Math.floor(hash / ALPHABET.length);
  }
  return out;
}
