// A flood cannot drown filing: the real default budgets, through the browser. Without JavaScript (no
// proof-of-work) one address files 3 letters an hour, then the form says why and when to try again and keeps
// what was typed; with JavaScript the ALTCHA widget solves its challenge and the letter goes through — even from
// an address whose no-JavaScript budget is spent. One mobile number files 5 letters a day, whatever the address.
import type { Browser } from "@playwright/test";
import {
  alertOf,
  expect,
  fillLetter,
  letter,
  readReceipt,
  submitLetter,
  test,
  waitForChallenge,
  waitForHydration,
} from "./support/petition";

// 10.88.0.0/16: addresses of this spec only (the e2e server trusts one X-Forwarded-For hop).
let clients = 0;
// Several filings per test, each a full page load (and a proof of work with JavaScript).
test.describe.configure({ timeout: 120_000 });
const newAddress = (workerIndex: number) => `10.88.${workerIndex % 256}.${(++clients % 254) + 1}`;

async function browserAt(browser: Browser, baseURL: string | undefined, address: string, javaScriptEnabled: boolean) {
  const context = await browser.newContext({
    baseURL,
    javaScriptEnabled,
    locale: "zh-CN",
    extraHTTPHeaders: { "x-forwarded-for": address },
  });
  return { context, page: await context.newPage() };
}

test("without JavaScript: 3 letters an hour from one address, then refused in zh-CN with a retry time, keeping what was typed", async ({
  browser,
  baseURL,
}, testInfo) => {
  const address = newAddress(testInfo.workerIndex);
  const { context, page } = await browserAt(browser, baseURL, address, false);
  for (let i = 0; i < 3; i++) {
    await page.goto("/file");
    await fillLetter(page, letter());
    await submitLetter(page);
    await readReceipt(page);
  }
  const fourth = letter();
  await page.goto("/file");
  await fillLetter(page, fourth);
  await submitLetter(page);
  const alert = alertOf(page);
  await expect(alert).toContainText("每小时最多提交 3 封");
  // The retry time, with its date when it falls on the next day (a test run after 23:00 in Shanghai).
  await expect(alert).toContainText(/请于 (\d{4}-\d{2}-\d{2} )?\d{2}:\d{2} 后再试（约 \d+ 分钟）/);
  await expect(page.locator("#f-title")).toHaveValue(fourth.title);
  await expect(page.locator("#f-content")).toHaveValue(fourth.content);
  await expect(page.locator("#f-phone")).toHaveValue(fourth.phone);
  await expect(page.getByTestId("receipt")).toHaveCount(0);

  // With JavaScript, from the same address: the widget solves its challenge and the letter goes through.
  const js = await browserAt(browser, baseURL, address, true);
  await js.page.goto("/file");
  await waitForHydration(js.page);
  await fillLetter(js.page, letter());
  await expect(js.page.locator("altcha-widget")).toBeVisible();
  await waitForChallenge(js.page);
  await submitLetter(js.page);
  await readReceipt(js.page);
  await js.context.close();
  await context.close();
});

test("one mobile number: 5 letters a day whatever the address, then refused", async ({
  browser,
  baseURL,
}, testInfo) => {
  const phone = letter().phone;
  for (let i = 0; i < 5; i++) {
    const { context, page } = await browserAt(browser, baseURL, newAddress(testInfo.workerIndex), false);
    await page.goto("/file");
    await fillLetter(page, letter({ phone }));
    await submitLetter(page);
    await readReceipt(page);
    await context.close();
  }
  const { context, page } = await browserAt(browser, baseURL, newAddress(testInfo.workerIndex), false);
  await page.goto("/file");
  const sixth = letter({ phone });
  await fillLetter(page, sixth);
  await submitLetter(page);
  await expect(alertOf(page)).toContainText("同一手机号码每天最多提交 5 封信件");
  await expect(page.locator("#f-title")).toHaveValue(sixth.title);
  await context.close();
});
