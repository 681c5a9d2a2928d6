/** One problem in one row of an import file; row 1 is the header, as in a spreadsheet. */
export type RowError = { row: number; column: string; message: string };

export const IMPORT_KINDS = ["STOCK_PRICES", "PRODUCTS"] as const;
export type ImportKindName = (typeof IMPORT_KINDS)[number];
