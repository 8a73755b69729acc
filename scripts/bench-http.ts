// `npm run bench:http`: what the public site costs over HTTP on 100,000 cases (issue 9) — pages and filing.
//
// 1. Builds a throw-away database like the other benchmarks (scripts/lib/bench.ts: the seed's generator plays
//    BENCH_BASE_CASES cases, each copied to reach BENCH_CASES), here with each case's events (the public timeline),
//    supervision orders and extension requests copied too.
// 2. Starts the production server exactly as `npm start` does (scripts/start.mjs: migrate, no seed with
//    SEED_DEMO=0, `next build` only when .next/BUILD_ID is missing, then scripts/server.mjs) on that database,
//    on its own port (BENCH_HTTP_PORT, 3290), with the deadline job off, a fixed APP_SECRET and
//    TRUST_PROXY_HOPS=1: the benchmark plays the reverse proxy, so each filing comes from its own address
//    (X-Forwarded-For) with its own mobile number. The production budgets stay as they are; no simulated
//    client ever reaches one.
// 3. Measures in turns, so machine noise hits every target alike: BENCH_HTTP_ROUNDS rounds (3), in each round
//    every target for BENCH_HTTP_SECONDS (5 s) with autocannon, 20 connections, after a short unmeasured
//    warm-up of each, and a pause after each run until its last requests have finished. Every request asks
//    for `Accept-Encoding: gzip, br`; bytes are what came over the socket (headers included). Errors are
//    socket errors, timeouts and non-2xx answers — for filings also every answer that did not create a case (a
//    refusal is a 200 page with a message; the database counts the cases; requests cut off when a run stops
//    are not answers, though the server may still file them).
// 4. Prints the table, then each public page's weight: its HTML and the scripts and stylesheets it links,
//    compressed as sent.
//
// Filing without JavaScript is the browser's own POST of the /file form (multipart, the server action's hidden
// fields $ACTION_REF_1 / $ACTION_1:0 / $ACTION_1:1 / $ACTION_KEY read from the served page). Filing with
// JavaScript is the POST React sends (Next-Action header, the form's fields prefixed `_1_`, the arguments in
// field `0`), with a solved ALTCHA payload in `altcha`. The benchmark knows the server's secret, so it issues
// each challenge itself with the server's keys and parameters (lib/data/filing-challenge.ts) and solves it
// knowing the counter it picked — one key derivation instead of the ~2,000 a browser tries; the server's side
// (verify, redeem once) is the same. A check before the rounds proves the payloads verify: four filings from
// one address, which only the challenge's budget allows (without one the fourth would be refused).
//
//   npm run bench:http
//   BENCH_HTTP_ROUNDS=5 BENCH_HTTP_SECONDS=10 npm run bench:http
//   BENCH_CASES=20000 …; BENCH_KEEP=1 …         # as the other benchmarks
//   BENCH_HTTP_TARGETS=filing …                 # only the targets whose names contain these (comma-separated)
//   BENCH_HTTP_SERVER_FLAGS="--cpu-prof --cpu-prof-dir=/tmp/prof" …   # Node's flags for the server: a profile
//
// Nothing else heavy should run meanwhile; e2e builds share .next: `flock /tmp/e2e.lock npm run bench:http`.
import { spawn, type ChildProcess } from "node:child_process";
import { createHmac } from "node:crypto";
import http from "node:http";
import net from "node:net";
import path from "node:path";
import zlib from "node:zlib";
import autocannon from "autocannon";
import Database from "better-sqlite3";
import { createChallenge, randomInt, solveChallenge } from "altcha-lib";
import { deriveKey } from "altcha-lib/algorithms/pbkdf2";
import { FILING_CHALLENGE_TTL_MS, FILING_CHALLENGE_WORK } from "../lib/domain/filing-limits";
import {
  CASES,
  copyCases,
  copyId,
  copyOrders,
  count,
  fileSize,
  playCases,
  runBench,
  seconds,
  writeCases,
} from "./lib/bench";

const SECRET = "bench-http-secret-not-for-production-0123456789abcdef";
// The server gets this secret; the ALTCHA keys below are derived from it. Set before runBench, which keeps it.
process.env.APP_SECRET = SECRET;

