// The deadline job end to end, with the clock moved (e2e/support/later.ts): a case registered and accepted today
// goes late — 75 days on, its 60-day handling deadline has passed. The job (`npm run jobs`, scripts/jobs.ts, run at the
// later instant) records it once — one public OVERDUE, one automatic 催办 to the unit — and run again at the same
// instant writes nothing. The public page (served by the later server) shows 已逾期 and 已督办 · 催办, never the
// 催办's message; the unit's handler sees the order, from 系统, on the case page.
import { expect, test, type Browser, type BrowserContext, type Page } from "@playwright/test";
import { DEMO } from "../prisma/seed/units";
import { letter, tag, waitForHydration } from "./support/petition";
import { signIn } from "./support/staff";
import { actionForm, caseByTrackingNo, caseEvents, registerVisit, submitAction } from "./support/staff-case";
import { LATER_URL, laterNow, runDeadlineJob } from "./support/later";
import { withDb } from "./support/db";

let clients = 0;
const contexts: BrowserContext[] = [];
/** Each person a browser context and a client address of their own (10.67.0.0/16, apart from other spec files). */
async function person(browser: Browser, baseURL: string, workerIndex: number): Promise<Page> {
  clients += 1;
  const context = await browser.newContext({
    baseURL,
    extraHTTPHeaders: { "x-forwarded-for": `10.67.${workerIndex % 256}.${(clients % 254) + 1}` },
  });
  contexts.push(context);
  return context.newPage();
}
test.afterAll(async () => {
  for (const c of contexts) await c.close();
});

/** The supervision orders of a case, as stored. */
function ordersOf(petitionId: string) {
  return withDb(
    (db) =>
      db
        .prepare(
          'SELECT measure, message, "issuedById", "targetUnitId", "answeredAt" FROM "SupervisionOrder" WHERE "petitionId" = ?',
        )
        .all(petitionId) as {
        measure: string;
        message: string;
        issuedById: string | null;
        targetUnitId: string;
        answeredAt: string | null;
      }[],
  );
}

test("a case goes late: the job records it once, opens one 催办; the public sees 已逾期 and 已督办 · 催办 only", async ({
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
  let id = "";

  await test.step("today: bureau1 registers a visit and routes it to 住建局; zjj1 accepts it", async () => {
    const bureau = await person(browser, baseURL!, testInfo.workerIndex);
    await signIn(bureau, "bureau1", { callbackUrl: "/staff/register" });
    await waitForHydration(bureau);
    ({ trackingNo } = await registerVisit(bureau, visit, 1));
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

  await test.step("the public page, 75 days on: 已逾期 and 已督办 · 催办, never the message", async () => {
    const anyone = await person(browser, LATER_URL, testInfo.workerIndex);
    await anyone.goto(`/cases/${trackingNo}`);
    const timeline = anyone.getByTestId("timeline");
    await expect(timeline.locator('li[data-event-type="OVERDUE"]')).toHaveCount(1);
    await expect(timeline.locator('li[data-event-type="SUPERVISED"]')).toContainText("已督办 · 催办");
    await expect(anyone.locator("main")).not.toContainText("系统自动催办");
  });

  await test.step("住建局's handler, 75 days on, sees the 催办 from the system on the case page", async () => {
    const zjj = await person(browser, LATER_URL, testInfo.workerIndex);
    await signIn(zjj, "zjj1", { callbackUrl: `/staff/cases/${id}` });
    await expect(zjj.locator("main")).toContainText("系统自动催办");
  });
});
