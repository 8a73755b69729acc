// The portal's public address (SITE_URL, e.g. https://xf.example.gov.cn): the base of the absolute hreflang
// alternates and canonical links every public page carries. Cached pages are rendered once for everyone, so it
// cannot come from the request's Host header.
export const DEFAULT_SITE_URL = "http://localhost:3000";

export function siteUrl(env: Record<string, string | undefined> = process.env): URL {
  const raw = env.SITE_URL?.trim();
  if (raw) {
    try {
      const url = new URL(raw);
      if (url.protocol === "http:" || url.protocol === "https:") return new URL(url.origin);
    } catch {
      // falls through to the default
    }
  }
  return new URL(DEFAULT_SITE_URL);
}
