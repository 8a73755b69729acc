import "server-only";
import type { NextAuthOptions } from "next-auth";
import Credentials from "next-auth/providers/credentials";
import { now } from "@/lib/clock";
import { verifyStaffCredentials } from "./sign-in";

/** A working day: a staff session ends the same day it began (it is not renewed by activity beyond this). */
export const SESSION_MAX_AGE_S = 10 * 60 * 60;

function clientKeyOf(headers: Record<string, unknown> | undefined): string {
  const raw = headers?.["x-forwarded-for"];
  const list = (typeof raw === "string" ? raw : "").split(",").map((s) => s.trim()).filter(Boolean);
  const hops = Math.max(1, Number(process.env.TRUST_PROXY_HOPS ?? 1) || 1);
  return list[list.length - hops] ?? "unknown";
}

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
        const result = await verifyStaffCredentials(credentials?.username ?? "", credentials?.password ?? "", clientKeyOf(req.headers), now());
        if (!result.ok) throw new Error(result.reason); // "invalid" | "rateLimited": the page maps it to a message
        return { id: result.user.id, name: result.user.displayName };
      },
    }),
  ],
  callbacks: {
    // The token carries the user id only; role and unit are read from the database on every request,
    // so a deactivated user or a changed role takes effect at once.
    async jwt({ token, user }) {
      if (user) token.uid = user.id;
      return token;
    },
    async session({ session, token }) {
      return { ...session, uid: typeof token.uid === "string" ? token.uid : undefined };
    },
  },
};
