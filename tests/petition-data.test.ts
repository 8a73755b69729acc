import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import type { NewPetition } from "@/lib/data/petitions";
import { addSupplement, withdrawPetition, findPetitionerCase } from "@/lib/data/petitioner";
import { findPublicCase } from "@/lib/data/public-cases";
import { verifyCaseChain } from "@/lib/data/chain";
import { lookUpCase, LOOKUP_LIMIT } from "@/lib/data/tracking";
import { CaseChangedError, ForbiddenError, InvalidReferenceError } from "@/lib/data/errors";
import { parseTrackingNo } from "@/lib/domain/tracking";
import { filePetition, makeReferenceData, onlinePetition, PERSON } from "./factories";

let ref: Awaited<ReturnType<typeof makeReferenceData>>;
beforeAll(async () => {
  ref = await makeReferenceData();
});

const input = (over: Partial<NewPetition> = {}) => onlinePetition(ref, over);

const file = (over: Partial<NewPetition> = {}) => filePetition(input(over));

describe("filing a petition", () => {
  it("writes the case at the bureau with its first event, a chained hash and a 15-day routing deadline", async () => {
    const created = await file();
    const row = await db.petition.findUniqueOrThrow({ where: { id: created.id }, include: { events: true } });
    expect(row.state).toBe("SUBMITTED");
    expect(row.currentUnitId).toBe(ref.bureau.id);
    expect(row.events).toHaveLength(1);
    expect(row.events[0]).toMatchObject({ seq: 1, type: "SUBMITTED", visibility: "PUBLIC", toState: "SUBMITTED" });
    expect(row.headHash).toBe(row.events[0]!.hash);
    // received 2026-03-02 10:00 Shanghai + 15 days = 2026-03-17 (a Tuesday), end of that day
    expect(created.routeDueAt.toISOString()).toBe("2026-03-17T15:59:59.999Z");
    expect(row.queryCodeHash).not.toContain(created.queryCode);
    expect(await verifyCaseChain(created.trackingNo)).toMatchObject({ ok: true, length: 1 });
  });

  it("numbers cases in sequence within the year of receipt", async () => {
    const a = parseTrackingNo((await file({ receivedAt: new Date("2031-01-01T00:00:00Z") })).trackingNo)!;
    const b = parseTrackingNo((await file({ receivedAt: new Date("2031-06-01T00:00:00Z") })).trackingNo)!;
    expect(a.year).toBe(2031);
    expect(b).toEqual({ year: 2031, sequence: a.sequence + 1, demo: false });
  });

  it("writes nothing for an unknown category or a place that is not a township", async () => {
    const before = await db.petition.count();
    const events = await db.petitionEvent.count();
    await expect(file({ categoryId: "forged-id" })).rejects.toBeInstanceOf(InvalidReferenceError);
    await expect(file({ placeId: ref.department.id })).rejects.toBeInstanceOf(InvalidReferenceError);
    expect(await db.petition.count()).toBe(before);
    expect(await db.petitionEvent.count()).toBe(events);
  });

  // An accusation may name the county government itself: it then starts at the discipline organ
  // (tests/accusations.test.ts). Any other category naming an accused unit is refused.
  it("refuses an accused unit on a category that is not an accusation", async () => {
    const root = await db.unit.findFirstOrThrow({ where: { parentId: null, id: { startsWith: "u-" } } });
    const before = await db.petition.count();
    await expect(file({ categoryId: ref.categories.appeal.id, accusedUnitId: root.id })).rejects.toBeInstanceOf(
      InvalidReferenceError,
    );
    await expect(
      file({ categoryId: ref.categories.accusation.id, accusedUnitId: ref.department.id }),
    ).resolves.toMatchObject({ trackingNo: expect.any(String) });
    expect(await db.petition.count()).toBe(before + 1);
  });
});

describe("the audit trail is append-only", () => {
  it("the database refuses UPDATE and DELETE on events", async () => {
    const { id } = await file();
    await expect(db.$executeRaw`UPDATE "PetitionEvent" SET note = 'x' WHERE "petitionId" = ${id}`).rejects.toThrow(
      /append-only/,
    );
    await expect(db.$executeRaw`DELETE FROM "PetitionEvent" WHERE "petitionId" = ${id}`).rejects.toThrow(/append-only/);
    expect(await db.petitionEvent.count({ where: { petitionId: id } })).toBe(1);
  });
});

