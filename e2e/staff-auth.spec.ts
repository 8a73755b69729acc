// Staff sign-in and sign-out as a person does them, and the boundaries the shell draws: who sees which
// page, what a refused sign-in says (always the same thing), and the 15-minute lock after 5 failures.
import {
  expect,
  lockedUntilOf,
  signIn,
  signOut,
  SIGN_IN_REFUSED,
  staffAccount,
  test,
  trySignIn,
} from "./support/staff";

test.describe.configure({ mode: "parallel" });

const nav = (page: import("@playwright/test").Page) => page.getByRole("navigation", { name: "工作人员导航" });

test.describe("each role signs in and sees who they are", () => {
  for (const who of [
    { username: "bureau1", name: "韩晓东", role: "经办人", unit: "示例县信访局", links: ["工作台", "登记"] },
    { username: "zjj1", name: "王建华", role: "经办人", unit: "示例县住房和城乡建设局", links: ["工作台"] },
    {
      username: "super1",
      name: "冯建国",
      role: "督办员",
      unit: "示例县人民政府",
      links: ["工作台", "督办", "单位考评"], // 督办 and 单位考评: supervisors only
    },
  ]) {
    test(`${who.role} ${who.username}`, async ({ page }) => {
      await signIn(page, who.username);
      await expect(page).toHaveURL(/\/staff$/);
      await expect(staffAccount(page)).toContainText(who.name);
      await expect(page.getByTestId("staff-role")).toHaveText(who.role);
      await expect(page.getByTestId("staff-unit")).toHaveText(who.unit);
      // 登记 is the bureau's; 管理 the admin's.
      await expect(nav(page).getByRole("link")).toHaveText(who.links);
    });
  }

  test("管理员 admin lands on the read-only overview of units and accounts", async ({ page }) => {
    // Signing in leads to /staff; an admin has no queue there and is sent on to /staff/admin.
    await signIn(page, "admin");
    await expect(page).toHaveURL(/\/staff\/admin$/);
    await expect(staffAccount(page)).toContainText("系统管理员");
    await expect(page.getByTestId("staff-role")).toHaveText("管理员");
    await expect(page.getByTestId("staff-unit")).toHaveText("示例县信访局");
    // An admin manages and does not handle cases: no queue, no registration.
    await expect(nav(page).getByRole("link")).toHaveText(["管理"]);
    await expect(nav(page).getByRole("link", { name: "管理" })).toHaveAttribute("aria-current", "page");

    await expect(page.getByRole("heading", { level: 1, name: "系统管理" })).toBeVisible();
    const units = page.getByTestId("admin-units");
    await expect(units).toContainText("示例县人民政府");
    // The tree: 东关村 is listed inside 城关镇's item, which is inside the county government's.
    const cgz = units.getByRole("listitem").filter({ hasText: /^城关镇/ });
    await expect(cgz.getByRole("listitem").filter({ hasText: "东关村" })).toContainText("CGZ-03");
    await expect(units.getByRole("listitem").filter({ hasText: /^示例县住房和城乡建设局/ })).toContainText(
      /ZJJ.*（县直部门）/,
    );

    const zjj1 = page.getByTestId("admin-users").getByRole("row", { name: /zjj1/ });
    await expect(zjj1.getByRole("cell")).toHaveText(["王建华", "经办人", "示例县住房和城乡建设局", "启用", "未锁定"]);
  });
});

