// The CSV import and export end to end on a real database: a 5,000-row stock and price file with
// bad rows of every kind, progress recorded chunk by chunk, resuming after a crash without
// applying a chunk twice, product cards created and updated, the export round trip, the parser's
// edge cases, and another shop's jobs refused.
import { randomUUID } from "node:crypto";
import { getPrisma } from "@market/db";
import { describe, expect, it } from "vitest";
import { getFileStore } from "../files/index.ts";
import { useTemporaryFileStore } from "../files/testing/index.ts";
import { createListingCategory, createShopWithMember } from "../listings/testing/index.ts";
import { setStockLevels } from "../seller-api/stocks.ts";
import { createWarehouse } from "../testing/shop-fixtures.ts";
import { parseCsv } from "./csv.ts";
import { catalogCsvRows } from "./export-catalog.ts";
import { getImportJob, importErrorsCsv, listImportJobs, previewImport, SELLER_IMPORT_TASK, startImport } from "./jobs.ts";
import { IMPORT_CHUNK_ROWS } from "./limits.ts";
import { runImportJob } from "./run-import.ts";

useTemporaryFileStore("seller-imports-");

const queued = (task: string) =>
  getPrisma().$queryRaw<{ payload: unknown }[]>`
    SELECT j.payload FROM graphile_worker._private_jobs j JOIN graphile_worker._private_tasks t ON t.id = j.task_id WHERE t.identifier = ${task}`;

/** A shop with `products` × `perProduct` variants written in bulk, and two warehouses it may use. */
async function bulkShop(products: number, perProduct: number) {
  const prisma = getPrisma();
  const shop = await createShopWithMember();
  const { categoryId } = await createListingCategory();
  const n = randomUUID().slice(0, 8);
  const marketplace = await createWarehouse("Moscow");
  const own = await prisma.warehouse.create({ data: { code: `OWN-${n}`, name: "Back room", kind: "SELLER", sellerId: shop.sellerId, city: "Moscow", address: "Moscow, 1" } });
  const warehouses = await prisma.warehouse.findMany({ where: { id: { in: [marketplace.id, own.id] } }, select: { id: true, code: true }, orderBy: { code: "asc" } });
  const skus: string[] = [];
  for (let p = 0; p < products; p++) {
    const product = await prisma.product.create({
      data: { sellerId: shop.sellerId, categoryId, slug: `bulk-${n}-${p}`, title: `Bulk product ${p}`, status: "ACTIVE", minPriceMinor: 100_000 },
      select: { id: true },
    });
    const rows = Array.from({ length: perProduct }, (_, v) => ({ productId: product.id, sku: `B-${n}-${p}-${v}`, size: `S${v}`, color: "Black", priceMinor: 100_000, position: v }));
    await prisma.productVariant.createMany({ data: rows });
    skus.push(...rows.map((row) => row.sku));
  }
  return { ...shop, categoryId, warehouses, skus };
}

async function runToEnd(importJobId: string) {
  const seen: number[] = [];
  await runImportJob(importJobId, { afterChunk: (progress) => void seen.push(progress.processed) });
  return seen;
}

