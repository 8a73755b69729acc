// 单位考评 (lib/data/scorecard.ts) on the real database: a small fixed county whose cases are played through the app's
// own functions (filing, 转送, 退回, 受理, 不予受理, 答复, 撤回, 督办 and its answer and escalation, 评价, 复查), each at
// a fixed instant with setClock, then every figure of every unit checked against numbers worked out by hand below.
//
// Dates are Asia/Shanghai, every action at 10:00 there unless said (so durations are whole days). Deadlines:
// acceptance 15 days after arrival, handling 60 days after acceptance, evaluation 30 days after the answer, a
// supervision answer 7 days after the order, 复查 answer 30 days after the request; a last day that is not a working
// day rolls forward. Every date below is chosen so that a holiday calendar (if another test file loaded one) moves no
// deadline into another month.
//
// The tree (its paths sort first, so filing uses its bureau and its discipline organ, as createPetition picks them):
//   county (supervisor `sup`) ── bureau, dept, discipline, legal (a legal organ: no row), town ── village
// plus a second county (makeReferenceData) outside the supervisor's scope.
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { resetClock, setClock } from "@/lib/clock";
import { findScorecard } from "@/lib/data/scorecard";
import { ForbiddenError } from "@/lib/data/errors";
import { acceptCase, notAcceptCase, replyCase, returnCase, routeCase } from "@/lib/data/staff-case-actions";
import { answerSupervision, escalateSupervision, superviseCase } from "@/lib/data/supervision-actions";
import { evaluateAnswer, requestReview, withdrawPetition } from "@/lib/data/petitioner";
import type { StaffViewer } from "@/lib/domain/authority";
import { toCsv } from "@/lib/domain/csv";
import type { ScorecardFigures } from "@/lib/domain/scorecard";
import { translator } from "@/lib/i18n";
import { csvHeader, csvRecord } from "@/components/scorecard/scorecard-cells";
import type { ScorecardParams } from "@/lib/validation/scorecard";
import { filePetition, makeReferenceData, onlinePetition, staff, unit, type ReferenceData } from "./factories";

/** 10:00 (or `time`) on a civil date in Shanghai. */
const sh = (date: string, time = "10:00:00.000") => new Date(`${date}T${time}+08:00`);
const NOW = sh("2026-05-20"); // Wednesday 2026-05-20 10:00

const APRIL: ScorecardParams = {
  period: { kind: "range", from: "2026-04-01", to: "2026-04-30" },
  sort: { column: "unit", dir: "asc" },
};
const MAY_SO_FAR: ScorecardParams = { period: { kind: "thisMonth" }, sort: { column: "unit", dir: "asc" } };

// Paths that sort before any other test file's (random hex tags), so createPetition files at this bureau.
const tag = `0000${randomUUID().slice(0, 4)}`;

let u: Record<"county" | "bureau" | "dept" | "discipline" | "legal" | "town" | "village", { id: string; path: string }>;
let h: Record<"bureau" | "dept" | "town" | "village" | "discipline" | "legal", StaffViewer>;
let sup: StaffViewer;
let supTown: StaffViewer;
let ref: ReferenceData;
const ids: Record<string, string> = {};

const version = async (id: string) =>
  (await db.petition.findUniqueOrThrow({ where: { id }, select: { version: true } })).version;

/** Runs one step at its instant: the clock says `at` while it runs. */
async function at<T>(when: Date, step: () => Promise<T>): Promise<T> {
  setClock(when);
  return step();
}

async function file(key: string, receivedAt: Date, over: Partial<Parameters<typeof onlinePetition>[1]> = {}) {
  const c = await at(receivedAt, () =>
    filePetition(onlinePetition(ref, { receivedAt, placeId: u.town.id, title: `记分卡 ${key}`, ...over })),
  );
  ids[key] = c.id;
  return c.id;
}
const route = async (id: string, when: Date, to: { id: string }) =>
  at(when, async () =>
    routeCase(h.bureau, {
      petitionId: id,
      expectedVersion: await version(id),
      at: when,
      targetUnitId: to.id,
      note: "",
    }),
  );
