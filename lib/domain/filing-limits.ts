// How many new cases one client may create: online filing (我要写信) per client address and per mobile number,
// and 登记 per staff account. Every new case takes a tracking number from the year's 999,999, so a script that
// files without limit could fill the queues with junk and then exhaust the year's numbers — after which no
// one could file or register anything. The budgets are far above what a person (or a busy reception desk)
// does and far below what a script needs to do harm.

const MINUTE = 60 * 1000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

export type Budget = { limit: number; windowMs: number };

/**
 * 我要写信. With a solved proof-of-work challenge (the JavaScript form): 20 letters an hour from one address
 * (a family, or a village service point filing for several residents behind one address). Without one (no
 * JavaScript, or a script): 3 an hour — the form still works without JavaScript, at a pace no flood survives.
 * One mobile number: 5 letters a day, whatever the address (a person can file several matters a day).
 */
export const FILING_BUDGETS = {
  address: { limit: 20, windowMs: HOUR },
  addressWithoutChallenge: { limit: 3, windowMs: HOUR },
  phone: { limit: 5, windowMs: DAY },
} as const satisfies Record<string, Budget>;

/**
 * 登记 by one staff account: a reception desk registering a visit every two minutes all day stays under both;
 * a runaway script or a stuck retry loop does not.
 */
export const REGISTRATION_BUDGETS = {
  hour: { limit: 60, windowMs: HOUR },
  day: { limit: 300, windowMs: DAY },
} as const satisfies Record<string, Budget>;

/** The form field the widget posts its solved challenge in. */
export const FILING_CHALLENGE_FIELD = "altcha";

/** A solved challenge is good for one filing within this time of being issued. */
export const FILING_CHALLENGE_TTL_MS = 20 * MINUTE;

/**
 * The proof of work (ALTCHA, PBKDF2/SHA-256): the solver tries counters from 0 until it reaches the one the
 * server picked in [min, max]; each try costs `cost` PBKDF2 iterations — about a second in a browser.
 */
export const FILING_CHALLENGE_WORK = {
  algorithm: "PBKDF2/SHA-256",
  cost: 1000,
  counterMin: 1000,
  counterMax: 3000,
} as const;

export type FilingLimitReason = "address" | "addressWithoutChallenge" | "phone";

export type LimitCounter<R extends string> = { reason: R; key: string; budget: Budget };

/**
 * The counters one online filing takes a unit from, in the order they are checked. The address counters come
 * first: a refused flood then never counts against the mobile numbers it names.
 */
export function filingCounters(input: {
  address: string;
  phone: string;
  solvedChallenge: boolean;
}): LimitCounter<FilingLimitReason>[] {
  const counters: LimitCounter<FilingLimitReason>[] = [];
  if (!input.solvedChallenge) {
    counters.push({
      reason: "addressWithoutChallenge",
      key: `filing:address-unproven:${input.address}`,
      budget: FILING_BUDGETS.addressWithoutChallenge,
    });
  }
  counters.push({ reason: "address", key: `filing:address:${input.address}`, budget: FILING_BUDGETS.address });
  counters.push({ reason: "phone", key: `filing:phone:${input.phone}`, budget: FILING_BUDGETS.phone });
  return counters;
}

/** The counters one 登记 takes a unit from. */
export function registrationCounters(staffUserId: string): LimitCounter<"registration">[] {
  return [
    { reason: "registration", key: `register:staff-hour:${staffUserId}`, budget: REGISTRATION_BUDGETS.hour },
    { reason: "registration", key: `register:staff-day:${staffUserId}`, budget: REGISTRATION_BUDGETS.day },
  ];
}

/** When a refused client may try again, and in how many whole minutes (at least 1) from `at`. */
export function retryAfter(at: Date, retryAfterMs: number): { retryAt: Date; minutes: number } {
  const ms = Math.max(0, retryAfterMs);
  return { retryAt: new Date(at.getTime() + ms), minutes: Math.max(1, Math.ceil(ms / MINUTE)) };
}
