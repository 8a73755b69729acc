// 工作台 (lib/data/queue.ts) on the real database: who sees which cases, which tab holds which case at the
// exact edges of "due soon" and "overdue", the order, filters, search, pagination and the tab counts.
// Each run makes its own unit tree (unique ids and paths), so cases of other test files never show up.
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { resetClock, setClock } from "@/lib/clock";
import { countQueueTabs, findQueue } from "@/lib/data/queue";
import { ForbiddenError } from "@/lib/data/errors";
import { canSeeCase, type StaffViewer, type UnitKind } from "@/lib/domain/authority";
import { endOfCivilDay, startOfCivilDay } from "@/lib/domain/civil-date";
import type { PetitionState } from "@/lib/domain/petition-states";
import type { Channel } from "@/lib/domain/petition-rules";
import { dueSoonUntil, QUEUE_TABS, type QueueTab } from "@/lib/domain/queue";
import { formatTrackingNo } from "@/lib/domain/tracking";
import type { QueueFilters } from "@/lib/validation/queue";
import type { Prisma } from "@/generated/prisma/client";

// Thursday 2026-03-12 12:00 in Shanghai. "Due soon" runs to the end of Sunday 2026-03-15 (Shanghai).
const NOW = new Date("2026-03-12T04:00:00.000Z");
const SOON_END = dueSoonUntil(NOW);
const MS = 1;
const DAY = 24 * 60 * 60 * 1000;

const tag = randomUUID().slice(0, 8);
let sequence = 100_000 + Math.floor(Math.random() * 800_000);

type Unit = { id: string; path: string; kind: UnitKind };
const unitOf = (key: string, kind: UnitKind, parent?: Unit): Unit => {
  const id = `u-${tag}-${key}`;
  return { id, path: `${parent?.path ?? "/"}${id}/`, kind };
};
// 县 → A (a department), B (a township) → B's village; a second township only as a place.
const gov = unitOf("gov", "GOVERNMENT");
const townB = unitOf("b", "TOWNSHIP", gov);
const town2 = unitOf("town2", "TOWNSHIP", gov);
const u = { gov, a: unitOf("a", "DEPARTMENT", gov), b: townB, village: unitOf("village", "VILLAGE", townB) };
const townX = u.b.id;
const townY = town2.id;
const cat = { x: `cat-${tag}-x`, y: `cat-${tag}-y` };
const assigneeId = `user-${tag}-a`;

const viewer = (role: StaffViewer["role"], unit: Unit): StaffViewer => ({ userId: `user-${tag}`, role, unit });

type CaseSpec = {
  unit: Unit;
  state: PetitionState;
  dueAt: Date | null;
  receivedAt?: Date;
  title?: string;
  categoryId?: string;
  channel?: Channel;
  placeId?: string;
  assigned?: boolean;
};

const petitionRows: Prisma.PetitionCreateManyInput[] = [];

/** A case row as the app leaves it (the queue reads rows only; currentDueAt is what change-case.ts keeps). */
function makeCase(spec: CaseSpec): { id: string; trackingNo: string } {
  const trackingNo = formatTrackingNo(2098, ++sequence);
  const id = `q-${tag}-${sequence}`;
  petitionRows.push({
    id,
    trackingNo,
    queryCodeHash: "x",
    channel: spec.channel ?? "ONLINE",
    categoryId: spec.categoryId ?? cat.x,
    title: spec.title ?? `队列测试 ${trackingNo}`,
    content: "队列测试内容",
    placeId: spec.placeId ?? townX,
    petitionerName: "测试人",
    address: "测试地址",
    state: spec.state,
    currentUnitId: spec.unit.id,
    assigneeId: spec.assigned ? assigneeId : null,
    receivedAt: spec.receivedAt ?? new Date(NOW.getTime() - 20 * DAY),
    currentDueAt: spec.dueAt,
  });
  return { id, trackingNo };
}

/** Every row of a tab, page by page (small pages, so pagination is exercised). */
async function allRows(v: StaffViewer, tab: QueueTab, filters: QueueFilters = {}, pageSize = 3) {
  const first = await findQueue(v, { tab, page: 1, ...filters }, pageSize);
  const rows = [...first.rows];
  for (let page = 2; page <= first.pageCount; page++)
    rows.push(...(await findQueue(v, { tab, page, ...filters }, pageSize)).rows);
  return { rows, total: first.total, pageCount: first.pageCount };
}

