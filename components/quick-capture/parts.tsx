/** The palette's parts (./quick-capture.tsx): what the page says, why Save waits, the preview, the saved note, a chip. */
import Link from "next/link";
import { useEffect, useSyncExternalStore } from "react";
import { X } from "lucide-react";
import type { CapturePreview } from "@/lib/quick-capture/resolve";
import type { QuickCaptureState } from "@/lib/quick-capture/state";

const noSubscribe = () => () => {};
const isMac = () => /mac|iphone|ipad/i.test(navigator.platform || navigator.userAgent);
/** ⌘ on a Mac, Ctrl elsewhere (false while rendering on the server). */
export const useIsMac = () => useSyncExternalStore(noSubscribe, isMac, () => false);

/** Ctrl-K / ⌘-K anywhere opens the palette; `open` gets the element focused before (to return to), unless it is inside a dialog. */
export function useOpenShortcut(open: (from: HTMLElement | null) => void) {
  useEffect(() => {
    const onKey = (e: globalThis.KeyboardEvent) => {
      if ((e.ctrlKey || e.metaKey) && !e.altKey && !e.shiftKey && e.key.toLowerCase() === "k") {
        e.preventDefault();
        const from = document.activeElement instanceof HTMLElement && !document.activeElement.closest("[role=dialog]") ? document.activeElement : null;
        open(from);
      }
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, [open]);
}

export interface Chip {
  id: number;
  label: string;
}

/** The client or quote whose page this is (/clients/7…, /quotes/12…): the palette starts on it. */
export function pageIds(pathname: string | null): { clientId: number | null; quoteId: number | null } {
  const m = /^\/(clients|quotes)\/(\d+)(?:\/|$)/.exec(pathname ?? "");
  if (!m) return { clientId: null, quoteId: null };
  return m[1] === "clients" ? { clientId: Number(m[2]), quoteId: null } : { clientId: null, quoteId: Number(m[2]) };
}

export interface PageChips {
  client: Chip;
  quote: Chip | null;
}

/** Why Save cannot save yet, in a few words (the preview above has the whole list). */
export function blockedReason(line: string, state: QuickCaptureState | null): string | null {
  if (!line.trim()) return "Type what happened first";
  const p = state?.preview;
  if (!p) return null;
  if (p.ready) return null;
  if (!p.understood) return "I could not tell what happened: see above";
  if (p.options.length) return p.options[0].kind === "client" ? "Pick the client from the list" : "Pick the quote from the list";
  return p.missing[0] ?? null;
}

export const EXAMPLES = "e.g. “Pebble asked 20% off”, “Pebble countered 1800”, “held firm”, “2h unpaid call”, “follow-up, no answer”";

/** What the line would log, in words; what is still missing; or what the palette can log at all. Announced as it changes. */
export function PreviewPanel({ preview: p, error }: { preview: CapturePreview | undefined; error: string | null }) {
  return (
    <div aria-live="polite" data-testid="quick-capture-preview" className="grid gap-2 text-sm">
      {error ? <p className="text-red-700 dark:text-red-400">{error}</p> : null}
      {p?.sentence ? (
        <div className="rounded-md bg-stone-100 p-3 dark:bg-stone-800">
          <p className="text-xs font-medium uppercase tracking-wide text-stone-600 dark:text-stone-400">{p.kindLabel}</p>
          <p className="mt-0.5">{p.sentence}</p>
        </div>
      ) : null}
      {p?.note ? <p className="text-stone-700 dark:text-stone-300">{p.note}</p> : null}
      {p && p.missing.length ? (
        <div>
          <p className="font-medium">Before it can be saved:</p>
          <ul className="mt-1 list-disc pl-5 text-amber-900 dark:text-amber-200">
            {p.missing.map((m) => (
              <li key={m}>{m}</li>
            ))}
          </ul>
        </div>
      ) : null}
      {p?.help ? (
        <div>
          <p className="font-medium">I did not understand that. I can log:</p>
          <ul className="mt-1 list-disc pl-5 text-stone-700 dark:text-stone-300">
            {p.help.map((h) => (
              <li key={h}>{h}</li>
            ))}
          </ul>
        </div>
      ) : null}
    </div>
  );
}

/** Once saved: what was logged, how the score moved, and the way to the client. */
export function SavedPanel({ saved, onOpenClient }: { saved: QuickCaptureState | null; onOpenClient: () => void }) {
  return (
    <div role="status" data-testid="quick-capture-saved" className="empty:hidden mt-3">
      {saved?.saved ? (
        <div className="rounded-md border border-emerald-300 bg-emerald-50 p-3 text-sm text-emerald-950 dark:border-emerald-800 dark:bg-emerald-950 dark:text-emerald-50">
          <p>
            <span className="font-semibold">Logged.</span> {saved.preview?.sentence}
          </p>
          <p className="mt-1 font-semibold" data-testid="quick-capture-score">
            {saved.saved.scoreWords}
          </p>
          <Link href={`/clients/${saved.saved.clientId}`} onClick={onOpenClient} className="mt-1 inline-block font-medium text-sky-800 underline underline-offset-2 dark:text-sky-300">
            Open {saved.saved.clientName}
          </Link>
        </div>
      ) : null}
    </div>
  );
}

export function ChipButton({ chip, what, fromPage = false, setAside = false, onRemove }: { chip: Chip; what: "client" | "quote"; fromPage?: boolean; setAside?: boolean; onRemove: () => void }) {
  return (
    <span className="inline-flex max-w-full items-center gap-1 rounded-full bg-sky-100 py-0.5 pr-0.5 pl-2.5 text-sm text-sky-950 dark:bg-sky-900 dark:text-sky-50">
      <span className={`truncate ${setAside ? "line-through" : ""}`}>
        {chip.label}
        {fromPage ? <span className="sr-only"> (this page&apos;s {what}{setAside ? ", not used: the line names another client" : ""})</span> : null}
      </span>
      <button type="button" onClick={onRemove} aria-label={`Remove the ${what} ${chip.label}`} className="inline-flex size-7 items-center justify-center rounded-full hover:bg-sky-200 dark:hover:bg-sky-800">
        <X aria-hidden className="size-3.5" />
      </button>
    </span>
  );
}
