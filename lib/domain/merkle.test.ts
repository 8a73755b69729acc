import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import {
  EMPTY_ROOT,
  buildTree,
  consistencyProof,
  extendTree,
  inclusionProof,
  leafData,
  leafHash,
  merkleRoot,
  nodeHash,
  rootAt,
  verifyConsistency,
  verifyInclusion,
  type CaseLeafParts,
} from "./merkle";

// ---------------------------------------------------------------------------------------------------------------
// The reference: RFC 9162 §2.1's recursive definitions, word for word, over lists of leaves. It is generic over
// the hashing so that the same recursions run on bytes (the real hashes) and on symbols (a leaf is "[i]", a node
// "(left,right)"), which the mutation checks below use to know what a verifier can and cannot tell apart.
// ---------------------------------------------------------------------------------------------------------------
type Hashing<T> = { empty: string; leaf: (d: T) => string; node: (left: string, right: string) => string };

/** The largest power of two smaller than n. */
function k(n: number): number {
  let p = 1;
  while (p * 2 < n) p *= 2;
  return p;
}

function MTH<T>(h: Hashing<T>, D: readonly T[]): string {
  if (D.length === 0) return h.empty;
  if (D.length === 1) return h.leaf(D[0]!);
  const s = k(D.length);
  return h.node(MTH(h, D.slice(0, s)), MTH(h, D.slice(s)));
}

function PATH<T>(h: Hashing<T>, m: number, D: readonly T[]): string[] {
  if (D.length === 1) return [];
  const s = k(D.length);
  return m < s
    ? [...PATH(h, m, D.slice(0, s)), MTH(h, D.slice(s))]
    : [...PATH(h, m - s, D.slice(s)), MTH(h, D.slice(0, s))];
}

function PROOF<T>(h: Hashing<T>, m: number, D: readonly T[]): string[] {
  return SUBPROOF(h, m, D, true);
}

function SUBPROOF<T>(h: Hashing<T>, m: number, D: readonly T[], b: boolean): string[] {
  if (m === D.length) return b ? [] : [MTH(h, D)];
  const s = k(D.length);
  return m <= s
    ? [...SUBPROOF(h, m, D.slice(0, s), b), MTH(h, D.slice(s))]
    : [...SUBPROOF(h, m - s, D.slice(s), false), MTH(h, D.slice(0, s))];
}

const sha256 = (...parts: Uint8Array[]) => {
  const hash = createHash("sha256");
  for (const p of parts) hash.update(p);
  return hash.digest("hex");
};
/** Remembers what it has hashed (SHA-256 is a function; the recursions ask for the same subtrees again and again). */
function remembered<A extends unknown[]>(key: (...args: A) => unknown, hash: (...args: A) => string) {
  const seen = new Map<unknown, string>();
  return (...args: A) => {
    const k = key(...args);
    let h = seen.get(k);
    if (h === undefined) seen.set(k, (h = hash(...args)));
    return h;
  };
}
const bytes: Hashing<Uint8Array> = {
  empty: sha256(),
  leaf: remembered(
    (d) => d,
    (d) => sha256(Uint8Array.of(0), d),
  ),
  node: remembered(
    (l, r) => l + r,
    (l, r) => sha256(Uint8Array.of(1), Buffer.from(l, "hex"), Buffer.from(r, "hex")),
  ),
};
const symbols: Hashing<number> = { empty: "{}", leaf: (i) => `[${i}]`, node: (l, r) => `(${l},${r})` };

const MAX = 100;
const DATA = Array.from({ length: MAX + 1 }, (_, i) => Buffer.from(`case ${i}`));
const LEAF = DATA.map((d) => bytes.leaf(d));
const ROOT = Array.from({ length: MAX + 2 }, (_, n) => MTH(bytes, DATA.slice(0, n)));
const range = (n: number) => Array.from({ length: n }, (_, i) => i);
const sizes = (upTo: number) => range(upTo).map((i) => i + 1);

const FULL = buildTree(DATA.slice(0, MAX).map(leafHash));
const TREES = Array.from({ length: MAX + 1 }, (_, n) => buildTree(DATA.slice(0, n).map(leafHash)));

