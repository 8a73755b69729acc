// An in-process micro-cache of the cached public pages, in front of Next's request handler (scripts/server.mjs):
// what a reverse proxy's cache would do, kept inside the server so that one process serves a page that draws
// attention at the cost of a static file. It keeps only what Next itself marks as shareable — a 200 answer to a
// plain GET, with `Cache-Control: s-maxage=…` and no Set-Cookie (the cached public pages and the open data: never a
// personal page, never a React server payload) — for TTL_MS at most, keyed by address, Accept-Encoding and X-Forwarded-Proto. A change drops the
// pages it made stale at once: app/api/internal/revalidate calls drop() through PAGE_CACHE_KEY (the same process),
// alongside Next's own revalidatePath. Plain Node ESM: it runs before anything is compiled.

export const PAGE_CACHE_KEY = Symbol.for("sunshine.pageCache");
export const TTL_MS = 5_000;
const MAX_ENTRIES = 2_000;
const MAX_BODY_BYTES = 512 * 1024;

/** Request headers that make Next answer with something else than the page's HTML (a server payload, an action). */
const VARIANT_HEADERS = [
  "rsc",
  "next-action",
  "next-router-state-tree",
  "next-router-prefetch",
  "next-router-segment-prefetch",
  "range",
];
/** The open data (app/api/open, app/api/open311): shareable like the public pages, dropped on every change. */
export const OPEN_DATA = ["/api/open/", "/api/open311/"];
/** Response headers not replayed as stored: the server sets them for each answer. */
const PER_ANSWER = new Set(["content-length", "transfer-encoding", "connection", "keep-alive", "date", "x-request-id"]);

/** The key of a request whose answer may be served from the cache, or null. */
export function cacheKeyOf(req) {
  if (req.method !== "GET") return null;
  for (const h of VARIANT_HEADERS) if (req.headers[h] !== undefined) return null;
  const url = req.url ?? "/";
  if (url.startsWith("/_next/") || url.startsWith("/staff")) return null;
  if (url.startsWith("/api/") && !OPEN_DATA.some((prefix) => url.startsWith(prefix))) return null;
  // The answer also depends on the protocol the client reached the proxy with (HSTS, upgrade-insecure-requests).
  return `${url}\n${req.headers["accept-encoding"] ?? ""}\n${req.headers["x-forwarded-proto"] ?? ""}`;
}

/** Whether an answer, as Next finished it, may be kept. */
export function keepable(statusCode, headers, size) {
  const cacheControl = String(headers["cache-control"] ?? "");
  return (
    statusCode === 200 &&
    cacheControl.startsWith("s-maxage=") &&
    headers["set-cookie"] === undefined &&
    size <= MAX_BODY_BYTES
  );
}

export function createPageCache({ now = () => Date.now(), ttlMs = TTL_MS } = {}) {
  const entries = new Map();
  return {
    size: () => entries.size,
    /** The stored answer for a key, while fresh. */
    get(key) {
      const hit = entries.get(key);
      if (!hit) return null;
      if (hit.expires <= now()) {
        entries.delete(key);
        return null;
      }
      return hit;
    },
    set(key, statusCode, headers, body) {
      if (!keepable(statusCode, headers, body.length)) return false;
      const kept = {};
      for (const [name, value] of Object.entries(headers)) if (!PER_ANSWER.has(name)) kept[name] = value;
      kept["x-nextjs-cache"] = "HIT";
      if (entries.size >= MAX_ENTRIES) entries.delete(entries.keys().next().value);
      entries.set(key, { statusCode, headers: kept, body, expires: now() + ttlMs });
      return true;
    },
    /**
     * Drops every stored answer for these public paths (any query, any encoding) — a path ending in "/*" with every
     * path under it —, and all the open data: any change to a case may change any of its lists.
     */
    drop(paths) {
      const dropped = new Set(paths.filter((p) => !p.endsWith("/*")));
      // "/letters/*": the address and every address under it.
      const trees = paths.filter((p) => p.endsWith("/*")).map((p) => p.slice(0, -2));
      const under = (path) => trees.some((t) => path === t || path.startsWith(`${t}/`));
      for (const key of [...entries.keys()]) {
        const path = key.slice(0, key.indexOf("\n")).split("?")[0];
        if (dropped.has(path) || under(path) || OPEN_DATA.some((prefix) => path.startsWith(prefix)))
          entries.delete(key);
      }
    },
  };
}

/** Serves a stored answer; true when it did. */
export function serveFromCache(cache, key, res) {
  const hit = cache.get(key);
  if (!hit) return false;
  res.writeHead(hit.statusCode, hit.headers);
  res.end(hit.body);
  return true;
}

/** Keeps what Next writes for this request, and stores it when it is complete and keepable. */
export function recordAnswer(cache, key, res) {
  const chunks = [];
  let size = 0;
  const toBuffer = (chunk, encoding) =>
    Buffer.isBuffer(chunk)
      ? chunk
      : typeof chunk === "string"
        ? Buffer.from(chunk, typeof encoding === "string" ? encoding : "utf8")
        : Buffer.from(chunk);
  const write = res.write;
  const end = res.end;
  res.write = function (chunk, encoding, callback) {
    if (chunk !== undefined && chunk !== null && typeof chunk !== "function" && size <= MAX_BODY_BYTES) {
      const b = toBuffer(chunk, encoding);
      chunks.push(b);
      size += b.length;
    }
    return write.call(this, chunk, encoding, callback);
  };
  res.end = function (chunk, encoding, callback) {
    if (chunk !== undefined && chunk !== null && typeof chunk !== "function") {
      const b = toBuffer(chunk, encoding);
      chunks.push(b);
      size += b.length;
    }
    const result = end.call(this, chunk, encoding, callback);
    if (size <= MAX_BODY_BYTES) cache.set(key, res.statusCode, res.getHeaders(), Buffer.concat(chunks));
    return result;
  };
}
