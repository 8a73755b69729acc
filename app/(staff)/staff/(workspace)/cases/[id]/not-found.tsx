import Link from "next/link";
import { getT } from "@/lib/i18n/server";

/** Also shown for a case outside the viewer's scope: its existence is not revealed. */
export default async function StaffCaseNotFound() {
  const { t } = await getT();
  return (
    <div className="space-y-3">
      <h1 className="text-3xl font-bold">{t("caseStaff.notFound")}</h1>
      <p>{t("caseStaff.notFoundText")}</p>
      <Link href="/staff" className="text-blue-800 underline">
        {t("caseStaff.back")}
      </Link>
    </div>
  );
}
