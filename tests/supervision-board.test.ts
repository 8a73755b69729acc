// The supervision board (/staff/supervision) on a small fixed data set in a county of its own: which cases each
// list holds, for the county's supervisor, a township's supervisor and with the unit filter; the counts (the same
// conditions as the pages); sorting by due date and by receipt, both ways; pagination; handlers have no board.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { setClock, resetClock } from "@/lib/clock";
import { db } from "@/lib/db";
import { countBoard, findBoard, findBoardPage, resolveBoardScope } from "@/lib/data/supervision-board";
import { superviseCase, takeCharge } from "@/lib/data/supervision-actions";
import { requestExtension } from "@/lib/data/staff-case-actions";
import { ForbiddenError } from "@/lib/data/errors";
import type { StaffViewer } from "@/lib/domain/authority";
import type { BoardList, BoardParams } from "@/lib/validation/supervision";
import {
  advanceCase,
  filePetition,
  makeReferenceData,
  onlinePetition,
  staff,
  unit,
  unitRef,
  type CaseStage,
} from "./factories";

const DAY = 24 * 3600 * 1000;
const N = new Date("2026-05-20T02:00:00Z"); // the board's "now"
const ago = (days: number) => new Date(N.getTime() - days * DAY);

let ref: Awaited<ReturnType<typeof makeReferenceData>>;
let bureauHandler: StaffViewer;
let county: StaffViewer; // supervisor of this test's county
let town: StaffViewer; // supervisor of its township (the township and its village)
let bureauSupervisor: StaffViewer;
let deptHandler: StaffViewer;
let units: Record<"gov" | "dept" | "town" | "village", { id: string; path: string; kind: StaffViewer["unit"]["kind"] }>;
const cases: Record<string, { id: string; trackingNo: string; version: number }> = {};

async function make(
  key: string,
  where: keyof typeof units,
  stage: CaseStage,
  at: { received: number; routed?: number; accepted?: number },
  over: Parameters<typeof onlinePetition>[1] = {},
) {
  const handler = await staff("handler", units[where]);
  const created = await filePetition(
    onlinePetition(ref, { receivedAt: ago(at.received), title: `看板测试 ${key}`, ...over }),
  );
  const version = await advanceCase(created.id, stage, {
    bureau: bureauHandler,
    to: { unit: units[where], handler },
    at: {
      routed: at.routed !== undefined ? ago(at.routed) : undefined,
      accepted: at.accepted !== undefined ? ago(at.accepted) : undefined,
      replied: ago(1),
    },
  });
  cases[key] = { id: created.id, trackingNo: created.trackingNo, version };
  return { ...cases[key]!, handler };
}

