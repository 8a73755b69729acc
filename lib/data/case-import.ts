import "server-only";
import { createHash } from "node:crypto";
import { db, type Db, type Tx } from "@/lib/db";
import { now } from "@/lib/clock";
import type { StaffViewer } from "@/lib/domain/authority";
import { readImport, type ImportContext, type ImportedCase, type ImportIssue } from "@/lib/domain/case-import";
import { GENESIS_HASH, canonicalJson, chainEvent, newSalt, type HashedEventFields } from "@/lib/domain/chain";
import { startOfCivilDay, toCivilDate } from "@/lib/domain/civil-date";
import { EVENT_VISIBILITY, eventDataFor, readEventData, type EventType, type Visibility } from "@/lib/domain/event-types";
import { formatTrackingNo, generateQueryCode, hashQueryCode } from "@/lib/domain/tracking";
import { translator } from "@/lib/i18n";
import { appSecret } from "@/lib/secret";
import { loadCalendar } from "./calendar";
import { ForbiddenError } from "./errors";
import { rebuildFigures } from "./figures";
import {
  insertRows,
  newId,
  pooledRandomBytes,
  type InsertedEvent,
  type InsertedExtensionRequest,
  type InsertedPetition,
} from "./insert-row";
import { updateLateFrom } from "./late-from";
import { reserveTrackingNos } from "./petitions";
import { caseTransaction, touchCase, touchFigures } from "./public-pages";
import { loadSettings } from "./settings";

// 迁移历史数据 (issue 10; docs/import.md): a CSV of the previous system's cases, checked whole by the pure rules of
// lib/domain/case-import.ts, then written in one transaction — every case, its events with their hash chain computed
// here (lib/domain/chain.ts, as appendEvent chains them), an approved extension's request — and the public figures
// rebuilt in the same transaction. All or nothing: a file with one bad row writes nothing.
//
// Who may: an admin (the 管理 page, checked here against the database) or the server's operator (`npm run import`).
// The import is recorded in each case's own chain: its last event, IMPORTED (INTERNAL), names the batch, the line
// and the file's SHA-256, by the admin who imported it (SYSTEM for the command line). A log line says the same for
// the batch. No log line or message holds a value of the file.

export type ImportActor = { kind: "admin"; viewer: StaffViewer } | { kind: "cli" };

export type ImportResult =
  /** `batchId` null: checked only (nothing written). */
  | { ok: true; cases: number; batchId: string | null }
  | { ok: false; issues: ImportIssue[] };

/** Cases planned, chained and written together; the statements themselves are split by insertRows. */
const CASES_PER_BATCH = 2_000;
/** A long import holds SQLite's single writer for its time (docs/import.md): ten minutes at most. */
const TRANSACTION_TIMEOUT_MS = 10 * 60_000;

/** Refused inside the transaction (the references changed since the file was checked): rolls everything back. */
class ImportRefusedError extends Error {
  override name = "ImportRefusedError";
  constructor(readonly issues: ImportIssue[]) {
    super("import refused");
  }
}

/**
 * Checks the file and, unless `check`, imports it. Throws ForbiddenError for anyone but an active admin (or the
 * command line); returns every problem of a bad file, having written nothing.
 */
