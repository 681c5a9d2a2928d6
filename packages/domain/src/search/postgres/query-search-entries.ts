// A listing is two SQL statements over "ProductSearchEntry": the facets (with the total), and the
// page of hits. They are separate because facet counts do not depend on the sort order or the
// page, so the engine can reuse them while a shopper re-sorts and pages (see
// create-postgres-engine.ts), and because a page of hits alone can often be read in order from a
// sort index without touching every match.
import { getPrisma, Prisma } from "@market/db";
import type { Db } from "../load-search-documents.ts";
import { FACET_VALUE_LIMIT } from "../order-facet-values.ts";
import { PAGE_SIZE, type SearchQuery, type SearchSort } from "../types.ts";

/** How the query text selects rows. */
export type TextMatch =
  | { kind: "all" }
  /** Full-text: stemmed words in both languages, websearch syntax ("quotes", -minus, or). */
  | { kind: "words"; text: string }
  /** Trigram similarity of the whole text to title and brand: the last resort for typos. */
  | { kind: "similar"; text: string };

export type EntryFacets = {
  total: number;
  /** Rows the text and scope match before any facet filter: zero means the text found nothing. */
  matched: number;
  brands: [string, number][];
  sizes: [string, number][];
  colors: [string, number][];
  sellers: [string, string, number][];
  price: { min: number; max: number } | null;
  ratingsAtLeast: Record<"1" | "2" | "3" | "4", number>;
  inStock: number;
};

/**
 * GROUPING(brand, sellerSlug, sizes, colors) of each grouping set: a bit is set for every column
 * the set does not group by (brand is the highest bit).
 */
const GROUPED_BY = { brand: 0b0111, seller: 0b1011, sizes: 0b1101, colors: 0b1110, nothing: 0b1111 } as const;

type Facet = "brands" | "sizes" | "colors" | "sellers" | "price" | "rating" | "inStock";

/** The facet filters the query sets, as conditions on the scoped rows ("m", see scopedRows). */
function facetFilters(query: SearchQuery): Map<Facet, Prisma.Sql> {
  const filters = new Map<Facet, Prisma.Sql>();
  if (query.brands.length) filters.set("brands", Prisma.sql`m.brand = ANY(${query.brands}::text[])`);
  if (query.sizes.length) filters.set("sizes", Prisma.sql`m.sizes && ${query.sizes}::text[]`);
  if (query.colors.length) filters.set("colors", Prisma.sql`m.colors && ${query.colors}::text[]`);
  if (query.sellers.length) filters.set("sellers", Prisma.sql`m."sellerSlug" = ANY(${query.sellers}::text[])`);
  const price: Prisma.Sql[] = [];
  if (query.priceMin !== undefined) price.push(Prisma.sql`m.price >= ${query.priceMin}`);
  if (query.priceMax !== undefined) price.push(Prisma.sql`m.price <= ${query.priceMax}`);
  if (price.length) filters.set("price", Prisma.join(price, " AND "));
  if (query.ratingMin !== undefined) filters.set("rating", Prisma.sql`m.rating >= ${query.ratingMin}`);
  if (query.inStock) filters.set("inStock", Prisma.sql`m."inStock"`);
  return filters;
}

function allExcept(filters: Map<Facet, Prisma.Sql>, except?: Facet): Prisma.Sql {
  const parts = [...filters].filter(([facet]) => facet !== except).map(([, sql]) => sql);
  return parts.length ? Prisma.join(parts, " AND ") : Prisma.sql`true`;
}

function orderBy(sort: SearchSort, ranked: boolean): Prisma.Sql {
  switch (sort) {
    case "relevance":
      return ranked ? Prisma.sql`m.score DESC, m.popularity DESC, m.id` : Prisma.sql`m.popularity DESC, m.id`;
    case "popular":
      return Prisma.sql`m.popularity DESC, m.id`;
    case "price_asc":
      return Prisma.sql`m.price ASC, m.popularity DESC, m.id`;
    case "price_desc":
      return Prisma.sql`m.price DESC, m.popularity DESC, m.id`;
    case "newest":
      return Prisma.sql`m."listedAt" DESC, m.id DESC`;
    case "rating":
      return Prisma.sql`m.rating DESC, m."ratingCount" DESC, m.id`;
  }
}