describe("the petitioner's actions", () => {
  it("adds material only to the case their code opened, at the version they saw", async () => {
    const mine = await file();
    const other = await file();
    const at = new Date("2026-03-03T02:00:00Z");
    await expect(addSupplement(other.id, mine.id, 1, "不是我的信件", at)).rejects.toBeInstanceOf(ForbiddenError);
    await expect(addSupplement(mine.id, mine.id, 7, "旧版本", at)).rejects.toBeInstanceOf(CaseChangedError);
    expect(await db.petitionEvent.count({ where: { petitionId: mine.id } })).toBe(1);
    await addSupplement(mine.id, mine.id, 1, "补充：路灯编号 A-17。", at);
    const view = await findPetitionerCase(mine.id);
    expect(view?.version).toBe(2);
    expect(view?.events.map((e) => e.type)).toEqual(["SUBMITTED", "SUPPLEMENTED"]);
    expect(view?.events[1]?.note).toBe("补充：路灯编号 A-17。");
  });

  it("withdraws: state WITHDRAWN, the fact public, the reason only for the petitioner; then nothing more", async () => {
    const c = await file();
    const at = new Date("2026-03-04T02:00:00Z");
    await withdrawPetition(c.id, c.id, 1, "问题已自行解决", at);
    const row = await db.petition.findUniqueOrThrow({
      where: { id: c.id },
      include: { events: { orderBy: { seq: "asc" } } },
    });
    expect(row.state).toBe("WITHDRAWN");
    expect(row.withdrawnAt?.toISOString()).toBe(at.toISOString());
    expect(row.events.map((e) => [e.type, e.visibility])).toEqual([
      ["SUBMITTED", "PUBLIC"],
      ["WITHDRAWN", "PUBLIC"],
      ["WITHDRAWAL_REASON", "PETITIONER"],
    ]);
    expect(row.events[1]?.note).toBeNull();
    await expect(addSupplement(c.id, c.id, row.version, "撤回之后", at)).rejects.toBeInstanceOf(CaseChangedError);
    const pub = await findPublicCase(c.trackingNo);
    expect(pub?.events.map((e) => e.type)).toEqual(["SUBMITTED", "WITHDRAWN"]);
    expect(await verifyCaseChain(c.trackingNo)).toMatchObject({ ok: true, length: 3 });
  });

  it("of two simultaneous actions on one case exactly one wins, and the chain stays valid", async () => {
    const c = await file();
    const at = new Date("2026-03-05T02:00:00Z");
    const results = await Promise.allSettled(
      Array.from({ length: 8 }, (_, i) => addSupplement(c.id, c.id, 1, `并发补充 ${i}`, at)),
    );
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    for (const r of results) if (r.status === "rejected") expect(r.reason).toBeInstanceOf(CaseChangedError);
    expect(await verifyCaseChain(c.trackingNo)).toMatchObject({ ok: true, length: 2 });
  });
});

describe("tracking lookups", () => {
  it("opens with the right pair, and gives one answer for a wrong code or an unknown number", async () => {
    const c = await file();
    const at = new Date();
    const clientKey = `test-${c.trackingNo}`;
    expect(
      await lookUpCase({ trackingNo: c.trackingNo.toLowerCase(), queryCode: c.queryCode.toLowerCase(), clientKey, at }),
    ).toEqual({ ok: true, petitionId: c.id });
    const wrong = await lookUpCase({ trackingNo: c.trackingNo, queryCode: "ABCD-EFGH-JKMN", clientKey, at });
    const unknown = await lookUpCase({ trackingNo: "XF2099999999", queryCode: c.queryCode, clientKey, at });
    expect(wrong).toEqual({ ok: false, reason: "wrongPair" });
    expect(unknown).toEqual(wrong);
  });

  it("limits tries per tracking number, even with the right code, until the window ends", async () => {
    const c = await file();
    const at = new Date();
    for (let i = 0; i < LOOKUP_LIMIT; i++) {
      await lookUpCase({ trackingNo: c.trackingNo, queryCode: "ABCD-EFGH-JKMN", clientKey: `client-${i}`, at });
    }
    const blocked = await lookUpCase({ trackingNo: c.trackingNo, queryCode: c.queryCode, clientKey: "client-new", at });
    expect(blocked).toMatchObject({ ok: false, reason: "rateLimited" });
    const later = new Date(at.getTime() + 15 * 60 * 1000 + 1);
    expect(
      await lookUpCase({ trackingNo: c.trackingNo, queryCode: c.queryCode, clientKey: "client-new", at: later }),
    ).toMatchObject({ ok: true });
  });

  it("limits tries per client address across tracking numbers", async () => {
    const at = new Date();
    const clientKey = `client-many-${Date.now()}`;
    // Well-formed codes: a malformed one is refused before it is counted (see tests/filing-limits.test.ts).
    for (let i = 0; i < LOOKUP_LIMIT; i++)
      await lookUpCase({ trackingNo: `XF2099${String(100000 + i)}`, queryCode: "2222-2222-2222", clientKey, at });
    expect(await lookUpCase({ trackingNo: "XF2099000001", queryCode: "2222-2222-2222", clientKey, at })).toMatchObject({
      reason: "rateLimited",
    });
  });
});

describe("the public view of a case", () => {
  it("holds no personal data, and no content unless consented, published and not an accusation", async () => {
    const c = await file();
    const pub = await findPublicCase(c.trackingNo);
    const text = JSON.stringify(pub);
    for (const secret of [
      PERSON.name,
      PERSON.phone,
      PERSON.idNumber,
      PERSON.email,
      PERSON.address,
      "路灯长期不亮",
      "东门到菜市场",
    ]) {
      expect(text).not.toContain(secret);
    }
    expect(pub?.publicTitle).toBeNull();
    const accusation = await file({ categoryId: ref.categories.accusation.id });
    await db.petition.update({
      where: { id: accusation.id },
      data: { publishedAt: new Date(), publicTitle: "不应公开", publicSummary: "不应公开" },
    });
    expect((await findPublicCase(accusation.trackingNo))?.publicTitle).toBeNull();
  });
});
