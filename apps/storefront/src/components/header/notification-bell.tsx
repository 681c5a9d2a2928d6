// The bell in the header, for signed-in shoppers only (the layout renders it in the signed-in
// branch): signed-out pages, the ones the page cache shares, neither query nor poll anything.
// The first count comes with the page, so the badge does not pop in; the client keeps it current.
import { serverCaller } from "@market/web/trpc-server";
import { NotificationBellLink } from "./notification-bell-link";

export async function NotificationBell() {
  const api = await serverCaller("storefront");
  // A bell without a number beats a page that fails: the client asks again in a moment.
  const count = await api.notifications
    .unreadCount()
    .then((result) => result.count)
    .catch(() => null);
  return <NotificationBellLink initialCount={count} />;
}
