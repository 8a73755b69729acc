// About 4,000 demo petitions over the two years before "now": arrivals by channel, petitioners, texts
// and plans, played through lifecycle.ts. Tracking numbers follow receipt order, one sequence per year.
import { addCivilDays, civilYear, startOfCivilDay, toCivilDate } from "../../lib/domain/civil-date";
import { isWorkingDay } from "../../lib/domain/deadlines";
import { COLLECTIVE_VISIT_MIN_PERSONS, MAX_REPRESENTATIVES } from "../../lib/domain/petition-rules";
import { formatDemoTrackingNo, generateQueryCode, hashQueryCode } from "../../lib/domain/tracking";
import type { Channel } from "../../generated/prisma/client";
import { CATEGORIES, categoryById, type CategoryDef } from "./categories";
import type { BuiltCase, CaseInput, SimContext } from "./case-types";
import { buildCase } from "./lifecycle";
import { fakeAddress, fakeMobile, fakePerson, type Person } from "./people";
import { randomPlan } from "./plan";
import type { Random } from "./random";
import { petitionText } from "./texts";
import { DAY, MINUTE } from "./time";
import { TOWNSHIP_IDS, UNITS, unitById } from "./units";

export const HISTORY_DAYS = 730;

const CHANNEL_WEIGHTS: Readonly<Record<Channel, number>> = {
  ONLINE: 45,
  LETTER: 15,
  VISIT: 25,
  PHONE: 12,
  FAX: 0.5,
  HIGHER_TRANSFER: 1.5,
  HIGHER_ASSIGN: 1,
};

/** Bigger townships file more. */
const TOWNSHIP_WEIGHTS: Readonly<Record<string, number>> = Object.fromEntries(
  TOWNSHIP_IDS.map((id, i) => [id, [25, 20, 10, 7, 10, 12, 6, 10][i] ?? 8]),
);

const CATEGORY_WEIGHTS = Object.fromEntries(CATEGORIES.map((c) => [c.id, c.weight])) as Record<string, number>;

/** Units an accusation may be about (never the discipline organ that handles it, 条例第46条). */
const ACCUSABLE = UNITS.filter((u) => u.kind === "DEPARTMENT" || u.kind === "TOWNSHIP").map((u) => u.id);

type Day = { date: string; start: number; working: boolean; weight: number };

/** The days of the history, newest first, each weighted: more cases recently (about +12 % a year), fewer on days off. */
function historyDays(ctx: SimContext): Day[] {
  const today = toCivilDate(ctx.now);
  return Array.from({ length: HISTORY_DAYS }, (_, back) => {
    const date = addCivilDays(today, -back);
    const working = isWorkingDay(date, ctx.cal);
    const trend = 0.8 + 0.2 * (1 - back / HISTORY_DAYS);
    return { date, start: startOfCivilDay(date).getTime(), working, weight: working ? trend : trend * 0.6 };
  });
}

/** A receipt time: registered channels (letters, visits, calls) only in office hours on working days. */
function sampleReceivedAt(rnd: Random, days: readonly Day[], now: Date, channel: Channel): Date {
  const registered = channel !== "ONLINE";
  for (;;) {
    const day = rnd.pick(days);
    if ((registered && !day.working) || !rnd.chance(day.weight)) continue;
    const minute = registered ? rnd.int(510, 1050) : rnd.chance(0.85) ? rnd.int(480, 1320) : rnd.int(0, 1439);
    const at = new Date(day.start + minute * MINUTE + rnd.int(0, 59_999));
    if (at < now) return at;
  }
}

function sourceDocNo(rnd: Random, channel: Channel, year: number): string | null {
  if (channel === "HIGHER_TRANSFER") return `${rnd.pick(["市信转", "市信访局转"])}〔${year}〕${rnd.int(10, 480)}号`;
  if (channel === "HIGHER_ASSIGN") return `${rnd.pick(["市信交", "省信交"])}〔${year}〕${rnd.int(5, 160)}号`;
  return null;
}

function visitors(rnd: Random, channel: Channel): { personCount: number; representatives: number } {
  if (channel !== "VISIT") return { personCount: 1, representatives: 0 };
  if (rnd.chance(0.06)) {
    const personCount = rnd.chance(0.8) ? rnd.int(COLLECTIVE_VISIT_MIN_PERSONS, 15) : rnd.int(16, 60);
    return { personCount, representatives: rnd.int(1, MAX_REPRESENTATIVES) };
  }
  const r = rnd.float();
  return { personCount: r < 0.6 ? 1 : r < 0.82 ? 2 : r < 0.94 ? 3 : 4, representatives: 0 };
}

export type CaseSecretContext = SimContext & { secret: string };

/** The generated history numbers each year's demo cases from 1 up to this; above are reserved demo blocks
 *  (800001… for tests' in-memory cases, 900001… for the well-known demo cases). */
export const DEMO_HISTORY_MAX_SEQUENCE = 799_999;

