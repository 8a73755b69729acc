// One deadline pass at a time across processes (lib/data/job-lease.ts, issue 12) on the real database: a lease held
// is refused to another holder until released or lapsed; two passes started together, one runs.
import { describe, expect, it } from "vitest";
import { releaseLease, takeLease, withLease } from "@/lib/data/job-lease";
import { runDeadlinePassOnce } from "@/lib/data/deadline-pass";

describe("job leases", () => {
  it("one holder at a time; a released or lapsed lease is free; the holder may take it again", async () => {
    const name = `test-${Date.now()}`;
    const t0 = new Date();
    expect(await takeLease(name, 60_000, "a", t0)).toBe(true);
    expect(await takeLease(name, 60_000, "b", t0)).toBe(false);
    expect(await takeLease(name, 60_000, "a", t0)).toBe(true); // renewed by its holder
    await releaseLease(name, "b"); // not b's to give back
    expect(await takeLease(name, 60_000, "b", t0)).toBe(false);
    await releaseLease(name, "a");
    expect(await takeLease(name, 60_000, "b", t0)).toBe(true);
    // b's lease lapses after its minute: a takes it then, not before.
    expect(await takeLease(name, 60_000, "a", new Date(t0.getTime() + 59_000))).toBe(false);
    expect(await takeLease(name, 60_000, "a", new Date(t0.getTime() + 61_000))).toBe(true);
  });

  it("runs the job holding the lease and gives it back, even when the job throws", async () => {
    const name = `test-with-${Date.now()}`;
    expect(await withLease(name, 60_000, async () => 42, "a")).toBe(42);
    await expect(withLease(name, 60_000, async () => Promise.reject(new Error("boom")), "a")).rejects.toThrow("boom");
    expect(await takeLease(name, 60_000, "b")).toBe(true);
    expect(await withLease(name, 60_000, async () => 1, "a")).toBeNull(); // b holds it
  });

  it("two processes' deadline passes started together: one runs, the other finds the lease taken", async () => {
    const results = await Promise.all([runDeadlinePassOnce({}, "process-1"), runDeadlinePassOnce({}, "process-2")]);
    expect(results.filter((r) => r !== null)).toHaveLength(1);
    expect(await runDeadlinePassOnce()).not.toBeNull(); // given back
  });
});
