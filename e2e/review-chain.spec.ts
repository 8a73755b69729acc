// The petitioner after the answer, end to end (issue 8): a letter is filed, routed, accepted and answered through
// the UI; the petitioner — with JavaScript off — evaluates 不满意 and requests 复查; 住建局 no longer sees the case and
// cannot answer it (a replay of the 县政府 handler's form from 住建局's session is refused); the 县政府 handler answers;
// the petitioner requests 复核 (JavaScript on); the answer makes the case FINAL. At each step the petitioner's view
// shows the chain, and the public page shows the facts and none of the texts. Then a new letter on the same facts is
// linked to the FINAL case by the bureau (staff see it; the public does not).
import type { Browser, Page } from "@playwright/test";
import { peopleOf } from "./support/people";
import { expect, signIn, test } from "./support/staff";
import { alertOf, fileLetter, letter, waitForHydration } from "./support/petition";
import {
  actionForm,
  caseByTrackingNo,
  caseEvents,
  caseSnapshot,
  submitAction,
  timelineTypes,
} from "./support/staff-case";
import { captureSubmission, replay, unitName } from "./support/authorization";
import { withDb } from "./support/db";

test.describe.configure({ mode: "serial" });

const STAFF = ["bureau1", "zjj1", "cgz1", "xzf1"] as const;
type StaffUser = (typeof STAFF)[number];

// Recognisable texts: none may ever appear on the public page.
const REPLY = "经核查，排水管道已疏通，答复秘文一。";
const COMMENT = "评价秘文二：处理不彻底，下雨仍积水。";
const REASONS = "复查理由秘文三：疏通后一周又积水，答复与事实不符，请上级机关复查。";
const REVIEW_TEXT = "复查意见秘文四：经复查，责成住建局重新组织疏通并加装排水设施。";
const RECHECK_REASONS = "复核理由秘文五：复查后仍未施工，请求复核。";
const RECHECK_TEXT = "复核意见秘文六：经复核，维持复查意见，本意见为最终意见。";
const SECRETS = [REPLY, COMMENT, REASONS, REVIEW_TEXT, RECHECK_REASONS, RECHECK_TEXT, "秘文"];

const people = peopleOf(61);
const staffPages = {} as Record<StaffUser, Page>;
let citizen: Page;
let filed: { trackingNo: string; queryCode: string; id: string; title: string; name: string };

const newContext = (browser: Browser, baseURL: string | undefined, workerIndex: number, javaScriptEnabled = true) =>
  people.context(browser, baseURL, workerIndex, { javaScriptEnabled });

const staffUrl = () => `/staff/cases/${filed.id}`;
const state = () => caseByTrackingNo(filed.trackingNo)?.state;

async function staffCase(user: StaffUser) {
  const page = staffPages[user];
  await page.goto(staffUrl());
  await waitForHydration(page);
  return page;
}

/** The petitioner's lookup on /track, whatever the page's JavaScript: a real form post either way. */
async function openTrack(page: Page) {
  await page.goto("/track");
  await page.locator("#f-trackingNo").fill(filed.trackingNo);
  await page.locator("#f-queryCode").fill(filed.queryCode);
  await page.getByRole("button", { name: "查询", exact: true }).click();
  await expect(page).toHaveURL(/\/track\/case$/);
  await expect(page.getByTestId("tracking-no")).toHaveText(filed.trackingNo);
}

/** The public page's main text, checked for every secret. */
async function publicPage(page: Page) {
  await page.goto(`/cases/${filed.trackingNo}`);
  const main = await page.locator("main").innerText();
  for (const secret of [...SECRETS, filed.name]) expect(main, "the public page shows no text").not.toContain(secret);
  const html = await page.content();
  for (const secret of SECRETS) expect(html).not.toContain(secret);
  return main;
}

