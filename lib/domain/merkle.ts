// The Merkle tree of Certificate Transparency (RFC 9162 §2.1), for the signed checkpoints of issue 11: an audit
// log anyone can verify from outside. The log holds a leaf (leafData below: tracking number, event count, head hash
// of its audit chain) each time a case's chain is seen longer than before, appended, never changed
// (lib/data/checkpoints.ts); each checkpoint signs the root of the tree over the log's first treeSize leaves, and
// the size with it (RFC 9162's verifiers take the size on trust). An inclusion proof (§2.1.3) shows that one case's
// leaf, as it stood, is in a signed checkpoint; a consistency proof (§2.1.4) shows that a later checkpoint only
// appended to an earlier one. Nothing here is
// specific to this project beyond leafData: any RFC 9162 / RFC 6962 verifier, in any language, checks these
// roots and proofs.
//
// Hashing (§2.1.1), SHA-256 throughout:
//   MTH({})      = SHA-256("")                               (e3b0c442…b855)
//   leaf hash    = SHA-256(0x00 ‖ data)                      MTH({d0}) = leaf hash of d0
//   interior     = SHA-256(0x01 ‖ left ‖ right)
//   MTH(D[n])    = interior(MTH(D[0:k]), MTH(D[k:n])), k = the largest power of two smaller than n.
//
// At the API boundary every hash (roots, proof elements, the leaf hash given to verifyInclusion) is 64 lowercase
// hex characters; anything else given to a verifier is malformed. leafHash and nodeHash, the primitives, work on
// raw bytes (Buffer). Proofs are arrays of such hex strings in the RFC's order (the PATH and PROOF lists of
// §2.1.3.1 and §2.1.4.1), ready to be put in JSON as they are.
//
// Sizes and indexes are JavaScript numbers: whole numbers from 0 to Number.MAX_SAFE_INTEGER (the verifiers do
// their bit arithmetic with division, not 32-bit operators, so sizes past 2^32 are handled exactly). Making a
// proof from bad sizes or indexes is a programming error and throws RangeError; verifying never throws and
// answers false to anything malformed (wrong types, wrong lengths, non-hex, out-of-range sizes), since what it
// checks comes from outside.
//
// leafData's byte layout (all of it, so that an outside verifier can rebuild a leaf):
//   offset 0      1 byte    L, the length of the tracking number in bytes, 1..255
//   offset 1      L bytes   the tracking number, ASCII (each byte 0x21..0x7e), e.g. "XF2026000123"
//   offset 1+L    8 bytes   the event count, unsigned 64-bit big-endian (at most 2^53 - 1)
//   offset 9+L    32 bytes  the head hash: the 32 bytes the 64 hex characters stand for
// so a leaf is L + 41 bytes, and its leaf hash is SHA-256(0x00 ‖ those bytes). The length prefix and the fixed
// widths after it make the encoding unambiguous: one sequence of bytes decodes to one (number, count, head).
import { createHash } from "node:crypto";

/** MTH of the empty list (RFC 9162 §2.1.1): SHA-256 of the empty string, hex. */
export const EMPTY_ROOT = createHash("sha256").digest("hex");

const HASH_BYTES = 32;
const HASH_HEX = /^[0-9a-f]{64}$/;
/** No proof for a tree of at most 2^53 - 1 leaves has more (at most ⌈log2 n⌉ + 1 elements, RFC 9162 §2.1.4.1). */
const MAX_PROOF_LENGTH = 64;

/** RFC 9162 §2.1.1: SHA-256(0x00 ‖ data). */
export function leafHash(data: Uint8Array): Buffer {
  return createHash("sha256").update(Uint8Array.of(0)).update(data).digest();
}

/** RFC 9162 §2.1.1: SHA-256(0x01 ‖ left ‖ right). */
export function nodeHash(left: Uint8Array, right: Uint8Array): Buffer {
  return createHash("sha256").update(Uint8Array.of(1)).update(left).update(right).digest();
}

/**
 * A tree over n leaf hashes, kept whole so that any proof is read off it with O(log n) look-ups.
 *
 * Level l holds, for j = 0 … ⌈n / 2^l⌉ - 1, MTH(D[j·2^l : min((j+1)·2^l, n)]) — the complete subtrees of 2^l
 * leaves, and at the right edge the incomplete one (carried up unchanged when a level has an odd count) — each
 * 32 bytes, one contiguous Buffer per level. That is about 2n hashes in all: about 64 bytes per leaf, 64 MB for a
 * million leaves, in a few dozen Buffers rather than millions of small objects. The Buffers are the tree's own:
 * do not write to them.
 */
