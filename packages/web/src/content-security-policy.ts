// The Content Security Policy of both apps. Scripts run only with this request's nonce
// ('strict-dynamic' lets Next's own chunks load from them); nothing may frame the apps.
//
// With Stripe on (STRIPE_SECRET_KEY set), the pay page loads Stripe.js and its Payment Element
// frames, so Stripe's hosts are allowed (the list in Stripe's security guide); with the payment
// sandbox they are not, and the page talks only to its own origin.
const STRIPE_SOURCES = {
  "script-src": ["https://js.stripe.com", "https://*.js.stripe.com"],
  "frame-src": ["https://js.stripe.com", "https://*.js.stripe.com", "https://hooks.stripe.com"],
  "connect-src": ["https://api.stripe.com"],
  "img-src": ["https://*.stripe.com"],
};

export function contentSecurityPolicy(
  nonce: string,
  { development, https, stripe = false }: { development: boolean; https: boolean; stripe?: boolean },
): string {
  const extra = (directive: keyof typeof STRIPE_SOURCES) => (stripe ? STRIPE_SOURCES[directive] : []);
  const directives: Record<string, string[]> = {
    "default-src": ["'self'"],
    // React's development build evaluates code for its debugging aids.
    "script-src": ["'self'", `'nonce-${nonce}'`, "'strict-dynamic'", ...(development ? ["'unsafe-eval'"] : []), ...extra("script-src")],
    // Tailwind ships a stylesheet; inline style attributes are used by a few components.
    "style-src": ["'self'", "'unsafe-inline'"],
    "img-src": ["'self'", "blob:", "data:", ...extra("img-src")],
    "font-src": ["'self'"],
    "connect-src": ["'self'", ...extra("connect-src")],
    ...(stripe ? { "frame-src": extra("frame-src") } : {}),
    // The storefront's service worker (/sw.js); 'strict-dynamic' would otherwise refuse it.
    "worker-src": ["'self'"],
    "manifest-src": ["'self'"],
    "object-src": ["'none'"],
    "base-uri": ["'self'"],
    "form-action": ["'self'"],
    "frame-ancestors": ["'none'"],
    // Only over HTTPS: on plain-HTTP hosts (local runs) it would break every asset.
    ...(https ? { "upgrade-insecure-requests": [] } : {}),
  };
  return Object.entries(directives)
    .map(([name, values]) => [name, ...values].join(" "))
    .join("; ");
}

export const staticSecurityHeaders: Record<string, string> = {
  "X-Content-Type-Options": "nosniff",
  "X-Frame-Options": "DENY",
  "Referrer-Policy": "strict-origin-when-cross-origin",
  "Permissions-Policy": "camera=(), microphone=(), geolocation=(self), payment=(self)",
  "Cross-Origin-Opener-Policy": "same-origin",
};
