// Runs in every test worker before its test files: points DATABASE_URL at this worker's own copy of the
// migrated template made by tests/global-setup.ts, so workers never wait on each other's SQLite locks.
import fs from "node:fs";

const template = process.env.TEST_DB_TEMPLATE;
if (template) {
  const file = template.replace(/\.db$/, `-w${process.env.VITEST_POOL_ID ?? "0"}.db`);
  if (!fs.existsSync(file)) fs.copyFileSync(template, file);
  process.env.DATABASE_URL = `file:${file}`;
}
