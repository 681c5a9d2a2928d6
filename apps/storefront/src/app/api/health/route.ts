export { healthRoute as GET } from "@market/web/routes";

export const dynamic = "force-dynamic";
