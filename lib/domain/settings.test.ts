import { describe, expect, it } from "vitest";
import { DEFAULT_SETTINGS, isSettingKey, isValidSetting, readSettings, settingText } from "./settings";

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

describe("setting values as typed", () => {
  it("accepts whole numbers within bounds only, with surrounding spaces", () => {
    expect(isValidSetting("supervisionAnswerDays", " 7 ")).toBe(true);
    expect(isValidSetting("supervisionAnswerDays", "1")).toBe(true);
    expect(isValidSetting("supervisionAnswerDays", "30")).toBe(true);
    for (const bad of ["0", "31", "-1", "1e1", "0x10", "", " ", "７"]) {
      expect(isValidSetting("supervisionAnswerDays", bad), bad).toBe(false);
    }
  });

  it("accepts only true or false for a switch", () => {
    expect(isValidSetting("autoUrgeOnHandleLapse", "true")).toBe(true);
    expect(isValidSetting("autoUrgeOnHandleLapse", "false")).toBe(true);
    expect(isValidSetting("autoUrgeOnHandleLapse", "on")).toBe(false);
  });

  it("knows its keys", () => {
    expect(isSettingKey("evaluationWindowDays")).toBe(true);
    expect(isSettingKey("toString")).toBe(false);
    expect(settingText(30)).toBe("30");
    expect(settingText(false)).toBe("false");
  });
});
