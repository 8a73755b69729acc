// The graph of the project's own modules as the bundler sees it: run-time imports (type-only ones vanish from the
// bundle), local specifiers resolved to files, and the modules client components bring to the browser. For tests
// that check what reaches a browser (lib/i18n/client-bundle.test.ts, lib/i18n/client-namespaces.test.ts).
import { existsSync, readFileSync, readdirSync, statSync } from "node:fs";
import path from "node:path";

export const ROOT = path.resolve(import.meta.dirname, "..");
export const SOURCE_DIRS = ["app", "components", "lib"];

export function sourceFiles(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir)) {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) out.push(...sourceFiles(full));
    else if (/\.tsx?$/.test(name) && !/\.test\.tsx?$/.test(name)) out.push(full);
  }
  return out;
}

export const directive = (source: string, name: string) =>
  new RegExp(`^\\s*(?://[^\\n]*\\n\\s*)*["']${name}["']`).test(source);

/** The module specifiers a file imports at run time (type-only imports vanish from the bundle). */
export function runtimeImports(source: string): string[] {
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

export function resolveLocal(from: string, spec: string): string | null {
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

/** The project's client components: every source file that starts with "use client". */
export function clientEntries(): string[] {
  return SOURCE_DIRS.flatMap((d) => sourceFiles(path.join(ROOT, d))).filter((f) =>
    directive(readFileSync(f, "utf8"), "use client"),
  );
}

/**
 * Every local module the given client components (default: all of them) bring to the browser, with the chain that
 * brings it. A server action crosses to the client as a reference only: it is listed, its imports are not followed.
 */
export function clientReachable(entries: string[] = clientEntries()): Map<string, string[]> {
  const seen = new Map<string, string[]>();
  const queue: [string, string[]][] = entries.map((f) => [f, [f]]);
  while (queue.length) {
    const [file, chain] = queue.shift()!;
    if (seen.has(file)) continue;
    seen.set(file, chain);
    const source = readFileSync(file, "utf8");
    if (chain.length > 1 && directive(source, "use server")) continue;
    for (const spec of runtimeImports(source)) {
      const target = resolveLocal(file, spec);
      if (target && !seen.has(target)) queue.push([target, [...chain, target]]);
    }
  }
  return seen;
}
