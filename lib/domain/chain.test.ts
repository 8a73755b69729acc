import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import {
  GENESIS_HASH,
  canonicalJson,
  chainEvent,
  digestOf,
  hashEvent,
  hashEventV2,
  privateDigestOf,
  publicPartOf,
  recomputeHash,
  verifyChain,
  type ChainedEvent,
  type HashedEventFields,
} from "./chain";

describe("canonicalJson", () => {
  it("sorts object keys, whatever the order they were built in", () => {
    expect(canonicalJson({ b: 1, a: 2, c: 3 })).toBe('{"a":2,"b":1,"c":3}');
    expect(canonicalJson({ c: 3, a: 2, b: 1 })).toBe(canonicalJson({ a: 2, b: 1, c: 3 }));
  });

  it("sorts by UTF-16 code unit, so upper case before lower case and digits first", () => {
    expect(canonicalJson({ b: 1, B: 2, "1": 3, a: 4 })).toBe('{"1":3,"B":2,"a":4,"b":1}');
  });

  it("sorts nested objects, including inside arrays", () => {
    expect(canonicalJson({ z: { y: 1, x: [{ q: 1, p: 2 }] }, a: null })).toBe(
      '{"a":null,"z":{"x":[{"p":2,"q":1}],"y":1}}',
    );
  });

  it("keeps array order (order in an array is meaning, not presentation)", () => {
    expect(canonicalJson([3, 1, 2])).toBe("[3,1,2]");
    expect(canonicalJson([3, 1, 2])).not.toBe(canonicalJson([1, 2, 3]));
  });

  it("writes no whitespace", () => {
    expect(canonicalJson({ a: [1, { b: "x y" }] })).toBe('{"a":[1,{"b":"x y"}]}');
  });

  it("writes Dates as ISO-8601 UTC, to the millisecond", () => {
    expect(canonicalJson(new Date("2026-03-02T10:00:00+08:00"))).toBe('"2026-03-02T02:00:00.000Z"');
    expect(canonicalJson({ at: new Date(Date.UTC(2026, 2, 1, 15, 59, 59, 999)) })).toBe(
      '{"at":"2026-03-01T15:59:59.999Z"}',
    );
  });

  it("drops undefined members but keeps null ones", () => {
    expect(canonicalJson({ a: undefined, b: null, c: 1 })).toBe('{"b":null,"c":1}');
    expect(canonicalJson({ a: undefined })).toBe("{}");
    expect(canonicalJson({ a: { b: undefined } })).toBe('{"a":{}}');
  });

  it("writes undefined in an array as null (as JSON.stringify does), so positions are kept", () => {
    expect(canonicalJson([1, undefined, 2])).toBe("[1,null,2]");
  });

  it("escapes strings as JSON does and keeps Chinese text as is", () => {
    expect(canonicalJson('引号"和\\反斜杠\n')).toBe('"引号\\"和\\\\反斜杠\\n"');
    expect(canonicalJson("张三")).toBe('"张三"');
  });

  it("writes numbers and booleans as JSON", () => {
    expect(canonicalJson(0)).toBe("0");
    expect(canonicalJson(-1.5)).toBe("-1.5");
    expect(canonicalJson(1e21)).toBe("1e+21");
    expect(canonicalJson(true)).toBe("true");
    expect(canonicalJson(false)).toBe("false");
    expect(canonicalJson(null)).toBe("null");
  });

  it.each([Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY])("throws on %s", (n) => {
    expect(() => canonicalJson(n)).toThrow(TypeError);
    expect(() => canonicalJson({ a: [n] })).toThrow(TypeError);
  });

  it("throws on values JSON cannot hold", () => {
    expect(() => canonicalJson(BigInt(1))).toThrow(TypeError);
    expect(() => canonicalJson(Symbol("s"))).toThrow(TypeError);
    expect(() => canonicalJson(() => 1)).toThrow(TypeError);
  });

  it("parses back to the same value (for JSON values)", () => {
    const v = { b: [1, "二", { d: null, c: false }], a: -0.25 };
    expect(JSON.parse(canonicalJson(v))).toEqual(v);
  });
});

