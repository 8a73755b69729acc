import type { Metadata } from "next";
import { PageHeader } from "@/components/ui/page-header";
import { PublicFrame } from "@/components/ui/public-frame";
import { getT } from "@/lib/i18n/server";
import { languageAlternates } from "@/lib/i18n/locale-path";

// 自己验证 (issue 11): how anyone checks the audit log from this site's public data alone — the signed checkpoints,
// the log, a case's chain and proofs, the command that checks them all (npm run verify), and how to keep a copy. A
// cached public page; the same in docs/verify.md.
export const revalidate = 3600;

export async function generateMetadata(): Promise<Metadata> {
  const { t, locale } = await getT();
  return { title: t("verify.title"), alternates: languageAlternates(locale, "/verify") };
}

const code = "block overflow-x-auto rounded bg-stone-900 px-3 py-2 font-mono text-sm text-stone-50";

export default async function VerifyPage() {
  const { t } = await getT();
  const endpoints: [string, string][] = [
    ["/api/open/checkpoints.json", t("verify.checkpoints")],
    ["/api/open/log/leaves.json?from=0&count=10000", t("verify.leaves")],
    ["/api/open/chains/XF2026000001.json", t("verify.chain")],
    ["/api/open/checkpoints/consistency.json?from=1&to=2", t("verify.consistency")],
  ];
  return (
    <PublicFrame path="/verify">
      <div className="max-w-3xl space-y-6">
        <PageHeader title={t("verify.title")} lead={t("verify.intro")} />
        <section className="space-y-2">
          <h2 className="text-xl font-semibold">{t("verify.whatTitle")}</h2>
          <ul className="list-disc space-y-1 pl-6">
            {endpoints.map(([path, text]) => (
              <li key={path}>
                {text}: <code className="break-all font-mono text-sm">{path}</code>
              </li>
            ))}
          </ul>
        </section>
        <section className="space-y-2">
          <h2 className="text-xl font-semibold">{t("verify.howTitle")}</h2>
          <p>{t("verify.how")}</p>
          <code className={code}>npm run verify -- --site https://xf.example.gov.cn --case XF2026000001</code>
        </section>
        <section className="space-y-2">
          <h2 className="text-xl font-semibold">{t("verify.mirrorTitle")}</h2>
          <p>{t("verify.mirror")}</p>
        </section>
        <section className="space-y-2">
          <h2 className="text-xl font-semibold">{t("verify.formatTitle")}</h2>
          <p className="text-sm text-stone-700">{t("verify.format")}</p>
        </section>
      </div>
    </PublicFrame>
  );
}
