"use client";
// After sign-in, the favourites a guest kept on this device are merged into the account once
// (favourites.merge dedupes), then the device list is cleared and the page shows the merged list.
import { useTRPC } from "@market/web/trpc-client";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useEffect, useRef } from "react";
import { readDeviceList, writeDeviceList } from "../../lib/device-lists";

export function FavouritesSync() {
  const trpc = useTRPC();
  const router = useRouter();
  const queryClient = useQueryClient();
  const started = useRef(false);
  const merge = useMutation(trpc.favourites.merge.mutationOptions());

  useEffect(() => {
    if (started.current) return;
    const productIds = readDeviceList("favourites");
    if (productIds.length === 0) return;
    started.current = true;
    merge.mutate(
      { productIds },
      {
        onSuccess: () => {
          // Keep anything added on another tab meanwhile for the next page.
          writeDeviceList("favourites", readDeviceList("favourites").filter((id) => !productIds.includes(id)));
          void queryClient.invalidateQueries({ queryKey: trpc.favourites.pathKey() });
          router.refresh();
        },
        // Left as it is: the next page load tries again (not this one, so a failure cannot loop).
      },
    );
  }, [merge, queryClient, router, trpc]);
  return null;
}
