// The outside verifier (issue 11, `npm run verify -- --site URL`): checks the portal's audit log from its public
// site alone — no database, no account — as a citizen, a journalist, an auditor or a mirror would, and remembers what
// it saw (a monitor's state file) so that the next run notices any history that shrank or changed. It checks:
//
// 1. the checkpoints (checkpoints.json): each one's statement, hash, signature (Ed25519, the published key — pinned on
//    the first run), number and link to the one before; every checkpoint seen before is still there, unchanged;
// 2. the log (log/leaves.json): the Merkle root of its first treeSize leaves (RFC 9162) equals what each checkpoint
//    signed, and consecutive checkpoints have valid consistency proofs (checkpoints/consistency.json);
// 3. each case of the log (chains/<number>.json): it is still published; its chain links from the first event to the
//    head (seq, prevHash); every state the log recorded for it — and every event hash a previous run saw — is a
//    prefix of it, unchanged; its last leaf is in the latest checkpoint (the inclusion proof).
//
// It reports what it checked and the first failure exactly (case, seq, what differs). Pure but for the `get` it is
// given (the command line's fetch; the tests call the site's own route handlers).
import { createHash, createPublicKey, type KeyObject } from "node:crypto";
import { checkCheckpoint, type SignedCheckpoint } from "@/lib/domain/checkpoint";
import { CHAIN_V2, GENESIS_HASH, digestOf, type PublicEventPart } from "@/lib/domain/chain";
import { buildTree, leafData, leafHash, rootAt, verifyConsistency, verifyInclusion } from "@/lib/domain/merkle";

export type Get = (path: string) => Promise<{ status: number; json: () => Promise<unknown> }>;

/** What a monitor keeps between runs. */
export type MonitorState = {
  keyId: string | null;
  checkpoints: { seq: number; hash: string }[];
  /** Per case, the event hashes seen, in seq order. */
  cases: Record<string, string[]>;
};

export const EMPTY_STATE: MonitorState = { keyId: null, checkpoints: [], cases: {} };

export type Failure = { what: string; trackingNo?: string; seq?: number; expected?: string; found?: string };

export type VerifyReport = {
  ok: boolean;
  checked: { checkpoints: number; leaves: number; cases: number; events: number };
  failure: Failure | null;
  state: MonitorState;
};

type CheckpointJson = {
  seq: number;
  created_at: string;
  tree_size: number;
  root_hash: string;
  prev_hash: string;
  hash: string;
  key_id: string;
  signature: string;
};
type LeafJson = { index: number; tracking_no: string; event_count: number; head_hash: string };
type ChainJson = {
  tracking_no: string;
  event_count: number;
  head_hash: string;
  events: {
    seq: number;
    occurred_at: string;
    public: boolean;
    chain_version: number;
    type: string | null;
    from_state?: string | null;
    to_state?: string | null;
    note?: string | null;
    private_digest?: string;
    digest?: string;
    prev_hash: string;
    hash: string;
  }[];
  log: {
    checkpoint: { seq: number; tree_size: number; root_hash: string };
    leaves: { index: number; event_count: number; head_hash: string }[];
    inclusion_proof: string[];
  } | null;
};

class Failed extends Error {
  constructor(readonly failure: Failure) {
    super(failure.what);
  }
}
const fail = (f: Failure): never => {
  throw new Failed(f);
};

async function getJson<T>(get: Get, path: string): Promise<T | null> {
  const r = await get(path);
  if (r.status === 404) return null;
  if (r.status !== 200) fail({ what: `${path} answered ${r.status}` });
  return (await r.json()) as T;
}

const signedOf = (c: CheckpointJson): SignedCheckpoint => ({
  seq: c.seq,
  createdAt: new Date(c.created_at),
  treeSize: c.tree_size,
  rootHash: c.root_hash,
  prevHash: c.prev_hash,
  hash: c.hash,
  keyId: c.key_id,
  signature: c.signature,
});

const LEAF_PAGE = 10_000;

