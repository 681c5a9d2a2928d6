// The job queue's tables (graphile-worker's own schema and migrations) are installed with ours,
// so a deployment's migration step leaves the database complete before any app or worker
// starts; a worker would otherwise install them on its first start.
import { runMigrations } from "graphile-worker";

export async function migrateJobQueue(databaseUrl: string): Promise<void> {
  await runMigrations({ connectionString: databaseUrl, logger: undefined });
}
