import { db } from "@/lib/db";

export const dynamic = "force-dynamic";

/** Liveness and database reachability; says nothing else. */
export async function GET() {
  await db.unit.count({ take: 1 });
  return Response.json({ ok: true });
}
