// Cached public pages follow the database (issue 9, lib/data/public-pages.ts): every kind of change — a staff
// action, a petitioner's action, a registration at the bureau, a deadline-job pass — drops exactly the cached
// pages that show it, once, after its transaction has committed; a refused change drops nothing. The pages go to a
// recorder here; e2e/public-cache.spec.ts shows the production server serving them fresh.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { resetClock, setClock } from "@/lib/clock";
import { coalescing, publishing, setStalePagesSink } from "@/lib/data/public-pages";
import { runDeadlinePass } from "@/lib/data/deadline-pass";
import { acceptCase, replyCase, routeCase } from "@/lib/data/staff-case-actions";
import { addSupplement } from "@/lib/data/petitioner";
import { registerPetition } from "@/lib/data/register";
import type { StaffViewer } from "@/lib/domain/authority";
import { fileOnline, makeReferenceData, PERSON, staff, type ReferenceData } from "./factories";

const DAY = 24 * 60 * 60 * 1000;
const T0 = new Date("2026-04-01T02:00:00Z");
const ms = (d: Date, plus: number) => new Date(d.getTime() + plus);
const casePages = (no: string) => [`/zh-CN/cases/${no}`, `/en/cases/${no}`];
/** The home pages, and every page of the statistics and the report: the figures changed. */
const HOME = ["/zh-CN", "/en", "/zh-CN/stats", "/en/stats", "/zh-CN/report", "/en/report"];
/** The public case list and the unit scorecards, every page of them, in both languages: any change to a case. */
const LIST = ["/zh-CN/letters", "/en/letters", "/zh-CN/units", "/en/units"];

let ref: ReferenceData;
let bureau: StaffViewer;
let handler: StaffViewer;
/** Each drop, as the sink received it. */
let drops: string[][] = [];
/** Whether the recorder saw the change committed when it was called. */
let committedWhenDropped: boolean[] = [];
let watching: string | null = null;

beforeAll(async () => {
  ref = await makeReferenceData();
  bureau = await staff("handler", ref.bureau, { name: "cache-bureau" });
  handler = await staff("handler", ref.department, { name: "cache-dept" });
  setStalePagesSink(async (pages) => {
    drops.push(pages);
    // Read outside the writer's transaction: the change must be visible already.
    if (watching)
      committedWhenDropped.push((await db.petition.findUniqueOrThrow({ where: { id: watching } })).version > 1);
  });
});
beforeEach(() => {
  drops = [];
  committedWhenDropped = [];
  watching = null;
});
afterAll(() => {
  setStalePagesSink(null);
  resetClock();
});

/** 转送 by the bureau to the department, an hour after T0 (the case's first action). */
const routeToDepartment = (petitionId: string) =>
  routeCase(bureau, {
    petitionId,
    expectedVersion: 1,
    at: ms(T0, 3600_000),
    targetUnitId: ref.department.id,
    note: "",
  });

