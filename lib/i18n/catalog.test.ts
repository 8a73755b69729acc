import { describe, expect, it } from "vitest";
import zhCN from "./messages/zh-CN";
import en from "./messages/en";
import { translator } from "./index";
import { catalogTranslator, messageParams } from "./translate";

const catalogTranslatorFor = (template: string, locale: string) =>
  catalogTranslator({ m: template }, undefined, locale);

type Tree = { [k: string]: string | readonly string[] | Tree };

function leaves(tree: Tree, prefix = ""): Map<string, string | readonly string[]> {
  const out = new Map<string, string | readonly string[]>();
  for (const [k, v] of Object.entries(tree)) {
    const key = prefix ? `${prefix}.${k}` : k;
    if (typeof v === "string" || Array.isArray(v)) out.set(key, v as string | readonly string[]);
    else for (const [kk, vv] of leaves(v as Tree, key)) out.set(kk, vv);
  }
  return out;
}

const placeholders = (s: string) => messageParams(s);

describe("message catalogs", () => {
  const zh = leaves(zhCN as unknown as Tree);
  const enLeaves = leaves(en as unknown as Tree);

  it("English has exactly the keys of the zh-CN source, none empty", () => {
    expect([...enLeaves.keys()].sort()).toEqual([...zh.keys()].sort());
    for (const [key, value] of enLeaves) {
      const values = typeof value === "string" ? [value] : value;
      for (const v of values) expect(v.trim(), key).not.toBe("");
    }
  });

  it("every translation takes the same {parameters} as its source", () => {
    for (const [key, source] of zh) {
      if (typeof source !== "string") continue;
      expect(placeholders(enLeaves.get(key) as string), key).toEqual(placeholders(source));
    }
  });

  it("a missing key shows the key, never an empty string, and parameters are filled in", () => {
    const t = translator("zh-CN");
    expect(t("track.rateLimited", { minutes: 7 })).toBe("尝试次数过多，请 7 分钟后再试。");
    expect(t("no.such.key" as never)).toBe("no.such.key");
  });
});

describe("plural forms (ICU syntax)", () => {
  it("choose the form by the language's rules, fill in # and the other parameters, and keep exact forms", () => {
    const en = translator("en");
    const t = (template: string, params: Record<string, string | number>, locale = "en") =>
      (catalogTranslatorFor(template, locale) as (k: never, p: typeof params) => string)("m" as never, params);
    expect(t("{n, plural, one {# day} other {# days}}", { n: 1 })).toBe("1 day");
    expect(t("{n, plural, one {# day} other {# days}}", { n: 0 })).toBe("0 days");
    expect(t("{n, plural, one {# day} other {# days}}", { n: 15 })).toBe("15 days");
    expect(t("{n, plural, =0 {none} one {# day} other {# days}} to {date}", { n: 0, date: "2026-05-01" })).toBe(
      "none to 2026-05-01",
    );
    expect(
      t("due {date}: {n, plural, one {# day left, {who}} other {# days left, {who}}}", { n: 1, date: "d", who: "X" }),
    ).toBe("due d: 1 day left, X");
    // Chinese has one form: "other".
    expect(t("{n, plural, other {# 日}}", { n: 1 }, "zh-CN")).toBe("1 日");
    // Without a number the choice stays as written, never a crash.
    expect(t("{n, plural, one {# day} other {# days}}", { n: "x" })).toBe("{n, plural, one {# day} other {# days}}");
    expect(en("track.rateLimited", { minutes: 1 })).toBe("Too many tries. Please try again in 1 minute.");
    expect(en("track.rateLimited", { minutes: 7 })).toBe("Too many tries. Please try again in 7 minutes.");
  });

  it("name their parameter like any placeholder", () => {
    expect(messageParams("{n, plural, one {# day} other {# days, {who}}} by {date}")).toEqual(["date", "n", "who"]);
  });
});
