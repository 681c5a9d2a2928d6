// Orders the seller ships from their own warehouse: what to pick (with shelf locations), where it
// goes, and the next step for each parcel. Parcels in the marketplace's warehouses are handled by
// the warehouse and are not listed here.
import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { getSessionUser } from "@market/auth";
import type { OwnWarehousePart } from "@market/domain/fulfilment";
import { serverCaller } from "@market/web/trpc-server";
import { dateTime, FilterLink } from "../../components/filter-link";
import { NotASeller } from "../../components/not-a-seller";
import { PartActions } from "../../components/part-actions";
import { PickListTable } from "../../components/pick-list-table";
import { PrintPickListButton } from "../../components/print-pick-list-button";

export const metadata: Metadata = { title: "Orders to ship" };

const GROUPS = [
  { key: "to-pack", title: "To pack", statuses: ["NEW", "ACCEPTED", "PICKING"], empty: "Nothing to pack." },
  { key: "to-ship", title: "Packed, to ship", statuses: ["PACKED"], empty: "Nothing waiting to be shipped." },
  { key: "on-the-way", title: "On the way", statuses: ["SHIPPED", "READY_FOR_PICKUP"], empty: "Nothing on the way." },
  { key: "delivered", title: "Delivered", statuses: ["DELIVERED"], empty: "Nothing delivered yet." },
] as const;
type GroupKey = (typeof GROUPS)[number]["key"];

const STATUS_LABEL: Record<string, string> = {
  NEW: "New",
  ACCEPTED: "Accepted",
  PICKING: "Picking",
  PACKED: "Packed",
  SHIPPED: "Shipped",
  READY_FOR_PICKUP: "At the pickup point",
  DELIVERED: "Delivered",
};

export default async function OrdersToShipPage({ searchParams }: { searchParams: Promise<{ group?: string }> }) {
  const user = await getSessionUser();
  if (!user) redirect("/sign-in?callbackUrl=/orders");
  if (user.role !== "SELLER") return <NotASeller email={user.email} />;

  const requested = (await searchParams).group;
  const selected = GROUPS.find((group) => group.key === requested)?.key ?? null;
  const api = await serverCaller("seller");
  const parts = await api.sellerOrders.toShip({ limit: 200 });
  const inGroup = (key: GroupKey) => parts.filter((part) => (GROUPS.find((g) => g.key === key)!.statuses as readonly string[]).includes(part.status));
  const shown = GROUPS.filter((group) => !selected || group.key === selected);
  const manyShops = new Set(parts.map((part) => part.seller.id)).size > 1;

  return (
    <div className="flex flex-col gap-6">
      <div className="flex flex-col gap-1 print:hidden">
        <h1 className="text-2xl font-bold">Orders to ship</h1>
        <p className="text-sm text-muted">Paid orders from your own warehouses. Orders stored in marketplace warehouses are packed and shipped by the warehouse.</p>
      </div>

      <nav aria-label="Filter by status" className="flex flex-wrap gap-2 print:hidden">
        <FilterLink href="/orders" current={selected === null} label={`All · ${parts.length}`} />
        {GROUPS.map((group) => (
          <FilterLink key={group.key} href={`/orders?group=${group.key}`} current={selected === group.key} label={`${group.title} · ${inGroup(group.key).length}`} />
        ))}
      </nav>

      {parts.length === 0 ? (
        <section className="rounded-2xl bg-white p-6 shadow-sm">
          <h2 className="text-lg font-semibold">No orders to ship</h2>
          <p className="text-muted">When a shopper pays for goods stored in your own warehouse, the order appears here with its pick list.</p>
        </section>
      ) : (
        shown.map((group) => {
          const items = inGroup(group.key);
          const headingId = `group-${group.key}`;
          return (
            <section key={group.key} aria-labelledby={headingId} className="flex flex-col gap-3">
              <h2 id={headingId} className="text-lg font-semibold print:hidden">{group.title} ({items.length})</h2>
              {items.length === 0 ? (
                <p className="text-sm text-muted print:hidden">{group.empty}</p>
              ) : (
                <ul className="flex flex-col gap-4">
                  {items.map((part) => (
                    <li key={part.id}>
                      <PartCard part={part} showShop={manyShops} />
                    </li>
                  ))}
                </ul>
              )}
            </section>
          );
        })
      )}
    </div>
  );
}


function PartCard({ part, showShop }: { part: OwnWarehousePart; showShop: boolean }) {
  const pickListId = `pick-list-${part.id}`;
  const units = part.lines.reduce((sum, line) => sum + line.quantity, 0);
  const { delivery } = part;
  return (
    <article aria-label={`Order ${part.order.number}`} className="flex flex-col gap-4 rounded-2xl bg-white p-4 shadow-sm">
      <div id={pickListId} className="flex flex-col gap-3">
        <header className="flex flex-wrap items-baseline justify-between gap-2">
          <h3 className="text-base font-semibold">
            Order {part.order.number}
            {showShop ? <span className="font-normal text-muted"> · {part.seller.name}</span> : null}
          </h3>
          <span className="rounded-full bg-gray-100 px-3 py-1 text-xs font-semibold">{STATUS_LABEL[part.status] ?? part.status}</span>
        </header>
        <dl className="grid gap-x-4 gap-y-1 text-sm sm:grid-cols-[auto_1fr]">
          <dt className="text-muted">Paid</dt>
          <dd>{part.order.paidAt ? <time dateTime={part.order.paidAt.toISOString()}>{dateTime(part.order.paidAt)}</time> : "–"}</dd>
          <dt className="text-muted">From</dt>
          <dd>{part.warehouse.name} ({part.warehouse.code})</dd>
          <dt className="text-muted">Delivery</dt>
          <dd>
            {delivery.method === "PICKUP" && delivery.pickupPoint
              ? `Pickup point: ${delivery.pickupPoint.name}, ${delivery.pickupPoint.city}, ${delivery.pickupPoint.address}`
              : delivery.address
                ? `Courier: ${[delivery.address.city, delivery.address.street, delivery.address.apartment, delivery.address.postcode].filter(Boolean).join(", ")}`
                : delivery.method === "PICKUP" ? "Pickup point" : "Courier"}
            {delivery.address?.comment ? <span className="block text-muted">“{delivery.address.comment}”</span> : null}
          </dd>
          <dt className="text-muted">Recipient</dt>
          <dd>{part.recipient.name}, {part.recipient.phone}</dd>
          {part.trackingNumber ? (
            <>
              <dt className="text-muted">Tracking</dt>
              <dd className="font-mono">{part.trackingNumber}</dd>
            </>
          ) : null}
        </dl>
        <PickListTable lines={part.lines} caption={`Pick list · ${units} ${units === 1 ? "unit" : "units"}`} captionVisible />
      </div>
      <div className="flex flex-wrap items-start justify-between gap-3 print:hidden">
        <PartActions orderPartId={part.id} status={part.status} />
        <PrintPickListButton targetId={pickListId} />
      </div>
    </article>
  );
}
