// The authorisation matrix, end to end: every action of the staff case page × every role × a case of the
// viewer's own unit / another unit / anonymous — through the UI, and directly (the server action invoked
// without the page). Each is allowed, or refused with nothing written. Forged ids in the form too.
//
// The expectations are written out by hand below, from the rules (spec §2–3, lib/domain/authority.ts's
// comments), not computed with the app's functions: a bug there must not move the expectation with it.
//
// "Directly" = a real request captured from the allowed user's form (and aborted: nothing written), then
// sent again from other sessions with their own cookies. A positive control proves that such a replay does
// act when the sender is allowed, so the refusals are not an artefact of a broken replay.
//
// The e2e database is shared by all spec files: the cases used here are this spec's own — each filed through
// /file and moved on through the UI as a person would, never looked up in the seed — and nothing is written on
// them after that except the one positive-control note.
import type { Browser, BrowserContext, Page } from "@playwright/test";
import { peopleOf } from "./support/people";
import { expect, signIn, test } from "./support/staff";
import { waitForHydration } from "./support/petition";
import { actionForm, caseEvents, caseSnapshot, submitAction } from "./support/staff-case";
import { withDb } from "./support/db";
import {
  captureSubmission,
  capturedField,
  fileCaseThroughUi,
  replay,
  type CapturedAction,
  type CaseNeed,
  type PickedCase,
  type ReplayAnswer,
} from "./support/authorization";

test.describe.configure({ mode: "serial" });

// ---------------------------------------------------------------------------------------------------------
// Who and what

const USERS = ["bureau1", "zjj1", "cgz1", "super1", "super2", "admin"] as const;
type User = (typeof USERS)[number];
type Viewer = User | "anonymous";
const VIEWERS: readonly Viewer[] = [...USERS, "anonymous"];

/** The cases: at the bureau, three at 住建局 in successive states, and one at 城关镇 (another unit, another subtree). */
const NEEDS = {
  bureauSubmitted: { unit: "u-bureau", state: "SUBMITTED", notLegal: true },
  zjjSubmitted: { unit: "u-zjj", state: "SUBMITTED" },
  zjjAccepted: { unit: "u-zjj", state: "ACCEPTED" },
  zjjReplied: { unit: "u-zjj", state: "REPLIED", consentNonAccusation: true },
  cgzAccepted: { unit: "u-cgz", state: "ACCEPTED" },
} as const satisfies Record<string, CaseNeed>;
type CaseKey = keyof typeof NEEDS;
const CASE_KEYS = Object.keys(NEEDS) as CaseKey[];

/** What a viewer gets on a case page: the action forms shown, or where it was sent instead. */
type Outcome = string[] | "404" | "sign-in" | "admin";

// 关联重复信访 (linkRepeat) is offered at the first instance (待受理, 办理中) until the case is linked.
const BUREAU_SUBMITTED = ["route", "notAccept", "assign", "internalNote", "publicNote", "requestInfo", "linkRepeat"];
const UNIT_SUBMITTED = [
  "accept",
  "return",
  "notAccept",
  "assign",
  "internalNote",
  "publicNote",
  "requestInfo",
  "linkRepeat",
];
const ACCEPTED_SUPERVISOR = ["assign", "reply", "internalNote", "publicNote", "requestInfo", "linkRepeat"];
const ACCEPTED_HANDLER = [...ACCEPTED_SUPERVISOR, "requestExtension"]; // 申请延期 is the handler's alone
const REPLIED = ["publish", "internalNote"];
/** The supervisor's own forms on an open case in its subtree: 督办 and 领导包案 (no order or request waits here). */
const SUPERVISOR_TOOLS = ["supervise", "takeCharge"];

/**
 * The matrix, by hand. A handler acts on its own unit's cases; a supervisor on its unit's subtree (super1
 * at the county government: everything; super2 at 城关镇: 城关镇 only); only the bureau routes, only a
 * receiving unit accepts or returns; an admin handles no case and is sent to its own page; out of scope a
 * case "does not exist" (404); signed out, the sign-in page.
 */
