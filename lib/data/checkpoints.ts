import "server-only";
import { createPrivateKey, createPublicKey, generateKeyPairSync, type KeyObject } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { db, type Tx } from "@/lib/db";
import { Prisma } from "@/generated/prisma/client";
import { now } from "@/lib/clock";
import { CHECKPOINT_GENESIS, keyIdOf, signCheckpoint, type SignedCheckpoint } from "@/lib/domain/checkpoint";
import {
  buildTree,
  consistencyProof,
  extendTree,
  inclusionProof,
  leafData,
  rootAt,
  leafHash,
  type MerkleTree,
} from "@/lib/domain/merkle";
import {
  CHAIN_V2,
  GENESIS_HASH,
  digestOf,
  privateDigestOf,
  publicPartOf,
  type ChainedEvent,
} from "@/lib/domain/chain";
import { COUNTED_ONLY_KINDS } from "@/lib/domain/petition-rules";

// 签名检查点 (issue 11; lib/domain/checkpoint.ts says what is signed). The log: a leaf (tracking number, event count,
// head hash) each time a checkpoint finds a case's chain longer than its last leaf says — appended in tracking-number
// order, never changed (the database refuses it) — so that the Merkle tree over the log only ever grows and any two
// checkpoints have a consistency proof (RFC 9162 §2.1.4). A case's current state is its last leaf; every earlier leaf
// of it is a prefix of its chain that an outside verifier checks was kept.
//
// Accusations (检举控告) are not in the log: their tracking numbers are never public (spec §5). Their chains are
// checked by the in-server verifier (npm run verify-chains) only.
//
// The key: CHECKPOINT_PRIVATE_KEY (PKCS#8 PEM) or data/checkpoint-key.pem, generated on first use (npm start does it
// at boot) and kept like the app secret; its public key is published with the checkpoints.

const KEY_FILE = "checkpoint-key.pem";

let cachedKey: KeyObject | null = null;

/** The portal's Ed25519 signing key (see above). */
export function checkpointPrivateKey(): KeyObject {
  if (cachedKey) return cachedKey;
  const fromEnv = process.env.CHECKPOINT_PRIVATE_KEY;
  const file = path.join(process.cwd(), "data", KEY_FILE);
  let pem = fromEnv?.replace(/\\n/g, "\n");
  if (!pem && fs.existsSync(file)) pem = fs.readFileSync(file, "utf8");
  if (!pem) {
    const { privateKey } = generateKeyPairSync("ed25519");
    pem = privateKey.export({ type: "pkcs8", format: "pem" }).toString();
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, pem, { mode: 0o600, flag: "wx" });
    console.log(`[checkpoints] generated a signing key in data/${KEY_FILE}`);
  }
  cachedKey = createPrivateKey(pem);
  return cachedKey;
}

/** The public key as published (SubjectPublicKeyInfo PEM) and its id. */
export function checkpointPublicKey(): { pem: string; keyId: string } {
  const publicKey = createPublicKey(checkpointPrivateKey());
  return { pem: publicKey.export({ type: "spki", format: "pem" }).toString(), keyId: keyIdOf(publicKey) };
}

const LEAVES_PER_STATEMENT = 500;

type LeafRow = { index: number; trackingNo: string; eventCount: number; headHash: string };

/** A leaf's hash, as the tree and any outside verifier compute it. */
export function caseLeafHash(l: Pick<LeafRow, "trackingNo" | "eventCount" | "headHash">): Buffer {
  return leafHash(leafData({ trackingNumber: l.trackingNo, eventCount: l.eventCount, headHash: l.headHash }));
}

// The tree of the log's first `size` leaves, kept for the latest checkpoint: proofs are read from it.
let cachedTree: { size: number; tree: MerkleTree } | null = null;

/**
 * A tree over at least the log's first `size` leaves — perhaps more: callers name the size they prove against
 * (inclusionProof, consistencyProof and rootAt take it), so one tree kept for the latest checkpoint serves them all.
 */
