import { describe, expect, it } from "vitest";
import { DEFAULT_SETTINGS, isValidSetting, readSettings } from "./settings";

describe("settings", () => {
  it("defaults when nothing is stored", () => {
    expect(readSettings([])).toEqual(DEFAULT_SETTINGS);
    expect(DEFAULT_SETTINGS.evaluationWindowDays).toBe(30);
    expect(DEFAULT_SETTINGS.autoUrgeOnHandleLapse).toBe(true);
  });

  it("takes valid stored values and types them", () => {
    const s = readSettings([
      { key: "evaluationWindowDays", value: "45" },
      { key: "autoUrgeOnHandleLapse", value: "false" },
    ]);
    expect(s.evaluationWindowDays).toBe(45);
    expect(s.autoUrgeOnHandleLapse).toBe(false);
  });

  it("ignores values out of bounds, junk and unknown keys", () => {
    const s = readSettings([
      { key: "evaluationWindowDays", value: "0" },
      { key: "supervisionAnswerDays", value: "seven" },
      { key: "autoUrgeOnHandleLapse", value: "yes" },
      { key: "__proto__", value: "1" },
      { key: "nope", value: "1" },
    ]);
    expect(s).toEqual(DEFAULT_SETTINGS);
  });

  it("validates what an admin types", () => {
    expect(isValidSetting("evaluationWindowDays", "30")).toBe(true);
    expect(isValidSetting("evaluationWindowDays", "91")).toBe(false);
    expect(isValidSetting("jobIntervalMinutes", "2.5")).toBe(false);
  });
});