const EXPECTED: Record<Viewer, Record<CaseKey, Outcome>> = {
  bureau1: {
    bureauSubmitted: BUREAU_SUBMITTED,
    zjjSubmitted: "404",
    zjjAccepted: "404",
    zjjReplied: "404",
    cgzAccepted: "404",
  },
  zjj1: {
    bureauSubmitted: "404",
    zjjSubmitted: UNIT_SUBMITTED,
    zjjAccepted: ACCEPTED_HANDLER,
    zjjReplied: REPLIED,
    cgzAccepted: "404",
  },
  cgz1: {
    bureauSubmitted: "404",
    zjjSubmitted: "404",
    zjjAccepted: "404",
    zjjReplied: "404",
    cgzAccepted: ACCEPTED_HANDLER,
  },
  super1: {
    bureauSubmitted: [...BUREAU_SUBMITTED, ...SUPERVISOR_TOOLS],
    zjjSubmitted: [...UNIT_SUBMITTED, ...SUPERVISOR_TOOLS],
    zjjAccepted: [...ACCEPTED_SUPERVISOR, ...SUPERVISOR_TOOLS],
    zjjReplied: REPLIED,
    cgzAccepted: [...ACCEPTED_SUPERVISOR, ...SUPERVISOR_TOOLS],
  },
  super2: {
    bureauSubmitted: "404",
    zjjSubmitted: "404",
    zjjAccepted: "404",
    zjjReplied: "404",
    cgzAccepted: [...ACCEPTED_SUPERVISOR, ...SUPERVISOR_TOOLS],
  },
  admin: {
    bureauSubmitted: "admin",
    zjjSubmitted: "admin",
    zjjAccepted: "admin",
    zjjReplied: "admin",
    cgzAccepted: "admin",
  },
  anonymous: {
    bureauSubmitted: "sign-in",
    zjjSubmitted: "sign-in",
    zjjAccepted: "sign-in",
    zjjReplied: "sign-in",
    cgzAccepted: "sign-in",
  },
};

/** The allowed user whose forms are captured on each case (the 城关镇 case is only a target for forgeries). */
const CAPTURED_BY: Partial<Record<CaseKey, User>> = {
  bureauSubmitted: "bureau1",
  zjjSubmitted: "zjj1",
  zjjAccepted: "zjj1",
  zjjReplied: "zjj1",
};

/**
 * Who replays each captured request: a handler of another unit (zjj1 on the bureau's case, bureau1 on
 * 住建局's; cgz1 on all), the supervisor of another subtree, the admin, and anonymous — without cookies (the
 * proxy answers), and with a forged session cookie that gets past the proxy (which does not verify it), so
 * the action itself has to refuse.
 */
type Replayer = "otherHandler" | "cgz1" | "super2" | "admin" | "anonymous" | "forgedCookie";
const REPLAYERS: readonly Replayer[] = ["otherHandler", "cgz1", "super2", "admin", "anonymous", "forgedCookie"];

// What the app answers. A refused action returns its FormState with the message key that the form shows as
// "无权进行此操作。"; anonymous requests never reach it: the proxy redirects them to sign-in.
const FORBIDDEN = "errors.forbidden";
const FORBIDDEN_TEXT = "无权进行此操作。";
const RULES = {
  unknownUnit: "所选承办单位不存在，请重新选择。",
  wrongKind: "涉法涉诉事项只能转送政法机关；其他事项不能转送政法机关。",
  sameUnit: "不能转送给信访事项当前所在的单位。",
  notInUnit: "只能分派给本单位在岗的经办人。",
};
const NOT_FOUND_HEADING = "没有找到此信访事项";

// ---------------------------------------------------------------------------------------------------------
// Sessions: one browser context per user, signed in once, each with its own client address (10.55.0.0/16,
// apart from other spec files: sign-in is rate-limited per address).

const sessions = {} as Record<Viewer, { context: BrowserContext; page: Page }>;
let forgedCookie: BrowserContext;
let cases: Record<CaseKey, PickedCase>;
const people = peopleOf(55);
const newContext = (browser: Browser, baseURL: string | undefined, workerIndex: number) =>
  people.context(browser, baseURL, workerIndex);

const caseUrl = (key: CaseKey) => `/staff/cases/${cases[key].id}`;

