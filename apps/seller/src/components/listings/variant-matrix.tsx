"use client";
// Sizes × colours: the seller lists sizes and colours, and gets one row per combination with its
// SKU, barcode, prices and stock per warehouse. Rows keep what was typed in them when sizes or
// colours are added or removed.
import { Button } from "@market/ui";
import { useId, useState } from "react";

export type ColorOption = { name: string; hex: string | null };

export type VariantRow = {
  size: string | null;
  color: string | null;
  colorHex: string | null;
  sku: string;
  barcode: string;
  price: string;
  compareAt: string;
  isActive: boolean;
  /** Units by warehouse code, as typed. */
  stocks: Record<string, string>;
  /** Units reserved for orders by warehouse code (existing SKUs): the stock cannot go below. */
  reserved: Record<string, number>;
};

export type Warehouse = { code: string; name: string; city: string; kind: "MARKETPLACE" | "SELLER" };

export const comboKey = (size: string | null, color: string | null) => `${size ?? ""}\u0000${color ?? ""}`;
export const comboLabel = (size: string | null, color: string | null) => [size, color].filter(Boolean).join(" / ") || "Product";

export const emptyRow = (size: string | null, color: ColorOption | null): VariantRow => ({
  size,
  color: color?.name ?? null,
  colorHex: color?.hex ?? null,
  sku: "",
  barcode: "",
  price: "",
  compareAt: "",
  isActive: true,
  stocks: {},
  reserved: {},
});

/** The rows for these sizes and colours, reusing earlier rows of the same combination. */
export function buildRows(sizes: string[], colors: ColorOption[], previous: VariantRow[]): VariantRow[] {
  const byKey = new Map(previous.map((row) => [comboKey(row.size, row.color), row]));
  const sizeList: (string | null)[] = sizes.length ? sizes : [null];
  const colorList: (ColorOption | null)[] = colors.length ? colors : [null];
  return sizeList.flatMap((size) =>
    colorList.map((color) => {
      const earlier = byKey.get(comboKey(size, color?.name ?? null));
      return earlier ? { ...earlier, colorHex: color?.hex ?? earlier.colorHex } : emptyRow(size, color);
    }),
  );
}