test.beforeAll(async ({ browser, baseURL }, testInfo) => {
  test.setTimeout(180_000);
  await Promise.all(
    STAFF.map(async (user) => {
      const page = await (await newContext(browser, baseURL, testInfo.workerIndex)).newPage();
      await signIn(page, user);
      staffPages[user] = page;
    }),
  );
  citizen = await (await newContext(browser, baseURL, testInfo.workerIndex)).newPage();
  // A 城乡建设 letter (申诉求决: reviewable), filed, routed to 住建局, accepted and answered — all through the UI.
  const l = letter();
  const { trackingNo, queryCode } = await fileLetter(citizen, l);
  filed = { trackingNo, queryCode, id: caseByTrackingNo(trackingNo)!.id, title: l.title, name: l.name };
  const bureau = await staffCase("bureau1");
  const route = actionForm(bureau, "route");
  await route.locator("select[name=targetUnitId]").selectOption({ label: unitName("u-zjj") });
  await submitAction(bureau, route, "转送");
  const zjj = await staffCase("zjj1");
  const accept = actionForm(zjj, "accept");
  await accept.locator("input[name=confirm]").check();
  await submitAction(zjj, accept, "受理");
  await waitForHydration(zjj);
  const reply = actionForm(zjj, "reply");
  await reply.locator("select[name=outcome]").selectOption("EXPLAIN");
  await reply.locator("textarea[name=replyText]").fill(REPLY);
  await submitAction(zjj, reply, "答复");
  expect(state()).toBe("REPLIED");
});

test.afterAll(() => people.closeAll());

test("without JavaScript the petitioner sees the reply and the windows, evaluates 不满意, and requests 复查 with reasons", async ({
  browser,
  baseURL,
}, testInfo) => {
  const page = await (await newContext(browser, baseURL, testInfo.workerIndex, false)).newPage();
  await openTrack(page);
  const chain = page.getByTestId("review-chain");
  await expect(chain.getByTestId("chain-reply")).toContainText(REPLY);
  await expect(chain.getByTestId("chain-reply")).toContainText("解释说明");
  const windows = page.getByTestId("request-windows");
  await expect(windows.locator('[data-window="reviewWindow"]')).toHaveAttribute("data-status", "open");
  await expect(windows).toContainText(/可在 \d{4}-\d{2}-\d{2} 前申请复查/);
  await expect(windows).toContainText(/答复 \d{4}-\d{2}-\d{2} \+ 30 日/);

  // 评价: a refusal first (the bureau's rating missing), with what was chosen kept.
  const evaluate = page.getByTestId("evaluate-form");
  await evaluate.locator("#f-unit-UNSATISFIED").check();
  await evaluate.locator("textarea[name=comment]").fill(COMMENT);
  await evaluate.getByRole("button", { name: "提交评价" }).click();
  await expect(alertOf(page)).toBeVisible();
  await expect(page.locator("#f-bureau-error")).toHaveText("请选择");
  await expect(page.locator("#f-unit-UNSATISFIED")).toBeChecked();
  await expect(page.locator("textarea[name=comment]")).toHaveValue(COMMENT);
  expect(caseEvents(filed.trackingNo).map((e) => e.type)).not.toContain("EVALUATED");
  await page.locator("#f-bureau-BASIC").check();
  await page.getByTestId("evaluate-form").getByRole("button", { name: "提交评价" }).click();
  await expect(page.getByTestId("evaluation-status")).toContainText("承办单位「不满意」，信访部门「基本满意」");
  await expect(page.getByTestId("evaluate-form")).toHaveCount(0); // once per answer

  // 申请复查: the reasons are required.
  const review = page.getByTestId("review-request-form");
  await expect(review).toContainText("复查机关：示例县人民政府");
  await review.getByRole("button", { name: "申请复查" }).click();
  await expect(page.locator("#f-review-reasons-error")).toHaveText("请填写此项。");
  expect(state()).toBe("REPLIED");
  await page.locator("textarea[name=reasons]").fill(REASONS);
  await page.getByTestId("review-request-form").getByRole("button", { name: "申请复查" }).click();
  await expect(page.getByTestId("state")).toHaveText("复查中");
  await expect(page.getByTestId("chain-review-request")).toContainText(REASONS);
  await expect(page.getByTestId("chain-review-request")).toContainText("复查机关：示例县人民政府");
  await expect(page.getByTestId("review-request-form")).toHaveCount(0);
  await expect(page.getByTestId("request-windows").locator('[data-window="reviewWindow"]')).toHaveAttribute(
    "data-status",
    "used",
  );

  const stored = caseByTrackingNo(filed.trackingNo)!;
  expect(stored).toMatchObject({ state: "IN_REVIEW", currentUnitId: "u-gov" });
  const events = caseEvents(filed.trackingNo);
  expect(
    events.filter((e) => ["EVALUATED", "EVALUATION_COMMENT", "REVIEW_REQUESTED", "REVIEW_REASONS"].includes(e.type)),
  ).toEqual([
    expect.objectContaining({ type: "EVALUATED", visibility: "PUBLIC", note: null }),
    expect.objectContaining({ type: "EVALUATION_COMMENT", visibility: "INTERNAL", note: COMMENT }),
    expect.objectContaining({ type: "REVIEW_REQUESTED", visibility: "PUBLIC", note: null }),
    expect.objectContaining({ type: "REVIEW_REASONS", visibility: "PETITIONER", note: REASONS }),
  ]);

  const main = await publicPage(citizen);
  expect(main).toContain("复查中");
  await expect(citizen.getByTestId("unit-rating")).toHaveText("不满意");
  await expect(citizen.getByTestId("bureau-rating")).toHaveText("基本满意");
  expect(await timelineTypes(citizen)).toEqual(expect.arrayContaining(["EVALUATED", "REVIEW_REQUESTED"]));
});