const ROOT = path.resolve(__dirname, "..");
const PORT = Number(process.env.BENCH_HTTP_PORT ?? 3290);
const ORIGIN = `http://127.0.0.1:${PORT}`;
const ROUNDS = Number(process.env.BENCH_HTTP_ROUNDS ?? 3);
const SECONDS = Number(process.env.BENCH_HTTP_SECONDS ?? 5);
const WARMUP_SECONDS = 2;
const CONNECTIONS = 20;
/** Solved challenges made ready per JavaScript filing round; a round that uses them all says so. */
const PAYLOADS_PER_ROUND = Number(process.env.BENCH_HTTP_PAYLOADS ?? 2_500);
const ACCEPT_ENCODING = "gzip, br";
const HTML = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8";

// ---------------------------------------------------------------------------------------------------------------
// The server

async function portInUse(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const s = net.connect(port, "127.0.0.1");
    s.once("connect", () => (s.destroy(), resolve(true)));
    s.once("error", () => resolve(false));
  });
}

/** `npm start`'s boot on the bench database; resolves when /api/health answers 200. */
async function startServer(file: string): Promise<ChildProcess> {
  if (await portInUse(PORT)) throw new Error(`port ${PORT} is in use: set BENCH_HTTP_PORT`);
  // BENCH_HTTP_SERVER_FLAGS="--cpu-prof --cpu-prof-dir=/tmp/prof": Node's own flags for the server (a profile).
  const flags = (process.env.BENCH_HTTP_SERVER_FLAGS ?? "").split(" ").filter(Boolean);
  const child = spawn(process.execPath, [...flags, path.join(ROOT, "scripts/start.mjs")], {
    cwd: ROOT,
    env: {
      ...process.env,
      DATABASE_URL: `file:${file}`,
      PORT: String(PORT),
      HOSTNAME: "127.0.0.1",
      SEED_DEMO: "0",
      DEADLINE_JOB: "off",
      TRUST_PROXY_HOPS: "1",
      APP_SECRET: SECRET,
      NEXTAUTH_SECRET: SECRET,
      NEXTAUTH_URL: ORIGIN,
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  // The boot's own lines and anything that goes wrong; Prisma's banner is left out.
  const forward = (chunk: Buffer) => {
    for (const line of chunk.toString("utf8").split("\n"))
      if (/^\[(boot|server)\]|error|fail|build|✓/i.test(line)) console.log(`  server | ${line}`);
  };
  child.stdout!.on("data", forward);
  child.stderr!.on("data", forward);
  const t = performance.now();
  for (;;) {
    if (child.exitCode !== null) throw new Error(`the server exited with code ${child.exitCode}`);
    const ok = await get("/api/health", {}).then(
      (r) => r.status === 200,
      () => false,
    );
    if (ok) break;
    if (performance.now() - t > 15 * 60_000) throw new Error("the server did not answer within 15 minutes");
    await new Promise((r) => setTimeout(r, 500));
  }
  console.log(`server ready on ${ORIGIN} in ${seconds(t)}`);
  return child;
}

async function stopServer(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return;
  const exited = new Promise((r) => child.once("exit", r));
  child.kill("SIGTERM");
  const timer = setTimeout(() => child.kill("SIGKILL"), 15_000);
  await exited;
  clearTimeout(timer);
}

// ---------------------------------------------------------------------------------------------------------------
// Single requests (discovery, checks, page weights)

type Got = { status: number; headers: http.IncomingHttpHeaders; wireBytes: number; body: string };

function get(p: string, headers: Record<string, string>): Promise<Got> {
  return send("GET", p, headers);
}

function send(method: string, p: string, headers: Record<string, string>, body?: string): Promise<Got> {
  return new Promise((resolve, reject) => {
    const req = http.request(`${ORIGIN}${p}`, { method, headers, agent: false }, (res) => {
      const parts: Buffer[] = [];
      res.on("data", (c: Buffer) => parts.push(c));
      res.on("end", () => {
        const raw = Buffer.concat(parts);
        const enc = res.headers["content-encoding"];
        const plain = enc === "br" ? zlib.brotliDecompressSync(raw) : enc === "gzip" ? zlib.gunzipSync(raw) : raw;
        resolve({
          status: res.statusCode ?? 0,
          headers: res.headers,
          wireBytes: raw.length,
          body: plain.toString("utf8"),
        });
      });
      res.on("error", reject);
    });
    req.on("error", reject);
    req.end(body);
  });
}

const decode = (s: string) =>
  s
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, "&")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">");

/**
 * The scripts and stylesheets a page links (not those loaded later on demand), without the `noModule` polyfills: a
 * browser that runs modules — every browser the portal supports — never fetches them.
 */
const assetsOf = (html: string) => [
  ...new Set(
    [...html.matchAll(/<(?:script|link)\b[^>]*?(?:src|href)="(\/_next\/static\/[^"]+\.(?:js|css))"[^>]*>/g)]
      .filter((m) => !/\bnoModule\b/i.test(m[0]))
      .map((m) => m[1]!),
  ),
];

// ---------------------------------------------------------------------------------------------------------------
// Measuring

type Sample = { requests: number; non2xx: number; errors: number; bytes: number; seconds: number; latencies: number[] };
const emptySample = (): Sample => ({ requests: 0, non2xx: 0, errors: 0, bytes: 0, seconds: 0, latencies: [] });

type Target = {
  name: string;
  /** Shown under the name. */
  what: string;
  request: autocannon.Request;
  headers?: Record<string, string>;
  /** Filings: how many answers were refusals (200 with a message), from the database's count of cases. */
  filing?: { before: () => void; created: () => number; ready?: () => Promise<void> };
};

async function measure(target: Target, duration: number, into: Sample | null): Promise<void> {
  await target.filing?.ready?.();
  target.filing?.before();
  const latencies: number[] = [];
  let bytes = 0;
  const result = await new Promise<autocannon.Result>((resolve, reject) => {
    const inst = autocannon(
      {
        url: ORIGIN,
        connections: CONNECTIONS,
        duration,
        headers: { "accept-encoding": ACCEPT_ENCODING, ...target.headers },
        requests: [target.request],
      },
      (err, res) => (err ? reject(err instanceof Error ? err : new Error(String(err))) : resolve(res)),
    );
    inst.on("response", (_client, _status, resBytes, responseTime) => {
      latencies.push(responseTime);
      bytes += resBytes;
    });
  });
  // Requests still in flight when autocannon stops are dropped by the client but finish on the server; wait them
  // out, or a slow target's leftovers would count against the next one.
  await new Promise((r) => setTimeout(r, Math.min(15_000, 500 + latencies.reduce((a, b) => Math.max(a, b), 0))));
  if (!into) return;
  const responses = latencies.length;
  into.requests += responses;
  into.non2xx += result.non2xx;
  into.errors += result.errors;
  if (target.filing) into.errors += Math.max(0, responses - result.non2xx - target.filing.created());
  into.bytes += bytes;
  into.seconds += result.duration;
  for (const l of latencies) into.latencies.push(l);
}

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

function printTable(rows: { target: Target; s: Sample }[], baseRps: number) {
  const head = ["target", "req/s", "p50 ms", "p99 ms", "errors", "requests", "bytes/resp", "× static"];
  const body = rows.map(({ target, s }) => {
    const rps = s.requests / s.seconds;
    const sorted = [...s.latencies].sort((a, b) => a - b);
    return [
      target.name,
      rps.toFixed(1),
      percentile(sorted, 50).toFixed(0),
      percentile(sorted, 99).toFixed(0),
      count(s.non2xx + s.errors),
      count(s.requests),
      s.requests ? count(Math.round(s.bytes / s.requests)) : "—",
      target.filing ? "" : (rps / baseRps).toFixed(3),
    ];
  });
  const widths = head.map((h, i) => Math.max(h.length, ...body.map((r) => r[i]!.length)));
  const line = (r: string[]) =>
    "| " + r.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join(" | ") + " |";
  console.log(line(head));
  console.log("|" + widths.map((w, i) => (i === 0 ? "-".repeat(w + 2) : "-".repeat(w + 1) + ":")).join("|") + "|");
  for (const r of body) console.log(line(r));
}

// ---------------------------------------------------------------------------------------------------------------
// Filing

/** The filing form as served: the server action's hidden fields, an ordinary category and a township. */
function readFilingForm(html: string) {
  const form = html.match(/<form[^>]*encType="multipart\/form-data"[^>]*>([\s\S]*?)<\/form>/)?.[1];
  if (!form) throw new Error("no server-action form on /file");
  const hidden = [...form.matchAll(/<input type="hidden" name="([^"]+)"(?: value="([^"]*)")?\/>/g)]
    .map((m) => [m[1]!, decode(m[2] ?? "")] as const)
    .filter(([name]) => name.startsWith("$ACTION"));
  const ref = hidden.find(([name]) => /^\$ACTION_\d+:0$/.test(name));
  if (!ref) throw new Error("no $ACTION_n:0 field on /file");
  const actionId = (JSON.parse(ref[1]) as { id: string }).id;
  const optionsOf = (name: string) => {
    const select = form.match(new RegExp(`<select[^>]*name="${name}"[^>]*>([\\s\\S]*?)</select>`))?.[1] ?? "";
    return [...select.matchAll(/<option value="([^"]+)">([^<]*)<\/option>/g)].map((m) => ({ id: m[1]!, name: m[2]! }));
  };
  const category = optionsOf("categoryId").find((c) => !/检举|控告|涉法|诉/.test(c.name)) ?? optionsOf("categoryId")[0];
  const township = optionsOf("placeId")[0];
  if (!category || !township) throw new Error("no category or township on /file");
  return { hidden, actionId, categoryId: category.id, placeId: township.id };
}

