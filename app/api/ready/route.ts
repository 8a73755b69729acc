import { readiness } from "@/lib/data/readiness";

// Readiness: the database answers and every migration of this build is applied — a proxy sends requests here only
// then. 503 with the reason otherwise (no detail of the database: its name, path or error text stay in the log).
export const dynamic = "force-dynamic";

export async function GET() {
  const r = await readiness();
  return Response.json(r, { status: r.ready ? 200 : 503, headers: { "Cache-Control": "no-store" } });
}
