import Link from "next/link";
import { getT } from "@/lib/i18n/server";

export default async function NotFound() {
  const { t } = await getT();
  return (
    <main className="mx-auto max-w-3xl space-y-3 px-4 py-16">
      <h1 className="text-3xl font-bold">{t("errors.notFound")}</h1>
      <Link href="/" className="text-blue-800 underline">
        {t("errors.notFoundLink")}
      </Link>
    </main>
  );
}
