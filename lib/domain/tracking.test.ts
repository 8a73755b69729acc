import { describe, expect, it } from "vitest";
import {
  QUERY_CODE_ALPHABET,
  QUERY_CODE_LENGTH,
  formatQueryCode,
  formatDemoTrackingNo,
  formatTrackingNo,
  generateQueryCode,
  hashQueryCode,
  normalizeQueryCode,
  normalizeTrackingNo,
  parseTrackingNo,
  trackingCounterName,
  queryCodeMatches,
} from "./tracking";

// The alphabet written out independently: digits 2–9 and A–Z without the look-alikes I, L, O.
const EXPECTED_ALPHABET = "23456789" + "ABCDEFGHJKMNPQRSTUVWXYZ";
const LOOK_ALIKES = ["0", "O", "1", "I", "L"];

/** A deterministic byte source (mulberry32) standing in for crypto.randomBytes. */
function seededBytes(seed: number): (n: number) => Uint8Array {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return (t ^ (t >>> 14)) >>> 0;
  };
  return (n) => Uint8Array.from({ length: n }, () => next() & 0xff);
}

/** A byte source that replays the given chunks, one per call. */
function scripted(chunks: number[][]): { source: (n: number) => Uint8Array; calls: number[] } {
  const calls: number[] = [];
  let i = 0;
  return {
    calls,
    source: (n) => {
      calls.push(n);
      const chunk = chunks[i++];
      if (!chunk) throw new Error("byte source exhausted");
      return Uint8Array.from(chunk);
    },
  };
}

describe("tracking numbers", () => {
  it("format XF + year + 6-digit zero-padded sequence", () => {
    expect(formatTrackingNo(2026, 123)).toBe("XF2026000123");
    expect(formatTrackingNo(2026, 1)).toBe("XF2026000001");
    expect(formatTrackingNo(2027, 999_999)).toBe("XF2027999999");
    expect(formatTrackingNo(2000, 42)).toBe("XF2000000042");
  });

  it.each([
    [1999, 1],
    [10_000, 1],
    [2026.5, 1],
    [Number.NaN, 1],
    [2026, 0],
    [2026, -1],
    [2026, 1_000_000],
    [2026, 1.5],
    [2026, Number.NaN],
  ])("formatTrackingNo(%s, %s) throws", (year, seq) => {
    expect(() => formatTrackingNo(year, seq)).toThrow(RangeError);
  });

  it("parse inverts format", () => {
    for (const [y, s] of [
      [2026, 1],
      [2026, 123],
      [2031, 999_999],
      [2000, 500_000],
    ] as const) {
      expect(parseTrackingNo(formatTrackingNo(y, s))).toEqual({ year: y, sequence: s, demo: false });
      expect(parseTrackingNo(formatDemoTrackingNo(y, s))).toEqual({ year: y, sequence: s, demo: true });
    }
  });

  it("format inverts parse for anything parse accepts", () => {
    for (const s of ["XF2026000123", "XF2000000001", "XF9999999999", "XFD2026000123", "XFD2026900001"]) {
      const p = parseTrackingNo(s);
      expect(p).not.toBeNull();
      if (p) expect((p.demo ? formatDemoTrackingNo : formatTrackingNo)(p.year, p.sequence)).toBe(s);
    }
  });

  it.each([
    "XF2026000000", // sequence 0 is never issued
    "XF1999000001", // no tracking number before 2000 can be formatted
    "XF0000000001",
    "XF202600012", // 5-digit sequence
    "XF20260001234", // 7-digit sequence
    "xf2026000123", // parse takes the normalized form only
    "XF 2026000123",
    "XX2026000123",
    "2026000123",
    "XF2026ABC123",
    "XFD2026000000",
    "XFD202600012",
    "XFX2026000123",
    "xfd2026000123",
    "",
  ])("parseTrackingNo rejects %j", (s) => {
    expect(parseTrackingNo(s)).toBeNull();
  });

  it("normalize removes spaces and upper-cases what a person types", () => {
    expect(normalizeTrackingNo("xf2026000123")).toBe("XF2026000123");
    expect(normalizeTrackingNo("  XF 2026 000123 ")).toBe("XF2026000123");
    expect(normalizeTrackingNo("xF2026\t000123\n")).toBe("XF2026000123");
    expect(parseTrackingNo(normalizeTrackingNo(" xf 2026 000123"))).toEqual({ year: 2026, sequence: 123, demo: false });
  });

  it("keeps demo numbers (XFD…) apart from real ones: another prefix and another counter", () => {
    expect(formatDemoTrackingNo(2026, 900_001)).toBe("XFD2026900001");
    for (const seq of [1, 900_001, 999_999]) {
      expect(formatDemoTrackingNo(2026, seq)).not.toBe(formatTrackingNo(2026, seq));
      expect(parseTrackingNo(formatTrackingNo(2026, seq))?.demo).toBe(false);
    }
    expect(trackingCounterName(2026)).toBe("tracking:2026");
    expect(trackingCounterName(2026, true)).not.toBe(trackingCounterName(2026));
    expect(() => formatDemoTrackingNo(2026, 0)).toThrow(RangeError);
  });
});

