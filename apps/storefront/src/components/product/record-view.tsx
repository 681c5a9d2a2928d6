"use client";
// Remembers the product among the device's recently viewed (shown on the home page).
import { useEffect } from "react";
import { pushToDeviceList } from "../../lib/device-lists";

export function RecordView({ productId }: { productId: string }) {
  useEffect(() => pushToDeviceList("recentlyViewed", productId), [productId]);
  return null;
}
