// Public pages in both languages and from the cache (issue 9): every public page reached by plain links with
// JavaScript off, in Chinese at the plain paths and in English under /en, with the right <html lang>, hreflang
// alternates and a language switch that keeps the page; the caching headers a reverse proxy reads; and, against
// the production build, that after a staff action and a petitioner's action the very next request for the
// affected public pages shows the change (the job pass: journey.later.spec.ts).
import type { Page } from "@playwright/test";
import { expect, fileLetter, letter, openCase, test } from "./support/petition";
import { peopleOf } from "./support/people";
import { signIn } from "./support/staff";
import { actionForm, caseByTrackingNo, submitAction } from "./support/staff-case";
import { findPetition } from "./support/db";
import zhCN from "../lib/i18n/messages/zh-CN";
import en from "../lib/i18n/messages/en";
import { localePath, otherLocale } from "../lib/i18n/locale-path";
import type { Locale } from "../lib/i18n/translate";

const people = peopleOf(44);
test.afterAll(() => people.closeAll());

const CATALOG = { "zh-CN": zhCN, en } as const;
const CACHED = /^s-maxage=\d+, stale-while-revalidate=\d+$/;
const PERSONAL = /private.*no-store|no-store.*private/;

/** The page shown is `path` in `locale`: its address, <html lang>, hreflang alternates and language switch. */
async function expectPage(page: Page, locale: Locale, path: string) {
  await expect(page).toHaveURL((url) => url.pathname === localePath(locale, path));
  await expect(page.locator("html")).toHaveAttribute("lang", locale);
  for (const l of ["zh-CN", "en"] as const) {
    const href = await page.locator(`head link[rel="alternate"][hreflang="${l}"]`).getAttribute("href");
    expect(new URL(href!).pathname, `${path} hreflang ${l}`).toBe(localePath(l, path));
  }
  const other = otherLocale(locale);
  await expect(page.getByTestId("language-switch")).toHaveAttribute("href", localePath(other, path));
  await expect(page.getByTestId("language-switch")).toHaveAttribute("hreflang", other);
}

const navLink = (page: Page, locale: Locale, key: "home" | "file" | "track" | "letters") =>
  page
    .getByRole("navigation", { name: CATALOG[locale].nav.main })
    .getByRole("link", { name: CATALOG[locale].nav[key], exact: true });

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("every public page in both languages by plain links; the switch keeps the page", async ({ page }) => {
    await page.goto("/");
    await expectPage(page, "zh-CN", "/");
    await navLink(page, "zh-CN", "file").click();
    await expectPage(page, "zh-CN", "/file");
    await navLink(page, "zh-CN", "track").click();
    await expectPage(page, "zh-CN", "/track");
    await navLink(page, "zh-CN", "home").click();
    await expectPage(page, "zh-CN", "/");

    // A published case from the home page's list, then the same case in English by the switch.
    await page.getByRole("list").locator('a[href^="/cases/"]').first().click();
    const trackingNo = new URL(page.url()).pathname.split("/").pop()!;
    await expectPage(page, "zh-CN", `/cases/${trackingNo}`);
    await page.getByTestId("language-switch").click();
    await expectPage(page, "en", `/cases/${trackingNo}`);
    await expect(page.getByRole("heading", { level: 1 })).toContainText(trackingNo);

    await navLink(page, "en", "home").click();
    await expectPage(page, "en", "/");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(en.home.title);
    await page.getByRole("list").locator('a[href^="/en/cases/"]').first().click();
    await expect(page.locator("html")).toHaveAttribute("lang", "en");
    await navLink(page, "en", "file").click();
    await expectPage(page, "en", "/file");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(en.file.title);
    await navLink(page, "en", "track").click();
    await expectPage(page, "en", "/track");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(en.track.title);
    await page.getByTestId("language-switch").click();
    await expectPage(page, "zh-CN", "/track");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(zhCN.track.title);
    // 公开信件, and in English by the switch.
    await navLink(page, "zh-CN", "letters").click();
    await expectPage(page, "zh-CN", "/letters");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(zhCN.letters.title);
    await page.getByTestId("language-switch").click();
    await expectPage(page, "en", "/letters");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(en.letters.title);
  });

  test("the petitioner's view and its expiry notice keep the language of their address", async ({ page }) => {
    await page.goto("/en/track/case"); // no tracking session
    await expect(page).toHaveURL(/\/en\/track\/expired$/);
    await expect(page.locator("html")).toHaveAttribute("lang", "en");
    await expect(page.getByText(en.track.expired)).toBeVisible();
    await page.goto("/track/case");
    await expect(page).toHaveURL((url) => url.pathname === "/track/expired");
    await expect(page.getByText(zhCN.track.expired)).toBeVisible();
  });

  test("a page that does not exist answers 404 in the language of its address", async ({ page }) => {
    for (const [path, locale] of [
      ["/no-such-page", "zh-CN"],
      ["/en/no-such-page", "en"],
      ["/en/cases/XF2099999999", "en"],
    ] as const) {
      const response = await page.goto(path);
      expect(response?.status(), path).toBe(404);
      await expect(page.locator("html")).toHaveAttribute("lang", locale);
      await expect(page.getByTestId("not-found")).toBeVisible();
    }
  });
});

