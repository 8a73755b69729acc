import { getT } from "@/lib/i18n/server";
import { PublicFrame } from "@/components/ui/public-frame";
import { TrackForm } from "@/components/petition/track-form";

/** The tracking page (/track), and the same with the notice that a tracking session has ended (/track/expired). */
export async function TrackPage({ path, notice }: { path: string; notice?: "expired" }) {
  const { t } = await getT();
  return (
    <PublicFrame path={path}>
      <div className="space-y-6">
        <header className="space-y-2">
          <h1 className="text-3xl font-bold">{t("track.title")}</h1>
          <p className="text-stone-700">{t("track.lead")}</p>
        </header>
        <TrackForm notice={notice === "expired" ? t("track.expired") : undefined} />
      </div>
    </PublicFrame>
  );
}
