import type { Metadata } from "next";
import { getT } from "@/lib/i18n/server";
import { findFilingOptions } from "@/lib/data/form-options";
import { FileForm } from "@/components/petition/file-form";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getT();
  return { title: t("file.title") };
}

export default async function FilePage() {
  const [{ t }, options] = await Promise.all([getT(), findFilingOptions()]);
  return (
    <div className="space-y-6">
      <header className="space-y-2">
        <h1 className="text-3xl font-bold">{t("file.title")}</h1>
        <p className="text-stone-700">{t("file.lead")}</p>
      </header>
      <FileForm categories={options.categories} townships={options.townships} accusableUnits={options.accusableUnits} />
    </div>
  );
}
