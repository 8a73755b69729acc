// The tamper-evident audit chain (spec §4), in two versions, both verified for ever (an event carries its own):
//
// v1 (events written before chain v2):  hash = SHA-256(prevHash ‖ canonical JSON of the event's fields).
//
// v2 (issue 11: checkable without the private content):
//   public part  — a PUBLIC event: { seq, occurredAt, public: true, type, fromState, toState, note };
//                  any other:      { seq, occurredAt, public: false }
//   private part — every other field (petitionId, visibility, actorType, actorId, unitId, data, and for an event
//                  that is not public its type, states and note), with a random salt of 32 hex characters, so that
//                  a short private field (a staff id, a two-word note) cannot be found by guessing from its digest
//   privateDigest = SHA-256(canonical JSON of { ...private part, salt })
//   digest        = SHA-256(canonical JSON of { v: 2, ...public part, private: privateDigest })
//   hash          = SHA-256(prevHash ‖ digest)
// so anyone holding the public form (the public part of a public event, each event's privateDigest, prevHash and
// hash) recomputes every digest and hash from the first event to the head; the server, holding the salt and the
// private fields, recomputes the private digests too. "‖" is the concatenation of the hex strings.
import { createHash, randomBytes } from "node:crypto";

export const GENESIS_HASH = "0".repeat(64);

export type JsonValue = null | boolean | number | string | JsonValue[] | { [key: string]: JsonValue };

/**
 * Canonical JSON: object keys sorted, no whitespace, Dates as ISO-8601 UTC strings, `undefined` members
 * dropped. The same fields always give the same bytes, whatever the order they were built in.
 */
export function canonicalJson(value: unknown): string {
  if (value === null || value === undefined) return "null";
  if (value instanceof Date) return JSON.stringify(value.toISOString());
  switch (typeof value) {
    case "string":
    case "boolean":
      return JSON.stringify(value);
    case "number":
      if (!Number.isFinite(value)) throw new TypeError("canonical JSON has no NaN or Infinity");
      return JSON.stringify(value);
    case "object": {
      // Loops rather than entries/filter/map: every event of every case passes here (an import hashes a million).
      if (Array.isArray(value)) {
        let out = "[";
        for (let i = 0; i < value.length; i++) out += (i > 0 ? "," : "") + canonicalJson(value[i]);
        return `${out}]`;
      }
      const record = value as Record<string, unknown>;
      // The default sort compares UTF-16 code units, as `<` does.
      const keys = Object.keys(record).sort();
      let out = "{";
      for (const key of keys) {
        const v = record[key];
        if (v === undefined) continue;
        out += `${out.length > 1 ? "," : ""}${JSON.stringify(key)}:${canonicalJson(v)}`;
      }
      return `${out}}`;
    }
    default:
      throw new TypeError(`canonical JSON cannot hold a ${typeof value}`);
  }
}

/** The fields of an event that its hash covers: everything but its own hash and database id. */
export type HashedEventFields = {
  petitionId: string;
  seq: number;
  type: string;
  visibility: string;
  actorType: string;
  actorId: string | null;
  unitId: string | null;
  fromState: string | null;
  toState: string | null;
  note: string | null;
  data: string;
  occurredAt: Date;
};

export function hashEvent(prevHash: string, fields: HashedEventFields): string {
  return createHash("sha256").update(prevHash).update(canonicalJson(fields)).digest("hex");
}

export const CHAIN_V2 = 2;

/** What an event of chain v2 shows the public (its public part; see the top of this file). */
export type PublicEventPart =
  | {
      seq: number;
      occurredAt: Date;
      public: true;
      type: string;
      fromState: string | null;
      toState: string | null;
      note: string | null;
    }
  | { seq: number; occurredAt: Date; public: false };

