// One catalog per browser: a page carries the strings of the viewer's language and none of the other's.
// Every script the browser runs is collected — the JS chunks it downloads and the inline scripts of the
// document (where the server passes the one catalog to lib/i18n/client) — and searched for whole catalog
// strings that client forms use. Before the change both catalogs were in the forms' chunks.
import type { Page } from "@playwright/test";
import { test, expect, fileLetter, waitForHydration } from "./support/petition";
import zhCN from "../lib/i18n/messages/zh-CN";
import en from "../lib/i18n/messages/en";
import { localePath } from "../lib/i18n/locale-path";
import type { Locale } from "../lib/i18n/translate";

// Long sentences no page renders by chance: the receipt (after filing), the staff accept form, the 登记 lead.
const PETITIONER_KEY = "receipt.lead";
const STAFF_KEYS = ["caseStaff.accept.hint", "register.lead"] as const;
// The public pages by their address in the language — they get the petitioner's sections of the catalog only
// (lib/i18n/client-namespaces.ts) —; the staff sign-in, the whole catalog, by the staff area's language cookie.
const pagesIn = (locale: Locale) => [
  { path: localePath(locale, "/file"), present: [PETITIONER_KEY], absent: STAFF_KEYS },
  { path: localePath(locale, "/track"), present: [PETITIONER_KEY], absent: STAFF_KEYS },
  { path: "/staff/login", present: [PETITIONER_KEY, ...STAFF_KEYS], absent: [] },
];

const text = (catalog: unknown, key: string) =>
  key.split(".").reduce<unknown>((n, p) => (n as Record<string, unknown>)[p], catalog) as string;
/** A string as it may appear in script source: raw, or with its non-ASCII letters \u-escaped by a minifier. */
const forms = (s: string) => [
  s,
  s.replace(/[^\x00-\x7f]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`),
];

async function scriptsOf(page: Page, path: string): Promise<string> {
  const bodies: Promise<string>[] = [];
  page.on("response", (r) => {
    if (r.request().resourceType() === "script") bodies.push(r.text().catch(() => ""));
  });
  await page.goto(path);
  await waitForHydration(page);
  await page.waitForLoadState("load"); // not "networkidle": the proof-of-work worker can hold a request open
  const inline = await page.locator("script:not([src])").evaluateAll((els) => els.map((e) => e.textContent ?? ""));
  return [...(await Promise.all(bodies)), ...inline].join("\n");
}

for (const [locale, own, other] of [
  ["zh-CN", zhCN, en],
  ["en", en, zhCN],
] as const) {
  test(`a ${locale} page ships the ${locale} catalog only, a public page only the petitioner's part of it`, async ({
    page,
    context,
    baseURL,
  }) => {
    await context.addCookies([{ name: "locale", value: locale, url: baseURL! }]);
    for (const { path, present, absent } of pagesIn(locale)) {
      const scripts = await scriptsOf(page, path);
      for (const key of present) {
        expect(
          forms(text(own, key)).some((f) => scripts.includes(f)),
          `${path}: ${key} in ${locale} reaches the browser`,
        ).toBe(true);
        for (const f of forms(text(other, key)))
          expect(scripts.includes(f), `${path}: ${key} in the other language is absent`).toBe(false);
      }
      for (const key of absent)
        for (const catalog of [own, other])
          for (const f of forms(text(catalog, key)))
            expect(scripts.includes(f), `${path}: the staff area's ${key} is absent`).toBe(false);
    }
  });
}

test("pages without a client form carry no catalog: the home page and a public case page", async ({ page }) => {
  const { trackingNo } = await fileLetter(page);
  for (const path of ["/", `/cases/${trackingNo}`]) {
    const response = await page.goto(path);
    const html = (await response!.text()) + (await page.content());
    for (const key of [PETITIONER_KEY, ...STAFF_KEYS])
      for (const catalog of [zhCN, en])
        for (const f of forms(text(catalog, key))) expect(html.includes(f), `${path}: ${key} is not sent`).toBe(false);
  }
});
