import Link from "next/link";
import { getT } from "@/lib/i18n/server";
import type { NotFoundOf } from "@/lib/http/not-found";

/** What a 404 says: a public case that does not exist, or any other page. */
export async function NotFoundNotice({ of }: { of: NotFoundOf }) {
  const { t } = await getT();
  return (
    <div className="space-y-3" data-testid="not-found">
      <h1 className="text-3xl font-bold">{of === "case" ? t("publicCase.notFound") : t("errors.notFound")}</h1>
      <p>{of === "case" ? t("publicCase.notFoundText") : t("notFoundPage.text")}</p>
      <Link href="/" className="text-blue-800 underline">
        {t("errors.notFoundLink")}
      </Link>
    </div>
  );
}
