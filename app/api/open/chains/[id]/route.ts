import { publicChainOf } from "@/lib/data/checkpoints";
import { normalizeTrackingNo, parseTrackingNo } from "@/lib/domain/tracking";
import { translator } from "@/lib/i18n";
import { openDataLocale, openError, openJsonFresh } from "@/lib/http/open-data";

// Open data: a case's chain in its public form with its place in the signed log, `chains/<tracking number>.json`
// (issue 11, docs/verify.md).
export const dynamic = "force-dynamic";

export async function GET(request: Request, { params }: { params: Promise<{ id: string }> }) {
  const lang = openDataLocale(new URL(request.url));
  if ("refused" in lang) return lang.refused;
  const raw = (await params).id;
  const id = raw.endsWith(".json") ? normalizeTrackingNo(raw.slice(0, -".json".length)) : null;
  const wellFormed = id !== null && parseTrackingNo(id) !== null;
  const chain = wellFormed ? await publicChainOf(id) : null;
  if (!chain) return openError(404, translator(lang.locale)("openData.errors.notFound", { id: wellFormed ? id : "—" }));
  return openJsonFresh(chain);
}
