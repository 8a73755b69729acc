// 单位考评 end to end: the county supervisor opens it from the navigation, chooses a period (a GET form: no
// JavaScript needed), sees a row per unit and the total, sorts by a column, and downloads the CSV — UTF-8 with a
// byte-order mark, a Chinese header, the same rows. A handler gets the not-found page and the export a 404; so does
// a request without a session. Reads only; the seeded demo county is enough.
import { expect, signIn, test } from "./support/staff";

const HEADER =
  "单位,收件,待办,当前逾期,及时受理率（%）,按期办结率（%）,办结率（%）,参评率（%）,满意率（%）,满意（仅满意）（%）,收到督办,督办逾期答复,受理用时中位数（天）,答复用时中位数（天）";

test("super1 opens 单位考评, chooses a period, sorts, and downloads the CSV", async ({ page }) => {
  await signIn(page, "super1");
  await page.getByRole("navigation", { name: "工作人员导航" }).getByRole("link", { name: "单位考评" }).click();
  await expect(page).toHaveURL(/\/staff\/scorecards$/);
  await expect(page.getByRole("heading", { level: 1, name: "单位考评" })).toBeVisible();

  // This year: the demo county's cases of the months so far.
  await page.getByLabel("期间", { exact: true }).selectOption("thisYear");
  await page.getByRole("button", { name: "查看" }).click();
  await expect(page).toHaveURL(/period=thisYear/);
  const table = page.getByTestId("scorecard-table");
  const year = new Date().getFullYear(); // the e2e server's clock runs unshifted
  await expect(page.getByTestId("scorecard-shown")).toHaveText(`统计期间：${year}-01-01 至 ${year}-12-31`);
  const rows = table.locator("tbody tr");
  expect(await rows.count()).toBeGreaterThan(10);
  await expect(table.locator("tbody tr th").first()).toHaveText("示例县人民政府"); // tree order: the county first
  await expect(table.locator("tbody tr th", { hasText: "示例县住房和城乡建设局" })).toBeVisible();
  await expect(table.locator("tfoot th")).toHaveText("合计");
  expect(Number(await table.locator("tfoot td").first().innerText())).toBeGreaterThan(0);
  // No legal organ (涉法涉诉 is left out).
  await expect(table.locator("tbody tr th", { hasText: "人民法院" })).toHaveCount(0);

  // Sort by 收件, largest first: a link, server-rendered.
  await table.getByRole("link", { name: "收件", exact: true }).click();
  await expect(page).toHaveURL(/sort=received&dir=desc/);
  await expect(table.locator('th[data-column="received"]')).toHaveAttribute("aria-sort", "descending");
  const received = await table
    .locator("tbody tr")
    .evaluateAll((trs) => trs.map((tr) => Number(tr.querySelector("td")!.textContent)));
  expect(received).toEqual([...received].sort((a, b) => b - a));
  // Read before and after the CSV is made: other tests file letters meanwhile, and 收件 only ever grows.
  const totalOf = async () => Number(await table.locator("tfoot td").first().innerText());
  const totalBefore = await totalOf();

  // The CSV of what is shown.
  const link = page.getByTestId("scorecard-export");
  await expect(link).toHaveAttribute("href", "/staff/scorecards/export?period=thisYear&sort=received&dir=desc");
  const download = page.waitForEvent("download");
  await link.click();
  const file = await download;
  expect(file.suggestedFilename()).toBe(`单位考评_${year}-01-01_${year}-12-31.csv`);
  const bytes = await new Promise<Buffer>((resolve, reject) => {
    file.createReadStream().then((s) => {
      const chunks: Buffer[] = [];
      s.on("data", (c: Buffer) => chunks.push(c));
      s.on("end", () => resolve(Buffer.concat(chunks)));
      s.on("error", reject);
    }, reject);
  });
  expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]); // the byte-order mark
  const lines = bytes.subarray(3).toString("utf8").split("\r\n");
  expect(lines[0]).toBe(HEADER);
  expect(lines).toHaveLength((await rows.count()) + 3); // header, units, total, final CRLF
  expect(lines.at(-2)!.startsWith("合计,")).toBe(true);
  await page.reload();
  const totalAfter = await totalOf();
  const csvTotal = Number(lines.at(-2)!.split(",")[1]);
  expect(csvTotal).toBeGreaterThanOrEqual(totalBefore);
  expect(csvTotal).toBeLessThanOrEqual(totalAfter);

  const response = await page.request.get("/staff/scorecards/export?period=lastYear");
  expect(response.status()).toBe(200);
  expect(response.headers()["content-type"]).toBe("text/csv; charset=utf-8");
  expect(response.headers()["content-disposition"]).toContain(
    `filename*=UTF-8''${encodeURIComponent(`单位考评_${year - 1}-01-01_${year - 1}-12-31.csv`)}`,
  );
});

test("a handler gets the not-found page, and the export a 404", async ({ page }) => {
  await signIn(page, "zjj1");
  await expect(
    page.getByRole("navigation", { name: "工作人员导航" }).getByRole("link", { name: "单位考评" }),
  ).toHaveCount(0);
  const response = await page.goto("/staff/scorecards?period=thisYear");
  expect(response?.status()).toBe(404);
  await expect(page.getByRole("heading", { level: 1, name: "页面不存在" })).toBeVisible();
  await expect(page.getByTestId("scorecard-table")).toHaveCount(0);
  const csv = await page.request.get("/staff/scorecards/export?period=thisYear");
  expect(csv.status()).toBe(404);
  expect(await csv.text()).not.toContain("单位");
});

test("without a session the export answers nothing", async ({ request }) => {
  const csv = await request.get("/staff/scorecards/export", { maxRedirects: 0 });
  expect([307, 404]).toContain(csv.status()); // the proxy sends a signed-out browser to sign-in
  expect(await csv.text()).not.toContain("收件");
  const forged = await request.get("/staff/scorecards/export", {
    headers: { cookie: "next-auth.session-token=forged" },
    maxRedirects: 0,
  });
  expect(forged.status()).toBe(404);
});