/** Verifies the site; `only` limits the case checks to some tracking numbers (the log is checked whole). */
export async function verifySite(
  get: Get,
  previous: MonitorState,
  only: readonly string[] | null = null,
): Promise<VerifyReport> {
  const checked = { checkpoints: 0, leaves: 0, cases: 0, events: 0 };
  const state: MonitorState = {
    keyId: previous.keyId,
    checkpoints: [...previous.checkpoints],
    cases: { ...previous.cases },
  };
  try {
    // 1. The checkpoints.
    const list = (await getJson<{ public_key: string; key_id: string; checkpoints: CheckpointJson[] }>(
      get,
      "/api/open/checkpoints.json",
    ))!;
    let key: KeyObject;
    try {
      key = createPublicKey(list.public_key);
    } catch {
      return fail({ what: "the published public key cannot be read" });
    }
    if (state.keyId !== null && state.keyId !== list.key_id)
      fail({ what: "the signing key changed since the last run", expected: state.keyId, found: list.key_id });
    state.keyId = list.key_id;
    const checkpoints = list.checkpoints.map(signedOf);
    if (checkpoints.length === 0) fail({ what: "the site has published no checkpoint" });
    checkpoints.forEach((c, i) => {
      const problem = checkCheckpoint(c, key, checkpoints[i - 1] ?? null);
      if (problem) fail({ what: `checkpoint #${c.seq}: bad ${problem}` });
      checked.checkpoints++;
    });
    for (const seen of previous.checkpoints) {
      const now = checkpoints.find((c) => c.seq === seen.seq);
      if (!now) fail({ what: `checkpoint #${seen.seq}, seen before, is gone`, expected: seen.hash });
      if (now!.hash !== seen.hash)
        fail({ what: `checkpoint #${seen.seq} was rewritten`, expected: seen.hash, found: now!.hash });
    }
    state.checkpoints = checkpoints.map((c) => ({ seq: c.seq, hash: c.hash }));
    const latest = checkpoints.at(-1)!;

    // 2. The log: its leaves give every signed root; consecutive checkpoints are consistent.
    const leaves: LeafJson[] = [];
    while (leaves.length < latest.treeSize) {
      const page = (await getJson<{ leaves: LeafJson[] }>(
        get,
        `/api/open/log/leaves.json?from=${leaves.length}&count=${LEAF_PAGE}`,
      ))!;
      if (page.leaves.length === 0)
        fail({ what: `the log ends at ${leaves.length} leaves; checkpoint #${latest.seq} signed ${latest.treeSize}` });
      for (const l of page.leaves) {
        if (l.index !== leaves.length) fail({ what: `the log's leaf ${leaves.length} is missing` });
        leaves.push(l);
      }
    }
    leaves.length = latest.treeSize;
    const hashOf = (l: { tracking_no: string; event_count: number; head_hash: string }) => {
      try {
        return leafHash(leafData({ trackingNumber: l.tracking_no, eventCount: l.event_count, headHash: l.head_hash }));
      } catch {
        return fail({ what: `a leaf of ${l.tracking_no} cannot be read` });
      }
    };
    const tree = buildTree(leaves.map(hashOf));
    checked.leaves = leaves.length;
    for (const c of checkpoints) {
      if (rootAt(tree, c.treeSize) !== c.rootHash)
        fail({
          what: `checkpoint #${c.seq}: the log's first ${c.treeSize} leaves give another root`,
          expected: c.rootHash,
          found: rootAt(tree, c.treeSize),
        });
    }
    for (let i = 1; i < checkpoints.length; i++) {
      const [a, b] = [checkpoints[i - 1]!, checkpoints[i]!];
      const proof = (await getJson<{ proof: string[] }>(
        get,
        `/api/open/checkpoints/consistency.json?from=${a.seq}&to=${b.seq}`,
      ))!;
      if (!verifyConsistency(a.treeSize, b.treeSize, a.rootHash, b.rootHash, proof.proof))
        fail({ what: `checkpoint #${b.seq} is not consistent with #${a.seq}` });
    }

    // 3. The cases.
    const byCase = new Map<string, LeafJson[]>();
    for (const l of leaves) byCase.set(l.tracking_no, [...(byCase.get(l.tracking_no) ?? []), l]);
    const numbers = only ?? [...byCase.keys()].sort();
    for (const trackingNo of numbers) {
      const logged = byCase.get(trackingNo) ?? [];
      const chain = await getJson<ChainJson>(get, `/api/open/chains/${trackingNo}.json`);
      if (!chain) fail({ what: "the case is gone from the site", trackingNo });
      checkChain(trackingNo, chain!);
      const hashes = chain!.events.map((e) => e.hash);
      // Every event hash a previous run saw, then every state the log holds, is a prefix of the chain, unchanged
      // (the monitor's own record names the first changed seq exactly; the log's, the state it signed).
      const seen = previous.cases[trackingNo] ?? [];
      for (let i = 0; i < seen.length; i++) {
        if (hashes[i] !== seen[i])
          fail({
            what: hashes[i] === undefined ? "an event seen before is gone" : "an event changed since the last run",
            trackingNo,
            seq: i + 1,
            expected: seen[i],
            found: hashes[i],
          });
      }
      for (const l of logged) {
        if (l.event_count > hashes.length)
          fail({
            what: "the chain is shorter than the log says",
            trackingNo,
            seq: hashes.length + 1,
            expected: `${l.event_count} events`,
          });
        if (hashes[l.event_count - 1] !== l.head_hash)
          fail({
            what: "the chain differs from the state a checkpoint signed",
            trackingNo,
            seq: l.event_count,
            expected: l.head_hash,
            found: hashes[l.event_count - 1],
          });
      }
      // The last leaf is in the latest checkpoint.
      const last = logged.at(-1);
      if (last) {
        const log = chain!.log;
        if (!log || log.checkpoint.seq !== latest.seq)
          fail({ what: "the chain comes without a proof against the latest checkpoint", trackingNo });
        const proven = log!.leaves.at(-1);
        if (!proven || proven.index !== last.index) fail({ what: "the chain's proof is for another leaf", trackingNo });
        if (
          !verifyInclusion(
            hashOf(last).toString("hex"),
            last.index,
            latest.treeSize,
            log!.inclusion_proof,
            latest.rootHash,
          )
        )
          fail({ what: "the inclusion proof does not verify", trackingNo });
      } else if (only) {
        fail({ what: "the case is not in the log yet (too new for a checkpoint)", trackingNo });
      }
      state.cases[trackingNo] = hashes;
      checked.cases++;
      checked.events += hashes.length;
    }
    // A case the monitor saw before that the log no longer mentions: its history vanished from the log.
    for (const trackingNo of Object.keys(previous.cases)) {
      if (!byCase.has(trackingNo) && (only === null || only.includes(trackingNo)))
        fail({ what: "a case seen before is gone from the log", trackingNo });
    }
    return { ok: true, checked, failure: null, state };
  } catch (err) {
    if (err instanceof Failed) return { ok: false, checked, failure: err.failure, state: previous };
    throw err;
  }
}

