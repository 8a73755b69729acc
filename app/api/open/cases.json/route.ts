import { openCasesFor } from "@/lib/http/open-cases-request";
import { openJson } from "@/lib/http/open-data";

// Open data: the public record of every case, newest first, filtered and a page at a time; accusations only counted
// (docs/open-data.md).
export const dynamic = "force-dynamic";

export async function GET(request: Request) {
  const answer = await openCasesFor(request);
  return "refused" in answer ? answer.refused : openJson(answer.list);
}
