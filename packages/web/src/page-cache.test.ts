import { randomBytes } from "node:crypto";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import compression from "compression";
import { afterEach, describe, expect, it } from "vitest";
import { cookieNames, cookieValue, createPageCache, servePage, type PageCacheOptions } from "./page-cache.ts";

const options = (overrides: Partial<PageCacheOptions> = {}): PageCacheOptions => ({
  ttlMs: 30_000,
  cacheablePath: (pathname) => pathname.startsWith("/catalog/"),
  neutralCookie: (name) => name === "locale",
  variantOf: (request) => cookieValue(request.headers.cookie, "locale") ?? "en",
  ...overrides,
});

const request = (url: string, headers: Record<string, string> = {}, method = "GET") => ({ url, method, headers }) as unknown as IncomingMessage;

const page = (nonce: string, extra: Record<string, string | string[]> = {}) => ({
  status: 200,
  headers: {
    "content-type": "text/html; charset=utf-8",
    "content-security-policy": `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'`,
    link: `</a.css>; rel=preload; nonce="${nonce}"`,
    vary: "rsc, next-router-state-tree, Accept-Encoding",
    "x-request-id": "first-request",
    ...extra,
  },
  body: Buffer.from(`<script nonce="${nonce}">boot()</script><p>Dresses</p><script nonce="${nonce}"></script>`),
});

describe("cookies", () => {
  it("reads names and values from a Cookie header", () => {
    expect(cookieNames("locale=ru; market.cart=abc")).toEqual(["locale", "market.cart"]);
    expect(cookieValue("a=1; locale=ru", "locale")).toBe("ru");
    expect(cookieValue(undefined, "locale")).toBeUndefined();
  });
});

describe("which requests may share a page", () => {
  const cache = createPageCache(options());

  it("keys anonymous catalogue requests by language and URL", () => {
    expect(cache.keyFor(request("/catalog/dresses?page=2", { host: "shop.test" }))).toBe("en   shop.test /catalog/dresses?page=2");
    expect(cache.keyFor(request("/catalog/dresses", { cookie: "locale=ru", host: "shop.test" }))).toBe("ru   shop.test /catalog/dresses");
  });

  it("keeps pages asked under another scheme or host apart", () => {
    const plain = cache.keyFor(request("/catalog/dresses", { host: "shop.test" }));
    expect(cache.keyFor(request("/catalog/dresses", { host: "shop.test", "x-forwarded-proto": "https" }))).not.toBe(plain);
    expect(cache.keyFor(request("/catalog/dresses", { host: "other.test" }))).not.toBe(plain);
  });

  it("leaves out anyone with a cookie that can change the page", () => {
    expect(cache.keyFor(request("/catalog/dresses", { cookie: "locale=ru; market.session-token=x" }))).toBeNull();
    expect(cache.keyFor(request("/catalog/dresses", { cookie: "market.cart=x" }))).toBeNull();
  });

  it("leaves out other methods, other paths and authorised requests", () => {
    expect(cache.keyFor(request("/catalog/dresses", {}, "POST"))).toBeNull();
    expect(cache.keyFor(request("/cart"))).toBeNull();
    expect(cache.keyFor(request("/catalog/dresses", { authorization: "Bearer x" }))).toBeNull();
  });

  it("is off with a ttl of 0", () => {
    expect(createPageCache(options({ ttlMs: 0 })).keyFor(request("/catalog/dresses"))).toBeNull();
  });
});

