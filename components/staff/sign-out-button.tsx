"use client";
import { useState } from "react";
import { signOut } from "next-auth/react";

/** Ends the session (next-auth clears its cookie) and shows the sign-in page with a confirmation. */
export function SignOutButton({ label, pendingLabel }: { label: string; pendingLabel: string }) {
  const [pending, setPending] = useState(false);
  return (
    <button
      type="button"
      disabled={pending}
      aria-disabled={pending}
      onClick={() => {
        setPending(true);
        void signOut({ callbackUrl: "/staff/login?signedOut=1" });
      }}
      className="rounded-md border border-stone-400 bg-white px-3 py-1.5 text-sm font-medium text-stone-900 hover:bg-stone-100 disabled:opacity-60"
    >
      {pending ? pendingLabel : label}
    </button>
  );
}
