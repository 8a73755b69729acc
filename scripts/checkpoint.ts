// `npm run checkpoint`: signs a checkpoint of the audit log now (issue 11, docs/verify.md) — appends a leaf for every
// case whose chain grew since the last one and signs the root of the log's Merkle tree. A running server does the
// same on its own every `checkpointIntervalMinutes`. Prints the checkpoint; writes nothing when nothing changed.
//
//   npm run checkpoint                 # data/sunshine.db, the key in data/checkpoint-key.pem
//   DATABASE_URL=file:./data/other.db npm run checkpoint
//
// Run with --conditions=react-server (package.json does) so that lib/data's "server-only" resolves.
async function main() {
  process.env.DATABASE_URL ||= "file:./data/sunshine.db";
  const { buildCheckpoint } = await import("../lib/data/checkpoints");
  const started = performance.now();
  const { checkpoint, added } = await buildCheckpoint();
  const seconds = ((performance.now() - started) / 1000).toFixed(2);
  console.log(
    added > 0
      ? `checkpoint #${checkpoint.seq}: ${checkpoint.treeSize} leaves (+${added}), root ${checkpoint.rootHash}, ${seconds} s`
      : `nothing changed since checkpoint #${checkpoint.seq} (${checkpoint.treeSize} leaves, root ${checkpoint.rootHash})`,
  );
  // Tell the running servers (REVALIDATE_ORIGINS) nothing: the checkpoint endpoints are never cached.
  process.exit(0);
}
main().catch((err) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
