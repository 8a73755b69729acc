import { verifyCaseChain } from "@/lib/data/chain";
import { normalizeTrackingNo, parseTrackingNo } from "@/lib/domain/tracking";

export const dynamic = "force-dynamic";

/** Public: recomputes the case's audit chain and says whether it is intact. No event content is returned. */
export async function GET(_req: Request, { params }: { params: Promise<{ trackingNo: string }> }) {
  const trackingNo = normalizeTrackingNo((await params).trackingNo);
  if (!parseTrackingNo(trackingNo)) return Response.json({ error: "not found" }, { status: 404 });
  const verdict = await verifyCaseChain(trackingNo);
  if (!verdict) return Response.json({ error: "not found" }, { status: 404 });
  return Response.json({ trackingNo, ...verdict });
}
