import type { Metadata } from "next";
import { PageHeader } from "@/components/ui/page-header";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { requireViewerPage } from "@/lib/auth/viewer";
import { canRegister } from "@/lib/domain/authority";
import { toShanghaiDateTime } from "@/lib/domain/civil-time";
import { findRegisterOptions } from "@/lib/data/register";
import { now } from "@/lib/clock";
import { getT } from "@/lib/i18n/server";
import { RegisterForm } from "@/components/petition/register-form";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getT();
  return { title: t("register.title") };
}

/**
 * The portal's 查询 address as the petitioner will type it, for the receipt: the configured site address
 * (NEXTAUTH_URL, which next-auth needs in production anyway), else the address this page was asked for.
 */
async function trackUrl(): Promise<string> {
  const configured = process.env.NEXTAUTH_URL;
  if (configured && URL.canParse(configured)) return new URL("/track", configured).toString();
  const h = await headers();
  const host = h.get("host") ?? "localhost";
  const proto = h.get("x-forwarded-proto")?.split(",")[0]?.trim() === "https" ? "https" : "http";
  return `${proto}://${host}/track`;
}

// 登记: the petition bureau's handlers and supervisors only; anyone else goes back to the workspace.
export default async function RegisterPage() {
  const viewer = await requireViewerPage(["handler", "supervisor"]);
  if (!canRegister(viewer)) redirect("/staff");
  const [{ t }, options, url] = await Promise.all([getT(), findRegisterOptions(viewer), trackUrl()]);
  return (
    <div className="space-y-6">
      <PageHeader title={t("register.title")} lead={t("register.lead")} className="no-print" />
      <RegisterForm
        categories={options.categories}
        townships={options.townships}
        units={options.units}
        defaultReceivedAt={toShanghaiDateTime(now())}
        trackUrl={url}
      />
    </div>
  );
}