describe("dropping cached public pages", () => {
  it("a staff action drops the case's pages in both languages, once, after its commit", async () => {
    setClock(T0);
    const c = await fileOnline(ref, { receivedAt: T0 });
    watching = c.id;
    await routeToDepartment(c.id);
    // Routing moves the case to its handling unit: the statistics by unit change with it.
    expect(drops).toEqual([[...casePages(c.trackingNo), ...HOME, ...LIST]]);
    expect(committedWhenDropped).toEqual([true]);
  });

  it("an answer changes the home figures too; a refused action drops nothing", async () => {
    const c = await fileOnline(ref, { receivedAt: T0 });
    await routeToDepartment(c.id);
    await acceptCase(handler, { petitionId: c.id, expectedVersion: 2, at: ms(T0, DAY) });
    drops = [];
    // Someone else acted first (a stale version): refused, nothing written, nothing dropped.
    await expect(
      replyCase(handler, {
        petitionId: c.id,
        expectedVersion: 2,
        at: ms(T0, 2 * DAY),
        outcome: "SUPPORT",
        replyText: "已办理。",
      }),
    ).rejects.toThrow();
    expect(drops).toEqual([]);
    await replyCase(handler, {
      petitionId: c.id,
      expectedVersion: 3,
      at: ms(T0, 2 * DAY),
      outcome: "SUPPORT",
      replyText: "已办理。",
    });
    expect(drops).toEqual([[...casePages(c.trackingNo), ...HOME, ...LIST]]);
  });

  it("a petitioner's action drops the case's pages", async () => {
    const c = await fileOnline(ref, { receivedAt: T0 });
    await addSupplement(c.id, c.id, 1, "补充：路灯在三号楼东侧。", ms(T0, 3600_000));
    expect(drops).toEqual([[...casePages(c.trackingNo), ...LIST]]);
  });

  it("a registration at the bureau drops the new case's pages and the home figures", async () => {
    const r = await registerPetition(
      bureau,
      {
        channel: "LETTER",
        receivedAt: T0,
        categoryId: ref.categories.appeal.id,
        placeId: ref.township.id,
        title: "来信反映路灯损坏",
        content: "三号楼东侧路灯损坏已两周，夜间出行不便，请尽快修复。",
        address: PERSON.address,
        name: PERSON.name,
        consentPublic: false,
        personCount: 1,
        representatives: [],
      },
      ms(T0, 3600_000),
    );
    expect(drops).toEqual([[...casePages(r.trackingNo), ...HOME, ...LIST]]);
  });

  it("a deadline-job pass drops every case it changed and the home figures, in one drop at its end", async () => {
    const a = await fileOnline(ref, { receivedAt: T0 });
    const b = await fileOnline(ref, { receivedAt: T0 });
    const later = ms(T0, 40 * DAY); // past both cases' 15-day routing deadline (条例第22条)
    setClock(later);
    drops = [];
    await runDeadlinePass({ at: later });
    expect(drops).toHaveLength(1);
    for (const no of [a.trackingNo, b.trackingNo]) expect(drops[0]).toEqual(expect.arrayContaining(casePages(no)));
    // A pass that finds nothing new drops nothing.
    drops = [];
    await runDeadlinePass({ at: later });
    expect(drops).toEqual([]);
  });

  it("nested writes drop once, after the outermost; a write that throws drops nothing", async () => {
    const c = await fileOnline(ref, { receivedAt: T0 });
    await publishing(() =>
      addSupplement(c.id, c.id, 1, "补充一。", ms(T0, 60_000)).then(() =>
        addSupplement(c.id, c.id, 2, "补充二。", ms(T0, 120_000)),
      ),
    );
    expect(drops).toEqual([[...casePages(c.trackingNo), ...LIST]]);
    drops = [];
    await expect(
      publishing(() =>
        addSupplement(c.id, c.id, 3, "补充三。", ms(T0, 180_000)).then(() => Promise.reject(new Error("after"))),
      ),
    ).rejects.toThrow("after");
    expect(drops).toEqual([]);
  });
});

describe("sending stale pages under load (coalescing)", () => {
  /** A sender whose messages are answered when the test says, recording each. */
  function controlledSender() {
    const sent: { pages: string[]; answer: () => void; fail: () => void }[] = [];
    const send = (pages: string[]) =>
      new Promise<void>((resolve, reject) => {
        sent.push({ pages, answer: resolve, fail: () => reject(new Error("server down")) });
      });
    return { sent, send };
  }
  const settled = async (p: Promise<unknown>) => {
    let done = false;
    void p.then(
      () => (done = true),
      () => (done = true),
    );
    for (let i = 0; i < 5; i++) await Promise.resolve();
    return done;
  };

  it("sends at once when idle; gathers what comes meanwhile into one next message; each write waits for its own", async () => {
    const { sent, send } = controlledSender();
    const sink = coalescing(send);
    const a = sink(["/zh-CN", "/en"]);
    expect(sent.map((m) => m.pages)).toEqual([["/zh-CN", "/en"]]);
    const b = sink(["/zh-CN", "/en"]);
    const c = sink(["/zh-CN/cases/XF1", "/en/cases/XF1"]);
    expect(sent).toHaveLength(1); // b and c wait for the first answer
    sent[0]!.answer();
    await a;
    expect(await settled(b)).toBe(false); // their pages were not in the first message
    await Promise.resolve();
    await Promise.resolve();
    expect(sent.map((m) => m.pages)).toEqual([
      ["/zh-CN", "/en"],
      ["/zh-CN", "/en", "/zh-CN/cases/XF1", "/en/cases/XF1"],
    ]);
    expect(await settled(c)).toBe(false);
    sent[1]!.answer();
    await Promise.all([b, c]);
    // Idle again: the next write is sent at once.
    void sink(["/en"]);
    expect(sent).toHaveLength(3);
    sent[2]!.answer();
  });

  it("a failed message does not hold back the next", async () => {
    const { sent, send } = controlledSender();
    const sink = coalescing(send);
    const a = sink(["/zh-CN"]);
    const b = sink(["/en"]);
    sent[0]!.fail();
    await expect(a).rejects.toThrow("server down");
    for (let i = 0; i < 5 && sent.length < 2; i++) await Promise.resolve();
    expect(sent[1]!.pages).toEqual(["/en"]);
    sent[1]!.answer();
    await b;
  });
});
