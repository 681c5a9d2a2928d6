-- Search: the PostgreSQL engine's index (packages/domain/src/search/postgres).
--
-- Added by hand (the data model cannot express these, and the schema diff ignores them):
-- - fuzzystrmatch, whose levenshtein() ranks spelling corrections (pg_trgm alone scores a swap of
--   two letters in a short word too low to be found).
-- - market_search, the text search configuration both the documents and the queries use. It is
--   a copy of the built-in russian configuration, which already stems words in Latin letters with
--   the English Snowball stemmer and words in Cyrillic with the Russian one, so "dresses" finds
--   "dress" and "платья" finds "платье" in one vector, without indexing every word twice. Words
--   that are not plain ASCII go through unaccent first, so "café" matches "cafe" and "ёлка"
--   matches "елка".
-- No immutable unaccent wrapper or generated column is needed: the sync computes "document" and
-- "searchText" when it writes a row, and queries call unaccent() on their own input only.
CREATE EXTENSION IF NOT EXISTS fuzzystrmatch;

CREATE TEXT SEARCH CONFIGURATION market_search (COPY = pg_catalog.russian);
ALTER TEXT SEARCH CONFIGURATION market_search
  ALTER MAPPING FOR word, hword, hword_part WITH unaccent, russian_stem;

-- CreateTable
CREATE TABLE "ProductSearchEntry" (
    "productId" UUID NOT NULL,
    "slug" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "brand" TEXT,
    "searchText" TEXT NOT NULL,
    "document" tsvector NOT NULL,
    "categorySlugs" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "categoryNames" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "sellerSlug" TEXT NOT NULL,
    "sellerName" TEXT NOT NULL,
    "sizes" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "colors" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "minPriceMinor" INTEGER NOT NULL,
    "currency" "Currency" NOT NULL,
    "ratingAverage" REAL NOT NULL,
    "ratingCount" INTEGER NOT NULL,
    "popularity" INTEGER NOT NULL,
    "inStock" BOOLEAN NOT NULL,
    "listedAt" TIMESTAMP(3) NOT NULL,
    "indexedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ProductSearchEntry_pkey" PRIMARY KEY ("productId")
);

-- CreateTable
CREATE TABLE "SearchWord" (
    "word" TEXT NOT NULL,
    "documents" INTEGER NOT NULL DEFAULT 1,

    CONSTRAINT "SearchWord_pkey" PRIMARY KEY ("word")
);

-- CreateIndex
CREATE INDEX "ProductSearchEntry_document_idx" ON "ProductSearchEntry" USING GIN ("document");

-- CreateIndex
CREATE INDEX "ProductSearchEntry_categorySlugs_idx" ON "ProductSearchEntry" USING GIN ("categorySlugs");

-- CreateIndex
CREATE INDEX "ProductSearchEntry_sizes_idx" ON "ProductSearchEntry" USING GIN ("sizes");

-- CreateIndex
CREATE INDEX "ProductSearchEntry_colors_idx" ON "ProductSearchEntry" USING GIN ("colors");

-- CreateIndex
CREATE INDEX "ProductSearchEntry_searchText_idx" ON "ProductSearchEntry" USING GIN ("searchText" gin_trgm_ops);

-- CreateIndex
CREATE INDEX "ProductSearchEntry_sellerSlug_idx" ON "ProductSearchEntry"("sellerSlug");

-- CreateIndex
CREATE INDEX "ProductSearchEntry_popularity_productId_idx" ON "ProductSearchEntry"("popularity" DESC, "productId");

-- CreateIndex
CREATE INDEX "ProductSearchEntry_listedAt_productId_idx" ON "ProductSearchEntry"("listedAt" DESC, "productId" DESC);

-- CreateIndex
CREATE INDEX "SearchWord_word_idx" ON "SearchWord" USING GIN ("word" gin_trgm_ops);

-- AddForeignKey
ALTER TABLE "ProductSearchEntry" ADD CONSTRAINT "ProductSearchEntry_productId_fkey" FOREIGN KEY ("productId") REFERENCES "Product"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Values the sync derives from rows that already satisfy these, kept honest here too.
ALTER TABLE "ProductSearchEntry" ADD CONSTRAINT "ProductSearchEntry_ratingAverage_check" CHECK ("ratingAverage" BETWEEN 0 AND 5);
ALTER TABLE "ProductSearchEntry" ADD CONSTRAINT "ProductSearchEntry_minPriceMinor_check" CHECK ("minPriceMinor" > 0);
ALTER TABLE "SearchWord" ADD CONSTRAINT "SearchWord_documents_check" CHECK ("documents" > 0);
