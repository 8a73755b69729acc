import "server-only";
import { headers } from "next/headers";

/**
 * The client's address, for rate limits only (it is hashed before storage and never logged).
 * Behind a reverse proxy set TRUST_PROXY_HOPS to the number of proxies: the address is then read that
 * many entries from the right of X-Forwarded-For, where a client cannot forge it.
 */
export async function clientAddress(): Promise<string> {
  const h = await headers();
  const forwarded = (h.get("x-forwarded-for") ?? "").split(",").map((s) => s.trim()).filter(Boolean);
  const hops = Math.max(1, Number(process.env.TRUST_PROXY_HOPS ?? 1) || 1);
  return forwarded[forwarded.length - hops] ?? h.get("x-real-ip") ?? "unknown";
}
