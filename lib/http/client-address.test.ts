import { describe, expect, it } from "vitest";
import { clientAddressFrom, PEER_HEADER, trustedProxyHops } from "./client-address";

const bag = (h: Record<string, string>) => ({ get: (name: string) => h[name.toLowerCase()] ?? null });

describe("client address", () => {
  it("without a proxy (hops 0) is the connection's peer; X-Forwarded-For, X-Real-IP are the client's own words", () => {
    const h = bag({ [PEER_HEADER]: "203.0.113.9", "x-forwarded-for": "1.1.1.1", "x-real-ip": "2.2.2.2" });
    expect(clientAddressFrom(h, 0)).toBe("203.0.113.9");
    // Changing what the client sends changes nothing.
    expect(clientAddressFrom(bag({ [PEER_HEADER]: "203.0.113.9", "x-forwarded-for": "9.9.9.9, 8.8.8.8" }), 0)).toBe(
      "203.0.113.9",
    );
  });

  it("without the portal's server (no peer header) is one shared 'unknown', never a forwarded header", () => {
    expect(clientAddressFrom(bag({ "x-forwarded-for": "1.1.1.1" }), 0)).toBe("unknown");
  });

  it("behind one proxy is the rightmost X-Forwarded-For entry: what our proxy saw, not what the client wrote", () => {
    // The client sent "X-Forwarded-For: 6.6.6.6"; the proxy appended the peer it saw.
    expect(clientAddressFrom(bag({ [PEER_HEADER]: "10.0.0.2", "x-forwarded-for": "6.6.6.6, 198.51.100.4" }), 1)).toBe(
      "198.51.100.4",
    );
    expect(clientAddressFrom(bag({ [PEER_HEADER]: "10.0.0.2", "x-forwarded-for": "198.51.100.4" }), 1)).toBe(
      "198.51.100.4",
    );
  });

  it("behind two proxies is the second entry from the right", () => {
    const h = bag({ [PEER_HEADER]: "10.0.0.3", "x-forwarded-for": "6.6.6.6,198.51.100.4 , 10.0.0.2" });
    expect(clientAddressFrom(h, 2)).toBe("198.51.100.4");
    // A spoofed list of any length: the client's entries stay left of ours.
    const spoofed = bag({
      [PEER_HEADER]: "10.0.0.3",
      "x-forwarded-for": "1.1.1.1, 2.2.2.2, 3.3.3.3, 198.51.100.4, 10.0.0.2",
    });
    expect(clientAddressFrom(spoofed, 2)).toBe("198.51.100.4");
  });

  it("with fewer entries than hops takes the leftmost (still one of our proxies' observations), else the peer", () => {
    expect(clientAddressFrom(bag({ [PEER_HEADER]: "10.0.0.3", "x-forwarded-for": "198.51.100.4" }), 2)).toBe(
      "198.51.100.4",
    );
    expect(clientAddressFrom(bag({ [PEER_HEADER]: "10.0.0.3" }), 2)).toBe("10.0.0.3");
  });

  it("TRUST_PROXY_HOPS: default 0; anything but a positive whole number is 0", () => {
    expect(trustedProxyHops(undefined)).toBe(0);
    expect(trustedProxyHops("")).toBe(0);
    expect(trustedProxyHops("0")).toBe(0);
    expect(trustedProxyHops("1")).toBe(1);
    expect(trustedProxyHops("2")).toBe(2);
    expect(trustedProxyHops("-1")).toBe(0);
    expect(trustedProxyHops("1.5")).toBe(0);
    expect(trustedProxyHops("abc")).toBe(0);
  });
});
