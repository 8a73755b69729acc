import { getViewer } from "@/lib/auth/viewer";
import { findScorecard } from "@/lib/data/scorecard";
import { canSupervise } from "@/lib/domain/authority";
import { attachmentDisposition, toCsv } from "@/lib/domain/csv";
import { cookieLocale, getT } from "@/lib/i18n/server";
import { parseScorecardParams } from "@/lib/validation/scorecard";
import { csvHeader, csvRecord } from "@/components/scorecard/scorecard-cells";

export const dynamic = "force-dynamic";

const notFound = () =>
  new Response("not found", {
    status: 404,
    headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store" },
  });

/**
 * 单位考评 as CSV: the page's table for the same parameters, header in the viewer's language, UTF-8 with a BOM.
 * Authorised here, not by the proxy or the layout (a route handler runs neither check): the viewer is re-read from
 * its database session, and anyone but a supervisor — signed out, a handler, an admin — gets a 404, as the page.
 * findScorecard checks the role again and scopes by the viewer's subtree.
 */
export async function GET(request: Request) {
  const viewer = await getViewer();
  if (!viewer || !canSupervise(viewer)) return notFound();
  const { params } = parseScorecardParams(new URL(request.url).searchParams);
  const [{ t }, sc] = await Promise.all([cookieLocale().then(getT), findScorecard(viewer, params)]);
  const body = toCsv([
    csvHeader(t),
    ...sc.rows.map((r) => csvRecord(r.unitName, r.figures)),
    csvRecord(t("scorecard.total"), sc.total),
  ]);
  const period = { from: sc.period.from, to: sc.period.to };
  return new Response(body, {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": attachmentDisposition(
        t("scorecard.csv.filename", period),
        `scorecards_${period.from}_${period.to}.csv`,
      ),
      "Cache-Control": "private, no-store",
      "X-Content-Type-Options": "nosniff",
    },
  });
}
