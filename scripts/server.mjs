// The portal's own HTTP server around Next's request handler (Next's "custom server" API), used by
// `npm start`, `npm run dev` and the end-to-end server instead of `next start`.
//
// Why: `next start` fills X-Forwarded-For from the socket only when the client sent none, so without a reverse
// proxy a client chooses the address every rate limit counts by. This server writes the connection's peer
// address into a private header (PEER_HEADER, read by lib/http/client-address.ts), overwriting whatever a
// client sent under that name; with TRUST_PROXY_HOPS=0 (the default) that is the only address the portal uses.
// Plain Node ESM: it runs before anything is compiled.
import fs from "node:fs";
import http from "node:http";
import path from "node:path";
import { ROOT } from "./lib/boot.mjs";
import { PAGE_CACHE_KEY, cacheKeyOf, createPageCache, recordAnswer, serveFromCache } from "./lib/page-cache.mjs";
import { createStaticBrotli } from "./lib/static-brotli.mjs";
import { createObserver } from "./lib/observe.mjs";

/** Must equal PEER_HEADER in lib/http/client-address.ts. */
export const PEER_HEADER = "x-sunshine-peer";

/** How long a graceful shutdown waits for open requests before it stops anyway. */
const SHUTDOWN_GRACE_MS = 10_000;

/** Serves the app on hostname:port until SIGINT/SIGTERM, then finishes open requests and exits 0. */
export async function serve({ dev, hostname, port }) {
  process.env.NODE_ENV = dev ? "development" : "production";
  // Cached public pages kept on disk by an earlier run were rendered from whatever database that run had (a reseeded
  // demo, a restored backup, another test run with the same tracking numbers): a server starts with none.
  if (!dev) fs.rmSync(path.join(ROOT, ".next", "server", "route-cache"), { recursive: true, force: true });
  const { default: next } = await import("next");
  // Request logs and metrics (scripts/lib/observe.mjs), made before the app so that its code finds the counters.
  const observer = createObserver();
  const server = http.createServer();
  // Next builds the URLs its router and its proxy compare from this name, not from the address bound below; its
  // render server always says "localhost", so the router must too, or a proxy rewrite to one of our own paths
  // looks like another origin and is sent out again over HTTP.
  const app = next({ dev, dir: ROOT, hostname: "localhost", port: Number(port), httpServer: server });
  const handle = app.getRequestHandler();
  await app.prepare();

  // The cached public pages, kept here for a few seconds (scripts/lib/page-cache.mjs); not under `next dev`.
  const pageCache = dev || process.env.PAGE_CACHE === "off" ? null : createPageCache();
  globalThis[PAGE_CACHE_KEY] = pageCache;
  // The build's scripts and styles in Brotli, made once per file (scripts/lib/static-brotli.mjs); not under `next dev`.
  const staticBrotli = dev ? null : createStaticBrotli(path.join(ROOT, ".next", "static"));

  server.on("request", async (req, res) => {
    observer.observe(req, res);
    if (await observer.serveMetrics(req, res)) return;
    if (staticBrotli?.handle(req, res)) return;
    const key = pageCache ? cacheKeyOf(req) : null;
    if (key !== null) {
      if (serveFromCache(pageCache, key, res)) return;
      recordAnswer(pageCache, key, res);
    }
    // Overwrite, never trust: the client's own value under this name (even a repeated header) is gone.
    req.headers[PEER_HEADER] = req.socket.remoteAddress ?? "";
    handle(req, res).catch((err) => {
      console.error("[server] request failed:", err instanceof Error ? err.name : "unknown");
      if (!res.headersSent) res.statusCode = 500;
      res.end();
    });
  });
  if (dev) server.on("upgrade", (req, socket, head) => app.getUpgradeHandler()(req, socket, head)); // HMR

  await new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(Number(port), hostname, resolve);
  });
  console.log(`[server] ${dev ? "development" : "production"} on http://${hostname}:${port}`);
  // Where this process's own deadline job sends the cached pages it made stale (lib/data/public-pages.ts).
  const self = hostname === "0.0.0.0" || hostname === "::" ? "127.0.0.1" : hostname;
  process.env.SELF_ORIGIN ||= `http://${self.includes(":") ? `[${self}]` : self}:${port}`;

  let stopping = false;
  const stop = (signal) => {
    if (stopping) return;
    stopping = true;
    console.log(`[server] ${signal}: finishing open requests`);
    const force = setTimeout(() => process.exit(0), SHUTDOWN_GRACE_MS);
    force.unref();
    server.close(() => {
      Promise.resolve(app.close?.()).finally(() => process.exit(0));
    });
    server.closeIdleConnections();
  };
  for (const sig of ["SIGINT", "SIGTERM"]) process.on(sig, () => stop(sig));
}