/**
 * The chain's own links — seq 1..n, each prevHash the hash before (genesis first), the head the last hash — and for
 * chain v2 each event's digest from its public part and private digest, and its hash from the digest: a public
 * event's type, states or note changed show here, even with the chain left as it was.
 */
function checkChain(trackingNo: string, chain: ChainJson) {
  let prev = GENESIS_HASH;
  chain.events.forEach((e, i) => {
    if (e.seq !== i + 1)
      fail({ what: "an event is missing or out of order", trackingNo, seq: i + 1, found: `seq ${e.seq}` });
    if (e.prev_hash !== prev)
      fail({
        what: "an event does not link to the one before",
        trackingNo,
        seq: e.seq,
        expected: prev,
        found: e.prev_hash,
      });
    if (e.chain_version === CHAIN_V2) {
      const occurredAt = new Date(e.occurred_at);
      const part: PublicEventPart = e.public
        ? {
            seq: e.seq,
            occurredAt,
            public: true,
            type: e.type ?? "",
            fromState: e.from_state ?? null,
            toState: e.to_state ?? null,
            note: e.note ?? null,
          }
        : { seq: e.seq, occurredAt, public: false };
      const digest = digestOf(part, e.private_digest ?? "");
      if (digest !== e.digest)
        fail({
          what: "an event's public fields do not give its digest",
          trackingNo,
          seq: e.seq,
          expected: e.digest,
          found: digest,
        });
      const hash = createHash("sha256").update(prev).update(digest).digest("hex");
      if (hash !== e.hash)
        fail({
          what: "an event's digest does not give its hash",
          trackingNo,
          seq: e.seq,
          expected: e.hash,
          found: hash,
        });
    } else if (e.chain_version !== 1) {
      fail({ what: `an event has an unknown chain version ${e.chain_version}`, trackingNo, seq: e.seq });
    }
    prev = e.hash;
  });
  if (chain.event_count !== chain.events.length || chain.head_hash !== prev)
    fail({ what: "the chain's head is not its last event", trackingNo, expected: chain.head_hash, found: prev });
}

/** The report as the command line prints it. */
export function reportText(r: VerifyReport): string {
  const c = r.checked;
  const what = `${c.checkpoints} checkpoints (signatures, links, consistency), ${c.leaves} log leaves, ${c.cases} cases (${c.events} events: links, history, inclusion proofs)`;
  if (r.ok) return `OK: checked ${what}.`;
  const f = r.failure!;
  const where = [f.trackingNo && `case ${f.trackingNo}`, f.seq !== undefined && `seq ${f.seq}`]
    .filter(Boolean)
    .join(", ");
  const diff = [f.expected && `expected ${f.expected}`, f.found && `found ${f.found}`].filter(Boolean).join("; ");
  return `FAILED: ${where ? `${where}: ` : ""}${f.what}${diff ? ` (${diff})` : ""}.\nChecked before the failure: ${what}.`;
}
