import type { Metadata } from "next";
import { getT } from "@/lib/i18n/server";
import { languageAlternates } from "@/lib/i18n/locale-path";
import { TrackPage } from "@/components/petition/track-page";

// A cached public page (issue 9): the same for everyone, so rendered once per language (and after a minute).
export const revalidate = 60;

export async function generateMetadata(): Promise<Metadata> {
  const { t, locale } = await getT();
  return { title: t("track.title"), alternates: languageAlternates(locale, "/track") };
}

export default function Track() {
  return <TrackPage path="/track" />;
}
