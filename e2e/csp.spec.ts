// The Content-Security-Policy (proxy.ts, lib/http/security-headers.ts): every page works under it — public
// and staff, signed in, the filing form with JavaScript and its proof of work — and it is not permissive: on
// every page rendered per request (the petitioner's view, the staff area, the not-found page) an inline script
// injected into the HTML (what a stored XSS would be) does not run. The cached public pages are one document for
// everyone and carry no nonce (docs/security.md): only the site's own scripts, still no eval, plugin or framing.
import type { Page, Response } from "@playwright/test";
import { test, expect, signIn } from "./support/staff";
import { fileLetter, openCase, waitForHydration } from "./support/petition";

declare global {
  interface Window {
    __cspViolations?: string[];
  }
}

/** Records every CSP violation of every document the page loads, and CSP errors on the console. */
function watchCsp(page: Page): () => Promise<string[]> {
  const consoleErrors: string[] = [];
  page.on("console", (m) => {
    if (m.type() === "error" && /content security policy/i.test(m.text()))
      consoleErrors.push(`${page.url()}: ${m.text()}`);
  });
  // Init scripts are injected by the browser's debugging protocol, not subject to the page's CSP.
  void page.addInitScript(() => {
    window.__cspViolations = [];
    document.addEventListener("securitypolicyviolation", (e) => {
      window.__cspViolations?.push(`${e.violatedDirective} blocked ${e.blockedURI || "inline"} ${e.sample}`);
    });
  });
  return async () => [...consoleErrors, ...((await page.evaluate(() => window.__cspViolations ?? [])) as string[])];
}

function directives(header: string | undefined): Map<string, string[]> {
  const map = new Map<string, string[]>();
  for (const part of (header ?? "").split(";")) {
    const [name, ...values] = part.trim().split(/\s+/);
    if (name) map.set(name, values);
  }
  return map;
}

type Policy = "strict" | "cached";

function expectStrictPolicy(response: Response | null, what: string, policy: Policy = "strict") {
  expect(response, what).not.toBeNull();
  const csp = directives(response!.headers()["content-security-policy"]);
  const scriptSrc = csp.get("script-src") ?? [];
  if (policy === "cached") {
    expect(scriptSrc, `${what}: the site's own scripts only`).toEqual(["'self'", "'unsafe-inline'"]);
    expect(response!.headers()["cache-control"], `${what}: a cached page`).toMatch(/s-maxage=/);
  } else {
    expect(
      scriptSrc.some((v) => /^'nonce-[A-Za-z0-9+/=]{16,}'$/.test(v)),
      `${what}: script-src has a nonce`,
    ).toBe(true);
    expect(scriptSrc, `${what}: no inline scripts`).not.toContain("'unsafe-inline'");
  }
  expect(scriptSrc, `${what}: no eval in production`).not.toContain("'unsafe-eval'");
  expect(csp.get("object-src"), what).toEqual(["'none'"]);
  expect(csp.get("base-uri"), what).toEqual(["'self'"]);
  expect(csp.get("form-action"), what).toEqual(["'self'"]);
  expect(csp.get("frame-ancestors"), what).toEqual(["'none'"]);
  expect(csp.get("default-src"), what).toEqual(["'self'"]);
}

/** Opens a page, lets its scripts run, and asserts the policy and that nothing was blocked. */
async function visit(page: Page, violations: () => Promise<string[]>, path: string, policy: Policy = "strict") {
  const response = await page.goto(path);
  await page.waitForLoadState("load"); // not "networkidle": the proof-of-work worker can hold a request open
  expectStrictPolicy(response, path, policy);
  expect(await violations(), path).toEqual([]);
}

test("every public page works under the policy, filing and tracking with JavaScript included", async ({ page }) => {
  test.setTimeout(120_000); // six pages, a proof of work, a filing and a look-up
  const violations = watchCsp(page);
  for (const path of ["/", "/file", "/track", "/en", "/en/file"]) await visit(page, violations, path, "cached");
  for (const path of ["/no-such-page", "/staff/login"]) await visit(page, violations, path);

  // The filing form's proof of work solves in its worker under the policy…
  await page.goto("/file");
  await expect(page.getByTestId("filing-challenge").locator('[data-state="verified"]')).toHaveCount(1, {
    timeout: 30_000,
  });
  expect(await violations(), "proof of work").toEqual([]);
  // …and the letter is filed with it, then the receipt and the petitioner's view.
  const { trackingNo, queryCode } = await fileLetter(page);
  await page.waitForLoadState("load"); // not "networkidle": the proof-of-work worker can hold a request open
  expect(await violations(), "filing").toEqual([]);
  await openCase(page, trackingNo, queryCode);
  await page.waitForLoadState("load"); // not "networkidle": the proof-of-work worker can hold a request open
  expect(await violations(), "/track/case").toEqual([]);
  // The public page of the letter just filed.
  await visit(page, violations, `/cases/${trackingNo}`, "cached");
});

test("every staff page works under the policy, signed in", async ({ page }) => {
  test.setTimeout(90_000);
  const violations = watchCsp(page);
  await signIn(page, "bureau1");
  expect(await violations(), "sign-in").toEqual([]);
  await visit(page, violations, "/staff");
  const firstCase = page.locator('main a[href^="/staff/cases/"]').first();
  const caseUrl = await firstCase.getAttribute("href");
  expect(caseUrl).toBeTruthy();
  await visit(page, violations, caseUrl!);
  await waitForHydration(page);
  await visit(page, violations, "/staff/register");
  await waitForHydration(page);
  expect(await violations(), "register hydrated").toEqual([]);

  await page.context().clearCookies();
  await signIn(page, "admin");
  await visit(page, violations, "/staff/admin");
});

test("an inline script injected into the HTML of a page rendered per request does not run", async ({ page }) => {
  const violations = watchCsp(page);
  // What a stored XSS would be: markup the server sent, under the policy the server sent with it.
  await page.route("**/staff/login", async (route) => {
    const response = await route.fetch();
    const html = (await response.text()).replace(
      "</main>",
      '<script>window.__injected = "inline"</script><img src="/favicon.ico" alt="" onerror="window.__injected = \'handler\'"></main>',
    );
    await route.fulfill({ response, body: html });
  });
  const response = await page.goto("/staff/login");
  expectStrictPolicy(response, "/staff/login");
  await page.waitForLoadState("load"); // not "networkidle": the proof-of-work worker can hold a request open
  expect(await page.evaluate(() => (window as unknown as { __injected?: string }).__injected)).toBeUndefined();
  const blocked = await violations();
  expect(
    blocked.some((v) => v.includes("script-src")),
    blocked.join("\n"),
  ).toBe(true);
  // The page's own scripts still ran: the form hydrated.
  await waitForHydration(page);
});
