// Liveness: the process answers. Nothing else — not the database (that is /api/ready): a load balancer or systemd that
// restarts a process whose database is down would only restart it again.
export const dynamic = "force-dynamic";

export function GET() {
  return Response.json({ ok: true });
}
