"use client";
import { ChevronDown } from "lucide-react";
import { useId, useState } from "react";

/**
 * Folded on a phone behind one button, always open from `sm` up: the dashboard's filters would otherwise
 * fill a phone's first screen before a single figure. Open from the start when something needs fixing.
 */
export function PhoneCollapsible({ label, defaultOpen, children }: { label: string; defaultOpen: boolean; children: React.ReactNode }) {
  const [open, setOpen] = useState(defaultOpen);
  const id = useId();
  return (
    <>
      <button
        type="button"
        aria-expanded={open}
        aria-controls={id}
        onClick={() => setOpen((o) => !o)}
        className="flex min-h-10 w-full items-center justify-between gap-2 text-left text-sm font-medium sm:hidden"
      >
        {label}
        <ChevronDown aria-hidden className={`size-4 transition-transform ${open ? "rotate-180" : ""}`} />
      </button>
      <div id={id} className={open ? "mt-3 sm:mt-0" : "hidden sm:block"}>
        {children}
      </div>
    </>
  );
}
