import { readFileSync } from "node:fs";
import path from "node:path";

// APP_SECRET keys the query-code hashes and signs cookies. `npm start` generates one into data/ on first
// start when the environment gives none; production sets it in the environment.
let cached: string | null = null;

export function appSecret(): string {
  if (cached) return cached;
  let secret = process.env.APP_SECRET;
  if (!secret) {
    try {
      secret = readFileSync(path.join(process.cwd(), "data", "app-secret"), "utf8").trim();
    } catch {
      secret = undefined;
    }
  }
  if (!secret || secret.length < 16) throw new Error("APP_SECRET is not set (at least 16 characters)");
  cached = secret;
  return secret;
}
