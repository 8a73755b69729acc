// One scope, proven on the whole demo county: for every unit of 示例县 (prisma/seed/units.ts) and every role
// that handles cases, the queue's SQL (lib/data/queue.ts: every tab, the tab counts, the tracking-number search)
// returns exactly the cases canSeeCase (lib/domain/authority.ts) lets that viewer see — the page and the actions
// decide by canSeeCase, so a case the queue lists but the page refuses (or hides, but the page shows) is a bug.
// Cases sit at every unit, and accusations name the government, the bureau, the unit itself, its parent and its
// children (条例第46条: the accused unit never sees them).
//
// The county's tree is copied with this run's own ids (the test database is shared by other files, and the real
// demo ids are the seed's). The cases are rows as the app leaves them: the queue reads rows only, and the rule
// under test is where a case sits and whom it accuses — creating ~600 cases through routeCase would only slow
// it down (tests/factories.ts makes cases through the domain for the tests of actions).
import { randomInt, randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { resetClock, setClock } from "@/lib/clock";
import { countQueueTabs, findQueue } from "@/lib/data/queue";
import { canSeeCase, type StaffViewer, type UnitRef } from "@/lib/domain/authority";
import type { PetitionState } from "@/lib/domain/petition-states";
import { QUEUE_TABS, tabCriteria, type QueueTab } from "@/lib/domain/queue";
import { formatTrackingNo } from "@/lib/domain/tracking";
import type { Prisma } from "@/generated/prisma/client";
import { UNITS } from "@/prisma/seed/units";

const NOW = new Date("2026-03-12T04:00:00.000Z"); // Thursday noon in Shanghai
const DAY = 24 * 60 * 60 * 1000;
const tag = randomUUID().slice(0, 8);
let sequence = 100_000 + randomInt(800_000);

type Unit = UnitRef & { parentId: string | null };
const idOf = (demoId: string) => `d-${tag}-${demoId}`;
const units: Unit[] = [];
const byDemoId = new Map<string, Unit>();
for (const def of UNITS) {
  const parent = def.parentId ? byDemoId.get(def.parentId)! : null;
  const unit: Unit = {
    id: idOf(def.id),
    path: `${parent?.path ?? "/"}${idOf(def.id)}/`,
    kind: def.kind,
    parentId: parent?.id ?? null,
  };
  units.push(unit);
  byDemoId.set(def.id, unit);
}
const gov = byDemoId.get("u-gov")!;
const bureau = byDemoId.get("u-bureau")!;
const township = units.find((u) => u.kind === "TOWNSHIP")!;

type Made = {
  id: string;
  trackingNo: string;
  unit: Unit;
  accused: Unit | null;
  state: PetitionState;
  dueAt: Date | null;
};
const made: Made[] = [];

/** Per state, a running deadline that puts the case in the deadline tabs or not (null: none runs). */
const DUE: Partial<Record<PetitionState, Date | null>> = {
  SUBMITTED: new Date(NOW.getTime() - DAY), // 待受理 and 已逾期
  ACCEPTED: new Date(NOW.getTime() + DAY), // 办理中 and 即将到期
  IN_REVIEW: new Date(NOW.getTime() + 30 * DAY), // 复查复核
  REPLIED: null, // 已答复
  CLOSED: null, // in no tab
};

const cat = { appeal: `cat-${tag}-appeal`, accusation: `cat-${tag}-acc` };
const rows: Prisma.PetitionCreateManyInput[] = [];

function makeCase(unit: Unit, state: PetitionState, accused: Unit | null) {
  const trackingNo = formatTrackingNo(2097, ++sequence);
  const id = `s-${tag}-${sequence}`;
  const dueAt = DUE[state] ?? null;
  rows.push({
    id,
    trackingNo,
    queryCodeHash: "x",
    channel: "ONLINE",
    categoryId: accused ? cat.accusation : cat.appeal,
    title: `范围测试 ${trackingNo}`,
    content: "范围测试内容",
    placeId: township.id,
    petitionerName: "测试人",
    address: "测试地址",
    state,
    currentUnitId: unit.id,
    accusedUnitId: accused?.id ?? null,
    receivedAt: new Date(NOW.getTime() - 20 * DAY),
    currentDueAt: dueAt,
  });
  made.push({ id, trackingNo, unit, accused, state, dueAt });
}

/** Whether a tab holds a case, by the tab's own criteria (the scope is what is under test here). */
function inTab(c: Made, tab: QueueTab): boolean {
  const k = tabCriteria(tab, NOW);
  if (!k.states.includes(c.state)) return false;
  if ((k.dueFrom || k.dueUntil || k.dueBefore) && !c.dueAt) return false;
  if (k.dueFrom && c.dueAt! < k.dueFrom) return false;
  if (k.dueUntil && c.dueAt! > k.dueUntil) return false;
  if (k.dueBefore && c.dueAt! >= k.dueBefore) return false;
  return true;
}

const sees = (v: StaffViewer, c: Made) => canSeeCase(v, { unit: c.unit, accusedUnit: c.accused });
const sorted = (ids: Iterable<string>) => [...ids].sort();

async function tabIds(v: StaffViewer, tab: QueueTab): Promise<string[]> {
  const first = await findQueue(v, { tab, page: 1 }, 200);
  const found = first.rows.map((r) => r.id);
  for (let page = 2; page <= first.pageCount; page++)
    found.push(...(await findQueue(v, { tab, page }, 200)).rows.map((r) => r.id));
  expect(found.length, "no row twice, the total is what the pages show").toBe(first.total);
  return found;
}

beforeAll(async () => {
  setClock(NOW);
  for (const unit of units) {
    for (const state of Object.keys(DUE) as PetitionState[]) makeCase(unit, state, null);
    const parent = units.find((u) => u.id === unit.parentId) ?? null;
    const child = units.find((u) => u.parentId === unit.id) ?? null;
    const accusedUnits = new Map(
      [gov, bureau, unit, parent, child].filter((u): u is Unit => u !== null).map((u) => [u.id, u]),
    );
    for (const accused of accusedUnits.values()) makeCase(unit, "SUBMITTED", accused);
  }
  await db.$transaction([
    db.unit.createMany({
      data: units.map((u, i) => ({
        id: u.id,
        code: u.id,
        name: u.id,
        kind: u.kind,
        parentId: u.parentId,
        path: u.path,
        sortOrder: i,
      })),
    }),
    db.category.createMany({
      data: [
        { id: cat.appeal, code: cat.appeal, name: `申诉-${tag}`, kind: "APPEAL" },
        { id: cat.accusation, code: cat.accusation, name: `检举控告-${tag}`, kind: "ACCUSATION" },
      ],
    }),
    db.petition.createMany({ data: rows }),
  ]);
}, 60_000);

afterAll(() => resetClock());

describe("the queue's scope and canSeeCase agree on every unit of the demo county", () => {
  const viewers: StaffViewer[] = units.flatMap((unit) =>
    (["handler", "supervisor"] as const).map((role) => ({ userId: `user-${tag}`, role, unit })),
  );

  it("covers the whole tree: every unit, both roles, accusations against every level", () => {
    expect(units).toHaveLength(UNITS.length);
    expect(new Set(units.map((u) => u.kind))).toEqual(
      new Set(["GOVERNMENT", "BUREAU", "DEPARTMENT", "LEGAL", "DISCIPLINE", "TOWNSHIP", "VILLAGE"]),
    );
    expect(viewers).toHaveLength(2 * UNITS.length);
    // The rule is not trivial here: some viewers see many cases, the accused see fewer than their unit holds.
    expect(made.filter((c) => sees({ userId: "x", role: "supervisor", unit: gov }, c)).length).toBe(
      made.filter((c) => c.accused?.id !== gov.id).length,
    );
    expect(
      made.filter((c) => c.unit.id === gov.id && !sees({ userId: "x", role: "handler", unit: gov }, c)).length,
    ).toBeGreaterThan(0);
  });

  it("every tab and every tab count holds exactly the cases canSeeCase allows", async () => {
    for (const v of viewers) {
      const label = `${v.role}@${v.unit.id}`;
      const counts = await countQueueTabs(v, {});
      for (const tab of QUEUE_TABS) {
        const expected = sorted(made.filter((c) => inTab(c, tab) && sees(v, c)).map((c) => c.id));
        expect(sorted(await tabIds(v, tab)), `${label} ${tab}`).toEqual(expected);
        expect(counts[tab], `${label} ${tab} count`).toBe(expected.length);
      }
    }
  }, 120_000);

  it("a tracking number finds a case exactly when canSeeCase allows it, never for the accused unit", async () => {
    for (const v of viewers) {
      const label = `${v.role}@${v.unit.id}`;
      // Every accusation that names the viewer's unit, one case it sees and one it does not.
      const accusingMe = made.filter((c) => c.accused?.id === v.unit.id);
      const visible = made.find((c) => c.state === "SUBMITTED" && sees(v, c));
      const hidden = made.find((c) => c.state === "SUBMITTED" && !sees(v, c));
      for (const c of [...accusingMe, visible, hidden]) {
        if (!c) continue;
        const { total } = await findQueue(v, { tab: "pending", page: 1, q: c.trackingNo });
        expect(total, `${label} ${c.trackingNo}`).toBe(sees(v, c) ? 1 : 0);
      }
      for (const c of accusingMe)
        expect((await countQueueTabs(v, { q: c.trackingNo })).pending, `${label} ${c.trackingNo} count`).toBe(0);
      expect(
        accusingMe.some((c) => sees(v, c)),
        label,
      ).toBe(false);
    }
  }, 120_000);
});
