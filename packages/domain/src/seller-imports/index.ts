// Bulk import and export for sellers: CSV files of stock and prices or of product cards, checked
// row by row, applied in the background with visible progress; the catalogue as CSV.
export { IMPORT_CHUNK_ROWS, MAX_IMPORT_FILE_BYTES, MAX_IMPORT_ROWS } from "./limits.ts";
export { IMPORT_KINDS, type ImportKindName, type RowError } from "./types.ts";
export { parseCsv, detectDelimiter, type ParsedCsv, type CsvRow } from "./csv.ts";
export { STOCK_PRICE_COLUMNS, STOCK_PRICE_TEMPLATE } from "./stock-prices.ts";
export { PRODUCT_COLUMNS, PRODUCT_TEMPLATE } from "./products.ts";
export {
  getImportJob,
  importErrorsCsv,
  importJobInput,
  IMPORT_JOB_NOT_FOUND,
  listImportJobs,
  listImportJobsInput,
  previewImport,
  previewImportInput,
  SELLER_IMPORT_MAX_ATTEMPTS,
  SELLER_IMPORT_TASK,
  startImport,
  startImportInput,
  type ImportJobDetail,
  type ImportJobInput,
  type ImportJobView,
  type ImportPreview,
  type PreviewImportInput,
  type StartImportInput,
} from "./jobs.ts";
export { createSellerImportTask, runImportJob, type ImportProgress, type RunImportOptions } from "./run-import.ts";
export { listImportCategories, type ImportCategory } from "./categories.ts";
export { catalogCsvRows, exportCatalogInput, type ExportCatalogInput } from "./export-catalog.ts";
