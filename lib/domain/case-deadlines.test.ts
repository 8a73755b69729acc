import { describe, expect, it } from "vitest";
import { caseDates } from "@/tests/case-dates";
import { caseDeadlines } from "./case-deadlines";
import { acceptDeadline, buildCalendar, handleDeadline, routeDeadline } from "./deadlines";

// 2026 劳动节: May 1–5 off, Sat May 9 worked (国务院办公厅, 2025-11-04).
const cal = buildCalendar([
  ...["2026-05-01", "2026-05-02", "2026-05-03", "2026-05-04", "2026-05-05"].map((date) => ({
    date,
    kind: "OFF" as const,
  })),
  { date: "2026-05-09", kind: "WORKDAY" as const },
]);
const at = (s: string) => new Date(s);

const dates = caseDates;

describe("caseDeadlines", () => {
  it("lists only the deadlines a case has reached, in life-cycle order", () => {
    const received = at("2026-02-10T02:00:00Z");
    const arrived = at("2026-02-12T02:00:00Z");
    const accepted = at("2026-03-02T02:00:00Z");
    const c = dates({
      receivedAt: received,
      routeDueAt: routeDeadline(received, cal).dueAt,
      arrivedAtUnitAt: arrived,
      acceptDueAt: acceptDeadline(arrived, cal).dueAt,
      decidedAt: accepted,
      acceptedAt: accepted,
      handleDueAt: handleDeadline(accepted, cal).dueAt,
    });
    const list = caseDeadlines(c, cal, at("2026-04-01T00:00:00Z"));
    expect(list.map((d) => d.kind)).toEqual(["route", "accept", "handle"]);
    expect(list.map((d) => d.status.kind)).toEqual(["met", "missed", "open"]);
    expect(list[1]?.status).toEqual({ kind: "missed", daysLate: 3 }); // due 02-27, decided 03-02
    // the spec's example: 受理 2026-03-02 + 60 日 = 2026-05-01, rolled to 2026-05-06
    expect(list[2]?.explanation).toMatchObject({
      startDate: "2026-03-02",
      rawDate: "2026-05-01",
      rolledTo: "2026-05-06",
    });
  });

  it("explains an approved extension, and counts an open case past its date as overdue", () => {
    const accepted = at("2026-03-02T02:00:00Z");
    const c = dates({ acceptedAt: accepted, handleDueAt: handleDeadline(accepted, cal, 15).dueAt, extensionDays: 15 });
    const [handle] = caseDeadlines(c, cal, at("2026-05-25T02:00:00Z"));
    expect(handle?.explanation).toMatchObject({
      extensionDays: 15,
      extendedRawDate: "2026-05-21",
      dueDate: "2026-05-21",
    });
    expect(handle?.status).toEqual({ kind: "overdue", daysOverdue: 4 });
  });

  it("keeps the stored due date even when the calendar changed later", () => {
    const accepted = at("2026-03-02T02:00:00Z");
    const stored = at("2026-05-01T15:59:59.999Z");
    const [handle] = caseDeadlines(
      dates({ acceptedAt: accepted, handleDueAt: stored }),
      cal,
      at("2026-04-01T00:00:00Z"),
    );
    expect(handle?.dueAt).toBe(stored);
  });

  it("stops a withdrawn case's open clocks at the withdrawal", () => {
    const received = at("2026-02-10T02:00:00Z");
    const c = dates({ routeDueAt: routeDeadline(received, cal).dueAt, withdrawnAt: at("2026-02-12T02:00:00Z") });
    const [route] = caseDeadlines(c, cal, at("2026-06-01T00:00:00Z"));
    expect(route?.status).toEqual({ kind: "stopped" });
  });

  it("counts routing as done when the bureau decides a case itself (never routed)", () => {
    const received = at("2026-02-10T02:00:00Z");
    const decided = at("2026-02-13T02:00:00Z");
    const c = dates({ routeDueAt: routeDeadline(received, cal).dueAt, decidedAt: decided });
    const [route] = caseDeadlines(c, cal, at("2026-06-01T00:00:00Z"));
    expect(route).toMatchObject({ kind: "route", doneAt: decided, status: { kind: "met" } });
  });
});
