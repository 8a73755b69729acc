// The restore drill (issue 12, SQLite): a copy of a real database (this worker's) is backed up with npm run backup,
// destroyed, and restored with npm run restore; every case is back and every chain verifies. A damaged backup is
// refused and the database in place is left alone.
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import { beforeAll, describe, expect, it } from "vitest";
import { addSupplement } from "@/lib/data/petitioner";
import { checkDatabaseFile } from "../scripts/lib/sqlite-file";
import { filePetition, makeReferenceData, onlinePetition } from "./factories";

beforeAll(async () => {
  const ref = await makeReferenceData();
  for (let i = 0; i < 3; i++) {
    const c = await filePetition(onlinePetition(ref));
    await addSupplement(c.id, c.id, 1, "补充材料：照片两张。", new Date());
  }
});

const ROOT = path.resolve(__dirname, "..");
const run = (script: string, file: string, ...args: string[]) =>
  execFileSync(process.execPath, ["--import", "tsx", `scripts/${script}.ts`, ...args], {
    cwd: ROOT,
    env: { ...process.env, DATABASE_URL: `file:${file}`, INIT_CWD: ROOT },
    encoding: "utf8",
    stdio: "pipe",
  });

describe("backup and restore", () => {
  it("back up, destroy, restore: every case present, every chain intact", () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "sunshine-drill-"));
    const file = path.join(dir, "live.db");
    const live = new Database(process.env.DATABASE_URL!.slice("file:".length));
    live.exec(`VACUUM INTO '${file}'`);
    live.close();
    const before = checkDatabaseFile(file);
    expect(before).toMatchObject({ ok: true });
    if (!before.ok) return;
    expect(before.cases).toBeGreaterThan(0);
    const ids = () =>
      new Database(file, { readonly: true })
        .prepare(`SELECT "trackingNo", "headHash" FROM "Petition" ORDER BY "trackingNo"`)
        .all();
    const cases = ids();

    const out = run("backup", file, path.join(dir, "backups"));
    expect(out).toMatch(/every chain intact/);
    const [backup] = fs.readdirSync(path.join(dir, "backups"));
    expect(backup).toMatch(/^sunshine-\d{8}T\d{6}Z\.db$/);

    fs.rmSync(file); // the disaster
    expect(run("restore", file, path.join(dir, "backups", backup!))).toMatch(/every chain intact/);
    expect(checkDatabaseFile(file)).toEqual(before);
    expect(ids()).toEqual(cases);
  });

  it("refuses a damaged backup and leaves the database in place alone", () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "sunshine-drill-"));
    const file = path.join(dir, "live.db");
    const live = new Database(process.env.DATABASE_URL!.slice("file:".length));
    live.exec(`VACUUM INTO '${file}'`);
    live.close();
    const damaged = path.join(dir, "damaged.db");
    fs.copyFileSync(file, damaged);
    const db = new Database(damaged);
    for (const t of db.prepare(`SELECT "name" FROM sqlite_master WHERE "type" = 'trigger'`).all() as { name: string }[])
      db.exec(`DROP TRIGGER "${t.name}"`);
    db.exec(
      `UPDATE "PetitionEvent" SET "note" = 'x' WHERE "seq" = 1 AND rowid = (SELECT MIN(rowid) FROM "PetitionEvent")`,
    );
    db.close();
    const size = fs.statSync(file).size;
    expect(() => run("restore", file, damaged)).toThrow(/does not check .*nothing restored/s);
    expect(fs.statSync(file).size).toBe(size);
    expect(fs.readdirSync(dir).sort()).toEqual(["damaged.db", "live.db"]);
  });
});
