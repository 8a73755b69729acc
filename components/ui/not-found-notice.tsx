import Link from "next/link";
import { getT } from "@/lib/i18n/server";
import type { Locale } from "@/lib/i18n";
import { localePath } from "@/lib/i18n/locale-path";
import type { NotFoundOf } from "@/lib/http/not-found";

/** What a 404 says: a public case that does not exist, or any other page. */
export async function NotFoundNotice({ of, locale: given }: { of: NotFoundOf; locale?: Locale }) {
  const { t, locale } = await getT(given);
  return (
    <div className="space-y-3" data-testid="not-found">
      <h1 className="text-3xl font-bold">{of === "case" ? t("publicCase.notFound") : t("errors.notFound")}</h1>
      <p>{of === "case" ? t("publicCase.notFoundText") : t("notFoundPage.text")}</p>
      <Link href={localePath(locale, "/")} className="text-blue-800 underline">
        {t("errors.notFoundLink")}
      </Link>
    </div>
  );
}
