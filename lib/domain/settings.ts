// The settings an admin may change, each with its default and bounds. Stored as text in the Setting table
// (lib/data/settings.ts reads them); a stored value outside its bounds is ignored and the default applies, so a
// bad row can never stop the deadline job or a petitioner's evaluation.
import { z } from "zod";

export const SETTINGS = {
  /** 评价期: days after an answer in which the petitioner may evaluate it. */
  evaluationWindowDays: { schema: z.coerce.number().int().min(7).max(90), default: 30 },
  /** Whether the deadline job opens a 催办 order when a handling deadline passes. */
  autoUrgeOnHandleLapse: { schema: z.enum(["true", "false"]).transform((v) => v === "true"), default: true },
  /** Days a unit has to answer a supervision order in writing (calendar days, rolled to a working day). */
  supervisionAnswerDays: { schema: z.coerce.number().int().min(1).max(30), default: 7 },
  /** Minutes between two passes of the deadline job in a running server. */
  jobIntervalMinutes: { schema: z.coerce.number().int().min(1).max(60), default: 5 },
} as const;

export type SettingKey = keyof typeof SETTINGS;
export type Settings = { [K in SettingKey]: (typeof SETTINGS)[K]["default"] };
export const SETTING_KEYS = Object.keys(SETTINGS) as SettingKey[];

export const DEFAULT_SETTINGS: Settings = Object.fromEntries(
  SETTING_KEYS.map((k) => [k, SETTINGS[k].default]),
) as Settings;

/** The settings from stored rows: each valid stored value, else its default. */
export function readSettings(rows: readonly { key: string; value: string }[]): Settings {
  const out: Record<string, unknown> = { ...DEFAULT_SETTINGS };
  for (const row of rows) {
    if (!Object.hasOwn(SETTINGS, row.key)) continue;
    const parsed = SETTINGS[row.key as SettingKey].schema.safeParse(row.value);
    if (parsed.success) out[row.key] = parsed.data;
  }
  return out as Settings;
}

/** Whether a value typed by an admin is acceptable for a setting. */
export function isValidSetting(key: SettingKey, value: string): boolean {
  return SETTINGS[key].schema.safeParse(value).success;
}
