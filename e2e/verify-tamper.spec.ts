// Issue 11's tamper tests: on a copy of a real database (the e2e database, with the demo's four thousand cases and
// what the other specs filed), a checkpoint is signed and a monitor runs the outside verifier (`npm run verify`)
// against the site; then each way of rewriting history is done to a fresh copy — as someone who can write the
// database would do it, the append-only triggers dropped, the chain recomputed where that hides the change — a site is
// served from it, and the same verifier, with what the monitor kept, must report the first bad case and seq.
import { execFileSync, spawn, type ChildProcess } from "node:child_process";
import { generateKeyPairSync, createPrivateKey, sign, createHash } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import { expect, test } from "@playwright/test";
import { recomputeHash, type HashedEventFields } from "../lib/domain/chain";

const ROOT = path.resolve(__dirname, "..");
const PORT = 3230;
const KEY = generateKeyPairSync("ed25519").privateKey.export({ type: "pkcs8", format: "pem" }).toString();
const SECRET = "e2e-test-secret-not-for-production-0123456789abcdef";

let dir: string;
let pristine: string;
let state: string;
/** Demo cases with several events each, one per scenario (never accusations: they are not in the public log). */
let cases: string[];

function env(database: string) {
  return {
    ...process.env,
    DATABASE_URL: `file:${database}`,
    APP_SECRET: SECRET,
    NEXTAUTH_SECRET: SECRET,
    NEXTAUTH_URL: `http://127.0.0.1:${PORT}`,
    CHECKPOINT_PRIVATE_KEY: KEY,
    CHECKPOINTS: "off",
    DEADLINE_JOB: "off",
    REVALIDATE_ORIGINS: "none",
  };
}

async function serve(database: string): Promise<ChildProcess> {
  const server = spawn(
    process.execPath,
    ["-e", `import("./scripts/server.mjs").then((m) => m.serve({ dev: false, hostname: "127.0.0.1", port: ${PORT} }))`],
    { cwd: ROOT, env: { ...env(database), PORT: String(PORT), HOSTNAME: "127.0.0.1" }, stdio: "ignore" },
  );
  for (let i = 0; i < 120; i++) {
    try {
      if ((await fetch(`http://127.0.0.1:${PORT}/api/health`)).ok) return server;
    } catch {
      // not yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  server.kill("SIGKILL");
  throw new Error("the tampered site did not start");
}

async function stop(server: ChildProcess) {
  const exited = new Promise((r) => server.once("exit", r));
  server.kill("SIGTERM");
  await exited;
}

/** `npm run verify` against the site on `database`: its exit code and what it printed. */
async function verify(database: string, ...args: string[]) {
  const server = await serve(database);
  try {
    const out = execFileSync(
      process.execPath,
      ["--import", "tsx", "scripts/verify.ts", "--site", `http://127.0.0.1:${PORT}`, "--state", state, ...args],
      { cwd: ROOT, env: env(database), encoding: "utf8", stdio: "pipe" },
    );
    return { code: 0, out };
  } catch (err) {
    const e = err as { status: number; stdout: string; stderr: string };
    return { code: e.status, out: `${e.stdout}${e.stderr}` };
  } finally {
    await stop(server);
  }
}

/** `npm run verify-chains`, the in-server verifier, on `database`: its exit code and what it printed. */
function verifyChains(database: string) {
  try {
    const out = execFileSync(process.execPath, ["--import", "tsx", "scripts/verify-chains.ts"], {
      cwd: ROOT,
      env: env(database),
      encoding: "utf8",
      stdio: "pipe",
    });
    return { code: 0, out };
  } catch (err) {
    const e = err as { status: number; stdout: string };
    return { code: e.status, out: e.stdout };
  }
}

/** A fresh copy of the database as it was when the checkpoint was signed, opened for tampering. */
function tamperedCopy(name: string, tamper: (db: Database.Database) => void): string {
  const file = path.join(dir, `${name}.db`);
  fs.copyFileSync(pristine, file);
  const db = new Database(file);
  for (const t of db.prepare(`SELECT name FROM sqlite_master WHERE type = 'trigger'`).all() as { name: string }[])
    db.exec(`DROP TRIGGER "${t.name}"`);
  tamper(db);
  db.close();
  return file;
}

type EventRow = HashedEventFields & {
  id: string;
  prevHash: string;
  hash: string;
  occurredAt: Date;
  chainVersion: number;
  salt: string | null;
};

function eventsOf(db: Database.Database, trackingNo: string) {
  const p = db.prepare(`SELECT "id" FROM "Petition" WHERE "trackingNo" = ?`).get(trackingNo) as { id: string };
  const rows = db.prepare(`SELECT * FROM "PetitionEvent" WHERE "petitionId" = ? ORDER BY "seq"`).all(p.id) as (Omit<
    EventRow,
    "occurredAt"
  > & {
    occurredAt: string;
  })[];
  return { petitionId: p.id, events: rows.map((r) => ({ ...r, occurredAt: new Date(r.occurredAt) })) };
}

/** Recomputes every hash of a case's chain from `fromSeq` on, and its head: a rewrite the server's own check passes. */
function rechain(db: Database.Database, trackingNo: string) {
  const { petitionId, events } = eventsOf(db, trackingNo);
  let prev = "0".repeat(64);
  for (const e of events) {
    // In each event's own version, with its own salt: the rewrite the server's verify-chains would pass.
    const hash = recomputeHash(prev, e)!;
    db.prepare(`UPDATE "PetitionEvent" SET "prevHash" = ?, "hash" = ? WHERE "id" = ?`).run(prev, hash, e.id);
    prev = hash;
  }
  db.prepare(`UPDATE "Petition" SET "headHash" = ?, "eventCount" = ? WHERE "id" = ?`).run(
    prev,
    events.length,
    petitionId,
  );
}

test.describe.configure({ mode: "serial" });
test.setTimeout(180_000);

test.beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "sunshine-tamper-"));
  pristine = path.join(dir, "pristine.db");
  state = path.join(dir, "monitor.json");
  const live = new Database(path.join(ROOT, "data/e2e.db"), { readonly: true });
  live.exec(`VACUUM INTO '${pristine}'`);
  live.close();
  const db = new Database(pristine, { readonly: true });
  cases = (
    db
      .prepare(
        `SELECT p."trackingNo" FROM "Petition" p JOIN "Category" c ON c."id" = p."categoryId"
         WHERE c."kind" <> 'ACCUSATION' AND p."eventCount" >= 5 ORDER BY p."trackingNo" LIMIT 7`,
      )
      .all() as { trackingNo: string }[]
  ).map((r) => r.trackingNo);
  db.close();
  expect(cases).toHaveLength(7);
  execFileSync(process.execPath, ["--conditions=react-server", "--import", "tsx", "scripts/checkpoint.ts"], {
    cwd: ROOT,
    env: env(pristine),
    stdio: "pipe",
  });
});

