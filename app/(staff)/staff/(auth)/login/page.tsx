import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { getT } from "@/lib/i18n/server";
import { getViewer } from "@/lib/auth/viewer";
import { safeCallbackPath } from "@/lib/auth/callback-url";
import { signInMessageKey } from "@/lib/auth/sign-in-message";
import { SignInForm } from "@/components/staff/sign-in-form";
import { Notice } from "@/components/ui/card";

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getT();
  return { title: t("staffAuth.title"), robots: { index: false } };
}

type Search = { callbackUrl?: string | string[]; error?: string | string[]; signedOut?: string | string[] };
const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);

export default async function StaffLoginPage({ searchParams }: { searchParams: Promise<Search> }) {
  const [{ t }, sp, viewer] = await Promise.all([getT(), searchParams, getViewer()]);
  const callbackUrl = safeCallbackPath(one(sp.callbackUrl));
  // Already signed in (and still active): straight on. A stale or deactivated session shows the form.
  if (viewer) redirect(callbackUrl);
  const signedOut = one(sp.signedOut) === "1";
  const asked = !signedOut && one(sp.callbackUrl) !== undefined;
  return (
    <div className="mx-auto max-w-md space-y-6">
      <header className="space-y-2">
        <h1 className="text-3xl font-bold">{t("staffAuth.title")}</h1>
        <p className="text-stone-700">{t("staffAuth.lead")}</p>
      </header>
      {signedOut ? (
        <Notice tone="success" role="status">
          {t("staffAuth.signedOut")}
        </Notice>
      ) : asked ? (
        <Notice tone="info">{t("staffAuth.signInFirst")}</Notice>
      ) : null}
      <noscript>
        <Notice tone="warning">{t("staffAuth.needsJs")}</Notice>
      </noscript>
      {/* next-auth sends failures it handles itself here as ?error=…; they read like any other refusal. */}
      <SignInForm callbackUrl={callbackUrl} initialError={signInMessageKey(one(sp.error))} />
      <p className="text-sm text-stone-600">{t("staffAuth.demoNote")}</p>
    </div>
  );
}