const ids = (rows: readonly { id: string }[]) => rows.map((r) => r.id);

// The cases of unit A, named by what they test.
const A: Record<string, { id: string; trackingNo: string }> = {};
let bCase: { id: string; trackingNo: string };
let villageCase: { id: string; trackingNo: string };

beforeAll(async () => {
  setClock(NOW);
  const base = new Date(NOW.getTime() - 30 * DAY);
  const at = (days: number) => new Date(base.getTime() + days * DAY);
  // Edges of 已逾期 / 即将到期 (all 办理中).
  A.justOverdue = makeCase({ unit: u.a, state: "ACCEPTED", dueAt: new Date(NOW.getTime() - MS), receivedAt: at(1) });
  A.dueNow = makeCase({ unit: u.a, state: "ACCEPTED", dueAt: NOW, receivedAt: at(2) });
  A.dueSoonEnd = makeCase({ unit: u.a, state: "ACCEPTED", dueAt: SOON_END, receivedAt: at(3), assigned: true });
  A.justAfterSoon = makeCase({
    unit: u.a,
    state: "ACCEPTED",
    dueAt: new Date(SOON_END.getTime() + MS),
    receivedAt: at(4),
  });
  // Same deadline as dueSoonEnd, registered earlier: comes first.
  A.sameDueEarlier = makeCase({ unit: u.a, state: "ACCEPTED", dueAt: SOON_END, receivedAt: at(0) });
  // An old row without a running deadline: last in its tab.
  A.noDeadline = makeCase({ unit: u.a, state: "ACCEPTED", dueAt: null, receivedAt: at(-5) });
  // 待受理, its acceptance deadline passed yesterday: in 待受理 and in 已逾期.
  A.pendingLate = makeCase({
    unit: u.a,
    state: "SUBMITTED",
    dueAt: endOfCivilDay("2026-03-11"),
    receivedAt: at(5),
    channel: "LETTER",
    categoryId: cat.y,
    placeId: townY,
  });
  A.inReview = makeCase({ unit: u.a, state: "IN_REVIEW", dueAt: endOfCivilDay("2026-04-01"), receivedAt: at(6) });
  A.inRecheck = makeCase({ unit: u.a, state: "IN_RECHECK", dueAt: endOfCivilDay("2026-03-14"), receivedAt: at(7) });
  A.replied = makeCase({ unit: u.a, state: "REPLIED", dueAt: null, receivedAt: at(8), title: "关于 100% 退款的问题" });
  A.reviewed = makeCase({ unit: u.a, state: "REVIEWED", dueAt: null, receivedAt: at(9) });
  // Closed: in no tab, even with a stale deadline in the past.
  A.closed = makeCase({ unit: u.a, state: "CLOSED", dueAt: new Date(NOW.getTime() - 5 * DAY), receivedAt: at(10) });
  // Registration-date edges (Shanghai civil days) for the date filter.
  A.regStart = makeCase({
    unit: u.a,
    state: "ACCEPTED",
    dueAt: endOfCivilDay("2026-04-20"),
    receivedAt: startOfCivilDay("2026-03-01"),
    title: "路灯维修登记首日（LED 灯）",
  });
  A.regBefore = makeCase({
    unit: u.a,
    state: "ACCEPTED",
    dueAt: endOfCivilDay("2026-04-21"),
    receivedAt: new Date(startOfCivilDay("2026-03-01").getTime() - MS),
  });
  A.regEnd = makeCase({
    unit: u.a,
    state: "ACCEPTED",
    dueAt: endOfCivilDay("2026-04-22"),
    receivedAt: endOfCivilDay("2026-03-02"),
    title: "路灯维修登记末日（led 灯）",
  });
  A.regAfter = makeCase({
    unit: u.a,
    state: "ACCEPTED",
    dueAt: endOfCivilDay("2026-04-23"),
    receivedAt: startOfCivilDay("2026-03-03"),
  });

  bCase = makeCase({ unit: u.b, state: "ACCEPTED", dueAt: new Date(NOW.getTime() + DAY), title: "乙单位的信访事项" });
  villageCase = makeCase({ unit: u.village, state: "SUBMITTED", dueAt: new Date(NOW.getTime() - DAY) });

  // One short write: other test files share this database.
  const unitRow = (x: Unit, parent: Unit | null) => ({
    id: x.id,
    code: x.id,
    name: x.id,
    kind: x.kind,
    parentId: parent?.id ?? null,
    path: x.path,
  });
  await db.$transaction([
    db.unit.createMany({
      data: [
        unitRow(u.gov, null),
        unitRow(u.a, u.gov),
        unitRow(u.b, u.gov),
        unitRow(u.village, u.b),
        unitRow(town2, u.gov),
      ],
    }),
    db.category.createMany({
      data: [
        { id: cat.x, code: cat.x, name: `类别甲-${tag}`, kind: "APPEAL" },
        { id: cat.y, code: cat.y, name: `类别乙-${tag}`, kind: "SUGGESTION" },
      ],
    }),
    db.user.create({
      data: {
        id: assigneeId,
        username: `queue-${tag}`,
        displayName: `经办人-${tag}`,
        passwordHash: "x",
        role: "handler",
        unitId: u.a.id,
      },
    }),
    db.petition.createMany({ data: petitionRows }),
  ]);
});