describe("the stock and price import", () => {
  it("applies 4,950 good rows of a 5,000-row file, reports the 50 bad ones by row, and shows progress per chunk", { timeout: 240_000 }, async () => {
    const prisma = getPrisma();
    const shop = await bulkShop(50, 50); // 2,500 SKUs × 2 warehouses
    const other = await bulkShop(1, 8);
    const [wh1, wh2] = shop.warehouses as [{ id: string; code: string }, { id: string; code: string }];
    // One SKU has units reserved for orders: its stock cannot go below them.
    const reservedSku = shop.skus[7]!;
    const reservedVariant = await prisma.productVariant.findUniqueOrThrow({ where: { sku: reservedSku } });
    await prisma.stock.create({ data: { variantId: reservedVariant.id, warehouseId: wh1.id, onHand: 9, reserved: 6 } });

    type Line = [sku: string, warehouse: string, quantity: string, price: string, discount: string];
    const good: Line[] = [];
    shop.skus.forEach((sku, index) => {
      for (const [w, warehouse] of [wh1, wh2].entries()) {
        good.push([sku, warehouse.code, String((index * 7 + w) % 300), `${1000 + (index % 500)}.50`, index % 3 === 0 ? `${900 + (index % 500)},00` : ""]);
      }
    });
    const kinds: { line: Line; column: string }[] = [];
    for (let i = 0; i < 10; i++) kinds.push({ line: [`NOPE-${i}`, wh1.code, "5", "100", ""], column: "sku" });
    for (let i = 0; i < 8; i++) kinds.push({ line: [other.skus[i]!, wh1.code, "5", "100", ""], column: "sku" });
    for (let i = 0; i < 8; i++) kinds.push({ line: [shop.skus[100 + i]!, wh1.code, "-3", "100", ""], column: "quantity" });
    for (let i = 0; i < 8; i++) kinds.push({ line: [shop.skus[200 + i]!, wh1.code, "4", "abc", ""], column: "price" });
    for (let i = 0; i < 8; i++) kinds.push({ line: [shop.skus[300 + i]!, "", "4", "100", ""], column: "warehouse" });
    for (let i = 0; i < 6; i++) kinds.push({ line: [...good[i * 2]!.slice(0, 2), "999", ...good[i * 2]!.slice(3)] as Line, column: "sku" });
    kinds.push({ line: [reservedSku, wh1.code, "2", good[14]![3], good[14]![4]], column: "quantity" });
    kinds.push({ line: [shop.skus[400]!, "NO-SUCH-WAREHOUSE", "2", "100", ""], column: "warehouse" });
    expect(kinds).toHaveLength(50);

    // 4,950 good rows (the last 50 pairs left out) with a bad one after every 99th good one.
    const body: Line[] = [];
    const goodUsed = good.filter((line) => line[0] !== reservedSku || line[1] !== wh1.code).slice(0, 4950);
    goodUsed.forEach((line, index) => {
      body.push(line);
      if (index % 99 === 98 && kinds.length) body.push(kinds.shift()!.line);
    });
    while (kinds.length) body.push(kinds.shift()!.line);
    const badCount = body.length - goodUsed.length;
    expect([body.length, badCount]).toEqual([5000, 50]);
    const csv = "sku;warehouse;quantity;price;discount_price\n" + body.map((line) => line.join(";")).join("\n") + "\n";

    const preview = await previewImport(shop.userId, { sellerId: shop.sellerId, kind: "STOCK_PRICES", fileName: "stock.csv", content: csv });
    expect(preview.totalRows).toBe(body.length);
    expect(preview.invalidRows).toBe(badCount);
    expect(preview.validRows).toBe(goodUsed.length);
    expect(preview.sample[0]).toEqual({ row: 2, cells: { sku: good[0]![0], warehouse: good[0]![1], quantity: good[0]![2], price: good[0]![3], discount_price: good[0]![4] } });
    expect(preview.errors.find((error) => error.message.includes("NOPE-0"))).toMatchObject({ column: "sku", message: 'SKU "NOPE-0" is not in your catalogue.' });

    const job = await startImport(shop.userId, { sellerId: shop.sellerId, kind: "STOCK_PRICES", fileKey: preview.fileKey });
    expect(job).toMatchObject({ status: "PENDING", totalRows: body.length, processed: 0, fileName: "stock.csv" });
    expect((await queued(SELLER_IMPORT_TASK)).map((row) => row.payload)).toContainEqual({ importJobId: job.id });
    await prisma.$executeRaw`DELETE FROM graphile_worker._private_jobs`;

    const seen = await runToEnd(job.id);
    const chunks = Math.ceil(body.length / IMPORT_CHUNK_ROWS);
    expect(seen).toEqual(Array.from({ length: chunks }, (_, i) => Math.min((i + 1) * IMPORT_CHUNK_ROWS, body.length)));

    const done = await getImportJob(shop.userId, { sellerId: shop.sellerId, importJobId: job.id });
    expect(done).toMatchObject({ status: "COMPLETED", processed: body.length, succeeded: goodUsed.length, failed: badCount, errorCount: badCount });
    expect(done.finishedAt).toBeInstanceOf(Date);
    // Every bad row is reported with its spreadsheet row number and column.
    body.forEach((line, index) => {
      const row = index + 2;
      const errors = done.errors.filter((error) => error.row === row);
      if (goodUsed.includes(line)) expect(errors).toEqual([]);
      else expect(errors.length).toBeGreaterThan(0);
    });
    expect(done.errors.filter((error) => error.column === "quantity" && error.message.includes("reserved"))).toHaveLength(1);
    expect(done.errors.filter((error) => error.message.includes("already in row"))).toHaveLength(6);

    // Good rows applied exactly: every quantity and price from the file, nothing else.
    const stock = await prisma.stock.findMany({ where: { variant: { product: { sellerId: shop.sellerId } } }, select: { onHand: true, variant: { select: { sku: true } }, warehouse: { select: { code: true } } } });
    const onHand = new Map(stock.map((row) => [`${row.variant.sku}|${row.warehouse.code}`, row.onHand]));
    for (const line of goodUsed) expect(onHand.get(`${line[0]}|${line[1]}`)).toBe(Number(line[2]));
    expect(onHand.get(`${reservedSku}|${wh1.code}`)).toBe(9);
    expect(stock).toHaveLength(goodUsed.length + 1);
    const variants = await prisma.productVariant.findMany({ where: { sku: { in: [shop.skus[0]!, shop.skus[1]!, shop.skus[200]!] } }, select: { sku: true, priceMinor: true, compareAtMinor: true } });
    expect(variants.find((v) => v.sku === shop.skus[0])).toMatchObject({ priceMinor: 90_000, compareAtMinor: 100_050 });
    expect(variants.find((v) => v.sku === shop.skus[1])).toMatchObject({ priceMinor: 100_150, compareAtMinor: null });
    const otherStock = await prisma.stock.count({ where: { variant: { product: { sellerId: other.sellerId } } } });
    expect(otherStock).toBe(0);
    // The search index follows: the sync of the changed products was queued with the changes.
    const synced = new Set((await queued("search.sync-products")).flatMap((row) => row.payload as string[]));
    expect(synced.size).toBe(50);

    const report = await importErrorsCsv(shop.userId, { sellerId: shop.sellerId, importJobId: job.id });
    expect(report.fileName).toBe("stock-errors.csv");
    const reportRows = parseCsv(report.csv, { knownColumn: () => true }).rows;
    expect(reportRows).toHaveLength(badCount);
    expect(reportRows[0]!.cells).toMatchObject({ column: expect.any(String), message: expect.any(String) });
  });

  it("resumes after a crash without applying a committed chunk again", { timeout: 120_000 }, async () => {
    const prisma = getPrisma();
    const shop = await bulkShop(4, 300);
    const wh = shop.warehouses[0]!;
    const csv = "sku,warehouse,quantity\n" + shop.skus.map((sku) => `${sku},${wh.code},10`).join("\n");
    const preview = await previewImport(shop.userId, { sellerId: shop.sellerId, kind: "STOCK_PRICES", fileName: "s.csv", content: csv });
    const job = await startImport(shop.userId, { sellerId: shop.sellerId, kind: "STOCK_PRICES", fileKey: preview.fileKey });
    // Starting the same upload again (a double click) is the same job.
    expect((await startImport(shop.userId, { sellerId: shop.sellerId, kind: "STOCK_PRICES", fileKey: preview.fileKey })).id).toBe(job.id);

    await expect(
      runImportJob(job.id, {
        afterChunk: (progress) => {
          if (progress.processed === 1000) throw new Error("worker killed");
        },
      }),
    ).rejects.toThrow("worker killed");
    expect(await prisma.importJob.findUniqueOrThrow({ where: { id: job.id } })).toMatchObject({ status: "RUNNING", processed: 1000, succeeded: 1000 });

    // Meanwhile the seller sells out the first SKU through the API: a re-applied first chunk would undo it.
    await setStockLevels(shop.sellerId, { stocks: [{ sku: shop.skus[0]!, warehouseCode: wh.code, quantity: 0 }] });
    const seen = await runToEnd(job.id);
    expect(seen).toEqual([1200]);
    await runToEnd(job.id); // a second delivery of the finished job changes nothing
    expect(await prisma.importJob.findUniqueOrThrow({ where: { id: job.id } })).toMatchObject({ status: "COMPLETED", processed: 1200, succeeded: 1200, failed: 0 });
    const first = await prisma.stock.findFirstOrThrow({ where: { variant: { sku: shop.skus[0]! } } });
    expect(first.onHand).toBe(0);
    expect(await prisma.stock.count({ where: { variant: { product: { sellerId: shop.sellerId } }, onHand: 10 } })).toBe(1199);
  });

  it("stops with a message the seller can act on when the uploaded file is gone", async () => {
    const shop = await bulkShop(1, 2);
    const preview = await previewImport(shop.userId, { sellerId: shop.sellerId, kind: "STOCK_PRICES", fileName: "gone.csv", content: `sku,price\n${shop.skus[0]},10\n` });
    const job = await startImport(shop.userId, { sellerId: shop.sellerId, kind: "STOCK_PRICES", fileKey: preview.fileKey });
    await getFileStore().delete(preview.fileKey);
    await runImportJob(job.id);
    expect(await getImportJob(shop.userId, { sellerId: shop.sellerId, importJobId: job.id })).toMatchObject({
      status: "FAILED",
      processed: 0,
      message: "The uploaded file could not be read any more. Upload it again.",
    });
    expect((await getPrisma().productVariant.findUniqueOrThrow({ where: { sku: shop.skus[0]! } })).priceMinor).toBe(100_000);
  });

  it("refuses another shop's jobs and uploads as not found", async () => {
    const mine = await bulkShop(1, 2);
    const theirs = await createShopWithMember();
    const csv = `sku,price\n${mine.skus[0]},10\n`;
    const preview = await previewImport(mine.userId, { sellerId: mine.sellerId, kind: "STOCK_PRICES", fileName: "p.csv", content: csv });
    const job = await startImport(mine.userId, { sellerId: mine.sellerId, kind: "STOCK_PRICES", fileKey: preview.fileKey });
    const asThem = { sellerId: theirs.sellerId, importJobId: job.id };
    await expect(getImportJob(theirs.userId, asThem)).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(importErrorsCsv(theirs.userId, asThem)).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(getImportJob(theirs.userId, { sellerId: mine.sellerId, importJobId: job.id })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(listImportJobs(theirs.userId, { sellerId: mine.sellerId })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(startImport(theirs.userId, { sellerId: theirs.sellerId, kind: "STOCK_PRICES", fileKey: preview.fileKey })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(previewImport(theirs.userId, { sellerId: mine.sellerId, kind: "STOCK_PRICES", fileName: "p.csv", content: csv })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(catalogCsvRows(theirs.userId, { sellerId: mine.sellerId })).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect(await listImportJobs(theirs.userId, { sellerId: theirs.sellerId })).toEqual([]);
    expect((await listImportJobs(mine.userId, { sellerId: mine.sellerId })).map((row) => row.id)).toEqual([job.id]);
    // Their SKU in my file is simply not in my catalogue.
    const sneaky = await previewImport(theirs.userId, { sellerId: theirs.sellerId, kind: "STOCK_PRICES", fileName: "p.csv", content: csv });
    expect(sneaky.errors).toEqual([{ row: 2, column: "sku", message: `SKU "${mine.skus[0]}" is not in your catalogue.` }]);
  });
});

describe("reading CSV files", () => {
  const known = { knownColumn: (name: string) => ["sku", "warehouse", "quantity", "price", "discount_price", "description"].includes(name) };

  it("strips a byte-order mark, detects ';' and keeps quoted separators and line breaks", () => {
    const parsed = parseCsv('\uFEFFSKU;Price;Description\nA-1;"1 299,90";"two\nlines; and a ""quote"""\n\n;;\nA-2;5;x\n', known);
    expect(parsed.delimiter).toBe(";");
    expect(parsed.columns).toEqual(["sku", "price", "description"]);
    expect(parsed.rows).toEqual([
      { row: 2, cells: { sku: "A-1", price: "1 299,90", description: 'two\nlines; and a "quote"' } },
      { row: 5, cells: { sku: "A-2", price: "5", description: "x" } },
    ]);
    expect(parseCsv("sku,price\nA,\"1,5\"\n", known).rows[0]!.cells).toEqual({ sku: "A", price: "1,5" });
  });

  it("explains files it cannot read", () => {
    expect(() => parseCsv("", known)).toThrow("The file is empty");
    expect(() => parseCsv("\uFEFF\n\n", known)).toThrow("The file is empty");
    expect(() => parseCsv("sku,price\n", known)).toThrow("no rows of data");
    expect(() => parseCsv("sku,colour\nA,red\n", known)).toThrow('Unknown column "colour"');
    expect(() => parseCsv("sku,sku\nA,B\n", known)).toThrow('"sku" appears twice');
    expect(() => parseCsv('sku,price\nA,"12\n', known)).toThrow("not valid CSV");
    expect(() => parseCsv("sku,price\nA,1\uFFFD\n", known)).toThrow("not UTF-8");
    expect(() => parseCsv(`sku\n${"A\n".repeat(50_001)}`, known)).toThrow("limit is 50,000");
  });

  it("refuses a stock file without the columns it needs", async () => {
    const shop = await createShopWithMember();
    const preview = (content: string) => previewImport(shop.userId, { sellerId: shop.sellerId, kind: "STOCK_PRICES", fileName: "x.csv", content });
    await expect(preview("warehouse,quantity\nW,1\n")).rejects.toMatchObject({ code: "BAD_REQUEST", message: 'The file needs a "sku" column.' });
    await expect(preview("sku,quantity\nA,1\n")).rejects.toMatchObject({ message: 'Stock needs both a "warehouse" and a "quantity" column.' });
    await expect(preview("sku,discount_price\nA,1\n")).rejects.toMatchObject({ message: 'A "discount_price" column needs a "price" column beside it.' });
    await expect(preview("sku,colour\nA,1\n")).rejects.toMatchObject({ message: 'Unknown column "colour". Use the column names from the template.' });
    await expect(preview("article,title,sku,price\nA,Dress,A-1,1\n")).rejects.toMatchObject({ message: expect.stringContaining('choose "Products"') });
    await expect(previewImport(shop.userId, { sellerId: shop.sellerId, kind: "PRODUCTS", fileName: "x.csv", content: "sku,warehouse,quantity\nA,W,1\n" })).rejects.toMatchObject({
      message: expect.stringContaining('choose "Stock and prices"'),
    });
  });
});

describe("the product import and the catalogue export", () => {
  it("creates two product cards with their variants as drafts, then round-trips through the export", { timeout: 60_000 }, async () => {
    const prisma = getPrisma();
    const shop = await createShopWithMember();
    const { categoryId } = await createListingCategory();
    const category = await prisma.category.findUniqueOrThrow({ where: { id: categoryId } });
    const n = randomUUID().slice(0, 6);
    const csv = [
      "article,category,title,brand,description,size,color,sku,barcode,price,discount_price,char:material,char:pockets",
      `A1,${category.slug},Linen dress,Nordic,"<p>Light <b>linen</b></p><script>alert(1)</script>",S,Sand,D-${n}-S,4600000000017,5990.00,4990.00,Linen,yes`,
      `A1,,,,,M,Sand,D-${n}-M,,5990.00,4990.00,,`,
      `A1,,,,,L,Sand,D-${n}-L,,"5990,00",,,`,
      `B2,${category.slug},Silk dress,Nordic,,S,Black,E-${n}-S,,7990,,Silk,no`,
      `B2,,,,,M,Black,E-${n}-M,,7990,,,`,
      `C3,no-such-category,Cotton dress,,,S,White,F-${n}-S,,100,,Cotton,`,
      `D4,${category.slug},Bad dress,,,S,White,G-${n}-S,,abc,,Cotton,`,
    ].join("\n");
    const preview = await previewImport(shop.userId, { sellerId: shop.sellerId, kind: "PRODUCTS", fileName: "products.csv", content: csv });
    expect(preview).toMatchObject({ totalRows: 7, validRows: 5, invalidRows: 2 });
    expect(preview.errors).toEqual([
      { row: 7, column: "category", message: 'There is no category "no-such-category". Use a category code from the list on this page.' },
      { row: 8, column: "price", message: 'The price "abc" is not a number: write it like 1299.90 or 1299,90.' },
    ]);
    const job = await startImport(shop.userId, { sellerId: shop.sellerId, kind: "PRODUCTS", fileKey: preview.fileKey });
    await runToEnd(job.id);
    expect(await getImportJob(shop.userId, { sellerId: shop.sellerId, importJobId: job.id })).toMatchObject({ status: "COMPLETED", processed: 7, succeeded: 5, failed: 2 });

    const products = await prisma.product.findMany({
      where: { sellerId: shop.sellerId },
      orderBy: { title: "asc" },
      select: { id: true, title: true, status: true, description: true, minPriceMinor: true, characteristics: { select: { name: true, value: true } }, variants: { orderBy: { position: "asc" }, select: { sku: true, size: true, priceMinor: true, compareAtMinor: true, barcode: true } } },
    });
    expect(products.map((p) => [p.title, p.status])).toEqual([["Linen dress", "DRAFT"], ["Silk dress", "DRAFT"]]);
    const [linen, silk] = products as [(typeof products)[number], (typeof products)[number]];
    expect(linen.description).not.toContain("script");
    expect(linen.variants).toEqual([
      { sku: `D-${n}-S`, size: "S", priceMinor: 499_000, compareAtMinor: 599_000, barcode: "4600000000017" },
      { sku: `D-${n}-M`, size: "M", priceMinor: 499_000, compareAtMinor: 599_000, barcode: null },
      { sku: `D-${n}-L`, size: "L", priceMinor: 599_000, compareAtMinor: null, barcode: null },
    ]);
    expect(linen.characteristics).toEqual(expect.arrayContaining([{ name: "Material", value: "Linen" }, { name: "Pockets", value: "Yes" }]));
    expect(silk.variants.map((v) => v.sku)).toEqual([`E-${n}-S`, `E-${n}-M`]);

    // Export, change one price, import: the same two cards are updated, nothing is duplicated.
    const { rows, fileName } = await catalogCsvRows(shop.userId, { sellerId: shop.sellerId });
    expect(fileName).toMatch(/-catalogue\.csv$/);
    let exported = "";
    for await (const chunk of rows) exported += chunk;
    expect(exported.startsWith("\uFEFFarticle,category,title,brand,description,size,color,sku,barcode,price,discount_price,char:material,char:pockets\n")).toBe(true);
    const edited = exported.replace(`E-${n}-M,,79.90`, "x").replace(`E-${n}-M,,7990.00,`, `E-${n}-M,,8490.00,`);
    expect(edited).not.toBe(exported);
    const again = await previewImport(shop.userId, { sellerId: shop.sellerId, kind: "PRODUCTS", fileName: "catalogue.csv", content: edited });
    expect(again).toMatchObject({ totalRows: 5, validRows: 5, errorCount: 0 });
    const second = await startImport(shop.userId, { sellerId: shop.sellerId, kind: "PRODUCTS", fileKey: again.fileKey });
    await runToEnd(second.id);
    expect(await getImportJob(shop.userId, { sellerId: shop.sellerId, importJobId: second.id })).toMatchObject({ status: "COMPLETED", succeeded: 5, failed: 0 });
    const after = await prisma.product.findMany({ where: { sellerId: shop.sellerId }, orderBy: { title: "asc" }, select: { id: true, description: true, characteristics: { select: { name: true, value: true } }, variants: { orderBy: { position: "asc" }, select: { sku: true, priceMinor: true, compareAtMinor: true, size: true, barcode: true } } } });
    expect(after.map((p) => p.id)).toEqual(products.map((p) => p.id));
    expect(after[0]!.variants).toEqual(linen.variants);
    expect(after[0]!.description).toBe(linen.description);
    expect(after[0]!.characteristics).toEqual(expect.arrayContaining(linen.characteristics));
    expect(after[1]!.variants.find((v) => v.sku === `E-${n}-M`)).toMatchObject({ priceMinor: 849_000, compareAtMinor: null });
  });
});
