// Staff sign-in under attempts that arrive all at once (issue #6: 40 parallel guesses, each from its own
// address, once left failedLogins at 1 and the account open). Every attempt is counted before its password
// is checked, by one statement, so the lockout and the per-address limit hold however many arrive together.
import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it, vi } from "vitest";

// The real argon2, watched: how many attempts were checked against the account's own hash.
const verifyCalls = vi.hoisted(() => [] as string[]);
vi.mock("@node-rs/argon2", async (importOriginal) => {
  const real = await importOriginal<typeof import("@node-rs/argon2")>();
  return {
    ...real,
    verify: (...args: Parameters<typeof real.verify>) => {
      verifyCalls.push(String(args[0]));
      return real.verify(...args);
    },
  };
});

import { hash } from "@node-rs/argon2";
import { db } from "@/lib/db";
import { isRateLimited } from "@/lib/data/rate-limit";
import { LOCK_MS, MAX_FAILED_SIGN_INS, SIGN_IN_CLIENT_LIMIT, verifyStaffCredentials } from "@/lib/auth/sign-in";
import { makeReferenceData } from "./factories";

const PASSWORD = "correct-horse-2026";
const AT = new Date("2026-03-02T02:00:00Z");
const PARALLEL = 40;

let unitId: string;
beforeAll(async () => {
  unitId = (await makeReferenceData()).township.id;
});

async function makeUser() {
  const username = `p${randomUUID().slice(0, 12)}`;
  // Each account gets its own hash, so the checks against it can be told from every other check.
  const own = await hash(PASSWORD);
  const user = await db.user.create({
    data: { username, displayName: "并发测试", role: "handler", unitId, passwordHash: own },
  });
  return { ...user, passwordHash: own };
}
const address = () => `10.9.${randomUUID()}`;
const state = (id: string) =>
  db.user.findUniqueOrThrow({ where: { id }, select: { failedLogins: true, lockedUntil: true } });
const tally = (results: { ok: boolean; reason?: string }[]) =>
  results.reduce<Record<string, number>>(
    (n, r) => ({ ...n, [r.ok ? "ok" : r.reason!]: (n[r.ok ? "ok" : r.reason!] ?? 0) + 1 }),
    {},
  );

describe("the account lockout under parallel guesses", () => {
  it(`${PARALLEL} wrong passwords at once, each from its own address, lock the account: the right one is then refused`, async () => {
    const u = await makeUser();
    verifyCalls.length = 0;
    const results = await Promise.all(
      Array.from({ length: PARALLEL }, (_, i) => verifyStaffCredentials(u.username, `wrong-${i}`, address(), AT)),
    );
    expect(tally(results)).toEqual({ invalid: PARALLEL });
    // At most 5 guesses were ever checked against the password; the others were refused unchecked.
    expect(verifyCalls.filter((h) => h === u.passwordHash)).toHaveLength(MAX_FAILED_SIGN_INS);
    expect(await state(u.id)).toEqual({ failedLogins: 0, lockedUntil: new Date(AT.getTime() + LOCK_MS) });

    expect(await verifyStaffCredentials(u.username, PASSWORD, address(), new Date(AT.getTime() + 1000))).toEqual({
      ok: false,
      reason: "invalid",
    });
    expect(await state(u.id)).toEqual({ failedLogins: 0, lockedUntil: new Date(AT.getTime() + LOCK_MS) });
  });

  it("a burst below the limit counts every failure", async () => {
    const u = await makeUser();
    await Promise.all(
      Array.from({ length: MAX_FAILED_SIGN_INS - 1 }, () => verifyStaffCredentials(u.username, "wrong", address(), AT)),
    );
    expect(await state(u.id)).toEqual({ failedLogins: MAX_FAILED_SIGN_INS - 1, lockedUntil: null });
    // One more failure locks it.
    await verifyStaffCredentials(u.username, "wrong", address(), AT);
    expect((await state(u.id)).lockedUntil).toEqual(new Date(AT.getTime() + LOCK_MS));
  });
});

describe("the per-address limit under parallel failures", () => {
  it(`${PARALLEL} failures at once from one address: only ${SIGN_IN_CLIENT_LIMIT} are judged, then the address is refused`, async () => {
    const busy = address();
    const results = await Promise.all(
      Array.from({ length: PARALLEL }, (_, i) => verifyStaffCredentials(`guess-${i}-${randomUUID()}`, "x", busy, AT)),
    );
    expect(tally(results)).toEqual({ invalid: SIGN_IN_CLIENT_LIMIT, rateLimited: PARALLEL - SIGN_IN_CLIENT_LIMIT });

    const u = await makeUser();
    expect(await verifyStaffCredentials(u.username, PASSWORD, busy, new Date(AT.getTime() + 1000))).toEqual({
      ok: false,
      reason: "rateLimited",
    });
    expect(await isRateLimited(`signin:client:${busy}`, SIGN_IN_CLIENT_LIMIT, AT)).toBe(true);
    // The limit is per address, not an account lock.
    expect(await verifyStaffCredentials(u.username, PASSWORD, address(), AT)).toMatchObject({ ok: true });
  });

  it("wrong passwords on many accounts at once from one address count against the address as well", async () => {
    const busy = address();
    const users = await Promise.all(Array.from({ length: 10 }, () => makeUser()));
    const results = await Promise.all(
      users.flatMap((u) => [1, 2, 3].map(() => verifyStaffCredentials(u.username, "wrong", busy, AT))),
    );
    expect(tally(results)).toEqual({ invalid: SIGN_IN_CLIENT_LIMIT, rateLimited: 30 - SIGN_IN_CLIENT_LIMIT });
    const judged = (await Promise.all(users.map((u) => state(u.id)))).reduce((n, s) => n + s.failedLogins, 0);
    expect(judged).toBe(SIGN_IN_CLIENT_LIMIT);
  });
});

describe("an office behind one address", () => {
  it("signs everyone in, many times over, even after a few mistakes", async () => {
    const office = address();
    const staff = await Promise.all(Array.from({ length: 8 }, () => makeUser()));
    // A morning's typos from the office, short of the limit…
    for (let i = 0; i < SIGN_IN_CLIENT_LIMIT - 1; i++)
      expect(await verifyStaffCredentials(`typo-${randomUUID()}`, "x", office, AT)).toMatchObject({
        ok: false,
        reason: "invalid",
      });
    // …then everyone signs in, again and again: successes never use up the address's budget.
    for (let round = 0; round < 5; round++) {
      for (const u of staff)
        expect(
          await verifyStaffCredentials(u.username, PASSWORD, office, AT),
          `${u.username} round ${round}`,
        ).toMatchObject({ ok: true });
    }
    expect(await isRateLimited(`signin:client:${office}`, SIGN_IN_CLIENT_LIMIT, AT)).toBe(false);
  });

  it("signs many people in at the same moment", async () => {
    const office = address();
    const staff = await Promise.all(Array.from({ length: SIGN_IN_CLIENT_LIMIT - 5 }, () => makeUser()));
    for (let round = 0; round < 3; round++) {
      const results = await Promise.all(staff.map((u) => verifyStaffCredentials(u.username, PASSWORD, office, AT)));
      expect(tally(results)).toEqual({ ok: staff.length });
    }
  });
});
