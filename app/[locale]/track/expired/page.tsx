import type { Metadata } from "next";
import { getT } from "@/lib/i18n/server";
import { TrackPage } from "@/components/petition/track-page";

// Where the petitioner's view sends a visitor whose tracking session has ended or expired: the tracking form with
// a notice. Its own address (not /track?expired=1) so that it is cached like /track, reading no query.
export const revalidate = 60;

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getT();
  return { title: t("track.title"), robots: { index: false } };
}

export default function TrackExpired() {
  return <TrackPage path="/track/expired" notice="expired" />;
}
