/** @type {import('next').NextConfig} */
const nextConfig = {
  // The native SQLite driver stays a Node module, not bundled.
  serverExternalPackages: [
    "better-sqlite3",
    "@prisma/adapter-better-sqlite3",
    "pg",
    "@prisma/adapter-pg",
    "@node-rs/argon2",
  ],
  poweredByHeader: false,
  typescript: { ignoreBuildErrors: true }, // `npm run typecheck` is the gate; the build need not repeat it.
  // Cached public pages (issue 9) are revalidated on every change to what they show and after `revalidate`
  // seconds at the latest (60, set by each page). A cached page is served stale for at most this many seconds
  // while it renders again; Next also sends it as `Cache-Control: s-maxage=60, stale-while-revalidate=240`, so a
  // reverse proxy or CDN in front may keep a page no longer than that either.
  expireTime: 300,
  experimental: {
    // app/global-not-found.tsx: the 404 of a URL no route matches, outside both root layouts (public, staff).
    globalNotFound: true,
    // The admin's import of historical cases (/staff/admin/import) uploads a CSV of up to 8 MB
    // (IMPORT_FORM_MAX_BYTES, lib/domain/case-import.ts) through a server action; Next's default is 1 MB. A larger
    // file is for `npm run import`. Below the 10 MB that proxy.ts's request buffering keeps whole.
    serverActions: { bodySizeLimit: "9mb" },
  },
  // Static headers for every response. The Content-Security-Policy (a fresh nonce per request) and HSTS are
  // set by proxy.ts (lib/http/security-headers.ts).
  async headers() {
    return [
      {
        source: "/:path*",
        headers: [
          { key: "X-Content-Type-Options", value: "nosniff" },
          { key: "Referrer-Policy", value: "same-origin" },
          { key: "X-Frame-Options", value: "DENY" },
          { key: "Permissions-Policy", value: "geolocation=(), camera=(), microphone=()" },
        ],
      },
    ];
  },
};

export default nextConfig;
