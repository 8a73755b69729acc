// The staff case page, end to end, as the people involved do it: the bureau registers a visit (登记) and
// routes it to 住建局; 住建局's handler accepts it, notes, asks for material, requests an extension, replies
// and publishes; then the petitioner (the receipt's query code) and the public each see exactly the events
// meant for them. Every form is first sent with bad input: a clear Chinese message, what was typed kept,
// nothing written.
//
// The e2e database is shared by all spec files and seeded once per run: the case is this journey's own.
import { expect, test, type Locator, type Page } from "@playwright/test";
import { peopleOf } from "./support/people";
import { DEMO } from "../prisma/seed/units";
import { maskName } from "../lib/domain/masking";
import { scanPersonalData } from "../lib/domain/personal-data-scanner";
import { signIn } from "./support/staff";
import { letter, openCase, tag, waitForHydration } from "./support/petition";
import {
  actionForm,
  caseByTrackingNo,
  caseEvents,
  caseSnapshot,
  extensionRequests,
  registerVisit,
  staffTimelineTypes,
  submitAction,
  timelineTypes,
} from "./support/staff-case";

const REFUSED = "提交失败，请检查标出的项目。";
const PERSONAL_DATA = "文本中仍含有个人信息（姓名、电话、身份证号码、地址或电子邮箱），请去除后再提交。";
const STAFF_NAMES = ["韩晓东", "王建华"]; // bureau1, zjj1: staff identities are never public

/**
 * Each person gets their own browser context and client address (10.66.0.0/16, apart from other spec
 * files), so sign-in and lookup limits count them separately.
 */
const people = peopleOf(66);
const person = people.page;
test.afterAll(() => people.closeAll());

/** Sends a form that the server must refuse, and checks the message, the field's message and that nothing was written. */
async function expectRefused(
  page: Page,
  form: Locator,
  button: string,
  trackingNo: string,
  check: { alert: string; field?: [id: string, message: string] },
) {
  const before = caseSnapshot(trackingNo);
  await submitAction(page, form, button);
  await expect(form.getByRole("alert")).toHaveText(check.alert);
  if (check.field) {
    const [id, message] = check.field;
    await expect(form.locator(`#f-${id}-error`)).toHaveText(message);
    await expect(form.locator(`#f-${id}`)).toHaveAttribute("aria-invalid", "true");
    await expect(form.locator(`#f-${id}`)).toHaveAttribute("aria-describedby", new RegExp(`f-${id}-error`));
  }
  expect(caseSnapshot(trackingNo)).toEqual(before);
}

const timelineItem = (page: Page, type: string, text: string) =>
  page.getByTestId("staff-timeline").locator(`li[data-event-type="${type}"]`).filter({ hasText: text });

