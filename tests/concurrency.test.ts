// Two staff members act on one case at the same moment: exactly one wins, the other is told the case
// changed, nothing is lost or half-written, and the audit chain stays valid. Repeated many times.
import { beforeAll, describe, expect, it } from "vitest";
import { randomUUID } from "node:crypto";
import { db } from "@/lib/db";
import { createPetition } from "@/lib/data/petitions";
import { acceptCase, addInternalNote, notAcceptCase, routeCase } from "@/lib/data/staff-case-actions";
import { verifyCaseChain } from "@/lib/data/chain";
import { CaseChangedError } from "@/lib/data/errors";
import type { StaffViewer } from "@/lib/domain/authority";

let first: StaffViewer;
let second: StaffViewer;
let bureauHandler: StaffViewer;
let unitId: string;
let categoryId: string;
let placeId: string;

beforeAll(async () => {
  const tag = randomUUID().slice(0, 6);
  const mk = async (name: string, kind: "GOVERNMENT" | "BUREAU" | "DEPARTMENT" | "TOWNSHIP", parentPath = "/") => {
    const id = `c-${tag}-${name}`;
    const path = `${parentPath}${id}/`;
    await db.unit.create({ data: { id, code: id, name: id, kind, path } });
    return { id, path, kind };
  };
  const gov = await mk("gov", "GOVERNMENT");
  const bureau = (await db.unit.findFirst({ where: { kind: "BUREAU" }, orderBy: { path: "asc" }, select: { id: true, path: true, kind: true } })) ?? (await mk("bureau", "BUREAU", gov.path));
  const dept = await mk("dept", "DEPARTMENT", gov.path);
  placeId = (await mk("town", "TOWNSHIP", gov.path)).id;
  unitId = dept.id;
  categoryId = (await db.category.create({ data: { code: `c-${tag}`, name: `c-${tag}`, kind: "APPEAL" } })).id;
  const user = async (name: string, unit: { id: string; path: string; kind: StaffViewer["unit"]["kind"] }): Promise<StaffViewer> => ({
    userId: (await db.user.create({ data: { username: `${tag}-${name}`, displayName: name, passwordHash: "x", role: "handler", unitId: unit.id } })).id,
    role: "handler",
    unit,
  });
  first = await user("first", dept);
  second = await user("second", dept);
  bureauHandler = await user("bureau", bureau);
});

async function routedCase() {
  const c = await db.$transaction((tx) =>
    createPetition(
      tx,
      { channel: "ONLINE", categoryId, placeId, title: "并发测试信件", content: "并发测试信件的内容，不少于二十个字符。", address: "并发路一号", petitionerName: "并发人", petitionerPhone: "13900000001", consentPublic: false, receivedAt: new Date() },
      { type: "PETITIONER" },
    ),
  );
  await routeCase(bureauHandler, { petitionId: c.id, expectedVersion: 1, at: new Date(), targetUnitId: unitId, note: "" });
  return c;
}

describe("two handlers at the same moment", () => {
  it("accept vs not-accept, 15 times: exactly one decision stands each time, and the chain verifies", async () => {
    for (let i = 0; i < 15; i++) {
      const c = await routedCase();
      const results = await Promise.allSettled([
        acceptCase(first, { petitionId: c.id, expectedVersion: 2, at: new Date() }),
        notAcceptCase(second, { petitionId: c.id, expectedVersion: 2, at: new Date(), reason: "不属于信访事项", properChannel: "诉讼" }),
      ]);
      const won = results.filter((r) => r.status === "fulfilled");
      expect(won).toHaveLength(1);
      for (const r of results) if (r.status === "rejected") expect(r.reason).toBeInstanceOf(CaseChangedError);
      const row = await db.petition.findUniqueOrThrow({ where: { id: c.id }, select: { state: true, version: true, eventCount: true } });
      expect(["ACCEPTED", "NOT_ACCEPTED"]).toContain(row.state);
      expect(row.version).toBe(3);
      expect(await verifyCaseChain(c.trackingNo)).toMatchObject({ ok: true, length: row.eventCount });
    }
  });

  it("two notes written from the same page version, 15 times: one is kept, the other is told to reload", async () => {
    for (let i = 0; i < 15; i++) {
      const c = await routedCase();
      const results = await Promise.allSettled([
        addInternalNote(first, { petitionId: c.id, expectedVersion: 2, at: new Date(), text: `甲的备注 ${i}` }),
        addInternalNote(second, { petitionId: c.id, expectedVersion: 2, at: new Date(), text: `乙的备注 ${i}` }),
      ]);
      expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
      const notes = await db.petitionEvent.count({ where: { petitionId: c.id, type: "NOTE_INTERNAL" } });
      expect(notes).toBe(1);
      expect(await verifyCaseChain(c.trackingNo)).toMatchObject({ ok: true });
    }
  });
});
