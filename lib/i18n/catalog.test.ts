import { describe, expect, it } from "vitest";
import zhCN from "./messages/zh-CN";
import en from "./messages/en";
import { translator } from "./index";

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

const placeholders = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

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
