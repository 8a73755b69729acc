// The open data's Open311 requests and reference lists (lib/data/open-data.ts) on the real database: which cases are
// listed (never an accusation), what a request shows (the summary only when published with consent), filters,
// pages, and no personal data anywhere.
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import {
  findServiceRequest,
  findServiceRequests,
  open311Services,
  openCategories,
  openUnits,
} from "@/lib/data/open-data";
import { withdrawPetition } from "@/lib/data/petitioner";
import type { RequestsQuery } from "@/lib/domain/open311";
import { fileOnline, makeReferenceData, PERSON, type ReferenceData } from "./factories";

const DAY = 24 * 60 * 60 * 1000;
const T0 = new Date("2026-05-01T02:00:00Z");
let ref: ReferenceData;
let codes: string[];
const filed: Record<string, { id: string; trackingNo: string }> = {};

beforeAll(async () => {
  ref = await makeReferenceData();
  codes = [ref.categories.appeal.code, ref.categories.accusation.code, ref.categories.legal.code];
  filed.oldest = await fileOnline(ref, { receivedAt: T0 });
  filed.published = await fileOnline(ref, { receivedAt: new Date(T0.getTime() + DAY) });
  filed.noConsent = await fileOnline(ref, { receivedAt: new Date(T0.getTime() + 2 * DAY), consentPublic: false });
  filed.accusation = await fileOnline(ref, {
    receivedAt: new Date(T0.getTime() + 3 * DAY),
    categoryId: ref.categories.accusation.id,
  });
  filed.withdrawn = await fileOnline(ref, { receivedAt: new Date(T0.getTime() + 4 * DAY) });
  await withdrawPetition(filed.withdrawn.id, filed.withdrawn.id, 1, "问题已自行解决", new Date(T0.getTime() + 5 * DAY));
  // Published: staff approved a redacted text. Without consent the same approval must show nothing.
  for (const c of [filed.published, filed.noConsent, filed.accusation])
    await db.petition.update({
      where: { id: c.id },
      data: { publishedAt: T0, publicTitle: "路灯问题", publicSummary: "群众反映路灯不亮，已转有关部门。" },
    });
});

const query = (over: Partial<RequestsQuery> = {}): RequestsQuery => ({
  start: new Date(T0.getTime() - DAY),
  end: new Date(T0.getTime() + 10 * DAY),
  status: null,
  serviceCodes: codes,
  page: 1,
  pageSize: 50,
  ...over,
});
const ids = (rows: { service_request_id: string }[]) => rows.map((r) => r.service_request_id);

describe("Open311 service requests", () => {
  it("lists the window's cases newest first, never an accusation", async () => {
    const rows = await findServiceRequests(query(), "zh-CN");
    expect(ids(rows)).toEqual(
      [filed.withdrawn, filed.noConsent, filed.published, filed.oldest].map((c) => c!.trackingNo),
    );
    expect(await findServiceRequest(filed.accusation!.trackingNo, "zh-CN")).toBeNull();
  });

  it("shows a summary only for a case published with consent; the state in both forms; the township", async () => {
    const [published] = [await findServiceRequest(filed.published!.trackingNo, "zh-CN")];
    expect(published).toMatchObject({
      status: "open",
      status_notes: "SUBMITTED · 待受理",
      service_code: ref.categories.appeal.code,
      description: "群众反映路灯不亮，已转有关部门。",
      agency_responsible: ref.bureau.name,
      address: ref.township.name,
      requested_datetime: new Date(T0.getTime() + DAY).toISOString(),
      lat: null,
      long: null,
    });
    expect(published!.expected_datetime).not.toBeNull();
    expect((await findServiceRequest(filed.noConsent!.trackingNo, "zh-CN"))!.description).toBeNull();
    expect((await findServiceRequest(filed.oldest!.trackingNo, "en"))!.status_notes).toBe(
      "SUBMITTED · Awaiting acceptance",
    );
    const withdrawn = await findServiceRequest(filed.withdrawn!.trackingNo, "zh-CN");
    expect(withdrawn).toMatchObject({ status: "closed", status_notes: "WITHDRAWN · 已撤回", expected_datetime: null });
    // Updated when its last public event happened: the withdrawal.
    expect(withdrawn!.updated_datetime).toBe(new Date(T0.getTime() + 5 * DAY).toISOString());
  });

  it("filters by status, service and window, a page at a time", async () => {
    expect(ids(await findServiceRequests(query({ status: "closed" }), "zh-CN"))).toEqual([filed.withdrawn!.trackingNo]);
    expect(ids(await findServiceRequests(query({ status: "open" }), "zh-CN"))).not.toContain(
      filed.withdrawn!.trackingNo,
    );
    expect(await findServiceRequests(query({ serviceCodes: [ref.categories.legal.code] }), "zh-CN")).toEqual([]);
    expect(await findServiceRequests(query({ serviceCodes: [ref.categories.accusation.code] }), "zh-CN")).toEqual([]);
    const window = query({ start: new Date(T0.getTime() + DAY / 2), end: new Date(T0.getTime() + 2.5 * DAY) });
    expect(ids(await findServiceRequests(window, "zh-CN"))).toEqual([
      filed.noConsent!.trackingNo,
      filed.published!.trackingNo,
    ]);
    const page2 = await findServiceRequests(query({ page: 2, pageSize: 3 }), "zh-CN");
    expect(ids(page2)).toEqual([filed.oldest!.trackingNo]);
  });

  it("never carries personal data or the letter's own words", async () => {
    const text = JSON.stringify([
      await findServiceRequests(query(), "zh-CN"),
      await findServiceRequests(query(), "en"),
      await open311Services(),
      await openUnits(),
      await openCategories(),
    ]);
    for (const secret of [...Object.values(PERSON), "路灯长期不亮", "东门到菜市场"])
      expect(text, secret).not.toContain(secret);
  });
});

describe("the reference lists", () => {
  it("give every unit with its parent's code, every category with its kind; services leave accusations out", async () => {
    const units = await openUnits();
    expect(units).toContainEqual(
      expect.objectContaining({ code: ref.township.code, kind: "TOWNSHIP", parent_code: ref.gov.code }),
    );
    const categories = await openCategories();
    expect(categories).toContainEqual({
      code: ref.categories.accusation.code,
      name: ref.categories.accusation.name,
      kind: "ACCUSATION",
    });
    const services = (await open311Services()).map((s) => s.service_code);
    expect(services).toContain(ref.categories.appeal.code);
    expect(services).not.toContain(ref.categories.accusation.code);
  });
});