test.beforeAll(async ({ browser, baseURL }, testInfo) => {
  test.setTimeout(240_000); // six sign-ins, then five letters filed (each with its proof of work) and moved on
  await Promise.all(
    VIEWERS.map(async (who) => {
      const context = await newContext(browser, baseURL, testInfo.workerIndex);
      const page = await context.newPage();
      if (who !== "anonymous") await signIn(page, who);
      sessions[who] = { context, page };
    }),
  );
  forgedCookie = await newContext(browser, baseURL, testInfo.workerIndex);
  await forgedCookie.addCookies([{ name: "next-auth.session-token", value: "forged-session-token", url: baseURL! }]);

  const picked: Partial<Record<CaseKey, PickedCase>> = {};
  for (const key of CASE_KEYS) {
    const need: CaseNeed = NEEDS[key];
    picked[key] = await fileCaseThroughUi(need, {
      citizen: sessions.anonymous.page,
      bureau: sessions.bureau1.page,
      unit: async () => (need.unit === "u-cgz" ? sessions.cgz1.page : sessions.zjj1.page),
    });
  }
  cases = picked as Record<CaseKey, PickedCase>;
});

test.afterAll(() => people.closeAll());

// ---------------------------------------------------------------------------------------------------------
// Through the UI

async function outcomeOf(page: Page, key: CaseKey): Promise<Outcome> {
  const c = cases[key];
  // The page as the server renders it (the forms are server-rendered): no need to wait for its scripts.
  const response = await page.goto(caseUrl(key), { waitUntil: "domcontentloaded" });
  const { pathname, search } = new URL(page.url());
  if (pathname === "/staff/login") {
    expect(search, "back to the case after signing in").toBe(`?${new URLSearchParams({ callbackUrl: caseUrl(key) })}`);
    return "sign-in";
  }
  // Wherever the case is not shown, nothing of it is: not its title, not the petitioner's name, no form.
  const nothingOfIt = async () => {
    const main = await page.locator("main").innerText();
    expect(main).not.toContain(c.title);
    expect(main).not.toContain(c.petitionerName);
    await expect(page.locator('section[data-testid^="action-"]')).toHaveCount(0);
  };
  if (pathname === "/staff/admin") {
    await expect(page.getByRole("heading", { level: 1, name: "系统管理" })).toBeVisible();
    await nothingOfIt();
    return "admin";
  }
  expect(pathname).toBe(caseUrl(key));
  if (response?.status() === 404) {
    await expect(page.getByRole("heading", { level: 1, name: NOT_FOUND_HEADING })).toBeVisible();
    await nothingOfIt();
    return "404";
  }
  expect(response?.status()).toBe(200);
  await expect(page.getByTestId("case-title")).toHaveText(c.title);
  const forms = await page
    .locator('section[data-testid^="action-"]')
    .evaluateAll((els) => els.map((el) => el.getAttribute("data-testid")!.slice("action-".length)));
  return forms.sort();
}

const sorted = (o: Outcome): Outcome => (Array.isArray(o) ? [...o].sort() : o);

test("through the UI: each role sees exactly the action forms the rules allow; out of scope 404, admin to its page, anonymous to sign-in", async () => {
  test.setTimeout(120_000); // 35 page checks; on a loaded 2-core machine the default 30 s is too tight
  // One page per viewer, the viewers side by side; the whole matrix is compared at once.
  const seen = Object.fromEntries(
    await Promise.all(
      VIEWERS.map(async (who) => {
        const row = {} as Record<CaseKey, Outcome>;
        for (const key of CASE_KEYS) row[key] = await outcomeOf(sessions[who].page, key);
        return [who, row] as const;
      }),
    ),
  );
  const expected = Object.fromEntries(
    VIEWERS.map((who) => [who, Object.fromEntries(CASE_KEYS.map((k) => [k, sorted(EXPECTED[who][k])]))]),
  );
  expect(seen).toEqual(expected);
});

/** Submits a form through the UI that the server must refuse: its message, and nothing written on the cases. */
async function expectRefusedInUi(
  page: Page,
  form: ReturnType<typeof actionForm>,
  button: string,
  message: string,
  untouched: CaseKey[],
) {
  const before = untouched.map((k) => caseSnapshot(cases[k].trackingNo));
  await submitAction(page, form, button);
  await expect(form.getByRole("alert")).toHaveText(message);
  expect(untouched.map((k) => caseSnapshot(cases[k].trackingNo))).toEqual(before);
}

/** Changes the chosen option's value in the page (as a forger would), so the form posts `value`. */
async function forgeSelect(form: ReturnType<typeof actionForm>, name: string, value: string) {
  await form.locator(`select[name=${name}]`).evaluate((select: HTMLSelectElement, v) => {
    const option = select.options[1]!;
    option.value = v;
    select.value = v;
  }, value);
}

