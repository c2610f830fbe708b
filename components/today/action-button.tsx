"use client";
import type { ComponentProps } from "react";
import { ConfirmButton } from "@/components/confirm-button";
import { useFlash } from "./flash";

/**
 * One of a Today item's one-click writes (follow up once, stop chasing, walk away): the page binds the
 * record's id; what it did is said in the page's status line (and an error next to the button too).
 */
export function TodayActionButton({ variant = "secondary", ...props }: Omit<ComponentProps<typeof ConfirmButton>, "onResult">) {
  const { report } = useFlash();
  return <ConfirmButton {...props} variant={variant} onResult={report} />;
}
