import "server-only";
import { db, type Db, type Tx } from "@/lib/db";
import type { StaffViewer } from "@/lib/domain/authority";
import {
  DEFAULT_SETTINGS,
  isValidSetting,
  readSettings,
  SETTING_KEYS,
  SETTINGS,
  settingText,
  type SettingKey,
  type Settings,
} from "@/lib/domain/settings";
import { FieldsRefusedError, ForbiddenError } from "./errors";

/** The current settings (a handful of rows): stored values where valid, defaults otherwise. */
export async function loadSettings(client: Db | Tx): Promise<Settings> {
  return readSettings(await client.setting.findMany({ select: { key: true, value: true } }));
}

export type SettingRow = {
  key: SettingKey;
  input: (typeof SETTINGS)[SettingKey]["input"];
  /** The value in force, as text. */
  value: string;
  defaultValue: string;
  changedAt: Date | null;
};

/** The settings as the admin page lists them. Admins only: the function checks the viewer itself. */
export async function findSettingsForAdmin(viewer: StaffViewer): Promise<SettingRow[]> {
  if (viewer.role !== "admin") throw new ForbiddenError();
  const rows = await db.setting.findMany({ select: { key: true, value: true, updatedAt: true } });
  const current = readSettings(rows);
  return SETTING_KEYS.map((key) => ({
    key,
    input: SETTINGS[key].input,
    value: settingText(current[key]),
    defaultValue: settingText(DEFAULT_SETTINGS[key]),
    changedAt: rows.find((r) => r.key === key)?.updatedAt ?? null,
  }));
}

/** An admin changes one setting; a value outside its bounds is refused and nothing is written. */
export async function updateSetting(viewer: StaffViewer, key: SettingKey, value: string): Promise<void> {
  if (viewer.role !== "admin") throw new ForbiddenError();
  if (!isValidSetting(key, value)) throw new FieldsRefusedError({ value: `settings.invalid.${key}` });
  const text = value.trim();
  await db.setting.upsert({ where: { key }, create: { key, value: text }, update: { value: text } });
}
