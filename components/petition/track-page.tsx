import { getT } from "@/lib/i18n/server";
import { PageHeader } from "@/components/ui/page-header";
import { PublicFrame } from "@/components/ui/public-frame";
import { TrackForm } from "@/components/petition/track-form";

/** The tracking page (/track), and the same with the notice that a tracking session has ended (/track/expired). */
export async function TrackPage({ path, notice }: { path: string; notice?: "expired" }) {
  const { t } = await getT();
  return (
    <PublicFrame path={path}>
      <div className="space-y-6">
        <PageHeader title={t("track.title")} lead={t("track.lead")} />
        <TrackForm notice={notice === "expired" ? t("track.expired") : undefined} />
      </div>
    </PublicFrame>
  );
}
