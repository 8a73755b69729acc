// Filing and 登记 that a flood cannot drown, against the real database: the budgets per client address
// (stricter without a solved proof-of-work challenge), per mobile number and per staff account, each refusal
// with its message, a retry time and what was typed — and nothing written. Plus: a solved challenge buys one
// filing only; a malformed lookup makes no rate-limit row; prune removes ended windows only; demo numbers
// (XFD…) never consume the real counter; every action refuses what is not a well-formed form.
import { randomInt, randomUUID } from "node:crypto";
import { afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { solveChallenge } from "altcha-lib";
import { deriveKey } from "altcha-lib/algorithms/pbkdf2";
import { db } from "@/lib/db";
import { resetClock, setClock } from "@/lib/clock";
import { civilYear } from "@/lib/domain/civil-date";
import { FILING_BUDGETS, FILING_CHALLENGE_TTL_MS, REGISTRATION_BUDGETS } from "@/lib/domain/filing-limits";
import { parseTrackingNo, trackingCounterName } from "@/lib/domain/tracking";
import { createFilingChallenge, redeemFilingChallenge } from "@/lib/data/filing-challenge";
import { pruneOccasionally, PRUNE_EVERY_MS, takeFilingBudget, takeRegistrationBudget } from "@/lib/data/filing-limits";
import { hitRateLimit } from "@/lib/data/rate-limit";
import { lookUpCase } from "@/lib/data/tracking";
import { setTrackingCounters, type SeedDb } from "@/prisma/seed/insert";
import { generateCases } from "@/prisma/seed/petitions";
import { buildDemoCases } from "@/prisma/seed/demo-cases";
import { buildCalendar } from "@/lib/domain/deadlines";
import { HOLIDAYS } from "@/prisma/seed/holidays";
import { Random } from "@/prisma/seed/random";
import type { FormState } from "@/lib/actions/form-state";
import { translator } from "@/lib/i18n";
import { fileOnline, makeReferenceData, PERSON } from "./factories";

// The actions read the request's headers (the client address) and the signed-in viewer; a test process has
// neither, so the peer address and the viewer are whatever the test says. The database is real.
const request = vi.hoisted(() => ({ peer: "192.0.2.1", viewer: null as null | Record<string, unknown> }));
vi.mock("next/headers", () => ({
  headers: async () => new Headers({ "x-sunshine-peer": request.peer, "x-forwarded-for": "6.6.6.6" }),
}));
vi.mock("next/cache", () => ({ revalidatePath: () => undefined }));
vi.mock("next/navigation", () => ({
  redirect: (to: string) => {
    throw Object.assign(new Error("redirect"), { redirectTo: to });
  },
}));
vi.mock("@/lib/auth/viewer", () => ({
  getViewer: async () => request.viewer,
  requireViewer: async () => request.viewer,
}));
const { submitPetition } = await import("@/lib/actions/submit-petition");
const { trackCase } = await import("@/lib/actions/track-case");
const { registerPetition } = await import("@/lib/actions/register-petition");

const AT = new Date("2031-05-06T02:00:00Z"); // 10:00 in Shanghai
let ref: Awaited<ReturnType<typeof makeReferenceData>>;
beforeAll(async () => {
  ref = await makeReferenceData();
});
afterEach(() => resetClock());

const newAddress = () => `198.51.${randomInt(256)}.${randomInt(256)}-${randomUUID().slice(0, 6)}`;
const newPhone = () => `139${String(randomInt(100_000_000)).padStart(8, "0")}`;

function letterForm(over: Record<string, string> = {}): FormData {
  const f = new FormData();
  const fields: Record<string, string> = {
    categoryId: ref.categories.appeal.id,
    title: "小区路灯长期不亮",
    content: "小区东门到菜市场一段路灯已经坏了三个月，晚上出行很不安全，请有关部门尽快维修。",
    placeId: ref.township.id,
    address: PERSON.address,
    name: PERSON.name,
    phone: newPhone(),
    ...over,
  };
  for (const [k, v] of Object.entries(fields)) f.append(k, v);
  return f;
}

async function file(form: FormData, peer: string, at = AT) {
  request.peer = peer;
  setClock(at);
  return submitPetition({ status: "idle" }, form);
}

const IDLE: FormState<never> = { status: "idle" };
const petitionCount = () => db.petition.count();

async function solvedPayload(at: Date): Promise<string> {
  const challenge = await createFilingChallenge(at);
  const solution = await solveChallenge({ challenge, deriveKey });
  return Buffer.from(JSON.stringify({ challenge, solution })).toString("base64");
}

describe("online filing budget per client address", () => {
  it("without a solved challenge: 3 an hour, then refused with the reason, a retry time, what was typed — and nothing written", async () => {
    const address = newAddress();
    for (let i = 0; i < FILING_BUDGETS.addressWithoutChallenge.limit; i++) {
      expect((await file(letterForm(), address)).status, `filing ${i + 1}`).toBe("done");
    }
    const before = await petitionCount();
    const form = letterForm({ title: "第四封信的标题" });
    const refused = await file(form, address, new Date(AT.getTime() + 5 * 60_000));
    expect(refused).toMatchObject({
      status: "error",
      message: { key: "filingLimit.addressWithoutChallenge", params: { limit: 3, minutes: 55, time: "11:00" } },
      values: { title: "第四封信的标题", phone: form.get("phone") },
    });
    expect(await petitionCount()).toBe(before);
    if (refused.status !== "error") return;
    expect(translator("zh-CN")(refused.message.key, refused.message.params)).toContain("请于 11:00 后再试");
    expect(translator("en")(refused.message.key, refused.message.params)).toContain("in about 55 minutes");
    // Another address is not affected; the same address may file again when the window has ended.
    expect((await file(letterForm(), newAddress())).status).toBe("done");
    expect((await file(letterForm(), address, new Date(AT.getTime() + 3600_000))).status).toBe("done");
  });

  it("the client's own X-Forwarded-For changes nothing: the peer address counts (TRUST_PROXY_HOPS unset)", async () => {
    // The mocked request always claims X-Forwarded-For 6.6.6.6; were it used, all tests would share a counter.
    const address = newAddress();
    for (let i = 0; i < 3; i++) await file(letterForm(), address);
    expect((await file(letterForm(), address)).status).toBe("error");
    expect((await file(letterForm(), newAddress())).status).toBe("done");
  });

  it("with a solved challenge the normal budget applies: a flood is refused after 20 an hour", async () => {
    const address = newAddress();
    const results = [];
    for (let i = 0; i < FILING_BUDGETS.address.limit + 5; i++) {
      results.push(await takeFilingBudget({ address, phone: newPhone(), solvedChallenge: true, at: AT }));
    }
    expect(results.slice(0, 20).every((r) => r.allowed)).toBe(true);
    expect(results.slice(20)).toEqual(Array(5).fill({ allowed: false, reason: "address", retryAfterMs: 3600_000 }));
  });

  it("a solved challenge lifts the stricter budget, once: the same payload again counts as no challenge", async () => {
    const address = newAddress();
    for (let i = 0; i < 3; i++) await file(letterForm(), address);
    expect((await file(letterForm(), address)).status).toBe("error"); // the stricter budget is spent
    const payload = await solvedPayload(AT);
    const proven = letterForm();
    proven.append("altcha", payload);
    expect((await file(proven, address)).status).toBe("done");
    const replay = letterForm();
    replay.append("altcha", payload);
    expect(await file(replay, address)).toMatchObject({
      status: "error",
      message: { key: "filingLimit.addressWithoutChallenge" },
    });
  });
});

describe("the proof-of-work challenge", () => {
  it("is redeemed once; a forged, tampered, expired or garbage payload is no challenge", async () => {
    const payload = await solvedPayload(AT);
    expect(await redeemFilingChallenge(payload, AT)).toBe(true);
    expect(await redeemFilingChallenge(payload, AT)).toBe(false);

    const fresh = await solvedPayload(AT);
    const decoded = JSON.parse(Buffer.from(fresh, "base64").toString());
    const tampered = {
      ...decoded,
      challenge: { ...decoded.challenge, parameters: { ...decoded.challenge.parameters, cost: 1 } },
    };
    expect(await redeemFilingChallenge(Buffer.from(JSON.stringify(tampered)).toString("base64"), AT)).toBe(false);
    const wrongSolution = { ...decoded, solution: { ...decoded.solution, derivedKey: "00".repeat(32) } };
    expect(await redeemFilingChallenge(Buffer.from(JSON.stringify(wrongSolution)).toString("base64"), AT)).toBe(false);
    expect(await redeemFilingChallenge(fresh, new Date(AT.getTime() + FILING_CHALLENGE_TTL_MS + 1000))).toBe(false);
    for (const junk of [undefined, "", "not base64 !", Buffer.from("{}").toString("base64"), "x".repeat(10_000)]) {
      expect(await redeemFilingChallenge(junk, AT)).toBe(false);
    }
    // The genuine one, in time, still works: the refusals above did not spend it.
    expect(await redeemFilingChallenge(fresh, AT)).toBe(true);
  }, 60_000);
});

describe("online filing budget per mobile number", () => {
  it("5 a day whatever the address, then refused with the reason and a retry time", async () => {
    const phone = newPhone();
    for (let i = 0; i < FILING_BUDGETS.phone.limit; i++) {
      expect((await file(letterForm({ phone }), newAddress())).status, `filing ${i + 1}`).toBe("done");
    }
    const before = await petitionCount();
    const refused = await file(letterForm({ phone: phone.replace(/^(\d{3})(\d{4})/, "$1 $2 ") }), newAddress());
    expect(refused).toMatchObject({
      status: "error",
      message: { key: "filingLimit.phone", params: { limit: 5, minutes: 24 * 60 } },
    });
    expect(await petitionCount()).toBe(before);
    if (refused.status === "error") expect(refused.message.params?.time).toBe("2031-05-07 10:00"); // tomorrow: with the date
  });
});

describe("登记 budget per staff account", () => {
  it("refuses a runaway account after its budget with the reason and a retry time, writing nothing; other accounts go on", async () => {
    const spent = `staff-${randomUUID()}`;
    for (let i = 0; i < REGISTRATION_BUDGETS.hour.limit; i++)
      expect((await takeRegistrationBudget(spent, AT)).allowed).toBe(true);
    expect(await takeRegistrationBudget(spent, AT)).toMatchObject({ allowed: false, reason: "registration" });
    expect((await takeRegistrationBudget(`staff-${randomUUID()}`, AT)).allowed).toBe(true);

    // Through the action: a bureau handler whose budget is spent.
    request.viewer = {
      userId: spent,
      role: "handler",
      unit: { id: ref.bureau.id, path: ref.bureau.path, kind: "BUREAU" },
      username: "x",
      displayName: "x",
      unitName: "x",
    };
    setClock(AT);
    const f = new FormData();
    for (const [k, v] of Object.entries({
      channel: "LETTER",
      receivedAt: "2031-05-06T09:30",
      categoryId: ref.categories.appeal.id,
      title: "村道损坏无人修",
      content: "村口到镇上的道路去年汛期被冲坏，至今没有修复，村民出行困难。",
      placeId: ref.township.id,
      address: PERSON.address,
      name: PERSON.name,
      personCount: "1",
    }))
      f.append(k, v);
    const before = await petitionCount();
    const refused = await registerPetition(IDLE, f);
    expect(refused).toMatchObject({
      status: "error",
      message: { key: "filingLimit.registration", params: { time: "11:00", minutes: 60 } },
      values: { title: "村道损坏无人修" },
    });
    expect(await petitionCount()).toBe(before);
    request.viewer = null;
  });
});

describe("tracking lookups", () => {
  it("a malformed number or code is refused before any rate-limit row is written", async () => {
    const before = await db.rateLimit.count();
    for (const [trackingNo, queryCode] of [
      ["abc", "2222-2222-2222"],
      ["XF2026000000", "2222-2222-2222"],
      [`XF2099${randomInt(100000, 999999)}`, "x"],
      ["x".repeat(40), "y".repeat(40)],
    ] as const) {
      expect(await lookUpCase({ trackingNo, queryCode, clientKey: newAddress(), at: AT })).toEqual({
        ok: false,
        reason: "wrongPair",
      });
    }
    request.peer = newAddress();
    const f = new FormData();
    f.append("trackingNo", "not-a-number");
    f.append("queryCode", "2222-2222-2222");
    expect(await trackCase(IDLE, f)).toMatchObject({ status: "error", message: { key: "track.wrongPair" } });
    expect(await db.rateLimit.count()).toBe(before);
    // A well-formed one is counted (per address and per number).
    await lookUpCase({
      trackingNo: `XF2099${randomInt(100000, 999999)}`,
      queryCode: "2222-2222-2222",
      clientKey: newAddress(),
      at: AT,
    });
    expect(await db.rateLimit.count()).toBe(before + 2);
  });
});

describe("pruning rate-limit rows", () => {
  it("removes ended windows only, and runs on the way of counted requests at most every 10 minutes", async () => {
    const at = new Date("2095-01-01T00:00:00Z");
    const ended = `prune-ended-${randomUUID()}`;
    const running = `prune-running-${randomUUID()}`;
    await hitRateLimit(ended, 5, 60_000, new Date(at.getTime() - 120_000)); // ended a minute before `at`
    await hitRateLimit(running, 5, 60_000, at); // ends a minute after
    expect(await pruneOccasionally(at)).toBe(true);
    const rows = await db.rateLimit.findMany({ where: { windowEndsAt: { gte: new Date(at.getTime() - 120_000) } } });
    expect(rows.map((r) => r.windowEndsAt.getTime())).toEqual([at.getTime() + 60_000]);
    // Not again within 10 minutes; again after.
    await hitRateLimit(`prune-2-${randomUUID()}`, 5, 1000, at);
    expect(await pruneOccasionally(new Date(at.getTime() + 5000))).toBe(false);
    expect(await db.rateLimit.count({ where: { windowEndsAt: new Date(at.getTime() + 1000) } })).toBe(1);
    expect(await pruneOccasionally(new Date(at.getTime() + PRUNE_EVERY_MS))).toBe(true);
    expect(await db.rateLimit.count({ where: { windowEndsAt: new Date(at.getTime() + 1000) } })).toBe(0);
  });
});

describe("demo numbers", () => {
  it("never consume the real counter: seeded and generated cases are XFD…, the first real filing is XF<year>000001", async () => {
    const year = 2093;
    const receivedAt = new Date(`${year}-03-02T02:00:00Z`);
    const realCounter = () => db.counter.findUnique({ where: { name: trackingCounterName(year) } });
    // The seed's history and well-known cases, built as prisma/seed.ts builds them.
    const now = new Date(`${year}-06-01T02:00:00Z`);
    const ctx = {
      now,
      cal: buildCalendar(HOLIDAYS),
      rnd: new Random("filing-limits-test"),
      secret: "test-secret-0123456789abcdef",
    };
    const { cases, lastSequence } = generateCases(ctx, 40);
    for (const c of [...cases, ...buildDemoCases(ctx)])
      expect(parseTrackingNo(c.petition.trackingNo)?.demo, c.petition.trackingNo).toBe(true);
    await setTrackingCounters(db as unknown as SeedDb, lastSequence); // the app's client (with `omit`) as the seed's
    expect(await realCounter()).toBeNull();
    // Later generated cases (tests' createTestCase) continue the demo counter, after the history.
    expect((await db.counter.findUnique({ where: { name: trackingCounterName(year, true) } }))?.value).toBe(
      lastSequence.get(year),
    );

    const real = await fileOnline(ref, { consentPublic: false, receivedAt });
    expect(civilYear(receivedAt)).toBe(year);
    expect(real.trackingNo).toBe(`XF${year}000001`);
    expect((await realCounter())?.value).toBe(1);
  });
});

describe("action input", () => {
  it("every action refuses what is not a form, and text that is not well-formed, before reading or writing anything", async () => {
    const before = { petitions: await petitionCount(), limits: await db.rateLimit.count() };
    const notForms: unknown[] = [{ title: "x" }, [["title", "x"]], "title=x", null, 42];
    for (const value of notForms) {
      expect(await submitPetition({ status: "idle" }, value as FormData)).toMatchObject({
        status: "error",
        message: { key: "formInput.notAForm" },
      });
      expect(await trackCase(IDLE, value as FormData)).toMatchObject({
        status: "error",
        message: { key: "formInput.notAForm" },
      });
      expect(await registerPetition({ status: "idle" }, value as FormData)).toMatchObject({
        status: "error",
        message: { key: "formInput.notAForm" },
      });
    }
    const broken = letterForm({
      content: "小区东门到菜市场一段路灯已经坏了三个月，晚上出行很不安全\uD800，请有关部门尽快维修。",
    });
    expect(await file(broken, newAddress())).toMatchObject({
      status: "error",
      message: { key: "formInput.malformedText" },
    });
    expect(await file(letterForm({ name: "测试\uFFFD" }), newAddress())).toMatchObject({
      status: "error",
      message: { key: "formInput.malformedText" },
    });
    expect({ petitions: await petitionCount(), limits: await db.rateLimit.count() }).toEqual(before);
  });
});