const BASE: HashedEventFields = {
  petitionId: "pet_1",
  seq: 1,
  type: "SUBMITTED",
  visibility: "PUBLIC",
  actorType: "PETITIONER",
  actorId: null,
  unitId: "unit_bureau",
  fromState: null,
  toState: "SUBMITTED",
  note: null,
  data: "{}",
  occurredAt: new Date("2026-03-02T02:00:00.000Z"),
};

describe("hashEvent", () => {
  it("is SHA-256 of prevHash followed by the canonical JSON of the fields (hand-written here)", () => {
    const json =
      '{"actorId":null,"actorType":"PETITIONER","data":"{}","fromState":null,"note":null,' +
      '"occurredAt":"2026-03-02T02:00:00.000Z","petitionId":"pet_1","seq":1,"toState":"SUBMITTED",' +
      '"type":"SUBMITTED","unitId":"unit_bureau","visibility":"PUBLIC"}';
    expect(canonicalJson(BASE)).toBe(json);
    const expected = createHash("sha256")
      .update(GENESIS_HASH + json, "utf8")
      .digest("hex");
    expect(hashEvent(GENESIS_HASH, BASE)).toBe(expected);
  });

  it("GENESIS_HASH is 64 zeros", () => {
    expect(GENESIS_HASH).toBe("0000000000000000000000000000000000000000000000000000000000000000");
  });

  it("is deterministic and independent of key order", () => {
    const reordered = Object.fromEntries(Object.entries(BASE).reverse()) as HashedEventFields;
    expect(hashEvent(GENESIS_HASH, BASE)).toBe(hashEvent(GENESIS_HASH, { ...BASE }));
    expect(hashEvent(GENESIS_HASH, reordered)).toBe(hashEvent(GENESIS_HASH, BASE));
    expect(hashEvent(GENESIS_HASH, BASE)).toMatch(/^[0-9a-f]{64}$/);
  });

  it("depends on the previous hash", () => {
    expect(hashEvent("f".repeat(64), BASE)).not.toBe(hashEvent(GENESIS_HASH, BASE));
  });

  const changes: [keyof HashedEventFields, HashedEventFields[keyof HashedEventFields]][] = [
    ["petitionId", "pet_2"],
    ["seq", 2],
    ["type", "REGISTERED"],
    ["visibility", "INTERNAL"],
    ["actorType", "STAFF"],
    ["actorId", "user_1"],
    ["unitId", null],
    ["fromState", "SUBMITTED"],
    ["toState", null],
    ["note", "备注"],
    ["data", '{"a":1}'],
    ["occurredAt", new Date("2026-03-02T02:00:00.001Z")],
  ];

  it("covers every field (the list of changes below is complete)", () => {
    expect(changes.map(([k]) => k).sort()).toEqual(Object.keys(BASE).sort());
  });

  it.each(changes)("changes when %s changes", (key, value) => {
    const changed = { ...BASE, [key]: value } as HashedEventFields;
    expect(hashEvent(GENESIS_HASH, changed)).not.toBe(hashEvent(GENESIS_HASH, BASE));
  });

  it("distinguishes null from the string 'null' and an empty note from no note", () => {
    expect(hashEvent(GENESIS_HASH, { ...BASE, note: "null" })).not.toBe(hashEvent(GENESIS_HASH, BASE));
    expect(hashEvent(GENESIS_HASH, { ...BASE, note: "" })).not.toBe(hashEvent(GENESIS_HASH, BASE));
  });
});

/** A chain as the data layer writes it. */
function buildChain(fields: Omit<HashedEventFields, "seq">[]): ChainedEvent[] {
  const out: ChainedEvent[] = [];
  let prev = GENESIS_HASH;
  fields.forEach((f, i) => {
    const e = { ...f, seq: i + 1 };
    const hash = hashEvent(prev, e);
    out.push({ ...e, prevHash: prev, hash });
    prev = hash;
  });
  return out;
}

