import { checkpointConsistency } from "@/lib/data/checkpoints";
import { wholeParam } from "@/lib/domain/query-params";
import { translator } from "@/lib/i18n";
import { openDataLocale, openError, openJsonFresh } from "@/lib/http/open-data";

// Open data: the consistency proof (RFC 9162 §2.1.4) that checkpoint `to` only appended to checkpoint `from`.
export const dynamic = "force-dynamic";

export async function GET(request: Request) {
  const url = new URL(request.url);
  const lang = openDataLocale(url);
  if ("refused" in lang) return lang.refused;
  const t = translator(lang.locale);
  const from = wholeParam(url.searchParams.get("from"), Number.NaN, 1, 1_000_000_000);
  const to = wholeParam(url.searchParams.get("to"), Number.NaN, 1, 1_000_000_000);
  if (from === null || to === null || Number.isNaN(from) || Number.isNaN(to) || from > to)
    return openError(400, t("openData.errors.badCheckpoints"));
  const found = await checkpointConsistency(from, to);
  if (!found) return openError(404, t("openData.errors.noCheckpoint"));
  return openJsonFresh({
    from: { seq: found.from.seq, tree_size: found.from.treeSize, root_hash: found.from.rootHash },
    to: { seq: found.to.seq, tree_size: found.to.treeSize, root_hash: found.to.rootHash },
    proof: found.proof,
  });
}
