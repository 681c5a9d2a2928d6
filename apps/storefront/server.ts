// `pnpm start`: the production server (see @market/web/server for why not `next start`).
import { searchEnv } from "@market/config/env";
import { cookieValue } from "@market/web/page-cache";
import { isLocale, LOCALE_COOKIE, localeFromAcceptLanguage } from "@market/web/i18n";
import { startNextServer } from "@market/web/server";

// The catalogue: what anonymous shoppers browse most, the same for all of them.
const CATALOGUE = /^\/(?:$|search$|catalog\/|products\/|sellers\/)/;

// Cookies that never change a catalogue page. The language one is part of the cache key; next-auth
// keeps these two for its own sign-in endpoints. Any other cookie (the session, the guest cart,
// the pickup point, whatever is added later) gets the shopper a page of their own.
const NEUTRAL_COOKIES = new Set([LOCALE_COOKIE, "authjs.csrf-token", "__Host-authjs.csrf-token", "authjs.callback-url", "__Secure-authjs.callback-url"]);

await startNextServer({
  dir: import.meta.dirname,
  port: Number(process.env.PORT ?? 3000),
  apiLane: ["/api/trpc/[trpc]", "/api/webhooks/stripe", "/api/webhooks/warehouse", "/api/payment-sandbox/[...path]"],
  pageCache: {
    // The staleness listings already accept (SEARCH_CACHE_TTL_SECONDS, default 30 s; 0 turns
    // both caches off).
    ttlMs: searchEnv().SEARCH_CACHE_TTL_SECONDS * 1000,
    cacheablePath: (pathname) => CATALOGUE.test(pathname),
    neutralCookie: (name) => NEUTRAL_COOKIES.has(name),
    // The language the page is written in, found as getLocale() finds it.
    variantOf: (request) => {
      const chosen = cookieValue(request.headers.cookie, LOCALE_COOKIE);
      return isLocale(chosen) ? chosen : localeFromAcceptLanguage(request.headers["accept-language"] ?? null);
    },
  },
});
