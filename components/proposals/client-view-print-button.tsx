"use client";
import { Printer } from "lucide-react";
import { Button } from "@/components/ui/button";

/** The browser's print dialog: "Save as PDF" there makes the proposal a PDF (the print stylesheet lays it out). */
export function PrintButton() {
  return (
    <Button type="button" variant="secondary" onClick={() => window.print()} className="print:hidden">
      <Printer aria-hidden className="size-4" />
      Print / Save as PDF
    </Button>
  );
}
