import "server-only";
import type { NextAuthOptions } from "next-auth";
import Credentials from "next-auth/providers/credentials";
import { now } from "@/lib/clock";
import { endStaffSession, openStaffSession } from "@/lib/data/staff-sessions";
import { STAFF_MAX_AGE_MS } from "@/lib/domain/sessions";
import { verifyStaffCredentials } from "./sign-in";
import { clientAddressOfHeaders } from "@/lib/http/client-address";

/**
 * A working day: a staff session ends the same day it began (it is not renewed by activity beyond this).
 * The token's age is only the outer bound: the session row (lib/data/staff-sessions.ts) ends it on sign-out
 * and after 30 minutes without a request.
 */
const SESSION_MAX_AGE_S = STAFF_MAX_AGE_MS / 1000;

// The client address by the portal's one rule (lib/http/client-address.ts: the peer, or TRUST_PROXY_HOPS from the right).
const clientKeyOf = clientAddressOfHeaders;

export const authOptions: NextAuthOptions = {
  secret: process.env.NEXTAUTH_SECRET ?? process.env.APP_SECRET,
  session: { strategy: "jwt", maxAge: SESSION_MAX_AGE_S, updateAge: SESSION_MAX_AGE_S },
  jwt: { maxAge: SESSION_MAX_AGE_S },
  pages: { signIn: "/staff/login", error: "/staff/login" },
  providers: [
    Credentials({
      name: "credentials",
      credentials: { username: { type: "text" }, password: { type: "password" } },
      async authorize(credentials, req) {
        const result = await verifyStaffCredentials(
          credentials?.username ?? "",
          credentials?.password ?? "",
          clientKeyOf(req.headers),
          now(),
        );
        if (!result.ok) throw new Error(result.reason); // "invalid" | "rateLimited": the page maps it to a message
        return { id: result.user.id, name: result.user.displayName };
      },
    }),
  ],
  callbacks: {
    // The token carries the user id and the id of the session row opened at sign-in, nothing else; role
    // and unit are read from the database on every request, so a deactivated user or a changed role takes
    // effect at once, and the row decides whether the session is still open (getViewer()).
    async jwt({ token, user }) {
      if (user) {
        token.uid = user.id;
        token.sid = await openStaffSession(user.id);
      }
      return token;
    },
    async session({ session, token }) {
      const str = (v: unknown) => (typeof v === "string" ? v : undefined);
      return { ...session, uid: str(token.uid), sid: str(token.sid) };
    },
  },
  events: {
    // POST /api/auth/signout (the header's 退出登录): next-auth clears the cookie in this browser; ending the
    // row makes every other copy of that cookie worthless too.
    async signOut({ token }) {
      if (typeof token?.sid === "string") await endStaffSession(token.sid);
    },
  },
};