describe("a cached page", () => {
  it("comes back with a fresh nonce everywhere the old one was", () => {
    const cache = createPageCache(options());
    const req = request("/catalog/dresses");
    expect(cache.store("k", req, page("OLD-NONCE-0123456789=="))).toBeNull();

    const first = cache.lookup("k", req)!;
    const second = cache.lookup("k", req)!;
    const nonceOf = (hit: typeof first) => /'nonce-([^']+)'/.exec(String(new Map(hit.headers).get("content-security-policy")))![1]!;
    const nonce = nonceOf(first);
    expect(nonce).not.toBe("OLD-NONCE==");
    expect(nonceOf(second)).not.toBe(nonce);
    expect(first.body).not.toContain("OLD-NONCE");
    expect(first.body.split(`nonce="${nonce}"`)).toHaveLength(3);
    expect(new Map(first.headers).get("link")).toContain(`nonce="${nonce}"`);
    // Per-response headers are the server's to set.
    expect(new Map(first.headers).has("x-request-id")).toBe(false);
  });

  it("is never kept when it sets a cookie, failed, or is not a page", () => {
    const cache = createPageCache(options());
    const req = request("/catalog/dresses");
    expect(cache.store("k", req, page("A-LONG-ENOUGH-NONCE", { "set-cookie": ["market.cart=x"] }))).toBe("sets a cookie");
    expect(cache.store("k", req, { ...page("A-LONG-ENOUGH-NONCE"), status: 404 })).toBe("status");
    expect(cache.store("k", req, page("A-LONG-ENOUGH-NONCE", { "content-type": "application/json" }))).toBe("content type");
    expect(cache.store("k", req, page("A-LONG-ENOUGH-NONCE", { "content-encoding": "gzip" }))).toBe("encoded");
    expect(cache.lookup("k", req)).toBeNull();
  });

  it("is kept per value of the headers it varies on", () => {
    const cache = createPageCache(options());
    const document = request("/catalog/dresses");
    const navigation = request("/catalog/dresses", { rsc: "1", "next-router-state-tree": "tree" });
    cache.store("k", document, page("DOCUMENT-NONCE-1"));
    expect(cache.lookup("k", navigation)).toBeNull();
    cache.store("k", navigation, { ...page("NAVIGATION-NONCE"), headers: { ...page("NAVIGATION-NONCE").headers, "content-type": "text/x-component" } });
    expect(new Map(cache.lookup("k", navigation)!.headers).get("content-type")).toBe("text/x-component");
    expect(new Map(cache.lookup("k", document)!.headers).get("content-type")).toContain("text/html");
  });

  it("expires after the ttl", () => {
    let now = 0;
    const cache = createPageCache(options({ now: () => now }));
    const req = request("/catalog/dresses");
    cache.store("k", req, page("A-LONG-ENOUGH-NONCE"));
    now = 29_999;
    expect(cache.lookup("k", req)).not.toBeNull();
    now = 30_000;
    expect(cache.lookup("k", req)).toBeNull();
    expect(cache.size).toEqual({ pages: 0, bytes: 0 });
  });

  it("drops the least recently used pages beyond its size", () => {
    const size = page("A-LONG-ENOUGH-NONCE").body.length;
    const cache = createPageCache(options({ maxBytes: size * 2 }));
    const req = request("/catalog/dresses");
    cache.store("a", req, page("A-LONG-ENOUGH-NONCE"));
    cache.store("b", req, page("A-LONG-ENOUGH-NONCE"));
    cache.lookup("a", req);
    cache.store("c", req, page("A-LONG-ENOUGH-NONCE"));
    expect(cache.lookup("b", req)).toBeNull();
    expect(cache.lookup("a", req)).not.toBeNull();
    expect(cache.lookup("c", req)).not.toBeNull();
  });
});

describe("servePage behind compression, over HTTP", () => {
  let server: Server | undefined;
  afterEach(() => {
    server?.closeAllConnections();
    return new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
  });

  async function start(render: (request: IncomingMessage, response: ServerResponse) => void) {
    const cache = createPageCache(options());
    const compress = compression({ threshold: 0 });
    let renders = 0;
    server = createServer((req, res) => {
      compress(req as never, res as never, () =>
        servePage(cache, req, res, () => {
          renders += 1;
          render(req, res);
        }),
      );
    });
    await new Promise<void>((resolve) => server!.listen(0, "127.0.0.1", resolve));
    const base = `http://127.0.0.1:${(server!.address() as AddressInfo).port}`;
    return { base, renders: () => renders };
  }

  const renderPage = (_req: IncomingMessage, res: ServerResponse) => {
    const nonce = randomBytes(16).toString("base64");
    res.setHeader("Content-Type", "text/html; charset=utf-8");
    res.setHeader("Content-Security-Policy", `script-src 'nonce-${nonce}'`);
    res.write(`<html><script nonce="${nonce}">`);
    res.end("</script>Dresses</html>");
  };

  it("renders once, then answers from the cache with its own nonce, compressed for those who ask", async () => {
    const { base, renders } = await start(renderPage);
    const first = await fetch(`${base}/catalog/dresses`);
    const firstBody = await first.text();
    expect(first.headers.get("x-page-cache")).toBe("miss");

    const second = await fetch(`${base}/catalog/dresses`);
    const secondBody = await second.text();
    expect(second.headers.get("x-page-cache")).toBe("hit");
    expect(renders()).toBe(1);
    const nonce = /'nonce-([^']+)'/.exec(second.headers.get("content-security-policy")!)![1]!;
    expect(secondBody).toBe(`<html><script nonce="${nonce}"></script>Dresses</html>`);
    expect(secondBody).not.toBe(firstBody);

    // fetch asks for gzip and unpacks it: hits are compressed like misses.
    expect(second.headers.get("content-encoding")).toBe("gzip");
    expect(renders()).toBe(1);
  });

  it("renders for every shopper with a cart or a session", async () => {
    const { base, renders } = await start(renderPage);
    await fetch(`${base}/catalog/dresses`, { headers: { cookie: "market.cart=x" } });
    const again = await fetch(`${base}/catalog/dresses`, { headers: { cookie: "market.cart=x" } });
    expect(again.headers.get("x-page-cache")).toBeNull();
    expect(renders()).toBe(2);
  });

  it("does not keep a page that sets a cookie", async () => {
    const { base, renders } = await start((req, res) => {
      res.setHeader("Set-Cookie", "market.cart=new; HttpOnly");
      renderPage(req, res);
    });
    await fetch(`${base}/catalog/dresses`);
    const again = await fetch(`${base}/catalog/dresses`);
    expect(again.headers.get("x-page-cache")).toBe("miss");
    expect(renders()).toBe(2);
  });
});
