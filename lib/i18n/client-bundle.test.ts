// One catalog per browser: no module a client component pulls into the bundle may import a message file
// (through lib/i18n/index or directly). Client components get their strings from lib/i18n/client (useT),
// which the root layout feeds with the viewer's catalog only. The e2e check (e2e/one-catalog.spec.ts)
// looks at what a browser really loads; this one names the import that would break it, and runs fast.
import { describe, expect, it } from "vitest";
import path from "node:path";
import { ROOT, clientReachable, runtimeImports } from "@/tests/module-graph";

const MESSAGES_DIR = path.join(ROOT, "lib/i18n/messages") + path.sep;

describe("one catalog per browser", () => {
  it("reads run-time imports and skips type-only ones", () => {
    const source = [
      `import type { Messages } from "./messages/zh-CN";`,
      `import { type Locale, type Translate } from "@/lib/i18n";`,
      `import { translator, type Locale } from "@/lib/i18n";`,
      `import "altcha/altcha.css";`,
      `export * from "./format";`,
      `await import("altcha/external");`,
    ].join("\n");
    expect(runtimeImports(source)).toEqual(["@/lib/i18n", "./format", "altcha/altcha.css", "altcha/external"]);
  });

  it("no client component reaches a message catalog", () => {
    const reachable = clientReachable();
    expect(reachable.has(path.join(ROOT, "lib/i18n/client.tsx"))).toBe(true); // the walk sees the forms
    const offending = [...reachable]
      .filter(([file]) => file.startsWith(MESSAGES_DIR))
      .map(([, chain]) => chain.map((f) => path.relative(ROOT, f)).join(" → "));
    expect(offending).toEqual([]);
  });
});
