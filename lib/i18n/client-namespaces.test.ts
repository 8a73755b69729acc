// The public pages send their client forms only some sections of the catalog (PETITIONER_CLIENT_NAMESPACES). A key
// outside them would show as the bare key in a petitioner's browser: this test finds every key the client modules of
// the public pages name — and every key their server actions and the form schemas answer with — and fails on any
// section the list leaves out.
import { describe, expect, it } from "vitest";
import { readFileSync } from "node:fs";
import path from "node:path";
import zh from "./messages/zh-CN";
import { PETITIONER_CLIENT_NAMESPACES, catalogSections } from "./client-namespaces";
import { ROOT, clientReachable, directive, resolveLocal, runtimeImports, sourceFiles } from "@/tests/module-graph";

const SECTIONS = new Set(Object.keys(zh as Record<string, unknown>));

/**
 * Keys of the staff area named in modules the petitioner's actions share with staff actions: the staff refusals of
 * lib/actions/form-state.ts and the staff schemas of lib/validation/review.ts. No petitioner action answers with them.
 */
const STAFF_KEYS_IN_SHARED_MODULES = new Set(["caseStaff.errors.changed", "reviewStaff.errors.chooseOutcome"]);

/** The catalog sections a source names in string literals ("file.title", `enums.state.${s}`). */
function sectionsNamed(source: string): Set<string> {
  const out = new Set<string>();
  for (const m of source.matchAll(/["'`](([a-zA-Z]+)\.[a-zA-Z][\w.]*)/g)) {
    if (SECTIONS.has(m[2]!) && !STAFF_KEYS_IN_SHARED_MODULES.has(m[1]!)) out.add(m[2]!);
  }
  return out;
}

/** The client components the public pages render: reached from app/[locale] through server modules. */
function publicClientEntries(): string[] {
  const entries = new Set<string>();
  const seen = new Set<string>();
  const queue = sourceFiles(path.join(ROOT, "app/[locale]"));
  while (queue.length) {
    const file = queue.shift()!;
    if (seen.has(file)) continue;
    seen.add(file);
    const source = readFileSync(file, "utf8");
    if (directive(source, "use client")) {
      entries.add(file);
      continue;
    }
    for (const spec of runtimeImports(source)) {
      const target = resolveLocal(file, spec);
      if (target) queue.push(target);
    }
  }
  return [...entries];
}

describe("the catalog sections public pages send to the browser", () => {
  it("cover every key the public pages' client forms, their actions and the form schemas name", () => {
    const entries = publicClientEntries();
    const rel = (f: string) => path.relative(ROOT, f);
    // The walk sees the forms (so the check below is not vacuous).
    expect(entries.map(rel)).toEqual(
      expect.arrayContaining(["components/petition/file-form.tsx", "components/petition/track-form.tsx"]),
    );
    const reachable = clientReachable(entries);
    const actions = [...reachable.keys()].filter((f) => directive(readFileSync(f, "utf8"), "use server"));
    expect(actions.map(rel)).toContain("lib/actions/submit-petition.ts");
    // What an action answers with is named in the action, or in the schemas and helpers of lib/actions and
    // lib/validation it imports.
    const scanned = new Set(reachable.keys());
    const helpers = [...actions];
    while (helpers.length) {
      const file = helpers.shift()!;
      for (const spec of runtimeImports(readFileSync(file, "utf8"))) {
        const target = resolveLocal(file, spec);
        if (target && !scanned.has(target) && /^lib\/(actions|validation)\//.test(rel(target))) {
          scanned.add(target);
          helpers.push(target);
        }
      }
    }
    const missing: string[] = [];
    for (const file of scanned) {
      for (const section of sectionsNamed(readFileSync(file, "utf8"))) {
        if (!(PETITIONER_CLIENT_NAMESPACES as readonly string[]).includes(section))
          missing.push(`${section} (named in ${rel(file)})`);
      }
    }
    expect(missing).toEqual([]);
  });

  it("are sections of the catalog, and the cut keeps exactly them", () => {
    for (const s of PETITIONER_CLIENT_NAMESPACES) expect(SECTIONS.has(s), s).toBe(true);
    const cut = catalogSections(zh, PETITIONER_CLIENT_NAMESPACES);
    expect(Object.keys(cut).sort()).toEqual([...PETITIONER_CLIENT_NAMESPACES].sort());
    expect(cut.file).toBe((zh as Record<string, unknown>).file);
    // The staff area's sections stay out of public pages.
    expect(cut).not.toHaveProperty("caseStaff");
    expect(cut).not.toHaveProperty("supervision");
  });
});