function TagInput({ label, values, onAdd, onRemove, placeholder, hint, withColor }: {
  label: string;
  values: { name: string; hex?: string | null }[];
  /** Several at once: "S, M, L" adds three. */
  onAdd: (names: string[], hex: string | null) => void;
  onRemove: (name: string) => void;
  placeholder: string;
  hint: string;
  withColor?: boolean;
}) {
  const id = useId();
  const [text, setText] = useState("");
  const [hex, setHex] = useState("#000000");
  const [pickHex, setPickHex] = useState(false);
  const add = () => {
    const names = [...new Set(text.split(",").map((value) => value.trim()).filter(Boolean))];
    if (names.length) onAdd(names, withColor && pickHex ? hex : null);
    setText("");
  };
  return (
    <div className="flex flex-col gap-2">
      <label htmlFor={id} className="text-sm font-medium">{label}</label>
      <div className="flex flex-wrap items-center gap-2">
        <input
          id={id}
          value={text}
          placeholder={placeholder}
          aria-describedby={`${id}-hint`}
          onChange={(event) => setText(event.target.value)}
          onKeyDown={(event) => {
            if (event.key === "Enter") {
              event.preventDefault();
              add();
            }
          }}
          className="min-h-11 w-48 rounded-xl border border-gray-300 px-3 text-base outline-none focus:border-brand-500 focus:ring-2 focus:ring-brand-100"
        />
        {withColor ? (
          <label className="flex items-center gap-2 text-sm">
            <input type="checkbox" checked={pickHex} onChange={(event) => setPickHex(event.target.checked)} className="size-5 accent-brand-600" />
            Swatch
            <input type="color" aria-label="Swatch colour" value={hex} disabled={!pickHex} onChange={(event) => setHex(event.target.value)} className="h-9 w-12 rounded" />
          </label>
        ) : null}
        <Button type="button" variant="secondary" onClick={add}>Add {label.toLowerCase().replace(/s$/, "")}</Button>
      </div>
      <p id={`${id}-hint`} className="text-xs text-muted">{hint}</p>
      {values.length ? (
        <ul aria-label={`Chosen ${label.toLowerCase()}`} className="flex flex-wrap gap-2">
          {values.map((value) => (
            <li key={value.name} className="flex items-center gap-1 rounded-full bg-gray-100 py-1 pl-3 pr-1 text-sm">
              {value.hex ? <span aria-hidden className="size-3 rounded-full border border-gray-300" style={{ background: value.hex }} /> : null}
              {value.name}
              <button type="button" aria-label={`Remove ${value.name}`} onClick={() => onRemove(value.name)} className="flex size-7 items-center justify-center rounded-full hover:bg-gray-200">
                ×
              </button>
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}

export function VariantMatrix({
  hasSizes,
  sizes,
  colors,
  rows,
  warehouses,
  stockCodes,
  currency,
  onSizes,
  onColors,
  onRows,
  onStockCodes,
  errorFor,
}: {
  hasSizes: boolean;
  sizes: string[];
  colors: ColorOption[];
  rows: VariantRow[];
  warehouses: Warehouse[];
  stockCodes: string[];
  currency: string;
  onSizes: (sizes: string[]) => void;
  onColors: (colors: ColorOption[]) => void;
  onRows: (rows: VariantRow[]) => void;
  onStockCodes: (codes: string[]) => void;
  /** The error message of a row's field ("sku", "price", "stocks.<code>"), if any. */
  errorFor: (row: VariantRow, field: string) => string | undefined;
}) {
  const [allPrice, setAllPrice] = useState("");
  const update = (index: number, patch: Partial<VariantRow>) => onRows(rows.map((row, i) => (i === index ? { ...row, ...patch } : row)));
  const stocked = warehouses.filter((warehouse) => stockCodes.includes(warehouse.code));

  const cell = "min-h-10 w-full rounded-lg border px-2 text-sm outline-none focus:border-brand-500 focus:ring-2 focus:ring-brand-100";
  const field = (row: VariantRow, index: number, name: "sku" | "barcode" | "price" | "compareAt", label: string, extra: { inputMode?: "decimal" | "numeric"; placeholder?: string } = {}) => {
    const error = errorFor(row, name);
    const id = `variant-${index}-${name}`;
    return (
      <td className="px-1 py-1 align-top">
        <input
          id={id}
          aria-label={`${label} for ${comboLabel(row.size, row.color)}`}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? `${id}-error` : undefined}
          value={row[name]}
          onChange={(event) => update(index, { [name]: event.target.value } as Partial<VariantRow>)}
          className={`${cell} ${error ? "border-sale" : "border-gray-300"} ${name === "sku" || name === "barcode" ? "min-w-32" : "min-w-24"}`}
          {...extra}
        />
        {error ? <p id={`${id}-error`} className="mt-1 max-w-56 text-xs text-sale">{error}</p> : null}
      </td>
    );
  };

  return (
    <div className="flex flex-col gap-4">
      <div className="grid gap-4 md:grid-cols-2">
        {hasSizes ? (
          <TagInput
            label="Sizes"
            placeholder="S, M, L or 44, 46"
            hint="Type one size or several separated by commas, then press Enter."
            values={sizes.map((name) => ({ name }))}
            onAdd={(names) => onSizes([...sizes, ...names.filter((name) => !sizes.includes(name))])}
            onRemove={(name) => onSizes(sizes.filter((size) => size !== name))}
          />
        ) : (
          <p className="text-sm text-muted">Products in this category have no sizes.</p>
        )}
        <TagInput
          label="Colours"
          placeholder="Blue, Black"
          hint="Optional. Each colour gets its own SKU for every size."
          withColor
          values={colors}
          onAdd={(names, hex) => onColors([...colors, ...names.filter((name) => !colors.some((color) => color.name === name)).map((name) => ({ name, hex }))])}
          onRemove={(name) => onColors(colors.filter((color) => color.name !== name))}
        />
      </div>

      <fieldset className="flex flex-col gap-2">
        <legend className="text-sm font-medium">Warehouses you keep stock in</legend>
        <div className="flex flex-wrap gap-x-4 gap-y-2">
          {warehouses.map((warehouse) => (
            <label key={warehouse.code} className="flex items-center gap-2 text-sm">
              <input
                type="checkbox"
                className="size-5 accent-brand-600"
                checked={stockCodes.includes(warehouse.code)}
                onChange={(event) => onStockCodes(event.target.checked ? [...stockCodes, warehouse.code] : stockCodes.filter((code) => code !== warehouse.code))}
              />
              {warehouse.name} <span className="text-muted">({warehouse.kind === "SELLER" ? "your warehouse" : warehouse.city})</span>
            </label>
          ))}
        </div>
      </fieldset>

      <div className="flex flex-wrap items-end gap-2">
        <div className="flex flex-col gap-1">
          <label htmlFor="all-prices" className="text-sm font-medium">Price for every SKU, {currency}</label>
          <input id="all-prices" inputMode="decimal" value={allPrice} onChange={(event) => setAllPrice(event.target.value)} placeholder="1 299.00" className={`${cell} border-gray-300 w-36`} />
        </div>
        <Button type="button" variant="secondary" onClick={() => allPrice.trim() && onRows(rows.map((row) => ({ ...row, price: allPrice })))}>
          Apply price to all
        </Button>
      </div>

      <div className="relative overflow-x-auto rounded-xl border border-gray-200">
        <table className="w-full text-left text-sm">
          <caption className="sr-only">SKUs: one row per size and colour</caption>
          <thead className="bg-gray-50 text-muted">
            <tr>
              <th scope="col" className="px-2 py-2">Variant</th>
              <th scope="col" className="px-2 py-2">SKU</th>
              <th scope="col" className="px-2 py-2">Barcode</th>
              <th scope="col" className="px-2 py-2">Price, {currency}</th>
              <th scope="col" className="px-2 py-2">Price before discount</th>
              {stocked.map((warehouse) => (
                <th key={warehouse.code} scope="col" className="px-2 py-2">Stock: {warehouse.name}</th>
              ))}
              <th scope="col" className="px-2 py-2">On sale</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row, index) => (
              <tr key={comboKey(row.size, row.color)} className="border-t border-gray-100">
                <th scope="row" className="whitespace-nowrap px-2 py-2 align-top font-medium">
                  {row.colorHex ? <span aria-hidden className="mr-1 inline-block size-3 rounded-full border border-gray-300" style={{ background: row.colorHex }} /> : null}
                  {comboLabel(row.size, row.color)}
                </th>
                {field(row, index, "sku", "SKU")}
                {field(row, index, "barcode", "Barcode", { inputMode: "numeric" })}
                {field(row, index, "price", "Price", { inputMode: "decimal", placeholder: "1 299.00" })}
                {field(row, index, "compareAt", "Price before discount", { inputMode: "decimal" })}
                {stocked.map((warehouse) => {
                  const error = errorFor(row, `stocks.${warehouse.code}`);
                  const reserved = row.reserved[warehouse.code] ?? 0;
                  const id = `variant-${index}-stock-${warehouse.code}`;
                  return (
                    <td key={warehouse.code} className="px-1 py-1 align-top">
                      <input
                        id={id}
                        inputMode="numeric"
                        aria-label={`Stock in ${warehouse.name} for ${comboLabel(row.size, row.color)}`}
                        aria-invalid={error ? true : undefined}
                        aria-describedby={error || reserved ? `${id}-note` : undefined}
                        value={row.stocks[warehouse.code] ?? ""}
                        placeholder="0"
                        onChange={(event) => update(index, { stocks: { ...row.stocks, [warehouse.code]: event.target.value } })}
                        className={`${cell} min-w-20 ${error ? "border-sale" : "border-gray-300"}`}
                      />
                      {error ? (
                        <p id={`${id}-note`} className="mt-1 max-w-56 text-xs text-sale">{error}</p>
                      ) : reserved ? (
                        <p id={`${id}-note`} className="mt-1 text-xs text-muted">{reserved} reserved</p>
                      ) : null}
                    </td>
                  );
                })}
                <td className="px-2 py-2 align-top">
                  <input
                    type="checkbox"
                    aria-label={`On sale: ${comboLabel(row.size, row.color)}`}
                    checked={row.isActive}
                    onChange={(event) => update(index, { isActive: event.target.checked })}
                    className="size-5 accent-brand-600"
                  />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}
