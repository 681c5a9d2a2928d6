import { describe, expect, it } from "vitest";
import { clientAddress, PEER_ADDRESS_HEADER } from "./client-address.ts";

const headers = (xff: string | null, peer: string | null) => {
  const h = new Headers();
  if (xff) h.set("x-forwarded-for", xff);
  if (peer) h.set(PEER_ADDRESS_HEADER, peer);
  return h;
};

describe("client address", () => {
  it("is the socket's address when no proxy is trusted, whatever X-Forwarded-For says", () => {
    expect(clientAddress(headers("203.0.113.9", "198.51.100.7"), 0)).toBe("198.51.100.7");
    expect(clientAddress(headers("1.1.1.1, 2.2.2.2", "198.51.100.7"), 0)).toBe("198.51.100.7");
  });
  it("is the entry the trusted proxy appended when one is configured", () => {
    // client forged "6.6.6.6"; the ingress (10.0.0.2) appended the real client 198.51.100.7
    expect(clientAddress(headers("6.6.6.6, 198.51.100.7", "10.0.0.2"), 1)).toBe("198.51.100.7");
  });
  it("never walks past the start of the chain", () => {
    expect(clientAddress(headers(null, "198.51.100.7"), 3)).toBe("198.51.100.7");
  });
  it("falls back to X-Forwarded-For in development, and to a stable key without anything", () => {
    expect(clientAddress(headers("127.0.0.1", null), 0)).toBe("127.0.0.1");
    expect(clientAddress(headers(null, null), 0)).toBe("unknown");
  });
});