/** One hex digit of a hash changed (one bit flipped). */
function flip(hex: string, at = 0): string {
  return hex.slice(0, at) + (parseInt(hex[at]!, 16) ^ 1).toString(16) + hex.slice(at + 1);
}
const SOME_HASH = sha256(Buffer.from("some other hash"));
const without = (list: readonly string[], i: number) => [...list.slice(0, i), ...list.slice(i + 1)];
const inserted = (list: readonly string[], i: number, x: string) => [...list.slice(0, i), x, ...list.slice(i)];

/** Every proof that differs from `proof` by one element flipped, removed or added. */
function oneElementOff(proof: readonly string[], extras: readonly string[]): string[][] {
  const out: string[][] = [];
  proof.forEach((p, i) => {
    out.push(proof.map((q, j) => (j === i ? flip(p) : q)));
    out.push(proof.map((q, j) => (j === i ? flip(p, 63) : q)));
    out.push(without(proof, i));
  });
  for (let i = 0; i <= proof.length; i++) for (const x of extras) out.push(inserted(proof, i, x));
  return out;
}

/**
 * The RFC's verifiers bind a tree size only through the left/right pattern it gives a proof, and the sizes
 * themselves come signed with the roots. So a proof checked against another size is accepted exactly when that
 * size reads it the same way: when both roots are the same expression over the proof's elements (and the leaf,
 * or the old root the verifier already holds). These give that expression, from the reference recursions.
 */
function express(expr: string, table: ReadonlyArray<readonly [string, string]>): string {
  return table.reduce((out, [sub, label]) => out.split(sub).join(label), expr);
}
function inclusionReading(m: number, n: number): string {
  const path = PATH(symbols, m, range(n));
  return express(MTH(symbols, range(n)), [[`[${m}]`, "leaf"], ...path.map((e, i) => [e, `#${i}`] as const)]);
}
function consistencyReading(m: number, n: number): string {
  const table = PROOF(symbols, m, range(n)).map((e, i) => [e, `#${i}`] as const);
  const oldExpr = MTH(symbols, range(m));
  const oldReading = express(oldExpr, table);
  const newReading = express(express(MTH(symbols, range(n)), [[oldExpr, "old"]]), table);
  return `${oldReading.includes("[") ? "old" : oldReading} | ${newReading}`;
}

