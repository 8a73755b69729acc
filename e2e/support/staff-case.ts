// The staff case page in the browser: its action forms, and read-only looks at the e2e database to check
// what an action wrote — or that a refused one wrote nothing.
import { expect, type Locator, type Page } from "@playwright/test";
import { withDb } from "./db";
import { fillLetter, readReceipt, type Letter } from "./petition";

export type StoredCase = {
  id: string;
  state: string;
  version: number;
  currentUnitId: string;
  assigneeId: string | null;
  eventCount: number;
};

export function caseByTrackingNo(trackingNo: string): StoredCase | undefined {
  return withDb(
    (db) =>
      db
        .prepare(
          'SELECT id, state, version, "currentUnitId", "assigneeId", "eventCount" FROM "Petition" WHERE "trackingNo" = ?',
        )
        .get(trackingNo) as StoredCase | undefined,
  );
}

export type StoredEvent = {
  seq: number;
  type: string;
  visibility: "PUBLIC" | "PETITIONER" | "INTERNAL";
  note: string | null;
};

export function caseEvents(trackingNo: string): StoredEvent[] {
  return withDb(
    (db) =>
      db
        .prepare(
          'SELECT e.seq, e.type, e.visibility, e.note FROM "PetitionEvent" e JOIN "Petition" p ON p.id = e."petitionId" WHERE p."trackingNo" = ? ORDER BY e.seq',
        )
        .all(trackingNo) as StoredEvent[],
  );
}

export function extensionRequests(trackingNo: string): { days: number; reason: string; decision: string | null }[] {
  return withDb(
    (db) =>
      db
        .prepare(
          'SELECT x.days, x.reason, x.decision FROM "ExtensionRequest" x JOIN "Petition" p ON p.id = x."petitionId" WHERE p."trackingNo" = ? ORDER BY x."requestedAt"',
        )
        .all(trackingNo) as { days: number; reason: string; decision: string | null }[],
  );
}

/** Everything a refused action must leave as it was. */
export function caseSnapshot(trackingNo: string) {
  return {
    row: caseByTrackingNo(trackingNo),
    events: caseEvents(trackingNo).length,
    extensions: extensionRequests(trackingNo).length,
  };
}

/**
 * The form of one action on the staff case page (转送, 受理, 内部备注…), by its test id. The forms the case is
 * not waiting for are folded in a <details>; as a person would, this opens the fold by its summary once the
 * form is there (the actions that follow wait until the form is visible), and leaves an open fold alone.
 */
export function actionForm(page: Page, action: string): Locator {
  const form = page.getByTestId(`action-${action}`);
  void openFoldOf(form);
  return form;
}

async function openFoldOf(form: Locator): Promise<void> {
  await form
    .evaluate((el) => {
      const fold = el.closest("details");
      if (fold && !fold.open) fold.querySelector<HTMLElement>(":scope > summary")?.click();
    })
    // No such form (a test that expects none), or the page closed: nothing to open.
    .catch(() => undefined);
}

/** Submits an action form and waits until the server action has answered and the page has settled. */
export async function submitAction(page: Page, form: Locator, button: string): Promise<void> {
  const answered = page.waitForResponse(
    (r) => r.request().method() === "POST" && r.request().headers()["next-action"] !== undefined,
  );
  await form.getByRole("button", { name: button, exact: true }).click();
  await answered;
  await expect(page.locator("main button[type=submit][disabled]")).toHaveCount(0);
}

/** The event types in the staff timeline, in order. */
export async function staffTimelineTypes(page: Page): Promise<string[]> {
  return page
    .getByTestId("staff-timeline")
    .locator("li")
    .evaluateAll((lis) => lis.map((li) => li.getAttribute("data-event-type") ?? ""));
}

/** The event types in the petitioner's or the public timeline, in order. */
export async function timelineTypes(page: Page): Promise<string[]> {
  return page
    .getByTestId("timeline")
    .locator("li")
    .evaluateAll((lis) => lis.map((li) => li.getAttribute("data-event-type") ?? ""));
}

/**
 * 登记 of a visit (来访) of `persons` on /staff/register, already open and hydrated for a bureau handler:
 * the channel, the head count, then the letter's fields (the register form shares them with /file).
 * Returns what the 受理凭证 shows.
 */
export async function registerVisit(
  page: Page,
  l: Letter,
  persons: number,
): Promise<{ trackingNo: string; queryCode: string }> {
  await page.locator("#f-channel-VISIT").check();
  await page.locator("#f-personCount").fill(String(persons));
  await fillLetter(page, l);
  await page.getByRole("button", { name: "登记", exact: true }).click();
  return readReceipt(page);
}
