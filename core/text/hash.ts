/** Hashes: a 64-bit text fingerprint for duplicate detection, and Prodigy-style 32-bit task hashes. */

/** MurmurHash3 finalizer: spreads every input bit over the whole 32-bit word. */
function fmix32(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/**
 * Stable 64-bit fingerprint of `text` as 16 hex digits: two independent 32-bit passes over the
 * UTF-16 code units (FNV-1a, and a multiply-rotate hash with another seed), each finalized with
 * the MurmurHash3 mixer, mixed with the length. Not cryptographic.
 */
export function textHash(text: string): string {
  let a = 0x811c9dc5;
  let b = 0x9747b28c;
  const n = text.length;
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    a = Math.imul(a ^ c, 0x01000193);
    b = Math.imul(b ^ c, 0x5bd1e995);
    b = (b << 13) | (b >>> 19);
  }
  const hi = fmix32(a ^ n);
  const lo = fmix32(b ^ Math.imul(n, 0x9e3779b1));
  return hi.toString(16).padStart(8, '0') + lo.toString(16).padStart(8, '0');
}

/** MurmurHash3 x86 32-bit of `bytes` with `seed`, unsigned (as in the reference implementation). */
export function murmur3_32(bytes: Uint8Array, seed = 0): number {
  const c1 = 0xcc9e2d51;
  const c2 = 0x1b873593;
  let h = seed >>> 0;
  const len = bytes.length;
  const blocks = len & ~3;
  for (let i = 0; i < blocks; i += 4) {
    let k = bytes[i]! | (bytes[i + 1]! << 8) | (bytes[i + 2]! << 16) | (bytes[i + 3]! << 24);
    k = Math.imul(k, c1);
    k = (k << 15) | (k >>> 17);
    k = Math.imul(k, c2);
    h ^= k;
    h = (h << 13) | (h >>> 19);
    h = (Math.imul(h, 5) + 0xe6546b64) | 0;
  }
  const tail = len & 3;
  if (tail > 0) {
    let k = 0;
    if (tail === 3) k ^= bytes[blocks + 2]! << 16;
    if (tail >= 2) k ^= bytes[blocks + 1]! << 8;
    k ^= bytes[blocks]!;
    k = Math.imul(k, c1);
    k = (k << 15) | (k >>> 17);
    k = Math.imul(k, c2);
    h ^= k;
  }
  h ^= len;
  return fmix32(h);
}

const encoder = new TextEncoder();

/**
 * Signed 32-bit hash of `value`, like Prodigy's `_input_hash`/`_task_hash`: MurmurHash3 x86 32-bit
 * (seed 0) of the UTF-8 bytes, as a signed int — the value Python's `mmh3.hash(value)` returns.
 */
export function prodigyHash(value: string): number {
  return murmur3_32(encoder.encode(value), 0) | 0;
}