const accept = async (id: string, when: Date, by: StaffViewer) =>
  at(when, async () => acceptCase(by, { petitionId: id, expectedVersion: await version(id), at: when }));
const reply = async (id: string, when: Date, by: StaffViewer) =>
  at(when, async () =>
    replyCase(by, {
      petitionId: id,
      expectedVersion: await version(id),
      at: when,
      outcome: "SUPPORT",
      replyText: "经核查，问题已解决。",
    }),
  );
const evaluate = async (id: string, when: Date, unitRating: "SATISFIED" | "BASIC" | "UNSATISFIED") =>
  at(when, async () =>
    evaluateAnswer(id, id, await version(id), { rating: { unit: unitRating, bureau: "SATISFIED" }, comment: "" }, when),
  );
const supervise = async (id: string, when: Date, measure: "URGE" | "LETTER") => {
  await at(when, async () =>
    superviseCase(sup, {
      petitionId: id,
      expectedVersion: await version(id),
      at: when,
      measure,
      message: "请加快办理。",
    }),
  );
  return (await db.supervisionOrder.findFirstOrThrow({ where: { petitionId: id, issuedAt: when } })).id;
};

let setAside: string[] = [];

beforeAll(async () => {
  const county = await unit("county", "GOVERNMENT", null, { tag });
  u = {
    county,
    bureau: await unit("bureau", "BUREAU", county, { tag }),
    dept: await unit("dept", "DEPARTMENT", county, { tag }),
    discipline: await unit("discipline", "DISCIPLINE", county, { tag }),
    legal: await unit("legal", "LEGAL", county, { tag }),
    town: await unit("town", "TOWNSHIP", county, { tag }),
    village: { id: "", path: "" },
  };
  u.village = await unit("village", "VILLAGE", u.town, { tag });
  // Filing picks the first active bureau and discipline organ by path: these, or the figures below mean nothing.
  // Those other files of this worker made (a worker runs its files one after another) are set aside meanwhile.
  const others = await db.unit.findMany({
    where: { kind: { in: ["BUREAU", "DISCIPLINE"] }, active: true, NOT: { path: { startsWith: county.path } } },
    select: { id: true },
  });
  setAside = others.map((o) => o.id);
  await db.unit.updateMany({ where: { id: { in: setAside } }, data: { active: false } });
  for (const kind of ["BUREAU", "DISCIPLINE"] as const) {
    const first = await db.unit.findFirstOrThrow({ where: { kind, active: true }, orderBy: { path: "asc" } });
    expect(first.path.startsWith(county.path), `the first ${kind} is this test's`).toBe(true);
  }
  ref = await makeReferenceData(); // categories, and a second county outside the scope
  h = {
    bureau: await staff("handler", { ...u.bureau, kind: "BUREAU" }),
    dept: await staff("handler", { ...u.dept, kind: "DEPARTMENT" }),
    town: await staff("handler", { ...u.town, kind: "TOWNSHIP" }),
    village: await staff("handler", { ...u.village, kind: "VILLAGE" }),
    discipline: await staff("handler", { ...u.discipline, kind: "DISCIPLINE" }),
    legal: await staff("handler", { ...u.legal, kind: "LEGAL" }),
  };
  sup = await staff("supervisor", { ...u.county, kind: "GOVERNMENT" });
  supTown = await staff("supervisor", { ...u.town, kind: "TOWNSHIP" });

  // ---- 部门 dept ----
  // d1: arrives 03-25, accepted 04-03 (due 04-09: on time; 9 days), replied 04-20 (17 days); evaluated 05-10,
  //     but its window ends 05-20 23:59:59.999 — after NOW, so in no evaluation cohort yet.
  const d1 = await file("d1", sh("2026-03-20"));
  await route(d1, sh("2026-03-25"), u.dept);
  await accept(d1, sh("2026-04-03"), h.dept);
  await reply(d1, sh("2026-04-20"), h.dept);
  await evaluate(d1, sh("2026-05-10"), "SATISFIED");
  // d2: arrives 04-02 (received), accepted 04-20 — after its acceptance deadline 04-17 (late; 18 days); open.
  const d2 = await file("d2", sh("2026-04-01"));
  await route(d2, sh("2026-04-02"), u.dept);
  await accept(d2, sh("2026-04-20"), h.dept);
  // d3: arrives 04-07 (received), never decided: its deadline 04-22 passed — in the denominator; overdue now.
  const d3 = await file("d3", sh("2026-04-06"));
  await route(d3, sh("2026-04-07"), u.dept);
  // d4: arrives 04-09 (received), not accepted 04-10 (due 04-24: decided on time).
  const d4 = await file("d4", sh("2026-04-08"));
  await route(d4, sh("2026-04-09"), u.dept);
  await at(sh("2026-04-10"), async () =>
    notAcceptCase(h.dept, {
      petitionId: d4,
      expectedVersion: await version(d4),
      at: sh("2026-04-10"),
      reason: "不属于本部门职责。",
      properChannel: "OTHER",
    }),
  );
  // d5: arrives 04-09 (received), withdrawn 04-15 before its deadline 04-24, undecided: in neither count.
  const d5 = await file("d5", sh("2026-04-08"));
  await route(d5, sh("2026-04-09"), u.dept);
  await at(sh("2026-04-15"), async () =>
    withdrawPetition(d5, d5, await version(d5), "问题已自行解决。", sh("2026-04-15")),
  );
  // d6: accepted 02-09, handling deadline 04-10 passed unanswered: 按期办结率's denominator, overdue now. Orders:
  //     督办函 04-13 (due 04-20) answered 04-22 — late; 催办 04-27 (due 05-04, or 05-06 over 劳动节) escalated 04-29
  //     before its deadline — not late; the 督办函 of 04-29 (due 05-06) still unanswered at NOW — late.
  const d6 = await file("d6", sh("2026-01-20"));
  await route(d6, sh("2026-01-21"), u.dept);
  await accept(d6, sh("2026-02-09"), h.dept);
  const o1 = await supervise(d6, sh("2026-04-13"), "LETTER");
  await at(sh("2026-04-22"), async () =>
    answerSupervision(h.dept, {
      petitionId: d6,
      expectedVersion: await version(d6),
      at: sh("2026-04-22"),
      orderId: o1,
      answerText: "正在办理。",
    }),
  );
  const o2 = await supervise(d6, sh("2026-04-27"), "URGE");
  await at(sh("2026-04-29"), async () =>
    escalateSupervision(sup, {
      petitionId: d6,
      expectedVersion: await version(d6),
      at: sh("2026-04-29"),
      orderId: o2,
      measure: "LETTER",
      message: "请于期限内书面答复。",
    }),
  );
  // d7: replied 03-02; its evaluation window ends 04-01: evaluated 03-10 基本满意.
  const d7 = await file("d7", sh("2026-01-05"));
  await route(d7, sh("2026-01-06"), u.dept);
  await accept(d7, sh("2026-01-08"), h.dept);
  await reply(d7, sh("2026-03-02"), h.dept);
  await evaluate(d7, sh("2026-03-10"), "BASIC");
  // d8: accepted 02-13, handling deadline 04-14, replied 04-13 (on time; 59 days); window ends 05-13, not evaluated.
  const d8 = await file("d8", sh("2026-01-26"));
  await route(d8, sh("2026-01-27"), u.dept);
  await accept(d8, sh("2026-02-13"), h.dept);
  await reply(d8, sh("2026-04-13"), h.dept);
  // d9: accepted 02-16, handling deadline 04-17, replied 04-21 (late; 64 days); window ends 05-21, after NOW.
  const d9 = await file("d9", sh("2026-01-28"));
  await route(d9, sh("2026-01-29"), u.dept);
  await accept(d9, sh("2026-02-16"), h.dept);
  await reply(d9, sh("2026-04-21"), h.dept);
  // d10: replied 03-05; window ends in April (04-04, a Saturday, rolled) unused — expired; 复查 requested 03-10 goes to
  //      the county (dept's parent), answer due 04-09, unanswered: overdue now at the county, still dept's case.
  const d10 = await file("d10", sh("2026-01-05"));
  await route(d10, sh("2026-01-06"), u.dept);
  await accept(d10, sh("2026-01-07"), h.dept);
  await reply(d10, sh("2026-03-05"), h.dept);
  await at(sh("2026-03-10"), async () =>
    requestReview(d10, d10, await version(d10), "答复未解决问题。", sh("2026-03-10")),
  );

  // ---- 乡镇 town ----
  // t1: arrives 04-13 (received), accepted 04-14 (1 day; due 04-28: on time); open.
  const t1 = await file("t1", sh("2026-04-10"));
  await route(t1, sh("2026-04-13"), u.town);
  await accept(t1, sh("2026-04-14"), h.town);
  // t2: accepted 02-04, handling deadline 04-05 (a Sunday, rolled: in April), replied 04-01 (on time; 56 days);
  //     window ends in May (05-01), evaluated 04-20 满意.
  const t2 = await file("t2", sh("2026-02-02"));
  await route(t2, sh("2026-02-03"), u.town);
  await accept(t2, sh("2026-02-04"), h.town);
  await reply(t2, sh("2026-04-01"), h.town);
  await evaluate(t2, sh("2026-04-20"), "SATISFIED");
  // t3: an accusation against dept, at the town from 04-16 (received): the county supervisor counts it (it does not
  //     accuse the county). Undecided; its deadline (05-01) passed: May's denominator, overdue now.
  await file("t3", sh("2026-04-15"), { categoryId: ref.categories.accusation.id, accusedUnitId: u.dept.id });
  await route(ids.t3!, sh("2026-04-16"), u.town);

  // ---- 村 village ----
  // v1: arrives 04-21 (received), undecided past its deadline 05-06: overdue. v2: arrives 05-11, due 05-26 — after NOW.
  await file("v1", sh("2026-04-20"));
  await route(ids.v1!, sh("2026-04-21"), u.village);
  await file("v2", sh("2026-05-10"));
  await route(ids.v2!, sh("2026-05-11"), u.village);

  // ---- 信访局 bureau: received by registration ----
  // b1: 04-22 at the bureau, routing deadline 05-07 passed: overdue. b2: filed 04-23, routed to dept 04-24 and
  // returned 04-27: the bureau's again (not dept's), routing deadline 05-08 passed. b3 at 04-30 23:59:59.999 and b4 at
  // 05-01 00:00 — either side of the end of April; both past their routing deadlines (05-15, 05-16 → 05-18).
  await file("b1", sh("2026-04-22"));
  const b2 = await file("b2", sh("2026-04-23"));
  await route(b2, sh("2026-04-24"), u.dept);
  await at(sh("2026-04-27"), async () =>
    returnCase(h.dept, {
      petitionId: b2,
      expectedVersion: await version(b2),
      at: sh("2026-04-27"),
      reason: "不属于本部门。",
    }),
  );
  await file("b3", sh("2026-04-30", "23:59:59.999"));
  await file("b4", sh("2026-05-01", "00:00:00.000"));

  // ---- 纪委监委 discipline ----
  // x1: an accusation against the county itself, at the discipline organ from receipt 04-13: never counted by the
  //     county's supervisor (条例第46条). x2: an accusation against dept routed there 04-14 (received), due 04-29,
  //     undecided: counted.
  await file("x1", sh("2026-04-13"), { categoryId: ref.categories.accusation.id, accusedUnitId: u.county.id });
  await file("x2", sh("2026-04-13"), { categoryId: ref.categories.accusation.id, accusedUnitId: u.dept.id });
  await route(ids.x2!, sh("2026-04-14"), u.discipline);

  // ---- left out: 涉法涉诉 at the legal organ, and a case of the other county ----
  const l1 = await file("l1", sh("2026-04-02"), { categoryId: ref.categories.legal.id });
  await route(l1, sh("2026-04-03"), u.legal);
  await accept(l1, sh("2026-04-07"), h.legal);
  const o = await file("o1", sh("2026-04-02"), { placeId: ref.township.id });
  await route(o, sh("2026-04-03"), ref.department);

  setClock(NOW);
}, 120_000);