const at = (iso: string) => new Date(iso);
const { seq: _seq, ...base } = BASE;
void _seq;
const CHAIN = buildChain([
  base,
  {
    ...base,
    type: "ROUTED",
    actorType: "STAFF",
    actorId: "u_bureau",
    unitId: "unit_a",
    toState: null,
    occurredAt: at("2026-03-03T01:00:00Z"),
  },
  {
    ...base,
    type: "NOTE_INTERNAL",
    visibility: "INTERNAL",
    actorType: "STAFF",
    actorId: "u_a",
    unitId: "unit_a",
    toState: null,
    note: "内部备注",
    occurredAt: at("2026-03-04T01:00:00Z"),
  },
  {
    ...base,
    type: "ACCEPTED",
    actorType: "STAFF",
    actorId: "u_a",
    unitId: "unit_a",
    fromState: "SUBMITTED",
    toState: "ACCEPTED",
    occurredAt: at("2026-03-05T01:00:00Z"),
  },
  {
    ...base,
    type: "REPLIED",
    actorType: "STAFF",
    actorId: "u_a",
    unitId: "unit_a",
    fromState: "ACCEPTED",
    toState: "REPLIED",
    note: "答复",
    data: '{"outcome":"SUPPORT"}',
    occurredAt: at("2026-04-01T01:00:00Z"),
  },
]);

const clone = (events: ChainedEvent[]) => events.map((e) => ({ ...e }));

