// Test fixtures for other packages' integration tests (the worker's, the API's). Not for product code.
export * from "./shop-fixtures.ts";