export async function importCases(
  actor: ImportActor,
  bytes: Uint8Array,
  /** `phase`: told how long each step took (the benchmark, scripts/bench-import.ts). */
  opts: { check?: boolean; phase?: (name: ImportPhase, ms: number) => void } = {},
): Promise<ImportResult> {
  if (actor.kind === "admin" && actor.viewer.role !== "admin") throw new ForbiddenError();
  const started = performance.now();
  const at = now();
  const fileSha256 = createHash("sha256").update(bytes).digest("hex");
  const context = await loadImportContext(db, at);
  const earlier = await earlierImport(db, fileSha256);
  const timed = phaseTimer(opts.phase);
  const reading = earlier ? { ok: false as const, issues: [earlier] } : readImport(bytes, context);
  timed("check");
  if (!reading.ok) {
    console.log(`[import] refused: ${reading.issues.length} problems, nothing written`);
    return reading;
  }
  const total = reading.cases.length;
  if (opts.check) return { ok: true, cases: total, batchId: null };

  const secret = appSecret(); // before the transaction: a missing secret fails at once
  const batchId = newId();
  try {
    await caseTransaction(
      async (tx) => {
        // A write first, so that the transaction holds SQLite's writer from its start (a read first could find the
        // database changed by another process when it comes to write).
        const firstSequence = await reserveNumbers(tx, reading.cases);
        if (actor.kind === "admin") await requireActiveAdmin(tx, actor.viewer);
        // The same file sent twice at once: the second finds the first's records once it holds the writer.
        const twice = await earlierImport(tx, fileSha256);
        if (twice) throw new ImportRefusedError([twice]);
        // The units, categories, calendar or settings may have changed since the file was checked: check it again.
        const fresh = await loadImportContext(tx, at);
        let cases = reading.cases;
        if (fingerprint(fresh) !== fingerprint(context)) {
          const again = readImport(bytes, fresh);
          if (!again.ok) throw new ImportRefusedError(again.issues);
          cases = again.cases;
        }
        // The sorted copy is then the only hold on the cases, and the writer lets go of each batch once written:
        // a large file's plans would otherwise stay in memory to the end (and the collector's work grow with them).
        const ordered: (ImportedCase | undefined)[] = inReceiptOrder(cases);
        cases.length = 0;
        timed("prepare");
        const written = await writeCases(tx, ordered, {
          at,
          batchId,
          fileSha256,
          firstSequence,
          actorId: actor.kind === "admin" ? actor.viewer.userId : null,
          secret,
        });
        timed("write");
        await rebuildFigures(tx);
        timed("figures");
        // After the commit: the figures' pages, and the case list, which any new case changes. The imported cases'
        // own pages were never rendered (a number that named no case got the not-found page, which no cache keeps:
        // proxy.ts, case-exists.ts), so one of them stands for the list rather than a message of 200,000 pages.
        touchFigures();
        touchCase(written.firstTrackingNo, false);
      },
      { timeout: TRANSACTION_TIMEOUT_MS },
    );
  } catch (e) {
    if (e instanceof ImportRefusedError) return { ok: false, issues: e.issues };
    throw e;
  }
  timed("commit");
  const who = actor.kind === "admin" ? `admin ${actor.viewer.userId}` : "the command line";
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  console.log(
    `[import] batch ${batchId}: ${total} cases by ${who} from file sha256 ${fileSha256} in ${seconds} s`,
  );
  return { ok: true, cases: total, batchId };
}

export type ImportPhase = "check" | "prepare" | "write" | "figures" | "commit";

/** Calls `report` with the time since the last call (or since it was made), named. */
function phaseTimer(report?: (name: ImportPhase, ms: number) => void) {
  let last = performance.now();
  return (name: ImportPhase) => {
    const t = performance.now();
    report?.(name, t - last);
    last = t;
  };
}

/**
 * On SQLite, for the command line and the benchmark: a page cache of up to 256 MB for the connection (the default is
 * 2 MB). A large file's rows go into some thirty indexes of Petition, and the events' hashes, at random places, and a
 * page read again from the file costs a system call. A PRAGMA, so not inside importCases, whose statements are
 * written for SQLite and PostgreSQL alike; the admin page's import, in the portal's own process, keeps the default.
 */
export async function widenSqliteCache(): Promise<void> {
  await db.$queryRawUnsafe("PRAGMA cache_size = -262144");
}

/** The admin as the database says now: a user deactivated or demoted since signing in imports nothing. */
async function requireActiveAdmin(tx: Tx, viewer: StaffViewer): Promise<void> {
  const user = await tx.user.findUnique({ where: { id: viewer.userId }, select: { role: true, active: true } });
  if (!user || !user.active || user.role !== "admin") throw new ForbiddenError();
}

/**
 * The file was imported before (its SHA-256 in an IMPORTED record): refused, since imported cases cannot be deleted
 * (the chain is append-only) and a second import would double every one.
 */
async function earlierImport(client: Db | Tx, fileSha256: string): Promise<ImportIssue | null> {
  const mark = await client.petitionEvent.findFirst({
    where: { type: "IMPORTED", data: { contains: `"fileSha256":"${fileSha256}"` } },
    select: { data: true, occurredAt: true },
  });
  const data = mark ? readEventData("IMPORTED", mark.data) : null;
  if (!mark || data?.type !== "IMPORTED") return null;
  return {
    line: 0,
    column: null,
    key: "alreadyImported",
    params: { batch: data.data.batchId, date: toCivilDate(mark.occurredAt) },
  };
}

/** What a file is checked against: every unit and category (inactive ones too, to say so), calendar, settings. */
async function loadImportContext(client: Db | Tx, at: Date): Promise<ImportContext> {
  const [units, categories, cal, settings] = await Promise.all([
    client.unit.findMany({ select: { id: true, code: true, kind: true, path: true, parentId: true, active: true } }),
    client.category.findMany({ select: { id: true, code: true, kind: true, active: true } }),
    loadCalendar(client),
    loadSettings(client),
  ]);
  return { units, categories, cal, evaluationWindowDays: settings.evaluationWindowDays, now: at };
}