describe("verifyChain", () => {
  it("accepts a chain built the way the data layer builds it and returns its head hash", () => {
    expect(verifyChain(CHAIN)).toEqual({ ok: true, length: 5, headHash: CHAIN[4]!.hash });
  });

  it("accepts the empty chain with the genesis hash as head", () => {
    expect(verifyChain([])).toEqual({ ok: true, length: 0, headHash: GENESIS_HASH });
  });

  it("ignores extra columns such as the database id", () => {
    const withIds = CHAIN.map((e, i) => ({ ...e, id: `evt_${i}`, createdAt: new Date() }));
    expect(verifyChain(withIds)).toEqual({ ok: true, length: 5, headHash: CHAIN[4]!.hash });
  });

  it("detects a changed note", () => {
    const t = clone(CHAIN);
    t[2]!.note = "改过的备注";
    expect(verifyChain(t)).toEqual({ ok: false, brokenAtSeq: 3, reason: "hash" });
  });

  it("detects a removed note (set to null)", () => {
    const t = clone(CHAIN);
    t[4]!.note = null;
    expect(verifyChain(t)).toEqual({ ok: false, brokenAtSeq: 5, reason: "hash" });
  });

  it("detects a changed visibility (an internal note made public)", () => {
    const t = clone(CHAIN);
    t[2]!.visibility = "PUBLIC";
    expect(verifyChain(t)).toEqual({ ok: false, brokenAtSeq: 3, reason: "hash" });
  });

  it("detects a back-dated event (occurredAt moved by one millisecond)", () => {
    const t = clone(CHAIN);
    t[3]!.occurredAt = new Date(t[3]!.occurredAt.getTime() - 1);
    expect(verifyChain(t)).toEqual({ ok: false, brokenAtSeq: 4, reason: "hash" });
  });

  it("detects a changed data payload", () => {
    const t = clone(CHAIN);
    t[4]!.data = '{"outcome":"NOT_SUPPORT"}';
    expect(verifyChain(t)).toEqual({ ok: false, brokenAtSeq: 5, reason: "hash" });
  });

  it("detects two events swapped", () => {
    const t = clone(CHAIN);
    [t[1], t[2]] = [t[2]!, t[1]!];
    expect(verifyChain(t)).toEqual({ ok: false, brokenAtSeq: 3, reason: "seq" });
  });

  it("detects two events swapped with their seq numbers rewritten", () => {
    const t = clone(CHAIN);
    [t[1], t[2]] = [t[2]!, t[1]!];
    t[1]!.seq = 2;
    t[2]!.seq = 3;
    const v = verifyChain(t);
    expect(v.ok).toBe(false);
    if (!v.ok) expect(v.brokenAtSeq).toBe(2);
  });

  it("detects a removed middle event", () => {
    const t = clone(CHAIN);
    t.splice(2, 1);
    expect(verifyChain(t)).toEqual({ ok: false, brokenAtSeq: 4, reason: "seq" });
  });

  it("detects a removed middle event even when later seq numbers are renumbered", () => {
    const t = clone(CHAIN);
    t.splice(2, 1);
    t[2]!.seq = 3;
    t[3]!.seq = 4;
    expect(verifyChain(t)).toEqual({ ok: false, brokenAtSeq: 3, reason: "prevHash" });
  });

  it("detects a removed first event", () => {
    const t = clone(CHAIN);
    t.shift();
    expect(verifyChain(t)).toEqual({ ok: false, brokenAtSeq: 2, reason: "seq" });
  });

  it("detects a seq gap", () => {
    const t = clone(CHAIN);
    t[3]!.seq = 5;
    expect(verifyChain(t)).toEqual({ ok: false, brokenAtSeq: 5, reason: "seq" });
  });

  it("detects a duplicated seq", () => {
    const t = clone(CHAIN);
    t[3]!.seq = 3;
    expect(verifyChain(t)).toEqual({ ok: false, brokenAtSeq: 3, reason: "seq" });
  });

  it("detects a wrong prevHash", () => {
    const t = clone(CHAIN);
    t[3]!.prevHash = "a".repeat(64);
    expect(verifyChain(t)).toEqual({ ok: false, brokenAtSeq: 4, reason: "prevHash" });
  });

  it("detects a first event that does not start from the genesis hash", () => {
    const t = clone(CHAIN);
    t[0]!.prevHash = "1".repeat(64);
    expect(verifyChain(t)).toEqual({ ok: false, brokenAtSeq: 1, reason: "prevHash" });
  });

  it("detects an event whose stored hash was replaced", () => {
    const t = clone(CHAIN);
    t[1]!.hash = "b".repeat(64);
    expect(verifyChain(t)).toEqual({ ok: false, brokenAtSeq: 2, reason: "hash" });
  });

  it("detects a rewritten event whose own hash was recomputed: the next link breaks", () => {
    const t = clone(CHAIN);
    t[2]!.note = "改过的备注";
    const { prevHash: _p, hash: _h, ...fields } = t[2]!;
    void _p;
    void _h;
    t[2]!.hash = hashEvent(t[2]!.prevHash, fields);
    expect(verifyChain(t)).toEqual({ ok: false, brokenAtSeq: 4, reason: "prevHash" });
  });

  it("detects an event moved to another case", () => {
    const t = clone(CHAIN);
    t[1]!.petitionId = "pet_other";
    expect(verifyChain(t)).toEqual({ ok: false, brokenAtSeq: 2, reason: "hash" });
  });

  it("a truncated chain verifies but its head hash differs from the published one", () => {
    const v = verifyChain(CHAIN.slice(0, 4));
    expect(v).toEqual({ ok: true, length: 4, headHash: CHAIN[3]!.hash });
    if (v.ok) expect(v.headHash).not.toBe(CHAIN[4]!.hash);
  });

  it("an appended event verifies when it links correctly, and changes the head", () => {
    const prev = CHAIN[4]!.hash;
    const e = { ...base, seq: 6, type: "CLOSED", toState: "CLOSED", occurredAt: at("2026-05-01T16:00:00Z") };
    const longer = [...CHAIN, { ...e, prevHash: prev, hash: hashEvent(prev, e) }];
    const v = verifyChain(longer);
    expect(v.ok).toBe(true);
    if (v.ok) expect(v.headHash).not.toBe(prev);
  });
});

