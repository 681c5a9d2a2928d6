// Grows a seeded demo catalogue to a benchmark-sized one in SQL: every new product is a variation
// of a demo product (same category, seller and brand; another model name, price, rating, age,
// stock), so the category tree, brands and words stay realistic. generate_series makes all the
// rows inside PostgreSQL in a few statements: no row crosses the wire.
import type { PrismaClient } from "@market/db";

/** Model names appended to titles, so cloned products are not word-for-word duplicates. */
const MODELS = ["Classic", "Lite", "Pro", "Plus", "Max", "Mini", "Eco", "Sport", "Urban", "Studio", "Travel", "Home", "Air", "Prime", "Nova", "Flex"];

export async function growCatalogue(prisma: PrismaClient, targetProducts: number): Promise<number> {
  const [{ n: existing } = { n: 0 }] = await prisma.$queryRaw<{ n: number }[]>`SELECT count(*)::int AS n FROM "Product"`;
  const toAdd = Math.max(0, targetProducts - existing);
  if (toAdd === 0) return existing;

  await prisma.$transaction(
    async (tx) => {
      // A fixed seed: every run benchmarks the same catalogue.
      await tx.$executeRaw`SELECT setseed(0.42)`;
      await tx.$executeRaw`
        CREATE TEMP TABLE bench_template ON COMMIT DROP AS
        SELECT row_number() OVER (ORDER BY p.id) - 1 AS i, p.*
          FROM "Product" p
         WHERE p.status = 'ACTIVE'`;
      await tx.$executeRaw`
        CREATE TEMP TABLE bench_clone ON COMMIT DROP AS
        SELECT g AS serial,
               -- Time-ordered like the app's own ids (Prisma's uuid(7)), so id order is close to
               -- insertion order as in a real database.
               uuidv7() AS id,
               t.id AS template_id,
               -- Prices from 60 % to 160 % of the template's, ratings and popularity anew, and an
               -- age within the last 120 days.
               0.6 + random() AS price_factor,
               CASE WHEN random() < 0.1 THEN 0 ELSE 1 + floor(random() ^ 2.6 * 400)::int END AS rating_count,
               3.2 + random() * 1.8 AS rating_average,
               floor(random() ^ 2 * 2000)::int AS popularity,
               now() - random() * interval '120 days' AS created_at,
               CASE WHEN random() < 0.97 THEN 'ACTIVE' ELSE 'INACTIVE' END::"ProductStatus" AS status,
               ${MODELS}::text[] AS models
          FROM generate_series(1, ${toAdd}) AS g
          JOIN bench_template t ON t.i = g % (SELECT count(*) FROM bench_template)`;
      await tx.$executeRaw`
        INSERT INTO "Product" (id, "sellerId", "categoryId", slug, title, description, brand, status, currency,
                               "minPriceMinor", "ratingSum", "ratingCount", "soldCount", popularity,
                               "publishedAt", "createdAt", "updatedAt")
        SELECT c.id, t."sellerId", t."categoryId", t.slug || '-b' || c.serial,
               t.title || ' ' || c.models[1 + c.serial % array_length(c.models, 1)] || ' ' || (1 + c.serial % 97),
               t.description, t.brand, c.status, t.currency,
               greatest(100, round((t."minPriceMinor" * c.price_factor)::numeric, -2))::int,
               round(c.rating_count * c.rating_average)::int, c.rating_count, c.rating_count * 5, c.popularity,
               c.created_at + interval '1 hour', c.created_at, c.created_at
          FROM bench_clone c
          JOIN bench_template t ON t.id = c.template_id
         ORDER BY c.id`;
      await tx.$executeRaw`
        CREATE TEMP TABLE bench_variant ON COMMIT DROP AS
        SELECT uuidv7() AS id, c.id AS product_id, v.size, v.color, v."colorHex", v.position,
               v.sku || '-B' || c.serial AS sku,
               greatest(100, round((v."priceMinor" * c.price_factor)::numeric, -2))::int AS price,
               c.created_at
          FROM bench_clone c
          JOIN "ProductVariant" v ON v."productId" = c.template_id AND v."isActive"
         ORDER BY c.id, v.position`;
      await tx.$executeRaw`
        INSERT INTO "ProductVariant" (id, "productId", sku, size, color, "colorHex", "priceMinor", currency, "isActive", position, "createdAt", "updatedAt")
        SELECT id, product_id, sku, size, color, "colorHex", price, 'RUB', true, position, created_at, created_at
          FROM bench_variant`;
      // One warehouse per variant, about one variant in twenty sold out.
      await tx.$executeRaw`
        INSERT INTO "Stock" ("variantId", "warehouseId", "onHand", reserved, "updatedAt")
        SELECT v.id, w.ids[1 + floor(random() * array_length(w.ids, 1))::int],
               CASE WHEN random() < 0.05 THEN 0 ELSE 1 + floor(random() * 200)::int END, 0, now()
          FROM bench_variant v
          CROSS JOIN (SELECT array_agg(id) AS ids FROM "Warehouse" WHERE kind = 'MARKETPLACE') w`;
      await tx.$executeRaw`
        INSERT INTO "ProductImage" (id, "productId", "storageKey", alt, width, height, position)
        SELECT uuidv7(), c.id, i."storageKey", i.alt, i.width, i.height, 0
          FROM bench_clone c
          JOIN LATERAL (SELECT * FROM "ProductImage" WHERE "productId" = c.template_id ORDER BY position LIMIT 1) i ON true
         ORDER BY c.id`;
    },
    { timeout: 600_000, maxWait: 60_000 },
  );
  await prisma.$executeRaw`ANALYZE`;
  return existing + toAdd;
}
