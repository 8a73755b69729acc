// 登记 as the bureau does it: a handler signs in, registers a collective visit, hands over the 受理凭证;
// the public page shows the channel and no one's name. Bad input is refused in Chinese and writes nothing;
// staff of other units are turned away.
import { test as base, type Page } from "@playwright/test";
import { toShanghaiDateTime } from "../lib/domain/civil-time";
import { countPetitionsMarked, withDb } from "./support/db";
import { alertOf, QUERY_CODE, tag, TRACKING_NO, waitForHydration } from "./support/petition";
import { expect, signIn } from "./support/staff";

/** Each test its own client address (sign-in and lookups are limited per address); 10.99/16 is this file's. */
let addressCounter = 0;
const test = base.extend({
  extraHTTPHeaders: async ({ extraHTTPHeaders }, provide, testInfo) => {
    addressCounter += 1;
    await provide({
      ...extraHTTPHeaders,
      "x-forwarded-for": `10.99.${testInfo.workerIndex % 256}.${(addressCounter % 254) + 1}`,
    });
  },
});

test.describe.configure({ mode: "parallel" });

const REFUSED = "提交失败，请检查标出的项目。";
const field = (page: Page, name: string) => page.locator(`#f-${name}`);
const fieldError = (page: Page, name: string) => page.locator(`#f-${name}-error`);

/** What the e2e database holds for a case (read-only): channel, persons, names of its representatives. */
function storedCase(trackingNo: string) {
  return withDb((db) => {
    const row = db
      .prepare(
        'SELECT id, channel, "personCount" AS personCount, "isCollective" AS isCollective, "petitionerName" AS name, "currentUnitId" AS unitId FROM "Petition" WHERE "trackingNo" = ?',
      )
      .get(trackingNo) as
      | { id: string; channel: string; personCount: number; isCollective: number; name: string; unitId: string }
      | undefined;
    if (!row) return undefined;
    const reps = db
      .prepare('SELECT name FROM "Representative" WHERE "petitionId" = ? ORDER BY "sortOrder"')
      .all(row.id) as { name: string }[];
    const events = db.prepare('SELECT type FROM "PetitionEvent" WHERE "petitionId" = ? ORDER BY seq').all(row.id) as {
      type: string;
    }[];
    return { ...row, representatives: reps.map((r) => r.name), events: events.map((e) => e.type) };
  });
}

function countRepresentativesMarked(marker: string): number {
  return withDb(
    (db) =>
      (db.prepare('SELECT COUNT(*) AS n FROM "Representative" WHERE name LIKE ?').get(`%${marker}%`) as { n: number })
        .n,
  );
}

async function openRegister(page: Page) {
  await signIn(page, "bureau1", { callbackUrl: "/staff/register" });
  await expect(page).toHaveURL(/\/staff\/register$/);
  await waitForHydration(page);
}

/** A visit of `persons` with a petitioner and the given representatives, each name carrying the marker. */
async function fillVisit(page: Page, t: string, persons: number, representatives: string[]) {
  await field(page, "channel-VISIT").check();
  await field(page, "personCount").fill(String(persons));
  for (const [i, name] of representatives.entries()) await field(page, `rep${i}Name`).fill(name);
  await field(page, "categoryId").selectOption({ label: "劳动社保" });
  await field(page, "title").fill(`工地拖欠农民工工资${t}`);
  await field(page, "content").fill(
    `来访人称，城关镇某工地自去年十月起拖欠${persons}名工人工资共计约四十万元，多次讨要无果，请求督促支付。`,
  );
  await field(page, "placeId").selectOption({ label: "城关镇" });
  await field(page, "name").fill(`来访人${t}`);
  await field(page, "phone").fill("139 0000 1234");
  await field(page, "address").fill(`示例县城关镇建设路${t}号`);
}

