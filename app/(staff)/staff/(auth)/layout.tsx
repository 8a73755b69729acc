import Link from "next/link";
import { getT } from "@/lib/i18n/server";
import { StaffFrame } from "@/components/staff/staff-frame";

// The sign-in page's frame: no session required (the workspace layout next to it requires one).
export default async function StaffAuthLayout({ children }: { children: React.ReactNode }) {
  const { t } = await getT();
  return (
    <StaffFrame
      siteName={t("site.name")}
      suffix={t("staffShell.siteSuffix")}
      skipLabel={t("site.skip")}
      homeHref="/staff/login"
      aside={
        <Link href="/" className="text-base hover:underline">
          {t("staffAuth.publicSite")}
        </Link>
      }
    >
      {children}
    </StaffFrame>
  );
}
