"use client";
// Applies a filter as soon as it changes, through the router so the page does not reload;
// empty fields are left out of the URL.
import { useRouter } from "next/navigation";
import { useEffect } from "react";

export function AutoSubmit({ formId }: { formId: string }) {
  const router = useRouter();
  useEffect(() => {
    const form = document.getElementById(formId) as HTMLFormElement | null;
    if (!form) return;
    const navigate = (event: Event) => {
      event.preventDefault();
      const params = new URLSearchParams();
      for (const [name, value] of new FormData(form)) if (typeof value === "string" && value !== "") params.append(name, value);
      const query = params.toString();
      router.push(query ? `${form.getAttribute("action")}?${query}` : form.getAttribute("action")!, { scroll: false });
    };
    const onChange = (event: Event) => {
      // Typing a price waits for Enter or leaving the field.
      if ((event.target as HTMLInputElement).type === "number" && event.type === "input") return;
      navigate(event);
    };
    form.addEventListener("change", onChange);
    form.addEventListener("submit", navigate);
    return () => {
      form.removeEventListener("change", onChange);
      form.removeEventListener("submit", navigate);
    };
  }, [formId, router]);
  return null;
}
