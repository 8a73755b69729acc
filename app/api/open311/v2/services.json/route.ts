import { open311Services } from "@/lib/data/open-data";
import { openJson } from "@/lib/http/open-data";

// Open311 GeoReport v2: the services (our categories) a service request can be of (lib/domain/open311.ts).
export const dynamic = "force-dynamic";

export async function GET() {
  return openJson(await open311Services());
}