afterAll(() => resetClock());

describe("scope", () => {
  it("a handler sees its own unit's cases only, in every tab and by tracking number", async () => {
    // Why: a handler works one unit; another unit's cases (and petitioners) are none of its business.
    const handlerA = viewer("handler", u.a);
    for (const tab of QUEUE_TABS) {
      const { rows } = await allRows(handlerA, tab);
      expect(ids(rows)).not.toContain(bCase.id);
      expect(ids(rows)).not.toContain(villageCase.id);
    }
    expect((await findQueue(handlerA, { tab: "handling", page: 1, q: bCase.trackingNo })).total).toBe(0);
    const handlerB = viewer("handler", u.b);
    expect(ids((await allRows(handlerB, "handling")).rows)).toEqual([bCase.id]);
    // A handler of the parent unit does not see the village's cases: only supervisors see a subtree.
    expect(ids((await allRows(handlerB, "pending")).rows)).toEqual([]);
  });

  it("a supervisor sees its unit's subtree and nothing outside it", async () => {
    const superB = viewer("supervisor", u.b);
    expect(ids((await allRows(superB, "handling")).rows)).toEqual([bCase.id]);
    expect(ids((await allRows(superB, "pending")).rows)).toEqual([villageCase.id]);
    expect(await countQueueTabs(superB, {})).toEqual({
      pending: 1,
      handling: 1,
      dueSoon: 1,
      overdue: 1,
      review: 0,
      replied: 0,
    });

    const superGov = viewer("supervisor", u.gov);
    const pending = ids((await allRows(superGov, "pending")).rows);
    expect(pending).toEqual(expect.arrayContaining([villageCase.id, A.pendingLate!.id]));
    expect(pending).toHaveLength(2);
  });

  it("an admin handles no cases: both functions refuse", async () => {
    const admin = viewer("admin", u.gov);
    await expect(findQueue(admin, { tab: "pending", page: 1 })).rejects.toBeInstanceOf(ForbiddenError);
    await expect(countQueueTabs(admin, {})).rejects.toBeInstanceOf(ForbiddenError);
  });
});

