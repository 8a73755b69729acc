import { statsGo } from "@/lib/http/stats-go";

// The choice form of /units goes here and is sent on to the cached page of what was chosen.
export const dynamic = "force-dynamic";

export function GET(request: Request, { params }: { params: Promise<{ locale: string }> }) {
  return statsGo("/units", request, params);
}
