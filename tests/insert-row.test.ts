// The plain INSERTs of the filing path (lib/data/insert-row.ts) write what Prisma's create writes: the same stored
// text for instants (raw SQL elsewhere compares them as text), booleans, nulls and the schema's defaults; and ids of
// the shape of Prisma's cuid().
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { insertRow, insertRows, newId } from "@/lib/data/insert-row";
import { filePetition, makeReferenceData, onlinePetition } from "./factories";

let ref: Awaited<ReturnType<typeof makeReferenceData>>;
beforeAll(async () => {
  ref = await makeReferenceData();
});

describe("insertRow", () => {
  it("stores a case as Prisma's create does, column for column", async () => {
    const at = new Date("2026-03-02T02:00:00.123Z");
    const fields = {
      trackingNo: "XF2026INSERT1",
      queryCodeHash: "h",
      channel: "ONLINE" as const,
      categoryId: ref.categories.appeal.id,
      placeId: ref.township.id,
      title: "标题",
      content: "内容",
      address: "地址",
      petitionerName: "张三",
      petitionerPhone: null,
      consentPublic: true,
      isCollective: false,
      state: "SUBMITTED" as const,
      currentUnitId: ref.bureau.id,
      handlingUnitId: ref.bureau.id,
      receivedAt: at,
      routeDueAt: at,
      currentDueAt: at,
    };
    const id = newId();
    await db.$transaction((tx) => insertRow(tx, "Petition", { id, createdAt: at, updatedAt: at, ...fields }));
    const viaPrisma = await db.petition.create({
      data: { ...fields, trackingNo: "XF2026INSERT2", createdAt: at },
      select: { id: true },
    });
    const read = (i: string) => db.petition.findUniqueOrThrow({ where: { id: i } });
    const [plain, orm] = [await read(id), await read(viaPrisma.id)];
    // Every column alike but those that must differ (the id, the number) and the write's own time.
    const comparable = (row: typeof plain) =>
      Object.fromEntries(Object.entries(row).filter(([k]) => !["id", "trackingNo", "updatedAt"].includes(k)));
    expect(comparable(plain)).toEqual(comparable(orm));
    expect(plain.consentPublic).toBe(true);
    expect(plain.extensionDays).toBe(0); // the schema's defaults apply
    expect(plain.eventCount).toBe(0);
    // The same text on disk (read as text, not as an instant), so that raw comparisons of instants (rate limits,
    // the queue) hold for both.
    const stored = await db.$queryRaw<{ receivedAt: string }[]>`
      SELECT ("receivedAt" || '') AS "receivedAt" FROM "Petition" WHERE "id" IN (${id}, ${viaPrisma.id})`;
    expect(stored).toHaveLength(2);
    expect(new Set(stored.map((r) => r.receivedAt)).size).toBe(1);
  });

  it("refuses what is not a column", async () => {
    await expect(
      db.$transaction((tx) =>
        // @ts-expect-error -- not a column: the type refuses it too
        insertRow(tx, "PetitionEvent", { id: newId(), 'x" = 1; --': 1 }),
      ),
    ).rejects.toThrow(/not a column name/);
  });

  it("is what a filing writes: the case and its first event read back through Prisma", async () => {
    const created = await filePetition(onlinePetition(ref));
    const row = await db.petition.findUniqueOrThrow({ where: { id: created.id }, include: { events: true } });
    expect(row.id).toMatch(/^c[0-9a-z]{24}$/);
    expect(row.events[0]!.id).toMatch(/^c[0-9a-z]{24}$/);
    expect(row.createdAt.getTime()).toBeGreaterThan(Date.now() - 60_000);
    expect(row.eventCount).toBe(1);
  });
});

