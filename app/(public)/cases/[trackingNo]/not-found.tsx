import Link from "next/link";
import { getT } from "@/lib/i18n/server";

export default async function CaseNotFound() {
  const { t } = await getT();
  return (
    <div className="space-y-3">
      <h1 className="text-3xl font-bold">{t("publicCase.notFound")}</h1>
      <p>{t("publicCase.notFoundText")}</p>
      <Link href="/" className="text-blue-800 underline">
        {t("errors.notFoundLink")}
      </Link>
    </div>
  );
}
