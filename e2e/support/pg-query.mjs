// One read-only statement on the PostgreSQL e2e database, for e2e/support/db.ts: reads {url, sql, params} as JSON on
// stdin and prints the rows as JSON, shaped as better-sqlite3 gives them on SQLite — `?` parameters, column aliases
// in the case they were written (PostgreSQL folds an unquoted alias to lower case), booleans as 0 and 1, counts as
// numbers, instants as ISO 8601 text.
import pg from "pg";

pg.types.setTypeParser(20, Number); // int8: COUNT(*)
pg.types.setTypeParser(1700, Number); // numeric: EXTRACT(EPOCH …)
pg.types.setTypeParser(1114, (s) => new Date(`${s.replace(" ", "T")}Z`)); // timestamp(3): UTC, as Prisma writes it

let input = "";
for await (const chunk of process.stdin) input += chunk;
const { url, sql, params } = JSON.parse(input);

let n = 0;
const text = sql.replace(/\?/g, () => `$${++n}`);
const aliases = new Map(
  [...sql.matchAll(/\bAS\s+([A-Za-z_][A-Za-z0-9_]*)\b/gi)].map((m) => [m[1].toLowerCase(), m[1]]),
);

const client = new pg.Client({ connectionString: url });
await client.connect();
try {
  await client.query("SET default_transaction_read_only = on");
  const { rows } = await client.query(text, params);
  const shaped = rows.map((row) =>
    Object.fromEntries(
      Object.entries(row).map(([k, v]) => [
        aliases.get(k) ?? k,
        typeof v === "boolean" ? Number(v) : v instanceof Date ? v.toISOString() : v,
      ]),
    ),
  );
  process.stdout.write(JSON.stringify(shaped));
} finally {
  await client.end();
}
