// `npm run import -- FILE.csv`: imports the previous system's cases from a CSV file (docs/import.md) into the
// portal's database — all of them in one transaction, or, when any row is wrong, none: then every problem is printed
// with its line and column, and the exit code is 1. Query codes are made for the imported cases and never printed
// (their petitioners never had one). The import is recorded in each case's chain (IMPORTED, by SYSTEM) and in one log
// line; the portal's cached public pages are told to drop what changed, as after any write.
//
//   npm run import -- data/old-cases.csv              # data/sunshine.db, as `npm start` uses it
//   npm run import -- data/old-cases.csv --check      # check only: nothing is written
//   npm run import -- data/old-cases.csv --lang en    # messages in English (default: Chinese)
//   DATABASE_URL=file:./data/other.db npm run import -- old.csv
//
// Run with --conditions=react-server (package.json does) so that lib/data's "server-only" resolves; package.json also
// gives V8 a young generation of 64 MB (--max-semi-space-size): an import makes millions of short-lived values, and
// the default's collections cost a tenth of a large import's time (docs/performance.md, *Import*).
import fs from "node:fs";
import path from "node:path";

const ROOT = path.resolve(__dirname, "..");

async function main() {
  const args = process.argv.slice(2);
  const lang = args.includes("--lang") ? args[args.indexOf("--lang") + 1] : "zh-CN";
  const check = args.includes("--check");
  const files = args.filter((a, i) => !a.startsWith("--") && args[i - 1] !== "--lang");
  const { translator } = await import("../lib/i18n");
  const t = translator(lang === "en" ? "en" : "zh-CN");
  if (files.length !== 1) {
    console.error(t("import.cli.usage"));
    process.exit(2);
  }
  // The file is named relative to where the command was typed; the database, as `npm start` does, to the project.
  const file = path.resolve(process.cwd(), files[0]!);
  if (!fs.existsSync(file)) {
    console.error(t("import.cli.noFile", { file }));
    process.exit(2);
  }
  const bytes = fs.readFileSync(file);
  process.chdir(ROOT);
  process.env.DATABASE_URL ||= "file:./data/sunshine.db";
  const url = process.env.DATABASE_URL;
  if (!url.startsWith("file:")) throw new Error("DATABASE_URL must be a SQLite file: URL");
  const database = path.resolve(ROOT, url.slice("file:".length).split("?")[0]!);
  if (!fs.existsSync(database)) {
    console.error(t("import.cli.noDatabase", { file: path.relative(ROOT, database) }));
    process.exit(1);
  }
  // Imported after DATABASE_URL is settled: lib/db.ts opens the database when it loads.
  const { importCases, widenSqliteCache } = await import("../lib/data/case-import");
  const { importIssueText } = await import("../lib/i18n/import-issues");
  const { db, syncEveryCommit } = await import("../lib/db");
  try {
    await syncEveryCommit();
    await widenSqliteCache();
    const started = performance.now();
    const result = await importCases({ kind: "cli" }, bytes, { check });
    if (!result.ok) {
      console.error(t("import.cli.refused", { count: result.issues.length }));
      for (const issue of result.issues) console.error(`  ${importIssueText(t, issue)}`);
      process.exitCode = 1;
    } else if (result.batchId === null) {
      console.log(t("import.cli.checked", { count: result.cases }));
    } else {
      const seconds = ((performance.now() - started) / 1000).toFixed(1);
      console.log(t("import.cli.imported", { count: result.cases, batch: result.batchId, seconds }));
    }
  } catch (err) {
    // By kind only: an error's text could hold a value of the file.
    console.error(t("import.cli.failed", { kind: err instanceof Error ? err.name : "unknown" }));
    process.exitCode = 1;
  } finally {
    await db.$disconnect();
  }
}

main().catch((err) => {
  console.error("[import] failed:", err instanceof Error ? err.name : "unknown");
  process.exit(1);
});
