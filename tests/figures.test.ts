// The public figures' summary (lib/data/figures.ts) on the real database: after every kind of change — filing,
// routing, acceptance, an answer on time and a late one, 复查, a deadline-job pass — the counters equal a full
// recomputation over every case, and the home figures read from them equal counts taken from the cases.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { resetClock, setClock } from "@/lib/clock";
import { runDeadlinePass } from "@/lib/data/deadline-pass";
import { FIGURE_SELECT, figureRowOf, readHomeFigures, rebuildFigures } from "@/lib/data/figures";
import { figureCellsOf, tallyCells, windowMonths } from "@/lib/domain/figures";
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

beforeAll(async () => {
  ref = await makeReferenceData();
  bureau = await staff("handler", ref.bureau, { name: "fig-bureau" });
  handler = await staff("handler", ref.department, { name: "fig-dept" });
});
afterAll(() => resetClock());

/** The counters as stored, and as a full recomputation over every case: "month|metric" → n. */
async function storedCells() {
  const rows = await db.figureCell.findMany();
  return Object.fromEntries(rows.filter((r) => r.n !== 0).map((r) => [`${r.month}|${r.metric}`, r.n]));
}
async function recomputedCells() {
  const rows = await db.petition.findMany({ select: FIGURE_SELECT });
  const cells = tallyCells(rows.map((row) => [figureCellsOf(figureRowOf(row)), 1]));
  return Object.fromEntries(cells.map((c) => [`${c.month}|${c.metric}`, c.n]));
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

    // The job records the open case's handling deadline passing: it now counts as settled, not on time.
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
  });
});
