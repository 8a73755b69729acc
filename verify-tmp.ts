import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaClient } from "./generated/prisma/client";
import { verifyChain } from "./lib/domain/chain";
import { EVENT_VISIBILITY, type EventType } from "./lib/domain/event-types";
import { transitionFor, type PetitionAction, type ActorRole, type PetitionState } from "./lib/domain/petition-states";
import { acceptDeadline, buildCalendar, handleDeadline, reviewWindow, reviewAnswerDeadline, returnDeadline, routeDeadline, recheckAnswerDeadline, deadlineStatus, isDueSoon } from "./lib/domain/deadlines";
import { scanPersonalData, isValidIdNumber, isValidMobile } from "./lib/domain/masking";
import { queryCodeMatches } from "./lib/domain/tracking";
import { mayPublishContent, outcomesFor } from "./lib/domain/petition-rules";
import { HOLIDAYS } from "./prisma/seed/holidays";
import { DEMO_CASES, demoCaseTrackingNo, type DemoCaseKey } from "./prisma/seed/demo-cases";

const ACTION: Record<string, PetitionAction | null> = {
  SUBMITTED: null, REGISTERED: null, ROUTED: "route", RETURNED: "return", ACCEPTED: "accept", NOT_ACCEPTED: "notAccept", ASSIGNED: "assign",
  NOTE_INTERNAL: "internalNote", NOTE_PUBLIC: "publicNote", INFO_REQUESTED: "requestInfo", SUPPLEMENTED: "supplement", WITHDRAWN: "withdraw",
  EXTENSION_REQUESTED: "requestExtension", EXTENSION_APPROVED: "approveExtension", EXTENSION_REJECTED: "rejectExtension", REPLIED: "reply",
  PUBLISHED: "publish", SUPERVISED: "supervise", EVALUATED: "evaluate", REVIEW_REQUESTED: "requestReview", REVIEW_REPLIED: "reviewReply",
  RECHECK_REQUESTED: "requestRecheck", RECHECK_REPLIED: "recheckReply", CLOSED: "close",
};