beforeAll(async () => {
  ref = await makeReferenceData();
  bureauHandler = await staff("handler", ref.bureau);
  bureauSupervisor = await staff("supervisor", ref.bureau);
  const gov = unitRef(await unit("boardgov", "GOVERNMENT"));
  const dept = unitRef(await unit("boarddept", "DEPARTMENT", gov));
  const townU = unitRef(await unit("boardtown", "TOWNSHIP", gov));
  const village = unitRef(await unit("boardvillage", "VILLAGE", townU));
  units = { gov, dept, town: townU, village };
  county = await staff("supervisor", gov);
  town = await staff("supervisor", townU);
  deptHandler = await staff("handler", dept);

  await make("A", "dept", "routed", { received: 21, routed: 20 }); // 受理 due N-5: overdue
  await make("B", "dept", "accepted", { received: 80, routed: 76, accepted: 75 }); // 办理 due N-15: overdue
  await make("C", "town", "accepted", { received: 60, routed: 59, accepted: 58 }); // 办理 due N+2: due soon
  const d = await make("D", "village", "accepted", { received: 40, routed: 39, accepted: 12 });
  const e = await make("E", "dept", "accepted", { received: 32, routed: 31, accepted: 30 });
  const f = await make("F", "town", "accepted", { received: 32, routed: 31, accepted: 30 });
  await make(
    "H",
    "dept",
    "routed",
    { received: 6, routed: 5 },
    { channel: "HIGHER_ASSIGN", sourceDocNo: "市信交〔2026〕1号", feedbackDueAt: ago(1) },
  );
  await make(
    "I",
    "dept",
    "replied",
    { received: 40, routed: 39, accepted: 38 },
    { channel: "HIGHER_ASSIGN", sourceDocNo: "市信交〔2026〕2号", feedbackDueAt: ago(1) },
  );
  await make("R", "dept", "bureau", { received: 20 }); // at the bureau, 转送 due N-5: the bureau's supervisor sees it overdue

  await requestExtension(e.handler, {
    petitionId: e.id,
    expectedVersion: e.version,
    at: ago(2),
    days: 10,
    reason: "需要检测",
  });
  await superviseCase(county, {
    petitionId: f.id,
    expectedVersion: f.version,
    at: ago(10),
    measure: "URGE",
    message: "请尽快办理",
  }); // due N-3
  await superviseCase(county, {
    petitionId: d.id,
    expectedVersion: d.version,
    at: ago(1),
    measure: "LETTER",
    message: "请书面说明",
  }); // due N+6
  await takeCharge(county, {
    petitionId: cases.C!.id,
    expectedVersion: cases.C!.version,
    at: ago(1),
    title: "副县长",
    startDate: "2026-05-19",
    targetDate: "2026-07-31",
  });
  setClock(N);
});
afterAll(() => resetClock());

const params = (list: BoardList, over: Partial<BoardParams> = {}): BoardParams => ({
  list,
  sort: "due",
  dir: "asc",
  page: 1,
  ...over,
});
const keysOf = (rows: { trackingNo: string }[]) =>
  rows.map((r) => Object.entries(cases).find(([, c]) => c.trackingNo === r.trackingNo)?.[0] ?? "?");
const list = async (v: StaffViewer, l: BoardList, over: Partial<BoardParams> = {}) =>
  keysOf((await findBoard(v, params(l, over))).page.rows);

describe("the board's lists", () => {
  it("hold, for the county's supervisor, exactly the cases each stage says", async () => {
    const board = await findBoard(county, params("overdueHandle"));
    expect(board.counts).toEqual({
      overdueRoute: 0,
      overdueAccept: 1,
      overdueHandle: 1,
      overdueReview: 0,
      overdueRecheck: 0,
      overdueOrders: 1,
      overdueFeedback: 1,
      dueSoon: 1,
      extensions: 1,
      openOrders: 2,
      charge: 1,
    });
    expect(await list(county, "overdueAccept")).toEqual(["A"]);
    expect(await list(county, "overdueHandle")).toEqual(["B"]);
    expect(await list(county, "dueSoon")).toEqual(["C"]);
    expect(await list(county, "extensions")).toEqual(["E"]);
    expect(await list(county, "overdueOrders")).toEqual(["F"]);
    expect(await list(county, "openOrders")).toEqual(["F", "D"]);
    expect(await list(county, "overdueFeedback")).toEqual(["H"]); // I was answered: its feedback is not overdue
    expect(await list(county, "charge")).toEqual(["C"]);
  });

  it("count exactly the rows their pages show", async () => {
    const scope = await resolveBoardScope(county);
    const counts = await countBoard(scope, N);
    for (const l of Object.keys(counts) as BoardList[]) {
      const page = await findBoardPage(scope, params(l), N, 100);
      expect(page.total, l).toBe(counts[l]);
      expect(page.rows.length, l).toBe(counts[l]);
    }
  });

  it("carry what each list needs: the order's measure and unit, the request's days and the new due date, the 包案 office", async () => {
    const orders = (await findBoard(county, params("openOrders"))).page.rows;
    expect(orders[0]).toMatchObject({ order: { measure: "URGE" }, status: { kind: "overdue" } });
    expect(orders[1]!.order!.targetUnitName).toContain("boardvillage");
    const [request] = (await findBoard(county, params("extensions"))).page.rows;
    expect(request!.extension).toMatchObject({ days: 10, reason: "需要检测", mayApprove: true });
    expect(request!.extension!.newHandleDueAt!.getTime()).toBeGreaterThan(request!.dueAt!.getTime());
    const [charge] = (await findBoard(county, params("charge"))).page.rows;
    expect(charge!.charge).toMatchObject({ title: "副县长" });
  });

  it("for a township's supervisor: its township and village only", async () => {
    const board = await findBoard(town, params("openOrders"));
    expect(board.counts).toMatchObject({
      overdueAccept: 0,
      overdueHandle: 0,
      dueSoon: 1,
      extensions: 0,
      openOrders: 2,
      overdueOrders: 1,
      overdueFeedback: 0,
      charge: 1,
    });
    expect(keysOf(board.page.rows)).toEqual(["F", "D"]);
    expect(board.units.map((u) => u.id)).toEqual([units.town.id, units.village.id]);
  });

  it("the bureau's overdue routing for a supervisor whose subtree holds the bureau", async () => {
    const rows = keysOf((await findBoard(bureauSupervisor, params("overdueRoute", { page: 1 }), 1000)).page.rows);
    expect(rows).toContain("R");
    expect(rows).not.toContain("A");
  });
});