test("a bureau handler registers a collective visit and hands over the receipt; the public page names no one", async ({
  page,
}) => {
  const t = tag();
  const reps = [`代表甲${t}`, `代表乙${t}`];
  await openRegister(page);
  // The received time starts at now (Shanghai), to the minute.
  await expect(field(page, "receivedAt")).toHaveValue(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/);

  // Sections of other channels are hidden; a visit shows its own.
  await field(page, "channel-LETTER").check();
  await expect(field(page, "personCount")).toBeHidden();
  await expect(field(page, "sourceDocNo")).toBeHidden();
  await field(page, "channel-HIGHER_TRANSFER").check();
  await expect(field(page, "sourceDocNo")).toBeVisible();
  await expect(field(page, "feedbackDueDate")).toBeHidden();
  await field(page, "channel-HIGHER_ASSIGN").check();
  await expect(field(page, "feedbackDueDate")).toBeVisible();
  // The accused unit is asked for accusations only.
  await expect(field(page, "accusedUnitId")).toBeHidden();
  await field(page, "categoryId").selectOption({ label: "检举控告" });
  await expect(field(page, "accusedUnitId")).toBeVisible();

  await fillVisit(page, t, 6, reps);
  await expect(field(page, "accusedUnitId")).toBeHidden();
  await expect(field(page, "personCount")).toBeVisible();
  await expect(field(page, "rep4Name")).toBeVisible(); // five rows, no script needed
  await expect(field(page, "sourceDocNo")).toBeHidden();
  await page.getByRole("button", { name: "登记", exact: true }).click();

  const receipt = page.getByTestId("receipt");
  await expect(receipt).toBeVisible();
  await expect(receipt.getByRole("heading", { name: "受理凭证" })).toBeVisible();
  const trackingNo = (await receipt.getByTestId("tracking-no").innerText()).trim();
  const queryCode = (await receipt.getByTestId("query-code").innerText()).trim();
  expect(trackingNo).toMatch(TRACKING_NO);
  expect(queryCode).toMatch(QUERY_CODE);
  await expect(receipt.getByTestId("receipt-channel")).toHaveText("来访");
  await expect(receipt.getByTestId("receipt-persons")).toHaveText("6 人（集体访）");
  await expect(receipt.getByTestId("receipt-route-due")).toContainText(/\d{4}-\d{2}-\d{2} 前转送/);
  await expect(receipt).toContainText("示例县信访局");
  await expect(receipt.getByTestId("receipt-how-to")).toContainText(/http:\/\/[^ ]+\/track/);
  // The receipt goes to the petitioner: none of the representatives' names on it either.
  for (const name of reps) await expect(receipt).not.toContainText(name);
  await expect(receipt.getByRole("link", { name: "再登记一件" })).toHaveAttribute("href", "/staff/register");

  expect(storedCase(trackingNo)).toMatchObject({
    channel: "VISIT",
    personCount: 6,
    isCollective: 1,
    name: `来访人${t}`,
    representatives: reps,
    events: ["REGISTERED"],
  });

  // Printing shows the receipt without the staff header and the buttons.
  await page.emulateMedia({ media: "print" });
  await expect(page.getByRole("banner")).toBeHidden();
  await expect(receipt.getByRole("button", { name: "打印凭证" })).toBeHidden();
  await expect(page.getByRole("heading", { level: 1, name: "登记信访事项" })).toBeHidden();
  await page.emulateMedia({ media: "screen" });

  // The public page: the channel, and no name, phone or address of anyone.
  await page.goto(`/cases/${trackingNo}`);
  await expect(page.getByRole("heading", { level: 1 })).toContainText(trackingNo);
  await expect(page.locator("main")).toContainText("来访");
  const html = await page.content();
  for (const secret of [`来访人${t}`, ...reps, "13900001234", `建设路${t}号`]) expect(html).not.toContain(secret);

  // 再登记一件: a fresh, empty form.
  await page.goBack();
  await page.goto("/staff/register");
  await expect(field(page, "title")).toHaveValue("");
});

