// PetitionEvent is append-only in the database itself (prisma/migrations/*_init and *_event_append_only_insert):
// every way SQL has of changing or removing an event is tried on the real migrated database, and each must be
// refused AND leave the case's events exactly as they were. The statements are plain SQL in a table keyed by
// provider, run through the app's client, so a PostgreSQL run only needs DATABASE_URL to point at one
// (PostgreSQL has no INSERT OR REPLACE; it has TRUNCATE, and its triggers must raise the same message).
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { Prisma } from "@/generated/prisma/client";
import { createPetition } from "@/lib/data/petitions";
import { appendEvent } from "@/lib/data/events";
import { makeReferenceData, PERSON } from "./factories";

type Provider = "sqlite" | "postgresql";
const provider: Provider = /^postgres(ql)?:/.test(process.env.DATABASE_URL ?? "") ? "postgresql" : "sqlite";

type Target = { id: string; petitionId: string; seq: number; hash: string };

const COLUMNS = [
  "id",
  "petitionId",
  "seq",
  "type",
  "visibility",
  "actorType",
  "actorId",
  "unitId",
  "fromState",
  "toState",
  "note",
  "data",
  "occurredAt",
  "prevHash",
  "hash",
] as const;
type Column = (typeof COLUMNS)[number];

/** `("id", …) SELECT "id", … FROM "PetitionEvent" WHERE "id" = $target`: a copy of the target event with some columns replaced. */
function copyOf(e: Target, replaced: Partial<Record<Column, Prisma.Sql>> = {}): Prisma.Sql {
  const list = Prisma.raw(COLUMNS.map((c) => `"${c}"`).join(", "));
  const values = Prisma.join(COLUMNS.map((c) => replaced[c] ?? Prisma.raw(`"${c}"`)));
  // `WHERE … AND 1 = 1` keeps SQLite from reading a following ON CONFLICT as part of the SELECT's join.
  return Prisma.sql`(${list}) SELECT ${values} FROM "PetitionEvent" WHERE "id" = ${e.id} AND 1 = 1`;
}

const forged = Prisma.sql`'forged history'`;
const freshId = () => Prisma.sql`${`forged-${Math.random().toString(36).slice(2)}`}`;

/** Ways to change history, each a statement that a database without the triggers would carry out. */
const PORTABLE: Record<string, (e: Target) => Prisma.Sql> = {
  "UPDATE of one column": (e) =>
    Prisma.sql`UPDATE "PetitionEvent" SET "note" = ${"forged history"} WHERE "id" = ${e.id}`,
  "UPDATE rewriting the chain": (e) =>
    Prisma.sql`UPDATE "PetitionEvent" SET "hash" = ${"0".repeat(64)}, "prevHash" = ${"0".repeat(64)} WHERE "petitionId" = ${e.petitionId}`,
  "DELETE of one event": (e) => Prisma.sql`DELETE FROM "PetitionEvent" WHERE "id" = ${e.id}`,
  "DELETE of a case's timeline": (e) => Prisma.sql`DELETE FROM "PetitionEvent" WHERE "petitionId" = ${e.petitionId}`,
  "INSERT … ON CONFLICT (id) DO UPDATE": (e) =>
    Prisma.sql`INSERT INTO "PetitionEvent" ${copyOf(e, { note: forged })} ON CONFLICT ("id") DO UPDATE SET "note" = excluded."note"`,
  "INSERT … ON CONFLICT (hash) DO UPDATE": (e) =>
    Prisma.sql`INSERT INTO "PetitionEvent" ${copyOf(e, { id: freshId(), note: forged })} ON CONFLICT ("hash") DO UPDATE SET "note" = excluded."note"`,
  "INSERT … ON CONFLICT (petitionId, seq) DO UPDATE": (e) =>
    Prisma.sql`INSERT INTO "PetitionEvent" ${copyOf(e, { id: freshId(), hash: Prisma.sql`${"f".repeat(64)}`, note: forged })}
      ON CONFLICT ("petitionId", "seq") DO UPDATE SET "note" = excluded."note", "hash" = excluded."hash"`,
};

