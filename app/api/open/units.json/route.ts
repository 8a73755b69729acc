import { openUnits } from "@/lib/data/open-data";
import { openJson } from "@/lib/http/open-data";

// Open data: every active unit with its code and its parent's (docs/open-data.md).
export const dynamic = "force-dynamic";

export async function GET() {
  return openJson({ units: await openUnits() });
}
