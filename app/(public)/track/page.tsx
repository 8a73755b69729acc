import type { Metadata } from "next";
import { getT } from "@/lib/i18n/server";
import { TrackForm } from "@/components/petition/track-form";

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getT();
  return { title: t("track.title") };
}

export default async function TrackPage({ searchParams }: { searchParams: Promise<{ expired?: string }> }) {
  const [{ t }, sp] = await Promise.all([getT(), searchParams]);
  return (
    <div className="space-y-6">
      <header className="space-y-2">
        <h1 className="text-3xl font-bold">{t("track.title")}</h1>
        <p className="text-stone-700">{t("track.lead")}</p>
      </header>
      <TrackForm notice={sp.expired ? t("track.expired") : undefined} />
    </div>
  );
}
