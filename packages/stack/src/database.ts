// The database the local stack uses: DATABASE_URL when set, else an embedded PostgreSQL.
import { startEmbeddedPostgres, type EmbeddedPostgres } from "@market/db/embedded";
import { dataDir } from "@market/db/paths";

export type StackDatabase = {
  /** A URL for the server's maintenance database, to create and drop databases. */
  serverUrl: string;
  url(databaseName: string): string;
  embedded: EmbeddedPostgres | null;
  stop(): Promise<void>;
};

export async function openStackDatabase({ dataDirName, port, durable }: { dataDirName: string; port: number; durable: boolean }): Promise<StackDatabase> {
  const external = process.env.DATABASE_URL;
  if (external) {
    const base = new URL(external);
    return {
      serverUrl: external,
      url: (name) => {
        const u = new URL(base);
        u.pathname = `/${name}`;
        return u.toString();
      },
      embedded: null,
      stop: async () => undefined,
    };
  }
  const started = Date.now();
  const embedded = await startEmbeddedPostgres({ dataDir: dataDir(dataDirName), port, durable });
  console.log(
    `PostgreSQL ${embedded.reused ? "already running" : `started in ${Date.now() - started} ms`} on port ${embedded.port} (data in .data/${dataDirName})`,
  );
  return { serverUrl: embedded.url(), url: (name) => embedded.url(name), embedded, stop: () => embedded.stop() };
}