test("one address per page: /zh-CN/… goes to the plain path, a language prefix on a staff page to the staff page", async ({
  request,
}) => {
  for (const [from, to] of [
    ["/zh-CN", "/"],
    ["/zh-CN/file?x=1", "/file?x=1"],
    ["/en/staff", "/staff"],
  ] as const) {
    const response = await request.get(from, { maxRedirects: 0 });
    expect(response.status(), from).toBe(308);
    const location = new URL(response.headers()["location"]!, "http://x");
    expect(location.pathname + location.search, from).toBe(to);
  }
});

test("public pages can be kept by a proxy; personal pages are private, never stored", async ({ page, request }) => {
  const { trackingNo, queryCode } = await fileLetter(page);
  for (const locale of ["zh-CN", "en"] as const)
    for (const path of ["/", "/file", "/track", `/cases/${trackingNo}`]) {
      const url = localePath(locale, path);
      const response = await request.get(url);
      expect(response.status(), url).toBe(200);
      expect(response.headers()["cache-control"], url).toMatch(CACHED);
      expect(response.headers()["set-cookie"], url).toBeUndefined();
    }
  await openCase(page, trackingNo, queryCode);
  for (const path of ["/track/case", "/en/track/case"]) {
    const personal = await page.request.get(path, { maxRedirects: 0 });
    expect(personal.status(), path).toBe(200);
    expect(personal.headers()["cache-control"], path).toMatch(PERSONAL);
  }
  // The petitioner's view keeps across the language switch.
  await page.getByTestId("language-switch").click();
  await expect(page).toHaveURL(/\/en\/track\/case$/);
  await expect(page.getByTestId("tracking-no")).toHaveText(trackingNo);
  const staff = await request.get("/staff/login");
  expect(staff.headers()["cache-control"]).toMatch(PERSONAL);
});

test("after a staff action and a petitioner's action, the next request for the public pages shows it", async ({
  page,
  browser,
  baseURL,
}, testInfo) => {
  test.setTimeout(120_000);
  const before = await page.request.get("/");
  const { trackingNo, queryCode } = await fileLetter(page, letter({ category: "城乡建设" }));
  const publicPage = await people.page(browser, baseURL, testInfo.workerIndex);
  const headOf = async (path: string) => {
    await publicPage.goto(path);
    return (await publicPage.getByTestId("head-hash").innerText()).trim();
  };

  // Filing: the home page's figures count it at once (other workers may file too: at least one more).
  const total = (html: string) =>
    Number(/data-testid="figures".*?<dd[^>]*>([\d,]+)</s.exec(html)![1]!.replace(/,/g, ""));
  expect(total(await (await page.request.get("/")).text())).toBeGreaterThan(total(await before.text()));

  // Read into the cache, in both languages, before each change.
  for (const path of [`/cases/${trackingNo}`, `/en/cases/${trackingNo}`])
    expect(await headOf(path)).toBe(findPetition(trackingNo)!.headHash);
  await expect(publicPage.getByTestId("state")).toHaveText(en.enums.state.SUBMITTED);

  await test.step("a staff action: the bureau routes the case to 住建局", async () => {
    const bureau = await people.page(browser, baseURL, testInfo.workerIndex);
    await signIn(bureau, "bureau1");
    await bureau.goto(`/staff/cases/${caseByTrackingNo(trackingNo)!.id}`);
    const route = actionForm(bureau, "route");
    await route.getByLabel("承办单位").selectOption({ label: "示例县住房和城乡建设局" });
    await submitAction(bureau, route, "转送");
    const head = findPetition(trackingNo)!.headHash;
    for (const path of [`/cases/${trackingNo}`, `/en/cases/${trackingNo}`]) expect(await headOf(path), path).toBe(head);
    await expect(publicPage.getByText("示例县住房和城乡建设局").first()).toBeVisible();
  });

  await test.step("a petitioner's action: the letter is withdrawn", async () => {
    await openCase(page, trackingNo, queryCode);
    await page.getByLabel("我确认撤回这封信件").check();
    await page.getByRole("button", { name: "撤回信件" }).click();
    await expect(page.getByTestId("state")).toHaveText(zhCN.enums.state.WITHDRAWN);
    await headOf(`/cases/${trackingNo}`);
    await expect(publicPage.getByTestId("state")).toHaveText(zhCN.enums.state.WITHDRAWN);
    await headOf(`/en/cases/${trackingNo}`);
    await expect(publicPage.getByTestId("state")).toHaveText(en.enums.state.WITHDRAWN);
    expect(await headOf(`/cases/${trackingNo}`)).toBe(findPetition(trackingNo)!.headHash);
  });
});
