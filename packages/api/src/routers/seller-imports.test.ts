// Import procedures and the CSV downloads: who may call them, and that a seller only ever sees
// their own shop's imports and catalogue (the domain tests cover parsing, applying and progress).
import { disconnectPrisma, getPrisma } from "@market/db";
import { migrateJobQueue } from "@market/db/job-queue";
import { createFreshDatabase, type FreshDatabase } from "@market/db/testing";
import { useTemporaryFileStore } from "@market/domain/files/testing";
import { createProduct, createSeller, createUser } from "@market/domain/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { SessionUser } from "../context.ts";
import { createExportHandler } from "../http/exports/handler.ts";
import { createCaller } from "../root.ts";

useTemporaryFileStore("api-imports-");

let database: FreshDatabase;
beforeAll(async () => {
  database = await createFreshDatabase({ label: "api_seller_imports" });
  await migrateJobQueue(database.url);
  process.env.DATABASE_URL = database.url;
});
afterAll(async () => {
  await disconnectPrisma();
  await database?.drop();
});

const as = (id: string, role: SessionUser["role"] = "CUSTOMER"): SessionUser => ({ id, email: `${id}@example.com`, name: "Someone", role });
const api = (user: SessionUser | null) =>
  createCaller({ user, requestId: "req-imports", app: "seller", guestCartToken: null, pickupPointId: null, setCookie: () => undefined });

async function shop() {
  const seller = await createSeller();
  const user = await createUser("Seller Owner");
  await getPrisma().sellerMember.create({ data: { sellerId: seller.id, userId: user.id } });
  const product = await createProduct({ sellerId: seller.id });
  const variant = await getPrisma().productVariant.findUniqueOrThrow({ where: { id: product.variants[0]!.id }, select: { sku: true } });
  return { seller, member: as(user.id, "SELLER"), sku: variant.sku, product };
}

describe("import procedures", () => {
  it("preview, start, follow and list an import of the member's own shop", async () => {
    const { seller, member, sku } = await shop();
    const csv = `sku,price,discount_price\n${sku},2990,1990\nNOPE,10,\n`;
    const preview = await api(member).sellerImports.preview({ sellerId: seller.id, kind: "STOCK_PRICES", fileName: "prices.csv", content: csv });
    expect(preview).toMatchObject({ totalRows: 2, validRows: 1, invalidRows: 1, errors: [{ row: 3, column: "sku", message: 'SKU "NOPE" is not in your catalogue.' }] });
    const job = await api(member).sellerImports.start({ sellerId: seller.id, kind: "STOCK_PRICES", fileKey: preview.fileKey });
    expect(await api(member).sellerImports.get({ sellerId: seller.id, importJobId: job.id })).toMatchObject({ id: job.id, status: "PENDING", totalRows: 2, errors: [] });
    expect((await api(member).sellerImports.list({ sellerId: seller.id })).map((row) => row.id)).toEqual([job.id]);
  });

  it("ask signed-out callers to sign in, keep shoppers out, and refuse another shop's imports as NOT_FOUND", async () => {
    const mine = await shop();
    const theirs = await shop();
    const shopper = as((await createUser()).id);
    const csv = `sku,price\n${mine.sku},100\n`;
    const preview = await api(mine.member).sellerImports.preview({ sellerId: mine.seller.id, kind: "STOCK_PRICES", fileName: "p.csv", content: csv });
    const job = await api(mine.member).sellerImports.start({ sellerId: mine.seller.id, kind: "STOCK_PRICES", fileKey: preview.fileKey });

    await expect(api(null).sellerImports.list({ sellerId: mine.seller.id })).rejects.toMatchObject({ code: "UNAUTHORIZED" });
    await expect(api(shopper).sellerImports.get({ sellerId: mine.seller.id, importJobId: job.id })).rejects.toMatchObject({ code: "FORBIDDEN" });
    const calls = [
      () => api(theirs.member).sellerImports.preview({ sellerId: mine.seller.id, kind: "STOCK_PRICES", fileName: "p.csv", content: csv }),
      () => api(theirs.member).sellerImports.start({ sellerId: mine.seller.id, kind: "STOCK_PRICES", fileKey: preview.fileKey }),
      () => api(theirs.member).sellerImports.start({ sellerId: theirs.seller.id, kind: "STOCK_PRICES", fileKey: preview.fileKey }),
      () => api(theirs.member).sellerImports.get({ sellerId: mine.seller.id, importJobId: job.id }),
      () => api(theirs.member).sellerImports.get({ sellerId: theirs.seller.id, importJobId: job.id }),
      () => api(theirs.member).sellerImports.list({ sellerId: mine.seller.id }),
    ];
    for (const call of calls) await expect(call()).rejects.toMatchObject({ code: "NOT_FOUND" });

    // Mass assignment: fields a seller does not own are refused.
    await expect(
      api(mine.member).sellerImports.start({ sellerId: mine.seller.id, kind: "STOCK_PRICES", fileKey: preview.fileKey, status: "COMPLETED" } as never),
    ).rejects.toMatchObject({ code: "BAD_REQUEST" });
    // A file-level problem is a clear BAD_REQUEST.
    await expect(api(mine.member).sellerImports.preview({ sellerId: mine.seller.id, kind: "STOCK_PRICES", fileName: "p.csv", content: "" })).rejects.toMatchObject({
      code: "BAD_REQUEST",
      message: expect.stringContaining("The file is empty"),
    });
  });
});

