// 退出查询 ends the petitioner's view on the server: a copy of the old cookie, replayed in another browser
// afterwards, opens nothing (lib/petitioner-session.ts keeps the session as a row the button ends).
import { expect, fileLetter, openCase, test } from "./support/petition";

test("after 退出查询 a copy of the old tracking cookie opens nothing", async ({ page, context, browser }, testInfo) => {
  const { trackingNo, queryCode } = await fileLetter(page);
  await openCase(page, trackingNo, queryCode);
  const copied = (await context.cookies()).filter((c) => c.name.startsWith("xf_case"));
  // One copy per language's tracking pages, sent to no other page.
  expect(copied.map((c) => `${c.name} ${c.path}`).sort()).toEqual(["xf_case /track", "xf_case_en /en/track"]);
  const baseURL = testInfo.project.use.baseURL;

  // While tracking is open, the copy works: what follows proves the ending, not a broken copy.
  const before = await browser.newContext({ baseURL });
  await before.addCookies(copied);
  const beforePage = await before.newPage();
  await beforePage.goto("/track/case");
  await expect(beforePage.getByTestId("tracking-no")).toHaveText(trackingNo);
  await before.close();

  await page.getByRole("button", { name: "退出查询" }).click();
  await expect(page).toHaveURL(/\/track$/);
  expect((await context.cookies()).filter((c) => c.name.startsWith("xf_case"))).toEqual([]);

  const after = await browser.newContext({ baseURL });
  await after.addCookies(copied);
  const afterPage = await after.newPage();
  await afterPage.goto("/track/case");
  await expect(afterPage).toHaveURL(/\/track\/expired$/);
  await expect(afterPage.getByTestId("tracking-no")).toHaveCount(0);
  await expect(afterPage.getByText(trackingNo)).toHaveCount(0);
  await after.close();
});
