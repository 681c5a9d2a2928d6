// Creating migrations from schema changes, and a guard that prisma/migrations matches
// prisma/schema.prisma (fails when someone changes the schema without creating a migration).
import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { schemaPath } from "../paths.ts";
import { createMigration, diffMigrationsToSchema } from "./create.ts";
import { EMPTY_MIGRATION_SQL, listMigrationNames, MIGRATION_LOCK_CONTENT, MIGRATION_LOCK_FILE } from "./migration-files.ts";

const serverUrl = inject("testDatabaseAdminUrl");

describe("prisma/migrations", () => {
  it("produce exactly prisma/schema.prisma (no migration missing)", async () => {
    const diff = await diffMigrationsToSchema({ serverUrl });
    expect(diff.script, "run `pnpm db:migration:create <name>`").toBe("-- This is an empty migration.\n");
    expect(diff.empty).toBe(true);
  });
});

describe("createMigration", () => {
  let folder: string;
  let schemaFile: string;
  beforeAll(async () => {
    folder = await fs.mkdtemp(path.join(os.tmpdir(), "market-create-"));
    schemaFile = path.join(folder, "schema.prisma");
  });
  afterAll(() => fs.rm(folder, { recursive: true, force: true }));

  const migrations = () => path.join(folder, "migrations");
  const minimalSchema = `datasource db {\n  provider = "postgresql"\n}\n\nmodel Widget {\n  id Int @id\n}\n`;

  it("writes the first migration and the lock file, named like Prisma's", async () => {
    await fs.writeFile(schemaFile, minimalSchema);
    const created = await createMigration({
      serverUrl,
      name: "Create widgets",
      migrationsDir: migrations(),
      schemaPath: schemaFile,
      now: new Date(Date.UTC(2025, 0, 2, 3, 4, 5)),
    });
    expect(created?.folderName).toBe("20250102030405_create_widgets");
    expect(created?.sql).toContain(`CREATE TABLE "Widget"`);
    expect(await fs.readFile(path.join(migrations(), MIGRATION_LOCK_FILE), "utf8")).toBe(MIGRATION_LOCK_CONTENT);
  });

  it("reports no changes when the migrations match the schema", async () => {
    expect(await createMigration({ serverUrl, name: "again", migrationsDir: migrations(), schemaPath: schemaFile })).toBeNull();
  });

  it("writes only the difference for a schema change, after the existing migrations", async () => {
    await fs.writeFile(schemaFile, minimalSchema.replace("id Int @id", "id Int @id\n  name String?"));
    const created = await createMigration({
      serverUrl,
      name: "addWidgetName",
      migrationsDir: migrations(),
      schemaPath: schemaFile,
      now: new Date(Date.UTC(2024, 0, 1)), // a clock behind the last migration's
    });
    expect(created?.folderName).toBe("20250102030406_add_widget_name");
    expect(created?.sql).toMatch(/ALTER TABLE "Widget" ADD COLUMN\s+"name" TEXT/);
    expect(await listMigrationNames(migrations())).toEqual(["20250102030405_create_widgets", "20250102030406_add_widget_name"]);
  });

  it("writes an empty migration on request", async () => {
    const created = await createMigration({ serverUrl, name: "custom sql", empty: true, migrationsDir: migrations(), schemaPath: schemaFile });
    expect(created?.sql).toBe(EMPTY_MIGRATION_SQL);
  });

  it("uses the real schema by default", () => {
    expect(schemaPath.endsWith(path.join("prisma", "schema.prisma"))).toBe(true);
  });
});
