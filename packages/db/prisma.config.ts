// Prisma CLI configuration. The schema and migrations live at the repository's top level.
import path from "node:path";
import { defineConfig } from "prisma/config";

export default defineConfig({
  schema: path.join(import.meta.dirname, "../../prisma/schema.prisma"),
  migrations: { path: path.join(import.meta.dirname, "../../prisma/migrations") },
  datasource: { url: process.env.DATABASE_URL ?? "postgresql://localhost:5432/marketplace" },
});
