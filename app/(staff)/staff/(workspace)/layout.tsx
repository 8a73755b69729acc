import { requireViewerPage } from "@/lib/auth/viewer";
import { canRegister, canSupervise } from "@/lib/domain/authority";
import { getT } from "@/lib/i18n/server";
import { StaffFrame } from "@/components/staff/staff-frame";
import { LanguageSwitch } from "@/components/ui/language-switch";
import { staffSwitchHref } from "@/lib/i18n/locale-path";
import { StaffNav, type StaffNavItem } from "@/components/staff/staff-nav";
import { SignOutButton } from "@/components/staff/sign-out-button";

// Every staff page but sign-in. This check is for the frame only: each page, action and data function
// checks the viewer again (a layout does not re-run on client navigation between its pages).
export default async function StaffWorkspaceLayout({ children }: { children: React.ReactNode }) {
  const [viewer, { t, locale }] = await Promise.all([requireViewerPage(), getT()]);
  const home = viewer.role === "admin" ? "/staff/admin" : "/staff"; // an admin manages; it has no case queue
  const nav: StaffNavItem[] =
    viewer.role === "admin"
      ? [{ href: "/staff/admin", label: t("staffShell.admin") }] // an admin manages; it has no case queue
      : [
          { href: "/staff", label: t("staffShell.queue") },
          ...(canRegister(viewer) ? [{ href: "/staff/register", label: t("staffShell.register") }] : []), // 登记: the bureau only
          ...(canSupervise(viewer) ? [{ href: "/staff/supervision", label: t("supervision.board.title") }] : []), // 督办
          ...(canSupervise(viewer) ? [{ href: "/staff/scorecards", label: t("scorecard.nav") }] : []), // 单位考评
        ];
  return (
    <StaffFrame
      siteName={t("site.name")}
      suffix={t("staffShell.siteSuffix")}
      skipLabel={t("site.skip")}
      homeHref={home}
      aside={
        <div className="flex flex-wrap items-center gap-x-6 gap-y-2">
          <StaffNav items={nav} label={t("staffShell.nav")} />
          <div className="flex flex-wrap items-center gap-3">
            <section aria-label={t("staffShell.account")} data-testid="staff-account" className="text-sm leading-tight">
              <p className="font-semibold text-stone-900">{viewer.displayName}</p>
              <p className="text-stone-700">
                <span className="sr-only">{t("staffShell.roleLabel")}：</span>
                <span data-testid="staff-role">{t(`staffShell.role.${viewer.role}`)}</span>
                <span aria-hidden="true"> · </span>
                <span className="sr-only">{t("staffShell.unitLabel")}：</span>
                <span data-testid="staff-unit">{viewer.unitName}</span>
              </p>
            </section>
            <LanguageSwitch locale={locale} href={staffSwitchHref(locale, home)} label={t("site.switchLang")} />
            <SignOutButton label={t("staffAuth.signOut")} pendingLabel={t("staffAuth.signingOut")} />
          </div>
        </div>
      }
    >
      {children}
    </StaffFrame>
  );
}
