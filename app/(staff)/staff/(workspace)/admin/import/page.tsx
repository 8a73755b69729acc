import type { Metadata } from "next";
import Link from "next/link";
import { requireViewerPage } from "@/lib/auth/viewer";
import { IMPORT_COLUMNS, IMPORT_FORM_MAX_BYTES } from "@/lib/domain/case-import";
import { getT } from "@/lib/i18n/server";
import { Card } from "@/components/ui/card";
import { ImportForm } from "@/components/staff/import-form";

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getT();
  return { title: t("import.title") };
}

// 迁移历史数据 (docs/import.md): admins only; anyone else is sent to their workspace. The action and the data function
// check the viewer again.
export default async function ImportPage() {
  await requireViewerPage(["admin"]);
  const { t } = await getT();
  return (
    <div className="space-y-6">
      <p className="text-sm">
        <Link href="/staff/admin" className="text-brand-700 underline">
          {t("staffAdmin.title")}
        </Link>
      </p>
      <header className="space-y-2">
        <h1 className="text-3xl font-bold">{t("import.title")}</h1>
        <p className="max-w-3xl text-stone-700">{t("import.lead")}</p>
      </header>
      <Card>
        <ImportForm maxMb={IMPORT_FORM_MAX_BYTES / (1024 * 1024)} />
      </Card>
      <Card title={t("import.columnsTitle")}>
        <p className="mb-2 text-sm text-stone-700">{t("import.columnsLead")}</p>
        <p className="break-words font-mono text-sm" data-testid="import-columns">
          {IMPORT_COLUMNS.join(",")}
        </p>
      </Card>
    </div>
  );
}
