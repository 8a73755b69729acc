import { checkpointJson, checkpointPublicKey, listCheckpoints } from "@/lib/data/checkpoints";
import { openJsonFresh } from "@/lib/http/open-data";

// Open data: every signed checkpoint of the log, oldest first, with the public key that signs them (issue 11,
// docs/verify.md). Mirror this list: whoever keeps it holds proof of what the portal said and when.
export const dynamic = "force-dynamic";

export async function GET() {
  const [checkpoints, key] = await Promise.all([listCheckpoints(), Promise.resolve(checkpointPublicKey())]);
  return openJsonFresh({
    format: "sunshine-petitions checkpoint v1",
    algorithm: "Ed25519",
    public_key: key.pem,
    key_id: key.keyId,
    checkpoints: checkpoints.map(checkpointJson),
  });
}
