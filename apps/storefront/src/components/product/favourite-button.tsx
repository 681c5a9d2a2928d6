"use client";
// The heart beside "Add to cart". Signed-in shoppers' favourites live on the server; a guest's
// on the device, merged into the account after sign-in (see header/favourites-sync).
import { cn } from "@market/ui";
import { useT } from "@market/web/i18n/client";
import { describeError, useTRPC } from "@market/web/trpc-client";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { HeartIcon } from "../icons";
import { pushToDeviceList, removeFromDeviceList, useDeviceList } from "../../lib/device-lists";

export function FavouriteButton({ productId, signedIn, initial }: { productId: string; signedIn: boolean; initial: boolean }) {
  const t = useT();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const device = useDeviceList("favourites");
  const [onServer, setOnServer] = useState(initial);
  const [message, setMessage] = useState("");
  const onDone = (added: boolean) => {
    setMessage(t(added ? "product.addedToFavourites" : "product.removedFromFavourites"));
    void queryClient.invalidateQueries({ queryKey: trpc.favourites.pathKey() });
  };
  const add = useMutation(trpc.favourites.add.mutationOptions({ onSuccess: () => onDone(true) }));
  const remove = useMutation(trpc.favourites.remove.mutationOptions({ onSuccess: () => onDone(false) }));
  const failed = add.error ?? remove.error;

  const favourite = signedIn ? onServer : (device?.includes(productId) ?? false);

  function toggle() {
    const next = !favourite;
    if (!signedIn) {
      if (next) pushToDeviceList("favourites", productId);
      else removeFromDeviceList("favourites", productId);
      setMessage(t(next ? "product.addedToFavourites" : "product.removedFromFavourites"));
      return;
    }
    setOnServer(next);
    (next ? add : remove).mutate({ productId }, { onError: () => setOnServer(!next) });
  }

  return (
    <>
      <button
        type="button"
        onClick={toggle}
        aria-label={t(favourite ? "product.removeFromFavourites" : "product.addToFavourites")}
        className={cn(
          "grid min-h-11 w-12 shrink-0 place-items-center rounded-xl border transition-colors",
          favourite ? "border-sale bg-rose-50 text-sale" : "border-gray-300 text-muted hover:text-sale",
        )}
      >
        <HeartIcon filled={favourite} className="size-6" />
      </button>
      <span role="status" className="sr-only">{failed ? describeError(failed).message : message}</span>
    </>
  );
}