let filingNo = 0;
/** A letter of its own: its address (10.x.y.z, one per filing) and mobile number are used once. */
function nextLetter(form: ReturnType<typeof readFilingForm>) {
  const n = ++filingNo;
  return {
    address: `10.${(n >> 16) & 255}.${(n >> 8) & 255}.${n & 255}`,
    fields: [
      ["categoryId", form.categoryId],
      ["accusedUnitId", ""],
      ["title", `小区门前道路积水第${n}号`],
      ["content", `幸福路${n}号门前道路每逢下雨积水严重，老人孩子出行困难，恳请有关部门尽快疏通排水管道。`],
      ["placeId", form.placeId],
      ["name", `测试${n}`],
      ["phone", `13${String(n).padStart(9, "0")}`],
      ["address", `示例县城关镇幸福路${n}号`],
      ["idNumber", ""],
      ["email", ""],
      ["consentPublic", "on"],
    ] as [string, string][],
  };
}

const BOUNDARY = "----BenchFormBoundary7MA4YWxkTrZu0gW";
const multipart = (fields: readonly (readonly [string, string])[]) =>
  fields.map(([k, v]) => `--${BOUNDARY}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`).join("") +
  `--${BOUNDARY}--\r\n`;

/** Without JavaScript: the browser posts the form itself — its hidden fields and controls, no challenge. */
function noJsFiling(form: ReturnType<typeof readFilingForm>) {
  const l = nextLetter(form);
  return {
    headers: {
      "content-type": `multipart/form-data; boundary=${BOUNDARY}`,
      accept: HTML,
      origin: ORIGIN,
      referer: `${ORIGIN}/file`,
      "x-forwarded-for": l.address,
    },
    body: multipart([...form.hidden, ...l.fields]),
  };
}

