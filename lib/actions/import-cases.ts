"use server";
import { requireViewer } from "@/lib/auth/viewer";
import { importCases } from "@/lib/data/case-import";
import { IMPORT_FORM_MAX_BYTES, IMPORT_ISSUES_SHOWN, type ImportIssue } from "@/lib/domain/case-import";
import { readForm } from "@/lib/validation/fields";
import { refused, STAFF_REFUSALS, toFormState, type FormState } from "./form-state";

/** What the import form shows: how many cases were imported, or the problems (the first IMPORT_ISSUES_SHOWN). */
export type ImportCasesResult =
  { kind: "imported"; cases: number; batchId: string } | { kind: "refused"; total: number; issues: ImportIssue[] };

const MB = IMPORT_FORM_MAX_BYTES / (1024 * 1024);

/**
 * 迁移历史数据 (docs/import.md): an admin uploads the previous system's CSV (multipart, works without JavaScript).
 * Authorised here from the database session and again by importCases; the file is checked whole and imported in one
 * transaction, or nothing is written and every problem is returned by line and column.
 */
export async function importCasesAction(
  _prev: FormState<ImportCasesResult>,
  form: FormData,
): Promise<FormState<ImportCasesResult>> {
  const read = readForm(form, []);
  if (!read.ok) return read.refusal;
  const file = form.get("file");
  if (!(file instanceof Blob) || file.size === 0)
    return refused("import.noFile", {}, undefined, fileError("import.noFile"));
  if (file.size > IMPORT_FORM_MAX_BYTES)
    return refused("import.tooLarge", {}, { mb: MB }, fileError("import.tooLarge"));
  try {
    const viewer = await requireViewer(["admin"]);
    const result = await importCases({ kind: "admin", viewer }, new Uint8Array(await file.arrayBuffer()));
    if (!result.ok)
      return {
        status: "done",
        result: { kind: "refused", total: result.issues.length, issues: result.issues.slice(0, IMPORT_ISSUES_SHOWN) },
      };
    return { status: "done", result: { kind: "imported", cases: result.cases, batchId: result.batchId ?? "" } };
  } catch (e) {
    return toFormState(e, {}, { ...STAFF_REFUSALS, action: "importCasesAction" });
  }
}

const fileError = (key: "import.noFile" | "import.tooLarge") => ({
  file: key === "import.tooLarge" ? { key, params: { mb: MB } } : { key },
});
