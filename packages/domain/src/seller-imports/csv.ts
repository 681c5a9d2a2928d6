// Reading a seller's CSV file: UTF-8 with or without a byte-order mark, separated by commas or by
// semicolons (what Excel writes in Russian locales), quoted fields may hold separators and line
// breaks. Rows are numbered as a spreadsheet shows them: the header is row 1.
import { CsvError, parse } from "csv-parse/sync";
import { AppError } from "../errors.ts";
import { MAX_IMPORT_FILE_BYTES, MAX_IMPORT_ROWS } from "./limits.ts";

export type CsvRow = { row: number; cells: Record<string, string> };
export type ParsedCsv = { delimiter: "," | ";"; columns: string[]; rows: CsvRow[] };

const MEGABYTE = 1024 * 1024;

const bad = (message: string) => new AppError("BAD_REQUEST", message);

/**
 * The header line's separator: whichever of `;` and `,` occurs more often outside quotes there.
 * Detected once rather than accepting both everywhere, so "1299,50" in a semicolon file stays one
 * value.
 */
export function detectDelimiter(text: string): "," | ";" {
  let commas = 0;
  let semicolons = 0;
  let quoted = false;
  for (const char of text) {
    if (char === '"') quoted = !quoted;
    else if (!quoted && (char === "\n" || char === "\r")) break;
    else if (!quoted && char === ",") commas++;
    else if (!quoted && char === ";") semicolons++;
  }
  return semicolons > commas ? ";" : ",";
}

/** The CSV's header names, normalised: trimmed and lower-case ("Discount_Price " is discount_price). */
export const normaliseHeader = (name: string) => name.replace(/^\uFEFF/, "").trim().toLowerCase();

/**
 * Parses the whole file. Problems with the file as a whole (not UTF-8, too big, empty, broken
 * quoting, too many rows, a repeated or unknown column) are one BAD_REQUEST with a sentence the
 * seller can act on; problems in single rows are left to the row validation.
 */
export function parseCsv(
  content: string | Buffer,
  { knownColumn, otherKindHint }: { knownColumn: (name: string) => boolean; otherKindHint?: (columns: readonly string[]) => string | null },
): ParsedCsv {
  const size = typeof content === "string" ? Buffer.byteLength(content, "utf8") : content.length;
  if (size > MAX_IMPORT_FILE_BYTES) {
    throw bad(`The file is ${(size / MEGABYTE).toFixed(1)} MB; the limit is ${MAX_IMPORT_FILE_BYTES / MEGABYTE} MB. Split it into smaller files.`);
  }
  const text = (typeof content === "string" ? content : content.toString("utf8")).replace(/^\uFEFF/, "");
  if (text.includes("\uFFFD")) {
    throw bad('The file is not UTF-8 text. In Excel choose "Save as" → "CSV UTF-8 (comma delimited)", then upload it again.');
  }
  if (text.trim() === "") throw bad("The file is empty. Add a header row and at least one row of data.");

  const delimiter = detectDelimiter(text);
  let records: string[][];
  try {
    records = parse(text, { delimiter, relax_column_count: true, skip_empty_lines: false, trim: false }) as string[][];
  } catch (error) {
    if (error instanceof CsvError) {
      const line = (error as CsvError & { lines?: number }).lines;
      throw bad(`The file is not valid CSV${line ? ` near line ${line}` : ""}: check that quotes around values are closed. (${error.message.replace(/^[A-Z_]+: /, "")})`);
    }
    throw error;
  }

  const [header = [], ...body] = records;
  const columns = header.map(normaliseHeader);
  if (columns.every((name) => name === "")) throw bad("The first row must name the columns, for example: sku,warehouse,quantity,price.");
  // The most common mistake: the right file with the wrong kind chosen on the page.
  const hint = columns.some((name) => name !== "" && !knownColumn(name)) ? otherKindHint?.(columns) : null;
  if (hint) throw bad(hint);
  const seen = new Set<string>();
  for (const [index, name] of columns.entries()) {
    if (name === "") throw bad(`Column ${index + 1} of the header has no name. Remove the empty column or name it.`);
    if (seen.has(name)) throw bad(`The column "${name}" appears twice in the header.`);
    if (!knownColumn(name)) throw bad(`Unknown column "${header[index]!.trim()}". Use the column names from the template.`);
    seen.add(name);
  }

  const rows: CsvRow[] = [];
  body.forEach((record, index) => {
    // A blank line (or a row of empty cells, as spreadsheets export) is not data; the numbering
    // still counts it, so row numbers match what the seller sees in the spreadsheet.
    if (record.every((cell) => cell.trim() === "")) return;
    const cells: Record<string, string> = {};
    columns.forEach((name, column) => {
      cells[name] = (record[column] ?? "").trim();
    });
    rows.push({ row: index + 2, cells });
  });
  if (rows.length === 0) throw bad("The file has a header but no rows of data.");
  if (rows.length > MAX_IMPORT_ROWS) {
    throw bad(`The file has ${rows.length.toLocaleString("en-GB")} rows; the limit is ${MAX_IMPORT_ROWS.toLocaleString("en-GB")} per file. Split it into smaller files.`);
  }
  return { delimiter, columns, rows };
}
