// Sessions that end on the server (issue #6): the staff session row behind next-auth's token, and the
// petitioner's tracking session behind its cookie, on the real database with the clock moved by setClock.
import { randomUUID } from "node:crypto";
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { resetClock, setClock } from "@/lib/clock";
import { createPetition } from "@/lib/data/petitions";
import { endStaffSession, findStaffSessionUser, openStaffSession, pruneStaffSessions } from "@/lib/data/staff-sessions";
import {
  endPetitionerSession,
  findPetitionerSessionCase,
  prunePetitionerSessions,
  startPetitionerSession,
} from "@/lib/data/petitioner-sessions";
import { sessionIdOfToken, signedSessionToken } from "@/lib/petitioner-session";
import { PETITIONER_SESSION_MS, STAFF_IDLE_MS, STAFF_MAX_AGE_MS } from "@/lib/domain/sessions";
import { makeReferenceData, PERSON } from "./factories";

const T0 = new Date("2026-03-02T01:00:00Z");
const MIN = 60_000;
const clockAt = (ms: number) => setClock(new Date(T0.getTime() + ms));

let ref: Awaited<ReturnType<typeof makeReferenceData>>;
beforeAll(async () => {
  ref = await makeReferenceData();
});
afterEach(() => resetClock());

async function makeUser() {
  return db.user.create({
    data: {
      username: `s${randomUUID().slice(0, 12)}`,
      displayName: "会话测试",
      role: "handler",
      unitId: ref.township.id,
      passwordHash: "x",
    },
  });
}
const lastSeenOf = async (sid: string) => (await db.staffSession.findUniqueOrThrow({ where: { id: sid } })).lastSeenAt;

describe("a staff session", () => {
  it("opens the user's workspace until signed out; then the same token opens nothing", async () => {
    const u = await makeUser();
    clockAt(0);
    const sid = await openStaffSession(u.id);
    expect(await findStaffSessionUser(u.id, sid)).toMatchObject({
      id: u.id,
      username: u.username,
      role: "handler",
      unit: { id: ref.township.id },
    });
    await endStaffSession(sid);
    clockAt(MIN);
    expect(await findStaffSessionUser(u.id, sid)).toBeNull();
    // Ending it again, or a sign-out replayed later, changes nothing.
    await endStaffSession(sid);
    expect(await findStaffSessionUser(u.id, sid)).toBeNull();
  });

  it("ends after 30 minutes without a request, and stays ended", async () => {
    const u = await makeUser();
    clockAt(0);
    const sid = await openStaffSession(u.id);
    clockAt(STAFF_IDLE_MS - 1);
    expect(await findStaffSessionUser(u.id, sid)).not.toBeNull(); // a request: the 30 minutes start again
    clockAt(STAFF_IDLE_MS - 1 + STAFF_IDLE_MS - 1);
    expect(await findStaffSessionUser(u.id, sid)).not.toBeNull();
    clockAt(2 * (STAFF_IDLE_MS - 1) + STAFF_IDLE_MS);
    expect(await findStaffSessionUser(u.id, sid)).toBeNull();
    // Coming back later does not revive it.
    clockAt(2 * (STAFF_IDLE_MS - 1) + STAFF_IDLE_MS + 1);
    expect(await findStaffSessionUser(u.id, sid)).toBeNull();
  });

  it("records a request at most once a minute", async () => {
    const u = await makeUser();
    clockAt(0);
    const sid = await openStaffSession(u.id);
    clockAt(MIN - 1);
    await findStaffSessionUser(u.id, sid);
    expect(await lastSeenOf(sid)).toEqual(T0);
    clockAt(MIN);
    await findStaffSessionUser(u.id, sid);
    expect(await lastSeenOf(sid)).toEqual(new Date(T0.getTime() + MIN));
  });

  it("ends 10 hours after sign-in however busy the user is", async () => {
    const u = await makeUser();
    clockAt(0);
    const sid = await openStaffSession(u.id);
    for (let t = 20 * MIN; t < STAFF_MAX_AGE_MS; t += 20 * MIN) {
      clockAt(t);
      expect(await findStaffSessionUser(u.id, sid), `at ${t / MIN} min`).not.toBeNull();
    }
    clockAt(STAFF_MAX_AGE_MS);
    expect(await findStaffSessionUser(u.id, sid)).toBeNull();
  });

  it("opens nothing for another user's session, an unknown id, or a deactivated user", async () => {
    const [a, b] = [await makeUser(), await makeUser()];
    clockAt(0);
    const sid = await openStaffSession(a.id);
    expect(await findStaffSessionUser(b.id, sid)).toBeNull();
    expect(await findStaffSessionUser(a.id, "no-such-session")).toBeNull();
    await db.user.update({ where: { id: a.id }, data: { active: false } });
    expect(await findStaffSessionUser(a.id, sid)).toBeNull();
  });

  it("is deleted once over: signing in prunes ended, idle and too old sessions, and keeps open ones", async () => {
    const u = await makeUser();
    clockAt(0);
    const [ended, idle, open] = [
      await openStaffSession(u.id),
      await openStaffSession(u.id),
      await openStaffSession(u.id),
    ];
    await endStaffSession(ended);
    clockAt(STAFF_IDLE_MS - MIN);
    await findStaffSessionUser(u.id, open); // `open` had a request; `idle` had none
    clockAt(STAFF_IDLE_MS);
    const fresh = await openStaffSession(u.id);
    const left = (await db.staffSession.findMany({ where: { userId: u.id }, select: { id: true } })).map((r) => r.id);
    expect(left.sort()).toEqual([open, fresh].sort());
    expect([ended, idle].some((id) => left.includes(id))).toBe(false);
    expect(await pruneStaffSessions(new Date(T0.getTime() + STAFF_MAX_AGE_MS))).toBeGreaterThanOrEqual(2);
    expect(await db.staffSession.count({ where: { userId: u.id } })).toBe(0);
  });
});

