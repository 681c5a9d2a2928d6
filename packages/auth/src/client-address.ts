// The address a request came from, for rate limiting.
//
// The chain is X-Forwarded-For followed by the socket's address, which our server
// (@market/web/server) puts in a header no client can set. Each trusted proxy in front of us
// appends one entry, so the client is the entry just left of the last `trustedProxyCount`
// ones. Whatever a client writes into X-Forwarded-For sits further left and is never used.
export const PEER_ADDRESS_HEADER = "x-market-peer-address";

export function clientAddress(headers: Headers, trustedProxyCount: number): string {
  const forwarded = (headers.get("x-forwarded-for") ?? "")
    .split(",")
    .map((part) => part.trim())
    .filter(Boolean);
  const peer = headers.get(PEER_ADDRESS_HEADER);
  // Without our server (next dev), Next itself fills X-Forwarded-For with the socket address
  // when the client sent none; that is the best there is in development.
  const chain = peer ? [...forwarded, peer] : forwarded;
  const index = chain.length - 1 - trustedProxyCount;
  return chain[Math.max(0, index)] ?? "unknown";
}
