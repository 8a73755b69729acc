// 系统设置: an admin changes a setting on the admin page, with and without JavaScript; a value outside its bounds
// is refused beside the field with what was typed, and nothing is written. Uses the job interval, which the e2e
// servers do not run (DEADLINE_JOB=off), so no other spec depends on it; the value is put back at the end.
import { expect, signIn, test } from "./support/staff";
import { waitForHydration } from "./support/petition";
import { withDb } from "./support/db";

const storedInterval = () =>
  withDb(
    (db) =>
      (
        db.prepare(`SELECT value FROM "Setting" WHERE key = 'jobIntervalMinutes'`).get() as
          { value: string } | undefined
      )?.value ?? null,
  );

test.describe.configure({ mode: "serial" });

test("an admin changes a setting; an out-of-range value is refused beside the field", async ({ page }) => {
  await signIn(page, "admin", { callbackUrl: "/staff/admin" });
  await waitForHydration(page);
  const form = page.getByTestId("setting-jobIntervalMinutes");
  const field = form.getByLabel("期限检查间隔（分钟）");
  await expect(field).toHaveValue("5");

  await field.fill("0");
  // The browser's own min/max check would stop the post: take it away to see the server's answer.
  await field.evaluate((el) => el.removeAttribute("min"));
  await form.getByRole("button", { name: "保存" }).click();
  await expect(form.getByText("请填写 1 至 60 之间的整数。")).toBeVisible();
  await expect(field).toHaveValue("0");
  expect(storedInterval()).toBeNull();

  await field.fill("10");
  await form.getByRole("button", { name: "保存" }).click();
  await expect(form.getByRole("status")).toHaveText("已保存。");
  expect(storedInterval()).toBe("10");
  await page.reload();
  await expect(page.getByTestId("setting-jobIntervalMinutes").getByLabel("期限检查间隔（分钟）")).toHaveValue("10");
});

test("without JavaScript the form posts and the page shows the saved value", async ({ browser, page }) => {
  // Sign in where scripts run, then carry the session into a context without JavaScript.
  await signIn(page, "admin", { callbackUrl: "/staff/admin" });
  const noJs = await browser.newContext({
    javaScriptEnabled: false,
    storageState: await page.context().storageState(),
    baseURL: new URL(page.url()).origin,
    extraHTTPHeaders: { "x-forwarded-for": "10.89.0.7" },
  });
  const plain = await noJs.newPage();
  await plain.goto("/staff/admin");
  const form = plain.getByTestId("setting-jobIntervalMinutes");
  await form.getByLabel("期限检查间隔（分钟）").fill("5");
  await form.getByRole("button", { name: "保存" }).click();
  await expect(plain.getByTestId("setting-jobIntervalMinutes").getByLabel("期限检查间隔（分钟）")).toHaveValue("5");
  expect(storedInterval()).toBe("5");
  await noJs.close();
});

test("a handler cannot open the settings", async ({ page }) => {
  await signIn(page, "zjj1");
  await page.goto("/staff/admin");
  await expect(page.getByTestId("admin-settings")).toHaveCount(0);
});
