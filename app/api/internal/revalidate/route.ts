import { revalidatePath } from "next/cache";
import { appSecret } from "@/lib/secret";
import { SIGNATURE_HEADER, readRevalidation } from "@/lib/http/revalidation-message";

// Drops stale public pages from this server's cache on behalf of a process that changed cases outside a request
// (lib/data/public-pages.ts): the deadline job, `npm run jobs`. Signed with the app secret; anything else is 403.
export const dynamic = "force-dynamic";

export async function POST(request: Request) {
  const body = await request.text();
  const pages = readRevalidation(appSecret(), body, request.headers.get(SIGNATURE_HEADER), Date.now());
  if (pages === null) return Response.json({ error: "forbidden" }, { status: 403 });
  for (const page of pages) revalidatePath(page);
  return Response.json({ revalidated: pages.length });
}