test("through the UI: forged ids in the form are refused with the rule's message, nothing written", async () => {
  test.setTimeout(120_000); // 35 page checks; on a loaded 2-core machine the default 30 s is too tight
  const bureau = sessions.bureau1.page;
  // 转送 to a unit that does not exist, to a legal organ (this is not a 涉法涉诉 case), to the bureau itself.
  for (const [forged, message] of [
    ["u-forged-does-not-exist", RULES.unknownUnit],
    ["u-fy", RULES.wrongKind],
    ["u-bureau", RULES.sameUnit],
  ] as const) {
    await bureau.goto(caseUrl("bureauSubmitted"));
    await waitForHydration(bureau);
    const route = actionForm(bureau, "route");
    const offered = await route
      .locator("select[name=targetUnitId] option")
      .evaluateAll((os) => os.map((o) => (o as HTMLOptionElement).value));
    expect(offered, "the forged value is not one the form offers").not.toContain(forged);
    await forgeSelect(route, "targetUnitId", forged);
    await route.locator("textarea[name=note]").fill("伪造的承办单位");
    await expectRefusedInUi(bureau, route, "转送", message, ["bureauSubmitted"]);
    await expect(route.locator("#f-route-targetUnitId-error")).toHaveText(message);
  }

  const zjj = sessions.zjj1.page;
  // 分派 to a handler of another unit (城关镇's).
  await zjj.goto(caseUrl("zjjAccepted"));
  await waitForHydration(zjj);
  const assign = actionForm(zjj, "assign");
  await forgeSelect(assign, "assigneeId", "user-cgz1");
  await expectRefusedInUi(zjj, assign, "分派", RULES.notInUnit, ["zjjAccepted"]);

  // 内部备注 on 城关镇's case: the hidden petitionId (and version) of 住建局's form rewritten in the page.
  await zjj.goto(caseUrl("zjjAccepted"));
  await waitForHydration(zjj);
  const note = actionForm(zjj, "internalNote");
  const cgz = caseSnapshot(cases.cgzAccepted.trackingNo);
  await note
    .locator("input[name=petitionId]")
    .evaluate((input: HTMLInputElement, id) => (input.value = id), cases.cgzAccepted.id);
  await note
    .locator("input[name=version]")
    .evaluate((input: HTMLInputElement, v) => (input.value = String(v)), cgz.row!.version);
  await note.locator("textarea[name=text]").fill("伪造信件编号的内部备注");
  await expectRefusedInUi(zjj, note, "添加内部备注", FORBIDDEN_TEXT, ["zjjAccepted", "cgzAccepted"]);
});

// ---------------------------------------------------------------------------------------------------------
// Directly: captured requests, replayed

/** Valid input for each action's form, as the allowed user would type it. */
const FILL: Record<string, (form: ReturnType<typeof actionForm>) => Promise<void>> = {
  route: async (f) => {
    await f.locator("select[name=targetUnitId]").selectOption({ index: 1 });
    await f.locator("textarea[name=note]").fill("请依法办理");
  },
  accept: (f) => f.locator("input[name=confirm]").check(),
  return: (f) => f.locator("textarea[name=reason]").fill("不属于本单位职责，请重新转送"),
  notAccept: async (f) => {
    await f.locator("textarea[name=reason]").fill("该事项已进入诉讼程序");
    await f.locator("select[name=properChannel]").selectOption("LITIGATION");
  },
  assign: async (f) => {
    await f.locator("select[name=assigneeId]").selectOption({ index: 1 });
  },
  internalNote: (f) => f.locator("textarea[name=text]").fill("矩阵测试：内部备注"),
  publicNote: (f) => f.locator("textarea[name=text]").fill("已安排人员现场查看"),
  requestInfo: (f) => f.locator("textarea[name=text]").fill("请补充现场照片"),
  requestExtension: async (f) => {
    await f.locator("input[name=days]").fill("10");
    await f.locator("textarea[name=reason]").fill("需要协调多个部门共同核查");
  },
  reply: async (f) => {
    await f.locator("select[name=outcome]").selectOption({ index: 1 });
    await f.locator("textarea[name=replyText]").fill("经核查，已依法处理，现予答复。");
  },
  // Any number: the replays are refused on scope before the number is looked up (and the capture is aborted).
  linkRepeat: (f) => f.locator("input[name=trackingNo]").fill("XF2026000001"),
  publish: async (f) => {
    await f.locator("input[name=publicTitle]").fill("关于小区道路问题的答复");
    await f.locator("textarea[name=publicSummary]").fill("群众反映小区道路问题，有关部门已核查处理。");
    await f.locator("textarea[name=publicReply]").fill("经核查，已依法处理。");
  },
};

