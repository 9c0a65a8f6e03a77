// Deterministic hashes: placements, names and ids derive from resource ids, so a seed always yields the
// same repository and the same commit ids.

/** 32-bit FNV-1a of a string. */
export function fnv1a(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}

/** Hex digits of a string's hash, as long as asked (chained FNV rounds for length beyond 8). */
export function hexOf(text: string, length: number): string {
  let out = "";
  for (let round = 0; out.length < length; round++) out += fnv1a(`${round}:${text}`).toString(16).padStart(8, "0");
  return out.slice(0, length);
}

/** A version-4-shaped UUID derived from a string (state lineages must be stable per seed). */
export function uuidOf(text: string): string {
  const h = hexOf(text, 32);
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-a${h.slice(17, 20)}-${h.slice(20, 32)}`;
}