/** The WHERE part and the relevance score of a text match, on the entry table ("e"). */
function textCondition(match: TextMatch): { where: Prisma.Sql; score: Prisma.Sql } {
  switch (match.kind) {
    case "all":
      return { where: Prisma.sql`true`, score: Prisma.sql`0::real` };
    case "words": {
      const tsquery = Prisma.sql`websearch_to_tsquery('market_search'::regconfig, ${match.text})`;
      // ts_rank with normalisation 1 (divide by 1 + log(length)) so a short title that is all
      // query outranks a long one that mentions it; a title equal to the query comes first.
      // numnode() > 0 depends on no row, so PostgreSQL checks it once before scanning: a query of
      // stop words only would otherwise test every row for nothing.
      return {
        where: Prisma.sql`numnode(${tsquery}) > 0 AND e.document @@ ${tsquery}`,
        score: Prisma.sql`(ts_rank(e.document, ${tsquery}, 1)
                 + CASE WHEN lower(unaccent(e.title)) = lower(unaccent(${match.text})) THEN 1 ELSE 0 END)::real`,
      };
    }
    case "similar":
      // `<%` is word similarity (pg_trgm.word_similarity_threshold, 0.6 by default): the text
      // against the closest stretch of title and brand, answered from the trigram GIN index.
      return {
        where: Prisma.sql`${match.text} <% e."searchText"`,
        score: Prisma.sql`word_similarity(${match.text}, e."searchText")::real`,
      };
  }
}

/**
 * The rows the text and the fixed scope (category, seller) select, as "m", with the columns the
 * filters and sorts use under short names. Used as a subquery, which PostgreSQL flattens, so the
 * table's indexes still serve conditions and orders on these columns.
 */
function scopedRows(query: SearchQuery, match: TextMatch, score: boolean): Prisma.Sql {
  const text = textCondition(match);
  const scope: Prisma.Sql[] = [text.where];
  if (query.category) scope.push(Prisma.sql`e."categorySlugs" @> ARRAY[${query.category}]::text[]`);
  if (query.seller) scope.push(Prisma.sql`e."sellerSlug" = ${query.seller}`);
  return Prisma.sql`
    SELECT e."productId" AS id, e.brand, e."sellerSlug", e."sellerName", e.sizes, e.colors,
           e."minPriceMinor" AS price, e."ratingAverage" AS rating, e."ratingCount", e."inStock",
           e.popularity, e."listedAt", ${score ? text.score : Prisma.sql`0::real`} AS score
      FROM "ProductSearchEntry" e
     WHERE ${Prisma.join(scope, " AND ")}`;
}

/** The page of hits, in order: ids only (the cards are loaded from the catalogue). */
export async function queryHitIds(query: SearchQuery, match: TextMatch, db: Db = getPrisma()): Promise<string[]> {
  const ranked = match.kind !== "all" && query.sort === "relevance";
  // PostgreSQL may walk a sort index until it has a page of matches (1 ms for a department by
  // popularity, against 10 ms or more to sort it). It assumes the matches are spread evenly along
  // the index, which fails where the order correlates with what is matched: walking the price
  // index from the cheapest end for 24 laptops read most of 100,000 entries (300 ms measured).
  // So price and rating orders, and any text match (whose correlations nobody can know), collect
  // the matches first and then sort them. OFFSET 0 keeps PostgreSQL from merging the subquery
  // into the outer query, and costs nothing (a materialised CTE would copy every row).
  const walkable = match.kind === "all" && (query.sort === "relevance" || query.sort === "popular" || query.sort === "newest");
  const fence = walkable ? Prisma.empty : Prisma.sql`OFFSET 0`;
  // The filters go inside the fence, so that rows they drop are never scored.
  const rows = await db.$queryRaw<{ id: string }[]>`
    SELECT m.id::text AS id
      FROM (SELECT * FROM (${scopedRows(query, match, ranked)}) m WHERE ${allExcept(facetFilters(query))} ${fence}) m
     ORDER BY ${orderBy(query.sort, ranked)}
     LIMIT ${PAGE_SIZE} OFFSET ${(query.page - 1) * PAGE_SIZE}`;
  return rows.map((row) => row.id);
}

/**
 * Every facet's counts and the total, in one pass over the matches: a hash aggregate with a
 * grouping set per facet (and an empty one for the totals), where each facet's count only counts
 * the rows that pass the other facets' filters (disjunctive faceting, see SearchResult). Sizes and
 * colours are grouped by the whole array (a department has a few dozen distinct size lists,
 * against thousands of products) and the few arrays are added up here. Measured on a department
 * of 20,000 products: 38 ms of database CPU, against 81 ms for materialising the matches once and
 * counting each facet over the copy.
 */
