import { findServiceRequest } from "@/lib/data/open-data";
import { normalizeTrackingNo, parseTrackingNo } from "@/lib/domain/tracking";
import { translator } from "@/lib/i18n";
import { openDataLocale, openError, openJson } from "@/lib/http/open-data";

// Open311 GeoReport v2: one service request, `requests/<tracking number>.json`, as a list of one (the spec's form).
export const dynamic = "force-dynamic";

export async function GET(request: Request, { params }: { params: Promise<{ id: string }> }) {
  const lang = openDataLocale(new URL(request.url));
  if ("refused" in lang) return lang.refused;
  const { locale } = lang;
  const raw = (await params).id;
  const id = raw.endsWith(".json") ? normalizeTrackingNo(raw.slice(0, -".json".length)) : null;
  const wellFormed = id !== null && parseTrackingNo(id) !== null;
  const found = wellFormed ? await findServiceRequest(id, locale) : null;
  // Only a well-formed tracking number is named back: nothing else that was typed into the address.
  if (!found) return openError(404, translator(locale)("openData.errors.notFound", { id: wellFormed ? id : "—" }));
  return openJson([found]);
}
