// The migration runner against a real PostgreSQL: applies prisma/migrations like
// `prisma migrate deploy` (same bookkeeping), idempotently, and the hand-written invariants hold.
import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { createPrismaClient } from "../client.ts";
import { migrationsDir } from "../paths.ts";
import { withPgClient } from "../postgres-admin.ts";
import { createFreshDatabase, type FreshDatabase } from "../testing/fresh-database.ts";
import { applyMigrations, markMigrationRolledBack, SchemaEngineError } from "./apply.ts";
import { listMigrationNames, MIGRATION_FILE, MIGRATION_LOCK_CONTENT, MIGRATION_LOCK_FILE, migrationChecksum } from "./migration-files.ts";

const adminUrl = inject("testDatabaseAdminUrl");

describe("applyMigrations on a fresh database", () => {
  let db: FreshDatabase;
  beforeAll(async () => {
    db = await createFreshDatabase({ adminUrl, label: "apply", migrate: false });
  });
  afterAll(() => db?.drop());

  it("applies every migration folder, in name order", async () => {
    const expected = await listMigrationNames(migrationsDir);
    expect(expected.length).toBeGreaterThan(0);
    expect(await applyMigrations(db.url)).toEqual(expected);
  });

  it("is a no-op the second time", async () => {
    expect(await applyMigrations(db.url)).toEqual([]);
  });

  it("records the migrations in _prisma_migrations as prisma migrate deploy does", async () => {
    const rows = await withPgClient(db.url, async (client) => {
      const result = await client.query<{
        migration_name: string;
        checksum: string;
        finished_at: Date | null;
        rolled_back_at: Date | null;
        logs: string | null;
        applied_steps_count: number;
      }>("SELECT * FROM _prisma_migrations ORDER BY migration_name");
      return result.rows;
    });
    const names = await listMigrationNames(migrationsDir);
    expect(rows.map((row) => row.migration_name)).toEqual(names);
    for (const row of rows) {
      const sql = await fs.readFile(path.join(migrationsDir, row.migration_name, MIGRATION_FILE));
      // Prisma's checksum: SHA-256 of the file's bytes, 64 lower-case hex digits.
      expect(row.checksum).toMatch(/^[0-9a-f]{64}$/);
      expect(row.checksum).toBe(migrationChecksum(sql));
      expect(row.finished_at).toBeInstanceOf(Date);
      expect(row.rolled_back_at).toBeNull();
      expect(row.logs).toBeNull();
      expect(row.applied_steps_count).toBe(1);
    }
  });

  it("creates _prisma_migrations with Prisma's column layout", async () => {
    const columns = await withPgClient(db.url, async (client) => {
      const result = await client.query<{ column_name: string; data_type: string }>(
        `SELECT column_name, data_type FROM information_schema.columns
         WHERE table_name = '_prisma_migrations' ORDER BY ordinal_position`,
      );
      return Object.fromEntries(result.rows.map((row) => [row.column_name, row.data_type]));
    });
    expect(columns).toEqual({
      id: "character varying",
      checksum: "character varying",
      finished_at: "timestamp with time zone",
      migration_name: "character varying",
      logs: "text",
      rolled_back_at: "timestamp with time zone",
      started_at: "timestamp with time zone",
      applied_steps_count: "integer",
    });
  });

  it("creates the pg_trgm and unaccent extensions", async () => {
    const names = await withPgClient(db.url, async (client) => {
      const result = await client.query<{ extname: string }>("SELECT extname FROM pg_extension ORDER BY extname");
      return result.rows.map((row) => row.extname);
    });
    expect(names).toEqual(expect.arrayContaining(["pg_trgm", "unaccent"]));
  });

  it("keeps migration_lock.toml as Prisma writes it", async () => {
    expect(await fs.readFile(path.join(migrationsDir, MIGRATION_LOCK_FILE), "utf8")).toBe(MIGRATION_LOCK_CONTENT);
  });
});

