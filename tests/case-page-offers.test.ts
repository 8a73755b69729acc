// The staff case page offers exactly the actions the domain allows NOW (lib/domain/offered-actions.ts), on the
// real database: no 退回 after its window, no second 申请延期, no 分派 in a unit without an active handler.
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { findStaffCase } from "@/lib/data/staff-case";
import { requestExtension } from "@/lib/data/staff-case-actions";
import { caseAt, makeReferenceData, onlinePetition, staff, unit } from "./factories";

const ref = await makeReferenceData();
const bureau = await staff("handler", ref.bureau);
const dept = await staff("handler", ref.department);
const routedAt = new Date("2026-03-10T02:00:00Z");

describe("the case page's actions, now", () => {
  it("offer 退回 through the last instant of its 5-working-day window, and not after", async () => {
    const c = await caseAt("routed", {
      petition: onlinePetition(ref),
      bureau,
      to: { unit: ref.department, handler: dept },
      at: { routed: routedAt },
    });
    const { returnDueAt } = await db.petition.findUniqueOrThrow({ where: { id: c.id }, select: { returnDueAt: true } });
    const lastInstant = returnDueAt!;
    expect((await findStaffCase(dept, c.id, lastInstant))!.actions).toContain("return");
    const after = (await findStaffCase(dept, c.id, new Date(lastInstant.getTime() + 1)))!;
    expect(after.actions).not.toContain("return");
    expect(after.actions).toContain("accept");
  });

  it("offer 申请延期 once: after a request, a notice instead of a form", async () => {
    const c = await caseAt("accepted", {
      petition: onlinePetition(ref),
      bureau,
      to: { unit: ref.department, handler: dept },
      at: { routed: routedAt, accepted: routedAt },
    });
    const before = (await findStaffCase(dept, c.id, routedAt))!;
    expect(before.actions).toContain("requestExtension");
    expect(before.forms.extensionBlocked).toBeNull();
    await requestExtension(dept, {
      petitionId: c.id,
      expectedVersion: c.version,
      at: routedAt,
      days: 10,
      reason: "需要检测",
    });
    const after = (await findStaffCase(dept, c.id, routedAt))!;
    expect(after.actions).not.toContain("requestExtension");
    expect(after.forms.extensionBlocked).toBe("pending");
  });

  it("offer 分派 only where the unit has an active handler", async () => {
    const gov = await db.unit.findUniqueOrThrow({ where: { id: ref.department.parentId! } });
    const lonely = await unit("lonely", "DEPARTMENT", gov);
    const supervisor = await staff("supervisor", lonely);
    await staff("handler", lonely, { active: false });
    const c = await caseAt("routed", {
      petition: onlinePetition(ref),
      bureau,
      to: { unit: lonely, handler: supervisor },
      at: { routed: routedAt },
    });
    const page = (await findStaffCase(supervisor, c.id, routedAt))!;
    expect(page.actions).not.toContain("assign");
    expect(page.forms.handlers).toEqual([]);
    expect(
      (await findStaffCase(
        dept,
        (await caseAt("routed", { petition: onlinePetition(ref), bureau, to: { unit: ref.department, handler: dept } }))
          .id,
      ))!.actions,
    ).toContain("assign");
  });
});
