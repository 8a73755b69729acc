import { describe, expect, it } from "vitest";
import { ZSubmitPetition } from "./petition";

const filing = {
  categoryId: "c1",
  title: "检举某单位工作人员",
  content: "检举某单位工作人员在办理业务时收受好处费，请依法查处。",
  placeId: "t1",
  address: "示例县城关镇幸福路88号",
  name: "李建国",
  phone: "13912345678",
  consentPublic: "",
};

describe("ZSubmitPetition: the accused unit (检举控告, optional)", () => {
  it("is optional: absent or left at 不指定 it is undefined", () => {
    expect(ZSubmitPetition.parse(filing).accusedUnitId).toBeUndefined();
    expect(ZSubmitPetition.parse({ ...filing, accusedUnitId: "" }).accusedUnitId).toBeUndefined();
    expect(ZSubmitPetition.parse({ ...filing, accusedUnitId: "  " }).accusedUnitId).toBeUndefined();
  });

  it("passes a chosen id on (whether the category allows one, and the unit exists, is the data layer's check)", () => {
    expect(ZSubmitPetition.parse({ ...filing, accusedUnitId: " u-bureau " }).accusedUnitId).toBe("u-bureau");
  });

  it("refuses an id no list could hold", () => {
    const r = ZSubmitPetition.safeParse({ ...filing, accusedUnitId: "x".repeat(65) });
    expect(r.success).toBe(false);
    expect(r.error?.issues[0]).toMatchObject({ path: ["accusedUnitId"], message: "errors.invalidChoice" });
  });
});
