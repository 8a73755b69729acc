// The petitioner's steps, as a person does them in the browser: write a letter, look it up, act on it.
import { randomBytes } from "node:crypto";
import { expect, test as base, type Page } from "@playwright/test";

/**
 * Every test gets its own client address in X-Forwarded-For. The e2e server trusts one proxy hop
 * (TRUST_PROXY_HOPS=1 in scripts/e2e-server.mjs: the tests play the reverse proxy), and
 * lib/http/client-address.ts then reads the rightmost entry, so the per-address limits (lookups 10 / 15 min,
 * filings) count each test separately instead of all tests from 127.0.0.1.
 * The 10.77.0.0/16 prefix keeps these addresses apart from other spec files' choices.
 */
let addressCounter = 0;
export function nextClientAddress(workerIndex: number): string {
  addressCounter += 1;
  return `10.77.${workerIndex % 256}.${(addressCounter % 254) + 1}`;
}

export const test = base.extend({
  extraHTTPHeaders: async ({ extraHTTPHeaders }, provide, testInfo) => {
    await provide({ ...extraHTTPHeaders, "x-forwarded-for": nextClientAddress(testInfo.workerIndex) });
  },
});
export { expect };

export const TRACKING_NO = /^XF\d{10}$/;
export const QUERY_CODE = /^[A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{4}$/;

/** Short, unique in this run: marks what one test typed so its rows (or their absence) can be found. */
export function tag(): string {
  return randomBytes(4).toString("hex").toUpperCase();
}

export type Letter = {
  category: string;
  title: string;
  content: string;
  township: string;
  address: string;
  name: string;
  phone: string;
  idNumber: string;
  email: string;
  consent: boolean;
};

/** A complete, valid letter whose personal data is unique to this call (so a leak is unambiguous). */
export function letter(overrides: Partial<Letter> = {}): Letter {
  const t = tag();
  const digits = String(parseInt(t, 16) % 100_000_000).padStart(8, "0");
  return {
    category: "城乡建设",
    title: `小区门前道路积水${t}`,
    content: `幸福路${t}号门前道路每逢下雨积水严重，老人孩子出行困难，恳请有关部门尽快疏通排水管道。`,
    township: "城关镇",
    address: `示例县城关镇幸福路${t}号`,
    name: `测试${t}`,
    phone: `139${digits}`,
    idNumber: "11010519491231002X",
    email: `petitioner.${t.toLowerCase()}@example.com`,
    consent: true,
    ...overrides,
  };
}

const field = (page: Page, name: string) => page.locator(`#f-${name}`);

/** The page's own messages (role="alert"), not Next's empty route announcer, which also has that role. */
export function alertOf(page: Page) {
  return page.locator('[role="alert"]:not(#__next-route-announcer__)');
}

/**
 * Waits until React has hydrated the page's forms. Before that a click submits the form natively (it still
 * works — progressive enhancement — but as a full page load, which is not what a JavaScript test is about).
 */
export async function waitForHydration(page: Page): Promise<void> {
  await page.waitForFunction(() => {
    const forms = Array.from(document.querySelectorAll("main form"));
    return forms.length > 0 && forms.every((f) => Object.keys(f).some((k) => k.startsWith("__reactProps$")));
  });
}

export async function fillLetter(page: Page, l: Partial<Letter>): Promise<void> {
  if (l.category !== undefined) await field(page, "categoryId").selectOption({ label: l.category });
  if (l.title !== undefined) await field(page, "title").fill(l.title);
  if (l.content !== undefined) await field(page, "content").fill(l.content);
  if (l.township !== undefined) await field(page, "placeId").selectOption({ label: l.township });
  if (l.name !== undefined) await field(page, "name").fill(l.name);
  if (l.phone !== undefined) await field(page, "phone").fill(l.phone);
  if (l.address !== undefined) await field(page, "address").fill(l.address);
  if (l.idNumber !== undefined) await field(page, "idNumber").fill(l.idNumber);
  if (l.email !== undefined) await field(page, "email").fill(l.email);
  if (l.consent !== undefined) await field(page, "consentPublic").setChecked(l.consent);
}

export async function submitLetter(page: Page): Promise<void> {
  await page.getByRole("button", { name: "提交信件" }).click();
}

/**
 * Waits until the filing form's proof-of-work widget has solved its challenge (as it does while a person
 * writes): the solved payload is then in the form's hidden `altcha` field.
 */
export async function waitForChallenge(page: Page): Promise<void> {
  await expect(page.locator('main form input[type=hidden][name="altcha"]')).toHaveValue(/.{20,}/, { timeout: 60_000 });
}

/** Writes a letter on /file (JavaScript on: with a solved challenge) and returns what the receipt shows. */
export async function fileLetter(
  page: Page,
  l: Letter = letter(),
): Promise<{ trackingNo: string; queryCode: string; letter: Letter }> {
  await page.goto("/file");
  await waitForHydration(page);
  await fillLetter(page, l);
  await waitForChallenge(page);
  await submitLetter(page);
  return { ...(await readReceipt(page)), letter: l };
}

/** The tracking number and query code on the receipt, checked for their shapes. */
export async function readReceipt(page: Page): Promise<{ trackingNo: string; queryCode: string }> {
  const receipt = page.getByTestId("receipt");
  await expect(receipt).toBeVisible();
  const trackingNo = (await receipt.getByTestId("tracking-no").innerText()).trim();
  const queryCode = (await receipt.getByTestId("query-code").innerText()).trim();
  expect(trackingNo).toMatch(TRACKING_NO);
  expect(queryCode).toMatch(QUERY_CODE);
  return { trackingNo, queryCode };
}

/**
 * Submits the 查询 form once. Resolves when the answer is on screen: "opened" (the petitioner view) or the
 * message shown. On a /track page that already shows an answer the form is used again, as a person would.
 */
export async function lookUp(page: Page, trackingNo: string, queryCode: string): Promise<"opened" | string> {
  if (new URL(page.url()).pathname !== "/track") {
    await page.goto("/track");
    await waitForHydration(page);
  }
  await page.locator("#f-trackingNo").fill(trackingNo);
  await page.locator("#f-queryCode").fill(queryCode);
  const answered = page.waitForResponse(
    (r) => r.request().method() === "POST" && new URL(r.url()).pathname === "/track",
  );
  await page.getByRole("button", { name: "查询", exact: true }).click();
  await answered;
  // The button is disabled while the action is pending; enabled again, the answer is on screen.
  await expect(page.locator("main button[type=submit][disabled]")).toHaveCount(0);
  const view = page.getByRole("heading", { name: "我的信件" });
  const alert = alertOf(page);
  await expect(view.or(alert)).toBeVisible();
  if (await view.isVisible()) return "opened";
  return (await alert.innerText()).trim();
}

/** Opens the petitioner view of a case (tracking number + query code), asserting it opened. */
export async function openCase(page: Page, trackingNo: string, queryCode: string): Promise<void> {
  expect(await lookUp(page, trackingNo, queryCode)).toBe("opened");
  await expect(page).toHaveURL(/\/track\/case$/);
  await expect(page.getByTestId("tracking-no")).toHaveText(trackingNo);
}

export const WRONG_PAIR = "信件编号或查询码不正确。";