export type MerkleTree = {
  readonly size: number;
  /** MTH(D[size]), hex. */
  readonly root: string;
  readonly levels: readonly Buffer[];
};

/** Builds the tree over leaf hashes (each 32 bytes, e.g. from leafHash), in leaf order. */
export function buildTree(leafHashes: readonly Uint8Array[]): MerkleTree {
  const level0 = Buffer.allocUnsafe(leafHashes.length * HASH_BYTES);
  leafHashes.forEach((h, i) => {
    if (h.length !== HASH_BYTES) throw new RangeError(`leaf hash ${i} is ${h.length} bytes, not ${HASH_BYTES}`);
    level0.set(h, i * HASH_BYTES);
  });
  return treeOverLevel0(level0);
}

/**
 * The tree over `tree`'s leaves followed by `more` leaf hashes — what buildTree over all of them gives, without the
 * leaves already held being handed over again (a log only grows: lib/data/checkpoints.ts keeps its tree so).
 */
export function extendTree(tree: MerkleTree, more: readonly Uint8Array[]): MerkleTree {
  const level0 = Buffer.allocUnsafe((tree.size + more.length) * HASH_BYTES);
  tree.levels[0]?.copy(level0, 0, 0, tree.size * HASH_BYTES);
  more.forEach((h, i) => {
    if (h.length !== HASH_BYTES) throw new RangeError(`leaf hash ${i} is ${h.length} bytes, not ${HASH_BYTES}`);
    level0.set(h, (tree.size + i) * HASH_BYTES);
  });
  return treeOverLevel0(level0);
}

/** MTH over the leaves' data (each hashed with leafHash), hex. */
export function merkleRoot(leaves: readonly Uint8Array[]): string {
  const level0 = Buffer.allocUnsafe(leaves.length * HASH_BYTES);
  leaves.forEach((data, i) => level0.set(leafHash(data), i * HASH_BYTES));
  return treeOverLevel0(level0).root;
}

function treeOverLevel0(level0: Buffer): MerkleTree {
  const size = level0.length / HASH_BYTES;
  if (size === 0) return { size, root: EMPTY_ROOT, levels: [] };
  const levels = [level0];
  for (let below = level0; below.length > HASH_BYTES;) {
    const count = below.length / HASH_BYTES;
    const level = Buffer.allocUnsafe(Math.ceil(count / 2) * HASH_BYTES);
    for (let j = 0; 2 * j + 1 < count; j++) {
      level.set(nodeHash(node(below, 2 * j), node(below, 2 * j + 1)), j * HASH_BYTES);
    }
    if (count % 2 === 1) level.set(node(below, count - 1), ((count - 1) / 2) * HASH_BYTES);
    levels.push(level);
    below = level;
  }
  return { size, root: levels[levels.length - 1]!.toString("hex"), levels };
}

function node(level: Buffer, j: number): Buffer {
  return level.subarray(j * HASH_BYTES, (j + 1) * HASH_BYTES);
}

/** MTH(D[0:size]) of the tree's first `size` leaves (the root an earlier checkpoint signed), hex. */
export function rootAt(tree: MerkleTree, size: number): string {
  checkWhole("size", size, 0, tree.size);
  return size === 0 ? EMPTY_ROOT : rangeHash(tree, 0, size).toString("hex");
}

/**
 * MTH(D[start:end]). The ranges the RFC's recursions visit start at a multiple of a power of two 2^l at least
 * as large as they are, so each is one stored node when it is a complete 2^l block or runs to the end of the
 * tree; any other range (one ending inside the tree, in a proof for a smaller tree size) is split as MTH splits.
 */
function rangeHash(tree: MerkleTree, start: number, end: number): Buffer {
  const width = end - start;
  let l = 0;
  while (2 ** l < width) l++;
  const span = 2 ** l;
  const level = tree.levels[l];
  if (level && start % span === 0 && (start + span === end || (end === tree.size && start + span > end))) {
    return node(level, start / span);
  }
  const k = splitPoint(width);
  return nodeHash(rangeHash(tree, start, start + k), rangeHash(tree, start + k, end));
}

/** The largest power of two smaller than n (n ≥ 2). */
function splitPoint(n: number): number {
  let k = 1;
  while (k * 2 < n) k *= 2;
  return k;
}

function checkWhole(name: string, value: number, min: number, max: number): void {
  if (!Number.isSafeInteger(value) || value < min || value > max) {
    throw new RangeError(`${name} must be a whole number from ${min} to ${max}, not ${value}`);
  }
}