test.describe("a refused sign-in", () => {
  test("reads the same for a wrong password and an unknown user, and is tied to both fields", async ({ page }) => {
    const wrongPassword = await trySignIn(page, "slj1", "not-the-password");
    expect(wrongPassword).toBe(SIGN_IN_REFUSED);
    await expect(page).toHaveURL(/\/staff\/login$/);
    for (const field of ["#f-username", "#f-password"]) {
      await expect(page.locator(field)).toHaveAttribute("aria-invalid", "true");
      await expect(page.locator(field)).toHaveAccessibleDescription(SIGN_IN_REFUSED);
    }
    // The password is cleared and focused for the next try; the username is kept.
    await expect(page.locator("#f-password")).toHaveValue("");
    await expect(page.locator("#f-password")).toBeFocused();
    await expect(page.locator("#f-username")).toHaveValue("slj1");

    const unknownUser = await trySignIn(page, "no-such-user-2026", "not-the-password");
    expect(unknownUser).toBe(wrongPassword);
  });

  test("5 wrong passwords lock the account: the right password is then refused with the same message", async ({
    page,
  }) => {
    // tyx1 (桃源乡) is used by no other test: its lock must not get in anyone's way.
    const lockedBefore = lockedUntilOf("tyx1");
    expect(lockedBefore === null || lockedBefore.getTime() < Date.now()).toBe(true);
    for (let i = 1; i <= 5; i++)
      expect(await trySignIn(page, "tyx1", `wrong-${i}`), `attempt ${i}`).toBe(SIGN_IN_REFUSED);
    const lockedUntil = lockedUntilOf("tyx1");
    expect(lockedUntil!.getTime()).toBeGreaterThan(Date.now() + 14 * 60_000);

    expect(await trySignIn(page, "tyx1")).toBe(SIGN_IN_REFUSED);
    // Refused, not signed in: the workspace still sends this browser to sign-in.
    await page.goto("/staff");
    await expect(page).toHaveURL(/\/staff\/login$/);
  });
});

test.describe("signing out and signed-out visits", () => {
  test("after signing out every staff page sends the browser to sign-in, and back after signing in", async ({
    page,
    context,
  }) => {
    await signIn(page, "bureau2");
    await signOut(page);
    expect((await context.cookies()).filter((c) => c.name.includes("session-token"))).toEqual([]);

    await page.goto("/staff");
    await expect(page).toHaveURL(/\/staff\/login$/);
    await page.goto("/staff/register");
    await expect(page).toHaveURL(/\/staff\/login\?callbackUrl=%2Fstaff%2Fregister$/);
    await expect(page.getByText("请先登录。")).toBeVisible();

    // Signing in from there returns to the page that asked.
    await signIn(page, "bureau2");
    await expect(page).toHaveURL(/\/staff\/register$/);
  });

  test("signing out ends the session on the server: a copy of the old cookie opens nothing", async ({
    page,
    context,
    browser,
  }, testInfo) => {
    await signIn(page, "rsj1");
    const copied = (await context.cookies()).filter((c) => c.name.includes("session-token"));
    expect(copied.length).toBeGreaterThan(0);
    const baseURL = testInfo.project.use.baseURL;

    // Before signing out the copy opens the workspace: what follows proves the sign-out, not a broken copy.
    const before = await browser.newContext({ baseURL });
    await before.addCookies(copied);
    const beforePage = await before.newPage();
    await beforePage.goto("/staff");
    await expect(beforePage).toHaveURL(/\/staff$/);
    await expect(beforePage.getByTestId("staff-unit")).toHaveText("示例县人力资源和社会保障局");
    await before.close();

    await signOut(page);

    // The old cookie is still a well-signed, unexpired next-auth token; the server no longer honours it.
    const after = await browser.newContext({ baseURL });
    await after.addCookies(copied);
    const afterPage = await after.newPage();
    await afterPage.goto("/staff");
    await expect(afterPage).toHaveURL(/\/staff\/login$/);
    await expect(afterPage.locator("#f-username")).toBeVisible();
    await afterPage.goto("/staff/register");
    await expect(afterPage).toHaveURL(/\/staff\/login$/);
    await after.close();
  });

  test("a forged session cookie opens nothing: the pages check the session themselves", async ({ page, context }) => {
    // proxy.ts only looks for the cookie's presence; the workspace layout verifies it.
    await context.addCookies([{ name: "next-auth.session-token", value: "forged", domain: "127.0.0.1", path: "/" }]);
    await page.goto("/staff/admin");
    await expect(page).toHaveURL(/\/staff\/login$/);
    await expect(page.locator("#f-username")).toBeVisible();
  });

  test("a sign-in never redirects off the site, whatever callbackUrl says", async ({ page }) => {
    await signIn(page, "bureau1", { callbackUrl: "//evil.example/staff" });
    await expect(page).toHaveURL(/^http:\/\/127\.0\.0\.1:\d+\/staff$/);
  });
});

test.describe("the admin page is the admin's alone", () => {
  for (const username of ["zjj1", "super1"]) {
    test(`${username} opening /staff/admin is sent to the workspace`, async ({ page }) => {
      await signIn(page, username);
      await page.goto("/staff/admin");
      await expect(page).toHaveURL(/\/staff$/);
      await expect(page.getByRole("heading", { name: "系统管理" })).toHaveCount(0);
    });
  }
});
