// What a product looks like in the search index, read from the catalogue in one SQL statement.
// Both engines start from it: the PostgreSQL engine inserts these rows into its own table
// (sync-search-entries.ts), the Algolia engine turns them into records. One definition means a
// rule such as "a suspended seller's products are not listed" cannot differ between engines.
import { getPrisma, Prisma, type PrismaClient } from "@market/db";
import type { SearchDocument } from "./types.ts";

import type { Db } from "../db.ts";

export type { Db };

/**
 * The SELECT behind every document: listed products only (ACTIVE, seller not suspended, at least
 * one active variant). `where` narrows the products (`p` is Product); the columns are named
 * after SearchDocument's fields.
 */
export function searchDocumentsSql(where: Prisma.Sql): Prisma.Sql {
  // Category ancestors come from the materialised path ("/women/dresses/" starts with "/women/"),
  // computed once per category rather than once per product.
  return Prisma.sql`
    WITH category_lineage AS (
      SELECT c.id,
             json_agg(json_build_object('slug', a.slug, 'name', a.name, 'nameRu', a."nameRu") ORDER BY a.depth) AS categories
        FROM "Category" c
        JOIN "Category" a ON starts_with(c.path, a.path)
       GROUP BY c.id
    )
    SELECT p.id::text AS id,
           p.slug,
           p.title,
           p.description,
           p.brand,
           cl.categories,
           s.slug AS "sellerSlug",
           s.name AS "sellerName",
           v.sizes,
           v.colors,
           v."minPriceMinor",
           v."compareAtMinor",
           p.currency::text AS currency,
           CASE WHEN p."ratingCount" > 0 THEN round(p."ratingSum"::numeric / p."ratingCount", 2)::float8 ELSE 0 END AS "ratingAverage",
           p."ratingCount",
           p.popularity,
           v."inStock",
           img.image,
           coalesce(p."publishedAt", p."createdAt") AS "listedAt"
      FROM "Product" p
      JOIN "Seller" s ON s.id = p."sellerId" AND s.status <> 'SUSPENDED'
      JOIN category_lineage cl ON cl.id = p."categoryId"
      CROSS JOIN LATERAL (
        SELECT coalesce(array_agg(DISTINCT pv.size) FILTER (WHERE pv.size IS NOT NULL), '{}') AS sizes,
               coalesce(array_agg(DISTINCT pv.color) FILTER (WHERE pv.color IS NOT NULL), '{}') AS colors,
               min(pv."priceMinor") AS "minPriceMinor",
               (array_agg(pv."compareAtMinor" ORDER BY pv."priceMinor", pv.position))[1] AS "compareAtMinor",
               coalesce(bool_or(EXISTS (
                 SELECT 1 FROM "Stock" st WHERE st."variantId" = pv.id AND st."onHand" > st.reserved
               )), false) AS "inStock"
          FROM "ProductVariant" pv
         WHERE pv."productId" = p.id AND pv."isActive"
      ) v
      LEFT JOIN LATERAL (
        SELECT json_build_object('storageKey', i."storageKey", 'alt', i.alt) AS image
          FROM "ProductImage" i
         WHERE i."productId" = p.id
         ORDER BY i.position
         LIMIT 1
      ) img ON true
     WHERE p.status = 'ACTIVE' AND v."minPriceMinor" IS NOT NULL AND (${where})`;
}

type DocumentRow = Omit<SearchDocument, "listedAt"> & { listedAt: Date };

function toDocument(row: DocumentRow): SearchDocument {
  return { ...row, listedAt: row.listedAt.toISOString() };
}

/** Documents of these products; listed products only, so fewer may come back than asked for. */
export async function loadSearchDocuments(productIds: readonly string[], db: Db = getPrisma()): Promise<SearchDocument[]> {
  if (productIds.length === 0) return [];
  const rows = await db.$queryRaw<DocumentRow[]>(searchDocumentsSql(Prisma.sql`p.id = ANY(${[...productIds]}::uuid[])`));
  return rows.map(toDocument);
}

/**
 * Ids of every product, in id order, a page at a time (keyset pagination, so a page costs the
 * same at the end of the catalogue as at the start). Not only listed ones: a full reindex must
 * also see products that stopped being listed, to remove them.
 */
export async function pageOfProductIds(afterId: string | null, limit: number, db: Db = getPrisma()): Promise<string[]> {
  const rows = await db.$queryRaw<{ id: string }[]>`
    SELECT id::text AS id FROM "Product"
     WHERE ${afterId}::uuid IS NULL OR id > ${afterId}::uuid
     ORDER BY id
     LIMIT ${limit}`;
  return rows.map((row) => row.id);
}

export async function countProducts(db: Db = getPrisma()): Promise<number> {
  const [row] = await db.$queryRaw<{ n: number }[]>`SELECT count(*)::int AS n FROM "Product"`;
  return row?.n ?? 0;
}
