// The public figures' summary (lib/data/figures.ts) on the real database: after every kind of change — filing,
// routing, acceptance, an answer on time and a late one, a 督办 order, a 复查 request, an evaluation, a deadline-job
// pass — the counters equal a full recomputation over every case, and the home figures and the statistics read
// from them equal counts taken from the cases.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { resetClock, setClock } from "@/lib/clock";
import { runDeadlinePass } from "@/lib/data/deadline-pass";
import { FIGURE_SELECT, figureRowOf, readHomeFigures, readStatistics, rebuildFigures } from "@/lib/data/figures";
import { figureCellsOf, tallyCells, windowMonths } from "@/lib/domain/figures";
import { superviseCase } from "@/lib/data/supervision-actions";
import { evaluateAnswer, requestReview } from "@/lib/data/petitioner";
import { startOfCivilDay } from "@/lib/domain/civil-date";
import { OPEN_STATES } from "@/lib/domain/petition-states";
import type { StaffViewer } from "@/lib/domain/authority";
import { caseAt, makeReferenceData, onlinePetition, staff, type ReferenceData } from "./factories";

const DAY = 24 * 60 * 60 * 1000;
const T0 = new Date("2026-03-02T02:00:00Z");
const ms = (d: Date, plus: number) => new Date(d.getTime() + plus);

let ref: ReferenceData;
let bureau: StaffViewer;
let handler: StaffViewer;
let supervisor: StaffViewer;

beforeAll(async () => {
  ref = await makeReferenceData();
  bureau = await staff("handler", ref.bureau, { name: "fig-bureau" });
  handler = await staff("handler", ref.department, { name: "fig-dept" });
  supervisor = await staff("supervisor", { ...ref.gov, kind: "GOVERNMENT" }, { name: "fig-sup" });
});
afterAll(() => resetClock());

/** The counters as stored, and as a full recomputation over every case: "month|unit|metric" → n. */
async function storedCells() {
  const rows = await db.figureCell.findMany();
  return Object.fromEntries(rows.filter((r) => r.n !== 0).map((r) => [`${r.month}|${r.unitId}|${r.metric}`, r.n]));
}
async function recomputedCells() {
  const rows = await db.petition.findMany({ select: FIGURE_SELECT });
  const cells = tallyCells(rows.map((row) => [figureCellsOf(figureRowOf(row)), 1]));
  return Object.fromEntries(cells.map((c) => [`${c.month}|${c.unitId}|${c.metric}`, c.n]));
}
async function expectSummaryExact() {
  expect(await storedCells()).toEqual(await recomputedCells());
}

