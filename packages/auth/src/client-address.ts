// The address a request came from, for rate limiting. X-Forwarded-For is only believed as far
// as proxies we run append to it: `next start` appends the socket's address itself, so with N
// trusted proxies in front the client is the (N+1)-th entry from the right. Anything a client
// writes into the header sits further left and is ignored.
export function clientAddress(headers: Headers, trustedProxyCount: number): string {
  const chain = (headers.get("x-forwarded-for") ?? "")
    .split(",")
    .map((part) => part.trim())
    .filter(Boolean);
  const index = chain.length - 1 - trustedProxyCount;
  return chain[Math.max(0, index)] ?? headers.get("x-real-ip") ?? "unknown";
}
