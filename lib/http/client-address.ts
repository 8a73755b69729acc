import "server-only";
import { headers } from "next/headers";

/**
 * The private request header the portal's own server (scripts/server.mjs) sets to the connection's peer
 * address, overwriting anything a client sent under that name. Without that server (e.g. `next start`
 * directly) it is absent, and every client is "unknown": limits then hold for everyone together.
 */
export const PEER_HEADER = "x-sunshine-peer";

type HeaderBag = { get(name: string): string | null | undefined };

/** TRUST_PROXY_HOPS: how many reverse proxies stand in front of the server (default 0: none). */
export function trustedProxyHops(raw: string | undefined = process.env.TRUST_PROXY_HOPS): number {
  const n = Number(raw ?? 0);
  return Number.isInteger(n) && n > 0 ? Math.min(n, 10) : 0;
}

/**
 * The client's address, for rate limits only (hashed before storage, never logged).
 * - No proxy (hops 0): the connection's peer address. X-Forwarded-For is the client's own words and is ignored.
 * - Behind N proxies: each proxy appends the peer it saw to X-Forwarded-For, so the Nth entry from the right
 *   is what the outermost of our proxies saw; entries further left are the client's own words. If there are
 *   fewer than N entries, the leftmost is still one of our proxies' observations.
 */
export function clientAddressFrom(h: HeaderBag, hops: number): string {
  const peer = (h.get(PEER_HEADER) ?? "").trim();
  if (hops === 0) return peer || "unknown";
  const forwarded = (h.get("x-forwarded-for") ?? "")
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean);
  return forwarded[Math.max(0, forwarded.length - hops)] ?? (peer || "unknown");
}

/** The client address of the request being handled (server components, actions, route handlers). */
export async function clientAddress(): Promise<string> {
  return clientAddressFrom(await headers(), trustedProxyHops());
}

/** The same rule for a plain header record (next-auth's `authorize(credentials, req)` gets one). */
export function clientAddressOfHeaders(record: Record<string, unknown> | undefined): string {
  const get = (name: string) => {
    const v = record?.[name];
    return typeof v === "string" ? v : Array.isArray(v) ? v.join(",") : undefined;
  };
  return clientAddressFrom({ get }, trustedProxyHops());
}
