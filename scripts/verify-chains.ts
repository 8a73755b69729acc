// Recomputes every case's audit chain and reports any break; then checks the signed checkpoints against the database
// as the outside verifier does against the site (issue 11): every checkpoint's signature and link, the log's leaves
// against every signed root, and every leaf of a case a prefix of its chain. `npm run verify-chains`.
// Exit code 1 when anything is broken, so it can run from cron or CI.
import { createPrismaClient } from "../lib/db-client";
import { createPrivateKey, createPublicKey } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { verifyChain } from "../lib/domain/chain";
import { checkCheckpoint } from "../lib/domain/checkpoint";
import { buildTree, leafData, leafHash, rootAt } from "../lib/domain/merkle";

const db = createPrismaClient(process.env.DATABASE_URL ?? "file:./data/sunshine.db", { pool: 2 });

async function main() {
  const started = Date.now();
  let checked = 0;
  let broken = 0;
  let cursor: string | undefined;
  for (;;) {
    // Pages of cases with their events: memory stays flat however many cases there are.
    const page = await db.petition.findMany({
      take: 500,
      ...(cursor ? { skip: 1, cursor: { id: cursor } } : {}),
      orderBy: { id: "asc" },
      select: { id: true, trackingNo: true, headHash: true, events: { orderBy: { seq: "asc" } } },
    });
    const leaves = await db.checkpointLeaf.findMany({
      where: { trackingNo: { in: page.map((c) => c.trackingNo) } },
      orderBy: { index: "asc" },
    });
    if (page.length === 0) break;
    for (const c of page) {
      checked++;
      const verdict = verifyChain(c.events);
      if (!verdict.ok) {
        broken++;
        console.log(`${c.trackingNo}: broken at seq ${verdict.brokenAtSeq} (${verdict.reason})`);
      } else if ((c.headHash ?? null) !== (c.events.length ? verdict.headHash : null)) {
        broken++;
        console.log(`${c.trackingNo}: stored head hash differs from the chain`);
      }
      // Each state the log holds of the case is a prefix of its chain.
      for (const l of leaves.filter((x) => x.trackingNo === c.trackingNo)) {
        if (c.events[l.eventCount - 1]?.hash !== l.headHash) {
          broken++;
          console.log(`${c.trackingNo}: seq ${l.eventCount} differs from what the log's leaf ${l.index} recorded`);
        }
      }
    }
    cursor = page[page.length - 1]!.id;
  }
  broken += await verifyCheckpoints();
  console.log(
    `verified ${checked} cases in ${((Date.now() - started) / 1000).toFixed(1)} s: ${broken === 0 ? "all chains intact" : `${broken} broken`}`,
  );
  process.exitCode = broken === 0 ? 0 : 1;
}

/** The checkpoints against the database: signatures, links, and the root of the log's leaves at each size. */
async function verifyCheckpoints(): Promise<number> {
  const checkpoints = await db.checkpoint.findMany({ orderBy: { seq: "asc" } });
  if (checkpoints.length === 0) return 0;
  const file = path.join(process.cwd(), "data", "checkpoint-key.pem");
  const pem =
    process.env.CHECKPOINT_PRIVATE_KEY?.replace(/\\n/g, "\n") ??
    (fs.existsSync(file) ? fs.readFileSync(file, "utf8") : null);
  if (!pem) {
    console.log(
      "checkpoints: no signing key here (CHECKPOINT_PRIVATE_KEY or data/checkpoint-key.pem) to check them with",
    );
    return 1;
  }
  const publicKey = createPublicKey(createPrivateKey(pem));
  const leaves = await db.checkpointLeaf.findMany({ orderBy: { index: "asc" } });
  const tree = buildTree(
    leaves.map((l) =>
      leafHash(leafData({ trackingNumber: l.trackingNo, eventCount: l.eventCount, headHash: l.headHash })),
    ),
  );
  let broken = 0;
  checkpoints.forEach((c, i) => {
    const problem = checkCheckpoint(c, publicKey, checkpoints[i - 1] ?? null);
    if (problem) console.log(`checkpoint #${c.seq}: bad ${problem}`);
    else if (c.treeSize > tree.size || rootAt(tree, c.treeSize) !== c.rootHash)
      console.log(`checkpoint #${c.seq}: the log's first ${c.treeSize} leaves give another root`);
    else return;
    broken++;
  });
  // A case the log holds that the database no longer has: deleted.
  const gone = await db.$queryRaw<{ trackingNo: string }[]>`
    SELECT DISTINCT l."trackingNo" FROM "CheckpointLeaf" l LEFT JOIN "Petition" p ON p."trackingNo" = l."trackingNo"
    WHERE p."id" IS NULL`;
  for (const g of gone) console.log(`${g.trackingNo}: in the log, gone from the database`);
  broken += gone.length;
  console.log(
    `checked ${checkpoints.length} checkpoints over ${leaves.length} leaves: ${broken === 0 ? "all intact" : `${broken} broken`}`,
  );
  return broken;
}

main().finally(() => db.$disconnect());
