import { generateKeyPairSync } from "node:crypto";
import { describe, expect, it } from "vitest";
import { CHECKPOINT_GENESIS, checkCheckpoint, keyIdOf, sha256Hex, signCheckpoint, statementOf } from "./checkpoint";

const { privateKey, publicKey } = generateKeyPairSync("ed25519");
const other = generateKeyPairSync("ed25519");
const at = new Date("2026-12-04T02:00:00.000Z");
const first = signCheckpoint(
  { seq: 1, createdAt: at, treeSize: 3, rootHash: "a".repeat(64), prevHash: CHECKPOINT_GENESIS },
  privateKey,
);
const second = signCheckpoint(
  { seq: 2, createdAt: new Date(at.getTime() + 3600_000), treeSize: 5, rootHash: "b".repeat(64), prevHash: first.hash },
  privateKey,
);

describe("the checkpoint statement", () => {
  it("is the documented lines, exactly", () => {
    expect(statementOf(first)).toBe(
      `sunshine-petitions checkpoint v1\n1\n2026-12-04T02:00:00.000Z\n3\n${"a".repeat(64)}\n${CHECKPOINT_GENESIS}\n`,
    );
    expect(first.hash).toBe(sha256Hex(statementOf(first)));
    expect(first.keyId).toBe(keyIdOf(publicKey));
  });
  it("refuses what cannot be a checkpoint", () => {
    const ok = { seq: 1, createdAt: at, treeSize: 0, rootHash: "a".repeat(64), prevHash: CHECKPOINT_GENESIS };
    expect(() => statementOf({ ...ok, seq: 0 })).toThrow(RangeError);
    expect(() => statementOf({ ...ok, treeSize: -1 })).toThrow(RangeError);
    expect(() => statementOf({ ...ok, treeSize: 1.5 })).toThrow(RangeError);
    expect(() => statementOf({ ...ok, rootHash: "A".repeat(64) })).toThrow(RangeError);
    expect(() => statementOf({ ...ok, prevHash: "0".repeat(63) })).toThrow(RangeError);
  });
});

describe("checkCheckpoint", () => {
  it("accepts the signed, linked list", () => {
    expect(checkCheckpoint(first, publicKey, null)).toBeNull();
    expect(checkCheckpoint(second, publicKey, first)).toBeNull();
  });
  it("names what is wrong: a changed field, a forged hash, another key, a bad signature, a broken link or number", () => {
    expect(checkCheckpoint({ ...second, rootHash: "c".repeat(64) }, publicKey, first)).toBe("hash");
    expect(checkCheckpoint({ ...second, treeSize: 6 }, publicKey, first)).toBe("hash");
    expect(checkCheckpoint({ ...second, rootHash: "bad" }, publicKey, first)).toBe("statement");
    expect(checkCheckpoint(second, other.publicKey, first)).toBe("key");
    const resignedByOther = signCheckpoint(second, other.privateKey);
    expect(checkCheckpoint({ ...resignedByOther, keyId: second.keyId }, publicKey, first)).toBe("signature");
    expect(checkCheckpoint({ ...second, signature: "not base64 at all" }, publicKey, first)).toBe("signature");
    expect(checkCheckpoint(second, publicKey, null)).toBe("prevHash");
    const skipped = signCheckpoint({ ...second, seq: 3 }, privateKey);
    expect(checkCheckpoint(skipped, publicKey, first)).toBe("seq");
    const shrunk = signCheckpoint({ ...second, treeSize: 2 }, privateKey);
    expect(checkCheckpoint(shrunk, publicKey, first)).toBe("seq");
  });
});
