// Test factories (the seed's own builders, documenso-style): the demo unit tree, categories, holidays
// and staff users in one call, and single cases played through the same life cycle as the seed, so an
// integration test creates exactly the cases it needs without running the full seed.
//
//   await createReferenceData(db);
//   const c = await createTestCase(db, { plan: { routeTo: DEMO.zjj.id, stopAfter: "ACCEPTED" }, expectState: "ACCEPTED" });
//   // c.trackingNo, c.queryCode, c.id
import { toCivilDate, civilYear } from "../../lib/domain/civil-date";
import { buildCalendar } from "../../lib/domain/deadlines";
import { formatDemoTrackingNo, generateQueryCode, hashQueryCode, trackingCounterName } from "../../lib/domain/tracking";
import { now as clockNow } from "../../lib/clock";
import { appSecret } from "../../lib/secret";
import type { Channel, PetitionState } from "../../generated/prisma/client";
import { categoryById } from "./categories";
import { HOLIDAYS } from "./holidays";
import { insertCases, insertReferenceData, type SeedDb } from "./insert";
import type { BuiltCase } from "./case-types";
import { buildCase } from "./lifecycle";
import { fakeAddress, fakePerson, type Person } from "./people";
import { CALM_PLAN, randomPlan, type Plan } from "./plan";
import { Random } from "./random";
import { DAY } from "./time";
import { DEMO } from "./units";
import { hashDemoPassword } from "./users";

export { DEMO } from "./units";
export { DEMO_PASSWORD, DEMO_USERS, STAFF } from "./users";
export { CATEGORIES } from "./categories";
export { HOLIDAYS } from "./holidays";

let demoHash: Promise<string> | null = null;

/**
 * Units, categories, holidays and staff users (every role; password DEMO_PASSWORD, hashed once per
 * process). Idempotent: test files that share one database may all call it; the first one writes.
 */
export async function createReferenceData(
  db: SeedDb,
  opts: { passwordHash?: string; createdAt?: Date } = {},
): Promise<void> {
  if (await db.unit.findUnique({ where: { id: DEMO.gov.id }, select: { id: true } })) return;
  const passwordHash = opts.passwordHash ?? (await (demoHash ??= hashDemoPassword()));
  try {
    await insertReferenceData(db, passwordHash, opts.createdAt ?? new Date(clockNow().getTime() - 800 * DAY));
  } catch (e) {
    // Another test worker wrote it first (unique constraint); anything else is a real failure.
    if (!(await db.unit.findUnique({ where: { id: DEMO.gov.id }, select: { id: true } }))) throw e;
  }
}

export type TestCaseOptions = {
  /** "Now" for the simulation: no event after it. Default: lib/clock now(), so frozen test clocks apply. */
  now?: Date;
  /** Default: 20 days before now (room for a calm plan to reach ACCEPTED or REPLIED). */
  receivedAt?: Date;
  channel?: Channel;
  /** A category id from categories.ts (default 城乡建设). */
  categoryId?: string;
  /** The township (default 城关镇). */
  placeId?: string;
  consentPublic?: boolean;
  person?: Partial<Person>;
  address?: string;
  title?: string;
  content?: string;
  /** Overrides of a calm, fast plan (no notes, nothing late, each step a working day after the last). */
  plan?: Partial<Plan>;
  /** Use the ordinary random plan of the seed instead of the calm one. */
  randomPlan?: boolean;
  /** Throw unless the case ends in this state (guards a test against a plan that ran into "now"). */
  expectState?: PetitionState;
  trackingNo?: string;
  queryCode?: string;
  /** PRNG seed for the details (mixed with the tracking number, so ids stay unique). */
  seed?: string;
  secret?: string;
};

export type TestCase = BuiltCase & { id: string; trackingNo: string; queryCode: string };

let localSequence = 800_000;

const DEFAULT_AGE = 20 * DAY;

/**
 * Builds one case in memory (no database). Without `trackingNo`, numbers come from the demo series' block
 * from 800001 up (XFD…), counted in this process only: use createTestCase for a database that several
 * processes share.
 */
export function buildTestCase(opts: TestCaseOptions = {}): TestCase {
  const now = opts.now ?? clockNow();
  const receivedAt = opts.receivedAt ?? new Date(now.getTime() - DEFAULT_AGE);
  const trackingNo = opts.trackingNo ?? formatDemoTrackingNo(civilYear(receivedAt), ++localSequence);
  const rnd = new Random(`${opts.seed ?? "test-case"}:${trackingNo}`);
  const queryCode = opts.queryCode ?? generateQueryCode(rnd.bytes);
  const category = categoryById(opts.categoryId ?? "cat-cxjs");
  const placeId = opts.placeId ?? DEMO.cgz.id;
  const consentPublic = opts.consentPublic ?? true;
  const person = { ...fakePerson(rnd, { idShare: 0.5, emailShare: 0.5 }), ...opts.person };
  const address = opts.address ?? fakeAddress(rnd, placeId).address;
  const base = randomPlan(rnd, category, placeId, consentPublic);
  const plan: Plan = {
    ...(opts.randomPlan ? base : { ...CALM_PLAN, routeTo: base.routeTo, outcome: base.outcome }),
    ...opts.plan,
  };
  const built = buildCase(
    { now, cal: buildCalendar(HOLIDAYS), rnd },
    {
      id: rnd.id(),
      trackingNo,
      queryCodeHash: hashQueryCode(queryCode, trackingNo, opts.secret ?? appSecret()),
      channel: opts.channel ?? "ONLINE",
      category,
      title: opts.title ?? `测试信访事项 ${trackingNo}`,
      content: opts.content ?? `这是${toCivilDate(receivedAt)}登记的测试信访事项，用于自动化测试，内容不涉及真实人员。`,
      placeId,
      accusedUnitId: category.kind === "ACCUSATION" ? DEMO.zjj.id : null,
      person,
      address,
      consentPublic,
      personCount: 1,
      representatives: [],
      sourceDocNo: null,
      receivedAt,
      repeatOfId: null,
    },
    plan,
  );
  if (opts.expectState && built.petition.state !== opts.expectState) {
    throw new Error(
      `test case ended in ${built.petition.state}, not ${opts.expectState}: a step fell after "now" or the plan stopped elsewhere`,
    );
  }
  return { ...built, id: built.petition.id, trackingNo, queryCode };
}

/**
 * Builds one case and writes it (petition, representatives, chained events) with createMany. The
 * tracking number comes from the database's demo counter (XFD…, demo-tracking:<year>): unique across
 * processes, and never one of the year's real numbers.
 */
export async function createTestCase(db: SeedDb, opts: TestCaseOptions = {}): Promise<TestCase> {
  const now = opts.now ?? clockNow();
  const receivedAt = opts.receivedAt ?? new Date(now.getTime() - DEFAULT_AGE);
  let trackingNo = opts.trackingNo;
  if (!trackingNo) {
    const year = civilYear(receivedAt);
    const name = trackingCounterName(year, true);
    const counter = await db.counter.upsert({
      where: { name },
      create: { name, value: 1 },
      update: { value: { increment: 1 } },
    });
    trackingNo = formatDemoTrackingNo(year, counter.value);
  }
  const built = buildTestCase({ ...opts, now, receivedAt, trackingNo });
  await insertCases(db, [built]);
  return built;
}