type Capture = { key: CaseKey; action: string; request: CapturedAction };
const captures: Capture[] = [];

test("directly: the allowed user's form submissions are captured (and aborted: nothing written)", async () => {
  test.setTimeout(90_000);
  // One page per case (in the allowed user's context), the cases side by side.
  const perCase = await Promise.all(
    (Object.entries(CAPTURED_BY) as [CaseKey, User][]).map(async ([key, user]) => {
      const page = await sessions[user].context.newPage();
      const before = caseSnapshot(cases[key].trackingNo);
      const got: Capture[] = [];
      for (const action of EXPECTED[user][key] as string[]) {
        await page.goto(caseUrl(key));
        await waitForHydration(page);
        const form = actionForm(page, action);
        await FILL[action]!(form);
        const request = await captureSubmission(page, form);
        expect(request.url).toMatch(new RegExp(`${caseUrl(key)}$`));
        expect(capturedField(request, "petitionId")).toBe(cases[key].id);
        got.push({ key, action, request });
      }
      await page.close();
      expect(caseSnapshot(cases[key].trackingNo), `${key}: the aborted submissions wrote nothing`).toEqual(before);
      return got;
    }),
  );
  captures.push(...perCase.flat());
  // route, notAccept, assign, the three notes and linkRepeat on the bureau's case; 8 + 7 + 2 actions on 住建局's.
  expect(captures).toHaveLength(7 + 8 + 7 + 2);
});

function replayerContext(who: Replayer, key: CaseKey): BrowserContext {
  if (who === "forgedCookie") return forgedCookie;
  if (who === "otherHandler") return sessions[key === "bureauSubmitted" ? "zjj1" : "bureau1"].context;
  return sessions[who].context;
}

/** The refusal of a signed-in (or cookie-forging) sender: the action's own answer, the form's message. */
function expectForbidden(answer: ReplayAnswer, what: string) {
  expect(answer.status, what).toBe(200);
  expect(answer.result, what).toMatchObject({ status: "error", message: { key: FORBIDDEN }, fieldErrors: {} });
}

test("directly: every captured request, replayed by another unit, another subtree, the admin or anonymous, is refused; nothing written", async () => {
  test.setTimeout(90_000);
  let replays = 0;
  for (const { key, action, request } of captures) {
    const c = cases[key];
    const before = caseSnapshot(c.trackingNo);
    for (const who of REPLAYERS) {
      const what = `${action} on ${key} replayed by ${who}`;
      const answer = await replay(replayerContext(who, key).request, request);
      replays += 1;
      if (who === "anonymous") {
        // No session cookie: the proxy answers before any page or action runs.
        expect(answer.status, what).toBe(307);
        expect(answer.location, what).toBe(`/staff/login?${new URLSearchParams({ callbackUrl: caseUrl(key) })}`);
      } else {
        expectForbidden(answer, what);
      }
      expect(caseSnapshot(c.trackingNo), `${what}: nothing written`).toEqual(before);
    }
  }
  // In scope but not the role: 申请延期 is the handler's; the county supervisor may not send it.
  const extension = captures.find((c) => c.key === "zjjAccepted" && c.action === "requestExtension")!;
  const before = caseSnapshot(cases.zjjAccepted.trackingNo);
  expectForbidden(
    await replay(sessions.super1.context.request, extension.request),
    "requestExtension replayed by super1",
  );
  expect(caseSnapshot(cases.zjjAccepted.trackingNo)).toEqual(before);
  replays += 1;
  expect(replays).toBe(24 * REPLAYERS.length + 1);
});

