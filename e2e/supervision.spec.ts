// The supervisor's tools, end to end: a letter is filed, routed to 住建局 and accepted; the county supervisor (super1)
// issues a 督办函, 住建局's handler answers it in writing on the case page, the supervisor escalates another order,
// and approves the extension the handler requested; the board lists what is open; the public page shows
// "已督办 · 督办函" and never the message; the petitioner is told why the deadline moved. A handler has no board.
//
// The e2e database is shared by all spec files: the case is this journey's own, filed through /file.
import { expect, test } from "@playwright/test";
import { peopleOf } from "./support/people";
import { signIn } from "./support/staff";
import { fileLetter, letter, openCase, tag, waitForHydration } from "./support/petition";
import { actionForm, caseByTrackingNo, submitAction } from "./support/staff-case";
import { withDb } from "./support/db";

const people = peopleOf(77);
const person = people.page;
test.afterAll(() => people.closeAll());

type Order = { id: string; measure: string; answeredAt: unknown; escalatedToId: string | null };
const ordersOf = (petitionId: string): Order[] =>
  withDb(
    (db) =>
      db
        .prepare(
          'SELECT id, measure, "answeredAt" AS answeredAt, "escalatedToId" AS escalatedToId FROM "SupervisionOrder" WHERE "petitionId" = ? ORDER BY "issuedAt", id',
        )
        .all(petitionId) as Order[],
  );
const extensionDaysOf = (petitionId: string): number =>
  withDb(
    (db) => (db.prepare('SELECT "extensionDays" AS d FROM "Petition" WHERE id = ?').get(petitionId) as { d: number }).d,
  );

