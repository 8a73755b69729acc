// Staff sign-in for Playwright journeys. Import `test` from here (not from ./petition) in staff specs: it
// gives each test its own client address in 10.88.0.0/16, because the sign-in limit (20 per address per
// 15 minutes, lib/auth/sign-in.ts) counts by the rightmost X-Forwarded-For entry (lib/auth/options.ts).
import { expect, test as base, type Page } from "@playwright/test";
import { withDb } from "./db";
import { DEMO_PASSWORD } from "../../prisma/seed/users";
import { alertOf, waitForHydration } from "./petition";

export { DEMO_PASSWORD };

let addressCounter = 0;
export function nextStaffClientAddress(workerIndex: number): string {
  addressCounter += 1;
  return `10.88.${workerIndex % 256}.${(addressCounter % 254) + 1}`;
}

export const test = base.extend({
  extraHTTPHeaders: async ({ extraHTTPHeaders }, provide, testInfo) => {
    await provide({ ...extraHTTPHeaders, "x-forwarded-for": nextStaffClientAddress(testInfo.workerIndex) });
  },
});
export { expect };

/** The one message for every refused sign-in (wrong password, unknown user, locked or deactivated account). */
export const SIGN_IN_REFUSED = "用户名或密码错误。连续 5 次错误将锁定账户 15 分钟。";
export const SIGN_IN_RATE_LIMITED = "尝试次数过多，请稍后再试。";

/** Fills and submits the sign-in form once; resolves with "signed-in" or the message shown. */
export async function trySignIn(
  page: Page,
  username: string,
  password = DEMO_PASSWORD,
  callbackUrl?: string,
): Promise<"signed-in" | string> {
  if (callbackUrl !== undefined || new URL(page.url()).pathname !== "/staff/login") {
    await page.goto(callbackUrl ? `/staff/login?${new URLSearchParams({ callbackUrl })}` : "/staff/login");
  }
  await waitForHydration(page);
  await page.locator("#f-username").fill(username);
  await page.locator("#f-password").fill(password);
  const answered = page.waitForResponse(
    (r) => r.request().method() === "POST" && new URL(r.url()).pathname === "/api/auth/callback/credentials",
  );
  await page.getByRole("button", { name: "登录", exact: true }).click();
  await answered;
  // The button stays disabled from the click until the answer is handled: on success the page leaves
  // (a full load of the callback page), on refusal the button comes back together with the message.
  const outcome = await Promise.race([
    page
      .waitForURL((url) => url.pathname !== "/staff/login", { waitUntil: "commit" })
      .then(
        () => "left" as const,
        () => null,
      ),
    page
      .locator("main form button[type=submit]:not([disabled])")
      .waitFor()
      .then(
        () => "answered" as const,
        () => null,
      ),
  ]);
  if (outcome === "left") {
    await page.waitForLoadState();
    return "signed-in";
  }
  const alert = alertOf(page);
  await expect(alert).toBeVisible();
  return (await alert.innerText()).trim();
}

/**
 * Signs a demo user in (password DEMO_PASSWORD unless given) and waits for the page it lands on:
 * `callbackUrl` if given, else the workspace.
 */
export async function signIn(
  page: Page,
  username: string,
  options: { password?: string; callbackUrl?: string } = {},
): Promise<void> {
  const outcome = await trySignIn(page, username, options.password, options.callbackUrl);
  expect(outcome, `sign-in of ${username}`).toBe("signed-in");
}

/** Signs out with the header's button and waits for the confirmation. */
export async function signOut(page: Page): Promise<void> {
  await page.getByRole("button", { name: "退出登录" }).click();
  await expect(page).toHaveURL(/\/staff\/login\?signedOut=1$/);
  await expect(page.getByRole("status").filter({ hasText: "您已安全退出。" })).toBeVisible();
}

/** The signed-in user's block in the staff header. */
export function staffAccount(page: Page) {
  return page.getByTestId("staff-account");
}

/** The stored lock of an account (read-only look at the e2e database), or null when it is not locked. */
export function lockedUntilOf(username: string): Date | null {
  const row = withDb(
    (db) =>
      db.prepare('SELECT "lockedUntil" AS lockedUntil FROM "User" WHERE username = ?').get(username) as
        { lockedUntil: number | string | null } | undefined,
  );
  return row?.lockedUntil == null ? null : new Date(row.lockedUntil);
}
