import { describe, expect, it } from "vitest";
import { contentSecurityPolicy, newNonce, servedOverHttps } from "./security-headers";

const directive = (csp: string, name: string) => csp.split("; ").find((d) => d.startsWith(`${name} `));

describe("contentSecurityPolicy", () => {
  const prod = contentSecurityPolicy({ nonce: "abc123", dev: false, https: false });

  it("runs only the site's own scripts, those carrying the request's nonce", () => {
    expect(directive(prod, "script-src")).toBe("script-src 'self' 'nonce-abc123' 'strict-dynamic'");
    expect(prod).not.toContain("'unsafe-inline'");
    expect(prod).not.toContain("'unsafe-eval'");
    expect(directive(prod, "worker-src")).toBe("worker-src 'self'");
    expect(prod).not.toContain("blob:");
  });

  it("forbids framing, plugins, foreign forms and base URLs", () => {
    for (const d of [
      "default-src 'self'",
      "object-src 'none'",
      "base-uri 'self'",
      "form-action 'self'",
      "frame-ancestors 'none'",
    ])
      expect(prod.split("; ")).toContain(d);
  });

  it("allows what `next dev` needs, in development only", () => {
    const dev = contentSecurityPolicy({ nonce: "abc123", dev: true, https: false });
    expect(directive(dev, "script-src")).toContain("'unsafe-eval'");
    expect(directive(dev, "style-src")).toBe("style-src 'self' 'unsafe-inline'");
  });

  it("upgrades insecure requests over HTTPS only", () => {
    expect(prod).not.toContain("upgrade-insecure-requests");
    expect(contentSecurityPolicy({ nonce: "n", dev: false, https: true }).split("; ")).toContain(
      "upgrade-insecure-requests",
    );
  });
});

describe("newNonce", () => {
  it("is fresh every time and fits a CSP source expression", () => {
    const nonces = new Set(Array.from({ length: 100 }, newNonce));
    expect(nonces.size).toBe(100);
    for (const n of nonces) expect(n).toMatch(/^[A-Za-z0-9+/]{22}==$/);
  });
});

describe("servedOverHttps", () => {
  it("is true behind TLS or when the portal says it is served over HTTPS", () => {
    expect(servedOverHttps("https:", undefined)).toBe(true);
    expect(servedOverHttps("http:", "1")).toBe(true);
    expect(servedOverHttps("http:", undefined)).toBe(false);
    expect(servedOverHttps("http:", "0")).toBe(false);
  });
});

describe("contentSecurityPolicy for a cached page (no nonce)", () => {
  const cached = contentSecurityPolicy({ nonce: null, dev: false, https: false });

  it("runs the site's own scripts and inline bootstrap, never eval or a foreign script", () => {
    expect(directive(cached, "script-src")).toBe("script-src 'self' 'unsafe-inline'");
    expect(cached).not.toContain("'unsafe-eval'");
    expect(cached).not.toContain("nonce-");
    expect(directive(cached, "style-src")).toBe("style-src 'self'");
  });

  it("keeps every other restriction of the nonce policy", () => {
    const withNonce = contentSecurityPolicy({ nonce: "abc123", dev: false, https: false }).split("; ");
    const rest = (p: string[]) => p.filter((d) => !d.startsWith("script-src") && !d.startsWith("style-src"));
    expect(rest(cached.split("; "))).toEqual(rest(withNonce));
  });
});
