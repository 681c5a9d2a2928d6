import { authRoute } from "@market/web/routes";

export const { GET, POST } = authRoute;
