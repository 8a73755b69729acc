import { logLeaves } from "@/lib/data/checkpoints";
import { wholeParam } from "@/lib/domain/query-params";
import { translator } from "@/lib/i18n";
import { openDataLocale, openError, openJsonFresh } from "@/lib/http/open-data";

// Open data: the log's leaves (tracking number, event count, head hash), `from` a leaf index, at most 10,000 at a time
// — what a monitor rebuilds the signed trees from (issue 11, docs/verify.md).
export const dynamic = "force-dynamic";

const MAX_LEAVES = 10_000;

export async function GET(request: Request) {
  const url = new URL(request.url);
  const lang = openDataLocale(url);
  if ("refused" in lang) return lang.refused;
  const from = wholeParam(url.searchParams.get("from"), 0, 0, 1_000_000_000);
  const count = wholeParam(url.searchParams.get("count"), MAX_LEAVES, 1, MAX_LEAVES);
  if (from === null || count === null)
    return openError(
      400,
      translator(lang.locale)("openData.errors.badPage", { param: "from / count", max: MAX_LEAVES }),
    );
  const leaves = await logLeaves(from, count);
  return openJsonFresh({
    from,
    leaves: leaves.map((l) => ({
      index: l.index,
      tracking_no: l.trackingNo,
      event_count: l.eventCount,
      head_hash: l.headHash,
    })),
  });
}
