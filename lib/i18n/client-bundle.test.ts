// One catalog per browser: no module a client component pulls into the bundle may import a message file
// (through lib/i18n/index or directly). Client components get their strings from lib/i18n/client (useT),
// which the root layout feeds with the viewer's catalog only. The e2e check (e2e/one-catalog.spec.ts)
// looks at what a browser really loads; this one names the import that would break it, and runs fast.
import { describe, expect, it } from "vitest";
import { existsSync, readFileSync, readdirSync, statSync } from "node:fs";
import path from "node:path";

const ROOT = path.resolve(import.meta.dirname, "../..");
const SOURCE_DIRS = ["app", "components", "lib"];
const MESSAGES_DIR = path.join(ROOT, "lib/i18n/messages") + path.sep;

function sourceFiles(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir)) {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) out.push(...sourceFiles(full));
    else if (/\.tsx?$/.test(name) && !/\.test\.tsx?$/.test(name)) out.push(full);
  }
  return out;
}

const directive = (source: string, name: string) =>
  new RegExp(`^\\s*(?://[^\\n]*\\n\\s*)*["']${name}["']`).test(source);

/** The module specifiers a file imports at run time (type-only imports vanish from the bundle). */
function runtimeImports(source: string): string[] {
  const out: string[] = [];
  const statement = /^\s*(import|export)\s+([^;'"]*?)\s*from\s*["']([^"']+)["']/gm;
  for (const m of source.matchAll(statement)) {
    const clause = (m[2] ?? "").trim();
    if (/^type\s/.test(clause)) continue; // import type { X } / export type { X }
    const named = /^\{([^}]*)\}$/.exec(clause);
    if (named && (named[1] ?? "").split(",").every((s) => s.trim() === "" || /^type\s/.test(s.trim()))) continue;
    out.push(m[3] ?? "");
  }
  for (const m of source.matchAll(/^\s*import\s*["']([^"']+)["']/gm)) out.push(m[1] ?? ""); // side effects
  for (const m of source.matchAll(/\bimport\(\s*["']([^"']+)["']\s*\)/g)) out.push(m[1] ?? ""); // dynamic
  return out;
}

function resolveLocal(from: string, spec: string): string | null {
  const base = spec.startsWith("@/")
    ? path.join(ROOT, spec.slice(2))
    : spec.startsWith(".")
      ? path.resolve(path.dirname(from), spec)
      : null;
  if (!base) return null; // a package
  for (const candidate of [
    base,
    `${base}.ts`,
    `${base}.tsx`,
    path.join(base, "index.ts"),
    path.join(base, "index.tsx"),
  ]) {
    if (existsSync(candidate) && statSync(candidate).isFile()) return candidate;
  }
  return null; // css and other assets
}

/** Every local module a client component brings to the browser, with the chain that brings it. */
function clientReachable(): Map<string, string[]> {
  const entries = SOURCE_DIRS.flatMap((d) => sourceFiles(path.join(ROOT, d))).filter((f) =>
    directive(readFileSync(f, "utf8"), "use client"),
  );
  const seen = new Map<string, string[]>();
  const queue: [string, string[]][] = entries.map((f) => [f, [f]]);
  while (queue.length) {
    const [file, chain] = queue.shift()!;
    if (seen.has(file)) continue;
    seen.set(file, chain);
    const source = readFileSync(file, "utf8");
    // A server action crosses to the client as a reference only; its imports stay on the server.
    if (chain.length > 1 && directive(source, "use server")) continue;
    for (const spec of runtimeImports(source)) {
      const target = resolveLocal(file, spec);
      if (target && !seen.has(target)) queue.push([target, [...chain, target]]);
    }
  }
  return seen;
}

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
