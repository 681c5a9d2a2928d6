// Suggestions while the shopper types: categories, products and query completions. Each keystroke
// costs a few index lookups, so each kind is asked for by prefix first (cheap and what people
// expect) and by trigram similarity only to fill up the list (so "cardgi" still offers
// cardigans).
import { getPrisma } from "@market/db";
import { fileUrl } from "../../files/index.ts";
import type { Db } from "../load-search-documents.ts";
import type { Suggestion } from "../types.ts";

const CATEGORY_LIMIT = 3;
const QUERY_LIMIT = 3;

/** `text` as a LIKE pattern that matches it literally. */
function likeLiteral(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}

export async function suggestFromEntries(prefix: string, limit: number, db: Db = getPrisma()): Promise<Suggestion[]> {
  const [row] = await db.$queryRaw<{ text: string }[]>`SELECT lower(unaccent(${prefix})) AS text`;
  const text = (row?.text ?? "").trim().replace(/\s+/g, " ");
  if (!text) return [];
  const words = text.split(/[^\p{L}\p{N}]+/u).filter(Boolean);
  const last = words[words.length - 1] ?? "";
  const pattern = likeLiteral(text);

  const [categories, products, completions] = await Promise.all([
    suggestCategories(text, pattern, db),
    suggestProducts(words, text, limit, db),
    last.length >= 2 ? completeLastWord(words, db) : Promise.resolve([]),
  ]);
  return [...categories, ...products, ...completions];
}

async function suggestCategories(text: string, pattern: string, db: Db): Promise<Suggestion[]> {
  // The category table is small (tens to hundreds of rows): a scan is cheaper than an index.
  const rows = await db.$queryRaw<{ slug: string; name: string; nameRu: string }[]>`
    SELECT c.slug, c.name, c."nameRu"
      FROM "Category" c
      CROSS JOIN LATERAL (SELECT lower(unaccent(c.name)) AS en, lower(unaccent(c."nameRu")) AS ru) n
     WHERE n.en LIKE ${pattern} || '%' OR n.ru LIKE ${pattern} || '%'
        OR n.en LIKE '% ' || ${pattern} || '%' OR n.ru LIKE '% ' || ${pattern} || '%'
        OR word_similarity(${text}, n.en) >= 0.6 OR word_similarity(${text}, n.ru) >= 0.6
     ORDER BY (n.en LIKE ${pattern} || '%' OR n.ru LIKE ${pattern} || '%') DESC,
              greatest(word_similarity(${text}, n.en), word_similarity(${text}, n.ru)) DESC,
              c.depth DESC, c.position
     LIMIT ${CATEGORY_LIMIT}`;
  return rows.map((r) => ({ kind: "category", slug: r.slug, name: r.name, nameRu: r.nameRu }));
}

async function suggestProducts(words: string[], text: string, limit: number, db: Db): Promise<Suggestion[]> {
  if (limit <= 0 || words.length === 0) return [];
  // Every word complete except the last, which is a prefix: "red cardi" is red & cardi:*.
  // Words are quoted for to_tsquery so that no character of theirs is read as an operator; the
  // numnode() check (made once, before any row) skips the scan when they are all stop words.
  const terms = words.map((word, i) => `'${word.replace(/'/g, "''")}'${i === words.length - 1 ? ":*" : ""}`).join(" & ");
  const byPrefix = await db.$queryRaw<ProductRow[]>`
    SELECT e."productId"::text AS id, e.slug, e.title, e.popularity
      FROM "ProductSearchEntry" e
     WHERE numnode(to_tsquery('market_search'::regconfig, ${terms})) > 0
       AND e.document @@ to_tsquery('market_search'::regconfig, ${terms})
     ORDER BY e.popularity DESC, e."productId"
     LIMIT ${limit}`;
  let rows = byPrefix;
  if (rows.length < limit && text.length >= 3) {
    const similar = await db.$queryRaw<ProductRow[]>`
      SELECT e."productId"::text AS id, e.slug, e.title, e.popularity
        FROM "ProductSearchEntry" e
       WHERE ${text} <% e."searchText"
         AND NOT (e."productId" = ANY(${rows.map((r) => r.id)}::uuid[]))
       ORDER BY word_similarity(${text}, e."searchText") DESC, e.popularity DESC
       LIMIT ${limit - rows.length}`;
    rows = [...rows, ...similar];
  }
  const images = await firstImages(rows.map((r) => r.id), db);
  return rows.map((r) => {
    const key = images.get(r.id);
    return { kind: "product", id: r.id, slug: r.slug, title: r.title, imageUrl: key ? fileUrl(key) : null };
  });
}

type ProductRow = { id: string; slug: string; title: string; popularity: number };

async function firstImages(ids: string[], db: Db): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const rows = await db.$queryRaw<{ id: string; storageKey: string }[]>`
    SELECT DISTINCT ON (i."productId") i."productId"::text AS id, i."storageKey"
      FROM "ProductImage" i
     WHERE i."productId" = ANY(${ids}::uuid[])
     ORDER BY i."productId", i.position`;
  return new Map(rows.map((r) => [r.id, r.storageKey]));
}

/** "red cardi" → "red cardigan", "red cardigans": the commonest vocabulary words the last word starts. */
async function completeLastWord(words: string[], db: Db): Promise<Suggestion[]> {
  const last = words[words.length - 1]!;
  const rows = await db.$queryRaw<{ word: string }[]>`
    SELECT s.word FROM "SearchWord" s
     WHERE s.word LIKE ${likeLiteral(last)} || '%' AND s.word <> ${last}
     ORDER BY s.documents DESC, s.word
     LIMIT ${QUERY_LIMIT}`;
  const head = words.slice(0, -1);
  return rows.map((r) => ({ kind: "query", text: [...head, r.word].join(" ") }));
}
