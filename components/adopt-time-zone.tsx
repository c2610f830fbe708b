"use client";
import { useEffect } from "react";
import type { FormAction } from "@/lib/action-state";

/** Until a time zone is chosen, the first browser that opens the app lends it its own (Settings can change it). */
export function AdoptTimeZone({ action }: { action: FormAction }) {
  useEffect(() => {
    const timeZone = Intl.DateTimeFormat().resolvedOptions().timeZone;
    if (!timeZone) return;
    const fd = new FormData();
    fd.set("timeZone", timeZone);
    void action({ status: "idle" }, fd);
  }, [action]);
  return null;
}
