// The whole supervision and review journey with the clock moved (e2e/support/later.ts), on one case: registered and
// accepted today, it goes late — 75 days on, its 60-day handling deadline has passed. The job (`npm run jobs`, run at
// the later instant) records it once — one public OVERDUE, one automatic 催办 — and run again writes nothing. Then, on
// the later server: the county supervisor issues a 督办函, 住建局 answers it in writing, an extension is requested and
// approved, the reply comes, the petitioner evaluates 不满意 and requests 复查, the county government answers, the
// petitioner requests 复核, and the answer makes the case FINAL. After every step the public page and the petitioner's
// view are checked against spec §5: no message, answer, reason, reply text, staff name or personal data in public; no
// internal record and no staff name for the petitioner.
import { expect, test, type Page } from "@playwright/test";
import { peopleOf } from "./support/people";
import { DEMO } from "../prisma/seed/units";
import { letter, tag, waitForHydration } from "./support/petition";
import { signIn } from "./support/staff";
import { actionForm, caseByTrackingNo, caseEvents, registerVisit, submitAction } from "./support/staff-case";
import { LATER_URL, laterNow, runDeadlineJob } from "./support/later";
import { withDb } from "./support/db";

const people = peopleOf(67);
const person = people.page;
test.afterAll(() => people.closeAll());

/** The supervision orders of a case, as stored. */
function ordersOf(petitionId: string) {
  return withDb(
    (db) =>
      db
        .prepare(
          'SELECT id, measure, message, "issuedById", "targetUnitId", "answeredAt" FROM "SupervisionOrder" WHERE "petitionId" = ?',
        )
        .all(petitionId) as {
        id: string;
        measure: string;
        message: string;
        issuedById: string | null;
        targetUnitId: string;
        answeredAt: string | null;
      }[],
  );
}

