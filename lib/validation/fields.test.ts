import { describe, expect, it } from "vitest";
import { readForm } from "./fields";

const form = (entries: Record<string, string>) => {
  const f = new FormData();
  for (const [k, v] of Object.entries(entries)) f.append(k, v);
  return f;
};

describe("readForm: the input gate of every server action", () => {
  it("gives the listed string fields of a real form", () => {
    expect(readForm(form({ title: "标题", extra: "x" }), ["title", "content"])).toEqual({
      ok: true,
      values: { title: "标题", content: undefined },
    });
  });

  it.each([
    ["a plain object", { title: "x", get: "not a function" }],
    ["an array", [["title", "x"]]],
    ["a string", "title=x"],
    ["null", null],
    ["undefined", undefined],
    ["a Map", new Map([["title", "x"]])],
    ["URLSearchParams", new URLSearchParams("title=x")],
  ])("refuses %s as not a form", (_label, value) => {
    const r = readForm(value, ["title"]);
    expect(r).toMatchObject({
      ok: false,
      refusal: { status: "error", message: { key: "formInput.notAForm" }, values: {} },
    });
  });

  // FormData holds USVStrings: append() turns a lone surrogate into U+FFFD before any code of ours sees it
  // (React's reply decoder builds its FormData the same way). Either form of ill-formed text is refused.
  it.each([
    ["a lone high surrogate", "abc\uD800"],
    ["a lone low surrogate", "\uDC00abc"],
    ["reversed halves", "\uDE00\uD83D"],
    ["U+FFFD, what broken bytes or a lone surrogate become", "abc\uFFFD"],
  ])("refuses text with %s, in any field, listed or not", (_label, bad) => {
    expect(readForm(form({ title: bad }), ["title"])).toMatchObject({
      ok: false,
      refusal: { message: { key: "formInput.malformedText" } },
    });
    expect(readForm(form({ title: "ok", rep0Name: bad }), ["title"])).toMatchObject({
      ok: false,
      refusal: { message: { key: "formInput.malformedText" } },
    });
    expect(readForm(form({ [`x${bad}`]: "ok" }), ["title"])).toMatchObject({ ok: false });
  });

  it("accepts well-formed text outside the BMP (a surrogate pair), e.g. 𠀀 and emoji", () => {
    expect(readForm(form({ title: "𠀀𠮷😀" }), ["title"])).toEqual({ ok: true, values: { title: "𠀀𠮷😀" } });
  });
});