async function treeOf(client: Tx | typeof db, size: number): Promise<MerkleTree> {
  if (cachedTree && cachedTree.size >= size) return cachedTree.tree;
  // The log only grows: a tree kept for fewer leaves is extended by the ones after it (a checkpoint an hour reads its
  // new leaves only); in a new process every leaf is read once.
  const base = cachedTree?.tree ?? buildTree([]);
  const hashes: Buffer[] = [];
  for (let from = base.size; from < size; from += 50_000) {
    const rows = await client.checkpointLeaf.findMany({
      where: { index: { gte: from, lt: Math.min(size, from + 50_000) } },
      orderBy: { index: "asc" },
      select: { trackingNo: true, eventCount: true, headHash: true },
    });
    for (const r of rows) hashes.push(caseLeafHash(r));
  }
  if (base.size + hashes.length !== size) throw new Error(`the log has ${base.size + hashes.length} leaves, not ${size}`);
  const tree = extendTree(base, hashes);
  cachedTree = { size, tree };
  return tree;
}

async function latestCheckpoint(client: Tx | typeof db) {
  return client.checkpoint.findFirst({ orderBy: { seq: "desc" } });
}

/**
 * Builds the next checkpoint: appends a leaf for every case whose chain grew since its last leaf (or has none), then
 * signs the root of the whole log. Nothing changed since the last checkpoint: none is made, the last is returned.
 */
export async function buildCheckpoint(opts: { force?: boolean } = {}): Promise<{ checkpoint: SignedCheckpoint; added: number }> {
  return db.$transaction(
    async (tx) => {
      // Take the write lock first: two builders never append the same leaves.
      await tx.$executeRaw`DELETE FROM "Checkpoint" WHERE 1 = 0`;
      const last = await latestCheckpoint(tx);
      const size = await tx.checkpointLeaf.count();
      const confidential = await tx.category.findMany({ where: { kind: { in: [...COUNTED_ONLY_KINDS] } }, select: { id: true } });
      const skip = confidential.length > 0 ? Prisma.sql`AND p."categoryId" NOT IN (${Prisma.join(confidential.map((c) => c.id))})` : Prisma.empty;
      const grown = await tx.$queryRaw<{ trackingNo: string; eventCount: number | bigint; headHash: string | null }[]>`
        SELECT p."trackingNo", p."eventCount", p."headHash" FROM "Petition" p
        LEFT JOIN (SELECT "trackingNo", MAX("eventCount") AS "n" FROM "CheckpointLeaf" GROUP BY "trackingNo") l
          ON l."trackingNo" = p."trackingNo"
        WHERE p."eventCount" > 0 AND (l."n" IS NULL OR l."n" < p."eventCount") ${skip}
        ORDER BY p."trackingNo"`;
      if (grown.length === 0 && last && !opts.force) return { checkpoint: last, added: 0 };
      const leaves = grown.map((g, i) => ({
        index: size + i,
        trackingNo: g.trackingNo,
        eventCount: Number(g.eventCount),
        headHash: g.headHash ?? GENESIS_HASH,
        checkpointSeq: (last?.seq ?? 0) + 1,
      }));
      for (let i = 0; i < leaves.length; i += LEAVES_PER_STATEMENT) {
        const rows = leaves
          .slice(i, i + LEAVES_PER_STATEMENT)
          .map((l) => Prisma.sql`(${l.index}, ${l.trackingNo}, ${l.eventCount}, ${l.headHash}, ${l.checkpointSeq})`);
        await tx.$executeRaw`INSERT INTO "CheckpointLeaf" ("index", "trackingNo", "eventCount", "headHash", "checkpointSeq") VALUES ${Prisma.join(rows)}`;
      }
      const treeSize = size + leaves.length;
      const tree = await treeOf(tx, treeSize);
      const signed = signCheckpoint(
        {
          seq: (last?.seq ?? 0) + 1,
          createdAt: now(),
          treeSize,
          rootHash: rootAt(tree, treeSize),
          prevHash: last?.hash ?? CHECKPOINT_GENESIS,
        },
        checkpointPrivateKey(),
      );
      await tx.checkpoint.create({ data: signed });
      return { checkpoint: signed, added: leaves.length };
    },
    { timeout: 600_000, maxWait: 60_000 },
  ).catch((err: unknown) => {
    cachedTree = null; // it may hold leaves that were rolled back
    throw err;
  });
}

/** Every checkpoint, oldest first. */
export async function listCheckpoints(): Promise<SignedCheckpoint[]> {
  return db.checkpoint.findMany({ orderBy: { seq: "asc" } });
}