test("督办函 answered, an order escalated, an extension approved; the public sees 已督办 · 督办函, never the message", async ({
  browser,
  baseURL,
}, testInfo) => {
  test.setTimeout(300_000);
  const mark = tag();
  const SECRET = `督办要求内部${mark}`;
  const ANSWER = `书面答复内部${mark}`;
  const REASON = `需要协调多个部门联合核查${mark}`;
  const [citizen, bureau, zjj, supervisor] = await Promise.all(
    [0, 1, 2, 3].map(() => person(browser, baseURL, testInfo.workerIndex)),
  );
  await Promise.all([signIn(bureau!, "bureau1"), signIn(zjj!, "zjj1"), signIn(supervisor!, "super1")]);

  // A letter to 城乡建设 (住建局), routed and accepted through the UI.
  const { trackingNo, queryCode } = await fileLetter(citizen!, letter());
  const id = caseByTrackingNo(trackingNo)!.id;
  const url = `/staff/cases/${id}`;
  await bureau!.goto(url);
  await waitForHydration(bureau!);
  const route = actionForm(bureau!, "route");
  await route.locator("select[name=targetUnitId]").selectOption({ label: "示例县住房和城乡建设局" });
  await submitAction(bureau!, route, "转送");
  await zjj!.goto(url);
  await waitForHydration(zjj!);
  const accept = actionForm(zjj!, "accept");
  await accept.locator("input[name=confirm]").check();
  await submitAction(zjj!, accept, "受理");
  expect(caseByTrackingNo(trackingNo)).toMatchObject({ state: "ACCEPTED", currentUnitId: "u-zjj" });

  // The handler is offered none of the supervisor's forms.
  await zjj!.reload();
  await expect(zjj!.getByTestId("action-supervise")).toHaveCount(0);
  await expect(zjj!.getByTestId("action-takeCharge")).toHaveCount(0);

  // 1. super1 issues a 督办函; the form first refuses an empty message.
  await supervisor!.goto(url);
  await waitForHydration(supervisor!);
  const supervise = actionForm(supervisor!, "supervise");
  await expect(supervise).toContainText("书面答复");
  await supervise.locator("select[name=measure]").selectOption({ label: "督办函" });
  await submitAction(supervisor!, supervise, "发出督办");
  await expect(supervise.getByRole("alert")).toHaveText("提交失败，请检查标出的项目。");
  expect(ordersOf(id)).toHaveLength(0);
  await supervise.locator("textarea[name=message]").fill(SECRET);
  await submitAction(supervisor!, supervise, "发出督办");
  await expect(supervise.getByRole("status")).toHaveText("督办已发出。");
  const [letterOrder] = ordersOf(id);
  expect(letterOrder).toMatchObject({ measure: "LETTER", answeredAt: null });
  const orderItem = supervisor!.locator(`[data-testid="supervision-order"][data-order-id="${letterOrder!.id}"]`);
  await expect(orderItem).toContainText("督办函");
  await expect(orderItem).toContainText("待答复");
  await expect(orderItem).toContainText("冯建国"); // issued by: the supervisor, for staff

  // 2. 住建局's handler answers it in writing on the case page.
  await zjj!.goto(url);
  await waitForHydration(zjj!);
  const answer = zjj!.getByTestId(`action-answer-${letterOrder!.id}`);
  await answer.locator("textarea[name=answerText]").fill(ANSWER);
  await submitAction(zjj!, answer, "提交书面答复");
  await expect(zjj!.locator(`[data-order-id="${letterOrder!.id}"]`)).toHaveAttribute("data-status", "answered");
  await expect(zjj!.locator(`[data-order-id="${letterOrder!.id}"]`)).toContainText(ANSWER);
  expect(ordersOf(id)[0]!.answeredAt).not.toBeNull();

  // 3. super1 issues a 催办, then escalates it to 约谈.
  await supervisor!.goto(url);
  await waitForHydration(supervisor!);
  const again = actionForm(supervisor!, "supervise");
  await again.locator("select[name=measure]").selectOption({ label: "催办" });
  await again.locator("textarea[name=message]").fill("请加快办理进度");
  await submitAction(supervisor!, again, "发出督办");
  const urge = ordersOf(id).find((o) => o.measure === "URGE")!;
  await supervisor!.goto(url);
  await waitForHydration(supervisor!);
  const urgeItem = supervisor!.locator(`[data-order-id="${urge.id}"]`);
  await urgeItem.locator("summary").click();
  const escalate = supervisor!.getByTestId(`action-escalate-${urge.id}`);
  const offered = await escalate
    .locator("select[name=measure] option")
    .evaluateAll((os) => os.map((o) => (o as HTMLOptionElement).value).filter(Boolean));
  expect(offered).toEqual(["LETTER", "INTERVIEW", "NOTICE", "LISTED"]); // stronger measures only
  await escalate.locator("select[name=measure]").selectOption({ label: "约谈" });
  await escalate.locator("textarea[name=message]").fill("请单位负责人说明情况");
  await submitAction(supervisor!, escalate, "升级督办");
  const afterEscalation = ordersOf(id);
  expect(afterEscalation).toHaveLength(3);
  expect(afterEscalation.find((o) => o.id === urge.id)!.escalatedToId).toBe(
    afterEscalation.find((o) => o.measure === "INTERVIEW")!.id,
  );
  await expect(supervisor!.locator(`[data-order-id="${urge.id}"]`)).toHaveAttribute("data-status", "superseded");

  // 4. The handler requests a 10-day extension; super1 approves it, telling the petitioner why.
  await zjj!.goto(url);
  await waitForHydration(zjj!);
  const ask = actionForm(zjj!, "requestExtension");
  await ask.locator("input[name=days]").fill("10");
  await ask.locator("textarea[name=reason]").fill(REASON);
  await submitAction(zjj!, ask, "提交延期申请");
  await supervisor!.goto(url);
  await waitForHydration(supervisor!);
  await expect(supervisor!.getByTestId("extension-new-due")).toContainText("批准后办理期限");
  const approve = supervisor!.getByTestId("action-approveExtension");
  await expect(approve.locator("textarea[name=note]")).toHaveValue(REASON);
  await submitAction(supervisor!, approve, "批准延期");
  expect(extensionDaysOf(id)).toBe(10);
  await expect(supervisor!.getByTestId("action-approveExtension")).toHaveCount(0); // once: nothing left to approve

  // 5. The board lists the open 约谈 order; a handler has no board.
  // The newest cases first: the demo's older orders fill the earlier pages of the deadline order.
  await supervisor!.goto("/staff/supervision?list=openOrders&unit=u-zjj&sort=received&dir=desc");
  await expect(supervisor!.getByRole("heading", { level: 1, name: "督办" })).toBeVisible();
  await expect(supervisor!.getByRole("link", { name: "督办", exact: true })).toHaveAttribute("aria-current", "page");
  const row = supervisor!.locator(`[data-testid="board-row"][data-tracking-no="${trackingNo}"]`);
  await expect(row).toContainText("约谈");
  await row.getByRole("link", { name: trackingNo }).click();
  await expect(supervisor!).toHaveURL(new RegExp(`${url}$`));
  const response = await zjj!.goto("/staff/supervision");
  expect(response?.status()).toBe(404);
  await expect(zjj!.getByRole("link", { name: "督办", exact: true })).toHaveCount(0);

  // 6. The public page: 已督办 · 督办函 (and the other measures), the extension in the deadline's explanation; no
  //    message, no answer, no staff name.
  const pub = await person(browser, baseURL, testInfo.workerIndex);
  await pub.goto(`/cases/${trackingNo}`);
  const timeline = pub.getByTestId("timeline");
  await expect(timeline).toContainText("已督办 · 督办函");
  await expect(timeline).toContainText("已督办 · 约谈");
  const main = await pub.locator("main").innerText();
  for (const secret of [SECRET, ANSWER, REASON, "冯建国", "王建华", "请单位负责人说明情况"])
    expect(main).not.toContain(secret);
  expect(main).toContain("延期 10 日");

  // 7. The petitioner: 已督办 · 督办函, and why the deadline moved.
  await openCase(citizen!, trackingNo, queryCode);
  const own = citizen!.getByTestId("timeline");
  await expect(own).toContainText("已督办 · 督办函");
  await expect(own.locator('li[data-event-type="EXTENSION_APPROVED"]')).toContainText(REASON);
  await expect(own.locator('li[data-event-type="EXTENSION_APPROVED"]')).toContainText("延期 10 日，办理期限至");
  const view = await citizen!.locator("main").innerText();
  for (const secret of [SECRET, ANSWER, "冯建国"]) expect(view).not.toContain(secret);
});
