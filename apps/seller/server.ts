// `pnpm start`: the production server (see @market/web/server for why not `next start`).
import { startNextServer } from "@market/web/server";

await startNextServer({
  dir: import.meta.dirname,
  port: Number(process.env.PORT ?? 3001),
  // Uploads and CSV exports stay with Next: they stream large bodies and read the session through auth().
  apiLane: ["/api/trpc/[trpc]", "/api/seller/v1/[[...path]]"],
});
