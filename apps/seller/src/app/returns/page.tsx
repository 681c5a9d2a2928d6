// Return requests for the seller's shops. Accepting one refunds the shopper (the worker pays it
// out through the payment provider); rejecting one needs a reason the shopper sees.
import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { getSessionUser } from "@market/auth";
import { RETURN_STATUSES, type SellerReturn } from "@market/domain/returns";
import { formatMoney } from "@market/ui";
import { serverCaller } from "@market/web/trpc-server";
import { dateTime, FilterLink } from "../../components/filter-link";
import { NotASeller } from "../../components/not-a-seller";
import { ReturnDecision } from "../../components/return-decision";

export const metadata: Metadata = { title: "Returns" };

type Status = (typeof RETURN_STATUSES)[number];

const LABEL: Record<Status, string> = { REQUESTED: "Waiting for you", ACCEPTED: "Accepted, refunding", REFUNDED: "Refunded", REJECTED: "Rejected" };
const TONE: Record<Status, string> = {
  REQUESTED: "bg-amber-100 text-amber-900",
  ACCEPTED: "bg-blue-100 text-blue-900",
  REFUNDED: "bg-green-100 text-green-900",
  REJECTED: "bg-gray-200 text-gray-800",
};

export default async function ReturnsPage({ searchParams }: { searchParams: Promise<{ status?: string }> }) {
  const user = await getSessionUser();
  if (!user) redirect("/sign-in?callbackUrl=/returns");
  if (user.role !== "SELLER") return <NotASeller email={user.email} />;

  const requested = (await searchParams).status;
  const status = RETURN_STATUSES.includes(requested as Status) ? (requested as Status) : undefined;
  const api = await serverCaller("seller");
  const { returns, nextCursor } = await api.returns.sellerList({ status, limit: 100 });

  return (
    <div className="flex flex-col gap-6">
      <div className="flex flex-col gap-1">
        <h1 className="text-2xl font-bold">Returns</h1>
        <p className="text-sm text-muted">Shoppers can ask to return delivered items within 14 days. Accepting a return refunds the items&apos; price to the shopper.</p>
      </div>

      <nav aria-label="Filter by status" className="flex flex-wrap gap-2">
        <FilterLink href="/returns" current={!status} label="All" />
        {RETURN_STATUSES.map((s) => (
          <FilterLink key={s} href={`/returns?status=${s}`} current={status === s} label={LABEL[s]} />
        ))}
      </nav>

      {returns.length === 0 ? (
        <section className="rounded-2xl bg-white p-6 shadow-sm">
          <h2 className="text-lg font-semibold">{status ? `No returns: ${LABEL[status].toLowerCase()}` : "No returns yet"}</h2>
          <p className="text-muted">When a shopper asks to return an item from one of your shops, it appears here for you to accept or reject.</p>
        </section>
      ) : (
        <ul aria-label="Return requests" className="flex flex-col gap-4">
          {returns.map((request) => (
            <li key={request.id}>
              <ReturnCard request={request} />
            </li>
          ))}
        </ul>
      )}
      {nextCursor ? <p className="text-sm text-muted">Showing the newest 100. Filter by status to see others.</p> : null}
    </div>
  );
}


function ReturnCard({ request }: { request: SellerReturn }) {
  const { line } = request;
  const variant = [line.size, line.color].filter(Boolean).join(", ");
  return (
    <article aria-label={`Return of ${line.title} in order ${request.orderNumber}`} className="flex flex-col gap-3 rounded-2xl bg-white p-4 shadow-sm">
      <header className="flex flex-wrap items-baseline justify-between gap-2">
        <h2 className="text-base font-semibold">
          {line.title}
          {variant ? <span className="font-normal text-muted"> · {variant}</span> : null}
        </h2>
        <span className={`rounded-full px-3 py-1 text-xs font-semibold ${TONE[request.status]}`}>{LABEL[request.status]}</span>
      </header>
      <dl className="grid gap-x-4 gap-y-1 text-sm sm:grid-cols-[auto_1fr]">
        <dt className="text-muted">Order</dt>
        <dd>{request.orderNumber} · {request.seller.name}</dd>
        <dt className="text-muted">SKU</dt>
        <dd className="font-mono">{line.sku}</dd>
        <dt className="text-muted">Quantity</dt>
        <dd>{request.quantity} of {line.quantity} bought</dd>
        <dt className="text-muted">Refund</dt>
        <dd>{formatMoney(request.amountMinor, request.currency, "en")}</dd>
        <dt className="text-muted">Shopper</dt>
        <dd>{request.shopperName}</dd>
        <dt className="text-muted">Reason</dt>
        <dd className="whitespace-pre-wrap">{request.reason}</dd>
        <dt className="text-muted">Requested</dt>
        <dd><time dateTime={request.createdAt.toISOString()}>{dateTime(request.createdAt)}</time></dd>
        {request.decidedAt ? (
          <>
            <dt className="text-muted">Decided</dt>
            <dd><time dateTime={request.decidedAt.toISOString()}>{dateTime(request.decidedAt)}</time></dd>
          </>
        ) : null}
        {request.rejectReason ? (
          <>
            <dt className="text-muted">Rejected because</dt>
            <dd className="whitespace-pre-wrap">{request.rejectReason}</dd>
          </>
        ) : null}
      </dl>
      {request.status === "REQUESTED" ? <ReturnDecision id={request.id} /> : null}
    </article>
  );
}
