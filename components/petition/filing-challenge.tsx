"use client";
import { useEffect, useState } from "react";
import type { AltchaGlobal } from "altcha/types";
import type {} from "altcha/types/react"; // <altcha-widget> in JSX
// The widget's styles as a stylesheet file: "altcha/external" injects none, so style-src needs nothing inline.
import "altcha/altcha.css";
import { useLocale, useT } from "@/lib/i18n/client";
import { FILING_CHALLENGE_FIELD } from "@/lib/domain/filing-limits";

/** Our own challenge route (app/api/altcha/challenge). */
const CHALLENGE_URL = "/api/altcha/challenge";

const WIDGET_STRINGS = [
  "label",
  "loading",
  "verifying",
  "verified",
  "verify",
  "error",
  "expired",
  "verificationRequired",
  "waitAlert",
] as const;

/**
 * 我要写信's proof of work (ALTCHA). Loaded only here, from our own bundle (no CDN): the widget without its
 * inline workers ("altcha/external") plus the PBKDF2 worker as a same-origin file. It starts solving as the page
 * loads, so it is usually done before the letter is written; the solved challenge is posted with the form and
 * buys the normal filing budget. Without JavaScript nothing renders and the stricter budget applies.
 * CSP: the worker is a same-origin chunk under /_next/static, so the page needs `worker-src 'self'` — no
 * blob:, no eval, no WebAssembly; the widget styles itself through CSSOM and the stylesheet above.
 */
export function FilingChallenge() {
  const t = useT();
  const locale = useLocale();
  const [ready, setReady] = useState(false);
  const language = locale === "zh-CN" ? "zh-cn" : "en";
  useEffect(() => {
    let cancelled = false;
    void (async () => {
      await import("altcha/external");
      const altcha = (globalThis as unknown as { $altcha: AltchaGlobal }).$altcha;
      altcha.algorithms.set("PBKDF2/SHA-256", () => new Worker(new URL("./altcha-pbkdf2.worker.ts", import.meta.url)));
      const strings: Record<string, string> = { ...altcha.i18n.get("en") };
      for (const key of WIDGET_STRINGS) strings[key] = t(`filingLimit.widget.${key}`);
      altcha.i18n.set(language, strings);
      if (!cancelled) setReady(true);
    })();
    return () => {
      cancelled = true;
    };
    // The strings depend on the locale only.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [language]);
  return (
    <div className="space-y-2" data-testid="filing-challenge">
      {ready ? (
        <>
          <altcha-widget
            challenge={CHALLENGE_URL}
            name={FILING_CHALLENGE_FIELD}
            auto="onload"
            language={language}
            configuration={JSON.stringify({ hideFooter: true, hideLogo: true })}
          />
          <p className="text-sm text-stone-600">{t("filingLimit.challengeHint")}</p>
        </>
      ) : null}
    </div>
  );
}
