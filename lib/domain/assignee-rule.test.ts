import { describe, expect, it } from "vitest";
import { isAssignableHandler } from "./assignee-rule";

describe("分派 to an active handler of the case's unit", () => {
  const handler = { unitId: "u1", role: "handler" as const, active: true };
  it("accepts the unit's active handler", () => {
    expect(isAssignableHandler(handler, "u1")).toBe(true);
  });
  it("refuses another unit's handler, a supervisor, an admin, a disabled account, a user without unit", () => {
    expect(isAssignableHandler(handler, "u2")).toBe(false);
    expect(isAssignableHandler({ ...handler, role: "supervisor" }, "u1")).toBe(false);
    expect(isAssignableHandler({ ...handler, role: "admin" }, "u1")).toBe(false);
    expect(isAssignableHandler({ ...handler, active: false }, "u1")).toBe(false);
    expect(isAssignableHandler({ ...handler, unitId: null }, "u1")).toBe(false);
  });
});
