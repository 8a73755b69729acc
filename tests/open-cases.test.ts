// The public case list of the open data (lib/data/open-cases.ts) on the real database: the SQL "late" filter is
// wasLate (lib/domain/public-case-list.ts) case by case, on cases late and on time at every stage; accusations are
// counted, never listed; the filters select what they name; nothing personal is served.
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { findOpenCases } from "@/lib/data/open-cases";
import { withdrawPetition } from "@/lib/data/petitioner";
import { CASE_DATES } from "@/lib/data/public-cases";
import { wasLate, type CaseListFilters } from "@/lib/domain/public-case-list";
import type { StaffViewer } from "@/lib/domain/authority";
import {
  caseAt,
  fileOnline,
  makeReferenceData,
  onlinePetition,
  PERSON,
  staff,
  type CaseAtOptions,
  type CaseStage,
  type ReferenceData,
} from "./factories";

const DAY = 24 * 60 * 60 * 1000;
const T0 = new Date("2025-06-02T02:00:00Z"); // a Monday
const at = (days: number) => new Date(T0.getTime() + days * DAY);
const NOW = at(250);
let ref: ReferenceData;
let bureau: StaffViewer;
let handler: StaffViewer;
const no: Record<string, string> = {};

beforeAll(async () => {
  ref = await makeReferenceData();
  bureau = await staff("handler", ref.bureau);
  handler = await staff("handler", ref.department);
  const petition = (days: number, over = {}) => onlinePetition(ref, { receivedAt: at(days), ...over });
  const to = { unit: ref.department, handler };
  const moved = async (stage: CaseStage, days: number, when: CaseAtOptions["at"]) =>
    (await caseAt(stage, { petition: petition(days), bureau, to, at: when })).trackingNo;
  // On time at every step: routed, accepted and replied within days.
  no.onTime = await moved("replied", 0, { routed: at(1), accepted: at(2), replied: at(20) });
  // Accepted a month after it arrived: the acceptance deadline (15 days) missed.
  no.acceptedLate = await moved("accepted", 1, { routed: at(2), accepted: at(40) });
  // Never accepted: overdue now.
  no.overdue = await moved("routed", 2, { routed: at(3) });
  // Replied four months after acceptance: the handling deadline (60 days) missed.
  no.repliedLate = await moved("replied", 3, { routed: at(4), accepted: at(5), replied: at(130) });
  // Withdrawn while still at the bureau, before its routing deadline: the clock stopped, not late.
  const withdrawn = await fileOnline(ref, { receivedAt: at(4) });
  await withdrawPetition(withdrawn.id, withdrawn.id, 1, "问题已解决", at(5));
  no.withdrawn = withdrawn.trackingNo;
  // Never routed: the routing deadline (15 days) passed.
  no.unrouted = (await fileOnline(ref, { receivedAt: at(5) })).trackingNo;
  // Received in 2026, by letter, five days before "now": its routing deadline still runs — on time.
  no.letter2026 = (await fileOnline(ref, { receivedAt: at(245), channel: "LETTER" })).trackingNo;
  no.accusation = (await fileOnline(ref, { receivedAt: at(6), categoryId: ref.categories.accusation.id })).trackingNo;
});

const filters = (over: Partial<CaseListFilters> = {}): CaseListFilters => ({
  query: null,
  year: null,
  categoryCode: null,
  channel: null,
  townshipCode: ref.township.code, // this test's own cases: the township is made for it
  unitCode: null,
  state: null,
  timeliness: null,
  page: 1,
  pageSize: 500,
  after: null,
  ...over,
});
const numbers = async (over: Partial<CaseListFilters> = {}) =>
  (await findOpenCases(filters(over), NOW, "zh-CN")).cases.map((c) => c.tracking_no).sort();