/** The router state Chromium sends with an action from /file (captured from a real submission, Next 16.4). */
const FILE_ROUTER_STATE = encodeURIComponent(
  JSON.stringify([
    "",
    {
      children: [
        ["locale", "zh-CN", "d", null],
        { children: ["file", { children: ["__PAGE__", {}, null, null, 1024] }, null, null, 1024] },
        null,
        null,
        1040,
      ],
    },
    null,
    null,
    1040,
  ]),
);

/** With JavaScript: React's action call — the form's fields as argument 1 (prefix `_1_`), the solved challenge. */
function jsFiling(form: ReturnType<typeof readFilingForm>, altcha: string) {
  const l = nextLetter(form);
  const fields = [...form.hidden, ...l.fields, ["altcha", altcha] as const].map(([k, v]) => [`_1_${k}`, v] as const);
  return {
    headers: {
      "content-type": `multipart/form-data; boundary=${BOUNDARY}`,
      accept: "text/x-component",
      "next-action": form.actionId,
      "next-router-state-tree": FILE_ROUTER_STATE,
      origin: ORIGIN,
      referer: `${ORIGIN}/file`,
      "x-forwarded-for": l.address,
    },
    body: multipart([...fields, ["0", '[{"status":"idle"},"$K1"]']]),
  };
}

