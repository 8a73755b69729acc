// Brotli for the build's static files (scripts/lib/static-brotli.mjs): what it answers for, and that what it answers
// with is the file, with the headers the first answer carried.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import fs from "node:fs";
import http from "node:http";
import os from "node:os";
import path from "node:path";
import zlib from "node:zlib";
// @ts-expect-error -- plain ESM without type declarations
import { acceptsBrotli, createStaticBrotli, staticFileOf } from "../scripts/lib/static-brotli.mjs";

describe("which requests get Brotli", () => {
  it("reads Accept-Encoding: a br token, not refused with q=0", () => {
    expect(acceptsBrotli("gzip, deflate, br")).toBe(true);
    expect(acceptsBrotli("br;q=0.5, gzip")).toBe(true);
    expect(acceptsBrotli("BR")).toBe(true);
    expect(acceptsBrotli("gzip, br;q=0")).toBe(false);
    expect(acceptsBrotli("gzip")).toBe(false);
    expect(acceptsBrotli("brotli")).toBe(false);
    expect(acceptsBrotli(undefined)).toBe(false);
  });

  it("maps only text files under /_next/static/ inside the folder", () => {
    const dir = path.resolve("/srv/app/.next/static");
    expect(staticFileOf(dir, "/_next/static/chunks/a1.js")).toBe(path.join(dir, "chunks/a1.js"));
    expect(staticFileOf(dir, "/_next/static/chunks/a1.css?v=2")).toBe(path.join(dir, "chunks/a1.css"));
    for (const url of [
      "/_next/static/media/font.woff2", // compressed already
      "/_next/static/../../server/app.js",
      "/_next/static/%2e%2e/%2e%2e/secret.js",
      "/_next/static/%E0%A4%A.js", // not decodable
      "/_next/image?url=x.js",
      "/cases/XF1.js",
    ])
      expect(staticFileOf(dir, url), url).toBeNull();
  });
});

describe("the Brotli forms", () => {
  let dir: string;
  let server: http.Server;
  let base: string;
  let nextAnswered = 0;
  const script = `console.log(${JSON.stringify("阳光信访 ".repeat(2000))});\n`;

  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "static-brotli-"));
    fs.mkdirSync(path.join(dir, "chunks"));
    fs.writeFileSync(path.join(dir, "chunks", "app.js"), script);
    const brotli = createStaticBrotli(dir);
    // Stands for Next's handler: gzip, its own headers.
    server = http.createServer((req, res) => {
      if (brotli.handle(req, res)) return;
      nextAnswered++;
      const file = staticFileOf(dir, req.url);
      if (!file || !fs.existsSync(file)) {
        res.statusCode = 404;
        res.end();
        return;
      }
      res.setHeader("content-type", "application/javascript; charset=UTF-8");
      res.setHeader("cache-control", "public, max-age=31536000, immutable");
      res.setHeader("x-content-type-options", "nosniff");
      res.setHeader("content-encoding", "gzip");
      res.setHeader("etag", 'W/"1"');
      res.end(zlib.gzipSync(fs.readFileSync(file)));
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    base = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
  });
  afterAll(async () => {
    await new Promise((resolve) => server.close(resolve));
    fs.rmSync(dir, { recursive: true, force: true });
  });

  const get = (url: string, encoding: string) =>
    new Promise<{ status: number; headers: http.IncomingHttpHeaders; body: Buffer }>((resolve, reject) => {
      http
        .get(base + url, { headers: { "accept-encoding": encoding } }, (res) => {
          const chunks: Buffer[] = [];
          res.on("data", (c: Buffer) => chunks.push(c));
          res.on("end", () => resolve({ status: res.statusCode!, headers: res.headers, body: Buffer.concat(chunks) }));
        })
        .on("error", reject);
    });

  it("answers the first request through Next, then every Brotli client from the kept form", async () => {
    const first = await get("/_next/static/chunks/app.js", "gzip, br");
    expect(first.headers["content-encoding"]).toBe("gzip");
    expect(nextAnswered).toBe(1);
    let later = first;
    for (let i = 0; i < 50 && later.headers["content-encoding"] !== "br"; i++) {
      await new Promise((r) => setTimeout(r, 20));
      later = await get("/_next/static/chunks/app.js", "gzip, br");
    }
    expect(later.headers["content-encoding"]).toBe("br");
    expect(zlib.brotliDecompressSync(later.body).toString()).toBe(script);
    expect(later.body.length).toBeLessThan(zlib.gzipSync(script).length);
    // Next's headers, without those of its gzip body.
    expect(later.headers).toMatchObject({
      "content-type": "application/javascript; charset=UTF-8",
      "cache-control": "public, max-age=31536000, immutable",
      "x-content-type-options": "nosniff",
      vary: "Accept-Encoding",
      "content-length": String(later.body.length),
    });
    expect(later.headers.etag).toBeUndefined();
    // A client without Brotli still gets Next's answer.
    const before = nextAnswered;
    const gzip = await get("/_next/static/chunks/app.js", "gzip");
    expect(gzip.headers["content-encoding"]).toBe("gzip");
    expect(nextAnswered).toBe(before + 1);
  });

  it("keeps nothing for a file Next did not find", async () => {
    for (let i = 0; i < 3; i++) expect((await get("/_next/static/chunks/gone.js", "br")).status).toBe(404);
  });
});
