// No personal data in anything the public side serves, from the renderer or from the cache (issue 9): a letter is
// filed with personal data unique to this run, then a crawler follows every link of the public site from both
// home pages, and reads each page three ways — the first answer, the same page again (by then from the cache:
// `x-nextjs-cache: HIT`), and its React server payload (`RSC: 1` at `?_rsc`, what a client-side navigation loads) — and finds
// none of the petitioner's name, phone, ID number, address or e-mail in any of them.
import type { APIRequestContext, Page } from "@playwright/test";
import { expect, fileLetter, letter, tag, test } from "./support/petition";
import { isCachedPage } from "../lib/http/public-pages";
import { internalPath, splitLocale } from "../lib/i18n/locale-path";

const MAX_PAGES = 120;

/** A text as it may appear in HTML or in a script payload: raw, JSON-escaped, or with \u escapes. */
const formsOf = (s: string) => [
  s,
  JSON.stringify(s).slice(1, -1),
  s.replace(/[^\x00-\x7f]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`),
];

/** Same-site links of a page that a visitor could follow to another public page. */
function linksOf(html: string): string[] {
  const out: string[] = [];
  for (const m of html.matchAll(/href="([^"#]+)"/g)) {
    const href = m[1]!.replace(/&amp;/g, "&");
    if (!href.startsWith("/") || href.startsWith("//")) continue;
    if (/^\/(staff|api|_next)(\/|$)/.test(href) || /\.(css|js|ico|png|svg)$/.test(href)) continue;
    out.push(href.split("?")[0]!);
  }
  return out;
}

/** The internal path of a public address, to ask isCachedPage whether it should be served from the cache. */
function internal(path: string): string {
  const { locale, path: rest } = splitLocale(path);
  return internalPath(locale ?? "zh-CN", rest);
}

async function read(request: APIRequestContext, path: string, headers: Record<string, string> = {}) {
  const response = await request.get(path, { headers, maxRedirects: 0 });
  return { status: response.status(), headers: response.headers(), body: await response.text() };
}

/** A letter filed through the form with personal data unique to this run, and that data. */
async function fileWithPersonalData(page: Page, word: string) {
  const t = tag();
  const filed = await fileLetter(
    page,
    letter({
      name: `${word}${t}`,
      address: `示例县城关镇${word}路${t}号`,
      email: `crawl.${t.toLowerCase()}@example.com`,
    }),
  );
  const { name, phone, idNumber, address, email } = filed.letter;
  return { filed, secrets: [name, phone, idNumber, address, email] };
}

test("the public site, rendered and from the cache, HTML and server payloads, carries no personal data", async ({
  page,
  request,
}) => {
  test.setTimeout(240_000);
  const { filed, secrets } = await fileWithPersonalData(page, "隐私");

  const queue = ["/", "/en", `/cases/${filed.trackingNo}`, `/en/cases/${filed.trackingNo}`, "/track/expired"];
  const seen = new Set<string>();
  let fromCache = 0;
  while (queue.length > 0 && seen.size < MAX_PAGES) {
    const path = queue.shift()!;
    if (seen.has(path)) continue;
    seen.add(path);
    const first = await read(request, path);
    if (first.status >= 300 && first.status < 400) continue; // a redirect: its target is crawled on its own
    expect([200, 404], path).toContain(first.status);
    let again = await read(request, path);
    // Another test's write may drop the page between the two reads (any change to a case drops every page of the
    // lists and the unit scorecards): its next read must then be the cache's.
    const cached = (r: typeof again) => /^(HIT|STALE)$/.test(r.headers["x-nextjs-cache"] ?? "");
    for (let i = 0; i < 3 && first.status === 200 && isCachedPage(internal(path)) && !cached(again); i++)
      again = await read(request, path);
    // A server payload is asked for at `?_rsc` (Next sends a bare RSC request there first).
    const payload = await read(request, `${path}?_rsc`, { RSC: "1" });
    if (first.status === 200 && isCachedPage(internal(path))) {
      expect(again.headers["x-nextjs-cache"], `${path} served from the cache the second time`).toMatch(/^(HIT|STALE)$/);
      expect(payload.headers["content-type"], `${path} server payload`).toContain("text/x-component");
      fromCache++;
    }
    for (const [what, body] of [
      ["page", first.body],
      ["cached page", again.body],
      ["server payload", payload.body],
    ] as const)
      for (const secret of secrets)
        for (const form of formsOf(secret))
          expect(body.includes(form), `${path} (${what}) contains ${secret}`).toBe(false);
    for (const link of linksOf(first.body)) if (!seen.has(link)) queue.push(link);
  }
  // The crawl reached both languages' pages and the letter's own, and read them from the cache.
  for (const p of [
    "/",
    "/en",
    "/file",
    "/en/file",
    "/track",
    "/en/track",
    `/cases/${filed.trackingNo}`,
    `/en/cases/${filed.trackingNo}`,
  ])
    expect(seen.has(p), `crawled ${p}`).toBe(true);
  expect(fromCache).toBeGreaterThanOrEqual(8);
});

test("the open data — reference lists and Open311, first answer and cached — carries no personal data", async ({
  page,
  request,
}) => {
  const { filed, secrets } = await fileWithPersonalData(page, "开放");
  const endpoints = [
    "/api/open/units.json",
    "/api/open/categories.json",
    "/api/open/cases.json?page_size=500",
    "/api/open/cases.csv?lang=en&page_size=500",
    `/api/open/stats.json?year=${new Date().getUTCFullYear()}`,
    // The audit log's public forms (issue 11): a chain, the checkpoints, the log's leaves — never kept by a cache.
    `/api/open/chains/${filed.trackingNo}.json`,
    "/api/open/checkpoints.json",
    "/api/open/log/leaves.json?from=0&count=10000",
    "/api/open311/v2/services.json",
    "/api/open311/v2/requests.json?page_size=200",
    "/api/open311/v2/requests.json?lang=en&page_size=200",
    `/api/open311/v2/requests/${filed.trackingNo}.json`,
    `/api/open311/v2/requests/${filed.trackingNo}.json?lang=en`,
  ];
  for (const path of endpoints) {
    for (const round of ["first", "again"]) {
      const r = await read(request, path);
      expect(r.status, `${path} (${round})`).toBe(200);
      expect(r.headers["content-type"], path).toContain(path.includes(".csv") ? "text/csv" : "application/json");
      const fresh = /^\/api\/open\/(chains|checkpoints|log)[/.]/.test(path);
      expect(r.headers["cache-control"], path).toBe(fresh ? "no-cache" : "s-maxage=60, stale-while-revalidate=240");
      expect(r.headers["access-control-allow-origin"], path).toBe("*");
      for (const secret of secrets)
        for (const form of formsOf(secret))
          expect(r.body.includes(form), `${path} (${round}) contains ${secret}`).toBe(false);
    }
  }
  // The letter is there: in the list (other tests file at the same time) and by its number, its state in English.
  const list = JSON.parse((await read(request, "/api/open311/v2/requests.json?page_size=200")).body) as {
    service_request_id: string;
  }[];
  expect(list.map((r) => r.service_request_id)).toContain(filed.trackingNo);
  const [one] = JSON.parse((await read(request, `/api/open311/v2/requests/${filed.trackingNo}.json?lang=en`)).body) as {
    status: string;
    status_notes: string;
  }[];
  expect(one).toMatchObject({ status: "open", status_notes: "SUBMITTED · Awaiting acceptance" });
  const cases = JSON.parse((await read(request, endpoints[2]!)).body) as { cases: { tracking_no: string }[] };
  expect(cases.cases.map((c) => c.tracking_no)).toContain(filed.trackingNo);
  expect((await read(request, endpoints[3]!)).body).toContain(`${filed.trackingNo},ONLINE,Online`);
  // Bad input: a clear refusal in the language asked for, never stored.
  const bad = await read(request, "/api/open311/v2/requests.json?lang=en&start_date=yesterday");
  expect(bad.status).toBe(400);
  expect(JSON.parse(bad.body)).toEqual([
    { code: 400, description: expect.stringContaining("start_date is not a valid date-time") },
  ]);
  expect(bad.headers["cache-control"]).toBe("no-store");
  const unknown = await read(request, "/api/open311/v2/requests/XF2099999999.json");
  expect(unknown.status).toBe(404);
  expect(JSON.parse(unknown.body)[0].description).toBe("没有编号为 XF2099999999 的公开信件记录。");
});