test.afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

const caseArgs = () => cases.flatMap((c) => ["--case", c]);

test("the untouched copy verifies, outside and inside, and the monitor keeps what it saw", async () => {
  expect(verifyChains(pristine)).toMatchObject({ code: 0 });
  const { code, out } = await verify(pristine, ...caseArgs());
  expect(out).toMatch(/^http:\/\/127\.0\.0\.1:\d+: OK: checked 1 checkpoints/m);
  expect(code).toBe(0);
  const kept = JSON.parse(fs.readFileSync(state, "utf8")) as { cases: Record<string, string[]> };
  expect(Object.keys(kept.cases).sort()).toEqual([...cases].sort());
});

const scenarios: {
  name: string;
  /** The seq the report must name: a number, the case's first public event from seq 2 ("public"), or none. */
  seq: number | "public" | null;
  message: RegExp;
  tamper: (db: Database.Database, no: string) => void;
}[] = [
  {
    name: "an event's note changed, the chain recomputed to hide it",
    seq: 2,
    message: /an event changed since the last run|differs from the state a checkpoint signed/,
    tamper: (db, no) => {
      const { events } = eventsOf(db, no);
      db.prepare(`UPDATE "PetitionEvent" SET "note" = '（已改写）' WHERE "id" = ?`).run(events[1]!.id);
      rechain(db, no);
    },
  },
  {
    name: "a public event's note changed, the chain left as it was (chain v2: its digest no longer fits)",
    seq: "public",
    message: /an event's public fields do not give its digest|an event's digest does not give its hash/,
    tamper: (db, no) => {
      const e = eventsOf(db, no).events.find((x) => x.visibility === "PUBLIC" && x.seq >= 2)!;
      db.prepare(`UPDATE "PetitionEvent" SET "note" = '（已改写）' WHERE "id" = ?`).run(e.id);
    },
  },
  {
    name: "an event deleted",
    seq: 3,
    message: /an event is missing or out of order/,
    tamper: (db, no) => {
      db.prepare(`DELETE FROM "PetitionEvent" WHERE "id" = ?`).run(eventsOf(db, no).events[2]!.id);
    },
  },
  {
    name: "two events swapped",
    seq: 2,
    message: /does not link to the one before|out of order/,
    tamper: (db, no) => {
      const [, a, b] = eventsOf(db, no).events;
      db.prepare(`UPDATE "PetitionEvent" SET "seq" = -1 WHERE "id" = ?`).run(a!.id);
      db.prepare(`UPDATE "PetitionEvent" SET "seq" = ? WHERE "id" = ?`).run(a!.seq, b!.id);
      db.prepare(`UPDATE "PetitionEvent" SET "seq" = ? WHERE "id" = ?`).run(b!.seq, a!.id);
    },
  },
  {
    name: "an event inserted, the chain recomputed",
    seq: 2,
    message: /an event changed since the last run|differs from the state a checkpoint signed/,
    tamper: (db, no) => {
      const { events } = eventsOf(db, no);
      db.prepare(`UPDATE "PetitionEvent" SET "seq" = "seq" + 1000 WHERE "petitionId" = ? AND "seq" >= 2`).run(
        events[0]!.petitionId,
      );
      db.prepare(`UPDATE "PetitionEvent" SET "seq" = "seq" - 999 WHERE "petitionId" = ? AND "seq" >= 1000`).run(
        events[0]!.petitionId,
      );
      const first = events[0]!;
      db.prepare(
        `INSERT INTO "PetitionEvent" ("id", "petitionId", "seq", "type", "visibility", "actorType", "actorId", "unitId", "fromState", "toState", "note", "data", "occurredAt", "prevHash", "hash")
         VALUES ('forged-event', ?, 2, 'NOTE', 'PUBLIC', 'SYSTEM', NULL, NULL, NULL, NULL, '补记', '{}', ?, '', '')`,
      ).run(first.petitionId, new Date(first.occurredAt.getTime() + 1000).toISOString());
      rechain(db, no);
    },
  },
  {
    name: "a whole case's chain rewritten consistently, every hash and the head recomputed",
    seq: 1,
    message: /an event changed since the last run|differs from the state a checkpoint signed/,
    tamper: (db, no) => {
      const { petitionId } = eventsOf(db, no);
      db.prepare(`UPDATE "PetitionEvent" SET "data" = '{"rewritten":true}' WHERE "petitionId" = ?`).run(petitionId);
      rechain(db, no);
    },
  },
  {
    name: "a case deleted",
    seq: null,
    message: /the case is gone from the site/,
    tamper: (db, no) => {
      const { petitionId } = eventsOf(db, no);
      for (const table of [
        "PetitionEvent",
        "SupervisionOrder",
        "ExtensionRequest",
        "Representative",
        "PetitionerSession",
      ])
        db.prepare(`DELETE FROM "${table}" WHERE "petitionId" = ?`).run(petitionId);
      db.prepare(`DELETE FROM "Petition" WHERE "id" = ?`).run(petitionId);
    },
  },
];