describe("query codes: alphabet", () => {
  it("is the 31 unambiguous symbols", () => {
    expect(QUERY_CODE_ALPHABET).toBe(EXPECTED_ALPHABET);
    expect(new Set(QUERY_CODE_ALPHABET).size).toBe(31);
    for (const ch of LOOK_ALIKES) expect(QUERY_CODE_ALPHABET).not.toContain(ch);
  });

  it("codes are 12 symbols long", () => {
    expect(QUERY_CODE_LENGTH).toBe(12);
  });
});

describe("generateQueryCode", () => {
  it("with the real random source: 12 alphabet symbols, no look-alikes, all distinct over 2 000 codes", () => {
    const seen = new Set<string>();
    for (let i = 0; i < 2000; i++) {
      const code = generateQueryCode();
      expect(code).toMatch(/^[23456789ABCDEFGHJKMNPQRSTUVWXYZ]{12}$/);
      seen.add(code);
    }
    expect(seen.size).toBe(2000);
  });

  it("maps each accepted byte b to alphabet[b mod 31]", () => {
    const bytes = [0, 1, 2, 3, 4, 5, 6, 7, 8, 30, 31, 247, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0];
    const { source, calls } = scripted([bytes]);
    // 8 → 'A', 30 → 'Z', 31 → '2' (31 mod 31 = 0), 247 → 247 mod 31 = 30 → 'Z'
    expect(generateQueryCode(source)).toBe("23456789AZ2Z");
    expect(calls).toEqual([24]);
  });

  it("rejects bytes ≥ 248 (the largest multiple of 31 that fits in a byte) so there is no modulo bias", () => {
    // 248–255 would map to symbols 0–7 a ninth time; they must be skipped, not folded.
    const biased = [248, 249, 250, 251, 252, 253, 254, 255];
    const { source } = scripted([[...biased, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, ...biased.slice(0, 4)]]);
    expect(generateQueryCode(source)).toBe("BCDEFGHJKMNP");
  });

  it("asks for more bytes when a whole batch is rejected", () => {
    const { source, calls } = scripted([
      Array.from({ length: 24 }, () => 255),
      [250, 0, 1, 2, 3, 4, 5, 252, 6, 7, 8, 9, 10, 11, 11, 11, 11, 11, 11, 11, 11, 11, 11, 11],
    ]);
    expect(generateQueryCode(source)).toBe("234567" + "89ABCD");
    expect(calls).toEqual([24, 24]);
  });

  it("keeps accepted symbols across batches", () => {
    const { source } = scripted([
      [0, 1, 2, 3, 4, ...Array.from({ length: 19 }, () => 250)],
      [5, 6, 7, 8, 9, 10, 11, ...Array.from({ length: 17 }, () => 0)],
    ]);
    expect(generateQueryCode(source)).toBe("23456789ABCD");
  });

  it("is uniform: every symbol in every position about equally often (χ² over 60 000 symbols)", () => {
    const random = seededBytes(20260302);
    const counts = new Map<string, number>();
    const perPosition: Map<string, number>[] = Array.from({ length: 12 }, () => new Map());
    const codes = 5000;
    for (let i = 0; i < codes; i++) {
      const code = generateQueryCode(random);
      expect(code).toHaveLength(12);
      Array.from(code).forEach((ch, pos) => {
        counts.set(ch, (counts.get(ch) ?? 0) + 1);
        const m = perPosition[pos]!;
        m.set(ch, (m.get(ch) ?? 0) + 1);
      });
    }
    expect([...counts.keys()].sort().join("")).toBe(EXPECTED_ALPHABET);
    const expected = (codes * 12) / 31;
    const chi2 = [...counts.values()].reduce((s, c) => s + (c - expected) ** 2 / expected, 0);
    // 30 degrees of freedom: P(χ² > 59.7) = 0.001. A modulo-biased generator (b mod 31 over 0–255) gives
    // symbols 0–7 a 9/256 instead of 8/256 share, which at this sample size puts χ² far above 100.
    expect(chi2).toBeLessThan(59.7);
    for (const m of perPosition) {
      expect(m.size).toBe(31);
      for (const c of m.values()) expect(Math.abs(c - codes / 31)).toBeLessThan(80); // ≈ 6σ
    }
  });

  it("the χ² check above would catch modulo bias (control: the same statistic on a biased generator)", () => {
    const random = seededBytes(20260302);
    const counts = new Map<string, number>();
    for (let i = 0; i < 60_000 / 24; i++) {
      for (const b of random(24)) {
        const ch = QUERY_CODE_ALPHABET[b % 31]!;
        counts.set(ch, (counts.get(ch) ?? 0) + 1);
      }
    }
    const total = [...counts.values()].reduce((s, c) => s + c, 0);
    const expected = total / 31;
    const chi2 = [...counts.values()].reduce((s, c) => s + (c - expected) ** 2 / expected, 0);
    expect(chi2).toBeGreaterThan(59.7);
  });
});

