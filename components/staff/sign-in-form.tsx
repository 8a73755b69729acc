"use client";
import { useRef, useState } from "react";
import { signIn } from "next-auth/react";
import type { MessageKey } from "@/lib/i18n/translate";
import { useT } from "@/lib/i18n/client";
import { safeCallbackPath } from "@/lib/auth/callback-url";
import { signInMessageKey } from "@/lib/auth/sign-in-message";
import { Field, SubmitButton, inputClass } from "@/components/ui/field";
import { Notice } from "@/components/ui/card";

const ERROR_ID = "signin-error";

export function SignInForm({ callbackUrl, initialError }: { callbackUrl?: string; initialError?: MessageKey | null }) {
  const t = useT();
  const [error, setError] = useState<MessageKey | null>(initialError ?? null);
  const [pending, setPending] = useState(false);
  const password = useRef<HTMLInputElement>(null);

  async function submit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    setPending(true);
    setError(null);
    let key: MessageKey | null;
    try {
      const res = await signIn("credentials", {
        redirect: false,
        username: String(data.get("username") ?? ""),
        password: String(data.get("password") ?? ""),
      });
      key = res?.ok && !res.error ? null : signInMessageKey(res?.error ?? "invalid");
    } catch {
      key = "errors.unexpected";
    }
    if (key === null) {
      // A full page load: the workspace layout reads the new session on the server.
      window.location.assign(safeCallbackPath(callbackUrl));
      return;
    }
    setPending(false);
    setError(key);
    if (password.current) {
      password.current.value = "";
      password.current.focus();
    }
  }

  // Both fields point at the one message: it concerns the pair, not either field.
  const aria = (a: { id: string; required?: boolean }) => ({
    ...a,
    "aria-describedby": error ? ERROR_ID : undefined,
    "aria-invalid": error ? true : undefined,
  });
  return (
    // method="post": should the script not have run, a native submit never puts the password in a URL.
    <form method="post" onSubmit={submit} className="space-y-4 rounded-lg border border-stone-200 bg-white p-5">
      {error ? (
        <Notice tone="error" role="alert">
          <span id={ERROR_ID}>{t(error)}</span>
        </Notice>
      ) : null}
      <Field name="username" label={t("staffAuth.username")} required requiredText={t("file.required")}>
        {(a) => (
          <input
            {...aria(a)}
            name="username"
            type="text"
            autoComplete="username"
            autoCapitalize="none"
            spellCheck={false}
            maxLength={64}
            className={inputClass}
          />
        )}
      </Field>
      <Field name="password" label={t("staffAuth.password")} required requiredText={t("file.required")}>
        {(a) => (
          <input
            {...aria(a)}
            ref={password}
            name="password"
            type="password"
            autoComplete="current-password"
            maxLength={256}
            className={inputClass}
          />
        )}
      </Field>
      <SubmitButton pending={pending}>{pending ? t("staffAuth.submitting") : t("staffAuth.submit")}</SubmitButton>
    </form>
  );
}
