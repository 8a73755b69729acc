import type { ImportIssue } from "@/lib/domain/case-import";
import { isPetitionState } from "@/lib/domain/petition-states";
import type { Translate } from "./translate";

/**
 * "第 12 行，replied_at：答复日期早于受理日期。" — one problem of an import (lib/domain/case-import.ts) as the CLI prints it
 * and the admin page lists it. The column is named as the CSV's header names it, for the person who corrects the file.
 */
export function importIssueText(t: Translate, issue: ImportIssue): string {
  const params = { ...issue.params };
  if (isPetitionState(params.state)) params.state = t(`enums.state.${params.state}`);
  const message = t(`import.issues.${issue.key}`, params);
  if (issue.line === 0) return t("import.at.file", { message });
  if (issue.column === null) return t("import.at.line", { line: issue.line, message });
  return t("import.at.cell", { line: issue.line, column: issue.column, message });
}