describe("insertRows", () => {
  it("writes many rows in multi-row statements, each as Prisma's create would, across the statement limit", async () => {
    const created = await filePetition(onlinePetition(ref));
    const at = new Date("2026-03-02T02:00:00.123Z");
    // 10 columns a row: 2,000 rows a statement, so 4,500 rows take three statements.
    const rows = Array.from({ length: 4_500 }, (_, i) => ({
      id: newId(),
      petitionId: created.id,
      days: (i % 30) + 1,
      reason: `原因 ${i}, "quoted"`,
      requestedById: null,
      requestedAt: new Date(at.getTime() + i),
      decision: i % 2 ? ("APPROVED" as const) : null,
      decidedById: null,
      decidedAt: i % 2 ? at : null,
      decisionNote: null,
    }));
    await db.$transaction((tx) => insertRows(tx, "ExtensionRequest", rows));
    const read = await db.extensionRequest.findMany({ where: { petitionId: created.id } });
    const byId = new Map(read.map((r) => [r.id, r]));
    expect(read).toHaveLength(rows.length);
    for (const row of [rows[0]!, rows[2_001]!, rows.at(-1)!]) expect(byId.get(row.id)).toEqual(row);
    const viaPrisma = await db.extensionRequest.create({ data: { ...rows[1]!, id: undefined }, select: { id: true } });
    const orm = await db.extensionRequest.findUniqueOrThrow({ where: { id: viaPrisma.id } });
    expect({ ...orm, id: rows[1]!.id }).toEqual(byId.get(rows[1]!.id));
  });

  it("stores a case as Prisma's create does, column for column and in the same text, with literals in the statement", async () => {
    const at = new Date("2026-03-02T02:00:00.123Z");
    const fields = {
      queryCodeHash: "0123abcd",
      channel: "VISIT" as const,
      categoryId: ref.categories.appeal.id,
      placeId: ref.township.id,
      title: "标题 'quoted', \"double\"",
      content: "内容\n第二行",
      address: "",
      petitionerName: "O'Brien",
      petitionerPhone: null,
      consentPublic: false,
      isCollective: true,
      isRepeat: true,
      personCount: 12,
      state: "ACCEPTED" as const,
      version: 3,
      currentUnitId: ref.department.id,
      handlingUnitId: ref.department.id,
      receivedAt: at,
      routeDueAt: new Date(at.getTime() + 1),
      handleDueAt: null,
      currentDueAt: at,
    };
    const ids = [newId(), newId()];
    await db.$transaction((tx) =>
      insertRows(
        tx,
        "Petition",
        ids.map((id, i) => ({ id, createdAt: at, updatedAt: at, trackingNo: `XF2026ROWS${i}`, ...fields })),
      ),
    );
    const viaPrisma = await db.petition.create({ data: { ...fields, trackingNo: "XF2026ROWS9", createdAt: at } });
    const comparable = (row: typeof viaPrisma) =>
      Object.fromEntries(Object.entries(row).filter(([k]) => !["id", "trackingNo", "updatedAt"].includes(k)));
    for (const id of ids)
      expect(comparable(await db.petition.findUniqueOrThrow({ where: { id } }))).toEqual(comparable(viaPrisma));
    const stored = await db.$queryRaw<{ receivedAt: string; routeDueAt: string; isRepeat: unknown }[]>`
      SELECT ("receivedAt" || '') AS "receivedAt", ("routeDueAt" || '') AS "routeDueAt", ("isRepeat" || '') AS "isRepeat"
      FROM "Petition" WHERE "id" IN (${ids[0]}, ${viaPrisma.id})`;
    expect(stored).toHaveLength(2);
    expect(stored[0]).toEqual(stored[1]);
  });

  it("refuses rows that do not name the same columns, writing none", async () => {
    const created = await filePetition(onlinePetition(ref));
    const row = { id: newId(), petitionId: created.id, days: 5, reason: "r", requestedAt: new Date() };
    await expect(
      db.$transaction((tx) => insertRows(tx, "ExtensionRequest", [row, { ...row, id: newId(), decisionNote: "x" }])),
    ).rejects.toThrow(/same columns/);
    expect(await db.extensionRequest.count({ where: { petitionId: created.id } })).toBe(0);
  });
});

describe("newId", () => {
  it("makes distinct ids of cuid's shape, in creation order by their time part", () => {
    const ids = Array.from({ length: 10_000 }, newId);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids.slice(0, 100)) expect(id).toMatch(/^c[0-9a-z]{24}$/);
    expect(ids[0]!.slice(1, 9) <= ids.at(-1)!.slice(1, 9)).toBe(true);
  });
});
