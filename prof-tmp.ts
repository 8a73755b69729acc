import { buildCalendar } from "./lib/domain/deadlines";
import { HOLIDAYS } from "./prisma/seed/holidays";
import { generateCases } from "./prisma/seed/petitions";
import { Random } from "./prisma/seed/random";
const t0 = performance.now();
const cal = buildCalendar(HOLIDAYS);
const r = generateCases({ now: new Date("2026-11-26T11:00:00Z"), cal, rnd: new Random("x"), secret: "test-secret-0123456789abcdef" }, 4000);
console.log("gen", performance.now() - t0, r.cases.length);
