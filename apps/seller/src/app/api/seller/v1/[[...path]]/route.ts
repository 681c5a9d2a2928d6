// The Seller REST API (/api/seller/v1/...): every method goes to the one framework-free handler,
// which routes by the operation declarations. Not behind the session or CSRF checks: callers are
// scripts authenticated by their API key (see packages/api/src/http/seller-api).
import { createSellerApiHandler } from "@market/api/http";

let handler: ((request: Request) => Promise<Response>) | undefined;
// Built on the first request, not at import: `next build` imports routes without a runtime env.
const handle = (request: Request) => (handler ??= createSellerApiHandler())(request);

export { handle as GET, handle as POST, handle as PUT, handle as PATCH, handle as DELETE };

export const dynamic = "force-dynamic";
