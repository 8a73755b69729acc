"use client";
import { useState } from "react";
import { useRouter } from "next/navigation";
import { signOut } from "next-auth/react";

/**
 * Ends the session (the server marks its StaffSession ended; next-auth clears the cookie) and shows the sign-in
 * page with a confirmation. The redirect is a path on the site the user is on: next-auth's own redirect would go
 * to NEXTAUTH_URL, which behind a proxy or under another host name is not where the user is.
 */
export function SignOutButton({ label, pendingLabel }: { label: string; pendingLabel: string }) {
  const [pending, setPending] = useState(false);
  const router = useRouter();
  return (
    <button
      type="button"
      disabled={pending}
      aria-disabled={pending}
      onClick={() => {
        setPending(true);
        void signOut({ redirect: false }).then(() => router.replace("/staff/login?signedOut=1"));
      }}
      className="rounded-md border border-stone-400 bg-white px-3 py-1.5 text-sm font-medium text-stone-900 hover:bg-stone-100 disabled:opacity-60"
    >
      {pending ? pendingLabel : label}
    </button>
  );
}
