// 系统设置 on the real database: only an admin changes a setting, a value outside its bounds is refused and
// nothing is written, and what the deadline job and new answers read (loadSettings) follows the change.
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { findSettingsForAdmin, loadSettings, updateSetting } from "@/lib/data/settings";
import { FieldsRefusedError, ForbiddenError } from "@/lib/data/errors";
import { DEFAULT_SETTINGS } from "@/lib/domain/settings";
import type { StaffViewer } from "@/lib/domain/authority";
import { makeReferenceData, staff } from "./factories";

let admin: StaffViewer;
let handler: StaffViewer;
let supervisor: StaffViewer;
beforeAll(async () => {
  const ref = await makeReferenceData();
  admin = await staff("admin", ref.bureau);
  handler = await staff("handler", ref.bureau);
  supervisor = await staff("supervisor", ref.gov);
});
// Settings are global: leave the database as other test files expect it (defaults).
afterEach(async () => {
  await db.setting.deleteMany({});
});

describe("settings", () => {
  it("are the defaults until an admin changes one", async () => {
    expect(await loadSettings(db)).toEqual(DEFAULT_SETTINGS);
    const rows = await findSettingsForAdmin(admin);
    expect(rows.map((r) => [r.key, r.value, r.changedAt])).toEqual([
      ["evaluationWindowDays", "30", null],
      ["autoUrgeOnHandleLapse", "true", null],
      ["supervisionAnswerDays", "7", null],
      ["jobIntervalMinutes", "5", null],
      ["checkpointIntervalMinutes", "60", null],
    ]);
  });

  it("take an admin's valid change at once, and a second change replaces the first", async () => {
    await updateSetting(admin, "evaluationWindowDays", " 45 ");
    await updateSetting(admin, "autoUrgeOnHandleLapse", "false");
    expect(await loadSettings(db)).toMatchObject({ evaluationWindowDays: 45, autoUrgeOnHandleLapse: false });
    await updateSetting(admin, "evaluationWindowDays", "60");
    expect((await loadSettings(db)).evaluationWindowDays).toBe(60);
    expect(await db.setting.count()).toBe(2);
    const row = (await findSettingsForAdmin(admin)).find((r) => r.key === "evaluationWindowDays");
    expect(row?.value).toBe("60");
    expect(row?.changedAt).toBeInstanceOf(Date);
  });

  it("refuse a value outside its bounds with the field's message, writing nothing", async () => {
    for (const bad of ["6", "91", "30.5", "thirty", ""]) {
      const e = await updateSetting(admin, "evaluationWindowDays", bad).catch((x: unknown) => x);
      expect(e, bad).toBeInstanceOf(FieldsRefusedError);
      expect((e as FieldsRefusedError).fields).toEqual({ value: "settings.invalid.evaluationWindowDays" });
    }
    await expect(updateSetting(admin, "autoUrgeOnHandleLapse", "maybe")).rejects.toBeInstanceOf(FieldsRefusedError);
    expect(await db.setting.count()).toBe(0);
  });

  it("are changed and listed by admins only", async () => {
    for (const v of [handler, supervisor]) {
      await expect(updateSetting(v, "supervisionAnswerDays", "3")).rejects.toBeInstanceOf(ForbiddenError);
      await expect(findSettingsForAdmin(v)).rejects.toBeInstanceOf(ForbiddenError);
    }
    expect(await db.setting.count()).toBe(0);
  });

  it("ignore a stored row that is out of bounds (written by hand): the default applies", async () => {
    await db.setting.create({ data: { key: "supervisionAnswerDays", value: "999" } });
    expect((await loadSettings(db)).supervisionAnswerDays).toBe(7);
  });
});
