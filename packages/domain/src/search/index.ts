// Public face of the search domain. (Engines, sync and reindex are added beside these.)
export * from "./types.ts";
export { searchQueryFromParams, searchQueryToParams } from "./url-state.ts";
export { getSearchEngine, setSearchEngine, createSearchEngineFromEnv } from "./get-search-engine.ts";
export { createPostgresEngine } from "./postgres/create-postgres-engine.ts";
export { createAlgoliaEngine, type AlgoliaEngineOptions } from "./algolia/create-algolia-engine.ts";
export { enqueueSearchSync, searchSyncJob, SYNC_PRODUCTS_TASK } from "./enqueue-search-sync.ts";
export { syncProductsTask, createSyncProductsTask } from "./sync-products-task.ts";
export { loadSearchDocuments } from "./load-search-documents.ts";
