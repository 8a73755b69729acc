// Helpers for the authorisation matrix (e2e/authorization.spec.ts): the cases to test on, filed and moved on
// through the UI, and server-action requests captured in the browser — sent by a real form,
// aborted before they reach the server — then replayed from other sessions, "without the page".
import { expect, type APIRequestContext, type Locator, type Page, type Request, type Route } from "@playwright/test";
import { withDb } from "./db";
import { fileLetter, letter, waitForHydration } from "./petition";
import { actionForm, caseByTrackingNo, submitAction } from "./staff-case";

// ---------------------------------------------------------------------------------------------------------
// Cases

export type PickedCase = { id: string; trackingNo: string; title: string; petitionerName: string };

/** What each case of the matrix must be; `unit` is where it lies now. */
export type CaseNeed = {
  unit: string;
  state: "SUBMITTED" | "ACCEPTED" | "REPLIED";
  /** 公开 is offered only with consent and never for 检举控告; the route forgeries need a non-legal case (the letter
   * fileCaseThroughUi files, 城乡建设 with consent, is both). */
  consentNonAccusation?: boolean;
  notLegal?: boolean;
};

/** The unit's display name, for choosing it in the 转送 select. */
export function unitName(unitId: string): string {
  return withDb((db) => (db.prepare('SELECT name FROM "Unit" WHERE id = ?').get(unitId) as { name: string }).name);
}

/**
 * A case for the matrix: a letter filed through /file (it arrives at the bureau), routed by the
 * bureau's handler, then accepted and answered by the unit's handler — all through the UI.
 */
export async function fileCaseThroughUi(
  need: CaseNeed,
  pages: { citizen: Page; bureau: Page; unit: () => Promise<Page> },
): Promise<PickedCase> {
  const l = letter({ consent: true });
  const { trackingNo } = await fileLetter(pages.citizen, l);
  const stored = caseByTrackingNo(trackingNo)!;
  const url = `/staff/cases/${stored.id}`;
  if (need.unit !== stored.currentUnitId) {
    await pages.bureau.goto(url);
    await waitForHydration(pages.bureau);
    const route = actionForm(pages.bureau, "route");
    await route.locator("select[name=targetUnitId]").selectOption({ label: unitName(need.unit) });
    await submitAction(pages.bureau, route, "转送");
    expect(caseByTrackingNo(trackingNo)?.currentUnitId).toBe(need.unit);
  }
  if (need.state !== "SUBMITTED") {
    const page = await pages.unit();
    await page.goto(url);
    await waitForHydration(page);
    const accept = actionForm(page, "accept");
    await accept.locator("input[name=confirm]").check();
    await submitAction(page, accept, "受理");
    if (need.state === "REPLIED") {
      await waitForHydration(page);
      const reply = actionForm(page, "reply");
      await reply.locator("select[name=outcome]").selectOption({ index: 1 });
      await reply.locator("textarea[name=replyText]").fill("经核查，已安排疏通排水管道，问题已解决。");
      await submitAction(page, reply, "答复");
    }
  }
  expect(caseByTrackingNo(trackingNo)).toMatchObject({ state: need.state, currentUnitId: need.unit });
  return { id: stored.id, trackingNo, title: l.title, petitionerName: l.name };
}

// ---------------------------------------------------------------------------------------------------------
// Server-action requests: capture and replay

/** A server-action request as the browser sent it: what a replay needs (cookies come from the replaying context). */
export type CapturedAction = {
  url: string;
  headers: Record<"next-action" | "next-router-state-tree" | "content-type" | "accept", string>;
  body: Buffer;
};

const isAction = (r: Request) => r.method() === "POST" && r.headers()["next-action"] !== undefined;

/**
 * Submits `form` through its button and captures the server-action request it sends, ABORTING it: nothing
 * reaches the server, nothing is written. The page is left broken by the abort: reload it before reuse.
 */
