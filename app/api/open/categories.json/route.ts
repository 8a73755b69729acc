import { openCategories } from "@/lib/data/open-data";
import { openJson } from "@/lib/http/open-data";

// Open data: every active category with its code and kind (docs/open-data.md).
export const dynamic = "force-dynamic";

export async function GET() {
  return openJson({ categories: await openCategories() });
}