const WAYS: Record<Provider, Record<string, (e: Target) => Prisma.Sql>> = {
  sqlite: {
    ...PORTABLE,
    // REPLACE resolves a conflict by deleting the old row, which fires no DELETE trigger (recursive_triggers is off).
    "INSERT OR REPLACE with the same id": (e) =>
      Prisma.sql`INSERT OR REPLACE INTO "PetitionEvent" ${copyOf(e, { note: forged })}`,
    "REPLACE INTO with the same id": (e) => Prisma.sql`REPLACE INTO "PetitionEvent" ${copyOf(e, { note: forged })}`,
    "INSERT OR REPLACE with the same hash": (e) =>
      Prisma.sql`INSERT OR REPLACE INTO "PetitionEvent" ${copyOf(e, { id: freshId(), note: forged })}`,
    "INSERT OR REPLACE with the same (petitionId, seq)": (e) =>
      Prisma.sql`INSERT OR REPLACE INTO "PetitionEvent" ${copyOf(e, { id: freshId(), hash: Prisma.sql`${"e".repeat(64)}`, note: forged })}`,
    "UPDATE OR REPLACE onto another event's seq": (e) =>
      Prisma.sql`UPDATE OR REPLACE "PetitionEvent" SET "seq" = ${e.seq - 1} WHERE "id" = ${e.id}`,
  },
  postgresql: {
    ...PORTABLE,
    TRUNCATE: () => Prisma.sql`TRUNCATE "PetitionEvent" CASCADE`,
  },
};

let target: Target;

async function timeline(petitionId: string) {
  return db.$queryRaw<Record<string, unknown>[]>(
    Prisma.sql`SELECT * FROM "PetitionEvent" WHERE "petitionId" = ${petitionId} ORDER BY "seq"`,
  );
}

beforeAll(async () => {
  const ref = await makeReferenceData();
  const created = await db.$transaction(async (tx) => {
    const c = await createPetition(
      tx,
      {
        channel: "ONLINE",
        categoryId: ref.categories.appeal.id,
        placeId: ref.township.id,
        title: "只增不改测试",
        content: "用于验证事件表只能追加、不能改写的测试信件内容。",
        address: PERSON.address,
        petitionerName: PERSON.name,
        petitionerPhone: PERSON.phone,
        consentPublic: false,
        receivedAt: new Date("2026-03-02T02:00:00Z"),
      },
      { type: "PETITIONER" },
    );
    await appendEvent(tx, c.id, {
      type: "NOTE_INTERNAL",
      actorType: "SYSTEM",
      note: "第二个事件",
      occurredAt: new Date("2026-03-02T03:00:00Z"),
    });
    return c;
  });
  const [e] = await db.$queryRaw<Target[]>(
    Prisma.sql`SELECT "id", "petitionId", "seq", "hash" FROM "PetitionEvent" WHERE "petitionId" = ${created.id} AND "seq" = 2`,
  );
  target = { ...e!, seq: Number(e!.seq) };
});

describe(`PetitionEvent refuses every change (${provider})`, () => {
  it.each(Object.entries(WAYS[provider]))("refuses %s and keeps the timeline as it was", async (_way, statement) => {
    const before = await timeline(target.petitionId);
    expect(before).toHaveLength(2);
    await expect(db.$executeRaw(statement(target))).rejects.toThrow(/append-only/);
    expect(await timeline(target.petitionId)).toEqual(before);
  });

  it("still takes a genuine append", async () => {
    await db.$transaction((tx) =>
      appendEvent(tx, target.petitionId, {
        type: "NOTE_INTERNAL",
        actorType: "SYSTEM",
        note: "第三个事件",
        occurredAt: new Date("2026-03-02T04:00:00Z"),
      }),
    );
    expect((await timeline(target.petitionId)).map((e) => Number(e.seq))).toEqual([1, 2, 3]);
  });
});