scenarios.forEach((s, i) => {
  test(`caught: ${s.name}`, async () => {
    const no = cases[i]!;
    const file = tamperedCopy(`scenario-${i}`, (db) => s.tamper(db, no));
    const { code, out } = await verify(file, ...caseArgs());
    expect(code, out).toBe(1);
    expect(out).toMatch(s.message);
    const seq =
      s.seq === "public"
        ? eventsOf(new Database(pristine, { readonly: true }), no).events.find(
            (x) => x.visibility === "PUBLIC" && x.seq >= 2,
          )!.seq
        : s.seq;
    expect(out).toContain(seq === null ? `case ${no}:` : `case ${no}, seq ${seq}:`);
    // The in-server verifier, against the database, finds it too (a deleted case: its leaves without a case).
    expect(verifyChains(file).code).toBe(1);
  });
});

test("caught: a checkpoint rewritten — re-signed with the portal's own key, or not", async () => {
  for (const resign of [false, true]) {
    const file = tamperedCopy(`checkpoint-${resign}`, (db) => {
      const cp = db.prepare(`SELECT * FROM "Checkpoint" WHERE "seq" = 1`).get() as Record<string, string | number>;
      const rootHash = "ab".repeat(32);
      let { hash, signature } = cp as { hash: string; signature: string };
      if (resign) {
        const statement = [
          "sunshine-petitions checkpoint v1",
          cp.seq,
          new Date(cp.createdAt as string).toISOString(),
          cp.treeSize,
          rootHash,
          cp.prevHash,
          "",
        ].join("\n");
        hash = createHash("sha256").update(statement).digest("hex");
        signature = sign(null, Buffer.from(statement), createPrivateKey(KEY)).toString("base64");
      }
      db.prepare(`UPDATE "Checkpoint" SET "rootHash" = ?, "hash" = ?, "signature" = ? WHERE "seq" = 1`).run(
        rootHash,
        hash,
        signature,
      );
    });
    const { code, out } = await verify(file, ...caseArgs());
    expect(code, out).toBe(1);
    expect(out).toMatch(resign ? /checkpoint #1 was rewritten/ : /checkpoint #1: bad (hash|signature)/);
    const inServer = verifyChains(file);
    expect(inServer.code, inServer.out).toBe(1);
    expect(inServer.out).toMatch(/checkpoint #1: (bad|the log's first)/);
  }
});
