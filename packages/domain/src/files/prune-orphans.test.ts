// The daily prune of uploads nobody kept, on a real database and a local store in a temporary
// folder: old orphans go, fresh uploads and referenced files stay, whichever shop they belong to.
import { randomUUID } from "node:crypto";
import { mkdtemp, rm, utimes } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { getPrisma } from "@market/db";
import { captureLogs } from "@market/observability/log";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createOrderLine, createProduct, createSeller, createUser } from "../testing/shop-fixtures.ts";
import type { FileStore } from "./file-store.ts";
import { createLocalFileStore, fileUrl } from "./local-file-store.ts";
import { pruneOrphanedFiles } from "./prune-orphans.ts";

const HOUR = 3_600_000;
const now = new Date();
const hoursAgo = (hours: number) => new Date(now.getTime() - hours * HOUR);

let root: string;
let store: FileStore;

beforeAll(async () => {
  root = await mkdtemp(path.join(tmpdir(), "prune-orphans-"));
});
beforeEach(async () => {
  await rm(root, { recursive: true, force: true });
  store = createLocalFileStore(root);
});
afterAll(() => rm(root, { recursive: true, force: true }));

/** A stored file last written `age` hours ago. */
async function file(key: string, age: number, body = "bytes"): Promise<string> {
  await store.put(key, Buffer.from(body), "application/octet-stream");
  await utimes(path.join(root, key), hoursAgo(age), hoursAgo(age));
  return key;
}
const image = (sellerId: string, age: number, name = randomUUID()) => file(`sellers/${sellerId}/images/${name}.webp`, age);
const logo = (sellerId: string, age: number) => file(`sellers/${sellerId}/logo/${randomUUID()}.webp`, age);
const importFile = (sellerId: string, age: number) => file(`imports/${sellerId}/${randomUUID()}/stock.csv`, age);

async function remaining(): Promise<Set<string>> {
  const keys = new Set<string>();
  for await (const listed of store.list("")) keys.add(listed.key);
  return keys;
}

async function attachImage(sellerId: string, storageKey: string) {
  const product = await createProduct({ sellerId });
  await getPrisma().productImage.create({ data: { productId: product.id, storageKey, position: 5 } });
  return product;
}

