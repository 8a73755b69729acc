// Recomputes every case's audit chain and reports any break. `npm run verify-chains`.
// Exit code 1 when a chain is broken, so it can run from cron or CI.
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaClient } from "../generated/prisma/client";
import { verifyChain } from "../lib/domain/chain";

const db = new PrismaClient({
  adapter: new PrismaBetterSQLite3({ url: process.env.DATABASE_URL ?? "file:./data/sunshine.db" }),
});

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
    }
    cursor = page[page.length - 1]!.id;
  }
  console.log(
    `verified ${checked} cases in ${((Date.now() - started) / 1000).toFixed(1)} s: ${broken === 0 ? "all chains intact" : `${broken} broken`}`,
  );
  process.exitCode = broken === 0 ? 0 : 1;
}

main().finally(() => db.$disconnect());
