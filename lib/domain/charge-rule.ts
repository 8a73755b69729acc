// 领导包案: a county leader takes charge of a difficult case until it is resolved (化解). The public sees the office
// held, never a person: the title is chosen from this fixed list (a select, so no name can be typed), and the
// staff account that recorded it is never shown outside the staff pages.
import { civilDaysBetween, isCivilDate, type CivilDate } from "./civil-date";

/** The county offices that take charge of cases (县级领导包案), in order of rank. */
export const LEADER_TITLES = [
  "县委书记",
  "县长",
  "县委副书记",
  "常务副县长",
  "副县长",
  "县委常委",
  "县人大常委会主任",
  "县人大常委会副主任",
  "县政协主席",
  "县政协副主席",
] as const;
export type LeaderTitle = (typeof LEADER_TITLES)[number];

export function isLeaderTitle(value: unknown): value is LeaderTitle {
  return typeof value === "string" && (LEADER_TITLES as readonly string[]).includes(value);
}

/** A case's 包案 fields as stored. */
export type ChargeFacts = { leaderTitle: string | null; leaderEndedAt: Date | null };

/** Under 领导包案 now: a leader took charge and the charge has not ended. */
export function isUnderCharge(c: ChargeFacts): boolean {
  return c.leaderTitle !== null && c.leaderEndedAt === null;
}

/** Why a 包案 cannot be recorded as given; null when it can. */
export type ChargeRefusal = "already" | "title" | "dates" | "startInFuture";

/**
 * 包案 may be recorded when no leader is in charge now (a charge that ended may be followed by another), with an
 * office from the list, a start date not after today and a target date after the start.
 */
export function checkTakeCharge(
  c: ChargeFacts,
  input: { title: string; startDate: CivilDate; targetDate: CivilDate },
  today: CivilDate,
): ChargeRefusal | null {
  if (isUnderCharge(c)) return "already";
  if (!isLeaderTitle(input.title)) return "title";
  if (!isCivilDate(input.startDate) || !isCivilDate(input.targetDate)) return "dates";
  if (civilDaysBetween(today, input.startDate) > 0) return "startInFuture";
  if (civilDaysBetween(input.startDate, input.targetDate) <= 0) return "dates";
  return null;
}

/** Where a 包案 stands, for the pages: in charge, or ended resolved (已化解) or not. */
export type ChargeStatus = "inCharge" | "resolved" | "unresolved";

export function chargeStatus(c: ChargeFacts & { leaderResolved: boolean | null }): ChargeStatus | null {
  if (c.leaderTitle === null) return null;
  if (c.leaderEndedAt === null) return "inCharge";
  return c.leaderResolved ? "resolved" : "unresolved";
}
