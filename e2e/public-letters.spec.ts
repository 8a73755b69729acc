// 公开信件, the public case list (issue 10), against the production build: filtered with JavaScript off through its
// GET form, each choice an address of its own that the language switch keeps; a tracking number finds its case; an
// accusation is never listed, only counted; and the cached list counts a letter filed a moment ago on the next request.
import { expect, fileLetter, letter, test } from "./support/petition";
import zhCN from "../lib/i18n/messages/zh-CN";
import en from "../lib/i18n/messages/en";

const rows = (page: import("@playwright/test").Page) => page.getByTestId("letters").locator("tbody tr");

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("filter by the form, each choice its own address; the switch keeps it; a number finds its case", async ({
    page,
    browser,
    baseURL,
    extraHTTPHeaders,
  }) => {
    // Filed with JavaScript in a context of its own (the form's proof of work needs it), from this test's address.
    const withJs = await browser.newContext({ baseURL, extraHTTPHeaders, javaScriptEnabled: true });
    const filer = await withJs.newPage();
    const filed = await fileLetter(filer, letter());
    const accusation = await fileLetter(filer, letter({ category: "检举控告", consent: false }));
    await withJs.close();

    await page.goto("/letters");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(zhCN.letters.title);
    await page.getByLabel(zhCN.letters.state).selectOption({ label: zhCN.enums.state.SUBMITTED });
    await page.getByRole("button", { name: zhCN.letters.submit }).click();
    await expect(page).toHaveURL((url) => url.pathname === "/letters/state/SUBMITTED");
    await expect(page.getByLabel(zhCN.letters.state)).toHaveValue("SUBMITTED");
    const states = await rows(page).locator("td:nth-child(7)").allTextContents();
    expect(states.length).toBeGreaterThan(0);
    expect(new Set(states)).toEqual(new Set([zhCN.enums.state.SUBMITTED]));
    await expect(page.getByTestId("letters-total")).toContainText("检举控告");

    await page.getByTestId("language-switch").click();
    await expect(page).toHaveURL((url) => url.pathname === "/en/letters/state/SUBMITTED");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(en.letters.title);
    await expect(rows(page).first().locator("td:nth-child(7)")).toHaveText(en.enums.state.SUBMITTED);

    // A tracking number finds its case; an accusation's finds nothing.
    await page.getByLabel(en.letters.q).fill(filed.trackingNo);
    await page.getByRole("button", { name: en.letters.submit }).click();
    await expect(page).toHaveURL((url) => url.pathname === `/en/letters/q/${filed.trackingNo}/state/SUBMITTED`);
    await expect(rows(page)).toHaveCount(1);
    await rows(page).getByRole("link", { name: filed.trackingNo }).click();
    await expect(page).toHaveURL((url) => url.pathname === `/en/cases/${filed.trackingNo}`);
    await page.goto(`/letters/q/${accusation.trackingNo}`);
    await expect(page.getByText(zhCN.letters.empty)).toBeVisible();

    // Not an address of the list: 404.
    for (const bad of ["/letters/page/1", "/letters/state/REPLIED/year/2026", "/letters/colour/red"])
      expect((await page.request.get(bad)).status(), bad).toBe(404);
  });
});

test("the cached list counts a letter filed a moment ago on the next request", async ({ page, request }) => {
  const total = async () => {
    const response = await request.get("/letters");
    expect(response.headers()["cache-control"]).toBe("s-maxage=60, stale-while-revalidate=240");
    const n = /共 (\d+) 件/.exec(await response.text());
    return { n: Number(n![1]), cache: response.headers()["x-nextjs-cache"] };
  };
  await total();
  const before = await total();
  expect(before.cache).toMatch(/^(HIT|STALE)$/); // served from the cache
  await fileLetter(page, letter());
  // Other tests may file at the same time: at least this one more.
  expect((await total()).n).toBeGreaterThanOrEqual(before.n + 1);
});