test("directly: forged ids in a replayed request — another unit's case, a case that does not exist, a forbidden unit — are refused; nothing written", async () => {
  const note = captures.find((c) => c.key === "zjjAccepted" && c.action === "internalNote")!;
  const zjj = sessions.zjj1.context.request;
  const untouched = () => [caseSnapshot(cases.zjjAccepted.trackingNo), caseSnapshot(cases.cgzAccepted.trackingNo)];
  const before = untouched();

  // 住建局's handler, its own captured 内部备注, aimed at 城关镇's case (with that case's current version, so
  // that only the scope can refuse it).
  const other = await replay(zjj, note.request, {
    replace: { petitionId: cases.cgzAccepted.id, version: String(before[1]!.row!.version) },
  });
  expectForbidden(other, "内部备注 with 城关镇's petitionId");
  expect(other.result).toMatchObject({ values: { petitionId: cases.cgzAccepted.id } }); // the forged body was read
  // A case that does not exist gets the same answer: its existence is not revealed.
  expectForbidden(
    await replay(zjj, note.request, { replace: { petitionId: "c-does-not-exist" } }),
    "内部备注 with an unknown petitionId",
  );
  expect(untouched()).toEqual(before);

  // The bureau's handler, its own captured 转送, with the target unit forged.
  const route = captures.find((c) => c.key === "bureauSubmitted" && c.action === "route")!;
  const bureau = sessions.bureau1.context.request;
  const bureauBefore = caseSnapshot(cases.bureauSubmitted.trackingNo);
  for (const [forged, key] of [
    ["u-forged-does-not-exist", "rules.route.unknownUnit"],
    ["u-fy", "rules.route.wrongKind"],
  ] as const) {
    const answer = await replay(bureau, route.request, { replace: { targetUnitId: forged } });
    expect(answer.status).toBe(200);
    expect(answer.result, `转送 to ${forged}`).toMatchObject({
      status: "error",
      message: { key },
      fieldErrors: { targetUnitId: { key } },
    });
    expect(caseSnapshot(cases.bureauSubmitted.trackingNo)).toEqual(bureauBefore);
  }
});

test("positive control: the same replay from the allowed user's own session acts, writing exactly one event", async () => {
  const { request } = captures.find((c) => c.key === "zjjAccepted" && c.action === "internalNote")!;
  const c = cases.zjjAccepted;
  const before = caseSnapshot(c.trackingNo);
  const answer = await replay(sessions.zjj1.context.request, request);
  expect(answer.status).toBe(200);
  expect(answer.result).toMatchObject({ status: "done" });
  const after = caseSnapshot(c.trackingNo);
  expect(after).toEqual({
    ...before,
    row: { ...before.row!, version: before.row!.version + 1, eventCount: before.row!.eventCount + 1 },
    events: before.events + 1,
  });
  expect(caseEvents(c.trackingNo).at(-1)).toMatchObject({
    type: "NOTE_INTERNAL",
    visibility: "INTERNAL",
    note: capturedField(request, "text"),
  });
});

// ---------------------------------------------------------------------------------------------------------
// The supervisor's forms (督办, 领导包案), replayed: a handler — even of the case's own unit — and 城关镇's supervisor
// on a county case are refused; nothing written.

test("directly: super1's 督办 and 领导包案 forms, replayed by handlers or by 城关镇's supervisor on 住建局's case, are refused; nothing written", async () => {
  test.setTimeout(90_000);
  const page = await sessions.super1.context.newPage();
  const fills: Record<string, (f: ReturnType<typeof actionForm>) => Promise<void>> = {
    supervise: async (f) => {
      await f.locator("select[name=measure]").selectOption("LETTER");
      await f.locator("textarea[name=message]").fill("矩阵测试：请书面说明办理情况");
    },
    takeCharge: async (f) => {
      await f.locator("select[name=title]").selectOption("副县长");
      await f.locator("input[name=targetDate]").fill("2099-12-31");
    },
  };
  const c = cases.zjjAccepted;
  const before = caseSnapshot(c.trackingNo);
  const captured: { action: string; request: CapturedAction }[] = [];
  for (const action of SUPERVISOR_TOOLS) {
    await page.goto(caseUrl("zjjAccepted"));
    await waitForHydration(page);
    const form = actionForm(page, action);
    await fills[action]!(form);
    captured.push({ action, request: await captureSubmission(page, form) });
  }
  await page.close();
  expect(caseSnapshot(c.trackingNo), "the aborted submissions wrote nothing").toEqual(before);
  for (const { action, request } of captured) {
    for (const who of ["zjj1", "bureau1", "cgz1", "super2", "admin"] as const) {
      expectForbidden(await replay(sessions[who].context.request, request), `${action} replayed by ${who}`);
      expect(caseSnapshot(c.trackingNo), `${action} replayed by ${who}: nothing written`).toEqual(before);
    }
  }
  const orders = withDb(
    (db) =>
      (db.prepare('SELECT COUNT(*) AS n FROM "SupervisionOrder" WHERE "petitionId" = ?').get(c.id) as { n: number }).n,
  );
  expect(orders).toBe(0);
});
