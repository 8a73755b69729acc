// Runs in every test worker before its test files: points DATABASE_URL at this worker's own copy of the
// migrated template made by tests/global-setup.ts, so workers never wait on each other's locks (a SQLite file
// copied, or a PostgreSQL database made from the template).
import fs from "node:fs";
import { databaseFromTemplate, postgresUrl } from "./postgres";

const template = process.env.TEST_DB_TEMPLATE;
const worker = process.env.VITEST_POOL_ID ?? "0";
if (template && process.env.TEST_PROVIDER === "postgresql") {
  const server = process.env.TEST_POSTGRES_URL!;
  await databaseFromTemplate(server, template, `${template}_w${worker}`);
  process.env.DATABASE_URL = postgresUrl(server, `${template}_w${worker}`);
} else if (template) {
  const file = template.replace(/\.db$/, `-w${worker}.db`);
  if (!fs.existsSync(file)) fs.copyFileSync(template, file);
  process.env.DATABASE_URL = `file:${file}`;
}
