// A case's dates (lib/domain/case-deadlines.ts CaseDates) for unit tests: received, nothing else yet, with any field
// given.
import type { CaseDates } from "@/lib/domain/case-deadlines";

export function caseDates(over: Partial<CaseDates> = {}): CaseDates {
  return {
    receivedAt: new Date("2026-02-10T02:00:00Z"),
    routeDueAt: null,
    arrivedAtUnitAt: null,
    acceptDueAt: null,
    decidedAt: null,
    acceptedAt: null,
    handleDueAt: null,
    extensionDays: 0,
    repliedAt: null,
    reviewWindowEndsAt: null,
    reviewRequestedAt: null,
    reviewDueAt: null,
    reviewedAt: null,
    recheckDueAt: null,
    recheckRequestedAt: null,
    finalAt: null,
    withdrawnAt: null,
    ...over,
  };
}
