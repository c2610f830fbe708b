"use client";
import { useState } from "react";
import { Check, Copy } from "lucide-react";
import { Button } from "./button";

/**
 * Copy `text` in one click, with a visible "Copied" and a screen-reader announcement. Without the
 * clipboard API (an old browser, plain http on another host) it selects the element `selectId` and
 * asks the browser to copy the selection.
 */
export function CopyButton({ text, selectId, label, announce }: { text: string; selectId: string; label: string; announce: string }) {
  const [copied, setCopied] = useState(false);
  async function copy() {
    try {
      await navigator.clipboard.writeText(text);
    } catch {
      const el = document.getElementById(selectId);
      if (el instanceof HTMLTextAreaElement || el instanceof HTMLInputElement) el.select();
      else if (el) window.getSelection()?.selectAllChildren(el);
      document.execCommand("copy");
    }
    setCopied(true);
    setTimeout(() => setCopied(false), 2000);
  }
  return (
    <div className="flex items-center gap-2">
      <Button type="button" variant="secondary" onClick={copy}>
        {copied ? <Check aria-hidden className="size-4" /> : <Copy aria-hidden className="size-4" />}
        {copied ? "Copied" : label}
      </Button>
      <span role="status" className="sr-only">
        {copied ? announce : ""}
      </span>
    </div>
  );
}
