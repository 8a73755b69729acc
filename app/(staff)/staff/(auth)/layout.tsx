import Link from "next/link";
import { getT } from "@/lib/i18n/server";
import { StaffFrame } from "@/components/staff/staff-frame";
import { LanguageSwitch } from "@/components/ui/language-switch";
import { localePath, staffSwitchHref } from "@/lib/i18n/locale-path";

// The sign-in page's frame: no session required (the workspace layout next to it requires one).
export default async function StaffAuthLayout({ children }: { children: React.ReactNode }) {
  const { t, locale } = await getT();
  return (
    <StaffFrame
      siteName={t("site.name")}
      suffix={t("staffShell.siteSuffix")}
      skipLabel={t("site.skip")}
      homeHref="/staff/login"
      aside={
        <div className="flex items-center gap-4">
          <Link href={localePath(locale, "/")} className="text-base hover:underline">
            {t("staffAuth.publicSite")}
          </Link>
          <LanguageSwitch locale={locale} href={staffSwitchHref(locale, "/staff/login")} label={t("site.switchLang")} />
        </div>
      }
    >
      {children}
    </StaffFrame>
  );
}