describe("the reference readings", () => {
  it("rebuild every root from its proof alone (a check on the oracle the mutation tests use)", () => {
    for (const n of sizes(64)) {
      for (const m of range(n)) expect(inclusionReading(m, n)).not.toMatch(/\[/);
      for (let m = 1; m < n; m++) expect(consistencyReading(m, n)).not.toMatch(/\[/);
    }
    expect(inclusionReading(0, 3)).toBe("((leaf,#0),#1)");
    expect(consistencyReading(4, 6)).toBe("old | (old,#0)");
    expect(consistencyReading(3, 4)).toBe("(#2,#0) | (#2,(#0,#1))");
  });
});

describe("leafHash, nodeHash and the roots", () => {
  it("hashes a leaf as SHA-256(0x00 ‖ data) and a node as SHA-256(0x01 ‖ left ‖ right)", () => {
    const a = Buffer.from("a");
    expect(leafHash(a).toString("hex")).toBe(sha256(Buffer.from([0x00, 0x61])));
    const l = leafHash(a);
    const r = leafHash(Buffer.from("b"));
    expect(nodeHash(l, r).toString("hex")).toBe(sha256(Buffer.concat([Buffer.from([1]), l, r])));
    expect(nodeHash(l, r).equals(nodeHash(r, l))).toBe(false);
  });

  it("gives the empty tree SHA-256 of the empty string, and a one-leaf tree the leaf's hash", () => {
    expect(EMPTY_ROOT).toBe("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
    expect(merkleRoot([])).toBe(EMPTY_ROOT);
    expect(buildTree([]).root).toBe(EMPTY_ROOT);
    expect(merkleRoot([DATA[7]!])).toBe(leafHash(DATA[7]!).toString("hex"));
    expect(buildTree([leafHash(DATA[7]!)]).root).toBe(LEAF[7]);
  });

  it("equals MTH for every size 0..100: merkleRoot, buildTree and rootAt of a larger tree", () => {
    for (let n = 0; n <= MAX; n++) {
      expect(merkleRoot(DATA.slice(0, n)), `size ${n}`).toBe(ROOT[n]);
      expect(TREES[n]!.root, `size ${n}`).toBe(ROOT[n]);
      expect(TREES[n]!.size).toBe(n);
      expect(rootAt(FULL, n), `size ${n}`).toBe(ROOT[n]);
    }
  });

  it("splits at the largest power of two below n, not in the middle", () => {
    // 5 leaves: MTH = node(MTH(D[0:4]), leaf 4), where a midpoint split would give node(MTH(D[0:3]), MTH(D[3:5])).
    const h = DATA.slice(0, 5).map(leafHash);
    const expected = nodeHash(nodeHash(nodeHash(h[0]!, h[1]!), nodeHash(h[2]!, h[3]!)), h[4]!);
    expect(merkleRoot(DATA.slice(0, 5))).toBe(expected.toString("hex"));
  });

  it("keeps about 64 bytes per leaf, and builds 2^16 + 3 leaves to the same root as merkleRoot", () => {
    const n = 2 ** 16 + 3;
    const leaves = range(n).map((i) => Buffer.from(`big ${i}`));
    const tree = buildTree(leaves.map(leafHash));
    expect(tree.root).toBe(merkleRoot(leaves));
    const stored = tree.levels.reduce((sum, level) => sum + level.length, 0);
    expect(stored).toBeLessThanOrEqual(64 * n + 32 * tree.levels.length);
    for (const [i, length] of [
      [0, 17],
      [2 ** 15, 17],
      [2 ** 16 - 1, 17],
      [2 ** 16, 3],
      [n - 1, 2],
    ] as const) {
      const proof = inclusionProof(tree, i);
      expect(proof).toHaveLength(length);
      expect(verifyInclusion(leafHash(leaves[i]!).toString("hex"), i, n, proof, tree.root)).toBe(true);
    }
    const old = rootAt(tree, 50_000);
    expect(verifyConsistency(50_000, n, old, tree.root, consistencyProof(tree, 50_000))).toBe(true);
  });
});

// Published test vectors: transparency-dev/merkle, testonly/constants.go (leaves and roots) and
// proof/verify_test.go (proofs; that file numbers leaves from 1, these from 0).
describe("the Certificate Transparency test vectors", () => {
  const leaves = [
    "",
    "00",
    "10",
    "2021",
    "3031",
    "40414243",
    "5051525354555657",
    "606162636465666768696a6b6c6d6e6f",
  ].map((h) => Buffer.from(h, "hex"));
  const roots = [
    "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
    "6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d",
    "fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125",
    "aeb6bcfe274b70a14fb067a5e5578264db0fa9b51af5e0ba159158f329e06e77",
    "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7",
    "4e3bbb1f7b478dcfe71fb631631519a3bca12c9aefca1612bfce4c13a86264d4",
    "76e67dadbcdf1e10e1b74ddc608abd2f98dfb16fbce75277b5232a127f2087ef",
    "ddb89be403809e325750d3d263cd78929c2942b7942a34b77e122c9594a74c8c",
    "5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328",
  ];
  const tree = buildTree(leaves.map(leafHash));
  const inclusions: [index: number, size: number, proof: string[]][] = [
    [
      0,
      8,
      [
        "96a296d224f285c67bee93c30f8a309157f0daa35dc5b87e410b78630a09cfc7",
        "5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
        "6b47aaf29ee3c2af9af889bc1fb9254dabd31177f16232dd6aab035ca39bf6e4",
      ],
    ],
    [
      5,
      8,
      [
        "bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b",
        "ca854ea128ed050b41b35ffc1b87b8eb2bde461e9e3b5596ece6b9d5975a0ae0",
        "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7",
      ],
    ],
    [2, 3, ["fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125"]],
    [
      1,
      5,
      [
        "6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d",
        "5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
        "bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b",
      ],
    ],
  ];
  const consistencies: [oldSize: number, newSize: number, proof: string[]][] = [
    [1, 1, []],
    [
      1,
      8,
      [
        "96a296d224f285c67bee93c30f8a309157f0daa35dc5b87e410b78630a09cfc7",
        "5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
        "6b47aaf29ee3c2af9af889bc1fb9254dabd31177f16232dd6aab035ca39bf6e4",
      ],
    ],
    [
      6,
      8,
      [
        "0ebc5d3437fbe2db158b9f126a1d118e308181031d0a949f8dededebc558ef6a",
        "ca854ea128ed050b41b35ffc1b87b8eb2bde461e9e3b5596ece6b9d5975a0ae0",
        "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7",
      ],
    ],
    [
      2,
      5,
      [
        "5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
        "bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b",
      ],
    ],
    [
      6,
      7,
      [
        "0ebc5d3437fbe2db158b9f126a1d118e308181031d0a949f8dededebc558ef6a",
        "b08693ec2e721597130641e8211e7eedccb4c26413963eee6c1e2ed16ffb1a5f",
        "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7",
      ],
    ],
  ];

  it("gives the published roots for sizes 0..8", () => {
    for (let n = 0; n <= 8; n++) {
      expect(merkleRoot(leaves.slice(0, n)), `size ${n}`).toBe(roots[n]);
      expect(rootAt(tree, n), `size ${n}`).toBe(roots[n]);
      expect(MTH(bytes, leaves.slice(0, n)), `reference, size ${n}`).toBe(roots[n]);
    }
  });

  it("gives and accepts the published inclusion proofs", () => {
    for (const [index, size, proof] of inclusions) {
      expect(inclusionProof(tree, index, size)).toEqual(proof);
      expect(verifyInclusion(leafHash(leaves[index]!).toString("hex"), index, size, proof, roots[size]!)).toBe(true);
    }
  });

  it("gives and accepts the published consistency proofs", () => {
    for (const [oldSize, newSize, proof] of consistencies) {
      expect(consistencyProof(tree, oldSize, newSize)).toEqual(proof);
      expect(verifyConsistency(oldSize, newSize, roots[oldSize]!, roots[newSize]!, proof)).toBe(true);
    }
  });
});

// The loops below note what went wrong and check the list once at the end: tens of thousands of expect() calls
// would cost more than the hashing they check.
const same = (a: readonly string[], b: readonly string[]) => a.join() === b.join();

describe("inclusion proofs against the reference", () => {
  it("equal PATH (RFC 9162 §2.1.3.1) for every size 1..100 and every index, and all verify", () => {
    const wrong: string[] = [];
    for (const n of sizes(MAX)) {
      for (const m of range(n)) {
        const path = PATH(bytes, m, DATA.slice(0, n));
        if (!same(inclusionProof(TREES[n]!, m), path)) wrong.push(`${m} of ${n}`);
        if (!same(inclusionProof(FULL, m, n), path)) wrong.push(`${m} of ${n} in the tree of ${MAX}`);
        if (!verifyInclusion(LEAF[m]!, m, n, path, ROOT[n]!)) wrong.push(`${m} of ${n} rejected`);
      }
    }
    expect(wrong).toEqual([]);
  });

  const sampled = [...sizes(40), 64, 65, 100];

  it("fail when the leaf, the index, the root or one proof element changes", () => {
    const wrong: string[] = [];
    for (const n of sampled) {
      for (const m of range(n)) {
        const proof = inclusionProof(TREES[n]!, m);
        const [leaf, root] = [LEAF[m]!, ROOT[n]!];
        const accepts = (what: string, ...args: Parameters<typeof verifyInclusion>) => {
          if (verifyInclusion(...args)) wrong.push(`${m} of ${n}, ${what}`);
        };
        for (const other of [LEAF[(m + 1) % (n + 1)]!, flip(leaf), flip(leaf, 63), sha256(DATA[m]!)]) {
          accepts(`leaf ${other}`, other, m, n, proof, root);
        }
        for (const index of new Set([m - 1, m + 1, m ^ 1, m ^ 2, m + n, n, -1])) {
          accepts(`index ${index}`, leaf, index, n, proof, root);
        }
        for (const other of [flip(root), flip(root, 63), ROOT[n - 1]!, ROOT[n + 1]!, EMPTY_ROOT, leaf]) {
          if (other !== root) accepts(`root ${other}`, leaf, m, n, proof, other);
        }
        for (const changed of oneElementOff(proof, [SOME_HASH, root, leaf])) {
          accepts(`proof ${changed.join(",")}`, leaf, m, n, changed, root);
        }
      }
    }
    expect(wrong).toEqual([]);
  });

  it("fail when the tree size changes, unless the new size reads the proof the same way", () => {
    const wrong: string[] = [];
    let [accepted, checked] = [0, 0];
    for (const n of sampled) {
      for (const m of range(n)) {
        const proof = inclusionProof(TREES[n]!, m);
        for (const size of new Set([n - 1, n + 1, n + 2, 2 * n, Math.floor(n / 2), n - 2, 0])) {
          if (size === n) continue;
          const expected = size > m && inclusionReading(m, size) === inclusionReading(m, n);
          if (verifyInclusion(LEAF[m]!, m, size, proof, ROOT[n]!) !== expected)
            wrong.push(`${m} of ${n} as of ${size}`);
          checked++;
          if (expected) accepted++;
        }
      }
    }
    expect(wrong).toEqual([]);
    // Both answers occur, so the oracle does work. A leaf in the left 2^j subtree has the same path shape in every
    // size from 2^j + 1 to 2^(j+1): leaf 0 of 3 and of 4 both combine to the right twice. The size is bound only
    // by the signature over (size, root), which is why a checkpoint signs both.
    expect(accepted).toBeGreaterThan(0);
    expect(accepted).toBeLessThan(checked);
    expect(inclusionReading(0, 3)).toBe(inclusionReading(0, 4));
    expect(verifyInclusion(LEAF[0]!, 0, 4, inclusionProof(TREES[3]!, 0), ROOT[3]!)).toBe(true);
  });
});

describe("consistency proofs against the reference", () => {
  it("equal PROOF (RFC 9162 §2.1.4.1) for every 1 ≤ m ≤ n ≤ 100, and all verify", () => {
    const wrong: string[] = [];
    for (const n of sizes(MAX)) {
      for (const m of sizes(n)) {
        const proof = PROOF(bytes, m, DATA.slice(0, n));
        if (!same(consistencyProof(TREES[n]!, m), proof)) wrong.push(`${m} to ${n}`);
        if (!same(consistencyProof(FULL, m, n), proof)) wrong.push(`${m} to ${n} in the tree of ${MAX}`);
        if (!verifyConsistency(m, n, ROOT[m]!, ROOT[n]!, proof)) wrong.push(`${m} to ${n} rejected`);
      }
      if (consistencyProof(TREES[n]!, n).length !== 0) wrong.push(`${n} to ${n} not empty`);
    }
    expect(wrong).toEqual([]);
  });

  it("treat equal sizes and the empty old tree as the empty proof", () => {
    expect(consistencyProof(FULL, 0, 0)).toEqual([]);
    expect(consistencyProof(FULL, 0)).toEqual([]);
    expect(consistencyProof(buildTree([]), 0)).toEqual([]);
    expect(verifyConsistency(0, 0, EMPTY_ROOT, EMPTY_ROOT, [])).toBe(true);
    expect(verifyConsistency(0, 5, EMPTY_ROOT, ROOT[5]!, [])).toBe(true);
    expect(verifyConsistency(0, 5, ROOT[1]!, ROOT[5]!, [])).toBe(false);
    expect(verifyConsistency(0, 0, ROOT[1]!, ROOT[1]!, [])).toBe(false);
    expect(verifyConsistency(0, 5, EMPTY_ROOT, ROOT[5]!, [SOME_HASH])).toBe(false);
    expect(verifyConsistency(0, 0, EMPTY_ROOT, EMPTY_ROOT, [EMPTY_ROOT])).toBe(false);
    for (const n of sizes(20)) {
      expect(verifyConsistency(n, n, ROOT[n]!, ROOT[n]!, [])).toBe(true);
      expect(verifyConsistency(n, n, ROOT[n]!, ROOT[n + 1]!, [])).toBe(false);
      expect(verifyConsistency(n, n, ROOT[n]!, ROOT[n]!, [ROOT[n]!])).toBe(false);
      expect(verifyConsistency(n, n, ROOT[n]!, ROOT[n]!, [SOME_HASH])).toBe(false);
    }
  });

  const sampled = [...sizes(40), 64, 65, 100];

  it("fail when a root or one proof element changes", () => {
    const wrong: string[] = [];
    for (const n of sampled) {
      for (let m = 1; m < n; m++) {
        const proof = consistencyProof(TREES[n]!, m);
        const [oldRoot, newRoot] = [ROOT[m]!, ROOT[n]!];
        const accepts = (what: string, ...args: Parameters<typeof verifyConsistency>) => {
          if (verifyConsistency(...args)) wrong.push(`${m} to ${n}, ${what}`);
        };
        for (const other of [flip(oldRoot), flip(oldRoot, 63), ROOT[m - 1]!, ROOT[m + 1]!, newRoot]) {
          accepts(`old root ${other}`, m, n, other, newRoot, proof);
        }
        for (const other of [flip(newRoot), flip(newRoot, 63), ROOT[n - 1]!, ROOT[n + 1]!, oldRoot]) {
          accepts(`new root ${other}`, m, n, oldRoot, other, proof);
        }
        accepts("roots swapped", m, n, newRoot, oldRoot, proof);
        accepts("empty proof", m, n, oldRoot, newRoot, []);
        for (const changed of oneElementOff(proof, [SOME_HASH, oldRoot, newRoot, proof[0]!])) {
          accepts(`proof ${changed.join(",")}`, m, n, oldRoot, newRoot, changed);
        }
      }
    }
    expect(wrong).toEqual([]);
  });

  it("fail when a size changes, unless the new sizes read the proof the same way", () => {
    const wrong: string[] = [];
    let [accepted, checked] = [0, 0];
    for (const n of sampled) {
      for (let m = 1; m < n; m++) {
        const proof = consistencyProof(TREES[n]!, m);
        const reading = consistencyReading(m, n);
        const changes = [
          ...[m - 1, m + 1, m ^ 1, m ^ 2, 2 * m, Math.floor(m / 2), n].map((o) => [o, n] as const),
          ...[n - 1, n + 1, n + 2, 2 * n, Math.floor(n / 2), m].map((s) => [m, s] as const),
        ].filter(([o, s]) => o !== m || s !== n);
        for (const [o, s] of changes) {
          const expected = o > 0 && o < s && consistencyReading(o, s) === reading;
          if (verifyConsistency(o, s, ROOT[m]!, ROOT[n]!, proof) !== expected)
            wrong.push(`${m} to ${n} as ${o} to ${s}`);
          checked++;
          if (expected) accepted++;
        }
      }
    }
    expect(wrong).toEqual([]);
    expect(accepted).toBeGreaterThan(0);
    expect(accepted).toBeLessThan(checked);
  });
});

describe("sizes past 2^32 (the verifiers shift by division, not with 32-bit operators)", () => {
  const hashes = range(60).map((i) => sha256(Buffer.from(`sibling ${i}`)));

  it("verifies a path in a perfect tree of 2^50 leaves, the sides given by the index's bits", () => {
    const size = 2 ** 50;
    for (const index of [0, 1, 2 ** 32, 2 ** 32 + 5, 2 ** 49 + 2 ** 33 + 1, size - 1]) {
      const proof = hashes.slice(0, 50);
      let root: Buffer = Buffer.from(LEAF[0]!, "hex");
      proof.forEach((p, level) => {
        const sibling = Buffer.from(p, "hex");
        root = Math.floor(index / 2 ** level) % 2 === 1 ? nodeHash(sibling, root) : nodeHash(root, sibling);
      });
      const rootHex = root.toString("hex");
      expect(verifyInclusion(LEAF[0]!, index, size, proof, rootHex), `index ${index}`).toBe(true);
      const neighbour = index % 2 === 0 ? index + 1 : index - 1;
      expect(verifyInclusion(LEAF[0]!, neighbour, size, proof, rootHex)).toBe(false);
      expect(verifyInclusion(LEAF[0]!, index, size, proof.slice(1), rootHex)).toBe(false);
    }
  });

  it("verifies the last leaf of 2^50 + 1 and the step from 2^40 to 2^40 + 1", () => {
    const [left, leaf] = [hashes[0]!, LEAF[1]!];
    const root = nodeHash(Buffer.from(left, "hex"), Buffer.from(leaf, "hex")).toString("hex");
    expect(verifyInclusion(leaf, 2 ** 50, 2 ** 50 + 1, [left], root)).toBe(true);
    expect(verifyInclusion(leaf, 2 ** 50 - 1, 2 ** 50 + 1, [left], root)).toBe(false);
    expect(verifyConsistency(2 ** 40, 2 ** 40 + 1, left, root, [leaf])).toBe(true);
    expect(verifyConsistency(2 ** 40 - 1, 2 ** 40 + 1, left, root, [leaf])).toBe(false);
  });
});

describe("malformed input", () => {
  const proof = inclusionProof(TREES[10]!, 3);
  const cons = consistencyProof(TREES[10]!, 3);
  const badHashes: unknown[] = [
    "",
    LEAF[3]!.slice(1),
    `${LEAF[3]!}0`,
    LEAF[3]!.toUpperCase(),
    `${LEAF[3]!.slice(0, 63)}g`,
    ` ${LEAF[3]!.slice(1)}`,
    null,
    undefined,
    42,
    Buffer.from(LEAF[3]!, "hex"),
  ];
  const badNumbers: unknown[] = [-1, 1.5, Number.NaN, Infinity, -Infinity, 2 ** 53, "3", null, undefined, 3n];
  const badProofs: unknown[] = [
    null,
    undefined,
    "[]",
    proof.join(""),
    [...proof.slice(0, 2), proof[2]!.toUpperCase()],
    [...proof.slice(0, 2), 7],
    [...proof.slice(0, 2), null],
    [...proof.slice(0, 2), proof[2]!.slice(2)],
    { length: 3, 0: proof[0], 1: proof[1], 2: proof[2] },
    Array.from({ length: 10_000 }, () => SOME_HASH),
  ];
  type Loose = (...args: unknown[]) => boolean;
  const inclusion = verifyInclusion as unknown as Loose;
  const consistency = verifyConsistency as unknown as Loose;

  it("is false, never an exception, from verifyInclusion", () => {
    expect(verifyInclusion(LEAF[3]!, 3, 10, proof, ROOT[10]!)).toBe(true);
    for (const bad of badHashes) {
      expect(inclusion(bad, 3, 10, proof, ROOT[10])).toBe(false);
      expect(inclusion(LEAF[3], 3, 10, proof, bad)).toBe(false);
    }
    for (const bad of badNumbers) {
      expect(inclusion(LEAF[3], bad, 10, proof, ROOT[10])).toBe(false);
      expect(inclusion(LEAF[3], 3, bad, proof, ROOT[10])).toBe(false);
    }
    for (const bad of badProofs) expect(inclusion(LEAF[3], 3, 10, bad, ROOT[10])).toBe(false);
    expect(verifyInclusion(LEAF[0]!, 0, 0, [], EMPTY_ROOT)).toBe(false);
    expect(verifyInclusion(LEAF[0]!, 2 ** 53 - 2, 2 ** 53 - 1, hashes64(), ROOT[1]!)).toBe(false);
    expect(inclusion()).toBe(false);
  });

  it("is false, never an exception, from verifyConsistency", () => {
    expect(verifyConsistency(3, 10, ROOT[3]!, ROOT[10]!, cons)).toBe(true);
    for (const bad of badHashes) {
      expect(consistency(3, 10, bad, ROOT[10], cons)).toBe(false);
      expect(consistency(3, 10, ROOT[3], bad, cons)).toBe(false);
    }
    for (const bad of badNumbers) {
      expect(consistency(bad, 10, ROOT[3], ROOT[10], cons)).toBe(false);
      expect(consistency(3, bad, ROOT[3], ROOT[10], cons)).toBe(false);
    }
    for (const bad of badProofs) expect(consistency(3, 10, ROOT[3], ROOT[10], bad)).toBe(false);
    expect(verifyConsistency(10, 3, ROOT[10]!, ROOT[3]!, cons)).toBe(false);
    expect(verifyConsistency(3, 2 ** 53 - 1, ROOT[3]!, ROOT[10]!, hashes64())).toBe(false);
    expect(consistency()).toBe(false);
  });

  function hashes64(): string[] {
    return Array.from({ length: 64 }, (_, i) => sha256(Buffer.from([i])));
  }

  it("throws RangeError when a proof is asked with bad sizes or indexes", () => {
    const tree = TREES[10]!;
    for (const index of [-1, 10, 11, 1.5, Number.NaN, Infinity]) {
      expect(() => inclusionProof(tree, index), `index ${index}`).toThrow(RangeError);
    }
    for (const size of [0, 11, -1, 2.5, Number.NaN]) {
      expect(() => inclusionProof(tree, 0, size), `size ${size}`).toThrow(RangeError);
    }
    expect(() => inclusionProof(tree, 5, 5)).toThrow(RangeError);
    expect(() => inclusionProof(buildTree([]), 0)).toThrow(RangeError);
    for (const [o, s] of [
      [-1, 10],
      [11, 10],
      [5, 4],
      [1.5, 10],
      [3, 11],
      [Number.NaN, 10],
      [3, Number.NaN],
    ] as const) {
      expect(() => consistencyProof(tree, o, s), `${o} to ${s}`).toThrow(RangeError);
    }
    expect(() => consistencyProof(tree, 11)).toThrow(RangeError);
    expect(() => rootAt(tree, 11)).toThrow(RangeError);
    expect(() => rootAt(tree, -1)).toThrow(RangeError);
    expect(() => buildTree([leafHash(DATA[0]!), Buffer.alloc(31)])).toThrow(RangeError);
    expect(() => buildTree([Buffer.alloc(33)])).toThrow(RangeError);
  });
});

describe("leafData", () => {
  const head = "ab".repeat(32);

  /** An outside verifier's decoder, written from the layout in the module comment alone. */
  function decode(b: Buffer): CaseLeafParts {
    const l = b[0]!;
    expect(b.length).toBe(l + 41);
    return {
      trackingNumber: b.subarray(1, 1 + l).toString("ascii"),
      eventCount: Number(b.readBigUInt64BE(1 + l)),
      headHash: b.subarray(9 + l).toString("hex"),
    };
  }

  it("lays out length, tracking number, count (u64 big-endian) and head hash bytes", () => {
    const b = leafData({ trackingNumber: "XF2026000123", eventCount: 5, headHash: head });
    expect(b.toString("hex")).toBe(`0c${Buffer.from("XF2026000123").toString("hex")}0000000000000005${head}`);
    expect(leafHash(b).toString("hex")).toBe(sha256(Uint8Array.of(0), b));
    const big = leafData({ trackingNumber: "A", eventCount: Number.MAX_SAFE_INTEGER, headHash: "0".repeat(64) });
    expect(big.toString("hex")).toBe(`0141001fffffffffffff${"0".repeat(64)}`);
  });

  it("gives distinct inputs distinct bytes, and decodes back to what went in", () => {
    const numbers = ["XF2026000123", "XF202600012", "XF20260001230", "XFD2026000123", "XF2026000124", "A", "AB"];
    const counts = [0, 1, 2, 255, 256, 2 ** 32 - 1, 2 ** 32, Number.MAX_SAFE_INTEGER];
    const heads = [head, "0".repeat(64), flip(head, 63), "3".repeat(64)];
    const seen = new Set<string>();
    let made = 0;
    for (const trackingNumber of numbers) {
      for (const eventCount of counts) {
        for (const headHash of heads) {
          const parts = { trackingNumber, eventCount, headHash };
          const b = leafData(parts);
          expect(decode(b)).toEqual(parts);
          seen.add(b.toString("hex"));
          made++;
        }
      }
    }
    expect(seen.size).toBe(made);
    expect(leafData({ trackingNumber: "X".repeat(255), eventCount: 0, headHash: head })).toHaveLength(296);
  });

  it("throws RangeError on a bad tracking number, count or head hash", () => {
    const good: CaseLeafParts = { trackingNumber: "XF2026000123", eventCount: 3, headHash: head };
    const bad: Partial<Record<keyof CaseLeafParts, unknown>>[] = [
      { trackingNumber: "" },
      { trackingNumber: "X".repeat(256) },
      { trackingNumber: "XF 2026000123" },
      { trackingNumber: "XF2026000123\n" },
      { trackingNumber: "XF２０２６" },
      { trackingNumber: "信访2026" },
      { trackingNumber: 2026000123 },
      { eventCount: -1 },
      { eventCount: 1.5 },
      { eventCount: Number.NaN },
      { eventCount: 2 ** 53 },
      { eventCount: "3" },
      { headHash: head.toUpperCase() },
      { headHash: head.slice(2) },
      { headHash: `${head}00` },
      { headHash: `${head.slice(0, 63)}z` },
      { headHash: null },
    ];
    for (const change of bad) {
      expect(() => leafData({ ...good, ...change } as CaseLeafParts), JSON.stringify(change)).toThrow(RangeError);
    }
  });
});

describe("extendTree", () => {
  it("gives the tree buildTree gives over all the leaves, for every split of 0 to 40 leaves", () => {
    const hashes = Array.from({ length: 40 }, (_, i) => leafHash(Buffer.from([i, i >> 8])));
    for (let n = 0; n <= 40; n++)
      for (let k = 0; k <= n; k++) {
        const extended = extendTree(buildTree(hashes.slice(0, k)), hashes.slice(k, n));
        const whole = buildTree(hashes.slice(0, n));
        expect(extended.root, `${k} + ${n - k}`).toBe(whole.root);
        expect(extended.size).toBe(n);
        if (n > 0) expect(inclusionProof(extended, n - 1)).toEqual(inclusionProof(whole, n - 1));
      }
  });
  it("refuses a leaf hash that is not 32 bytes", () => {
    expect(() => extendTree(buildTree([]), [Buffer.alloc(31)])).toThrow(RangeError);
  });
});