// As lib/data/filing-challenge.ts derives them from APP_SECRET (the benchmark's check below fails if they differ).
const keyFor = (purpose: string) => createHmac("sha256", SECRET).update(`altcha:${purpose}`).digest("hex");

/** A challenge as /api/altcha/challenge issues it, solved: base64 of { challenge, solution }, as the widget posts. */
async function solvedPayload(): Promise<string> {
  const { algorithm, cost, counterMin, counterMax } = FILING_CHALLENGE_WORK;
  const counter = randomInt(counterMin, counterMax);
  const challenge = await createChallenge({
    algorithm,
    cost,
    counter,
    deriveKey,
    expiresAt: new Date(Date.now() + FILING_CHALLENGE_TTL_MS),
    hmacSignatureSecret: keyFor("challenge"),
    hmacKeySignatureSecret: keyFor("key"),
  });
  const solution = await solveChallenge({ challenge, deriveKey, counterStart: counter });
  if (!solution) throw new Error("could not solve a challenge");
  return Buffer.from(JSON.stringify({ challenge, solution })).toString("base64");
}

// ---------------------------------------------------------------------------------------------------------------

runBench(
  { name: "http", title: "HTTP benchmark", secret: SECRET, method: "targets measured in turns" },
  async (file) => {
    const { at, cases } = await playCases("bench-http", SECRET);
    const t = performance.now();
    const rows = copyCases(cases, ({ base, copy, petition }) => ({
      petition: { ...petition, headHash: petition.headHash ? copyId(petition.headHash, copy) : petition.headHash },
      representatives: [],
      // The public timeline: the base case's events for its copy (ids and hashes made unique; the chain is not
      // re-hashed — no page verifies it).
      events: base.events.map((e) => ({
        ...e,
        id: copyId(e.id, copy),
        petitionId: petition.id,
        hash: copyId(e.hash, copy),
        prevHash: copyId(e.prevHash, copy),
      })),
      extensionRequests: base.extensionRequests.map((x) => ({ ...x, id: copyId(x.id, copy), petitionId: petition.id })),
      supervisionOrders: copyOrders(base, copy, petition.id),
    }));
    await writeCases(file, rows, at);
    const sqlite = new Database(file, { readonly: true });
    const cases_ = () => (sqlite.prepare('SELECT COUNT(*) AS n FROM "Petition"').get() as { n: number }).n;
    const events = (sqlite.prepare('SELECT COUNT(*) AS n FROM "PetitionEvent"').get() as { n: number }).n;
    console.log(`wrote ${count(CASES)} petitions, ${count(events)} events in ${seconds(t)} (${fileSize(file)})`);

    // The case page "cached": one published case with the longest public timeline. "Uncached": every case in a
    // shuffled order, never the same one twice in a run.
    const cached = (
      sqlite
        .prepare(
          `SELECT p."trackingNo" AS no FROM "Petition" p WHERE p."publishedAt" IS NOT NULL
         ORDER BY (SELECT COUNT(*) FROM "PetitionEvent" e WHERE e."petitionId" = p.id AND e.visibility = 'PUBLIC') DESC, p."trackingNo" LIMIT 1`,
        )
        .get() as { no: string }
    ).no;
    const rotating = (sqlite.prepare('SELECT "trackingNo" AS no FROM "Petition"').all() as { no: string }[]).map(
      (r) => r.no,
    );
    for (let i = rotating.length - 1; i > 0; i--) {
      const j = (i * 7919 + 13) % (i + 1); // a fixed shuffle: the same order every run
      [rotating[i], rotating[j]] = [rotating[j]!, rotating[i]!];
    }
    let nextRotating = 0;

    const server = await startServer(file);
    try {
      const home = await get("/", { "accept-encoding": ACCEPT_ENCODING, accept: HTML });
      const asset = assetsOf(home.body).find((a) => a.endsWith(".js"));
      if (home.status !== 200 || !asset) throw new Error(`/ answered ${home.status} without a script`);
      const filePage = await get("/file", { "accept-encoding": ACCEPT_ENCODING, accept: HTML });
      const form = readFilingForm(filePage.body);
      // A second static file, of about a page's size on the wire: pages and static files both come from memory
      // (the micro-cache, scripts/lib/static-brotli.mjs), so what one costs beside the other is mostly its size.
      const pageBytes = (await get(`/cases/${cached}`, { "accept-encoding": ACCEPT_ENCODING, accept: HTML })).wireBytes;
      const sized: { path: string; bytes: number }[] = [];
      for (const a of assetsOf(home.body)) {
        await get(a, { "accept-encoding": ACCEPT_ENCODING }); // the first answer starts its Brotli form
        await new Promise((r) => setTimeout(r, 300));
        sized.push({ path: a, bytes: (await get(a, { "accept-encoding": ACCEPT_ENCODING })).wireBytes });
      }
      const pageSized = sized.sort((x, y) => Math.abs(x.bytes - pageBytes) - Math.abs(y.bytes - pageBytes))[0]!.path;

      // The two filing paths, checked once before they are timed.
      const before = cases_();
      const noJs = noJsFiling(form);
      const noJsAnswer = await send("POST", "/file", noJs.headers, noJs.body);
      if (noJsAnswer.status !== 200 || !noJsAnswer.body.includes('data-testid="receipt"') || cases_() !== before + 1)
        throw new Error(`the form POST without JavaScript did not file (status ${noJsAnswer.status})`);
      // Four from one address: only a verified challenge's budget allows the fourth (3 an hour without one).
      const oneAddress = `10.255.255.${1 + (filingNo % 200)}`;
      for (let i = 1; i <= 4; i++) {
        const js = jsFiling(form, await solvedPayload());
        js.headers["x-forwarded-for"] = oneAddress;
        const answer = await send("POST", "/file", js.headers, js.body);
        if (answer.status !== 200 || !answer.body.includes('"status":"done"') || cases_() !== before + 1 + i)
          throw new Error(`filing ${i} with JavaScript was refused: the solved challenge did not count`);
      }
      console.log(`checked: both filing paths file; solved challenges verify (4 filings from one address)`);

      let payloads: string[] = [];
      let shortfall = 0;
      let mark = 0;
      const filingOf = (ready?: () => Promise<void>): Target["filing"] => ({
        before: () => (mark = cases_()),
        created: () => cases_() - mark,
        ready,
      });
      const page = (p: string) => ({ method: "GET" as const, path: p, headers: { accept: HTML } });
      const allTargets: Target[] = [
        { name: "static asset", what: asset, request: { method: "GET", path: asset } },
        {
          name: "static, page-sized",
          what: `${pageSized} (the page's script closest in size to the case page)`,
          request: { method: "GET", path: pageSized },
        },
        { name: "home /", what: "/", request: page("/") },
        { name: "case page, cached", what: `/cases/${cached}`, request: page(`/cases/${cached}`) },
        {
          name: "case page, uncached",
          what: `/cases/<a different one of ${count(rotating.length)} each request>`,
          request: {
            ...page("/cases/"),
            setupRequest: (req) => ({ ...req, path: `/cases/${rotating[nextRotating++ % rotating.length]}` }),
          },
        },
        { name: "/file", what: "/file", request: page("/file") },
        { name: "/track", what: "/track", request: page("/track") },
        { name: "English case page", what: `/en/cases/${cached}`, request: page(`/en/cases/${cached}`) },
        {
          name: "filing, no JavaScript",
          what: "form POST /file (multipart, server action's hidden fields), own address and mobile each",
          request: {
            method: "POST",
            path: "/file",
            setupRequest: (req) => ({ ...req, ...noJsFiling(form) }),
          },
          filing: filingOf(),
        },
        {
          name: "filing, JavaScript",
          what: "server action POST /file (Next-Action) with a solved ALTCHA, own address and mobile each",
          request: {
            method: "POST",
            path: "/file",
            setupRequest: (req) => {
              const altcha = payloads.pop();
              if (altcha === undefined) shortfall++;
              return { ...req, ...jsFiling(form, altcha ?? "") };
            },
          },
          filing: filingOf(async () => {
            const t = performance.now();
            payloads = [];
            for (let i = 0; i < PAYLOADS_PER_ROUND; i++) payloads.push(await solvedPayload());
            console.log(`    (${count(PAYLOADS_PER_ROUND)} challenges issued and solved in ${seconds(t)})`);
          }),
        },
      ];
      // BENCH_HTTP_TARGETS=filing (a comma-separated list of parts of names): only those, after the static asset.
      const only = (process.env.BENCH_HTTP_TARGETS ?? "").split(",").filter(Boolean);
      const targets = allTargets.filter((x, i) => i === 0 || only.length === 0 || only.some((o) => x.name.includes(o)));
      for (const target of targets) console.log(`  ${target.name.padEnd(22)} ${target.what}`);

      console.log(`\nwarm-up: ${WARMUP_SECONDS} s each`);
      for (const target of targets.filter((x) => !x.filing)) await measure(target, WARMUP_SECONDS, null);
      const samples = targets.map(() => emptySample());
      for (let round = 1; round <= ROUNDS; round++) {
        const tr = performance.now();
        for (const [i, target] of targets.entries()) await measure(target, SECONDS, samples[i]!);
        console.log(`round ${round}/${ROUNDS} in ${seconds(tr)}`);
      }
      if (shortfall)
        console.log(`WARNING: ${count(shortfall)} JavaScript filings went without a challenge (pool ran out)`);

      console.log(
        `\n## ${count(CASES)} cases · ${CONNECTIONS} connections · ${ROUNDS} rounds × ${SECONDS} s per target, in turns\n`,
      );
      printTable(
        targets.map((target, i) => ({ target, s: samples[i]! })),
        samples[0]!.requests / samples[0]!.seconds,
      );

      // Page weight: the HTML and what it links, compressed as sent.
      console.log(
        `\n## Page weight (compressed as sent: ${ACCEPT_ENCODING}; scripts loaded later on demand not counted)\n`,
      );
      console.log("| page | HTML KB | scripts KB (files) | styles KB | total KB |");
      console.log("|---|---:|---:|---:|---:|");
      const kb = (n: number) => (n / 1024).toFixed(1);
      const weighed = [
        ["/", "/", {}],
        ["case page", `/cases/${cached}`, {}],
        ["/file", "/file", {}],
        ["/track", "/track", {}],
        ["English case page", `/en/cases/${cached}`, {}],
      ] as const;
      for (const [label, p, extra] of weighed) {
        const html = await get(p, { "accept-encoding": ACCEPT_ENCODING, accept: HTML, ...extra });
        let js = 0;
        let jsFiles = 0;
        let css = 0;
        const assets = assetsOf(html.body);
        // As every visitor but the very first after a start gets them: a file's first answer (gzip) starts its
        // Brotli form.
        for (const a of assets) await get(a, { "accept-encoding": ACCEPT_ENCODING });
        await new Promise((r) => setTimeout(r, 500));
        for (const a of assets) {
          const r = await get(a, { "accept-encoding": ACCEPT_ENCODING });
          if (a.endsWith(".js")) {
            js += r.wireBytes;
            jsFiles++;
          } else css += r.wireBytes;
        }
        console.log(
          `| ${label} | ${kb(html.wireBytes)} | ${kb(js)} (${jsFiles}) | ${kb(css)} | ${kb(html.wireBytes + js + css)} |`,
        );
      }
      console.log(`\ncases after the run: ${count(cases_())} (${count(cases_() - CASES)} filed)`);
    } finally {
      await stopServer(server);
      sqlite.close();
    }
  },
);