describe("chain v2: a hash anyone can recompute from the public part", () => {
  const salt = "0123456789abcdef0123456789abcdef";
  const open: HashedEventFields = {
    ...BASE,
    visibility: "PUBLIC",
    type: "ACCEPTED",
    note: "已受理",
    actorId: "staff_7",
  };
  const closed: HashedEventFields = {
    ...BASE,
    seq: 2,
    visibility: "INTERNAL",
    type: "NOTE",
    note: "内部意见",
    actorId: "staff_7",
  };

  it("is SHA-256(prevHash ‖ digest), the digest over the public part and the private digest, exactly as documented", () => {
    const sha = (s: string) => createHash("sha256").update(s).digest("hex");
    const privateDigest = sha(
      canonicalJson({
        petitionId: open.petitionId,
        visibility: "PUBLIC",
        actorType: open.actorType,
        actorId: "staff_7",
        unitId: open.unitId,
        data: open.data,
        salt,
      }),
    );
    expect(privateDigestOf(open, salt)).toBe(privateDigest);
    const digest = sha(
      canonicalJson({
        v: 2,
        seq: 1,
        occurredAt: open.occurredAt,
        public: true,
        type: "ACCEPTED",
        fromState: open.fromState,
        toState: open.toState,
        note: "已受理",
        private: privateDigest,
      }),
    );
    expect(digestOf(publicPartOf(open), privateDigest)).toBe(digest);
    expect(hashEventV2(GENESIS_HASH, open, salt)).toBe(sha(GENESIS_HASH + digest));
  });

  it("a public event shows its type, states and note; any other only its seq and time", () => {
    expect(publicPartOf(open)).toEqual({
      seq: 1,
      occurredAt: open.occurredAt,
      public: true,
      type: "ACCEPTED",
      fromState: open.fromState,
      toState: open.toState,
      note: "已受理",
    });
    expect(publicPartOf(closed)).toEqual({ seq: 2, occurredAt: closed.occurredAt, public: false });
  });

  it("the private digest covers the private fields and the salt: a changed actor, note of a closed event, data or salt changes it", () => {
    const d = privateDigestOf(closed, salt);
    for (const changed of [
      { actorId: "staff_8" },
      { note: "改" },
      { data: "{}x" },
      { type: "OTHER" },
      { visibility: "PETITIONER" },
      { unitId: "u2" },
    ])
      expect(privateDigestOf({ ...closed, ...changed }, salt), JSON.stringify(changed)).not.toBe(d);
    expect(privateDigestOf(closed, "f".repeat(32))).not.toBe(d);
    // A public event's note is in its public part, not its private digest.
    expect(privateDigestOf({ ...open, note: "别的" }, salt)).toBe(privateDigestOf(open, salt));
    expect(hashEventV2(GENESIS_HASH, { ...open, note: "别的" }, salt)).not.toBe(hashEventV2(GENESIS_HASH, open, salt));
  });

  it("chainEvent salts each event afresh: the same fields never give the same hash twice", () => {
    const a = chainEvent(GENESIS_HASH, closed);
    const b = chainEvent(GENESIS_HASH, closed);
    expect(a.chainVersion).toBe(2);
    expect(a.salt).toMatch(/^[0-9a-f]{32}$/);
    expect(a.hash).not.toBe(b.hash);
    expect(a.hash).toBe(hashEventV2(GENESIS_HASH, closed, a.salt));
  });

  it("verifyChain checks each event in its own version: a v1 start, v2 after it; a wrong salt or a changed field breaks it", () => {
    const first = { ...BASE, prevHash: GENESIS_HASH, hash: hashEvent(GENESIS_HASH, BASE) };
    const v2 = { ...closed, prevHash: first.hash, hash: hashEventV2(first.hash, closed, salt), chainVersion: 2, salt };
    expect(verifyChain([first, v2])).toEqual({ ok: true, length: 2, headHash: v2.hash });
    expect(verifyChain([first, { ...v2, salt: "f".repeat(32) }])).toEqual({
      ok: false,
      brokenAtSeq: 2,
      reason: "hash",
    });
    expect(verifyChain([first, { ...v2, note: "改" }])).toEqual({ ok: false, brokenAtSeq: 2, reason: "hash" });
    expect(verifyChain([first, { ...v2, salt: null }])).toEqual({ ok: false, brokenAtSeq: 2, reason: "hash" });
    expect(verifyChain([first, { ...v2, chainVersion: 3 }])).toEqual({ ok: false, brokenAtSeq: 2, reason: "hash" });
    expect(recomputeHash(first.hash, v2)).toBe(v2.hash);
  });
});
