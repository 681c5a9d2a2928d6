// The import's limits, shown on the upload page and enforced on the server.

/** Bytes of CSV accepted (UTF-8). A 50,000-row product file with descriptions fits comfortably. */
export const MAX_IMPORT_FILE_BYTES = 20 * 1024 * 1024;
/** Data rows per file (the header not counted). */
export const MAX_IMPORT_ROWS = 50_000;
/**
 * Rows applied per transaction: small enough that row locks are held briefly (checkout waits on
 * them) and progress moves visibly, large enough that a 50,000-row file takes 100 transactions.
 */
export const IMPORT_CHUNK_ROWS = 500;
/** Rows of the file shown in the preview table. */
export const PREVIEW_SAMPLE_ROWS = 10;
/** Per-row problems returned with a preview; the count is always exact. */
export const PREVIEW_MAX_ERRORS = 500;