/**
 * RFC 9162 §2.1.3.1: PATH(index, D[treeSize]), the inclusion proof of leaf `index` in the tree of the first
 * `treeSize` leaves (by default all of them), leaf-side first.
 */
export function inclusionProof(tree: MerkleTree, index: number, treeSize: number = tree.size): string[] {
  checkWhole("treeSize", treeSize, 1, tree.size);
  checkWhole("index", index, 0, treeSize - 1);
  // PATH(m, D[n]) = PATH(m, D[0:k]) : MTH(D[k:n]) for m < k, PATH(m - k, D[k:n]) : MTH(D[0:k]) for m ≥ k.
  // Walked from the root down, so the siblings come out root-side first.
  const siblings: Buffer[] = [];
  let start = 0;
  let end = treeSize;
  while (end - start > 1) {
    const mid = start + splitPoint(end - start);
    if (index < mid) {
      siblings.push(rangeHash(tree, mid, end));
      end = mid;
    } else {
      siblings.push(rangeHash(tree, start, mid));
      start = mid;
    }
  }
  return toHexList(siblings);
}

/**
 * RFC 9162 §2.1.4.1: PROOF(oldSize, D[newSize]) = SUBPROOF(oldSize, D[newSize], true), that the tree of the first
 * `oldSize` leaves is a prefix of the tree of the first `newSize` (by default all of them). Equal sizes give the
 * empty proof (SUBPROOF(m, D[m], true) = {}); so does oldSize 0, which the RFC leaves out: every tree extends
 * the empty one.
 */
export function consistencyProof(tree: MerkleTree, oldSize: number, newSize: number = tree.size): string[] {
  checkWhole("newSize", newSize, 0, tree.size);
  checkWhole("oldSize", oldSize, 0, newSize);
  if (oldSize === 0) return [];
  // SUBPROOF(m, D[n], b) = SUBPROOF(m, D[0:k], b) : MTH(D[k:n]) for m ≤ k,
  //                        SUBPROOF(m - k, D[k:n], false) : MTH(D[0:k]) for m > k;
  // SUBPROOF(m, D[m], true) = {}, SUBPROOF(m, D[m], false) = {MTH(D[m])}. Walked from the root down, over
  // D[start:end] with the old tree's edge at oldSize, so the elements come out in reverse.
  const nodes: Buffer[] = [];
  let start = 0;
  let end = newSize;
  let known = true;
  while (oldSize < end) {
    const mid = start + splitPoint(end - start);
    if (oldSize <= mid) {
      nodes.push(rangeHash(tree, mid, end));
      end = mid;
    } else {
      nodes.push(rangeHash(tree, start, mid));
      start = mid;
      known = false;
    }
  }
  if (!known) nodes.push(rangeHash(tree, start, end));
  return toHexList(nodes);
}

function toHexList(rootSideFirst: Buffer[]): string[] {
  return rootSideFirst.reverse().map((h) => h.toString("hex"));
}

/** A hash from outside: 64 lowercase hex characters, or null. */
function parseHash(value: unknown): Buffer | null {
  return typeof value === "string" && HASH_HEX.test(value) ? Buffer.from(value, "hex") : null;
}

/** A proof from outside: an array of at most MAX_PROOF_LENGTH hashes, or null. */
function parseProof(proof: unknown): Buffer[] | null {
  if (!Array.isArray(proof) || proof.length > MAX_PROOF_LENGTH) return null;
  const hashes = proof.map(parseHash);
  return hashes.every((h) => h !== null) ? (hashes as Buffer[]) : null;
}

function isSize(value: unknown): value is number {
  return typeof value === "number" && Number.isSafeInteger(value) && value >= 0;
}

const isPowerOfTwo = (x: number) => x > 0 && splitPoint(x + 1) === x;

// The verifiers' counters fn and sn (RFC 9162 §2.1.3.2 and §2.1.4.2), shifted by halving: exact up to 2^53.
type Counters = { fn: number; sn: number };
const isOdd = (x: number) => x % 2 === 1;
/** "right-shift both fn and sn one time" */
function shift(c: Counters): void {
  c.fn = Math.floor(c.fn / 2);
  c.sn = Math.floor(c.sn / 2);
}
/** "If LSB(fn) is not set, then right-shift both fn and sn equally until either LSB(fn) is set or fn is 0." */
function shiftToOddOrZero(c: Counters): void {
  while (!isOdd(c.fn) && c.fn !== 0) shift(c);
}