test("住建局 no longer sees the case, and a replay of the 县政府 handler's 复查答复 from 住建局 or 城关镇 is refused; 县政府 answers", async () => {
  const zjj = staffPages.zjj1;
  const response = await zjj.goto(staffUrl(), { waitUntil: "domcontentloaded" });
  expect(response?.status()).toBe(404);
  expect(await zjj.locator("main").innerText()).not.toContain(filed.title);

  const xzf = await staffCase("xzf1");
  await expect(xzf.getByTestId("staff-review-request")).toContainText(REASONS);
  await expect(xzf.getByTestId("evaluation-comment")).toContainText(COMMENT); // staff only
  const form = actionForm(xzf, "reviewReply");
  await expect(form).toContainText("原处理结果：解释说明");
  await form.locator("select[name=outcome]").selectOption("SUPPORT");
  await form.locator("textarea[name=text]").fill(REVIEW_TEXT);
  const captured = await captureSubmission(xzf, form);
  const before = caseSnapshot(filed.trackingNo);
  for (const who of ["zjj1", "cgz1", "bureau1"] as const) {
    const answer = await replay(staffPages[who].context().request, captured);
    expect(answer.result, `replayed by ${who}`).toMatchObject({
      status: "error",
      message: { key: "errors.forbidden" },
    });
    expect(caseSnapshot(filed.trackingNo), `${who}: nothing written`).toEqual(before);
  }

  const page = await staffCase("xzf1");
  const reviewReply = actionForm(page, "reviewReply");
  await reviewReply.locator("select[name=outcome]").selectOption("SUPPORT");
  await reviewReply.locator("textarea[name=text]").fill(REVIEW_TEXT);
  await submitAction(page, reviewReply, "作出复查意见");
  expect(state()).toBe("REVIEWED");
  const replied = caseEvents(filed.trackingNo).filter((e) => e.type === "REVIEW_REPLIED");
  expect(replied).toEqual([expect.objectContaining({ visibility: "PUBLIC", note: null })]);
  expect(
    withDb((db) =>
      db.prepare('SELECT "reviewText" AS t, "reviewOutcome" AS o FROM "Petition" WHERE id = ?').get(filed.id),
    ),
  ).toEqual({
    t: REVIEW_TEXT,
    o: "SUPPORT",
  });
  await publicPage(citizen);
});

