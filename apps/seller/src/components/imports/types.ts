export type ImportKindName = "STOCK_PRICES" | "PRODUCTS";
export type ColumnDoc = { name: string; required: boolean; description: string };
export type KindDocs = Record<ImportKindName, { columns: ColumnDoc[]; template: string }>;
export type CategoryDoc = { slug: string; name: string; hasSizes: boolean; characteristics: { key: string; name: string; required: boolean }[] };
export type RowErrorView = { row: number; column: string; message: string };

export const KIND_LABEL: Record<ImportKindName, string> = { STOCK_PRICES: "Stock and prices", PRODUCTS: "Products" };
export const numberFormat = (n: number) => n.toLocaleString("en-GB");
