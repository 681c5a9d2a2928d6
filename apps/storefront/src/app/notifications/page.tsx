import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { getSessionUser } from "@market/auth";
import { getTranslator } from "@market/web/i18n/server";
import { NotificationList } from "../../components/notifications/notification-list";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslator())("notifications.title"), robots: { index: false } };
}

export default async function NotificationsPage() {
  if (!(await getSessionUser())) redirect("/sign-in?callbackUrl=/notifications");
  return <NotificationList />;
}
