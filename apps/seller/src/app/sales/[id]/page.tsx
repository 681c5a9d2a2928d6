// One of the seller's orders: pick list with shelf locations, how it travels, and its history.
// Another seller's order, or one that does not exist, is the 404 page.
import type { Metadata } from "next";
import Link from "next/link";
import { notFound, redirect } from "next/navigation";
import { TRPCError } from "@trpc/server";
import { getSessionUser } from "@market/auth";
import { formatMoney } from "@market/ui";
import { serverCaller } from "@market/web/trpc-server";
import { dateTime } from "../../../components/filter-link";
import { NotASeller } from "../../../components/not-a-seller";
import { PartActions } from "../../../components/part-actions";
import { PickListTable } from "../../../components/pick-list-table";
import { CancelPartButton } from "../../../components/sales/cancel-part-button";
import { ConfirmOrderButton } from "../../../components/sales/confirm-order-button";
import { deliveryStatusLabel, SellerStatusBadge } from "../../../components/sales/status-labels";

export const metadata: Metadata = { title: "Order" };

const SOURCE_LABEL: Record<string, string> = { WAREHOUSE: "the warehouse", SELLER: "you", SYSTEM: "the marketplace" };
/** Delivery statuses of an own-warehouse parcel that still has a step for the seller to report. */
const SHIPPING_STEPS_LEFT = new Set<string>(["NEW", "ACCEPTED", "PICKING", "PACKED", "SHIPPED", "READY_FOR_PICKUP"]);
/** Delivery statuses in which the seller may still cancel the parcel (it has not shipped; the server checks again). */
const CANCELLABLE = new Set<string>(["NEW", "ACCEPTED", "PICKING", "PACKED"]);

