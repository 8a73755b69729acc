// 签名检查点 (issue 11): what a checkpoint says and how it is signed, so that anyone holding the public key can check
// it without the database. The portal keeps a log of case states — a leaf each time a case's chain is seen with a new
// length: (tracking number, event count, head hash), in the order seen, never changed — and every checkpoint signs
// the root of the log's Merkle tree (RFC 9162, ./merkle.ts) over its first `treeSize` leaves, and links to the
// checkpoint before it by hash.
//
// The statement signed (UTF-8, lines ending in "\n", no trailing spaces):
//
//   sunshine-petitions checkpoint v1
//   <seq>
//   <createdAt, ISO-8601 UTC with milliseconds>
//   <treeSize>
//   <rootHash, 64 lowercase hex>
//   <prevHash, 64 lowercase hex; 64 zeros for the first>
//
// hash = SHA-256(statement) in hex; signature = Ed25519(statement), base64; keyId = SHA-256 of the public key's DER
// (SubjectPublicKeyInfo) in hex.
import { createHash, createPublicKey, sign, verify, type KeyObject } from "node:crypto";

export const CHECKPOINT_GENESIS = "0".repeat(64);
const HEX64 = /^[0-9a-f]{64}$/;

export type CheckpointStatement = {
  seq: number;
  createdAt: Date;
  treeSize: number;
  rootHash: string;
  prevHash: string;
};

export type SignedCheckpoint = CheckpointStatement & { hash: string; keyId: string; signature: string };

export function statementOf(c: CheckpointStatement): string {
  if (!Number.isInteger(c.seq) || c.seq < 1) throw new RangeError("seq must be a whole number from 1");
  if (!Number.isInteger(c.treeSize) || c.treeSize < 0) throw new RangeError("treeSize must be a whole number");
  if (!HEX64.test(c.rootHash) || !HEX64.test(c.prevHash)) throw new RangeError("hashes must be 64 lowercase hex");
  return [
    "sunshine-petitions checkpoint v1",
    String(c.seq),
    c.createdAt.toISOString(),
    String(c.treeSize),
    c.rootHash,
    c.prevHash,
    "",
  ].join("\n");
}

export const sha256Hex = (data: string | Uint8Array) => createHash("sha256").update(data).digest("hex");

/** The key's id: SHA-256 of its public key (DER, SubjectPublicKeyInfo), hex. */
export function keyIdOf(publicKey: KeyObject): string {
  return sha256Hex(publicKey.export({ type: "spki", format: "der" }));
}

/** Signs a checkpoint with the portal's Ed25519 private key. */
export function signCheckpoint(c: CheckpointStatement, privateKey: KeyObject): SignedCheckpoint {
  const statement = statementOf(c);
  const publicKey = createPublicKey(privateKey);
  return {
    ...c,
    hash: sha256Hex(statement),
    keyId: keyIdOf(publicKey),
    signature: sign(null, Buffer.from(statement, "utf8"), privateKey).toString("base64"),
  };
}

export type CheckpointProblem = "statement" | "hash" | "key" | "signature" | "prevHash" | "seq";

/**
 * Checks one checkpoint against the public key and the checkpoint before it (null for the first): its statement,
 * hash, key id, signature, link and number. Returns the first problem, or null. Never throws on what a site sends.
 */
export function checkCheckpoint(
  c: SignedCheckpoint,
  publicKey: KeyObject,
  previous: Pick<SignedCheckpoint, "seq" | "hash" | "treeSize"> | null,
): CheckpointProblem | null {
  let statement: string;
  try {
    statement = statementOf(c);
  } catch {
    return "statement";
  }
  if (sha256Hex(statement) !== c.hash) return "hash";
  if (keyIdOf(publicKey) !== c.keyId) return "key";
  let good = false;
  try {
    good = verify(null, Buffer.from(statement, "utf8"), publicKey, Buffer.from(c.signature, "base64"));
  } catch {
    good = false;
  }
  if (!good) return "signature";
  if (c.prevHash !== (previous?.hash ?? CHECKPOINT_GENESIS)) return "prevHash";
  if (c.seq !== (previous?.seq ?? 0) + 1 || c.treeSize < (previous?.treeSize ?? 0)) return "seq";
  return null;
}