test("the petitioner reads the 复查 answer and requests 复核; the answer makes the case FINAL", async () => {
  await openTrack(citizen);
  await waitForHydration(citizen);
  await expect(citizen.getByTestId("chain-review-answer")).toContainText(REVIEW_TEXT);
  await expect(citizen.getByTestId("chain-review-answer")).toContainText("支持");
  await expect(citizen.getByTestId("request-windows")).toContainText(/可在 \d{4}-\d{2}-\d{2} 前申请复核/);
  // The 复查 answer is a new answer: it may be evaluated again.
  await expect(citizen.getByTestId("evaluate-form")).toBeVisible();
  const recheck = citizen.getByTestId("recheck-request-form");
  await recheck.locator("textarea[name=reasons]").fill(RECHECK_REASONS);
  await recheck.getByRole("button", { name: "申请复核" }).click();
  await expect(citizen.getByTestId("chain-recheck-request")).toContainText(RECHECK_REASONS);
  expect(state()).toBe("IN_RECHECK");

  const xzf = await staffCase("xzf1");
  const form = actionForm(xzf, "recheckReply");
  await expect(form).toContainText("复查结果：支持");
  await form.locator("select[name=outcome]").selectOption("SUPPORT");
  await form.locator("textarea[name=text]").fill(RECHECK_TEXT);
  await submitAction(xzf, form, "作出复核意见");
  expect(state()).toBe("FINAL");

  await openTrack(citizen);
  await expect(citizen.getByTestId("state")).toHaveText("已终结");
  await expect(citizen.getByTestId("chain-recheck-answer")).toContainText(RECHECK_TEXT);
  await expect(citizen.getByTestId("final-notice")).toHaveText(
    "本事项已终结，同一事实和理由不再受理（《信访工作条例》第36条）。",
  );
  await expect(citizen.getByTestId("review-request-form")).toHaveCount(0);
  await expect(citizen.getByTestId("recheck-request-form")).toHaveCount(0);

  const main = await publicPage(citizen);
  expect(main).toContain("已终结");
  expect(await timelineTypes(citizen)).toEqual(
    expect.arrayContaining(["REVIEW_REQUESTED", "REVIEW_REPLIED", "RECHECK_REQUESTED", "RECHECK_REPLIED"]),
  );
  expect(await timelineTypes(citizen)).not.toContain("REVIEW_REASONS");
});

test("a new letter on the same facts is linked to the FINAL case by the bureau: staff see it, the public does not", async () => {
  const l = letter();
  const { trackingNo } = await fileLetter(citizen, l);
  const id = caseByTrackingNo(trackingNo)!.id;
  const bureau = staffPages.bureau1;
  await bureau.goto(`/staff/cases/${id}`);
  await waitForHydration(bureau);
  const link = actionForm(bureau, "linkRepeat");
  await link.locator("input[name=trackingNo]").fill("XF2099999999");
  await submitAction(bureau, link, "关联");
  await expect(link.getByRole("alert")).toHaveText("没有找到该信件编号的信访事项，请核对。");
  await link.locator("input[name=trackingNo]").fill(filed.trackingNo.toLowerCase());
  await submitAction(bureau, link, "关联");
  await expect(bureau.getByTestId("repeat-of")).toHaveText(`重复信访：与已终结的 ${filed.trackingNo} 同一事实`);
  await expect(bureau.getByTestId("action-linkRepeat")).toHaveCount(0);
  expect(caseEvents(trackingNo).at(-1)).toMatchObject({ type: "REPEAT_LINKED", visibility: "INTERNAL" });
  await citizen.goto(`/cases/${trackingNo}`);
  expect(await citizen.content()).not.toContain(filed.trackingNo);
});
