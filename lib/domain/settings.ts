// The settings an admin may change, each with its default and bounds. Stored as text in the Setting table
// (lib/data/settings.ts reads them); a stored value outside its bounds is ignored and the default applies, so a
// bad row can never stop the deadline job or a petitioner's evaluation.
import { z } from "zod";

const wholeNumber = (min: number, max: number) => ({
  input: { kind: "number", min, max } as const,
  schema: z
    .string()
    .trim()
    .regex(/^\d{1,4}$/)
    .transform(Number)
    .pipe(z.number().int().min(min).max(max)),
});
const onOff = {
  input: { kind: "boolean" } as const,
  schema: z.enum(["true", "false"]).transform((v) => v === "true"),
};

export const SETTINGS = {
  /** 评价期: days after an answer in which the petitioner may evaluate it. */
  evaluationWindowDays: { ...wholeNumber(7, 90), default: 30 },
  /** Whether the deadline job opens a 催办 order when a handling deadline passes. */
  autoUrgeOnHandleLapse: { ...onOff, default: true },
  /** Days a unit has to answer a supervision order in writing (calendar days, rolled to a working day). */
  supervisionAnswerDays: { ...wholeNumber(1, 30), default: 7 },
  /** Minutes between two passes of the deadline job in a running server. */
  jobIntervalMinutes: { ...wholeNumber(1, 60), default: 5 },
  /** Minutes between two signed checkpoints of the audit log (issue 11), when something changed. */
  checkpointIntervalMinutes: { ...wholeNumber(5, 1440), default: 60 },
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

export function isSettingKey(value: unknown): value is SettingKey {
  return typeof value === "string" && Object.hasOwn(SETTINGS, value);
}

/** A setting's value as stored text (what the admin's form shows and posts). */
export function settingText(value: number | boolean): string {
  return String(value);
}

/** Whether a value typed by an admin is acceptable for a setting. */
export function isValidSetting(key: SettingKey, value: string): boolean {
  return SETTINGS[key].schema.safeParse(value).success;
}
