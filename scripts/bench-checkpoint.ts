// `npm run bench:checkpoint`: what a signed checkpoint costs (issue 11) — building the first one over every case of a
// generated database (BENCH_CASES, default 100,000: a leaf per case), then one after 1% of the cases grew, the
// inclusion and consistency proofs' sizes, and the time to serve a case's proof from the tree kept in memory.
//
//   npm run bench:checkpoint                      # 100,000 cases
//   BENCH_CASES=1000000 npm run bench:checkpoint
import { generateKeyPairSync } from "node:crypto";
import { count, playCases, runBench, writePetitionsOnly } from "./lib/bench";

const SECRET = "bench-checkpoint-secret-not-for-production";

runBench({ name: "checkpoint", title: "Signed checkpoints", secret: SECRET, method: "one run each" }, async (file) => {
  process.env.CHECKPOINT_PRIVATE_KEY = generateKeyPairSync("ed25519")
    .privateKey.export({ type: "pkcs8", format: "pem" })
    .toString();
  const { db } = await import("../lib/db");
  const { buildCheckpoint, caseInLog, checkpointConsistency } = await import("../lib/data/checkpoints");
  const { at, cases } = await playCases("bench-checkpoint", SECRET);
  await writePetitionsOnly(file, cases, at);

  const time = async <T>(f: () => Promise<T>) => {
    const t = performance.now();
    const value = await f();
    return { value, ms: performance.now() - t };
  };
  const rssMb = () => (process.memoryUsage().rss / 1e6).toFixed(0);
  const first = await time(() => buildCheckpoint());
  console.log(`| step | leaves | added | ms | RSS MB |`);
  console.log(`|---|---:|---:|---:|---:|`);
  console.log(
    `| first checkpoint | ${count(first.value.checkpoint.treeSize)} | ${count(first.value.added)} | ${first.ms.toFixed(0)} | ${rssMb()} |`,
  );
  // 1% of the cases grow by one event (their count and head change, as an event would).
  const grown = Math.max(1, Math.floor(first.value.checkpoint.treeSize / 100));
  await db.$executeRaw`UPDATE "Petition" SET "eventCount" = "eventCount" + 1,
    "headHash" = substr("headHash", 2) || substr("headHash", 1, 1)
    WHERE "id" IN (SELECT "id" FROM "Petition" WHERE "eventCount" > 0 ORDER BY "id" LIMIT ${grown})`;
  const second = await time(() => buildCheckpoint());
  console.log(
    `| after 1% grew | ${count(second.value.checkpoint.treeSize)} | ${count(second.value.added)} | ${second.ms.toFixed(0)} | ${rssMb()} |`,
  );

  const sample = await db.checkpointLeaf.findFirstOrThrow({ orderBy: { index: "asc" } });
  const proof = await time(() => caseInLog(sample.trackingNo));
  const proofAgain = await time(() => caseInLog(sample.trackingNo));
  const consistency = (await checkpointConsistency(1, 2))!;
  const bytes = (x: unknown) => Buffer.byteLength(JSON.stringify(x));
  console.log(`\n| proof | hashes | JSON bytes | ms |`);
  console.log(`|---|---:|---:|---:|`);
  console.log(
    `| inclusion (first request: the tree is read) | ${proof.value!.proof.length} | ${bytes(proof.value!.proof)} | ${proof.ms.toFixed(1)} |`,
  );
  console.log(
    `| inclusion (the tree in memory) | ${proofAgain.value!.proof.length} | ${bytes(proofAgain.value!.proof)} | ${proofAgain.ms.toFixed(1)} |`,
  );
  console.log(`| consistency #1 → #2 | ${consistency.proof.length} | ${bytes(consistency.proof)} | — |`);
});
