import { OPEN_CASE_COLUMNS } from "@/lib/data/open-cases";
import { openCasesFor } from "@/lib/http/open-cases-request";
import { openCsv } from "@/lib/http/open-data";

// Open data: the same page of the public record as cases.json, as CSV with a header row (docs/open-data.md).
export const dynamic = "force-dynamic";

export async function GET(request: Request) {
  const answer = await openCasesFor(request);
  if ("refused" in answer) return answer.refused;
  const rows = answer.list.cases.map((c) =>
    OPEN_CASE_COLUMNS.map((k) => (typeof c[k] === "boolean" ? String(c[k]) : c[k])),
  );
  return openCsv([OPEN_CASE_COLUMNS, ...rows], `cases-page-${answer.list.page}.csv`);
}