export async function queryFacets(query: SearchQuery, match: TextMatch, db: Db = getPrisma()): Promise<EntryFacets> {
  const filters = facetFilters(query);
  const counted = (facet: Facet) => allExcept(filters, facet);
  // One JSON value comes back rather than a few hundred rows: turning rows into objects is the
  // slow part of a raw query in the client (measured: 8.6 ms of Node CPU per listing, 4 of them
  // here), JSON.parse is not. Each grouping set sends only the columns it groups and counts.
  const [result] = await db.$queryRaw<[{ facets: FacetTuple[] | null }]>`
    SELECT json_agg(CASE g.kind
             WHEN ${GROUPED_BY.brand} THEN json_build_array(g.kind, g.brand, g."byBrand")
             WHEN ${GROUPED_BY.seller} THEN json_build_array(g.kind, g."sellerSlug", g."sellerName", g."bySeller")
             WHEN ${GROUPED_BY.sizes} THEN json_build_array(g.kind, g.sizes, g."bySize")
             WHEN ${GROUPED_BY.colors} THEN json_build_array(g.kind, g.colors, g."byColor")
             ELSE json_build_array(g.kind, g.matched, g.total, g."priceMin", g."priceMax", g.r4, g.r3, g.r2, g.r1, g."inStock")
           END) AS facets
      FROM (
        SELECT GROUPING(m.brand, m."sellerSlug", m.sizes, m.colors)::int AS kind,
               m.brand, m."sellerSlug", m."sellerName", m.sizes, m.colors,
               count(*) FILTER (WHERE ${counted("brands")}) AS "byBrand",
               count(*) FILTER (WHERE ${counted("sellers")}) AS "bySeller",
               count(*) FILTER (WHERE ${counted("sizes")}) AS "bySize",
               count(*) FILTER (WHERE ${counted("colors")}) AS "byColor",
               count(*) AS matched,
               count(*) FILTER (WHERE ${allExcept(filters)}) AS total,
               min(m.price) FILTER (WHERE ${counted("price")}) AS "priceMin",
               max(m.price) FILTER (WHERE ${counted("price")}) AS "priceMax",
               count(*) FILTER (WHERE m.rating >= 4 AND ${counted("rating")}) AS r4,
               count(*) FILTER (WHERE m.rating >= 3 AND ${counted("rating")}) AS r3,
               count(*) FILTER (WHERE m.rating >= 2 AND ${counted("rating")}) AS r2,
               count(*) FILTER (WHERE m.rating >= 1 AND ${counted("rating")}) AS r1,
               count(*) FILTER (WHERE m."inStock" AND ${counted("inStock")}) AS "inStock"
          FROM (${scopedRows(query, match, false)}) m
         GROUP BY GROUPING SETS ((m.brand), (m."sellerSlug", m."sellerName"), (m.sizes), (m.colors), ())
      ) g`;
  const tuples = result?.facets ?? [];

  const of = <T extends FacetTuple>(kind: T[0]) => tuples.filter((t): t is T => t[0] === kind);
  const top = <T extends [string, ...unknown[]]>(entries: T[], count: (entry: T) => number) =>
    entries
      .filter((entry) => count(entry) > 0)
      .sort((a, b) => count(b) - count(a) || a[0].localeCompare(b[0]))
      .slice(0, FACET_VALUE_LIMIT);
  const addUp = (lists: [string[] | null, number][]): [string, number][] => {
    const sums = new Map<string, number>();
    for (const [values, count] of lists) for (const value of values ?? []) sums.set(value, (sums.get(value) ?? 0) + count);
    return [...sums];
  };
  const totals = of<TotalsTuple>(GROUPED_BY.nothing)[0];
  const [, matched = 0, total = 0, priceMin = null, priceMax = null, r4 = 0, r3 = 0, r2 = 0, r1 = 0, inStock = 0] = totals ?? [];
  return {
    total,
    matched,
    brands: top(
      of<BrandTuple>(GROUPED_BY.brand).flatMap(([, brand, count]): [string, number][] => (brand === null ? [] : [[brand, count]])),
      (e) => e[1],
    ),
    sellers: top(
      of<SellerTuple>(GROUPED_BY.seller).map(([, slug, name, count]): [string, string, number] => [slug, name, count]),
      (e) => e[2],
    ),
    sizes: top(addUp(of<ListTuple>(GROUPED_BY.sizes).map(([, values, count]) => [values, count])), (e) => e[1]),
    colors: top(addUp(of<ListTuple>(GROUPED_BY.colors).map(([, values, count]) => [values, count])), (e) => e[1]),
    price: priceMin !== null && priceMax !== null ? { min: priceMin, max: priceMax } : null,
    ratingsAtLeast: { "4": r4, "3": r3, "2": r2, "1": r1 },
    inStock,
  };
}

type BrandTuple = [typeof GROUPED_BY.brand, string | null, number];
type SellerTuple = [typeof GROUPED_BY.seller, string, string, number];
type ListTuple = [typeof GROUPED_BY.sizes | typeof GROUPED_BY.colors, string[] | null, number];
type TotalsTuple = [
  typeof GROUPED_BY.nothing,
  matched: number,
  total: number,
  priceMin: number | null,
  priceMax: number | null,
  r4: number,
  r3: number,
  r2: number,
  r1: number,
  inStock: number,
];
type FacetTuple = BrandTuple | SellerTuple | ListTuple | TotalsTuple;
