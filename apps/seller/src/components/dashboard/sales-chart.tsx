"use client";
// Revenue (bars) and paid orders (line) per day. The SVG is for sighted users; the same numbers
// are in a table under "Show the numbers" for screen readers and for anyone who wants exact values.
import { formatMoney } from "@market/ui";
import { Bar, CartesianGrid, ComposedChart, Legend, Line, Tooltip, XAxis, YAxis } from "recharts";

export type SalesChartDay = { day: string; revenueMinor: number; orders: number };

const shortDay = (day: string) => new Date(`${day}T00:00:00Z`).toLocaleDateString("en-GB", { day: "numeric", month: "short", timeZone: "UTC" });

export function SalesChart({ days, currency, title }: { days: SalesChartDay[]; currency: string; title: string }) {
  const money = (minor: number) => formatMoney(minor, currency);
  const data = days.map((d) => ({ ...d, label: shortDay(d.day) }));
  return (
    <figure aria-labelledby="sales-chart-title" className="flex flex-col gap-3">
      <figcaption id="sales-chart-title" className="text-lg font-semibold">{title}</figcaption>
      <div aria-hidden="true" className="w-full">
        <ComposedChart responsive accessibilityLayer={false} style={{ width: "100%", height: 280 }} data={data} margin={{ top: 8, right: 8, bottom: 0, left: 8 }}>
          <CartesianGrid strokeDasharray="3 3" vertical={false} />
          <XAxis dataKey="label" tick={{ fontSize: 12 }} interval="preserveStartEnd" minTickGap={16} />
          <YAxis yAxisId="revenue" tick={{ fontSize: 12 }} width={84} tickFormatter={(value: number) => money(value)} />
          <YAxis yAxisId="orders" orientation="right" allowDecimals={false} tick={{ fontSize: 12 }} width={32} />
          <Tooltip
            formatter={(value, name) => (name === "Revenue" ? money(Number(value)) : String(value))}
            labelFormatter={(label) => String(label)}
          />
          <Legend />
          <Bar yAxisId="revenue" dataKey="revenueMinor" name="Revenue" fill="#7c3aed" radius={[4, 4, 0, 0]} />
          <Line yAxisId="orders" dataKey="orders" name="Orders" stroke="#f59e0b" strokeWidth={2} dot={false} type="monotone" />
        </ComposedChart>
      </div>
      <details className="text-sm">
        <summary className="cursor-pointer font-medium text-brand-600">Show the numbers</summary>
        <div className="mt-2 max-h-80 overflow-y-auto">
          <table className="w-full text-left">
            <caption className="sr-only">{title}</caption>
            <thead className="text-muted">
              <tr>
                <th scope="col" className="py-1 pr-4">Day</th>
                <th scope="col" className="py-1 pr-4 text-right">Revenue</th>
                <th scope="col" className="py-1 text-right">Orders</th>
              </tr>
            </thead>
            <tbody>
              {days.map((d) => (
                <tr key={d.day} className="border-t border-gray-100">
                  <th scope="row" className="py-1 pr-4 font-normal"><time dateTime={d.day}>{shortDay(d.day)}</time></th>
                  <td className="py-1 pr-4 text-right tabular-nums">{money(d.revenueMinor)}</td>
                  <td className="py-1 text-right tabular-nums">{d.orders}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </details>
    </figure>
  );
}