afterAll(async () => {
  resetClock();
  await db.unit.updateMany({ where: { id: { in: setAside } }, data: { active: true } });
});

const none = { percent: null };
type Expected = Partial<Record<keyof ScorecardFigures, unknown>>;
const rate = (num: number, den: number, percent: number | null) => ({ num, den, percent });

async function figures(viewer: StaffViewer, params: ScorecardParams) {
  const sc = await findScorecard(viewer, params);
  return { sc, byUnit: new Map(sc.rows.map((r) => [r.unitId, r.figures])) };
}

describe("单位考评, April 2026 (a period that has ended), seen at 2026-05-20 10:00", () => {
  it("has one row per unit of the subtree, in tree order, without the legal organ", async () => {
    const { sc } = await figures(sup, APRIL);
    expect(sc.rows.map((r) => r.unitId)).toEqual([
      u.county.id,
      u.bureau.id,
      u.dept.id,
      u.discipline.id,
      u.town.id,
      u.village.id,
    ]);
    expect(sc.period).toMatchObject({ from: "2026-04-01", to: "2026-04-30" });
    expect(sc.period.dueUntil).toEqual(sc.period.end); // April is over: every deadline in it has passed
  });

  it("dept: every figure by hand", async () => {
    const { byUnit } = await figures(sup, APRIL);
    expect(byUnit.get(u.dept.id)).toEqual({
      received: 4, // arrivals in April: d2, d3, d4, d5 (d1 arrived 03-25; b2 was returned to the bureau)
      pending: 3, // d2, d6 办理中; d3 待受理 (d1, d7, d8, d9 replied, d4 not accepted, d5 withdrawn, d10 in 复查)
      overdueNow: 2, // d3 (acceptance 04-22), d6 (handling 04-10); d10 is late at the county, not here
      timelyAcceptance: rate(2, 4, 50), // due in April: d1 ✓, d2 ✗ (late), d3 ✗ (undecided), d4 ✓; d5 withdrawn: out
      onTimeCompletion: rate(1, 3, 33.3), // due in April: d8 ✓, d9 ✗ (late), d6 ✗ (open, overdue) → 1/3 = 33.33…
      completion: rate(1, 2, 50), // accepted in April: d1 (replied), d2 (open)
      participation: rate(1, 2, 50), // windows ended in April: d7 (evaluated), d10 (expired)
      satisfaction: rate(1, 1, 100), // d7 基本满意
      satisfied: rate(0, 1, 0), // 基本满意 is not 满意
      ordersReceived: 3, // 04-13 督办函, 04-27 催办, 04-29 督办函 (the escalation)
      ordersLate: 2, // 04-13 answered 04-22 after 04-20; 04-29 unanswered past 05-06; 04-27 superseded before its deadline
      medianAcceptDays: 13.5, // d1 9 days, d2 18 days → (9 + 18) / 2
      medianReplyDays: 59, // replied in April: d1 17, d8 59, d9 64 → the middle one
    });
  });

  it("town, village, bureau, discipline and the county by hand", async () => {
    const { byUnit } = await figures(sup, APRIL);
    expect(byUnit.get(u.town.id)).toEqual({
      received: 2, // t1 (04-13), t3 (04-16); t2 arrived 02-03
      pending: 2, // t1 办理中, t3 待受理
      overdueNow: 1, // t3 (acceptance 05-01)
      timelyAcceptance: rate(1, 1, 100), // due in April: t1 (04-28), accepted 04-14
      onTimeCompletion: rate(1, 1, 100), // due in April: t2 (04-05 → rolled), replied 04-01
      completion: rate(0, 1, 0), // accepted in April: t1, open
      participation: { num: 0, den: 0, ...none }, // t2's window ends in May
      satisfaction: { num: 0, den: 0, ...none },
      satisfied: { num: 0, den: 0, ...none },
      ordersReceived: 0,
      ordersLate: 0,
      medianAcceptDays: 1, // t1: 04-13 → 04-14
      medianReplyDays: 56, // t2: 02-04 → 04-01 = 28 + 28 days
    } satisfies Expected);
    expect(byUnit.get(u.village.id)).toMatchObject({
      received: 1, // v1 (v2 arrived in May)
      pending: 2, // v1, v2
      overdueNow: 1, // v1 (05-06); v2 is due 05-26
      timelyAcceptance: { num: 0, den: 0, ...none }, // no acceptance deadline in April
      medianAcceptDays: null,
    });
    expect(byUnit.get(u.bureau.id)).toMatchObject({
      received: 3, // by registration: b1 04-22, b2 04-23 (returned to the bureau), b3 04-30 23:59:59.999; b4 is May's
      pending: 4, // b1–b4 待受理 at the bureau
      overdueNow: 4, // all four past their routing deadlines
      timelyAcceptance: { num: 0, den: 0, ...none },
    });
    expect(byUnit.get(u.discipline.id)).toMatchObject({
      received: 1, // x2 only: x1 accuses the county, whose supervisor looks
      pending: 1,
      overdueNow: 1,
      timelyAcceptance: rate(0, 1, 0), // x2, due 04-29, undecided
    });
    expect(byUnit.get(u.county.id)).toEqual({
      received: 0,
      pending: 0,
      overdueNow: 1, // d10's 复查, due 04-09, unanswered — counted where it is late now
      timelyAcceptance: { num: 0, den: 0, ...none },
      onTimeCompletion: { num: 0, den: 0, ...none },
      completion: { num: 0, den: 0, ...none },
      participation: { num: 0, den: 0, ...none },
      satisfaction: { num: 0, den: 0, ...none },
      satisfied: { num: 0, den: 0, ...none },
      ordersReceived: 0,
      ordersLate: 0,
      medianAcceptDays: null,
      medianReplyDays: null,
    });
  });

  it("the total adds numerators and denominators and pools the durations; nothing of the legal organ or the other county", async () => {
    const { sc } = await figures(sup, APRIL);
    expect(sc.total).toEqual({
      received: 11, // county 0 + bureau 3 + dept 4 + discipline 1 + town 2 + village 1 (not l1, not o1)
      pending: 12, // 0 + 4 + 3 + 1 + 2 + 2
      overdueNow: 10, // county 1 + bureau 4 + dept 2 + discipline 1 + town 1 + village 1
      timelyAcceptance: rate(3, 6, 50), // dept 2/4 + discipline 0/1 + town 1/1
      onTimeCompletion: rate(2, 4, 50), // dept 1/3 + town 1/1
      completion: rate(1, 3, 33.3), // dept 1/2 + town 0/1 → 33.33…
      participation: rate(1, 2, 50),
      satisfaction: rate(1, 1, 100),
      satisfied: rate(0, 1, 0),
      ordersReceived: 3,
      ordersLate: 2,
      medianAcceptDays: 9, // 1, 9, 18 (not l1's)
      medianReplyDays: 57.5, // 17, 56, 59, 64 → (56 + 59) / 2
    });
  });
});