export async function captureSubmission(page: Page, form: Locator): Promise<CapturedAction> {
  let resolve!: (c: CapturedAction) => void;
  const captured = new Promise<CapturedAction>((r) => (resolve = r));
  const handler = async (route: Route) => {
    const r = route.request();
    if (!isAction(r)) return route.fallback();
    const h = r.headers();
    const body = r.postDataBuffer();
    await route.abort();
    if (!body) throw new Error("a server-action request without a body");
    resolve({
      url: r.url(),
      headers: {
        "next-action": h["next-action"]!,
        "next-router-state-tree": h["next-router-state-tree"] ?? "",
        "content-type": h["content-type"]!,
        accept: h.accept ?? "",
      },
      body,
    });
  };
  await page.route("**/*", handler);
  try {
    await form.locator("button[type=submit]").click();
    return await captured;
  } finally {
    await page.unroute("**/*", handler);
  }
}

/** The form fields of a captured multipart body, in order (React prefixes a FormData argument's fields: "_1_text"). */
export function multipartFields(c: CapturedAction): [name: string, value: string][] {
  const boundary = /boundary=(.+)$/.exec(c.headers["content-type"])?.[1];
  if (!boundary) throw new Error(`not multipart: ${c.headers["content-type"]}`);
  const fields: [string, string][] = [];
  for (const part of c.body.toString("utf8").split(`--${boundary}`).slice(1)) {
    if (part.startsWith("--")) break;
    const [head, ...rest] = part.replace(/^\r\n/, "").split("\r\n\r\n");
    const name = /name="([^"]*)"/.exec(head ?? "")?.[1];
    if (name === undefined) throw new Error(`a part without a name: ${head}`);
    fields.push([name, rest.join("\r\n\r\n").replace(/\r\n$/, "")]);
  }
  return fields;
}

/** The value of a form field of the captured request ("petitionId", "version", "text"…), whatever React's prefix. */
export function capturedField(c: CapturedAction, field: string): string | undefined {
  return multipartFields(c).find(([name]) => name === field || name.endsWith(`_${field}`))?.[1];
}

export type ReplayAnswer = {
  status: number;
  /** A redirect's target (path and query), if the answer was one. */
  location: string | null;
  /** The action's return value, read from the RSC answer (the FormState the form would show). */
  result: Record<string, unknown> | null;
};

/**
 * The action's return value in a server-action answer (text/x-component): one RSC row per line, "<id>:<json>";
 * the root row 0 points at the result ("a": "$@1"), which is the row holding a FormState ({status, …}).
 */
export function actionResult(text: string): Record<string, unknown> | null {
  const rows = new Map<string, string>();
  for (const line of text.split("\n")) {
    const m = /^([0-9a-f]+):(.*)$/.exec(line);
    if (m) rows.set(m[1]!, m[2]!);
  }
  const root = rows.get("0");
  if (!root) return null;
  const ref = /^\$@([0-9a-f]+)$/.exec((JSON.parse(root) as { a?: string }).a ?? "")?.[1];
  const row = ref ? rows.get(ref) : undefined;
  if (!row || !row.startsWith("{")) return null;
  return JSON.parse(row) as Record<string, unknown>;
}

/**
 * Sends a captured request again from `request` (a browser context's request API: its cookies, its
 * X-Forwarded-For) — byte for byte, or with some form fields replaced (the body is then rebuilt with the
 * same fields in the same order, as a fresh multipart body). Redirects are not followed: they are answers.
 */
export async function replay(
  request: APIRequestContext,
  c: CapturedAction,
  options: { replace?: Record<string, string>; headers?: Record<string, string> } = {},
): Promise<ReplayAnswer> {
  const headers: Record<string, string> = { ...c.headers, ...options.headers };
  let response;
  if (options.replace) {
    const form = new FormData();
    const left = new Set(Object.keys(options.replace));
    for (const [name, value] of multipartFields(c)) {
      const field = Object.keys(options.replace).find((f) => name === f || name.endsWith(`_${f}`));
      if (field) left.delete(field);
      form.append(name, field ? options.replace[field]! : value);
    }
    if (left.size) throw new Error(`no such fields in the captured request: ${[...left].join(", ")}`);
    delete headers["content-type"]; // Playwright writes the new boundary
    response = await request.post(c.url, { headers, multipart: form, maxRedirects: 0 });
  } else {
    response = await request.post(c.url, { headers, data: c.body, maxRedirects: 0 });
  }
  const type = response.headers()["content-type"] ?? "";
  const text = await response.text();
  return {
    status: response.status(),
    location: response.headers()["location"] ?? null,
    result: type.startsWith("text/x-component") ? actionResult(text) : null,
  };
}
