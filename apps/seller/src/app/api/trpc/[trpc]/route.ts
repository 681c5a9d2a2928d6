import { trpcRoute } from "@market/web/routes";

export const { GET, POST } = trpcRoute("seller");
