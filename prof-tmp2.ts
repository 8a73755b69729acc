import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaClient } from "./generated/prisma/client";
async function main() {
const db = new PrismaClient({ adapter: new PrismaBetterSQLite3({ url: "file:/tmp/seed-test2.db" }) });
for (let k = 0; k < 4; k++) {
const size = [10, 500, 2000, 5000][k]!;
const data = Array.from({ length: size }, (_, i) => ({ date: `${k}-${i}`, kind: "OFF" as const, name: "x" }));
const t0 = performance.now();
await db.holiday.createMany({ data });
console.log(size, performance.now() - t0);
}
}
main();
