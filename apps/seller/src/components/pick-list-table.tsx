// What to take from which shelf: the same table on the shipping desk (printed) and on an order's page.
type PickLine = { id: string; sku: string; title: string; size: string | null; color: string | null; quantity: number; shelfLocation: string | null };

export function PickListTable({ lines, caption, captionVisible = false }: { lines: readonly PickLine[]; caption: string; captionVisible?: boolean }) {
  return (
    <div className="relative overflow-x-auto">
      <table className="w-full text-left text-sm">
        <caption className={captionVisible ? "mb-1 text-left font-semibold" : "sr-only"}>{caption}</caption>
        <thead className="text-muted">
          <tr>
            <th scope="col" className="py-1 pr-4">SKU</th>
            <th scope="col" className="py-1 pr-4">Item</th>
            <th scope="col" className="py-1 pr-4">Size</th>
            <th scope="col" className="py-1 pr-4">Colour</th>
            <th scope="col" className="py-1 pr-4 text-right">Qty</th>
            <th scope="col" className="py-1">Shelf</th>
          </tr>
        </thead>
        <tbody>
          {lines.map((line) => (
            <tr key={line.id} className="border-t border-gray-100 align-top">
              <td className="py-1 pr-4 font-mono">{line.sku}</td>
              <td className="py-1 pr-4">{line.title}</td>
              <td className="py-1 pr-4">{line.size ?? "–"}</td>
              <td className="py-1 pr-4">{line.color ?? "–"}</td>
              <td className="py-1 pr-4 text-right tabular-nums">{line.quantity}</td>
              <td className="py-1 font-mono">{line.shelfLocation ?? "–"}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