describe("a petitioner's tracking session", () => {
  async function fileCase() {
    return db.$transaction((tx) =>
      createPetition(
        tx,
        {
          channel: "ONLINE",
          categoryId: ref.categories.appeal.id,
          placeId: ref.township.id,
          title: "关于路灯的问题",
          content: "小区路灯坏了三个月，请尽快维修。",
          address: PERSON.address,
          petitionerName: PERSON.name,
          petitionerPhone: PERSON.phone,
          consentPublic: false,
          receivedAt: T0,
        },
        { type: "PETITIONER" },
      ),
    );
  }

  it("opens one case until tracking is ended; the old session id then opens nothing", async () => {
    const c = await fileCase();
    clockAt(0);
    const id = await startPetitionerSession(c.id);
    expect(await findPetitionerSessionCase(id)).toBe(c.id);
    await endPetitionerSession(id);
    expect(await findPetitionerSessionCase(id)).toBeNull();
  });

  it("expires 30 minutes after it was opened", async () => {
    const c = await fileCase();
    clockAt(0);
    const id = await startPetitionerSession(c.id);
    clockAt(PETITIONER_SESSION_MS - 1);
    expect(await findPetitionerSessionCase(id)).toBe(c.id);
    clockAt(PETITIONER_SESSION_MS);
    expect(await findPetitionerSessionCase(id)).toBeNull();
  });

  it("is deleted once over: opening another prunes ended and expired sessions", async () => {
    const c = await fileCase();
    clockAt(0);
    const [ended, expiring] = [await startPetitionerSession(c.id), await startPetitionerSession(c.id)];
    await endPetitionerSession(ended);
    clockAt(PETITIONER_SESSION_MS);
    const fresh = await startPetitionerSession(c.id);
    expect((await db.petitionerSession.findMany({ where: { petitionId: c.id } })).map((r) => r.id)).toEqual([fresh]);
    expect(expiring).not.toBe(fresh);
    expect(await prunePetitionerSessions(new Date(T0.getTime() + 2 * PETITIONER_SESSION_MS))).toBeGreaterThanOrEqual(1);
  });

  it("is carried in the cookie signed: a changed or made-up id is refused before the database is asked", () => {
    const token = signedSessionToken("abc123");
    expect(sessionIdOfToken(token)).toBe("abc123");
    expect(sessionIdOfToken(`abd123.${token.split(".")[1]}`)).toBeNull();
    expect(sessionIdOfToken("abc123")).toBeNull();
    expect(sessionIdOfToken(`${token}.x`)).toBeNull();
    expect(sessionIdOfToken(undefined)).toBeNull();
  });
});