describe("tabs", () => {
  const handlerA = () => viewer("handler", u.a);
  const tabOf = async (tab: QueueTab) => ids((await allRows(handlerA(), tab)).rows);

  it("已逾期 holds running deadlines before now, 即将到期 those from now to the end of the third day ahead", async () => {
    const overdue = await tabOf("overdue");
    const dueSoon = await tabOf("dueSoon");
    expect(overdue).toEqual([A.pendingLate!.id, A.justOverdue!.id]);
    expect(dueSoon).toEqual([A.dueNow!.id, A.inRecheck!.id, A.sameDueEarlier!.id, A.dueSoonEnd!.id]);
    expect(dueSoon).not.toContain(A.justAfterSoon!.id);
  });

  it("state tabs: 待受理, 办理中, 复查复核, 已答复; closed cases in none", async () => {
    expect(await tabOf("pending")).toEqual([A.pendingLate!.id]);
    expect(await tabOf("review")).toEqual([A.inRecheck!.id, A.inReview!.id]);
    expect(await tabOf("replied")).toEqual([A.replied!.id, A.reviewed!.id]); // no running deadline: by registration
    for (const tab of QUEUE_TABS) expect(await tabOf(tab)).not.toContain(A.closed!.id);
  });

  it("sorts by the nearest deadline, ties by registration, cases without a deadline last", async () => {
    const handling = await tabOf("handling");
    expect(handling).toEqual([
      A.justOverdue!.id,
      A.dueNow!.id,
      A.sameDueEarlier!.id,
      A.dueSoonEnd!.id,
      A.justAfterSoon!.id,
      A.regStart!.id,
      A.regBefore!.id,
      A.regEnd!.id,
      A.regAfter!.id,
      A.noDeadline!.id,
    ]);
  });

  it("rows carry the category, channel, assignee and days left or overdue", async () => {
    const { rows } = await allRows(handlerA(), "handling");
    const byId = new Map(rows.map((r) => [r.id, r]));
    expect(byId.get(A.justOverdue!.id)).toMatchObject({
      deadline: { kind: "overdue", daysOverdue: 1 },
      assigneeName: null,
      categoryName: `类别甲-${tag}`,
      channel: "ONLINE",
      state: "ACCEPTED",
    });
    expect(byId.get(A.dueNow!.id)!.deadline).toEqual({ kind: "open", daysLeft: 0 });
    expect(byId.get(A.dueSoonEnd!.id)).toMatchObject({
      deadline: { kind: "open", daysLeft: 3 },
      assigneeName: `经办人-${tag}`,
    });
    expect(byId.get(A.justAfterSoon!.id)!.deadline).toEqual({ kind: "open", daysLeft: 4 });
    expect(byId.get(A.noDeadline!.id)!.deadline).toBeNull();
    expect(byId.get(A.justOverdue!.id)!.trackingNo).toBe(A.justOverdue!.trackingNo);
  });

  it("moves cases between tabs as the clock passes a deadline", async () => {
    try {
      setClock(new Date(SOON_END.getTime() + MS)); // Monday 00:00 in Shanghai
      expect(await tabOf("overdue")).toContain(A.dueSoonEnd!.id);
      expect(await tabOf("dueSoon")).toContain(A.justAfterSoon!.id);
    } finally {
      setClock(NOW);
    }
  });
});

describe("filters and search", () => {
  const handlerA = () => viewer("handler", u.a);

  it("by category, channel and township", async () => {
    expect(ids((await allRows(handlerA(), "overdue", { categoryId: cat.y })).rows)).toEqual([A.pendingLate!.id]);
    expect(ids((await allRows(handlerA(), "overdue", { channel: "LETTER" })).rows)).toEqual([A.pendingLate!.id]);
    expect(ids((await allRows(handlerA(), "overdue", { placeId: townY })).rows)).toEqual([A.pendingLate!.id]);
    expect(ids((await allRows(handlerA(), "overdue", { placeId: townX })).rows)).toEqual([A.justOverdue!.id]);
  });

  it("by registration date, whole civil days in Shanghai, both ends included", async () => {
    const { rows } = await allRows(handlerA(), "handling", { receivedFrom: "2026-03-01", receivedTo: "2026-03-02" });
    expect(ids(rows)).toEqual([A.regStart!.id, A.regEnd!.id]);
    const from = await allRows(handlerA(), "handling", { receivedFrom: "2026-03-03" });
    expect(ids(from.rows)).toContain(A.regAfter!.id);
    expect(ids(from.rows)).not.toContain(A.regEnd!.id);
  });

  it("a tracking number however typed finds exactly that case; other text searches titles", async () => {
    const typed = ` ${A.dueNow!.trackingNo.toLowerCase().replace("xf", "xf ")} `;
    expect(ids((await allRows(handlerA(), "handling", { q: typed })).rows)).toEqual([A.dueNow!.id]);
    expect(ids((await allRows(handlerA(), "handling", { q: "路灯维修" })).rows)).toEqual([
      A.regStart!.id,
      A.regEnd!.id,
    ]);
    // Latin letters match whatever their case, on SQLite (LIKE) and on PostgreSQL (ILIKE) alike.
    for (const q of ["led", "LED", "Led 灯"])
      expect(ids((await allRows(handlerA(), "handling", { q })).rows), q).toEqual([A.regStart!.id, A.regEnd!.id]);
    // LIKE wildcards typed by a person match themselves.
    expect(ids((await allRows(handlerA(), "replied", { q: "100%" })).rows)).toEqual([A.replied!.id]);
    expect((await findQueue(handlerA(), { tab: "replied", page: 1, q: "%" })).total).toBe(1);
    expect((await findQueue(handlerA(), { tab: "replied", page: 1, q: "_" })).total).toBe(0);
  });
});