test("late → overdue once + 催办 → 督办函 answered → extension → reply → 不满意 + 复查 → 复核 → FINAL, each view as spec §5 allows", async ({
  browser,
  baseURL,
}, testInfo) => {
  // A pass 75 days on writes what came due for the whole e2e database (the demo county too): a minute or so.
  test.setTimeout(600_000);
  const mark = tag();
  const visit = letter({
    category: "城乡建设",
    title: `小区雨水管网堵塞${mark}`,
    township: "东湖街道",
    name: `赵${mark}`,
    address: `示例县东湖街道湖滨社区${mark}号`,
  });
  let trackingNo = "";
  let queryCode = "";
  let id = "";

  await test.step("today: bureau1 registers a visit and routes it to 住建局; zjj1 accepts it", async () => {
    const bureau = await person(browser, baseURL!, testInfo.workerIndex);
    await signIn(bureau, "bureau1", { callbackUrl: "/staff/register" });
    await waitForHydration(bureau);
    ({ trackingNo, queryCode } = await registerVisit(bureau, visit, 1));
    id = caseByTrackingNo(trackingNo)!.id;
    await bureau.goto(`/staff/cases/${id}`);
    await waitForHydration(bureau);
    const route = actionForm(bureau, "route");
    await route.getByLabel("承办单位").selectOption({ label: "示例县住房和城乡建设局" });
    await submitAction(bureau, route, "转送");
    await bureau.waitForURL(/\/staff$/);

    const zjj = await person(browser, baseURL!, testInfo.workerIndex);
    await signIn(zjj, "zjj1", { callbackUrl: `/staff/cases/${id}` });
    await waitForHydration(zjj);
    const accept = actionForm(zjj, "accept");
    await accept.getByLabel("我确认本单位受理此信访事项").check();
    await submitAction(zjj, accept, "受理");
    await expect(zjj.getByTestId("state")).toHaveText("办理中");
    expect(caseByTrackingNo(trackingNo)).toMatchObject({ state: "ACCEPTED", currentUnitId: DEMO.zjj.id });
  });

  // Both servers cache the case's public page before the job runs: the job, a process of its own, must tell each
  // of them which pages it made stale (lib/data/public-pages.ts), or they would go on serving these copies.
  const lapsed = (page: Page) => page.getByTestId("timeline").locator('li[data-event-type="OVERDUE"]');
  const watchers = [
    await person(browser, baseURL, testInfo.workerIndex),
    await person(browser, LATER_URL, testInfo.workerIndex),
  ];
  await test.step("before the job: both servers serve the public page from their caches, no lapse yet", async () => {
    for (const watcher of watchers) {
      await watcher.goto(`/cases/${trackingNo}`);
      await expect(lapsed(watcher)).toHaveCount(0);
      const again = await watcher.request.get(`/cases/${trackingNo}`);
      expect(again.headers()["x-nextjs-cache"], "the second answer comes from the cache").toBe("HIT");
    }
  });

  const at = laterNow();
  await test.step("75 days on: the job records the lapse once and opens one 催办; run again, nothing more", async () => {
    const first = runDeadlineJob(at);
    expect(first).toMatch(/overdue [1-9]\d*/);
    const after = caseEvents(trackingNo).map((e) => [e.type, e.visibility]);
    expect(after.slice(-3)).toEqual([
      ["OVERDUE", "PUBLIC"],
      ["SUPERVISED", "PUBLIC"],
      ["NOTE_INTERNAL", "INTERNAL"],
    ]);
    const orders = ordersOf(id);
    expect(orders).toEqual([
      expect.objectContaining({ measure: "URGE", issuedById: null, targetUnitId: DEMO.zjj.id, answeredAt: null }),
    ]);
    expect(orders[0]!.message).toContain("系统自动催办");

    const second = runDeadlineJob(at);
    expect(second).toMatch(/overdue 0, urge 0, orderOverdue 0, feedbackOverdue 0, windowClosed 0, evaluationExpired 0/);
    expect(caseEvents(trackingNo).map((e) => [e.type, e.visibility])).toEqual(after);
  });

  await test.step("after the job: the next request to either server shows the lapse", async () => {
    for (const watcher of watchers) {
      await watcher.goto(`/cases/${trackingNo}`);
      await expect(lapsed(watcher)).toHaveCount(1);
    }
  });

  await test.step("the public page, 75 days on: 已逾期 and 已督办 · 催办, never the message", async () => {
    const anyone = await person(browser, LATER_URL, testInfo.workerIndex);
    await anyone.goto(`/cases/${trackingNo}`);
    const timeline = anyone.getByTestId("timeline");
    await expect(timeline.locator('li[data-event-type="OVERDUE"]')).toHaveCount(1);
    await expect(timeline.locator('li[data-event-type="SUPERVISED"]')).toContainText("已督办 · 催办");
    await expect(anyone.locator("main")).not.toContainText("系统自动催办");
  });

  // From here on everyone works on the later server, 75 days on.
  const later = () => person(browser, LATER_URL, testInfo.workerIndex);
  const [zjj, supervisor, xzf, citizen, anyone] = [
    await later(),
    await later(),
    await later(),
    await later(),
    await later(),
  ];
  const staffUrl = `/staff/cases/${id}`;
  const LETTER_MESSAGE = `督办函内容内部${mark}`;
  const ANSWER = `督办书面答复内部${mark}`;
  const EXTENSION_REASON = `需协调排水公司联合施工${mark}`;
  const REPLY = `答复正文仅信访人${mark}`;
  const REASONS = `复查理由仅信访人${mark}`;
  const REVIEW_TEXT = `复查意见仅信访人${mark}`;
  const RECHECK_REASONS = `复核理由仅信访人${mark}`;
  const RECHECK_TEXT = `复核意见仅信访人${mark}`;
  const INTERNAL = [LETTER_MESSAGE, ANSWER, "系统自动催办"];
  const FOR_PETITIONER = [EXTENSION_REASON, REPLY, REASONS, REVIEW_TEXT, RECHECK_REASONS, RECHECK_TEXT];
  const STAFF_NAMES = ["冯建国", "王建华", "曹颖", "韩晓东"]; // super1, zjj1, xzf1, bureau1
  const PERSONAL = [visit.name, visit.address];

  /** Spec §5 after each step: the public page and the petitioner's view, each with only what it may show. */
  async function checkViews(step: string, expectPublic: string[] = [], expectPetitioner: string[] = []) {
    await anyone.goto(`/cases/${trackingNo}`);
    const pub = await anyone.locator("main").innerText();
    const pubHtml = await anyone.content();
    for (const secret of [...INTERNAL, ...FOR_PETITIONER, ...STAFF_NAMES, ...PERSONAL]) {
      expect(pubHtml, `${step}: the public page must not show "${secret}"`).not.toContain(secret);
    }
    for (const text of expectPublic) expect(pub, `${step}: the public page shows "${text}"`).toContain(text);
    await citizen.goto("/track/case");
    const mine = await citizen.locator("main").innerText();
    for (const secret of [...INTERNAL, ...STAFF_NAMES]) {
      expect(mine, `${step}: the petitioner's view must not show "${secret}"`).not.toContain(secret);
    }
    for (const text of expectPetitioner) expect(mine, `${step}: the petitioner sees "${text}"`).toContain(text);
  }

  await test.step("the petitioner opens the case with the query code; 住建局's handler sees the system's 催办", async () => {
    await citizen.goto("/track");
    await citizen.locator("#f-trackingNo").fill(trackingNo);
    await citizen.locator("#f-queryCode").fill(queryCode);
    await citizen.getByRole("button", { name: "查询", exact: true }).click();
    await expect(citizen).toHaveURL(/\/track\/case$/);
    await checkViews("after the job", ["已督办 · 催办", "已逾期 · 办理期限"], ["已督办 · 催办", "已逾期 · 办理期限"]);
    await signIn(zjj, "zjj1", { callbackUrl: staffUrl });
    await expect(zjj.locator("main")).toContainText("系统自动催办");
  });

  await test.step("super1 issues a 督办函; 住建局 answers it in writing", async () => {
    await signIn(supervisor, "super1", { callbackUrl: staffUrl });
    await waitForHydration(supervisor);
    const supervise = actionForm(supervisor, "supervise");
    await supervise.locator("select[name=measure]").selectOption({ label: "督办函" });
    await supervise.locator("textarea[name=message]").fill(LETTER_MESSAGE);
    await submitAction(supervisor, supervise, "发出督办");
    await expect(supervise.getByRole("status")).toHaveText("督办已发出。");
    const letterOrder = ordersOf(id).find((o) => o.measure === "LETTER")!;
    expect(letterOrder).toMatchObject({ message: LETTER_MESSAGE, targetUnitId: DEMO.zjj.id, answeredAt: null });
    await checkViews("督办函 issued", ["已督办 · 督办函"], ["已督办 · 督办函"]);

    await zjj.goto(staffUrl);
    await waitForHydration(zjj);
    await expect(zjj.locator("main")).toContainText(LETTER_MESSAGE); // the unit reads what it must answer
    const answer = zjj.getByTestId(`action-answer-${letterOrder.id}`);
    await answer.locator("textarea[name=answerText]").fill(ANSWER);
    await submitAction(zjj, answer, "提交书面答复");
    await expect(zjj.locator(`[data-order-id="${letterOrder.id}"]`)).toHaveAttribute("data-status", "answered");
    expect(ordersOf(id).find((o) => o.id === letterOrder.id)!.answeredAt).not.toBeNull();
    expect(caseEvents(trackingNo).at(-1)).toMatchObject({ type: "SUPERVISION_ANSWERED", visibility: "INTERNAL" });
    await checkViews("督办函 answered");
  });

  await test.step("住建局 requests a 30-day extension; super1 approves it and the petitioner is told why", async () => {
    await zjj.goto(staffUrl);
    await waitForHydration(zjj);
    const ask = actionForm(zjj, "requestExtension");
    await ask.locator("input[name=days]").fill("30");
    await ask.locator("textarea[name=reason]").fill(EXTENSION_REASON);
    await submitAction(zjj, ask, "提交延期申请");
    await supervisor.goto(staffUrl);
    await waitForHydration(supervisor);
    const approve = supervisor.getByTestId("action-approveExtension");
    await expect(approve.locator("textarea[name=note]")).toHaveValue(EXTENSION_REASON);
    await submitAction(supervisor, approve, "批准延期");
    await expect(supervisor.getByTestId("action-approveExtension")).toHaveCount(0);
    expect(caseEvents(trackingNo).at(-1)).toMatchObject({ type: "EXTENSION_APPROVED", visibility: "PETITIONER" });
    await checkViews("extension approved", ["延期 30 日"], [EXTENSION_REASON, "延期 30 日"]);
  });

  await test.step("住建局 replies; the petitioner evaluates 不满意 and requests 复查 with reasons", async () => {
    await zjj.goto(staffUrl);
    await waitForHydration(zjj);
    const reply = actionForm(zjj, "reply");
    await reply.locator("select[name=outcome]").selectOption("EXPLAIN");
    await reply.locator("textarea[name=replyText]").fill(REPLY);
    await submitAction(zjj, reply, "答复");
    expect(caseByTrackingNo(trackingNo)!.state).toBe("REPLIED");
    await checkViews("replied", ["已答复"], [REPLY, "已答复"]);

    await citizen.goto("/track/case");
    await waitForHydration(citizen);
    const evaluate = citizen.getByTestId("evaluate-form");
    await evaluate.locator("#f-unit-UNSATISFIED").check();
    await evaluate.locator("#f-bureau-BASIC").check();
    await evaluate.getByRole("button", { name: "提交评价" }).click();
    await expect(citizen.getByTestId("evaluation-status")).toContainText("承办单位「不满意」，信访部门「基本满意」");
    const review = citizen.getByTestId("review-request-form");
    await review.locator("textarea[name=reasons]").fill(REASONS);
    await review.getByRole("button", { name: "申请复查" }).click();
    await expect(citizen.getByTestId("state")).toHaveText("复查中");
    expect(caseByTrackingNo(trackingNo)).toMatchObject({ state: "IN_REVIEW", currentUnitId: DEMO.gov.id });
    await checkViews("复查 requested", ["复查中", "不满意", "基本满意"], [REASONS, "复查中"]);
  });

  await test.step("the county government answers the 复查; the petitioner requests 复核; its answer makes the case FINAL", async () => {
    await signIn(xzf, "xzf1", { callbackUrl: staffUrl });
    await waitForHydration(xzf);
    const reviewReply = actionForm(xzf, "reviewReply");
    await reviewReply.locator("select[name=outcome]").selectOption("SUPPORT");
    await reviewReply.locator("textarea[name=text]").fill(REVIEW_TEXT);
    await submitAction(xzf, reviewReply, "作出复查意见");
    expect(caseByTrackingNo(trackingNo)!.state).toBe("REVIEWED");
    await checkViews("复查 answered", ["已复查"], [REVIEW_TEXT]);

    await citizen.goto("/track/case");
    await waitForHydration(citizen);
    const recheck = citizen.getByTestId("recheck-request-form");
    await recheck.locator("textarea[name=reasons]").fill(RECHECK_REASONS);
    await recheck.getByRole("button", { name: "申请复核" }).click();
    await expect(citizen.getByTestId("state")).toHaveText("复核中");
    await checkViews("复核 requested", ["复核中"], [RECHECK_REASONS]);

    await xzf.goto(staffUrl);
    await waitForHydration(xzf);
    const recheckReply = actionForm(xzf, "recheckReply");
    await recheckReply.locator("select[name=outcome]").selectOption("SUPPORT");
    await recheckReply.locator("textarea[name=text]").fill(RECHECK_TEXT);
    await submitAction(xzf, recheckReply, "作出复核意见");
    expect(caseByTrackingNo(trackingNo)!.state).toBe("FINAL");
    await checkViews("FINAL", ["已终结"], [RECHECK_TEXT, "已终结"]);
    await expect(citizen.getByTestId("final-notice")).toBeVisible();
  });

  await test.step("the history holds each step once, and the job at the same instant still writes nothing new", async () => {
    const types = caseEvents(trackingNo).map((e) => e.type);
    expect(types.filter((t) => t === "OVERDUE")).toHaveLength(1);
    expect(types.filter((t) => t === "SUPERVISED")).toHaveLength(2); // the 催办 and the 督办函
    for (const t of ["SUPERVISION_ANSWERED", "EXTENSION_APPROVED", "REPLIED", "EVALUATED", "REVIEW_REPLIED"]) {
      expect(
        types.filter((x) => x === t),
        t,
      ).toHaveLength(1);
    }
    expect(types.at(-1)).toBe("RECHECK_REPLIED");
  });
});