/** The consistency proof from the checkpoint `from` to the checkpoint `to` (seq numbers); null when either is unknown. */
export async function checkpointConsistency(from: number, to: number) {
  const [a, b] = await Promise.all([db.checkpoint.findUnique({ where: { seq: from } }), db.checkpoint.findUnique({ where: { seq: to } })]);
  if (!a || !b || a.seq > b.seq) return null;
  const tree = await treeOf(db, b.treeSize);
  return { from: a, to: b, proof: consistencyProof(tree, a.treeSize, b.treeSize) };
}

/** Leaves of the log, `from` (inclusive) to `to` (exclusive), at most 10,000. */
export async function logLeaves(from: number, count: number): Promise<LeafRow[]> {
  return db.checkpointLeaf.findMany({
    where: { index: { gte: from, lt: from + count } },
    orderBy: { index: "asc" },
    select: { index: true, trackingNo: true, eventCount: true, headHash: true },
  });
}

/**
 * A case's leaves in the log and the inclusion proof of its last one against the latest checkpoint; null when the log
 * holds none of it (a case too new for a checkpoint, or an accusation).
 */
export async function caseInLog(trackingNo: string) {
  const checkpoint = await latestCheckpoint(db);
  if (!checkpoint) return null;
  const leaves = await db.checkpointLeaf.findMany({
    where: { trackingNo, index: { lt: checkpoint.treeSize } },
    orderBy: { index: "asc" },
    select: { index: true, eventCount: true, headHash: true },
  });
  const last = leaves.at(-1);
  if (!last) return null;
  const tree = await treeOf(db, checkpoint.treeSize);
  return { checkpoint, leaves, proof: inclusionProof(tree, last.index, checkpoint.treeSize) };
}

/**
 * The public form of a case's chain (issue 11): every event's seq, time, the type of a public event, its prevHash and
 * hash — never a field spec §5 keeps private (the actor, the note, the data) — and the case's leaves in the log with
 * the inclusion proof of the last. Null for no such case, and for an accusation (its number is never public).
 */
export async function publicChainOf(trackingNo: string) {
  const row = await db.petition.findUnique({
    where: { trackingNo },
    select: {
      trackingNo: true,
      eventCount: true,
      headHash: true,
      category: { select: { kind: true } },
      // Every field: the server computes each v2 event's private digest (with its salt) and shows only the digest.
      events: { orderBy: { seq: "asc" } },
    },
  });
  if (!row || (COUNTED_ONLY_KINDS as readonly string[]).includes(row.category.kind)) return null;
  const log = await caseInLog(trackingNo);
  return {
    tracking_no: row.trackingNo,
    event_count: row.eventCount,
    head_hash: row.headHash ?? GENESIS_HASH,
    events: row.events.map((e) => publicEventOf(e)),
    log: log && {
      checkpoint: { seq: log.checkpoint.seq, tree_size: log.checkpoint.treeSize, root_hash: log.checkpoint.rootHash, hash: log.checkpoint.hash },
      leaves: log.leaves.map((l) => ({ index: l.index, event_count: l.eventCount, head_hash: l.headHash })),
      inclusion_proof: log.proof,
    },
  };
}

/**
 * One event in its public form: seq, time, whether it is public, prevHash and hash; for chain v2 its private
 * digest and digest, and for a public event its public part (type, states, public note) — what an outside verifier
 * recomputes the digest and the hash from. For v1, the type of a public event only (its hash covers private fields).
 */
export function publicEventOf(e: ChainedEvent) {
  const open = e.visibility === "PUBLIC";
  const base = { seq: e.seq, occurred_at: e.occurredAt.toISOString(), public: open, prev_hash: e.prevHash, hash: e.hash };
  if ((e.chainVersion ?? 1) !== CHAIN_V2 || !e.salt) return { ...base, chain_version: 1, type: open ? e.type : null };
  const part = publicPartOf(e);
  const privateDigest = privateDigestOf(e, e.salt);
  return {
    ...base,
    chain_version: CHAIN_V2,
    ...(open ? { type: e.type, from_state: e.fromState, to_state: e.toState, note: e.note } : { type: null }),
    private_digest: privateDigest,
    digest: digestOf(part, privateDigest),
  };
}

/** A checkpoint as published. */
export function checkpointJson(c: SignedCheckpoint) {
  return {
    seq: c.seq,
    created_at: c.createdAt.toISOString(),
    tree_size: c.treeSize,
    root_hash: c.rootHash,
    prev_hash: c.prevHash,
    hash: c.hash,
    key_id: c.keyId,
    signature: c.signature,
  };
}
