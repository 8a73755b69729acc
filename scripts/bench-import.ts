// `npm run bench:import`: how fast the import of historical cases (lib/data/case-import.ts, docs/import.md) writes a
// large file. Makes a throw-away database migrated like production with the demo county's units, categories and
// holidays (scripts/lib/bench.ts), generates a valid CSV of BENCH_CASES rows (default 100,000) — every channel, late
// and timely answers, extensions, 复查 and 复核, evaluations, collective visits — imports it once as `npm run import`
// does, and prints the time of the check and of the whole import, rows per second, and the chain verification.
//
//   npm run bench:import
//   BENCH_CASES=20000 npm run bench:import
//   BENCH_KEEP=1 npm run bench:import          # keep the database and the CSV file
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { CASES, DAY, count, fileSize, runBench, seconds, writeCases } from "./lib/bench";

const SECRET = "bench-import-secret-not-for-production";
const ROOT = path.resolve(__dirname, "..");

runBench(
  { name: "import", title: "Import of historical cases", secret: SECRET, method: "one import of a generated file" },
  async (file) => {
    process.env.REVALIDATE_ORIGINS = "none"; // no portal server to tell about stale pages
    // Imported after DATABASE_URL is set: lib/db.ts opens the database when it loads.
    const { now } = await import("../lib/clock");
    const { importCases, widenSqliteCache } = await import("../lib/data/case-import");
    const { readImport } = await import("../lib/domain/case-import");
    const { loadCalendar } = await import("../lib/data/calendar");
    const { db } = await import("../lib/db");

    const at = now();
    await writeCases(file, [], at); // the demo county's reference data, no cases
    const t = performance.now();
    const csv = await generateCsv(at);
    const csvFile = path.join(path.dirname(file), "import.csv");
    fs.writeFileSync(csvFile, csv);
    const bytes = fs.readFileSync(csvFile);
    console.log(`generated ${count(CASES)} rows in ${seconds(t)} (${fileSize(csvFile)})`);

    // The check alone (what --check and every import do first), then the import itself, which checks again.
    const [units, categories, cal] = await Promise.all([
      db.unit.findMany({ select: { id: true, code: true, kind: true, path: true, parentId: true, active: true } }),
      db.category.findMany({ select: { id: true, code: true, kind: true, active: true } }),
      loadCalendar(db),
    ]);
    const checkStart = performance.now();
    const reading = readImport(bytes, { units, categories, cal, evaluationWindowDays: 30, now: at });
    const checkMs = performance.now() - checkStart;
    if (!reading.ok) throw new Error(`the generated file has problems: ${JSON.stringify(reading.issues.slice(0, 5))}`);

    await widenSqliteCache(); // as npm run import does
    const phases: [string, number][] = [];
    const importStart = performance.now();
    const result = await importCases({ kind: "cli" }, bytes, { phase: (name, ms) => phases.push([name, ms]) });
    const importMs = performance.now() - importStart;
    if (!result.ok) throw new Error("the import refused the file");
    const events = await db.petitionEvent.count();
    const rate = (ms: number) => count(Math.round(CASES / (ms / 1000)));
    const PHASE: Record<string, string> = {
      check: "check (parse, validate, plan every row)",
      prepare: "numbers, the admin, the references again",
      write: `write ${count(CASES)} cases, ${count(events)} events (chains hashed), lateFrom`,
      figures: "rebuildFigures",
      commit: "commit, stale pages",
    };
    console.log(`\n| step | time | rows/s |`);
    console.log(`|---|---:|---:|`);
    console.log(`| check only, before the import (--check) | ${(checkMs / 1000).toFixed(1)} s | ${rate(checkMs)} |`);
    for (const [name, ms] of phases) console.log(`| — ${PHASE[name] ?? name} | ${(ms / 1000).toFixed(1)} s | |`);
    console.log(
      `| **the import: the check, then one transaction** | **${(importMs / 1000).toFixed(1)} s** | **${rate(importMs)}** |`,
    );
    console.log(`\ndatabase after the import: ${fileSize(file)}`);

    const verifyStart = performance.now();
    const out = execFileSync(
      process.execPath,
      [path.join(ROOT, "node_modules/tsx/dist/cli.mjs"), "scripts/verify-chains.ts"],
      {
        cwd: ROOT,
        env: process.env,
        encoding: "utf8",
      },
    );
    console.log(`npm run verify-chains: ${out.trim()} (${seconds(verifyStart)} with its start)`);
    if (process.env.BENCH_KEEP === "1") console.log(`kept ${csvFile}`);
  },
);