describe("pruneOrphanedFiles", () => {
  it("deletes old unreferenced uploads of every kind and keeps fresh and referenced ones, shop by shop", async () => {
    const prisma = getPrisma();
    const [a, b] = [await createSeller(), await createSeller()];

    // Product pictures: an old orphan, a fresh orphan (a form being filled in), a saved one, and
    // one only an order line still shows (the product dropped it).
    const aOrphan = await image(a.id, 25);
    const aFresh = await image(a.id, 23);
    const aSaved = await image(a.id, 24 * 40);
    await attachImage(a.id, aSaved);
    const aOrdered = await image(a.id, 24 * 90);
    const product = await createProduct({ sellerId: a.id });
    const line = await createOrderLine({ userId: (await createUser()).id, variantId: product.variants[0]!.id });
    await prisma.orderLine.update({ where: { id: line.id }, data: { imageKey: aOrdered } });

    // The same file name in two shops: shop B's row protects B's file only.
    const shared = randomUUID();
    const aSameName = await image(a.id, 48, shared);
    const bSameName = await image(b.id, 48, shared);
    await attachImage(b.id, bSameName);

    // Logos: each shop's current one stays, replaced ones go; A's logo protects nothing of B's.
    const aOldLogo = await logo(a.id, 100);
    const aLogo = await logo(a.id, 100);
    const bOldLogo = await logo(b.id, 100);
    const bLogo = await logo(b.id, 30);
    await prisma.seller.update({ where: { id: a.id }, data: { logoUrl: fileUrl(aLogo) } });
    await prisma.seller.update({ where: { id: b.id }, data: { logoUrl: fileUrl(bLogo) } });

    // Import files: previewed and dropped; a job still running; finished 5 days ago (kept for a
    // while); finished 40 days ago (the file goes, the job and its report stay); a fresh preview.
    const aPreviewed = await importFile(a.id, 26);
    const aRunning = await importFile(a.id, 72);
    const bRecent = await importFile(b.id, 24 * 6);
    const bExpired = await importFile(b.id, 24 * 41);
    const bFreshPreview = await importFile(b.id, 1);
    await prisma.importJob.create({ data: { sellerId: a.id, kind: "STOCK_PRICES", fileKey: aRunning, status: "RUNNING", createdAt: hoursAgo(72) } });
    await prisma.importJob.create({ data: { sellerId: b.id, kind: "STOCK_PRICES", fileKey: bRecent, status: "COMPLETED", finishedAt: hoursAgo(24 * 5) } });
    const expiredJob = await prisma.importJob.create({
      data: { sellerId: b.id, kind: "PRODUCTS", fileKey: bExpired, status: "COMPLETED", finishedAt: hoursAgo(24 * 40), report: { errors: [{ row: 2, column: "sku", message: "Enter a SKU" }] } },
    });

    // Shapes this job does not manage stay whatever their age.
    const demoPicture = await file("products/demo/1.svg", 24 * 365);
    const unknownFolder = await file(`sellers/${a.id}/notes/readme.txt`, 24 * 365);

    const logs = captureLogs();
    const result = await (async () => {
      try {
        return await pruneOrphanedFiles({ now, olderThan: 24 * HOUR, store, pageSize: 3 });
      } finally {
        logs.restore();
      }
    })();

    const gone = [aOrphan, aSameName, aOldLogo, bOldLogo, aPreviewed, bExpired];
    const kept = [aFresh, aSaved, aOrdered, bSameName, aLogo, bLogo, aRunning, bRecent, bFreshPreview, demoPicture, unknownFolder];
    const left = await remaining();
    for (const key of gone) expect(left, key).not.toContain(key);
    for (const key of kept) expect(left, key).toContain(key);

    expect(result).toEqual({
      scanned: 16,
      fresh: 2,
      referenced: 7,
      skipped: 1,
      deleted: { image: 2, logo: 2, import: 2 },
      deletedBytes: 6 * "bytes".length,
      failed: 0,
    });
    // The job of the expired file keeps its report.
    expect((await prisma.importJob.findUniqueOrThrow({ where: { id: expiredJob.id } })).report).toEqual({ errors: [{ row: 2, column: "sku", message: "Enter a SKU" }] });

    // Every deletion is logged with its key; then one summary line.
    const lines = logs.lines.map((line) => JSON.parse(line) as { msg: string; key?: string; level: string });
    expect(lines.filter((line) => line.msg === "deleted an unreferenced upload").map((line) => line.key).sort()).toEqual([...gone].sort());
    expect(lines.at(-1)).toMatchObject({ level: "info", msg: "pruned 6 unreferenced uploads" });

    // A second run finds nothing more to do.
    expect((await pruneOrphanedFiles({ now, store })).deleted).toEqual({ image: 0, logo: 0, import: 0 });
  });

  it("keeps a file referenced after it was listed: references are checked right before deleting", async () => {
    const seller = await createSeller();
    const late = await image(seller.id, 30);
    const orphan = await image(seller.id, 30);
    const product = await createProduct({ sellerId: seller.id });
    // The seller saves the form while the job is walking the store: the row appears after the
    // file was listed, before its page is checked.
    const racing: FileStore = {
      ...store,
      async *list(prefix) {
        for await (const listed of store.list(prefix)) {
          yield listed;
          if (listed.key === late) await getPrisma().productImage.create({ data: { productId: product.id, storageKey: late } });
        }
      },
    };
    const result = await pruneOrphanedFiles({ now, store: racing, pageSize: 100 });
    expect(result.deleted.image).toBe(1);
    const left = await remaining();
    expect(left).toContain(late);
    expect(left).not.toContain(orphan);
  });

  it("honours the grace period it is given, and leaves files it cannot delete for the next run", async () => {
    const seller = await createSeller();
    const twoHoursOld = await image(seller.id, 2);
    for (const olderThan of [0, -HOUR, Number.NaN, HOUR / 2]) await expect(pruneOrphanedFiles({ now, store, olderThan })).rejects.toThrow(RangeError);
    expect((await pruneOrphanedFiles({ now, store, olderThan: 3 * HOUR })).deleted.image).toBe(0);
    expect(await remaining()).toContain(twoHoursOld);

    const failing: FileStore = { ...store, list: (prefix) => store.list(prefix), delete: async () => Promise.reject(new Error("bucket unavailable")) };
    const logs = captureLogs();
    try {
      const result = await pruneOrphanedFiles({ now, store: failing, olderThan: HOUR });
      expect(result).toMatchObject({ failed: 1, deleted: { image: 0, logo: 0, import: 0 } });
    } finally {
      logs.restore();
    }
    expect(logs.lines.some((line) => line.includes("could not delete an unreferenced upload") && line.includes(twoHoursOld))).toBe(true);
    expect(await remaining()).toContain(twoHoursOld);

    expect((await pruneOrphanedFiles({ now, store, olderThan: HOUR })).deleted.image).toBe(1);
    expect(await remaining()).not.toContain(twoHoursOld);
  });
});