describe("the public case list", () => {
  it("filters late and on time exactly as wasLate decides, case by case", async () => {
    const rows = await db.petition.findMany({
      where: { place: { code: ref.township.code }, category: { kind: { not: "ACCUSATION" } } },
      select: { trackingNo: true, ...CASE_DATES },
    });
    expect(rows.length).toBeGreaterThanOrEqual(7);
    const late = rows
      .filter((r) => wasLate(r, NOW))
      .map((r) => r.trackingNo)
      .sort();
    const onTime = rows
      .filter((r) => !wasLate(r, NOW))
      .map((r) => r.trackingNo)
      .sort();
    expect(late).toEqual([no.acceptedLate, no.overdue, no.repliedLate, no.unrouted].sort());
    expect(await numbers({ timeliness: "late" })).toEqual(late);
    expect(await numbers({ timeliness: "onTime" })).toEqual(onTime);
    expect(onTime).toEqual(expect.arrayContaining([no.onTime, no.withdrawn, no.letter2026]));
    // The column (lateFrom, kept by every change) decides as wasLate does at NOW and later, as the open deadlines
    // pass with nothing more happening (a month on, a year on). Before NOW is no test: what happened by then differs.
    for (const at of [0, 1, 30, 365].map((days) => new Date(NOW.getTime() + days * 86_400_000))) {
      const expected = rows
        .filter((r) => wasLate(r, at))
        .map((r) => r.trackingNo)
        .sort();
      const listed = (await findOpenCases(filters({ timeliness: "late" }), at, "zh-CN")).cases.map(
        (c) => c.tracking_no,
      );
      expect(listed.sort(), at.toISOString()).toEqual(expected);
    }
  });

  it("pages by keyset (after) through the same cases in the same order as by page number", async () => {
    const all = await numbers(); // sorted: the list's own order is checked below
    const byPage: string[] = [];
    for (let page = 1; ; page++) {
      const list = await findOpenCases(filters({ pageSize: 2, page }), NOW, "zh-CN");
      byPage.push(...list.cases.map((c) => c.tracking_no));
      if (list.cases.length < 2) break;
    }
    const byKeyset: string[] = [];
    let after: string | null = null;
    for (;;) {
      const list = await findOpenCases(filters({ pageSize: 2, after }), NOW, "zh-CN");
      byKeyset.push(...list.cases.map((c) => c.tracking_no));
      // Counted on the first page only.
      if (after === null) expect(list.total).toBe(all.length);
      else expect(list).toMatchObject({ total: null, accusations: null });
      if (list.next_after === null) break;
      expect(list.next_after).toBe(list.cases.at(-1)!.tracking_no);
      after = list.next_after;
    }
    expect(byKeyset).toEqual(byPage);
    expect([...byKeyset].sort()).toEqual(all);
    expect(byKeyset.length).toBeGreaterThan(4);
    // An unknown number: nothing after it.
    expect((await findOpenCases(filters({ after: "XF2099999999" }), NOW, "zh-CN")).cases).toEqual([]);
  });

  it("lists no accusation, and counts the ones the filters select", async () => {
    const list = await findOpenCases(filters(), NOW, "zh-CN");
    expect(list.cases.map((c) => c.tracking_no)).not.toContain(no.accusation);
    expect(list.accusations).toBe(1);
    expect(list.total).toBe(list.cases.length);
    const byCategory = await findOpenCases(filters({ categoryCode: ref.categories.accusation.code }), NOW, "zh-CN");
    expect(byCategory).toMatchObject({ total: 0, accusations: 1, cases: [] });
  });

  it("filters by year, channel, unit and state, newest first, a page at a time", async () => {
    expect(await numbers({ year: 2025, channel: "LETTER" })).toEqual([]);
    expect(await numbers({ channel: "LETTER" })).toEqual([no.letter2026]);
    expect(await numbers({ year: 2026 })).toEqual([no.letter2026]);
    expect(await numbers({ unitCode: ref.department.code, state: "ACCEPTED" })).toEqual([no.acceptedLate]);
    const first = await findOpenCases(filters({ pageSize: 2 }), NOW, "en");
    expect(first.cases.map((c) => c.tracking_no)).toEqual([no.letter2026, no.unrouted]);
    expect(first.cases[0]).toMatchObject({
      channel: "LETTER",
      channel_name: "Letter",
      state_name: "Awaiting acceptance",
      on_time: true,
    });
    const second = await findOpenCases(filters({ pageSize: 2, page: 2 }), NOW, "en");
    expect(second.cases.map((c) => c.tracking_no)).toEqual([no.withdrawn, no.repliedLate]);
  });

  it("serves nothing personal and no title unless published with consent", async () => {
    const text = JSON.stringify(await findOpenCases(filters(), NOW, "zh-CN"));
    for (const secret of [...Object.values(PERSON), "路灯长期不亮", "东门到菜市场"])
      expect(text, secret).not.toContain(secret);
    expect(JSON.parse(text).cases.every((c: { public_title: unknown }) => c.public_title === null)).toBe(true);
  });
});

describe("the public case list's search", () => {
  it("finds a published title whatever the case of its Latin letters, on either database", async () => {
    // Last in this file: the other tests see none of this township's titles published.
    const [upper, lower] = [await fileOnline(ref, { receivedAt: at(7) }), await fileOnline(ref, { receivedAt: at(8) })];
    for (const [c, publicTitle] of [
      [upper, "更换 LED 路灯"],
      [lower, "led 路灯闪烁"],
    ] as const)
      await db.petition.update({
        where: { id: c.id },
        data: { consentPublic: true, publishedAt: at(9), publicTitle },
      });
    const both = [upper.trackingNo, lower.trackingNo].sort();
    expect(await numbers({ query: "led" })).toEqual(both);
    expect(await numbers({ query: "LED" })).toEqual(both);
    expect(await numbers({ query: "Led 路灯闪" })).toEqual([lower.trackingNo]);
    expect(await numbers({ query: "LEDS" })).toEqual([]);
  });
});
