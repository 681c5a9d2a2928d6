import { describe, expect, it } from "vitest";
import { clientAddress } from "./client-address.ts";

const headers = (xff?: string) => new Headers(xff ? { "x-forwarded-for": xff } : {});

describe("client address", () => {
  it("takes the address the server itself appended when no proxy is trusted", () => {
    expect(clientAddress(headers("203.0.113.9, 127.0.0.1"), 0)).toBe("127.0.0.1");
  });
  it("ignores whatever a client forged on the left", () => {
    expect(clientAddress(headers("1.1.1.1, 2.2.2.2, 198.51.100.7"), 0)).toBe("198.51.100.7");
  });
  it("walks back one entry per trusted proxy", () => {
    expect(clientAddress(headers("forged, 198.51.100.7, 10.0.0.2"), 1)).toBe("198.51.100.7");
  });
  it("never walks past the start of the chain", () => {
    expect(clientAddress(headers("198.51.100.7"), 3)).toBe("198.51.100.7");
  });
  it("has a stable fallback", () => {
    expect(clientAddress(headers(), 0)).toBe("unknown");
  });
});
