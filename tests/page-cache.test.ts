// The micro-cache in front of Next (scripts/lib/page-cache.mjs): what it keeps, for how long, and what it drops.
import { describe, expect, it } from "vitest";
// @ts-expect-error -- plain ESM without type declarations
import { cacheKeyOf, createPageCache, keepable } from "../scripts/lib/page-cache.mjs";

const CACHED = { "cache-control": "s-maxage=60, stale-while-revalidate=240", "content-type": "text/html" };
const req = (url: string, headers: Record<string, string> = {}, method = "GET") => ({ method, url, headers });

describe("the page micro-cache", () => {
  it("keys plain GETs of pages only: no server payload, action, API, staff or build file", () => {
    expect(cacheKeyOf(req("/cases/XF1", { "accept-encoding": "gzip" }))).toBe("/cases/XF1\ngzip\n");
    // Over HTTPS the answer carries HSTS: another entry.
    expect(cacheKeyOf(req("/cases/XF1", { "accept-encoding": "gzip", "x-forwarded-proto": "https" }))).toBe(
      "/cases/XF1\ngzip\nhttps",
    );
    // The open data is shareable too (app/api/open, app/api/open311), with its query.
    expect(cacheKeyOf(req("/api/open311/v2/requests.json?page=2"))).toBe("/api/open311/v2/requests.json?page=2\n\n");
    expect(cacheKeyOf(req("/api/open/units.json"))).toBe("/api/open/units.json\n\n");
    for (const r of [
      req("/cases/XF1", {}, "POST"),
      req("/cases/XF1", {}, "HEAD"),
      req("/cases/XF1", { rsc: "1" }),
      req("/file", { "next-action": "abc" }),
      req("/en", { "next-router-prefetch": "1" }),
      req("/api/health"),
      req("/staff"),
      req("/_next/static/x.js"),
    ])
      expect(cacheKeyOf(r), `${r.method} ${r.url} ${JSON.stringify(r.headers)}`).toBeNull();
  });

  it("keeps only a shareable 200: s-maxage, no cookie, not too large", () => {
    expect(keepable(200, CACHED, 10)).toBe(true);
    expect(keepable(404, CACHED, 10)).toBe(false);
    expect(keepable(200, { "cache-control": "private, no-cache, no-store, max-age=0, must-revalidate" }, 10)).toBe(
      false,
    );
    expect(keepable(200, { ...CACHED, "set-cookie": ["a=b"] }, 10)).toBe(false);
    expect(keepable(200, CACHED, 10 * 1024 * 1024)).toBe(false);
  });

  it("serves a kept answer until it expires, marked as a hit, without per-answer headers", () => {
    let t = 0;
    const cache = createPageCache({ now: () => t, ttlMs: 5000 });
    expect(cache.set("/\ngzip", 200, { ...CACHED, "content-length": "3", date: "x" }, Buffer.from("abc"))).toBe(true);
    const hit = cache.get("/\ngzip");
    expect(hit?.body.toString()).toBe("abc");
    expect(hit?.headers).toEqual({ ...CACHED, "x-nextjs-cache": "HIT" });
    t = 4999;
    expect(cache.get("/\ngzip")).not.toBeNull();
    t = 5000;
    expect(cache.get("/\ngzip")).toBeNull();
  });

  it("drops every encoding and query of the paths it is given, and nothing else", () => {
    const cache = createPageCache();
    for (const key of ["/cases/XF1\ngzip", "/cases/XF1\nbr", "/cases/XF1?x=1\n", "/en/cases/XF1\ngzip", "/\ngzip"])
      cache.set(key, 200, CACHED, Buffer.from("x"));
    cache.drop(["/cases/XF1", "/"]);
    expect(cache.get("/cases/XF1\ngzip")).toBeNull();
    expect(cache.get("/cases/XF1\nbr")).toBeNull();
    expect(cache.get("/cases/XF1?x=1\n")).toBeNull();
    expect(cache.get("/\ngzip")).toBeNull();
    expect(cache.get("/en/cases/XF1\ngzip")).not.toBeNull();
  });

  it("drops a path ending in /* with every path under it", () => {
    const cache = createPageCache();
    const list = ["/letters\n", "/letters/year/2026\n", "/letters/q/%E8%B7%AF/page/2\n"];
    for (const key of [...list, "/en/letters\n", "/lettersx\n"]) cache.set(key, 200, CACHED, Buffer.from("x"));
    cache.drop(["/letters/*"]);
    for (const key of list) expect(cache.get(key), key).toBeNull();
    expect(cache.get("/en/letters\n")).not.toBeNull();
    expect(cache.get("/lettersx\n")).not.toBeNull();
  });

  it("drops all the open data on any change: a change to any case may change any of its lists", () => {
    const cache = createPageCache();
    const open = [
      "/api/open311/v2/requests.json?page=3\n",
      "/api/open311/v2/requests/XF9.json\n",
      "/api/open/units.json\n",
    ];
    for (const key of [...open, "/cases/XF2\n"]) cache.set(key, 200, CACHED, Buffer.from("x"));
    cache.drop(["/cases/XF1"]);
    for (const key of open) expect(cache.get(key), key).toBeNull();
    expect(cache.get("/cases/XF2\n")).not.toBeNull();
  });
});