describe("the figures summary", () => {
  it("equals a full recomputation after each kind of change, and the home figures equal counts of the cases", async () => {
    // Other tests of this worker may have written cases before the summary existed for them: start exact.
    await db.$transaction((tx) => rebuildFigures(tx));
    await expectSummaryExact();

    setClock(T0);
    await caseAt("bureau", { petition: onlinePetition(ref, { receivedAt: T0 }) });
    await expectSummaryExact();
    const to = { unit: ref.department, handler };
    await caseAt("accepted", {
      petition: onlinePetition(ref, { receivedAt: T0 }),
      bureau,
      to,
      at: { routed: ms(T0, 3600_000), accepted: ms(T0, DAY) },
    });
    await expectSummaryExact();
    const steps = { routed: ms(T0, 3600_000), accepted: ms(T0, DAY), replied: ms(T0, 10 * DAY) };
    await caseAt("replied", { petition: onlinePetition(ref, { receivedAt: T0 }), bureau, to, at: steps });
    await expectSummaryExact();
    // Answered after its handling deadline (60 days from acceptance, 条例第32条): late.
    await caseAt("replied", {
      petition: onlinePetition(ref, { receivedAt: T0 }),
      bureau,
      to,
      at: { ...steps, replied: ms(T0, 80 * DAY) },
    });
    await expectSummaryExact();

    // A 督办 order on the accepted case; the petitioner asks for 复查 of the late answer and rates the first.
    const accepted = await caseAt("accepted", {
      petition: onlinePetition(ref, { receivedAt: T0 }),
      bureau,
      to,
      at: { routed: ms(T0, 3600_000), accepted: ms(T0, DAY) },
    });
    await superviseCase(supervisor, {
      petitionId: accepted.id,
      expectedVersion: accepted.version,
      at: ms(T0, 2 * DAY),
      measure: "URGE",
      message: "请加快办理。",
    });
    await expectSummaryExact();
    const rated = await caseAt("replied", { petition: onlinePetition(ref, { receivedAt: T0 }), bureau, to, at: steps });
    setClock(ms(T0, 12 * DAY));
    await evaluateAnswer(
      rated.id,
      rated.id,
      rated.version,
      { rating: { unit: "BASIC", bureau: "SATISFIED" }, comment: "" },
      ms(T0, 12 * DAY),
    );
    await expectSummaryExact();
    const reviewed = await caseAt("replied", {
      petition: onlinePetition(ref, { receivedAt: T0 }),
      bureau,
      to,
      at: steps,
    });
    await requestReview(reviewed.id, reviewed.id, reviewed.version, "对答复不满意，请上级机关复查。", ms(T0, 12 * DAY));
    await expectSummaryExact();
    // A collective visit registered at the bureau.
    await caseAt("bureau", {
      petition: onlinePetition(ref, { receivedAt: T0, channel: "VISIT", personCount: 7 }),
    });
    await expectSummaryExact();

    // The job records the open case's handling deadline passing (it now counts as settled, not on time) and the
    // evaluation windows that closed unused.
    const later = ms(T0, 75 * DAY);
    setClock(later);
    await runDeadlinePass({ at: later });
    await expectSummaryExact();

    // The home figures, as counts over the cases of the same twelve months.
    const figures = await readHomeFigures(later);
    // The window's bounds: the first day of its first month and of the month after it, in Shanghai (other
    // tests of this worker write cases on other dates, before and after).
    const months = windowMonths(later);
    const since = startOfCivilDay(`${months[0]}-01`);
    const until = startOfCivilDay(`${windowMonths(ms(startOfCivilDay(`${months[11]}-01`), 40 * DAY), 1)[0]}-01`);
    const cohort = { receivedAt: { gte: since, lt: until }, category: { kind: { not: "LEGAL" as const } } };
    expect(figures.total).toBe(await db.petition.count({ where: cohort }));
    expect(figures.replied).toBe(await db.petition.count({ where: { ...cohort, repliedAt: { not: null } } }));
    expect(figures.open).toBe(await db.petition.count({ where: { ...cohort, state: { in: [...OPEN_STATES] } } }));
    expect(figures.total).toBeGreaterThanOrEqual(4);
    expect(figures.onTimeRate).not.toBeNull();
    expect(figures.onTimeRate!).toBeGreaterThan(0);
    expect(figures.onTimeRate!).toBeLessThan(1);

    // The department's statistics for the first quarter, as counts taken from its cases.
    const q1 = { gte: startOfCivilDay("2026-01-01"), lt: startOfCivilDay("2026-04-01") };
    const dept = { handlingUnitId: ref.department.id, category: { kind: { not: "LEGAL" as const } } };
    const stats = (await readStatistics({ year: 2026, quarter: 1, unitCode: ref.department.code }))!.statistics;
    expect(stats.counts.cases).toBe(await db.petition.count({ where: { ...dept, receivedAt: q1 } }));
    expect(stats.counts.cases).toBe(6);
    expect(stats.counts.online).toBe(6);
    expect(stats.rates.completion_rate).toMatchObject({
      den: await db.petition.count({ where: { ...dept, acceptedAt: q1 } }),
      num: await db.petition.count({ where: { ...dept, acceptedAt: q1, repliedAt: { not: null } } }),
    });
    // The order issued above, and the job's own 催办 of the case that went overdue.
    expect(stats.rates.supervision_rate.num).toBe(
      await db.petition.count({ where: { ...dept, acceptedAt: q1, supervisionOrders: { some: {} } } }),
    );
    expect(stats.rates.supervision_rate.num).toBeGreaterThanOrEqual(1);
    expect(stats.rates.review_rate).toMatchObject({
      num: 1,
      den: await db.petition.count({ where: { ...dept, repliedAt: q1 } }),
    });
    // The evaluation counts in the month its window ends (30 days after the answer: the second quarter).
    const year = (await readStatistics({ year: 2026, quarter: null, unitCode: ref.department.code }))!.statistics;
    expect(stats.rates.satisfaction_rate).toMatchObject({ num: 0, den: 0, value: null });
    expect(year.rates.satisfaction_rate).toMatchObject({ num: 1, den: 1, value: 1 });
    expect(year.rates.participation_rate.num).toBe(1);
    expect(year.rates.participation_rate.den).toBeGreaterThan(1); // the windows that closed unused by day 75
    // A unit's statistics include the units under it; visits count their persons.
    const county = (await readStatistics({ year: 2026, quarter: 1, unitCode: ref.gov.code }))!.statistics;
    const underGov = {
      handlingUnit: { path: { startsWith: ref.gov.path } },
      category: { kind: { not: "LEGAL" as const } },
    };
    expect(county.counts.cases).toBe(await db.petition.count({ where: { ...underGov, receivedAt: q1 } }));
    expect(county.counts.cases).toBeGreaterThan(stats.counts.cases - 1);
    const atBureau = (await readStatistics({ year: 2026, quarter: 1, unitCode: ref.bureau.code }))!.statistics;
    const visits = await db.petition.aggregate({
      where: { handlingUnitId: ref.bureau.id, channel: "VISIT", receivedAt: q1, category: { kind: { not: "LEGAL" } } },
      _sum: { personCount: true },
      _count: true,
    });
    expect(atBureau.counts.visit_persons).toBe(visits._sum.personCount);
    expect(atBureau.counts.visit_batches).toBe(visits._count);
    expect(atBureau.counts.collective_persons).toBeGreaterThanOrEqual(7);
    expect(await readStatistics({ year: 2026, quarter: null, unitCode: "no-such-unit" })).toBeNull();
  });
});
