import Link from "next/link";
import { getT } from "@/lib/i18n/server";

/** For anyone but a supervisor: the scorecards are not there (their existence is not a secret, but nor a page). */
export default async function ScorecardsNotFound() {
  const { t } = await getT();
  return (
    <div className="space-y-3">
      <h1 className="text-3xl font-bold">{t("scorecard.notFound")}</h1>
      <p>{t("scorecard.notFoundText")}</p>
      <Link href="/staff" className="text-blue-800 underline">
        {t("scorecard.back")}
      </Link>
    </div>
  );
}