/** A valid file of CASES rows: the demo county's codes, every life cycle the import plays, dates up to `at`. */
async function generateCsv(at: Date): Promise<string> {
  const { IMPORT_COLUMNS } = await import("../lib/domain/case-import");
  const { CATEGORIES } = await import("../prisma/seed/categories");
  const { UNITS, DEMO } = await import("../prisma/seed/units");
  const { Random } = await import("../prisma/seed/random");
  const { addCivilDays, civilDaysBetween, toCivilDate } = await import("../lib/domain/civil-date");
  const { isReviewable } = await import("../lib/domain/review-chain");
  const { outcomesFor } = await import("../lib/domain/petition-rules");
  const rnd = new Random("bench-import");
  const today = toCivilDate(at);
  const first = toCivilDate(new Date(at.getTime() - 4 * 365 * DAY));
  const span = civilDaysBetween(first, today) - 5;
  const townships = UNITS.filter((u) => u.kind === "TOWNSHIP").map((u) => u.code);
  const codeOf = new Map(UNITS.map((u) => [u.id, u.code]));
  const channels = {
    letter: 30,
    online: 35,
    visit: 15,
    phone: 12,
    fax: 2,
    higher_transfer: 4,
    higher_assign: 2,
  } as const;
  const weights = Object.fromEntries(CATEGORIES.map((c) => [c.code, c.weight]));
  const byCode = new Map(CATEGORIES.map((c) => [c.code, c]));
  const lines = [IMPORT_COLUMNS.join(",")];
  /** A date `days` after `from`, or null when that is after today. */
  const after = (from: string | null, min: number, max: number) => {
    if (from === null) return null;
    const d = addCivilDays(from, rnd.int(min, max));
    return d <= today ? d : null;
  };
  for (let i = 0; i < CASES; i++) {
    const channel = rnd.weighted(channels);
    const category = byCode.get(rnd.weighted(weights))!;
    const township = rnd.pick(townships);
    const atBureau = rnd.chance(0.04);
    const unit = atBureau
      ? DEMO.bureau.code
      : rnd.chance(category.township) && category.kind === "APPEAL"
        ? township
        : codeOf.get(`u-${rnd.pick(category.units)}`)!;
    const received = addCivilDays(first, rnd.int(0, span));
    const row: Record<string, string> = {
      channel,
      received_at: received,
      category_code: category.code,
      township_code: township,
      unit_code: unit,
      person_count: channel === "visit" ? String(rnd.chance(0.2) ? rnd.int(5, 40) : rnd.int(1, 4)) : "1",
      title: `关于${category.name}问题的反映（第${i + 1}件）`,
      content: `信访人反映${category.name}方面的问题，已多次向有关部门反映，请求依法处理并书面答复。`,
      petitioner_name: `信访人${i + 1}`,
      petitioner_phone: rnd.chance(0.9) ? `139${rnd.digits(8)}` : "",
      is_repeat: rnd.chance(0.03) ? "true" : "false",
    };
    const refused = atBureau ? rnd.chance(0.5) : rnd.chance(0.05);
    if (refused) row.not_accepted_at = after(received, 1, 20) ?? "";
    const accepted = atBureau || refused ? null : after(received, 0, rnd.chance(0.1) ? 25 : 14);
    if (accepted) {
      row.accepted_at = accepted;
      if (rnd.chance(0.1)) row.extension_days = String(rnd.int(10, 30));
      if (rnd.chance(0.02)) {
        row.withdrawn_at = after(accepted, 1, 20) ?? "";
        lines.push(IMPORT_COLUMNS.map((c) => row[c] ?? "").join(","));
        continue;
      }
    }
    const replied = after(accepted, 5, rnd.chance(0.12) ? 95 : 55);
    if (replied) {
      row.replied_at = replied;
      row.outcome = rnd.pick(outcomesFor(category.kind)).toLowerCase();
      const reviewed = isReviewable(category.kind) && rnd.chance(0.12);
      const requested = reviewed ? after(replied, 1, 25) : null;
      if (requested) {
        row.review_requested_at = requested;
        const answered = after(requested, 5, 28);
        if (answered) {
          row.reviewed_at = answered;
          const recheck = rnd.chance(0.3) ? after(answered, 1, 25) : null;
          if (recheck) {
            row.recheck_requested_at = recheck;
            row.rechecked_at = after(recheck, 5, 28) ?? "";
          }
        }
      } else if (rnd.chance(0.5)) {
        const evaluated = after(replied, 1, 20);
        if (evaluated) {
          const rating = rnd.weighted({ 满意: 55, 基本满意: 30, 不满意: 15 });
          row.evaluation = rating;
          row.evaluated_at = evaluated;
          if (rating !== "不满意" && rnd.chance(0.4)) row.closed_at = evaluated;
        }
      }
    }
    lines.push(IMPORT_COLUMNS.map((c) => row[c] ?? "").join(","));
  }
  return lines.join("\r\n") + "\r\n";
}