describe("formatQueryCode / normalizeQueryCode", () => {
  it("formats as XXXX-XXXX-XXXX", () => {
    expect(formatQueryCode("ABCD2345EFGH")).toBe("ABCD-2345-EFGH");
    expect(formatQueryCode(generateQueryCode())).toMatch(/^[2-9A-Z]{4}-[2-9A-Z]{4}-[2-9A-Z]{4}$/);
  });

  it("normalize inverts format", () => {
    for (let i = 0; i < 200; i++) {
      const code = generateQueryCode();
      expect(normalizeQueryCode(formatQueryCode(code))).toBe(code);
    }
  });

  it.each([
    ["ABCD-2345-EFGH", "ABCD2345EFGH"],
    ["abcd-2345-efgh", "ABCD2345EFGH"],
    ["abcd 2345 efgh", "ABCD2345EFGH"],
    ["  AbCd2345eFgH  ", "ABCD2345EFGH"],
    ["ABCD--2345 - EFGH", "ABCD2345EFGH"],
    ["ABCD\t2345\nEFGH", "ABCD2345EFGH"],
  ])("accepts %j as %s", (input, code) => {
    expect(normalizeQueryCode(input)).toBe(code);
  });

  it.each([
    "ABCD-2345-EFG0", // zero
    "ABCD-2345-EFGO", // letter O
    "ABCD-2345-EFG1", // one
    "ABCD-2345-EFGI", // letter I
    "ABCD-2345-EFGL", // letter L
    "abcd-2345-efgl", // lower-case l becomes L, still a look-alike
    "abcd-2345-efgo",
    "abcd-2345-efgi",
    "ABCD-2345-EFG", // 11 symbols
    "ABCD-2345-EFGHJ", // 13 symbols
    "",
    "----",
    "ABCD_2345_EFGH",
    "ABCD.2345.EFGH",
    "ＡＢＣＤ２３４５ＥＦＧＨ", // full-width forms are not silently accepted as something else
  ])("rejects %j", (input) => {
    expect(normalizeQueryCode(input)).toBeNull();
  });
});

describe("hashQueryCode / queryCodeMatches", () => {
  const secret = "test-secret-0123456789";
  const code = "ABCD2345EFGH";
  const trackingNo = "XF2026000123";

  it("is a 64-hex-digit keyed hash, stable for the same inputs", () => {
    const h = hashQueryCode(code, trackingNo, secret);
    expect(h).toMatch(/^[0-9a-f]{64}$/);
    expect(hashQueryCode(code, trackingNo, secret)).toBe(h);
    expect(h).not.toContain(code);
  });

  it("depends on the code, the tracking number and the secret", () => {
    const h = hashQueryCode(code, trackingNo, secret);
    expect(hashQueryCode("ABCD2345EFGJ", trackingNo, secret)).not.toBe(h);
    expect(hashQueryCode(code, "XF2026000124", secret)).not.toBe(h);
    expect(hashQueryCode(code, trackingNo, secret + "x")).not.toBe(h);
  });

  it("the same code on two cases hashes differently (a stored hash cannot be reused on another case)", () => {
    expect(hashQueryCode(code, "XF2026000001", secret)).not.toBe(hashQueryCode(code, "XF2026000002", secret));
  });

  it("queryCodeMatches: the right code on the right case matches", () => {
    const stored = hashQueryCode(code, trackingNo, secret);
    expect(queryCodeMatches(code, trackingNo, stored, secret)).toBe(true);
  });

  it("queryCodeMatches: a wrong code, case, secret or stored hash does not match", () => {
    const stored = hashQueryCode(code, trackingNo, secret);
    expect(queryCodeMatches("ABCD2345EFGJ", trackingNo, stored, secret)).toBe(false);
    expect(queryCodeMatches(code, "XF2026000124", stored, secret)).toBe(false);
    expect(queryCodeMatches(code, trackingNo, stored, "other-secret")).toBe(false);
    expect(queryCodeMatches(code, trackingNo, hashQueryCode("ABCD2345EFGJ", trackingNo, secret), secret)).toBe(false);
    // malformed stored values: truncated, empty, not hex
    expect(queryCodeMatches(code, trackingNo, stored.slice(0, 62), secret)).toBe(false);
    expect(queryCodeMatches(code, trackingNo, "", secret)).toBe(false);
    expect(queryCodeMatches(code, trackingNo, "z".repeat(64), secret)).toBe(false);
  });

  it("throws without a secret rather than hashing with an empty key", () => {
    expect(() => hashQueryCode(code, trackingNo, "")).toThrow(/APP_SECRET/);
    expect(() => queryCodeMatches(code, trackingNo, "0".repeat(64), "")).toThrow(/APP_SECRET/);
  });
});
