// Cross-site request forgery defence for state-changing requests. A browser attaches cookies
// to cross-site POSTs, but it cannot send application/json across origins without a CORS
// preflight (which we never grant), and it always sends Origin on such POSTs. So we require
// JSON and, when an Origin is present, that it is this app's own origin.

export type CsrfVerdict = { ok: true } | { ok: false; reason: string };

export type CsrfOptions = {
  /** Origins allowed besides the request's own host, e.g. the public URL behind a proxy. */
  allowedOrigins: string[];
  trustForwardedHost: boolean;
};

function requestHost(request: Request, trustForwardedHost: boolean): string | null {
  const forwarded = trustForwardedHost ? request.headers.get("x-forwarded-host")?.split(",")[0]?.trim() : undefined;
  return forwarded || request.headers.get("host");
}

export function checkCsrf(request: Request, options: CsrfOptions): CsrfVerdict {
  const method = request.method.toUpperCase();
  if (method === "GET" || method === "HEAD" || method === "OPTIONS") return { ok: true };

  const contentType = (request.headers.get("content-type") ?? "").split(";")[0]!.trim().toLowerCase();
  if (contentType !== "application/json") {
    return { ok: false, reason: "Requests that change data must be sent as application/json." };
  }

  const origin = request.headers.get("origin");
  if (origin) {
    let originHost: string;
    try {
      originHost = new URL(origin).host;
    } catch {
      return { ok: false, reason: "The request's Origin header is not a valid origin." };
    }
    const host = requestHost(request, options.trustForwardedHost);
    const allowed = options.allowedOrigins.some((o) => {
      try {
        return new URL(o).origin === new URL(origin).origin;
      } catch {
        return false;
      }
    });
    if (originHost !== host && !allowed) {
      return { ok: false, reason: "Cross-origin requests are not allowed." };
    }
  } else if (request.headers.get("sec-fetch-site") === "cross-site") {
    return { ok: false, reason: "Cross-origin requests are not allowed." };
  }
  return { ok: true };
}