export function publicPartOf(f: HashedEventFields): PublicEventPart {
  return f.visibility === "PUBLIC"
    ? {
        seq: f.seq,
        occurredAt: f.occurredAt,
        public: true,
        type: f.type,
        fromState: f.fromState,
        toState: f.toState,
        note: f.note,
      }
    : { seq: f.seq, occurredAt: f.occurredAt, public: false };
}

const sha256 = (text: string) => createHash("sha256").update(text).digest("hex");

/** The digest of an event's private part with its salt (v2). */
export function privateDigestOf(f: HashedEventFields, salt: string): string {
  const open = f.visibility === "PUBLIC";
  return sha256(
    canonicalJson({
      petitionId: f.petitionId,
      visibility: f.visibility,
      actorType: f.actorType,
      actorId: f.actorId,
      unitId: f.unitId,
      data: f.data,
      ...(open ? {} : { type: f.type, fromState: f.fromState, toState: f.toState, note: f.note }),
      salt,
    }),
  );
}

/** An event's digest from its public part and its private digest (v2): what an outside verifier recomputes. */
export function digestOf(part: PublicEventPart, privateDigest: string): string {
  return sha256(canonicalJson({ v: CHAIN_V2, ...part, private: privateDigest }));
}

export function hashEventV2(prevHash: string, fields: HashedEventFields, salt: string): string {
  return createHash("sha256")
    .update(prevHash)
    .update(digestOf(publicPartOf(fields), privateDigestOf(fields, salt)))
    .digest("hex");
}

/** A fresh salt: 16 random bytes, hex. */
export const newSalt = (random: (n: number) => Uint8Array = randomBytes) => Buffer.from(random(16)).toString("hex");

/** Chains a new event in the current format (v2): its hash, with the salt and version to store beside it. */
export function chainEvent(
  prevHash: string,
  fields: HashedEventFields,
  salt: string = newSalt(),
): { hash: string; salt: string; chainVersion: number } {
  return { hash: hashEventV2(prevHash, fields, salt), salt, chainVersion: CHAIN_V2 };
}

/** An event as stored: its fields, its links, and (v2) its version and salt; a missing version is v1. */
export type ChainedEvent = HashedEventFields & {
  prevHash: string;
  hash: string;
  chainVersion?: number | null;
  salt?: string | null;
};

/** The hash an event's stored fields give in its own version; null for an unknown version or a v2 event without salt. */
export function recomputeHash(prev: string, e: ChainedEvent): string | null {
  const version = e.chainVersion ?? 1;
  if (version === 1) return hashEvent(prev, pick(e));
  if (version === CHAIN_V2 && e.salt) return hashEventV2(prev, pick(e), e.salt);
  return null;
}

export type ChainVerdict =
  | { ok: true; length: number; headHash: string }
  | { ok: false; brokenAtSeq: number; reason: "seq" | "prevHash" | "hash" };

/** Recomputes a case's chain from the first event, each event in its own version; events in seq order. */
export function verifyChain(events: readonly ChainedEvent[]): ChainVerdict {
  let prev = GENESIS_HASH;
  for (let i = 0; i < events.length; i++) {
    const e = events[i]!;
    if (e.seq !== i + 1) return { ok: false, brokenAtSeq: e.seq, reason: "seq" };
    if (e.prevHash !== prev) return { ok: false, brokenAtSeq: e.seq, reason: "prevHash" };
    if (recomputeHash(prev, e) !== e.hash) return { ok: false, brokenAtSeq: e.seq, reason: "hash" };
    prev = e.hash;
  }
  return { ok: true, length: events.length, headHash: prev };
}

/** Exactly the fields an event's hash covers, from a row that may hold more (its id, prevHash, hash…). */
export function pick(e: HashedEventFields): HashedEventFields {
  return {
    petitionId: e.petitionId,
    seq: e.seq,
    type: e.type,
    visibility: e.visibility,
    actorType: e.actorType,
    actorId: e.actorId,
    unitId: e.unitId,
    fromState: e.fromState,
    toState: e.toState,
    note: e.note,
    data: e.data,
    occurredAt: e.occurredAt,
  };
}