async function main() {
  const now = new Date(process.env.SEED_NOW!);
  const cal = buildCalendar(HOLIDAYS);
  const db = new PrismaClient({ adapter: new PrismaBetterSQLite3({ url: process.env.DATABASE_URL! }) });
  const t0 = performance.now();
  const petitions = await db.petition.findMany({ include: { category: true, representatives: true } });
  const events = await db.petitionEvent.findMany({ orderBy: [{ petitionId: "asc" }, { seq: "asc" }] });
  const users = new Map((await db.user.findMany()).map((u) => [u.id, u]));
  console.log("loaded", petitions.length, events.length, (performance.now() - t0).toFixed(0), "ms");
  const byCase = new Map<string, typeof events>();
  for (const e of events) (byCase.get(e.petitionId) ?? byCase.set(e.petitionId, []).get(e.petitionId)!).push(e);
  const problems: string[] = [];
  const bad = (p: { trackingNo: string }, m: string) => { if (problems.length < 40) problems.push(`${p.trackingNo}: ${m}`); else problems.length++; };
  const states: Record<string, number> = {}, channels: Record<string, number> = {}, types: Record<string, number> = {};
  let legal = 0, consent = 0, overdueAccept = 0, overdueHandle = 0, dueSoon = 0, supervised = 0, published = 0, late = 0, ontime = 0, acceptLate = 0, acceptOnTime = 0, collective = 0, ids = 0, emails = 0, repeats = 0, extended = 0, returned = 0;
  for (const p of petitions) {
    const ev = byCase.get(p.id) ?? [];
    const v = verifyChain(ev);
    if (!v.ok) bad(p, `chain ${JSON.stringify(v)}`);
    else if (v.headHash !== p.headHash) bad(p, "headHash");
    if (p.eventCount !== ev.length || p.version !== ev.length) bad(p, "eventCount/version");
    let state: PetitionState | null = null;
    let prevT = 0;
    for (const e of ev) {
      if (e.occurredAt > now) bad(p, `event ${e.seq} after now`);
      if (e.occurredAt.getTime() <= prevT) bad(p, `event ${e.seq} not increasing`);
      prevT = e.occurredAt.getTime();
      if (e.visibility !== EVENT_VISIBILITY[e.type as EventType]) bad(p, `visibility ${e.type}`);
      types[e.type] = (types[e.type] ?? 0) + 1;
      const action = ACTION[e.type];
      if (action === undefined) bad(p, `unknown type ${e.type}`);
      if (action === null) { if (e.seq !== 1 || e.toState !== "SUBMITTED") bad(p, "creation"); state = "SUBMITTED"; }
      else if (action) {
        const role: ActorRole = e.actorType === "PETITIONER" ? "petitioner" : e.actorType === "SYSTEM" ? "system" : (users.get(e.actorId!)!.role as ActorRole);
        if ((e.actorType === "STAFF") !== (e.actorId !== null)) bad(p, "actor");
        const t = transitionFor(state!, action, role);
        if (!t) bad(p, `${action} by ${role} in ${state}`);
        if (e.fromState !== state || e.toState !== t?.to) bad(p, `from/to ${e.type}`);
        state = t?.to ?? state;
      }
      if (e.visibility === "PUBLIC" && e.note) {
        const f = scanPersonalData(e.note, { names: [p.petitionerName, ...p.representatives.map((r) => r.name)], addresses: [p.address] });
        if (f.length) bad(p, `personal data on public event ${e.type}: ${JSON.stringify(f)}`);
      }
      if (e.visibility === "PUBLIC" && (e.data.includes(p.petitionerName) || e.data.includes(p.petitionerPhone))) bad(p, "personal data in public data");
      if (e.type === "SUPERVISED") supervised++;
    }
    if (state !== p.state) bad(p, `state ${p.state} vs events ${state}`);
    for (const k of ["receivedAt", "arrivedAtUnitAt", "decidedAt", "acceptedAt", "repliedAt", "reviewRequestedAt", "reviewedAt", "recheckRequestedAt", "finalAt", "closedAt", "withdrawnAt", "publishedAt", "evaluatedAt", "createdAt", "updatedAt"] as const) {
      const d = p[k] as Date | null; if (d && d > now) bad(p, `${k} after now`);
    }
    const eq = (a: Date | null, b: Date | null | undefined, what: string) => { if ((a?.getTime() ?? null) !== (b?.getTime() ?? null)) bad(p, `${what} ${a?.toISOString()} vs ${b?.toISOString()}`); };
    eq(p.routeDueAt, routeDeadline(p.receivedAt, cal).dueAt, "routeDueAt");
    if (p.arrivedAtUnitAt) { eq(p.acceptDueAt, acceptDeadline(p.arrivedAtUnitAt, cal).dueAt, "acceptDueAt"); eq(p.returnDueAt, returnDeadline(p.arrivedAtUnitAt, cal).dueAt, "returnDueAt"); }
    if (p.acceptedAt) eq(p.handleDueAt, handleDeadline(p.acceptedAt, cal, p.extensionDays).dueAt, "handleDueAt");
    if (p.repliedAt) eq(p.reviewWindowEndsAt, reviewWindow(p.repliedAt, cal).dueAt, "reviewWindow");
    if (p.reviewRequestedAt) eq(p.reviewDueAt, reviewAnswerDeadline(p.reviewRequestedAt, cal).dueAt, "reviewDue");
    if (p.recheckRequestedAt) eq(p.recheckDueAt, recheckAnswerDeadline(p.recheckRequestedAt, cal).dueAt, "recheckDue");
    const last = ev[ev.length - 1]; if (last && p.updatedAt.getTime() !== last.occurredAt.getTime()) bad(p, "updatedAt");
    if (ev[0] && p.receivedAt.getTime() !== ev[0].occurredAt.getTime()) bad(p, "receivedAt != first event");
    if (p.extensionDays > 30) bad(p, "extension > 30");
    if (p.outcome && !outcomesFor(p.category.kind).includes(p.outcome)) bad(p, "outcome kind");
    if (p.publishedAt) {
      published++;
      if (!mayPublishContent(p.category.kind, p.consentPublic)) bad(p, "published without consent");
      for (const t of [p.publicTitle, p.publicSummary, p.publicReply]) {
        const f = scanPersonalData(t ?? "", { names: [p.petitionerName, ...p.representatives.map((r) => r.name)], addresses: [p.address] });
        if (f.length || !t) bad(p, `public text has ${JSON.stringify(f)}`);
      }
    }
    if (!isValidMobile(p.petitionerPhone)) bad(p, "mobile");
    if (p.petitionerIdNumber) { ids++; if (!isValidIdNumber(p.petitionerIdNumber)) bad(p, "id"); }
    if (p.petitionerEmail) emails++;
    if (p.isCollective !== p.personCount >= 5) bad(p, "collective");
    if (p.isCollective) { collective++; if (p.representatives.length < 1 || p.representatives.length > 5) bad(p, "reps"); }
    if ((p.channel === "HIGHER_TRANSFER" || p.channel === "HIGHER_ASSIGN") !== !!p.sourceDocNo) bad(p, "sourceDocNo");
    if (p.accusedUnitId && p.accusedUnitId === p.currentUnitId) bad(p, "routed to the accused");
    if (p.isRepeat) repeats++;
    if (p.extensionDays) extended++;
    if (ev.some((e) => e.type === "RETURNED")) returned++;
    states[p.state] = (states[p.state] ?? 0) + 1;
    channels[p.channel] = (channels[p.channel] ?? 0) + 1;
    if (p.category.kind === "LEGAL") legal++;
    if (p.consentPublic) consent++;
    if (p.state === "SUBMITTED" && p.acceptDueAt) { const s = deadlineStatus(p.acceptDueAt, null, now); if (s.kind === "overdue") overdueAccept++; if (isDueSoon(s)) dueSoon++; }
    if (p.state === "ACCEPTED" && p.handleDueAt) { const s = deadlineStatus(p.handleDueAt, null, now); if (s.kind === "overdue") overdueHandle++; if (isDueSoon(s)) dueSoon++; }
    if (p.repliedAt && p.handleDueAt) (p.repliedAt <= p.handleDueAt ? ontime++ : late++);
    if (p.acceptedAt && p.acceptDueAt) (p.acceptedAt <= p.acceptDueAt ? acceptOnTime++ : acceptLate++);
  }
  const n = petitions.length;
  const pct = (x: number) => `${x} (${((100 * x) / n).toFixed(1)}%)`;
  console.log("states", states);
  console.log("channels", Object.fromEntries(Object.entries(channels).map(([k, x]) => [k, pct(x)])));
  console.log("event types", types);
  console.log({ legal: pct(legal), consent: pct(consent), collective, ids: pct(ids), emails: pct(emails), repeats, extended, returned, published, supervised, overdueAccept, overdueHandle, dueSoon, replyOnTime: ontime, replyLate: late, acceptOnTime, acceptLate });
  const perYear: Record<string, number> = {};
  for (const p of petitions) { const y = p.trackingNo.slice(2, 6); perYear[y] = (perYear[y] ?? 0) + 1; }
  console.log("per tracking year", perYear, "counters", await db.counter.findMany());
  // Prisma date filters against seeded text: boundary exactness
  const probe = petitions[1234]!.receivedAt;
  const viaPrisma = await db.petition.count({ where: { receivedAt: { gte: probe } } });
  const viaJs = petitions.filter((p) => p.receivedAt >= probe).length;
  console.log("date filter", viaPrisma, viaJs, viaPrisma === viaJs ? "OK" : "MISMATCH");
  for (const key of Object.keys(DEMO_CASES) as DemoCaseKey[]) {
    const tn = demoCaseTrackingNo(key, now);
    const p = petitions.find((x) => x.trackingNo === tn)!;
    console.log("demo", key, tn, p.state, queryCodeMatches(DEMO_CASES[key].queryCode, tn, p.queryCodeHash, process.env.APP_SECRET!), p.publicTitle ?? "", "|", p.publicSummary?.slice(0, 60) ?? "", "|", p.publicReply?.slice(0, 40) ?? "");
  }
  console.log(problems.length ? `PROBLEMS (${problems.length}):\n${problems.join("\n")}` : "ALL CHECKS PASSED");
}
main();