export function generateCases(
  ctx: CaseSecretContext,
  count: number,
): { cases: BuiltCase[]; lastSequence: Map<number, number> } {
  const { rnd } = ctx;
  const days = historyDays(ctx);
  const channels = Array.from({ length: count }, () => rnd.weighted(CHANNEL_WEIGHTS));
  const arrivals = channels
    .map((channel) => ({ channel, receivedAt: sampleReceivedAt(rnd, days, ctx.now, channel) }))
    .sort((a, b) => a.receivedAt.getTime() - b.receivedAt.getTime());

  const lastSequence = new Map<number, number>();
  const inputs: CaseInput[] = [];
  const cases: BuiltCase[] = [];
  for (const { channel, receivedAt } of arrivals) {
    const year = civilYear(receivedAt);
    const sequence = (lastSequence.get(year) ?? 0) + 1;
    if (sequence > DEMO_HISTORY_MAX_SEQUENCE)
      throw new RangeError(
        `too many demo cases in ${year}: the reserved demo blocks start at ${DEMO_HISTORY_MAX_SEQUENCE + 1}`,
      );
    lastSequence.set(year, sequence);
    const trackingNo = formatDemoTrackingNo(year, sequence);
    const repeatOf = inputs.length > 50 && rnd.chance(0.03) ? rnd.pick(inputs.slice(-400)) : null;
    const input = repeatOf
      ? repeatInput(rnd, repeatOf, channel, receivedAt, trackingNo)
      : freshInput(rnd, channel, receivedAt, trackingNo, year);
    input.queryCodeHash = hashQueryCode(generateQueryCode(rnd.bytes), trackingNo, ctx.secret);
    inputs.push(input);
    // Recent cases are more often handled at the last minute, so the 即将到期 queue has cases near "now".
    const recent = ctx.now.getTime() - receivedAt.getTime() < 90 * DAY;
    const plan = randomPlan(rnd, input.category, input.placeId, input.consentPublic, recent ? 0.25 : 0.04);
    cases.push(buildCase(ctx, input, plan));
  }
  return { cases, lastSequence };
}

function freshInput(rnd: Random, channel: Channel, receivedAt: Date, trackingNo: string, year: number): CaseInput {
  const category: CategoryDef = categoryById(rnd.weighted(CATEGORY_WEIGHTS));
  const placeId = rnd.weighted(TOWNSHIP_WEIGHTS);
  const { address, village } = fakeAddress(rnd, placeId);
  const shares = {
    idShare: channel === "VISIT" ? 0.6 : channel === "ONLINE" ? 0.35 : 0.2,
    emailShare: channel === "ONLINE" ? 0.35 : 0.03,
  };
  const { personCount, representatives } = visitors(rnd, channel);
  const reps: Person[] = Array.from({ length: representatives }, () => fakePerson(rnd, shares));
  const person = reps[0] ?? withoutPhoneSometimes(rnd, channel, fakePerson(rnd, shares));
  const accusedUnitId = category.kind === "ACCUSATION" ? rnd.pick(ACCUSABLE) : null;
  const { title, content } = petitionText(
    rnd,
    category.code,
    { town: unitById(placeId).name, village, accused: accusedUnitId ? unitById(accusedUnitId).shortName : undefined },
    { ...person, address },
    year,
  );
  return {
    id: rnd.id(),
    trackingNo,
    queryCodeHash: "",
    channel,
    category,
    title,
    content,
    placeId,
    accusedUnitId,
    person,
    address,
    consentPublic: rnd.chance(category.kind === "ACCUSATION" ? 0.3 : channel === "ONLINE" ? 0.7 : 0.55),
    personCount,
    representatives: reps,
    sourceDocNo: sourceDocNo(rnd, channel, year),
    receivedAt,
    repeatOfId: null,
  };
}

/** Share of petitioners who gave no phone number, by channel; the others must give one (see lib/domain/registration.ts). */
const NO_PHONE_SHARE: Partial<Record<Channel, number>> = {
  LETTER: 0.1,
  FAX: 0.1,
  HIGHER_TRANSFER: 0.25,
  HIGHER_ASSIGN: 0.25,
};

function withoutPhoneSometimes(rnd: Random, channel: Channel, person: Person): Person {
  const share = NO_PHONE_SHARE[channel];
  return share && rnd.chance(share) ? { ...person, phone: null } : person;
}

/** The same petitioner about the same matter again (重复信访). */
function repeatInput(
  rnd: Random,
  earlier: CaseInput,
  channel: Channel,
  receivedAt: Date,
  trackingNo: string,
): CaseInput {
  const when = toCivilDate(earlier.receivedAt);
  return {
    ...earlier,
    id: rnd.id(),
    trackingNo,
    queryCodeHash: "",
    channel,
    title: earlier.title.startsWith("再次反映") ? earlier.title : `再次反映：${earlier.title}`,
    content: `本人曾于${when.slice(0, 4)}年${Number(when.slice(5, 7))}月反映此问题（件号${earlier.trackingNo}），至今未得到解决，现再次反映。${earlier.content}`,
    // A petitioner whose letter gave no number gives one when calling, visiting or filing online.
    person:
      earlier.person.phone || NO_PHONE_SHARE[channel] ? earlier.person : { ...earlier.person, phone: fakeMobile(rnd) },
    personCount: 1,
    representatives: [],
    sourceDocNo: sourceDocNo(rnd, channel, civilYear(receivedAt)),
    receivedAt,
    repeatOfId: earlier.repeatOfId ?? earlier.id,
  };
}
