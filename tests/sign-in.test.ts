// Staff sign-in against the real database: lockout, its expiry, the per-address limit, and that every
// refusal reads the same (the answer never tells whether an account exists).
import { randomUUID } from "node:crypto";
import { hash } from "@node-rs/argon2";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import {
  LOCK_MS,
  MAX_FAILED_SIGN_INS,
  SIGN_IN_CLIENT_LIMIT,
  SIGN_IN_WINDOW_MS,
  verifyStaffCredentials,
} from "@/lib/auth/sign-in";
import { makeReferenceData } from "./factories";

const PASSWORD = "correct-horse-2026";
const AT = new Date("2026-03-02T02:00:00Z");
const INVALID = { ok: false, reason: "invalid" } as const;

let unitId: string;
let passwordHash: string;
beforeAll(async () => {
  const ref = await makeReferenceData();
  unitId = ref.township.id;
  passwordHash = await hash(PASSWORD);
});

/** A new staff account, unique to the test; `client` is a fresh client address so limits never mix. */
async function makeUser(over: { active?: boolean } = {}) {
  const username = `u${randomUUID().slice(0, 12)}`;
  const user = await db.user.create({
    data: { username, displayName: "测试经办人", role: "handler", unitId, passwordHash, active: over.active ?? true },
  });
  return { ...user, client: `10.0.${randomUUID()}` };
}

const state = (id: string) =>
  db.user.findUniqueOrThrow({ where: { id }, select: { failedLogins: true, lockedUntil: true } });
const later = (ms: number) => new Date(AT.getTime() + ms);

describe("verifyStaffCredentials", () => {
  it("signs in with the right password, whatever the case and surrounding spaces of the username", async () => {
    const u = await makeUser();
    expect(await verifyStaffCredentials(u.username, PASSWORD, u.client, AT)).toEqual({
      ok: true,
      user: { id: u.id, username: u.username, displayName: "测试经办人", role: "handler", unitId },
    });
    expect(await verifyStaffCredentials(`  ${u.username.toUpperCase()} `, PASSWORD, u.client, AT)).toMatchObject({
      ok: true,
    });
  });

  it("refuses a wrong password and counts the failure", async () => {
    const u = await makeUser();
    expect(await verifyStaffCredentials(u.username, "wrong-password", u.client, AT)).toEqual(INVALID);
    expect(await state(u.id)).toEqual({ failedLogins: 1, lockedUntil: null });
  });

  it("answers an unknown user exactly as a wrong password", async () => {
    const u = await makeUser();
    const wrongPassword = await verifyStaffCredentials(u.username, "wrong-password", u.client, AT);
    const unknownUser = await verifyStaffCredentials(`nobody-${randomUUID()}`, PASSWORD, u.client, AT);
    expect(unknownUser).toEqual(wrongPassword);
    expect(unknownUser).toEqual(INVALID);
  });

  it("refuses a deactivated account even with the right password", async () => {
    const u = await makeUser({ active: false });
    expect(await verifyStaffCredentials(u.username, PASSWORD, u.client, AT)).toEqual(INVALID);
  });

  it("resets the failure count after a successful sign-in", async () => {
    const u = await makeUser();
    for (let i = 0; i < MAX_FAILED_SIGN_INS - 1; i++)
      await verifyStaffCredentials(u.username, "wrong-password", u.client, AT);
    expect((await state(u.id)).failedLogins).toBe(MAX_FAILED_SIGN_INS - 1);
    expect(await verifyStaffCredentials(u.username, PASSWORD, u.client, AT)).toMatchObject({ ok: true });
    expect(await state(u.id)).toEqual({ failedLogins: 0, lockedUntil: null });
    // …so one more failure does not lock the account.
    expect(await verifyStaffCredentials(u.username, "wrong-password", u.client, AT)).toEqual(INVALID);
    expect((await state(u.id)).lockedUntil).toBeNull();
  });

  it("locks the account for 15 minutes after 5 failures: the right password is then refused with the same answer", async () => {
    const u = await makeUser();
    for (let i = 0; i < MAX_FAILED_SIGN_INS; i++) {
      expect(await verifyStaffCredentials(u.username, "wrong-password", u.client, later(i * 1000))).toEqual(INVALID);
    }
    const lockedAt = later((MAX_FAILED_SIGN_INS - 1) * 1000);
    expect((await state(u.id)).lockedUntil).toEqual(new Date(lockedAt.getTime() + LOCK_MS));
    expect(LOCK_MS).toBe(15 * 60 * 1000);

    expect(await verifyStaffCredentials(u.username, PASSWORD, u.client, later(10_000))).toEqual(INVALID);
    // One millisecond before the lock ends: still refused.
    expect(
      await verifyStaffCredentials(u.username, PASSWORD, u.client, new Date(lockedAt.getTime() + LOCK_MS - 1)),
    ).toEqual(INVALID);
  });

  it("opens the account again when the 15 minutes are over, and clears the lock", async () => {
    const u = await makeUser();
    for (let i = 0; i < MAX_FAILED_SIGN_INS; i++)
      await verifyStaffCredentials(u.username, "wrong-password", u.client, AT);
    const { lockedUntil } = await state(u.id);
    expect(lockedUntil).toEqual(later(LOCK_MS));
    expect(await verifyStaffCredentials(u.username, PASSWORD, u.client, later(LOCK_MS))).toMatchObject({ ok: true });
    expect(await state(u.id)).toEqual({ failedLogins: 0, lockedUntil: null });
  });

  it("does not count attempts on a locked account towards a longer lock", async () => {
    const u = await makeUser();
    for (let i = 0; i < MAX_FAILED_SIGN_INS; i++)
      await verifyStaffCredentials(u.username, "wrong-password", u.client, AT);
    for (let i = 0; i < MAX_FAILED_SIGN_INS; i++)
      await verifyStaffCredentials(u.username, "wrong-password", u.client, later(60_000));
    expect(await state(u.id)).toEqual({ failedLogins: 0, lockedUntil: later(LOCK_MS) });
  });

  it("does not count successful sign-ins: an office behind one address can sign everyone in", async () => {
    const u = await makeUser();
    for (let i = 0; i < SIGN_IN_CLIENT_LIMIT + 5; i++) {
      expect(await verifyStaffCredentials(u.username, PASSWORD, u.client, AT)).toMatchObject({ ok: true });
    }
  });

  it("limits failed attempts per client address across accounts, and lets other clients in", async () => {
    const u = await makeUser();
    const busy = `10.1.${randomUUID()}`;
    for (let i = 0; i < SIGN_IN_CLIENT_LIMIT; i++) {
      // Different (unknown) accounts: the limit is per address, not per account.
      expect(await verifyStaffCredentials(`guess-${i}-${randomUUID()}`, "x", busy, AT)).toEqual(INVALID);
    }
    expect(await verifyStaffCredentials(u.username, PASSWORD, busy, later(1000))).toEqual({
      ok: false,
      reason: "rateLimited",
    });
    // The limit is not an account lock: the same user from another address is let in.
    expect(await verifyStaffCredentials(u.username, PASSWORD, u.client, later(1000))).toMatchObject({ ok: true });
    // When the window has passed, the busy address may try again.
    expect(await verifyStaffCredentials(u.username, PASSWORD, busy, later(SIGN_IN_WINDOW_MS))).toMatchObject({
      ok: true,
    });
  });
});
