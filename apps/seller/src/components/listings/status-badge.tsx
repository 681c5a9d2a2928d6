// A product's status as the seller reads it.
export type ListingStatusValue = "DRAFT" | "ACTIVE" | "INACTIVE" | "ARCHIVED";

export const LISTING_STATUS_LABEL: Record<ListingStatusValue, string> = {
  DRAFT: "Draft",
  ACTIVE: "On sale",
  INACTIVE: "Unpublished",
  ARCHIVED: "Archived",
};

const TONE: Record<ListingStatusValue, string> = {
  DRAFT: "bg-gray-100 text-gray-800",
  ACTIVE: "bg-emerald-50 text-emerald-800",
  INACTIVE: "bg-amber-50 text-amber-800",
  ARCHIVED: "bg-gray-200 text-gray-600",
};

export function ListingStatusBadge({ status }: { status: ListingStatusValue }) {
  return <span className={`inline-block whitespace-nowrap rounded-full px-2 py-0.5 text-xs font-semibold ${TONE[status]}`}>{LISTING_STATUS_LABEL[status]}</span>;
}