export default async function SaleDetailPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const user = await getSessionUser();
  if (!user) redirect(`/sign-in?callbackUrl=${encodeURIComponent(`/sales/${id}`)}`);
  if (user.role !== "SELLER") return <NotASeller email={user.email} />;

  const api = await serverCaller("seller");
  let part;
  try {
    part = await api.sellerOrders.get({ orderPartId: id });
  } catch (error) {
    if (error instanceof TRPCError && (error.code === "NOT_FOUND" || error.code === "BAD_REQUEST")) notFound();
    throw error;
  }
  const units = part.lines.reduce((sum, line) => sum + line.quantity, 0);
  const { delivery } = part;

  return (
    <div className="flex flex-col gap-6">
      <nav aria-label="Breadcrumb" className="text-sm">
        <Link href="/sales" className="font-medium text-brand-600 underline">All orders</Link>
      </nav>
      <header className="flex flex-wrap items-baseline justify-between gap-3">
        <h1 className="text-2xl font-bold">Order {part.order.number}</h1>
        <div className="flex flex-wrap items-center gap-2 text-sm">
          <SellerStatusBadge status={part.sellerStatus} />
          <span className="rounded-full bg-gray-100 px-2 py-0.5 text-xs font-semibold">{deliveryStatusLabel(part.status)}</span>
        </div>
      </header>

      {part.sellerStatus === "NEW" && part.status !== "CANCELLED" ? (
        <section aria-labelledby="confirm-title" className="flex flex-col gap-2 rounded-2xl bg-white p-4 shadow-sm sm:p-6">
          <h2 id="confirm-title" className="text-lg font-semibold">New order</h2>
          <p className="text-sm text-muted">Confirm it to tell the marketplace you have seen it and will fulfil it.</p>
          <ConfirmOrderButton orderPartId={part.id} />
        </section>
      ) : null}

      {part.ownWarehouse && SHIPPING_STEPS_LEFT.has(part.status) ? (
        <section aria-labelledby="shipping-title" className="flex flex-col gap-2 rounded-2xl bg-brand-50 p-4 text-sm sm:p-6">
          <h2 id="shipping-title" className="text-lg font-semibold">Shipping</h2>
          <p role="note">
            This order ships from your own warehouse: report each step here or in{" "}
            <Link href="/orders" className="font-medium text-brand-600 underline">Orders to ship</Link>.
          </p>
          <PartActions orderPartId={part.id} status={part.status} />
        </section>
      ) : null}

      {CANCELLABLE.has(part.status) ? (
        <section aria-labelledby="cancel-title" className="flex flex-col gap-2 rounded-2xl bg-white p-4 shadow-sm sm:p-6">
          <h2 id="cancel-title" className="text-lg font-semibold">Cannot supply it?</h2>
          <p className="text-sm text-muted">Until the parcel ships you can cancel it; the rest of the shopper&apos;s order goes on.</p>
          <CancelPartButton orderPartId={part.id} />
        </section>
      ) : null}

      <section aria-labelledby="summary-title" className="rounded-2xl bg-white p-4 shadow-sm sm:p-6">
        <h2 id="summary-title" className="mb-2 text-lg font-semibold">Details</h2>
        <dl className="grid gap-x-4 gap-y-1 text-sm sm:grid-cols-[auto_1fr]">
          <dt className="text-muted">Shop</dt>
          <dd>{part.shop.name}</dd>
          <dt className="text-muted">Ordered</dt>
          <dd><time dateTime={part.createdAt.toISOString()}>{dateTime(part.createdAt)}</time></dd>
          <dt className="text-muted">Paid</dt>
          <dd>{part.order.paidAt ? <time dateTime={part.order.paidAt.toISOString()}>{dateTime(part.order.paidAt)}</time> : "–"}</dd>
          <dt className="text-muted">Subtotal</dt>
          <dd className="tabular-nums">{formatMoney(part.subtotalMinor, part.currency)}</dd>
          <dt className="text-muted">Warehouse</dt>
          <dd>
            {part.warehouse ? `${part.warehouse.name} (${part.warehouse.code}), ${part.warehouse.city}` : "–"}
            {part.ownWarehouse ? <span className="ml-2 rounded-full bg-brand-50 px-2 py-0.5 text-xs font-semibold text-brand-700">Own warehouse</span> : null}
          </dd>
          <dt className="text-muted">Delivery</dt>
          <dd>
            {delivery.method === "PICKUP"
              ? `Pickup point${delivery.pickupPoint ? `: ${delivery.pickupPoint.name}, ${delivery.pickupPoint.city}, ${delivery.pickupPoint.address}` : ""}`
              : `Courier${delivery.address ? `: ${[delivery.address.city, delivery.address.street, delivery.address.apartment, delivery.address.postcode].filter(Boolean).join(", ")}` : ""}`}
          </dd>
          <dt className="text-muted">Tracking number</dt>
          <dd className={part.trackingNumber ? "font-mono" : undefined}>{part.trackingNumber ?? "Not yet"}</dd>
        </dl>
      </section>

      <section aria-labelledby="pick-list-title" className="rounded-2xl bg-white p-4 shadow-sm sm:p-6">
        <h2 id="pick-list-title" className="mb-2 text-lg font-semibold">Pick list · {units} {units === 1 ? "unit" : "units"}</h2>
        <PickListTable lines={part.lines} caption="Pick list" />
      </section>

      <section aria-labelledby="timeline-title" className="rounded-2xl bg-white p-4 shadow-sm sm:p-6">
        <h2 id="timeline-title" className="mb-2 text-lg font-semibold">History</h2>
        {part.timeline.length === 0 ? (
          <p className="text-sm text-muted">No delivery updates yet.</p>
        ) : (
          <ol aria-label="Delivery history" className="flex flex-col gap-2 text-sm">
            {part.timeline.map((event) => (
              <li key={event.id} className="flex flex-wrap gap-x-3">
                <time dateTime={event.occurredAt.toISOString()} className="text-muted">{dateTime(event.occurredAt)}</time>
                <span className="font-medium">{deliveryStatusLabel(event.status)}</span>
                <span className="text-muted">by {SOURCE_LABEL[event.source] ?? event.source}</span>
                {event.trackingNumber ? <span className="font-mono">{event.trackingNumber}</span> : null}
              </li>
            ))}
          </ol>
        )}
      </section>
    </div>
  );
}