describe("CHECK constraints of the init migration", () => {
  let db: FreshDatabase;
  let prisma: ReturnType<typeof createPrismaClient>;
  let variantId: string;
  let warehouseId: string;

  beforeAll(async () => {
    db = await createFreshDatabase({ adminUrl, label: "checks" });
    prisma = createPrismaClient(db.url);
    const seller = await prisma.seller.create({ data: { slug: "acme", name: "Acme" } });
    const category = await prisma.category.create({ data: { slug: "dresses", name: "Dresses", nameRu: "Платья", path: "/dresses/" } });
    const product = await prisma.product.create({
      data: { sellerId: seller.id, categoryId: category.id, slug: "red-dress", title: "Red dress" },
    });
    const variant = await prisma.productVariant.create({ data: { productId: product.id, sku: "RD-1", priceMinor: 1000 } });
    const warehouse = await prisma.warehouse.create({ data: { code: "MSK1", name: "Moscow 1", city: "Moscow", address: "1 Main St" } });
    variantId = variant.id;
    warehouseId = warehouse.id;
    await prisma.stock.create({ data: { variantId, warehouseId, onHand: 5, reserved: 0 } });
  });
  afterAll(async () => {
    await prisma?.$disconnect();
    await db?.drop();
  });

  const stockKey = () => ({ variantId_warehouseId: { variantId, warehouseId } });

  it("refuses reserved > onHand", async () => {
    await expect(prisma.stock.update({ where: stockKey(), data: { reserved: 6 } })).rejects.toThrow(/Stock_reserved_le_onHand_check/);
    const stock = await prisma.stock.findUniqueOrThrow({ where: stockKey() });
    expect(stock.reserved).toBe(0);
  });

  it("accepts reserved == onHand", async () => {
    const stock = await prisma.stock.update({ where: stockKey(), data: { reserved: 5 } });
    expect(stock.reserved).toBe(5);
  });

  it("refuses negative stock and non-positive prices", async () => {
    await expect(prisma.stock.update({ where: stockKey(), data: { onHand: -1, reserved: 0 } })).rejects.toThrow(/Stock_onHand_check/);
    await expect(prisma.productVariant.update({ where: { id: variantId }, data: { priceMinor: 0 } })).rejects.toThrow(
      /ProductVariant_priceMinor_check/,
    );
    await expect(prisma.productVariant.update({ where: { id: variantId }, data: { compareAtMinor: 1000 } })).rejects.toThrow(
      /ProductVariant_compareAtMinor_check/,
    );
    await prisma.productVariant.update({ where: { id: variantId }, data: { compareAtMinor: 1500 } });
  });
});

describe("applyMigrations with a hand-made migrations folder", () => {
  let folder: string;
  let db: FreshDatabase;
  beforeAll(async () => {
    folder = await fs.mkdtemp(path.join(os.tmpdir(), "market-migrations-"));
    await fs.writeFile(path.join(folder, MIGRATION_LOCK_FILE), MIGRATION_LOCK_CONTENT);
    db = await createFreshDatabase({ adminUrl, label: "folder", migrate: false });
  });
  afterAll(async () => {
    await db?.drop();
    await fs.rm(folder, { recursive: true, force: true });
  });

  const write = async (name: string, sql: string) => {
    await fs.mkdir(path.join(folder, name), { recursive: true });
    await fs.writeFile(path.join(folder, name, MIGRATION_FILE), sql);
  };

  it("runs a migration with semicolons in comments, strings and function bodies", async () => {
    // The stock pg adapter would split this script at every ";" and fail.
    await write(
      "20240101000000_semicolons",
      `-- a comment; with a semicolon
CREATE TABLE "Note" ("id" INTEGER PRIMARY KEY, "text" TEXT NOT NULL DEFAULT 'a;b');
CREATE FUNCTION note_count() RETURNS bigint LANGUAGE plpgsql AS $$
BEGIN
  RETURN (SELECT count(*) FROM "Note");
END;
$$;
INSERT INTO "Note" ("id") VALUES (1);
`,
    );
    expect(await applyMigrations(db.url, { migrationsDir: folder })).toEqual(["20240101000000_semicolons"]);
    const text = await withPgClient(db.url, async (client) => (await client.query(`SELECT "text" FROM "Note"`)).rows[0]?.text);
    expect(text).toBe("a;b");
  });

  it("rolls a failing migration back as a whole, blocks until resolved, then retries it", async () => {
    await write("20240102000000_broken", `CREATE TABLE "Half" ("id" INTEGER);\nSELECT * FROM "does_not_exist";\n`);
    const failure = await applyMigrations(db.url, { migrationsDir: folder }).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(SchemaEngineError);
    expect((failure as SchemaEngineError).message).toMatch(/does_not_exist/);
    // One implicit transaction: the CREATE TABLE before the failing statement did not stay.
    const halfExists = await withPgClient(db.url, async (client) => (await client.query(`SELECT to_regclass('"Half"') AS t`)).rows[0]?.t);
    expect(halfExists).toBeNull();

    // Like prisma migrate deploy: a failed migration blocks further applies (P3009)...
    await expect(applyMigrations(db.url, { migrationsDir: folder })).rejects.toMatchObject({ code: "P3009" });
    // ...until it is marked rolled back; then the fixed migration applies.
    await markMigrationRolledBack(db.url, "20240102000000_broken");
    await write("20240102000000_broken", `CREATE TABLE "Half" ("id" INTEGER);\n`);
    expect(await applyMigrations(db.url, { migrationsDir: folder })).toEqual(["20240102000000_broken"]);
  });
});