/**
 * RFC 9162 §2.1.3.2, step for step: whether `proof` shows the leaf whose hash is `leafHashHex` at `index` in the
 * tree of `treeSize` leaves whose root is `rootHex`. False, never an exception, for anything malformed.
 */
export function verifyInclusion(
  leafHashHex: string,
  index: number,
  treeSize: number,
  proof: readonly string[],
  rootHex: string,
): boolean {
  const hash = parseHash(leafHashHex);
  const root = parseHash(rootHex);
  const path = parseProof(proof);
  if (!hash || !root || !path || !isSize(index) || !isSize(treeSize)) return false;
  // 1. leaf_index ≥ tree_size fails.
  if (index >= treeSize) return false;
  // 2.–3.
  const c: Counters = { fn: index, sn: treeSize - 1 };
  let r = hash;
  // 4.
  for (const p of path) {
    if (c.sn === 0) return false;
    if (isOdd(c.fn) || c.fn === c.sn) {
      r = nodeHash(p, r);
      shiftToOddOrZero(c);
    } else {
      r = nodeHash(r, p);
    }
    shift(c);
  }
  // 5.
  return c.sn === 0 && r.equals(root);
}

/**
 * RFC 9162 §2.1.4.2, step for step, for 0 < oldSize < newSize: whether `proof` shows the tree of `newSize` leaves
 * with root `newRootHex` to extend the tree of `oldSize` leaves with root `oldRootHex`. Outside the RFC's range:
 * equal sizes need the empty proof and equal roots; oldSize 0 needs the empty proof and the old root to be
 * EMPTY_ROOT. False, never an exception, for anything malformed.
 */
export function verifyConsistency(
  oldSize: number,
  newSize: number,
  oldRootHex: string,
  newRootHex: string,
  proof: readonly string[],
): boolean {
  const oldRoot = parseHash(oldRootHex);
  const newRoot = parseHash(newRootHex);
  const given = parseProof(proof);
  if (!oldRoot || !newRoot || !given || !isSize(oldSize) || !isSize(newSize) || oldSize > newSize) return false;
  if (oldSize === 0) return given.length === 0 && oldRootHex === EMPTY_ROOT && (newSize > 0 || oldRoot.equals(newRoot));
  if (oldSize === newSize) return given.length === 0 && oldRoot.equals(newRoot);
  // 1.
  if (given.length === 0) return false;
  // 2.
  const path = isPowerOfTwo(oldSize) ? [oldRoot, ...given] : given;
  // 3.
  const n: Counters = { fn: oldSize - 1, sn: newSize - 1 };
  // 4.
  while (isOdd(n.fn)) shift(n);
  // 5.
  let fr = path[0]!;
  let sr = path[0]!;
  // 6.
  for (const c of path.slice(1)) {
    if (n.sn === 0) return false;
    if (isOdd(n.fn) || n.fn === n.sn) {
      fr = nodeHash(c, fr);
      sr = nodeHash(c, sr);
      shiftToOddOrZero(n);
    } else {
      sr = nodeHash(sr, c);
    }
    shift(n);
  }
  // 7.
  return fr.equals(oldRoot) && sr.equals(newRoot) && n.sn === 0;
}

/** One case's leaf in a checkpoint: its tracking number, its event count and its audit chain's head hash. */
export type CaseLeafParts = {
  trackingNumber: string;
  eventCount: number;
  /** 64 lowercase hex characters (for a case without events, the chain's GENESIS_HASH). */
  headHash: string;
};

const TRACKING_NUMBER = /^[\x21-\x7e]{1,255}$/;

/** The bytes of one case's leaf, laid out as the module comment says. Throws RangeError on a bad part. */
export function leafData(parts: CaseLeafParts): Buffer {
  const { trackingNumber, eventCount, headHash } = parts;
  if (typeof trackingNumber !== "string" || !TRACKING_NUMBER.test(trackingNumber)) {
    throw new RangeError("a tracking number is 1 to 255 printable ASCII characters, without spaces");
  }
  checkWhole("eventCount", eventCount, 0, Number.MAX_SAFE_INTEGER);
  const head = parseHash(headHash);
  if (!head) throw new RangeError("a head hash is 64 lowercase hex characters");
  const out = Buffer.alloc(1 + trackingNumber.length + 8 + HASH_BYTES);
  out[0] = trackingNumber.length;
  out.write(trackingNumber, 1, "ascii");
  out.writeBigUInt64BE(BigInt(eventCount), 1 + trackingNumber.length);
  head.copy(out, 9 + trackingNumber.length);
  return out;
}
