// What an operator watches (issue 12): one JSON log line per request (pino) with a request id and the route — never
// the address as typed, whose query may hold a search for a name — and Prometheus metrics at /metrics: requests by
// route and status, their durations, and what the app counts (filings, deadline passes, checkpoints, cases overdue
// now). The app's code reaches the counters through globalThis (lib/metrics.ts): Next bundles its own copies of
// modules, so the registry is made once, here, and shared by that name.
import { randomUUID } from "node:crypto";
import pino from "pino";
import client from "prom-client";

export const METRICS_KEY = Symbol.for("sunshine.metrics");

/** The fixed endpoints, each its own label. */
const API =
  /^\/api\/(health|ready|locale|altcha\/challenge|internal\/revalidate|open\/(units|categories|cases|stats|checkpoints)\.json|open\/cases\.csv|open\/checkpoints\/consistency\.json|open\/log\/leaves\.json|open311\/v2\/(services|requests)\.json)$/;

/** The route a path belongs to, from a fixed list (a label of bounded cardinality, nothing a visitor typed). */
export function routeOf(pathname) {
  const p = pathname.replace(/^\/en(?=\/|$)/, "") || "/";
  const patterns = [
    [/^\/_next\/static\//, "/_next/static"],
    [/^\/_next\//, "/_next"],
    [/^\/cases\/[^/]+$/, "/cases/:no"],
    [/^\/(letters|stats|report|units)(\/.*)?$/, (m) => `/${m[1]}`],
    [/^\/track\/case$/, "/track/case"],
    [/^\/(file|track|verify|track\/expired)$/, (m) => `/${m[1]}`],
    [/^\/staff\/cases\/[^/]+$/, "/staff/cases/:id"],
    [
      /^\/staff(\/(login|admin|admin\/import|register|supervision|scorecards|scorecards\/export))?$/,
      (m) => `/staff${m[1] ?? ""}`,
    ],
    [/^\/api\/open\/chains\/[^/]+$/, "/api/open/chains/:no"],
    [/^\/api\/open311\/v2\/requests\/[^/]+$/, "/api/open311/v2/requests/:no"],
    [/^\/api\/cases\/[^/]+\/chain$/, "/api/cases/:no/chain"],
    [/^\/api\/auth\//, "/api/auth"],
    [API, (m) => m[0]],
    [/^\/metrics$/, "/metrics"],
    [/^\/$/, "/"],
  ];
  for (const [re, label] of patterns) {
    const m = re.exec(p);
    if (m) return typeof label === "function" ? label(m) : label;
  }
  return "other";
}

export function createObserver() {
  const registry = new client.Registry();
  client.collectDefaultMetrics({ register: registry });
  const requests = new client.Counter({
    name: "http_requests_total",
    help: "HTTP requests by route, method and status",
    labelNames: ["route", "method", "status"],
    registers: [registry],
  });
  const durations = new client.Histogram({
    name: "http_request_duration_seconds",
    help: "HTTP request durations by route and method",
    labelNames: ["route", "method"],
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
    registers: [registry],
  });
  const counters = {
    filings: new client.Counter({
      name: "sunshine_filings_total",
      help: "Petitions filed or registered",
      labelNames: ["channel"],
      registers: [registry],
    }),
    deadlinePasses: new client.Counter({
      name: "sunshine_deadline_passes_total",
      help: "Deadline job passes",
      labelNames: ["result"],
      registers: [registry],
    }),
    checkpoints: new client.Counter({
      name: "sunshine_checkpoints_total",
      help: "Signed checkpoints made",
      registers: [registry],
    }),
  };
  const shared = { count: (name, labels = {}) => counters[name]?.inc(labels), overdueNow: null };
  new client.Gauge({
    name: "sunshine_cases_overdue",
    help: "Open cases whose running deadline has passed, now",
    registers: [registry],
    async collect() {
      if (shared.overdueNow) this.set(await shared.overdueNow());
    },
  });
  globalThis[METRICS_KEY] = shared;
  // LOG_LEVEL=warn leaves the request lines out (the end-to-end server: its tests make tens of thousands).
  const log = pino({
    base: undefined,
    timestamp: pino.stdTimeFunctions.isoTime,
    level: process.env.LOG_LEVEL || "info",
  });

  /** Logs and counts one request once it has been answered; sets its request id. */
  function observe(req, res) {
    const started = process.hrtime.bigint();
    const given = req.headers["x-request-id"];
    const id = typeof given === "string" && /^[A-Za-z0-9._-]{8,64}$/.test(given) ? given : randomUUID();
    res.setHeader("x-request-id", id);
    const route = routeOf((req.url ?? "/").split("?")[0]);
    res.once("finish", () => {
      const seconds = Number(process.hrtime.bigint() - started) / 1e9;
      requests.inc({ route, method: req.method, status: String(res.statusCode) });
      durations.observe({ route, method: req.method }, seconds);
      if (route !== "/_next/static")
        log.info(
          { reqId: id, method: req.method, route, status: res.statusCode, ms: Math.round(seconds * 1000) },
          "request",
        );
    });
  }

  /**
   * /metrics for Prometheus: answered to the machine itself, or to a scraper with METRICS_TOKEN; 404 to anyone else
   * (the figures are operational, not secret, but no business of the public site).
   */
  async function serveMetrics(req, res) {
    if ((req.url ?? "").split("?")[0] !== "/metrics") return false;
    const token = process.env.METRICS_TOKEN;
    const local = ["127.0.0.1", "::1", "::ffff:127.0.0.1"].includes(req.socket.remoteAddress ?? "");
    const forwarded = req.headers["x-forwarded-for"] !== undefined;
    const allowed = token ? req.headers.authorization === `Bearer ${token}` : local && !forwarded;
    if (!allowed) {
      res.statusCode = 404;
      res.end();
      return true;
    }
    res.setHeader("Content-Type", registry.contentType);
    res.setHeader("Cache-Control", "no-store");
    res.end(await registry.metrics());
    return true;
  }

  return { observe, serveMetrics, log };
}
