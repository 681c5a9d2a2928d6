// @market/db: the only place other packages import database code from.
//
// Runtime code only: the migration runner, embedded PostgreSQL and test helpers have their own
// entry points (@market/db/migrate, @market/db/embedded, @market/db/testing), so that apps do not
// bundle them. Client components should import enums and types from @market/db/browser, which
// does not pull in `pg`.
export {
  createPrismaClient,
  disconnectPrisma,
  getPrisma,
  pingDatabase,
  type DatabasePing,
  type CreatePrismaClientOptions,
} from "./client.ts";
export { isDatabaseUnavailable } from "./availability.ts";
export { newRowId } from "./ids.ts";

// The generated client: PrismaClient, the Prisma namespace (Prisma.UserWhereInput,
// Prisma.PrismaClientKnownRequestError, ...), every enum (as value and type), $Enums, and one
// type per model (User, Order, ...).
export * from "./generated/prisma/client.ts";