describe("单位考评, this month (May 2026, running): deadline cohorts stop at now", () => {
  it("counts deadlines and windows that have passed, not the ones still ahead", async () => {
    const { sc, byUnit } = await figures(sup, MAY_SO_FAR);
    expect(sc.period).toMatchObject({ from: "2026-05-01", to: "2026-05-31" });
    expect(sc.period.dueUntil).toEqual(NOW);
    // t3's deadline (05-01) passed undecided; town's window of t2 ended in May, evaluated 满意.
    expect(byUnit.get(u.town.id)).toMatchObject({
      received: 0,
      timelyAcceptance: rate(0, 1, 0),
      participation: rate(1, 1, 100),
      satisfaction: rate(1, 1, 100),
      satisfied: rate(1, 1, 100),
    });
    // v1 (05-06) passed undecided; v2 (05-26) is still ahead: not in the denominator.
    expect(byUnit.get(u.village.id)).toMatchObject({ received: 1, timelyAcceptance: rate(0, 1, 0) });
    // d8's window ended 05-13 unused (参评率 0%, no 满意率); d1's ends tonight and d9's tomorrow: in no cohort yet,
    // although d1 was evaluated.
    expect(byUnit.get(u.dept.id)).toMatchObject({
      received: 0,
      participation: rate(0, 1, 0),
      satisfaction: { num: 0, den: 0, ...none },
      ordersReceived: 0,
      ordersLate: 0,
      medianReplyDays: null,
    });
    expect(byUnit.get(u.bureau.id)).toMatchObject({ received: 1 }); // b4, at 05-01 00:00
    // Pending and overdue do not depend on the period.
    expect(sc.total).toMatchObject({ pending: 12, overdueNow: 10 });
  });
});

