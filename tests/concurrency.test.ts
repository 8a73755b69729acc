// Two staff members act on one case at the same moment: exactly one wins, the other is told the case
// changed, nothing is lost or half-written, and the audit chain stays valid. Repeated many times.
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { now } from "@/lib/clock";
import { acceptCase, addInternalNote, notAcceptCase } from "@/lib/data/staff-case-actions";
import { verifyCaseChain } from "@/lib/data/chain";
import { CaseChangedError } from "@/lib/data/errors";
import type { StaffViewer } from "@/lib/domain/authority";
import { caseAt, makeReferenceData, onlinePetition, staff, type ReferenceData } from "./factories";

let first: StaffViewer;
let second: StaffViewer;
let bureauHandler: StaffViewer;
let ref: ReferenceData;

beforeAll(async () => {
  ref = await makeReferenceData();
  first = await staff("handler", ref.department, { name: "first" });
  second = await staff("handler", ref.department, { name: "second" });
  bureauHandler = await staff("handler", ref.bureau, { name: "bureau" });
});

/** A letter routed to the department, where both handlers work (version 2). */
const routedCase = () =>
  caseAt("routed", {
    petition: onlinePetition(ref, { consentPublic: false, receivedAt: now() }),
    bureau: bureauHandler,
    to: { unit: ref.department, handler: first },
  });

describe("two handlers at the same moment", () => {
  it("accept vs not-accept, 15 times: exactly one decision stands each time, and the chain verifies", async () => {
    for (let i = 0; i < 15; i++) {
      const c = await routedCase();
      const results = await Promise.allSettled([
        acceptCase(first, { petitionId: c.id, expectedVersion: 2, at: now() }),
        notAcceptCase(second, {
          petitionId: c.id,
          expectedVersion: 2,
          at: now(),
          reason: "不属于信访事项",
          properChannel: "LITIGATION",
        }),
      ]);
      const won = results.filter((r) => r.status === "fulfilled");
      expect(won).toHaveLength(1);
      for (const r of results) if (r.status === "rejected") expect(r.reason).toBeInstanceOf(CaseChangedError);
      const row = await db.petition.findUniqueOrThrow({
        where: { id: c.id },
        select: { state: true, version: true, eventCount: true },
      });
      expect(["ACCEPTED", "NOT_ACCEPTED"]).toContain(row.state);
      expect(row.version).toBe(3);
      expect(await verifyCaseChain(c.trackingNo)).toMatchObject({ ok: true, length: row.eventCount });
    }
  });

  it("two notes written from the same page version, 15 times: one is kept, the other is told to reload", async () => {
    for (let i = 0; i < 15; i++) {
      const c = await routedCase();
      const results = await Promise.allSettled([
        addInternalNote(first, { petitionId: c.id, expectedVersion: 2, at: now(), text: `甲的备注 ${i}` }),
        addInternalNote(second, { petitionId: c.id, expectedVersion: 2, at: now(), text: `乙的备注 ${i}` }),
      ]);
      expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
      const notes = await db.petitionEvent.count({ where: { petitionId: c.id, type: "NOTE_INTERNAL" } });
      expect(notes).toBe(1);
      expect(await verifyCaseChain(c.trackingNo)).toMatchObject({ ok: true });
    }
  });
});
