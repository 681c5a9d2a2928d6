"use client";
// Prints one parcel's pick list: the element is marked for the print stylesheet (globals.css),
// which hides everything else on the page, and unmarked once the print dialog closes.
import { Button } from "@market/ui";

export function PrintPickListButton({ targetId }: { targetId: string }) {
  return (
    <Button
      type="button"
      variant="secondary"
      onClick={() => {
        const target = document.getElementById(targetId);
        if (!target) return;
        target.setAttribute("data-print-target", "");
        document.body.classList.add("printing-pick-list");
        window.addEventListener(
          "afterprint",
          () => {
            target.removeAttribute("data-print-target");
            document.body.classList.remove("printing-pick-list");
          },
          { once: true },
        );
        window.print();
      }}
    >
      Print pick list
    </Button>
  );
}