describe("CSV downloads", () => {
  it("stream the member's catalogue and an import's errors; refuse everyone else", async () => {
    const mine = await shop();
    const theirs = await shop();
    const users = new Map<string, SessionUser | null>([["mine", mine.member], ["theirs", theirs.member], ["anon", null], ["shopper", as((await createUser()).id)]]);
    const catalog = createExportHandler({ kind: "catalog", getUser: async (request) => users.get(request.headers.get("x-who")!) ?? null });
    const errors = createExportHandler({ kind: "import-errors", getUser: async (request) => users.get(request.headers.get("x-who")!) ?? null });
    const get = (handler: typeof catalog, who: string, query: string) => handler(new Request(`http://portal.test/api/exports/x.csv?${query}`, { headers: { "x-who": who } }));

    const response = await get(catalog, "mine", `sellerId=${mine.seller.id}`);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    expect(response.headers.get("content-disposition")).toBe(`attachment; filename="${mine.seller.slug}-catalogue.csv"`);
    // A byte-order mark first, so Excel reads the file as UTF-8.
    const bytes = Buffer.from(await response.arrayBuffer());
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = bytes.subarray(3).toString("utf8");
    expect(text.split("\n")[0]).toBe("article,category,title,brand,description,size,color,sku,barcode,price,discount_price,char:material");
    expect(text).toContain(`${mine.sku},,3990.00,2490.00,Cotton`);
    expect(text).not.toContain(theirs.sku);

    expect((await get(catalog, "anon", `sellerId=${mine.seller.id}`)).status).toBe(401);
    expect((await get(catalog, "shopper", `sellerId=${mine.seller.id}`)).status).toBe(403);
    expect((await get(catalog, "theirs", `sellerId=${mine.seller.id}`)).status).toBe(404);
    expect((await get(catalog, "mine", "sellerId=not-a-uuid")).status).toBe(404);

    const preview = await api(mine.member).sellerImports.preview({ sellerId: mine.seller.id, kind: "STOCK_PRICES", fileName: "p.csv", content: `sku,price\nNOPE,1\n${mine.sku},1\n` });
    const job = await api(mine.member).sellerImports.start({ sellerId: mine.seller.id, kind: "STOCK_PRICES", fileKey: preview.fileKey });
    expect((await get(errors, "mine", `sellerId=${mine.seller.id}&importJobId=${job.id}`)).status).toBe(200);
    expect((await get(errors, "theirs", `sellerId=${theirs.seller.id}&importJobId=${job.id}`)).status).toBe(404);
    expect((await get(errors, "theirs", `sellerId=${mine.seller.id}&importJobId=${job.id}`)).status).toBe(404);
  });
});
