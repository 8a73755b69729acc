// The client side of the catalog: a component reads the strings of the locale the provider was given,
// parameters filled in as on the server, and nothing else.
import { describe, expect, it } from "vitest";
import { createElement } from "react";
import { renderToString } from "react-dom/server";
import { MessagesProvider, useLocale, useT } from "./client";
import { catalogFor, translator } from "./index";
import { catalogTranslator } from "./translate";

function Probe() {
  const t = useT();
  return createElement("p", null, `${useLocale()}|${t("track.rateLimited", { minutes: 7 })}|${t("file.required")}`);
}

// The provider's props type requires `children`, so it is passed as a prop here (this file is .ts, without JSX).
const render = (locale: "zh-CN" | "en") =>
  renderToString(
    // eslint-disable-next-line react/no-children-prop
    createElement(MessagesProvider, { locale, messages: catalogFor(locale), children: createElement(Probe) }),
  );

describe("MessagesProvider and useT", () => {
  it("translate with the one catalog they were given, parameters filled in", () => {
    expect(render("en")).toBe(
      `<p>en|${translator("en")("track.rateLimited", { minutes: 7 })}|${translator("en")("file.required")}</p>`,
    );
    expect(render("zh-CN")).toBe("<p>zh-CN|尝试次数过多，请 7 分钟后再试。|必填</p>");
  });

  it("refuse to run outside the provider, rather than show keys", () => {
    expect(() => renderToString(createElement(Probe))).toThrow(/MessagesProvider/);
  });
});

describe("catalogTranslator", () => {
  it("shows a missing key itself, and uses the fallback catalog only when given one", () => {
    const only = catalogTranslator({ a: { b: "B {n}" } });
    expect(only("a.b" as never, { n: 2 })).toBe("B 2");
    expect(only("a.c" as never)).toBe("a.c");
    expect(catalogTranslator({ a: {} }, { a: { c: "C" } })("a.c" as never)).toBe("C");
  });
});
