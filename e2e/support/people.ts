// The people of one spec file: each a browser context of their own with a client address of its own, in
// 10.<subnet>.0.0/16 — a subnet per spec file, so that the per-address limits (filing, lookup, sign-in) of one file
// never meet another's — closed when the file is done.
import type { Browser, BrowserContext, BrowserContextOptions, Page } from "@playwright/test";

export function peopleOf(subnet: number) {
  let clients = 0;
  const contexts: BrowserContext[] = [];
  const context = async (
    browser: Browser,
    baseURL: string | undefined,
    workerIndex: number,
    options: BrowserContextOptions = {},
  ): Promise<BrowserContext> => {
    clients += 1;
    const c = await browser.newContext({
      baseURL,
      ...options,
      extraHTTPHeaders: { "x-forwarded-for": `10.${subnet}.${workerIndex % 256}.${(clients % 254) + 1}` },
    });
    contexts.push(c);
    return c;
  };
  return {
    context,
    /** A new person's page. */
    page: async (browser: Browser, baseURL: string | undefined, workerIndex: number): Promise<Page> =>
      (await context(browser, baseURL, workerIndex)).newPage(),
    closeAll: async () => {
      for (const c of contexts.splice(0)) await c.close();
    },
  };
}
