// A seller's import through the real worker: the job queued by startImport (in the transaction
// that created the ImportJob) is picked up and applied; a second delivery of the same job changes
// nothing.
import { disconnectPrisma, getPrisma } from "@market/db";
import { createFreshDatabase, type FreshDatabase } from "@market/db/testing";
import { useTemporaryFileStore } from "@market/domain/files/testing";
import { previewImport, SELLER_IMPORT_TASK, startImport } from "@market/domain/seller-imports";
import { createProduct, createSeller, createUser, createWarehouse } from "@market/domain/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startWorker, stopWorker } from "../worker.ts";

useTemporaryFileStore("worker-imports-");

let database: FreshDatabase;
beforeAll(async () => {
  database = await createFreshDatabase({ label: "worker_imports" });
  const { migrateJobQueue } = await import("@market/db/job-queue");
  await migrateJobQueue(database.url);
  process.env.DATABASE_URL = database.url;
});
afterAll(async () => {
  await disconnectPrisma();
  await database?.drop();
});

describe("the seller import task", () => {
  it("applies a started import once, however often the job is delivered", { timeout: 60_000 }, async () => {
    const prisma = getPrisma();
    const seller = await createSeller();
    const user = await createUser("Seller");
    await prisma.sellerMember.create({ data: { sellerId: seller.id, userId: user.id } });
    const warehouse = await createWarehouse("Moscow");
    const { code } = await prisma.warehouse.findUniqueOrThrow({ where: { id: warehouse.id } });
    const product = await createProduct({ sellerId: seller.id, warehouseId: warehouse.id });
    const skus = await prisma.productVariant.findMany({ where: { productId: product.id }, orderBy: { position: "asc" }, select: { sku: true } });
    const csv = "sku,warehouse,quantity\n" + skus.map((row, index) => `${row.sku},${code},${40 + index}`).join("\n") + "\nUNKNOWN,WH,1\n";

    const preview = await previewImport(user.id, { sellerId: seller.id, kind: "STOCK_PRICES", fileName: "stock.csv", content: csv });
    const job = await startImport(user.id, { sellerId: seller.id, kind: "STOCK_PRICES", fileKey: preview.fileKey });

    const worker = await startWorker({ connectionString: database.url, concurrency: 1, log: () => undefined });
    try {
      await expect.poll(async () => (await prisma.importJob.findUniqueOrThrow({ where: { id: job.id } })).status, { timeout: 30_000, interval: 200 }).toBe("COMPLETED");
      // The seller changes one SKU by hand; a repeated delivery of the finished job must not undo it.
      await prisma.stock.updateMany({ where: { variant: { sku: skus[0]!.sku } }, data: { onHand: 1 } });
      await prisma.$executeRaw`SELECT graphile_worker.add_job(${SELLER_IMPORT_TASK}, json_build_object('importJobId', ${job.id}::text))`;
      await expect
        .poll(async () => (await prisma.$queryRaw<{ n: number }[]>`SELECT count(*)::int AS n FROM graphile_worker._private_jobs`)[0]!.n, { timeout: 30_000, interval: 200 })
        .toBe(0);
    } finally {
      await stopWorker(worker, () => undefined);
    }
    expect(await prisma.importJob.findUniqueOrThrow({ where: { id: job.id } })).toMatchObject({ processed: 5, succeeded: 4, failed: 1 });
    const stock = await prisma.stock.findMany({ where: { warehouseId: warehouse.id }, select: { onHand: true, variant: { select: { sku: true } } } });
    const onHand = Object.fromEntries(stock.map((row) => [row.variant.sku, row.onHand]));
    expect(onHand).toEqual({ [skus[0]!.sku]: 1, [skus[1]!.sku]: 41, [skus[2]!.sku]: 42, [skus[3]!.sku]: 43 });
  });
});