function fingerprint(c: ImportContext): string {
  const byId = <T extends { id: string }>(rows: readonly T[]) => [...rows].sort((a, b) => (a.id < b.id ? -1 : 1));
  return JSON.stringify([
    byId(c.units),
    byId(c.categories),
    [...c.cal.off].sort(),
    [...c.cal.workdays].sort(),
    c.evaluationWindowDays,
  ]);
}

/** Numbered in the order received (then by line), as they would have been filed. */
function inReceiptOrder(cases: readonly ImportedCase[]): ImportedCase[] {
  return [...cases].sort((a, b) =>
    a.row.receivedAt < b.row.receivedAt ? -1 : a.row.receivedAt > b.row.receivedAt ? 1 : a.row.line - b.row.line,
  );
}

const yearOf = (c: ImportedCase) => Number(c.row.receivedAt.slice(0, 4));

/** Each year's numbers in one statement on its counter (lib/data/petitions.ts): the first sequence per year. */
async function reserveNumbers(tx: Tx, cases: readonly ImportedCase[]): Promise<Map<number, number>> {
  const perYear = new Map<number, number>();
  for (const c of cases) perYear.set(yearOf(c), (perYear.get(yearOf(c)) ?? 0) + 1);
  const first = new Map<number, number>();
  for (const [year, count] of [...perYear].sort(([a], [b]) => a - b))
    first.set(year, await reserveTrackingNos(tx, year, count));
  return first;
}

type WriteContext = {
  at: Date;
  batchId: string;
  fileSha256: string;
  /** Per year, the next sequence to give (moved on as numbers are given). */
  firstSequence: Map<number, number>;
  actorId: string | null;
  secret: string;
};

async function writeCases(
  tx: Tx,
  cases: (ImportedCase | undefined)[],
  w: WriteContext,
): Promise<{ firstTrackingNo: string }> {
  const reason = translator("zh-CN")("import.extensionReason"); // stored text is Chinese, as the seed's and the job's
  const next = new Map(w.firstSequence);
  let firstTrackingNo: string | null = null;
  for (let i = 0; i < cases.length; i += CASES_PER_BATCH) {
    const petitions: InsertedPetition[] = [];
    const events: InsertedEvent[] = [];
    const extensions: InsertedExtensionRequest[] = [];
    for (let k = i; k < Math.min(i + CASES_PER_BATCH, cases.length); k++) {
      const c = cases[k]!;
      cases[k] = undefined; // written below: let it go
      const year = yearOf(c);
      const sequence = next.get(year)!;
      next.set(year, sequence + 1);
      const trackingNo = formatTrackingNo(year, sequence);
      firstTrackingNo ??= trackingNo;
      const id = newId();
      const chain = chainEvents(id, c, w);
      events.push(...chain.rows);
      petitions.push(petitionRow(id, trackingNo, c, chain, w.at, w.secret));
      if (c.plan.extension)
        extensions.push({
          id: newId(),
          petitionId: id,
          days: c.plan.extension.days,
          reason,
          requestedById: null,
          requestedAt: c.plan.extension.at,
          decision: "APPROVED",
          decidedById: null,
          decidedAt: c.plan.extension.at,
          decisionNote: null,
        });
    }
    await insertRows(tx, "Petition", petitions);
    await updateLateFrom(tx, petitions.map((p) => p.id)); // derived from the row, as every change keeps it
    await insertRows(tx, "PetitionEvent", events);
    await insertRows(tx, "ExtensionRequest", extensions);
  }
  if (firstTrackingNo === null) throw new Error("no case to import");
  return { firstTrackingNo };
}

/**
 * The case's events with seq, prevHash and hash as appendEvent gives them — each payload through its type's schema,
 * the chain from GENESIS_HASH — and last the IMPORTED record of this batch.
 */
