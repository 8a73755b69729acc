"use client";
import { useActionState } from "react";
import { importCasesAction, type ImportCasesResult } from "@/lib/actions/import-cases";
import type { FormState } from "@/lib/actions/form-state";
import { useT } from "@/lib/i18n/client";
import { importIssueText } from "@/lib/i18n/import-issues";
import { Field, SubmitButton, inputClass } from "@/components/ui/field";
import { Notice } from "@/components/ui/card";

/**
 * 迁移历史数据: the CSV file, sent as a multipart form to the server action (works without JavaScript), and what came
 * of it — the number of cases imported, or the problems by line and column (nothing was imported).
 */
export function ImportForm({ maxMb }: { maxMb: number }) {
  const t = useT();
  const [state, formAction, pending] = useActionState<FormState<ImportCasesResult>, FormData>(importCasesAction, {
    status: "idle",
  });
  const fileError =
    state.status === "error" && state.fieldErrors.file
      ? t(state.fieldErrors.file.key, state.fieldErrors.file.params)
      : undefined;
  const result = state.status === "done" ? state.result : null;
  return (
    <div className="space-y-5">
      <form action={formAction} className="space-y-4" data-testid="import-form">
        {state.status === "error" && !fileError ? (
          <Notice tone="error" role="alert">
            {t(state.message.key, state.message.params)}
          </Notice>
        ) : null}
        <Field
          name="file"
          label={t("import.file")}
          hint={t("import.fileHint", { mb: maxMb })}
          error={fileError}
          required
        >
          {(a) => <input {...a} name="file" type="file" accept=".csv,text/csv" className={inputClass} />}
        </Field>
        <SubmitButton pending={pending}>{t("import.submit")}</SubmitButton>
      </form>

      {result?.kind === "imported" ? (
        <div data-testid="import-imported" className="space-y-2">
          <Notice tone="success" role="status">
            {t("import.imported", { count: result.cases, batch: result.batchId })}
          </Notice>
          <p className="text-sm text-stone-700">{t("import.importedNote")}</p>
        </div>
      ) : null}

      {result?.kind === "refused" ? (
        <section data-testid="import-refused" aria-labelledby="import-issues-title" className="space-y-3">
          <Notice tone="error" role="alert">
            {t("import.refused", { count: result.total })}
            {result.total > result.issues.length ? ` ${t("import.refusedShown", { shown: result.issues.length })}` : ""}
          </Notice>
          <h2 id="import-issues-title" className="text-lg font-semibold">
            {t("import.issuesTitle")}
          </h2>
          <ol className="list-decimal space-y-1 pl-6 text-sm" data-testid="import-issues">
            {result.issues.map((issue, i) => (
              <li key={i} data-line={issue.line} data-column={issue.column ?? undefined}>
                {importIssueText(t, issue)}
              </li>
            ))}
          </ol>
        </section>
      ) : null}
    </div>
  );
}
