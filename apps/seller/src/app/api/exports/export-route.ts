// Wiring for the portal's CSV downloads: the session (see packages/api/src/http/exports).
import "server-only";
import { createExportHandler, type ExportKind } from "@market/api/http";
import { getSessionUser } from "@market/auth";

export function exportRoute(kind: ExportKind) {
  const handler = createExportHandler({
    kind,
    getUser: () => getSessionUser(),
    log: (fields) => console.error(JSON.stringify({ level: "error", route: `exports/${kind}`, ...fields })),
  });
  return (request: Request) => handler(request);
}