describe("scope and authority", () => {
  it("a township's supervisor sees its subtree only", async () => {
    const { sc } = await figures(supTown, APRIL);
    expect(sc.rows.map((r) => r.unitId)).toEqual([u.town.id, u.village.id]);
    expect(sc.total).toMatchObject({ received: 3, pending: 4, overdueNow: 2 });
  });

  it("handlers and admins are refused", async () => {
    await expect(findScorecard(h.dept, APRIL)).rejects.toBeInstanceOf(ForbiddenError);
    const admin = await staff("admin", { ...u.county, kind: "GOVERNMENT" });
    await expect(findScorecard(admin, APRIL)).rejects.toBeInstanceOf(ForbiddenError);
  });
});

describe("sorting and the CSV", () => {
  it("sorts by any column, rows without a value last", async () => {
    const byReceived = await findScorecard(sup, { ...APRIL, sort: { column: "received", dir: "desc" } });
    expect(byReceived.rows.map((r) => r.figures.received)).toEqual([4, 3, 2, 1, 1, 0]);
    expect(byReceived.rows[0]!.unitId).toBe(u.dept.id);
    const byTimely = await findScorecard(sup, { ...APRIL, sort: { column: "timelyAcceptance", dir: "asc" } });
    expect(byTimely.rows.map((r) => r.unitId)).toEqual([
      u.discipline.id, // 0%
      u.dept.id, // 50%
      u.town.id, // 100%
      u.county.id, // — (tree order among them)
      u.bureau.id,
      u.village.id,
    ]);
  });

  it("the CSV holds the same figures, unformatted, with a header in the viewer's language", async () => {
    const sc = await findScorecard(sup, APRIL);
    const t = translator("zh-CN");
    const dept = sc.rows.find((r) => r.unitId === u.dept.id)!;
    const text = toCsv([
      csvHeader(t),
      csvRecord(dept.unitName, dept.figures),
      csvRecord(t("scorecard.total"), sc.total),
    ]);
    expect(text.split("\r\n")).toEqual([
      "\uFEFF单位,收件,待办,当前逾期,及时受理率（%）,按期办结率（%）,办结率（%）,参评率（%）,满意率（%）,满意（仅满意）（%）,收到督办,督办逾期答复,受理用时中位数（天）,答复用时中位数（天）",
      `${dept.unitName},4,3,2,50,33.3,50,50,100,0,3,2,13.5,59`,
      "合计,11,12,10,50,50,33.3,50,100,0,3,2,9,57.5",
      "",
    ]);
    const town = sc.rows.find((r) => r.unitId === u.town.id)!;
    expect(csvRecord(town.unitName, town.figures).slice(7, 10)).toEqual([null, null, null]); // "—" is an empty cell
    expect(translator("en")("scorecard.columns.timelyAcceptance")).toBe("Accepted on time");
  });
});
