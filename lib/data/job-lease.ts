import "server-only";
import { randomUUID } from "node:crypto";
import { db } from "@/lib/db";

// A job's lease: one process at a time runs it, across every app process on the database (issue 12: the deadline job
// exactly once at a time). Taken by one portable statement — an insert that, on a lease already there, takes it over
// only when it has lapsed — then read back: whoever's name is in it holds it. Released at the end; a process killed
// meanwhile leaves a lease that lapses at `until`. The jobs are idempotent, so a pass outliving its lease does no harm.

/** This process's name in the leases it takes. */
const HOLDER = `${process.pid}-${randomUUID().slice(0, 8)}`;

/** Takes the lease `name` for `ms`, unless another holder has it and it has not lapsed; whether it was taken. */
export async function takeLease(name: string, ms: number, holder = HOLDER, at = new Date()): Promise<boolean> {
  const until = new Date(at.getTime() + ms);
  await db.$executeRaw`
    INSERT INTO "JobLease" ("name", "holder", "until") VALUES (${name}, ${holder}, ${until})
    ON CONFLICT ("name") DO UPDATE SET "holder" = excluded."holder", "until" = excluded."until"
    WHERE "JobLease"."until" < ${at} OR "JobLease"."holder" = excluded."holder"`;
  const row = await db.jobLease.findUnique({ where: { name }, select: { holder: true } });
  return row?.holder === holder;
}

/** Gives the lease back, if this holder has it. */
export async function releaseLease(name: string, holder = HOLDER): Promise<void> {
  await db.jobLease.deleteMany({ where: { name, holder } });
}

/** Runs `job` holding the lease `name`; null, without running it, when another process holds it. */
export async function withLease<T>(name: string, ms: number, job: () => Promise<T>, holder = HOLDER): Promise<T | null> {
  if (!(await takeLease(name, ms, holder))) return null;
  try {
    return await job();
  } finally {
    await releaseLease(name, holder);
  }
}
