"use client";
import { useSyncExternalStore } from "react";
import { getServerState, getState, subscribe, type DeviceCartState } from "./device-cart";

/** The device's cart state; the server's empty state while rendering on the server and hydrating. */
export function useDeviceCart(): DeviceCartState {
  return useSyncExternalStore(subscribe, getState, getServerState);
}

export type CartSyncStatus = {
  /** False while the server answers "unavailable" or not at all. */
  reachable: boolean;
  /** Changes kept on this device that the server has not saved yet. */
  pendingChanges: number;
  syncing: boolean;
  /** Orders cannot be placed: the server is away, or the cart it has is not the one shown. */
  checkoutPaused: boolean;
};

/**
 * For checkout and anything else that must not act on a cart the server does not have yet.
 * Use with <CheckoutPausedNotice/>, which says why in the shopper's words.
 */
export function useCartSync(): CartSyncStatus {
  const state = useDeviceCart();
  const pendingChanges = state.journal.length;
  return { reachable: state.reachable, pendingChanges, syncing: state.syncing, checkoutPaused: !state.reachable || pendingChanges > 0 };
}