test("a visit registered by the bureau, to a published answer; the petitioner and the public see exactly theirs", async ({
  browser,
  baseURL,
}, testInfo) => {
  test.setTimeout(300_000);
  const mark = tag();
  // The visitor's personal data is unique to this run, so a leak is unambiguous; 城乡建设 is an APPEAL category of 住建局.
  const visit = letter({
    category: "城乡建设",
    title: `滨河路路灯长期不亮${mark}`,
    township: "东湖街道",
    name: `李${mark}`,
    address: `示例县东湖街道湖滨社区阳光花园${mark}号`,
  });
  visit.content = `本人${visit.name}，家住${visit.address}。滨河路从阳光花园小区至东湖中学路段的路灯已经三个月不亮，夜间行人和学生出行很不安全。请求尽快维修。联系电话：${visit.phone}。`;
  const TEXT = {
    routeNote: `请核实滨河路路灯情况并依法办理（转送说明${mark}）`,
    internalNote: `已电话联系信访人${visit.name}核实情况（内部备注${mark}）`,
    publicNote: `已安排人员现场查看滨河路路灯（公开进展${mark}）`,
    infoRequest: `请补充路灯损坏位置的照片（补充要求${mark}）`,
    extensionReason: `需协调供电部门更换线路（延期理由${mark}）`,
    reply: `经核查，滨河路路灯线路老化，现已更换线路并恢复照明（答复${mark}）。`,
    publicTitle: `滨河路路灯长期不亮（公开标题${mark}）`,
  };
  const secrets = [visit.name, visit.phone, visit.email, visit.idNumber, visit.address];

  // Set by the registration: the case, its page, the receipt's query code, and the events it starts with.
  let trackingNo = "";
  let queryCode = "";
  let url = "";
  let seeded: string[] = [];
  let bureau: Page;

  await test.step("信访局 bureau1: registers a visit of 2 persons (consent to publish) and reads the 受理凭证", async () => {
    bureau = await person(browser, baseURL, testInfo.workerIndex);
    await signIn(bureau, "bureau1", { callbackUrl: "/staff/register" });
    await expect(bureau).toHaveURL(/\/staff\/register$/);
    await waitForHydration(bureau);
    ({ trackingNo, queryCode } = await registerVisit(bureau, visit, 2));
    const receipt = bureau.getByTestId("receipt");
    await expect(receipt.getByTestId("receipt-channel")).toHaveText("来访");
    await expect(receipt.getByTestId("receipt-persons")).toHaveText("2 人");
    const stored = caseByTrackingNo(trackingNo);
    expect(stored, `registered case ${trackingNo} is stored`).toMatchObject({
      state: "SUBMITTED",
      currentUnitId: DEMO.bureau.id,
    });
    url = `/staff/cases/${stored!.id}`;
    // A registered case starts with REGISTERED (an online letter with SUBMITTED).
    seeded = caseEvents(trackingNo).map((e) => e.type);
    expect(seeded).toEqual(["REGISTERED"]);
  });

  await test.step("信访局 bureau1: sees everything, refuses bad input, routes the case to 住建局", async () => {
    const page = bureau;
    await page.goto(url);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(`信访事项 ${trackingNo}`);
    await expect(page.getByTestId("state")).toHaveText("待受理");
    for (const secret of secrets) await expect(page.getByTestId("petitioner")).toContainText(secret);
    await expect(page.getByTestId("running-deadline")).toContainText(
      /转送交办期限：\d{4}-\d{2}-\d{2}，(剩余 \d+ 日|今日到期)/,
    );
    await waitForHydration(page);

    const route = actionForm(page, "route");
    await route.getByLabel("转送说明").fill(TEXT.routeNote);
    await expectRefused(page, route, "转送", trackingNo, {
      alert: REFUSED,
      field: ["route-targetUnitId", "请选择承办单位。"],
    });
    await expect(route.getByLabel("转送说明")).toHaveValue(TEXT.routeNote);

    const notAccept = actionForm(page, "notAccept");
    await notAccept.getByLabel("告知信访人的法定途径").selectOption({ label: "诉讼" });
    await expectRefused(page, notAccept, "不予受理", trackingNo, {
      alert: REFUSED,
      field: ["notAccept-reason", "请填写此项。"],
    });
    await expect(notAccept.getByLabel("告知信访人的法定途径")).toHaveValue("LITIGATION");

    // 涉法涉诉 organs and the bureau itself are not offered for an ordinary case.
    const options = await route.getByLabel("承办单位").locator("option").allTextContents();
    expect(options).toContain("示例县住房和城乡建设局");
    expect(options).not.toContain("示例县人民法院");
    expect(options).not.toContain("示例县信访局");

    await route.getByLabel("承办单位").selectOption({ label: "示例县住房和城乡建设局" });
    await submitAction(page, route, "转送");
    // The case left the bureau's scope: back to the queue.
    await page.waitForURL(/\/staff$/);
    expect(caseByTrackingNo(trackingNo)).toMatchObject({ state: "SUBMITTED", currentUnitId: DEMO.zjj.id });
    expect(
      caseEvents(trackingNo)
        .slice(seeded.length)
        .map((e) => [e.type, e.visibility, e.note]),
    ).toEqual([
      ["ROUTED", "PUBLIC", null],
      ["NOTE_INTERNAL", "INTERNAL", TEXT.routeNote],
    ]);
    // From now on the case is not the bureau's: its page answers 404, as for a case that does not exist.
    const gone = await page.goto(url);
    expect(gone?.status()).toBe(404);
    await expect(page.getByRole("heading", { name: "没有找到此信访事项" })).toBeVisible();
  });

  await test.step("住建局 zjj1: accepts, assigns, notes, asks for material, requests an extension, replies, publishes", async () => {
    const page = await person(browser, baseURL, testInfo.workerIndex);
    await signIn(page, "zjj1", { callbackUrl: url });
    await expect(page).toHaveURL(new RegExp(`${url}$`));
    await expect(page.getByTestId("current-unit")).toHaveText("示例县住房和城乡建设局");
    await waitForHydration(page);
    // The routing note is an internal record, and says so.
    const routeNote = timelineItem(page, "NOTE_INTERNAL", TEXT.routeNote);
    await expect(routeNote).toContainText("内部");
    await expect(routeNote.getByTestId("event-visibility")).toHaveText("内部：仅工作人员可见");
    await expect(
      page.getByTestId("staff-timeline").locator('li[data-event-type="ROUTED"]').getByTestId("event-visibility"),
    ).toHaveText("公开：所有人可见");
    await expect(page.getByTestId("staff-timeline").locator('li[data-event-type="ROUTED"]')).toContainText(
      "转至：示例县住房和城乡建设局",
    );

    // 退回: offered within 5 working days; a reason is required.
    const ret = actionForm(page, "return");
    await expect(ret).toContainText("5 个工作日");
    await expectRefused(page, ret, "退回", trackingNo, { alert: REFUSED, field: ["return-reason", "请填写此项。"] });

    // 受理 needs the confirmation box.
    const accept = actionForm(page, "accept");
    await expectRefused(page, accept, "受理", trackingNo, {
      alert: REFUSED,
      field: ["accept-confirm", "请勾选确认。"],
    });
    await accept.getByLabel("我确认本单位受理此信访事项").check();
    await submitAction(page, accept, "受理");
    await expect(page.getByTestId("state")).toHaveText("办理中");
    await expect(page.getByTestId("running-deadline")).toContainText(/办理期限：\d{4}-\d{2}-\d{2}，剩余 \d+ 日/);
    await expect(actionForm(page, "accept")).toHaveCount(0);
    await expect(actionForm(page, "return")).toHaveCount(0);

    // 分派
    const assign = actionForm(page, "assign");
    await expectRefused(page, assign, "分派", trackingNo, {
      alert: REFUSED,
      field: ["assign-assigneeId", "请选择经办人。"],
    });
    await assign.getByLabel("经办人").selectOption({ label: "王建华" });
    await submitAction(page, assign, "分派");
    await expect(page.getByTestId("assignee")).toHaveText("王建华");

    // 内部备注: the form says it stays internal.
    const internal = actionForm(page, "internalNote");
    await expect(internal).toContainText("仅工作人员可见");
    await internal.getByLabel("备注内容").fill("x");
    await expectRefused(page, internal, "添加内部备注", trackingNo, {
      alert: REFUSED,
      field: ["internalNote-text", "至少 2 个字。"],
    });
    await expect(internal.getByLabel("备注内容")).toHaveValue("x");
    await internal.getByLabel("备注内容").fill(TEXT.internalNote);
    await submitAction(page, internal, "添加内部备注");
    await expect(timelineItem(page, "NOTE_INTERNAL", TEXT.internalNote).getByTestId("event-visibility")).toHaveText(
      "内部：仅工作人员可见",
    );

    // 公开进展: the form says it is public; the petitioner's name is refused.
    const pub = actionForm(page, "publicNote");
    await expect(pub).toContainText("将在公开页面显示，所有人可见，不得包含个人信息");
    const leaking = `已电话联系${visit.name}，安排现场查看`;
    await pub.getByLabel("进展说明").fill(leaking);
    await expectRefused(page, pub, "发布公开进展", trackingNo, {
      alert: PERSONAL_DATA,
      field: ["publicNote-text", PERSONAL_DATA],
    });
    await expect(pub.getByLabel("进展说明")).toHaveValue(leaking);
    await pub.getByLabel("进展说明").fill(TEXT.publicNote);
    await submitAction(page, pub, "发布公开进展");
    await expect(timelineItem(page, "NOTE_PUBLIC", TEXT.publicNote).getByTestId("event-visibility")).toHaveText(
      "公开：所有人可见",
    );

    // 要求补充材料: the petitioner will see it.
    const info = actionForm(page, "requestInfo");
    await expect(info).toContainText("信访人可见");
    await expectRefused(page, info, "发送补充材料要求", trackingNo, {
      alert: REFUSED,
      field: ["requestInfo-text", "请填写此项。"],
    });
    await info.getByLabel("需要补充的材料").fill(TEXT.infoRequest);
    await submitAction(page, info, "发送补充材料要求");
    await expect(timelineItem(page, "INFO_REQUESTED", TEXT.infoRequest).getByTestId("event-visibility")).toHaveText(
      "信访人和工作人员可见",
    );

    // 申请延期: 1–30 days, once, waiting for a supervisor.
    const ext = actionForm(page, "requestExtension");
    await expect(ext).toContainText("须经督办员批准");
    await ext.getByLabel("延期理由").fill(TEXT.extensionReason);
    const DAYS = "延期天数须为 1 至 30 日之间的整数（《信访工作条例》第34条）。";
    for (const days of ["31", "0"]) {
      await ext.getByLabel("延期天数").fill(days);
      await expectRefused(page, ext, "提交延期申请", trackingNo, {
        alert: REFUSED,
        field: ["requestExtension-days", DAYS],
      });
      await expect(ext.getByLabel("延期理由")).toHaveValue(TEXT.extensionReason);
    }
    await ext.getByLabel("延期天数").fill("15");
    await submitAction(page, ext, "提交延期申请");
    await expect(page.getByTestId("extension-requests")).toContainText("申请延期 15 日");
    await expect(page.getByTestId("extension-requests")).toContainText("等待督办员审批");
    await expect(page.getByText("已有延期申请等待审批，不能重复申请。")).toBeVisible();
    await expect(actionForm(page, "requestExtension")).toHaveCount(0);
    expect(extensionRequests(trackingNo)).toEqual([{ days: 15, reason: TEXT.extensionReason, decision: null }]);

    // 答复: outcome by the category kind (申诉求决: 支持 / 解释说明 / 不予支持).
    const reply = actionForm(page, "reply");
    expect(await reply.getByLabel("处理结果").locator("option").allTextContents()).toEqual([
      "请选择",
      "支持",
      "解释说明",
      "不予支持",
    ]);
    await reply.getByLabel("答复意见").fill(TEXT.reply);
    await expectRefused(page, reply, "答复", trackingNo, {
      alert: REFUSED,
      field: ["reply-outcome", "请选择处理结果。"],
    });
    await expect(reply.getByLabel("答复意见")).toHaveValue(TEXT.reply);
    await reply.getByLabel("处理结果").selectOption({ label: "支持" });
    await submitAction(page, reply, "答复");
    await expect(page.getByTestId("state")).toHaveText("已答复");
    await expect(page.getByTestId("reply")).toContainText(TEXT.reply);

    // 公开: the draft comes masked; text that still names the petitioner is refused.
    const publish = actionForm(page, "publish");
    const summary = await publish.getByLabel("内容摘要").inputValue();
    for (const secret of secrets) expect(summary).not.toContain(secret);
    expect(summary).toContain(maskName(visit.name));
    await expect(publish.getByLabel("答复（公开版")).toHaveValue(TEXT.reply);
    await publish.getByLabel("公开标题").fill(`${visit.name}反映滨河路路灯问题`);
    await expectRefused(page, publish, "审核通过并公开", trackingNo, { alert: PERSONAL_DATA });
    await expect(publish.getByLabel("公开标题")).toHaveValue(`${visit.name}反映滨河路路灯问题`);
    await publish.getByLabel("公开标题").fill(TEXT.publicTitle);
    await submitAction(page, publish, "审核通过并公开");
    await expect(page.getByTestId("published")).toContainText(TEXT.publicTitle);

    const added = [
      "ROUTED",
      "NOTE_INTERNAL",
      "ACCEPTED",
      "ASSIGNED",
      "NOTE_INTERNAL",
      "NOTE_PUBLIC",
      "INFO_REQUESTED",
      "EXTENSION_REQUESTED",
      "REPLIED",
      "PUBLISHED",
    ];
    expect(caseEvents(trackingNo).map((e) => e.type)).toEqual([...seeded, ...added]);
    expect(await staffTimelineTypes(page)).toEqual([...seeded, ...added]);
  });

  const events = caseEvents(trackingNo);

  await test.step("the petitioner (query code) sees the PUBLIC and PETITIONER events: the request and the reply, no internal notes", async () => {
    const page = await person(browser, baseURL, testInfo.workerIndex);
    await openCase(page, trackingNo, queryCode);
    const types = await timelineTypes(page);
    expect(types).toEqual(events.filter((e) => e.visibility !== "INTERNAL").map((e) => e.type));
    expect(types[0]).toBe("REGISTERED");
    expect(types.slice(seeded.length)).toEqual([
      "ROUTED",
      "ACCEPTED",
      "NOTE_PUBLIC",
      "INFO_REQUESTED",
      "REPLIED",
      "PUBLISHED",
    ]);
    const main = await page.locator("main").innerText();
    for (const shown of [TEXT.infoRequest, TEXT.reply, TEXT.publicNote]) expect(main).toContain(shown);
    for (const hidden of [TEXT.routeNote, TEXT.internalNote, TEXT.extensionReason, ...STAFF_NAMES])
      expect(main).not.toContain(hidden);
  });

  await test.step("the public page shows exactly the PUBLIC events, no internal or petitioner notes, no names", async () => {
    const page = await person(browser, baseURL, testInfo.workerIndex);
    await page.goto(`/cases/${trackingNo}`);
    const types = await timelineTypes(page);
    expect(types).toEqual(events.filter((e) => e.visibility === "PUBLIC").map((e) => e.type));
    expect(types[0]).toBe("REGISTERED");
    expect(types.slice(seeded.length)).toEqual(["ROUTED", "ACCEPTED", "NOTE_PUBLIC", "REPLIED", "PUBLISHED"]);
    const main = await page.locator("main").innerText();
    for (const shown of [TEXT.publicNote, TEXT.publicTitle, TEXT.reply]) expect(main).toContain(shown);
    for (const hidden of [
      TEXT.routeNote,
      TEXT.internalNote,
      TEXT.infoRequest,
      TEXT.extensionReason,
      ...secrets,
      ...STAFF_NAMES,
    ])
      expect(main).not.toContain(hidden);
    // The head hash is hex: leave it out of the scan, where a run of digits could look like a phone number.
    const head = (await page.getByTestId("head-hash").innerText()).trim();
    expect(scanPersonalData(main.replace(head, ""), { names: [visit.name], addresses: [visit.address] })).toEqual([]);
  });
});