describe("counts and pages", () => {
  const cases: [string, StaffViewer, QueueFilters][] = [];
  beforeAll(() => {
    cases.push(["handler A", viewer("handler", u.a), {}]);
    cases.push([
      "handler A, registered 1–2 March",
      viewer("handler", u.a),
      { receivedFrom: "2026-03-01", receivedTo: "2026-03-02" },
    ]);
    cases.push(["supervisor of the tree", viewer("supervisor", u.gov), {}]);
    cases.push(["supervisor, one category", viewer("supervisor", u.gov), { categoryId: cat.x }]);
  });

  it("each tab's count is the number of rows its pages show, without repeats", async () => {
    for (const [name, v, filters] of cases) {
      const counts = await countQueueTabs(v, filters);
      for (const tab of QUEUE_TABS) {
        const { rows, total, pageCount } = await allRows(v, tab, filters);
        expect(total, `${name} / ${tab}`).toBe(counts[tab]);
        expect(rows, `${name} / ${tab}`).toHaveLength(counts[tab]);
        expect(new Set(ids(rows)).size).toBe(rows.length);
        expect(pageCount).toBe(Math.max(1, Math.ceil(total / 3)));
      }
    }
    expect(await countQueueTabs(viewer("handler", u.a), {})).toEqual({
      pending: 1,
      handling: 10,
      dueSoon: 4,
      overdue: 2,
      review: 2,
      replied: 2,
    });
  });

  it("a page past the end shows the last page", async () => {
    const page = await findQueue(viewer("handler", u.a), { tab: "handling", page: 99 }, 3);
    expect(page).toMatchObject({ page: 4, pageCount: 4, total: 10 });
    expect(ids(page.rows)).toEqual([A.noDeadline!.id]);
  });
});

describe("accusations (条例第46条): the queue's SQL scope is the same rule as canSeeCase", () => {
  // Last in the file: its cases would change the exact counts asserted above.
  const made: { id: string; trackingNo: string; unit: Unit; accused: Unit | null }[] = [];
  beforeAll(async () => {
    const accusation = `cat-${tag}-acc`;
    const rows: Prisma.PetitionCreateManyInput[] = [];
    for (const unit of [u.a, u.b, u.village]) {
      for (const accused of [null, u.gov, u.a, u.b, u.village]) {
        const c = makeCase({
          unit,
          state: "SUBMITTED",
          dueAt: new Date(NOW.getTime() + 5 * DAY),
          categoryId: accusation,
        });
        rows.push({ ...petitionRows.at(-1)!, accusedUnitId: accused?.id ?? null });
        made.push({ ...c, unit, accused });
      }
    }
    await db.$transaction([
      db.category.create({ data: { id: accusation, code: accusation, name: `检举控告-${tag}`, kind: "ACCUSATION" } }),
      db.petition.createMany({ data: rows }),
    ]);
  });

  it("every viewer's tabs, counts and searches hold exactly the cases canSeeCase lets it see", async () => {
    const viewers = [
      viewer("handler", u.a),
      viewer("handler", u.b),
      viewer("handler", u.village),
      viewer("supervisor", u.gov),
      viewer("supervisor", u.b),
    ];
    const mine = new Set(made.map((c) => c.id));
    for (const v of viewers) {
      const expected = made
        .filter((c) => canSeeCase(v, { unit: c.unit, accusedUnit: c.accused }))
        .map((c) => c.id)
        .sort();
      const label = `${v.role}@${v.unit.id}`;
      const pending = ids((await allRows(v, "pending", {}, 50)).rows)
        .filter((id) => mine.has(id))
        .sort();
      expect(pending, label).toEqual(expected);
      const found = [];
      for (const c of made)
        if ((await findQueue(v, { tab: "pending", page: 1, q: c.trackingNo })).total > 0) found.push(c.id);
      expect(found.sort(), label).toEqual(expected);
      // The accused unit's staff: none of the cases accusing it, not even in the counts.
      expect(
        made.filter((c) => c.accused?.id === v.unit.id && pending.includes(c.id)),
        label,
      ).toEqual([]);
    }
    // The county government's supervisor: every case of the tree but the three accusing the government.
    const gov = made.filter((c) => canSeeCase(viewer("supervisor", u.gov), { unit: c.unit, accusedUnit: c.accused }));
    expect(gov).toHaveLength(made.length - 3);
    expect(gov.some((c) => c.accused?.id === u.gov.id)).toBe(false);
  });
});
