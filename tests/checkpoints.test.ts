// Signed checkpoints (issue 11, lib/data/checkpoints.ts) on the real database: a checkpoint appends a leaf for every
// case whose chain grew and signs the log's root; each case's last leaf has an inclusion proof against it; a later
// checkpoint has a consistency proof from an earlier one; nothing changed, nothing is signed; the log and the
// checkpoints refuse to be changed; the public chain form carries no private field, and no accusation is in it.
import { generateKeyPairSync, createPublicKey } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";

const { privateKey } = generateKeyPairSync("ed25519");
process.env.CHECKPOINT_PRIVATE_KEY = privateKey.export({ type: "pkcs8", format: "pem" }).toString();

import { db } from "@/lib/db";
import {
  buildCheckpoint,
  caseInLog,
  caseLeafHash,
  checkpointConsistency,
  listCheckpoints,
  publicChainOf,
} from "@/lib/data/checkpoints";
import { checkCheckpoint } from "@/lib/domain/checkpoint";
import { verifyConsistency, verifyInclusion } from "@/lib/domain/merkle";
import { addSupplement } from "@/lib/data/petitioner";
import { filePetition, makeReferenceData, onlinePetition, PERSON, type ReferenceData } from "./factories";

let ref: ReferenceData;
beforeAll(async () => {
  ref = await makeReferenceData();
});

const publicKey = createPublicKey(privateKey);

async function expectIncluded(trackingNo: string) {
  const inLog = (await caseInLog(trackingNo))!;
  expect(inLog, trackingNo).not.toBeNull();
  const last = inLog.leaves.at(-1)!;
  const row = await db.petition.findUniqueOrThrow({
    where: { trackingNo },
    select: { eventCount: true, headHash: true },
  });
  expect(last).toMatchObject({ eventCount: row.eventCount, headHash: row.headHash });
  const hash = caseLeafHash({ trackingNo, ...last }).toString("hex");
  expect(verifyInclusion(hash, last.index, inLog.checkpoint.treeSize, inLog.proof, inLog.checkpoint.rootHash)).toBe(
    true,
  );
  return inLog;
}

describe("signed checkpoints", () => {
  it("log every grown chain, prove inclusion and consistency, sign a hash-linked list", async () => {
    const a = await filePetition(onlinePetition(ref));
    const b = await filePetition(onlinePetition(ref));
    const accusation = await filePetition(onlinePetition(ref, { categoryId: ref.categories.accusation.id }));
    const first = await buildCheckpoint();
    expect(first.added).toBeGreaterThanOrEqual(2);
    await expectIncluded(a.trackingNo);
    await expectIncluded(b.trackingNo);
    expect(await caseInLog(accusation.trackingNo)).toBeNull(); // accusations are never in the public log
    expect(await publicChainOf(accusation.trackingNo)).toBeNull();

    // Nothing changed: nothing signed.
    const again = await buildCheckpoint();
    expect(again).toMatchObject({ added: 0, checkpoint: { seq: first.checkpoint.seq } });

    // One case grows, one is new: exactly two leaves more; the grown case has two leaves now, the last one current.
    await addSupplement(a.id, a.id, 1, "补充材料：附上照片三张。", new Date());
    const c = await filePetition(onlinePetition(ref));
    const second = await buildCheckpoint();
    expect(second.added).toBe(2);
    expect(second.checkpoint.treeSize).toBe(first.checkpoint.treeSize + 2);
    const aLog = await expectIncluded(a.trackingNo);
    expect(aLog.leaves.map((l) => l.eventCount)).toEqual([1, 2]);
    await expectIncluded(c.trackingNo);

    // The later tree only appended to the earlier: a consistency proof, and none for a forged earlier root.
    const consistency = (await checkpointConsistency(first.checkpoint.seq, second.checkpoint.seq))!;
    const args = [first.checkpoint.treeSize, second.checkpoint.treeSize] as const;
    expect(verifyConsistency(...args, first.checkpoint.rootHash, second.checkpoint.rootHash, consistency.proof)).toBe(
      true,
    );
    expect(verifyConsistency(...args, second.checkpoint.rootHash, second.checkpoint.rootHash, consistency.proof)).toBe(
      false,
    );

    // The list: each checkpoint signed by the key and linked to the one before.
    const list = await listCheckpoints();
    list.forEach((cp, i) => expect(checkCheckpoint(cp, publicKey, list[i - 1] ?? null), `#${cp.seq}`).toBeNull());
    const forged = { ...list.at(-1)!, rootHash: "f".repeat(64) };
    expect(checkCheckpoint(forged, publicKey, list.at(-2) ?? null)).toBe("hash");
  });

  it("the log and the checkpoints refuse every change", async () => {
    await filePetition(onlinePetition(ref));
    await buildCheckpoint();
    await expect(db.$executeRaw`UPDATE "CheckpointLeaf" SET "eventCount" = 99`).rejects.toThrow(/append-only/);
    await expect(db.$executeRaw`DELETE FROM "CheckpointLeaf"`).rejects.toThrow(/append-only/);
    await expect(db.$executeRaw`UPDATE "Checkpoint" SET "rootHash" = 'x'`).rejects.toThrow(/append-only/);
    await expect(db.$executeRaw`DELETE FROM "Checkpoint"`).rejects.toThrow(/append-only/);
  });

  it("the public chain form carries seq, time, public types and hashes — nothing private", async () => {
    const filed = await filePetition(onlinePetition(ref));
    await addSupplement(filed.id, filed.id, 1, `补充：联系电话 ${PERSON.phone}`, new Date());
    await buildCheckpoint();
    const chain = (await publicChainOf(filed.trackingNo))!;
    expect(chain.events.map((e) => e.seq)).toEqual([1, 2]);
    // Chain v2: every event's private digest and digest; a public event's public part; nothing else.
    const common = [
      "chain_version",
      "digest",
      "hash",
      "occurred_at",
      "prev_hash",
      "private_digest",
      "public",
      "seq",
      "type",
    ];
    for (const e of chain.events)
      expect(Object.keys(e).sort()).toEqual(e.public ? [...common, "from_state", "note", "to_state"].sort() : common);
    expect(chain.events.map((e) => e.chain_version)).toEqual([2, 2]);
    expect(chain.events[1]).toMatchObject({ public: false, type: null }); // the supplement is the petitioner's own
    expect(chain.events[1]!.prev_hash).toBe(chain.events[0]!.hash);
    expect(chain.head_hash).toBe(chain.events[1]!.hash);
    expect(chain.log?.leaves.at(-1)).toMatchObject({ event_count: 2, head_hash: chain.head_hash });
    const text = JSON.stringify(chain);
    for (const secret of Object.values(PERSON)) expect(text).not.toContain(secret);
    expect(text).not.toContain("补充");
  });
});
