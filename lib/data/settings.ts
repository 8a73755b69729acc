import "server-only";
import { readSettings, type Settings } from "@/lib/domain/settings";
import type { Db, Tx } from "@/lib/db";

/** The current settings (a handful of rows): stored values where valid, defaults otherwise. */
export async function loadSettings(client: Db | Tx): Promise<Settings> {
  return readSettings(await client.setting.findMany({ select: { key: true, value: true } }));
}
