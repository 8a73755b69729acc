import { describe, expect, it } from "vitest";
import { CODE_PARAM, MAX_PAGE, wholeParam } from "./query-params";

describe("whole-number parameters", () => {
  it("give the fallback when absent or empty, the number within bounds, null for anything else", () => {
    expect(wholeParam(null, 7, 1, 10)).toBe(7);
    expect(wholeParam("", 7, 1, 10)).toBe(7);
    expect(wholeParam("1", 7, 1, 10)).toBe(1);
    expect(wholeParam("10", 7, 1, 10)).toBe(10);
    for (const bad of ["0", "11", "-1", "1.5", "1e3", " 3", "abc", "1234567"])
      expect(wholeParam(bad, 7, 1, 10), bad).toBeNull();
    expect(wholeParam(String(MAX_PAGE), 1, 1, MAX_PAGE)).toBe(MAX_PAGE);
  });
});

describe("code parameters", () => {
  it("are letters, digits, - and _, 1 to 40 of them", () => {
    for (const ok of ["A01", "zjj", "T-01", "x_y", "a".repeat(40)]) expect(CODE_PARAM.test(ok), ok).toBe(true);
    for (const bad of ["", "a b", "a/b", "路灯", "a".repeat(41), "a;b"]) expect(CODE_PARAM.test(bad), bad).toBe(false);
  });
});
