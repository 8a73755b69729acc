// The tamper-evident audit chain (spec §4): hash = SHA-256(prevHash ‖ canonical JSON of the event's fields).
import { createHash } from "node:crypto";

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

export type ChainedEvent = HashedEventFields & { prevHash: string; hash: string };

export type ChainVerdict =
  | { ok: true; length: number; headHash: string }
  | { ok: false; brokenAtSeq: number; reason: "seq" | "prevHash" | "hash" };

/** Recomputes a case's chain from the first event; events must be given in seq order. */
export function verifyChain(events: readonly ChainedEvent[]): ChainVerdict {
  let prev = GENESIS_HASH;
  for (let i = 0; i < events.length; i++) {
    const e = events[i]!;
    if (e.seq !== i + 1) return { ok: false, brokenAtSeq: e.seq, reason: "seq" };
    if (e.prevHash !== prev) return { ok: false, brokenAtSeq: e.seq, reason: "prevHash" };
    const { prevHash: _p, hash, ...fields } = e;
    void _p;
    if (hashEvent(prev, pick(fields)) !== hash) return { ok: false, brokenAtSeq: e.seq, reason: "hash" };
    prev = hash;
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
