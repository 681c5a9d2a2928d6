// Keeps "ProductSearchEntry" (the PostgreSQL engine's index) and its spelling vocabulary in step
// with the catalogue. Rows are computed in SQL from the same document query Algolia's records
// come from, so a batch of thousands of products is one round trip.
import { getPrisma, Prisma } from "@market/db";
import { countProducts, pageOfProductIds, searchDocumentsSql, type Db } from "../load-search-documents.ts";

/** Products per statement in a full reindex: big enough to amortise the round trip and planning. */
export const REINDEX_BATCH_SIZE = 2_000;

const TEXT_SEARCH_CONFIG = Prisma.sql`'market_search'::regconfig`;

/**
 * Writes the entries of these products: listed ones are inserted or updated, the others (unlisted,
 * archived, out of a suspended seller's shop, without an active variant) are removed. Deleted
 * products' entries go by the foreign key's cascade.
 */
export async function syncSearchEntries(
  productIds: readonly string[],
  db: Db = getPrisma(),
  { addWords = true }: { addWords?: boolean } = {},
): Promise<void> {
  const ids = [...new Set(productIds)];
  if (ids.length === 0) return;
  const idList = Prisma.sql`${ids}::uuid[]`;
  // Weights: title A, brand, category names and colours B, description C. The description is
  // cut at 4,000 characters: the words that matter are at the start, and long vectors make
  // ranking slower for every query that matches them.
  await db.$executeRaw`
    WITH docs AS (${searchDocumentsSql(Prisma.sql`p.id = ANY(${idList})`)}),
    removed AS (
      DELETE FROM "ProductSearchEntry" e
       WHERE e."productId" = ANY(${idList})
         AND NOT EXISTS (SELECT 1 FROM docs d WHERE d.id::uuid = e."productId")
    )
    INSERT INTO "ProductSearchEntry" AS e (
      "productId", slug, title, brand, "searchText", document, "categorySlugs", "categoryNames",
      "sellerSlug", "sellerName", sizes, colors, "minPriceMinor", currency, "ratingAverage",
      "ratingCount", popularity, "inStock", "listedAt", "indexedAt"
    )
    SELECT d.id::uuid, d.slug, d.title, d.brand,
           lower(unaccent(concat_ws(' ', d.title, d.brand))),
           setweight(to_tsvector(${TEXT_SEARCH_CONFIG}, d.title), 'A')
             || setweight(to_tsvector(${TEXT_SEARCH_CONFIG}, concat_ws(' ', d.brand, array_to_string(c.names, ' '), array_to_string(d.colors, ' '))), 'B')
             || setweight(to_tsvector(${TEXT_SEARCH_CONFIG}, left(d.description, 4000)), 'C'),
           c.slugs, c.names, d."sellerSlug", d."sellerName", d.sizes, d.colors, d."minPriceMinor",
           d.currency::"Currency", d."ratingAverage", d."ratingCount", d.popularity, d."inStock",
           d."listedAt", now()
      FROM docs d
      CROSS JOIN LATERAL (
        SELECT array_agg(x->>'slug' ORDER BY n) AS slugs,
               array_agg(x->>'name' || ' ' || (x->>'nameRu') ORDER BY n) AS names
          FROM json_array_elements(d.categories) WITH ORDINALITY AS t(x, n)
      ) c
    ON CONFLICT ("productId") DO UPDATE SET
      slug = excluded.slug, title = excluded.title, brand = excluded.brand,
      "searchText" = excluded."searchText", document = excluded.document,
      "categorySlugs" = excluded."categorySlugs", "categoryNames" = excluded."categoryNames",
      "sellerSlug" = excluded."sellerSlug", "sellerName" = excluded."sellerName",
      sizes = excluded.sizes, colors = excluded.colors, "minPriceMinor" = excluded."minPriceMinor",
      currency = excluded.currency, "ratingAverage" = excluded."ratingAverage",
      "ratingCount" = excluded."ratingCount", popularity = excluded.popularity,
      "inStock" = excluded."inStock", "listedAt" = excluded."listedAt", "indexedAt" = excluded."indexedAt"`;
  // New words join the vocabulary at once; counts are only refreshed by a full reindex (an
  // incremental sync cannot tell a product's old words from its new ones cheaply, and the counts
  // only break ties between equally close corrections).
  if (!addWords) return;
  await db.$executeRaw`
    INSERT INTO "SearchWord" (word, documents)
    ${entryWordsSql(Prisma.sql`e."productId" = ANY(${idList})`)}
    ON CONFLICT (word) DO NOTHING`;
}

/**
 * The words of entries, with how many entries use each: letters only (numbers and model codes are
 * never "corrected"), two or more of them, lower case, accents removed.
 */
function entryWordsSql(where: Prisma.Sql): Prisma.Sql {
  return Prisma.sql`
    SELECT w.word, count(*)::int
      FROM "ProductSearchEntry" e
      CROSS JOIN LATERAL (
        SELECT DISTINCT word
          FROM regexp_split_to_table(
                 lower(unaccent(concat_ws(' ', e.title, e.brand, array_to_string(e."categoryNames", ' '), array_to_string(e.colors, ' ')))),
                 '[^[:alnum:]]+') AS word
         WHERE word ~ '^[[:alpha:]]{2,}$'
      ) w
     WHERE ${where}
     GROUP BY w.word`;
}

/** Batches written at once: the work is in the database, and two keep both of its cores busy. */
const REINDEX_CONCURRENCY = 2;

/**
 * Rebuilds every entry, a batch of products at a time, then the vocabulary. Readers keep being
 * answered throughout: rows are replaced in place rather than the table emptied first.
 */
export async function reindexSearchEntries(onProgress?: (done: number, total: number) => void, db = getPrisma()): Promise<void> {
  const total = await countProducts(db);
  let done = 0;
  onProgress?.(done, total);
  const writing = new Set<Promise<void>>();
  let failure: { error: unknown } | undefined;
  for (let after: string | null = null; !failure; ) {
    const ids = await pageOfProductIds(after, REINDEX_BATCH_SIZE, db);
    if (ids.length === 0) break;
    after = ids[ids.length - 1]!;
    // The vocabulary is rebuilt whole below, so batches skip it (and cannot contend on it). A
    // failed batch stops the loop; its error is rethrown once the batches in flight are done.
    const write: Promise<void> = syncSearchEntries(ids, db, { addWords: false })
      .then(
        () => {
          done += ids.length;
          onProgress?.(done, Math.max(total, done));
        },
        (error: unknown) => {
          failure ??= { error };
        },
      )
      .finally(() => writing.delete(write));
    writing.add(write);
    if (writing.size >= REINDEX_CONCURRENCY) await Promise.race(writing);
  }
  await Promise.all(writing);
  if (failure) throw failure.error;
  await db.$transaction([
    db.$executeRaw`DELETE FROM "SearchWord"`,
    db.$executeRaw`INSERT INTO "SearchWord" (word, documents) ${entryWordsSql(Prisma.sql`true`)}`,
  ]);
  // Every row was just rewritten: ANALYZE gives the planner statistics of the new table (it would
  // otherwise plan with the old ones, or after the first reindex with an empty table's, until
  // autovacuum got round to it), and VACUUM sets the rows' hint bits, which the first readers
  // would otherwise pay for (measured: 150 ms instead of 15 ms for a department's first listing).
  await db.$executeRaw`VACUUM (ANALYZE) "ProductSearchEntry", "SearchWord"`;
}
