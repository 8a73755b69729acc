import "server-only";
import { AsyncLocalStorage } from "node:async_hooks";
import { db, type Tx } from "@/lib/db";
import { appSecret } from "@/lib/secret";
import { stalePages } from "@/lib/http/public-pages";
import { REVALIDATE_ROUTE, SIGNATURE_HEADER, signedRevalidation } from "@/lib/http/revalidation-message";

// Cached public pages follow the database (issue 9). Every write that can change what a public page shows runs
// inside publishing(): while its transaction runs, appendEvent (every change to a case writes an event) and the
// figure summary note what they touched; once the transaction has committed — never before, never for one that
// rolled back — the pages showing it (lib/http/public-pages.ts) are dropped from the cache, so the next request
// renders them afresh. Each page also expires after its `revalidate` seconds, should a message be lost.
//
// The pages are sent, signed, to each server's /api/internal/revalidate (REVALIDATE_ORIGINS, comma-separated;
// default this server's own address, which scripts/server.mjs puts in SELF_ORIGIN, or http://127.0.0.1:$PORT;
// `none`: no server, for the integration tests), which drops them with Next's revalidatePath, and the write waits
// for the answer, so the next request anywhere renders them afresh. Always so, not revalidatePath in place when
// the write runs inside a server action: there it would also make Next re-render the action's own page into its
// answer (a filing's 1 KB result would become the 54 KB page), and outside a request (the deadline job in the
// server, `npm run jobs`) revalidatePath cannot run at all. With several servers, every one is told.

type Touched = { trackingNos: Set<string>; home: boolean };

const touched = new AsyncLocalStorage<Touched>();

/** Inside a write: this case's public record changed (`published`: it is listed on the home page). */
export function touchCase(trackingNo: string, published: boolean): void {
  const t = touched.getStore();
  if (!t) return; // the seed and test factories write outside publishing(): no server caches their pages yet
  t.trackingNos.add(trackingNo);
  if (published) t.home = true;
}

/** Inside a write: the home page's figures changed. */
export function touchFigures(): void {
  const t = touched.getStore();
  if (t) t.home = true;
}

/** Where the stale pages go: sent to the servers. Tests put a recorder in its place. */
export type StalePagesSink = (pages: string[]) => Promise<void>;

/**
 * Sends through `send` one message at a time: while one is in flight, the pages of the writes that finish meanwhile
 * are gathered and go together in the next. Each write still waits until a message holding its pages has been
 * answered, so the guarantee stands (the next request renders them afresh), and a burst of filings — each of which
 * makes the home pages stale — costs a message per round trip instead of one per filing.
 */
export function coalescing(send: StalePagesSink): StalePagesSink {
  let inFlight: Promise<void> | null = null;
  let next: { pages: Set<string>; sent: Promise<void> } | null = null;
  const start = (pages: string[]): Promise<void> => {
    const sending = send(pages).finally(() => {
      if (inFlight === sending) inFlight = null;
    });
    inFlight = sending;
    return sending;
  };
  return (pages) => {
    if (!inFlight) return start(pages);
    if (!next) {
      const gathering = { pages: new Set<string>(), sent: Promise.resolve() };
      gathering.sent = inFlight
        .catch(() => undefined)
        .then(() => {
          next = null;
          return start([...gathering.pages]);
        });
      next = gathering;
    }
    for (const page of pages) next.pages.add(page);
    return next.sent;
  };
}

const toServers = coalescing((pages) => sendToServers(pages));
let sink: StalePagesSink = toServers;

export function setStalePagesSink(next: StalePagesSink | null): void {
  sink = next ?? toServers;
}

/** Runs a write (its transaction inside); after it commits, the public pages it made stale are dropped. */
export async function publishing<T>(write: () => Promise<T>): Promise<T> {
  if (touched.getStore()) return write(); // an outer publishing() drops them once, after everything
  const t: Touched = { trackingNos: new Set(), home: false };
  const result = await touched.run(t, write);
  const pages = stalePages({ trackingNos: [...t.trackingNos], home: t.home });
  if (pages.length > 0) {
    try {
      await sink(pages);
    } catch (err) {
      // The write stands; its pages expire on their own within the minute.
      console.error("[cache] could not drop stale pages:", err instanceof Error ? err.name : "unknown");
    }
  }
  return result;
}

/** A transaction that writes cases (filing, 登记, every change through changeCase): after it commits, the public
 *  pages it made stale are dropped. `options`: Prisma's, for a long one (the import of historical cases). */
export function caseTransaction<T>(
  work: (tx: Tx) => Promise<T>,
  options?: { timeout?: number; maxWait?: number },
): Promise<T> {
  return publishing(() => db.$transaction(work, options));
}

function serverOrigins(env: NodeJS.ProcessEnv = process.env): string[] {
  const listed = (env.REVALIDATE_ORIGINS ?? "")
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean);
  if (listed.length === 1 && listed[0] === "none") return [];
  if (listed.length > 0) return listed;
  return [env.SELF_ORIGIN || `http://127.0.0.1:${env.PORT || 3000}`];
}

const SEND_TIMEOUT_MS = 5_000;

/** Signs the pages and posts them to every server; a server that is not running is not an error. */
export async function sendToServers(pages: string[]): Promise<void> {
  const { body, signature } = signedRevalidation(appSecret(), { pages, at: Date.now() });
  await Promise.all(
    serverOrigins().map(async (origin) => {
      try {
        const response = await fetch(new URL(REVALIDATE_ROUTE, origin), {
          method: "POST",
          headers: { "content-type": "application/json", [SIGNATURE_HEADER]: signature },
          body,
          signal: AbortSignal.timeout(SEND_TIMEOUT_MS),
        });
        if (!response.ok) console.error(`[cache] ${origin} refused the stale pages: ${response.status}`);
      } catch {
        // No server there (a job run while the portal is stopped): nothing is cached to drop.
      }
    }),
  );
}
