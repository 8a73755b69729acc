// 迁移历史数据 on the admin page (issue 10): a bad file is reported line by line, in the admin's language, and writes
// nothing — without JavaScript, the form's plain multipart post; a good file imports whole and its cases are counted
// in the statistics at once; a handler never reaches the page. The cases are of 2018: no other spec reads that year.
import { expect, signIn, test } from "./support/staff";
import { waitForHydration } from "./support/petition";
import { countPetitions, withDb } from "./support/db";
import zhCN from "../lib/i18n/messages/zh-CN";

const HEADER =
  "channel,received_at,category_code,township_code,unit_code,person_count,title,content,petitioner_name,petitioner_phone,accepted_at,not_accepted_at,replied_at,outcome,extension_days,review_requested_at,reviewed_at,recheck_requested_at,rechecked_at,evaluation,evaluated_at,closed_at,withdrawn_at,is_repeat";
const row = (received: string, extra: Partial<Record<"unit" | "accepted" | "replied", string>> = {}) =>
  `letter,${received},CXJS,CGZ,${extra.unit ?? "ZJJ"},1,路灯维修,小区路灯坏了。,某某,13900000099,${extra.accepted ?? "2018-03-06"},,${extra.replied ?? "2018-03-28"},support,,,,,,,,,,false`;
const file = (lines: string[]) => ({
  name: "old-cases.csv",
  mimeType: "text/csv",
  buffer: Buffer.from([HEADER, ...lines].join("\n")),
});

test("without JavaScript, a bad file: every problem by its line, nothing written", async ({
  browser,
  page: signer,
}) => {
  // Sign in where scripts run, then carry the session into a context without JavaScript.
  await signIn(signer, "admin", { callbackUrl: "/staff/admin/import" });
  const noJs = await browser.newContext({
    javaScriptEnabled: false,
    storageState: await signer.context().storageState(),
    baseURL: new URL(signer.url()).origin,
    extraHTTPHeaders: { "x-forwarded-for": "10.89.0.8" },
  });
  const page = await noJs.newPage();
  await page.goto("/staff/admin/import");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(zhCN.import.title);
  const before = countPetitions();
  await page.getByLabel(zhCN.import.file).setInputFiles(
    file([
      row("2018-03-05"),
      row("2018-02-30"), // line 3: no such date
      row("2018-03-05", { unit: "NO-SUCH-UNIT" }), // line 4: an unknown code
      row("2018-03-05", { accepted: "2018-03-20", replied: "2018-03-10" }), // line 5: replied before accepted
    ]),
  );
  await page.getByRole("button", { name: zhCN.import.submit }).click();
  const refused = page.getByTestId("import-refused");
  await expect(refused).toBeVisible();
  const lines = await page
    .getByTestId("import-issues")
    .locator("li")
    .evaluateAll((li) => li.map((l) => Number(l.getAttribute("data-line"))));
  expect([...new Set(lines)].sort()).toEqual([3, 4, 5]);
  expect(countPetitions()).toBe(before);
  await noJs.close();
});

test("a good file imports whole, and the statistics count it at once; a handler never reaches the page", async ({
  page,
  browser,
  baseURL,
  extraHTTPHeaders,
}) => {
  await signIn(page, "admin", { callbackUrl: "/staff/admin/import" });
  await waitForHydration(page);
  const stats = async () =>
    (await (await page.request.get("/api/open/stats.json?year=2018")).json()) as { letters: number };
  const before = (await stats()).letters;
  await page
    .getByLabel(zhCN.import.file)
    .setInputFiles(file([row("2018-03-05"), row("2018-04-02", { accepted: "2018-04-03", replied: "2018-04-20" })]));
  await page.getByRole("button", { name: zhCN.import.submit }).click();
  await expect(page.getByTestId("import-imported")).toContainText("已导入 2 件");
  expect((await stats()).letters).toBe(before + 2);
  const imported = withDb(
    (db) =>
      (db.prepare(`SELECT COUNT(*) AS n FROM "PetitionEvent" WHERE "type" = 'IMPORTED'`).get() as { n: number }).n,
  );
  expect(imported).toBeGreaterThanOrEqual(2);

  const other = await browser.newContext({ baseURL, extraHTTPHeaders });
  const handler = await other.newPage();
  await signIn(handler, "zjj1", { callbackUrl: "/staff/admin/import" });
  await expect(handler.getByTestId("import-form")).toHaveCount(0);
  await other.close();
});
