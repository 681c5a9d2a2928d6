"use client";
// Inside the "Choose pickup point" dialog: a city, then that city's pickup points. The choice is
// kept in a cookie (delivery.choose) and the page is rendered again with the new estimate.
import { Alert, Button, Spinner } from "@market/ui";
import { useT } from "@market/web/i18n/client";
import { describeError, useTRPC } from "@market/web/trpc-client";
import { useMutation, useQuery } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useId, useState, useTransition } from "react";
import { useDialog } from "./dialog";

export function PickupPointChooser({ currentCity, currentId }: { currentCity: string | null; currentId: string | null }) {
  const t = useT();
  const trpc = useTRPC();
  const router = useRouter();
  const { open, close } = useDialog();
  const cityId = useId();
  const [city, setCity] = useState(currentCity ?? "");
  const [refreshing, startRefresh] = useTransition();
  const cities = useQuery({ ...trpc.delivery.cities.queryOptions(), enabled: open, staleTime: 10 * 60_000 });
  const points = useQuery({ ...trpc.delivery.pickupPoints.queryOptions({ city }), enabled: open && city !== "", staleTime: 10 * 60_000 });
  const choose = useMutation(
    trpc.delivery.choose.mutationOptions({
      onSuccess: () => {
        close();
        startRefresh(() => router.refresh());
      },
    }),
  );
  const problem = cities.error ?? points.error ?? choose.error;

  return (
    <div className="flex flex-col gap-4">
      <div className="flex flex-col gap-1">
        <label htmlFor={cityId} className="text-sm font-medium">{t("pickup.city")}</label>
        <select
          id={cityId}
          value={city}
          onChange={(event) => setCity(event.target.value)}
          className="min-h-11 rounded-xl border border-gray-300 bg-white px-3 text-base"
        >
          <option value="" disabled>{t("pickup.selectCity")}</option>
          {(cities.data ?? (currentCity ? [{ city: currentCity, count: 0 }] : [])).map((c) => (
            <option key={c.city} value={c.city}>{c.city}</option>
          ))}
        </select>
      </div>
      {problem ? <Alert tone="error">{describeError(problem).message}</Alert> : null}
      {cities.isLoading || points.isLoading || refreshing ? <Spinner label={t("common.loading")} /> : null}
      {city && points.data ? (
        points.data.length === 0 ? (
          <p className="text-sm text-muted">{t("pickup.none")}</p>
        ) : (
          <ul aria-label={t("pickup.pointsIn", { city })} className="flex flex-col divide-y divide-gray-100">
            {points.data.map((point) => (
              <li key={point.id} className="flex items-center justify-between gap-3 py-3">
                <div className="flex min-w-0 flex-col text-sm">
                  <span className="font-semibold">{point.name}</span>
                  <span className="text-muted">{point.address}</span>
                  <span className="text-xs text-muted">{point.openingHours} · {t("pickup.readyIn", { count: point.deliveryDays })}</span>
                </div>
                <Button
                  type="button"
                  variant={point.id === currentId ? "primary" : "secondary"}
                  aria-label={t("pickup.chooseNamed", { name: point.name })}
                  busy={choose.isPending && choose.variables?.pickupPointId === point.id}
                  onClick={() => choose.mutate({ pickupPointId: point.id })}
                >
                  {t("pickup.chooseThis")}
                </Button>
              </li>
            ))}
          </ul>
        )
      ) : null}
    </div>
  );
}