describe("filters, sorting and pages", () => {
  it("filter by a unit and the units below it; a unit outside the subtree filters nothing", async () => {
    expect(await list(county, "openOrders", { unitId: units.town.id })).toEqual(["F", "D"]);
    expect(await list(county, "openOrders", { unitId: units.village.id })).toEqual(["D"]);
    expect(await list(county, "openOrders", { unitId: units.dept.id })).toEqual([]);
    expect((await findBoard(county, params("overdueAccept", { unitId: units.dept.id }))).counts).toMatchObject({
      overdueAccept: 1,
      overdueHandle: 1,
      extensions: 1,
      overdueFeedback: 1,
      openOrders: 0,
      dueSoon: 0,
    });
    // 城关镇's supervisor naming the department: not its unit, so no narrowing and still none of the department's cases.
    const outside = await findBoard(town, params("overdueAccept", { unitId: units.dept.id }));
    expect(outside.unitId).toBeNull();
    expect(outside.counts.overdueAccept).toBe(0);
  });

  it("sort by the list's due date or by receipt, either way", async () => {
    expect(await list(county, "openOrders", { sort: "due", dir: "asc" })).toEqual(["F", "D"]); // due N-3, N+6
    expect(await list(county, "openOrders", { sort: "due", dir: "desc" })).toEqual(["D", "F"]);
    expect(await list(county, "openOrders", { sort: "received", dir: "asc" })).toEqual(["D", "F"]); // received N-40, N-32
    expect(await list(county, "openOrders", { sort: "received", dir: "desc" })).toEqual(["F", "D"]);
  });

  it("paginate; a page past the end gives the last page", async () => {
    const scope = await resolveBoardScope(county);
    const first = await findBoardPage(scope, params("openOrders"), N, 1);
    const second = await findBoardPage(scope, params("openOrders", { page: 2 }), N, 1);
    const beyond = await findBoardPage(scope, params("openOrders", { page: 9 }), N, 1);
    expect([first.pageCount, keysOf(first.rows), keysOf(second.rows)]).toEqual([2, ["F"], ["D"]]);
    expect(beyond.page).toBe(2);
  });
});

describe("who has a board", () => {
  it("supervisors only: a handler or an admin is refused", async () => {
    await expect(findBoard(deptHandler, params("overdueHandle"))).rejects.toBeInstanceOf(ForbiddenError);
    const admin = await staff("admin", units.gov);
    await expect(findBoard(admin, params("overdueHandle"))).rejects.toBeInstanceOf(ForbiddenError);
    expect(await db.unit.count({ where: { path: { startsWith: units.gov.path } } })).toBe(4);
  });
});
