// What an operator relies on (issue 12), through the production server: /api/health and /api/ready, a request id on
// every answer, and Prometheus metrics at /metrics — counted by route and status, the filings, the cases overdue now —
// shown to the machine itself only, never to a client that came through a proxy.
import { expect, fileLetter, letter, test } from "./support/petition";

test("health, readiness, request ids and the metrics", async ({ page, request, baseURL }) => {
  // The tests' own requests carry an X-Forwarded-For of their own (each test its address): the metrics are read as the
  // machine itself reads them, with Node's fetch and none.
  const direct = {
    get: async (path: string, init: { headers?: Record<string, string> } = {}) => {
      const r = await fetch(`${baseURL}${path}`, init);
      return { status: () => r.status, text: () => r.text() };
    },
  };
  expect((await request.get("/api/health")).status()).toBe(200);
  const ready = await request.get("/api/ready");
  expect(ready.status()).toBe(200);
  expect(await ready.json()).toEqual({ ready: true });

  const home = await request.get("/");
  expect(home.headers()["x-request-id"]).toMatch(/^[0-9a-f-]{36}$/);
  const echoed = await request.get("/", { headers: { "x-request-id": "probe-1234abcd" } });
  expect(echoed.headers()["x-request-id"]).toBe("probe-1234abcd");

  const metrics = async () => {
    const r = await direct.get("/metrics");
    expect(r.status()).toBe(200);
    return r.text();
  };
  const filings = (text: string) => Number(/^sunshine_filings_total\{channel="ONLINE"\} (\d+)$/m.exec(text)?.[1] ?? 0);
  const before = await metrics();
  expect(before).toMatch(/^http_requests_total\{route="\/",method="GET",status="200"\} \d+$/m);
  expect(before).toMatch(/^http_request_duration_seconds_bucket\{le="0\.1",route="\/",method="GET"\} \d+$/m);
  expect(before).toMatch(/^sunshine_cases_overdue \d+$/m);
  await fileLetter(page, letter());
  expect(filings(await metrics())).toBeGreaterThanOrEqual(filings(before) + 1);
  // No route label holds what was typed: the letter's own tracking number, say.
  expect(await metrics()).not.toMatch(/route="[^"]*XF\d/);
  // Through a proxy (any X-Forwarded-For): not shown.
  expect((await direct.get("/metrics", { headers: { "x-forwarded-for": "203.0.113.7" } })).status()).toBe(404);
  expect((await request.get("/metrics")).status()).toBe(404);
});
