// Brotli for the build's static files (scripts/server.mjs, in front of Next's request handler). Next compresses with
// gzip only; the scripts every public page loads (React, Next's runtime) are ~15 % smaller in Brotli at its highest
// quality, which is too slow to run per request but costs nothing once per file: a file under /_next/static/ is named
// by its content's hash and never changes while the process lives. The first request for a file is answered by Next
// as before (gzip), while its Brotli form is made off the main thread (libuv's pool) from the file on disk and kept,
// with the headers Next sent (its security headers and immutable caching), for every later client that accepts `br`.
// Plain Node ESM: it runs before anything is compiled.
import fs from "node:fs/promises";
import path from "node:path";
import { promisify } from "node:util";
import zlib from "node:zlib";

const brotli = promisify(zlib.brotliCompress);
const PREFIX = "/_next/static/";
/** What is worth compressing: text. Fonts and images under /_next/static/media are compressed already. */
const TEXT = /\.(?:js|css|json|svg|txt|map)$/;
/** All kept forms together stay under this (a build's static folder is a few megabytes before compression). */
const MAX_TOTAL_BYTES = 32 * 1024 * 1024;
/** Headers of Next's answer not replayed: they describe its gzip body or this one answer. */
const NOT_REPLAYED = new Set([
  "content-length",
  "content-encoding",
  "transfer-encoding",
  "connection",
  "keep-alive",
  "date",
  "etag",
  "accept-ranges",
]);

/** Whether an Accept-Encoding header accepts Brotli (a `br` token without `q=0`). */
export function acceptsBrotli(acceptEncoding) {
  if (typeof acceptEncoding !== "string") return false;
  return acceptEncoding.split(",").some((part) => {
    const [coding, ...params] = part.trim().toLowerCase().split(";");
    if (coding.trim() !== "br") return false;
    const q = params.map((p) => p.trim()).find((p) => p.startsWith("q="));
    return q === undefined || Number(q.slice(2)) > 0;
  });
}

/** The file a static URL names inside `dir`, or null (not static, not text, or an escape from the folder). */
export function staticFileOf(dir, url) {
  if (typeof url !== "string" || !url.startsWith(PREFIX)) return null;
  const pathname = url.split("?")[0];
  let rel;
  try {
    rel = decodeURIComponent(pathname.slice(PREFIX.length));
  } catch {
    return null;
  }
  if (!TEXT.test(rel) || rel.includes("\0")) return null;
  const file = path.resolve(dir, rel);
  return file.startsWith(dir + path.sep) ? file : null;
}

/**
 * `handle(req, res)` answers from a kept Brotli form and returns true, or returns false and lets Next answer — and
 * then, for a static text file Next answered with 200, starts making its Brotli form.
 */
export function createStaticBrotli(dir, { quality = zlib.constants.BROTLI_MAX_QUALITY } = {}) {
  const root = path.resolve(dir);
  /** file → { headers, body } once made; file → null while being made or when it could not be. */
  const kept = new Map();
  let total = 0;

  async function make(file, headers) {
    kept.set(file, null);
    try {
      const raw = await fs.readFile(file);
      const body = await brotli(raw, {
        params: {
          [zlib.constants.BROTLI_PARAM_MODE]: zlib.constants.BROTLI_MODE_TEXT,
          [zlib.constants.BROTLI_PARAM_QUALITY]: quality,
          [zlib.constants.BROTLI_PARAM_SIZE_HINT]: raw.length,
        },
      });
      if (total + body.length > MAX_TOTAL_BYTES) return;
      const replayed = {};
      for (const [name, value] of Object.entries(headers)) if (!NOT_REPLAYED.has(name)) replayed[name] = value;
      replayed["content-encoding"] = "br";
      replayed["content-length"] = String(body.length);
      replayed["vary"] = "Accept-Encoding";
      total += body.length;
      kept.set(file, { headers: replayed, body });
    } catch {
      // A file that went away or could not be read: Next keeps answering for it (kept stays null: no retry loop).
    }
  }

  return {
    handle(req, res) {
      if (req.method !== "GET" && req.method !== "HEAD") return false;
      const file = staticFileOf(root, req.url);
      if (file === null || !acceptsBrotli(req.headers["accept-encoding"]) || req.headers.range !== undefined)
        return false;
      const hit = kept.get(file);
      if (hit) {
        res.writeHead(200, hit.headers);
        res.end(req.method === "HEAD" ? undefined : hit.body);
        return true;
      }
      if (hit === undefined) {
        res.once("finish", () => {
          if (res.statusCode === 200 && !kept.has(file)) void make(file, res.getHeaders());
        });
      }
      return false;
    },
  };
}