test("bad input is refused in Chinese at each field, keeps what was typed and writes nothing", async ({ page }) => {
  const t = tag();
  await openRegister(page);
  await fillVisit(page, t, 5, []); // a collective visit without representatives
  await field(page, "receivedAt").fill(toShanghaiDateTime(new Date(Date.now() + 2 * 86_400_000))); // the day after tomorrow
  await field(page, "phone").fill("12345");
  await page.getByRole("button", { name: "登记", exact: true }).click();

  await expect(alertOf(page)).toHaveText(REFUSED);
  await expect(fieldError(page, "receivedAt")).toHaveText("收到时间不能晚于现在。");
  await expect(fieldError(page, "phone")).toHaveText("请输入手机号码或带区号的固定电话，例如 0571-87654321。");
  await expect(fieldError(page, "representatives")).toHaveText("集体访（5 人及以上）须登记至少 1 名代表。");
  await expect(field(page, "phone")).toHaveAttribute("aria-describedby", /f-phone-error/);
  await expect(field(page, "phone")).toHaveAttribute("aria-invalid", "true");
  // What was typed is still there, the channel too.
  await expect(field(page, "channel-VISIT")).toBeChecked();
  await expect(field(page, "title")).toHaveValue(`工地拖欠农民工工资${t}`);
  await expect(field(page, "personCount")).toHaveValue("5");

  // A representative's phone without the name.
  await field(page, "rep1Phone").fill("13800001111");
  await page.getByRole("button", { name: "登记", exact: true }).click();
  await expect(fieldError(page, "rep1Name")).toHaveText("请填写此项。");
  await expect(fieldError(page, "representatives")).toHaveCount(0);
  await expect(field(page, "rep1Phone")).toHaveValue("13800001111");

  // A 上级交办 without its fields (the stale visit rows, now hidden, are not in the way):
  await field(page, "channel-HIGHER_ASSIGN").check();
  await field(page, "receivedAt").fill(toShanghaiDateTime(new Date(Date.now() - 86_400_000)));
  await field(page, "phone").fill("");
  await page.getByRole("button", { name: "登记", exact: true }).click();
  await expect(fieldError(page, "sourceDocNo")).toHaveText("上级转办、交办须填写来文文号。");
  await expect(fieldError(page, "feedbackDueDate")).toHaveText("请填写此项。");
  await expect(fieldError(page, "receivedAt")).toHaveCount(0);
  await expect(fieldError(page, "representatives")).toHaveCount(0); // a 交办 has no visitors

  expect(countPetitionsMarked(t)).toBe(0);
  expect(countRepresentativesMarked(t)).toBe(0);
});

test("without JavaScript the form posts to the server and the server renders the receipt", async ({
  page,
  browser,
}, testInfo) => {
  // Sign-in itself needs JavaScript; the session cookie then serves a script-less browser.
  await signIn(page, "bureau1", { callbackUrl: "/staff/register" });
  const noJs = await browser.newContext({
    javaScriptEnabled: false,
    storageState: await page.context().storageState(),
    extraHTTPHeaders: {
      "x-forwarded-for": `10.99.${200 + (testInfo.workerIndex % 50)}.${(++addressCounter % 254) + 1}`,
    },
  });
  try {
    const p = await noJs.newPage();
    const t = tag();
    await p.goto("/staff/register");
    await field(p, "channel-HIGHER_ASSIGN").check();
    await field(p, "sourceDocNo").fill(`市信交〔2026〕${t}号`);
    await field(p, "feedbackDueDate").fill(toShanghaiDateTime(new Date(Date.now() + 30 * 86_400_000)).slice(0, 10));
    await field(p, "categoryId").selectOption({ label: "城乡建设" });
    await field(p, "title").fill(`上级交办小区违建问题${t}`);
    await field(p, "content").fill(
      "市信访局交办：群众反映小区内有人违规搭建，影响消防通道通行，请核查处理并按期反馈。",
    );
    await field(p, "placeId").selectOption({ label: "东湖街道" });
    await field(p, "name").fill(`交办人${t}`);
    await field(p, "address").fill(`示例县东湖街道湖滨路${t}号`);
    await p.getByRole("button", { name: "登记", exact: true }).click();
    const receipt = p.getByTestId("receipt");
    await expect(receipt).toBeVisible();
    await expect(receipt.getByTestId("receipt-channel")).toHaveText("上级交办");
    const trackingNo = (await receipt.getByTestId("tracking-no").innerText()).trim();
    expect(storedCase(trackingNo)).toMatchObject({
      channel: "HIGHER_ASSIGN",
      name: `交办人${t}`,
      events: ["REGISTERED"],
    });
  } finally {
    await noJs.close();
  }
});

test("a department handler (zjj1) is turned away from 登记", async ({ page }) => {
  await signIn(page, "zjj1", { callbackUrl: "/staff/register" });
  await expect(page).toHaveURL(/\/staff$/);
  await page.goto("/staff/register");
  await expect(page).toHaveURL(/\/staff$/);
  await expect(page.locator("#f-channel-VISIT")).toHaveCount(0);
  await expect(page.getByRole("navigation", { name: "工作人员导航" }).getByRole("link", { name: "登记" })).toHaveCount(
    0,
  );
});
