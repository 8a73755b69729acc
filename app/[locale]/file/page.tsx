import type { Metadata } from "next";
import { PageHeader } from "@/components/ui/page-header";
import { getT } from "@/lib/i18n/server";
import { languageAlternates } from "@/lib/i18n/locale-path";
import { PublicFrame } from "@/components/ui/public-frame";
import { findFilingOptions } from "@/lib/data/form-options";
import { FileForm } from "@/components/petition/file-form";

// A cached public page (issue 9): rendered once per language, revalidated when what it shows changes
// (lib/data/public-pages.ts), and after a minute at the latest.
export const revalidate = 60;

export async function generateMetadata(): Promise<Metadata> {
  const { t, locale } = await getT();
  return { title: t("file.title"), alternates: languageAlternates(locale, "/file") };
}

export default async function FilePage() {
  const [{ t }, options] = await Promise.all([getT(), findFilingOptions()]);
  return (
    <PublicFrame path="/file">
      <div className="space-y-6">
        <PageHeader title={t("file.title")} lead={t("file.lead")} />
        <FileForm
          categories={options.categories}
          townships={options.townships}
          accusableUnits={options.accusableUnits}
        />
      </div>
    </PublicFrame>
  );
}