function chainEvents(
  petitionId: string,
  c: ImportedCase,
  w: WriteContext,
): { rows: InsertedEvent[]; headHash: string } {
  const imported = {
    type: "IMPORTED" as const,
    actorType: w.actorId ? ("STAFF" as const) : ("SYSTEM" as const),
    unitId: null,
    fromState: null,
    toState: null,
    data: { batchId: w.batchId, line: c.row.line, fileSha256: w.fileSha256 },
    occurredAt: w.at,
  };
  let prevHash = GENESIS_HASH;
  const rows = [...c.plan.events, imported].map((e, i): InsertedEvent => {
    const fields: HashedEventFields = {
      petitionId,
      seq: i + 1,
      type: e.type,
      visibility: EVENT_VISIBILITY[e.type as EventType],
      actorType: e.actorType,
      actorId: e.type === "IMPORTED" ? w.actorId : null,
      unitId: e.unitId,
      fromState: e.fromState,
      toState: e.toState,
      note: null,
      data: canonicalJson(eventDataFor(e.type, e.data)),
      occurredAt: e.occurredAt,
    };
    const { hash, salt, chainVersion } = chainEvent(prevHash, fields, newSalt(pooledRandomBytes));
    const row: InsertedEvent = {
      id: newId(),
      ...fields,
      visibility: fields.visibility as Visibility,
      actorType: e.actorType,
      fromState: e.fromState,
      toState: e.toState,
      prevHash,
      hash,
      salt,
      chainVersion,
    };
    prevHash = hash;
    return row;
  });
  return { rows, headHash: prevHash };
}

/** The Petition row: the plan's state and dates, the row's references and texts, every other column as filing leaves it. */
function petitionRow(
  id: string,
  trackingNo: string,
  c: ImportedCase,
  chain: { rows: readonly InsertedEvent[]; headHash: string },
  at: Date,
  secret: string,
): InsertedPetition {
  const { row, plan } = c;
  const f = plan.fields;
  return {
    id,
    createdAt: at,
    updatedAt: at,
    trackingNo,
    // A code nobody holds: the old system's petitioners never had one, and it is not shown (docs/import.md).
    queryCodeHash: hashQueryCode(generateQueryCode(pooledRandomBytes), trackingNo, secret),
    channel: row.channel,
    categoryId: row.categoryId,
    title: row.title,
    content: row.content,
    placeId: row.placeId,
    accusedUnitId: null,
    petitionerName: row.petitionerName,
    petitionerPhone: row.petitionerPhone,
    petitionerIdNumber: null,
    petitionerEmail: null,
    address: "",
    // No consent was recorded: the texts are never published.
    consentPublic: false,
    personCount: row.personCount,
    isCollective: row.isCollective,
    sourceDocNo: null,
    feedbackDueAt: null,
    state: f.state,
    version: 1 + plan.changes + 1, // created, each change, and the IMPORTED record
    currentUnitId: f.currentUnitId,
    handlingUnitId: f.handlingUnitId,
    assigneeId: null,
    receivedAt: startOfCivilDay(row.receivedAt),
    routeDueAt: f.routeDueAt,
    arrivedAtUnitAt: f.arrivedAtUnitAt,
    acceptDueAt: f.acceptDueAt,
    returnDueAt: f.returnDueAt,
    decidedAt: f.decidedAt,
    acceptedAt: f.acceptedAt,
    handleDueAt: f.handleDueAt,
    currentDueAt: f.currentDueAt,
    lapsedDueAt: f.lapsedDueAt,
    feedbackLapsedAt: null,
    extensionDays: f.extensionDays,
    repliedAt: f.repliedAt,
    outcome: f.outcome,
    replyText: null,
    reviewWindowEndsAt: f.reviewWindowEndsAt,
    reviewRequestedAt: f.reviewRequestedAt,
    reviewDueAt: f.reviewDueAt,
    reviewedAt: f.reviewedAt,
    reviewUnitId: f.reviewUnitId,
    reviewOutcome: f.reviewOutcome,
    reviewText: null,
    recheckWindowEndsAt: f.recheckWindowEndsAt,
    recheckRequestedAt: f.recheckRequestedAt,
    recheckDueAt: f.recheckDueAt,
    recheckUnitId: f.recheckUnitId,
    recheckOutcome: f.recheckOutcome,
    recheckText: null,
    finalAt: f.finalAt,
    closedAt: f.closedAt,
    withdrawnAt: f.withdrawnAt,
    publishedAt: null,
    publicTitle: null,
    publicSummary: null,
    publicReply: null,
    unitSatisfaction: f.unitSatisfaction,
    bureauSatisfaction: null,
    evaluatedAt: f.evaluatedAt,
    evaluationWindowEndsAt: f.evaluationWindowEndsAt,
    evaluationExpiredAt: f.evaluationExpiredAt,
    leaderTitle: null,
    leaderStartAt: null,
    leaderTargetAt: null,
    leaderEndedAt: null,
    leaderResolved: null,
    isRepeat: row.isRepeat,
    repeatOfId: null,
    headHash: chain.headHash,
    eventCount: chain.rows.length,
  };
}
