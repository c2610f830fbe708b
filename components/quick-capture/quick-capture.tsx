"use client";
import { usePathname } from "next/navigation";
import { useCallback, useEffect, useId, useMemo, useRef, useState, type FormEvent, type KeyboardEvent } from "react";
import { Dialog } from "radix-ui";
import { CornerDownLeft, Loader2, NotebookPen, X } from "lucide-react";
import type { CaptureOption } from "@/lib/quick-capture/resolve";
import { idle } from "@/lib/action-state";
import type { QuickCaptureAction, QuickCaptureState } from "@/lib/quick-capture/state";
import { blockedReason, ChipButton, EXAMPLES, pageIds, PreviewPanel, SavedPanel, useIsMac, useOpenShortcut, type Chip, type PageChips } from "./parts";

/**
 * Quick log: a command palette (Ctrl-K / ⌘-K anywhere, or the nav's button) that logs a negotiation step,
 * an outcome or an interaction from one typed line. It previews the record in words as you type (a dry
 * run on the server), lets you pick the client or quote from a list when the line is not enough, saves
 * on Enter and shows how the client's fit score moved. Opened on a client's (or a quote's) page, it starts
 * on that client (and quote), shown as a chip that can be removed; a name typed in the line wins over it.
 */
export function QuickCapture({ preview, save }: { preview: QuickCaptureAction; save: QuickCaptureAction }) {
  const [open, setOpen] = useState(false);
  const [line, setLine] = useState("");
  const [client, setClient] = useState<Chip | null>(null);
  const [quote, setQuote] = useState<Chip | null>(null);
  const [state, setState] = useState<QuickCaptureState | null>(null);
  const [saved, setSaved] = useState<QuickCaptureState | null>(null);
  const [active, setActive] = useState(-1);
  const [pending, setPending] = useState(false);
  const [page, setPage] = useState<PageChips | null>(null);
  const [nudge, setNudge] = useState(false);
  const pathname = usePathname();
  const { clientId: pageClientId, quoteId: pageQuoteId } = useMemo(() => pageIds(pathname), [pathname]);
  const mac = useIsMac();
  const inputRef = useRef<HTMLInputElement>(null);
  const returnTo = useRef<HTMLElement | null>(null);
  const seq = useRef(0);
  /** the page whose client was asked for since the palette opened (once per opening: a removed chip stays removed) */
  const pageAsked = useRef<string | null>(null);
  const ids = useId();
  const listId = `${ids}-options`;
  const hintId = `${ids}-hint`;
  const errorId = `${ids}-error`;
  const saveHintId = `${ids}-save-hint`;

  // Ctrl-K / ⌘-K from anywhere; focus goes back where it was on close
  useOpenShortcut(
    useCallback((from: HTMLElement | null) => {
      if (from) returnTo.current = from;
      setOpen(true);
      inputRef.current?.focus();
    }, []),
  );

  /** The palette's fields as a form sends them. */
  const request = useCallback(() => {
    const fd = new FormData();
    fd.set("line", line);
    fd.set("clientId", client ? String(client.id) : "");
    fd.set("quoteId", quote ? String(quote.id) : "");
    // the page's client (and quote), unless a client was picked or the chip removed
    fd.set("pageClientId", !client && page ? String(page.client.id) : "");
    fd.set("pageQuoteId", !client && page?.quote ? String(page.quote.id) : "");
    return fd;
  }, [line, client, quote, page]);

  // opened on a client's or a quote's page: start on that client (and quote); the server names them
  useEffect(() => {
    if (!open || (pageClientId == null && pageQuoteId == null)) return;
    const key = `${pageClientId}/${pageQuoteId}`;
    if (pageAsked.current === key) return;
    pageAsked.current = key;
    const fd = new FormData();
    fd.set("line", "");
    fd.set("pageClientId", pageClientId == null ? "" : String(pageClientId));
    fd.set("pageQuoteId", pageQuoteId == null ? "" : String(pageQuoteId));
    // the answer counts while the palette is still open on that page (closing forgets what was asked)
    preview(idle, fd)
      .then((s) => {
        if (pageAsked.current !== key || !s.page?.client) return;
        const { client: c, quote: q } = s.page;
        setPage({ client: { id: c.id, label: c.name }, quote: q ? { id: q.id, label: q.title } : null });
      })
      .catch(() => {
        if (pageAsked.current === key) pageAsked.current = null;
      });
  }, [open, pageClientId, pageQuoteId, preview]);

  // the preview follows the line (a dry run; the newest answer wins)
  useEffect(() => {
    if (!open) return;
    const n = ++seq.current;
    if (!line.trim()) return;
    const t = setTimeout(() => {
      preview(idle, request())
        .then((s) => {
          if (n !== seq.current) return;
          setState(s);
          setActive(-1);
        })
        .catch(() => {
          if (n === seq.current) setState({ status: "error", message: "Could not reach Walkaway: check that it is running, then try again." });
        });
    }, 150);
    return () => clearTimeout(t);
  }, [open, line, preview, request]);

  const options: CaptureOption[] = state?.preview?.options ?? [];

  function reset() {
    seq.current++;
    setLine("");
    setClient(null);
    setQuote(null);
    setState(null);
    setActive(-1);
    setNudge(false);
  }

  function onOpenChange(next: boolean) {
    if (next && !returnTo.current && document.activeElement instanceof HTMLElement) returnTo.current = document.activeElement;
    setOpen(next);
    if (!next) {
      reset();
      setPage(null);
      pageAsked.current = null;
      setSaved(null);
    }
  }

  function pick(option: CaptureOption) {
    if (option.kind === "client") {
      setClient({ id: option.id, label: option.label });
      setQuote(null);
      setPage(null);
    } else setQuote({ id: option.id, label: option.label });
    setActive(-1);
    inputRef.current?.focus();
  }

  async function onSubmit(e: FormEvent) {
    e.preventDefault();
    if (pending) return;
    if (!line.trim()) {
      setNudge(true);
      inputRef.current?.focus();
      return;
    }
    setPending(true);
    seq.current++;
    try {
      const s = await save(idle, request());
      if (s.saved) {
        setSaved(s);
        reset();
      } else {
        // not saved: say why next to Save, and with a list to choose from, move to its first entry
        setState(s);
        setNudge(true);
        setActive(s.preview?.options.length ? 0 : -1);
      }
    } catch {
      setState({ status: "error", message: "Could not reach Walkaway: nothing was saved. Check that it is running, then try again." });
    } finally {
      setPending(false);
      inputRef.current?.focus();
    }
  }

  function onKeyDown(e: KeyboardEvent<HTMLInputElement>) {
    if (e.key === "ArrowDown" && options.length) {
      e.preventDefault();
      setActive((i) => (i + 1) % options.length);
    } else if (e.key === "ArrowUp" && options.length) {
      e.preventDefault();
      setActive((i) => (i <= 0 ? options.length - 1 : i - 1));
    } else if (e.key === "Enter" && active >= 0 && options[active]) {
      e.preventDefault();
      pick(options[active]);
    } else if (e.key === "Backspace" && line === "" && (quote || client || page)) {
      if (quote) setQuote(null);
      else if (client) setClient(null);
      else if (page?.quote) setPage({ ...page, quote: null });
      else setPage(null);
    }
  }

  const p = state?.preview;
  const expanded = options.length > 0;
  const lineError = state?.fields?.line?.[0];
  const blocked = blockedReason(line, state);
  // a name typed in the line went to another client: the page's chips stand aside (struck through)
  const pageSetAside = page != null && p?.client != null && p.client.id !== page.client.id && line.trim() !== "";

  return (
    <Dialog.Root open={open} onOpenChange={onOpenChange}>
      <Dialog.Trigger asChild>
        <button
          type="button"
          aria-keyshortcuts="Control+K Meta+K"
          className="inline-flex min-h-10 items-center gap-2 rounded-md border border-sky-700 px-3 text-sm font-medium text-sky-800 hover:bg-sky-50 dark:border-sky-400 dark:text-sky-300 dark:hover:bg-stone-800"
        >
          <NotebookPen aria-hidden className="size-4" />
          Quick log
          <kbd aria-hidden className="hidden rounded border border-stone-300 px-1 font-sans text-xs text-stone-600 md:inline dark:border-stone-600 dark:text-stone-400">
            {mac ? "⌘K" : "Ctrl K"}
          </kbd>
        </button>
      </Dialog.Trigger>
      <Dialog.Portal>
        <Dialog.Overlay className="fixed inset-0 z-40 bg-stone-950/50" />
        <Dialog.Content
          onOpenAutoFocus={(e) => {
            e.preventDefault();
            inputRef.current?.focus();
          }}
          onCloseAutoFocus={(e) => {
            const el = returnTo.current;
            returnTo.current = null;
            if (el && el.isConnected && el !== document.body) {
              e.preventDefault();
              el.focus();
            }
          }}
          className="fixed inset-x-0 top-0 z-50 max-h-dvh w-full overflow-y-auto rounded-b-xl border border-stone-200 bg-white p-4 text-stone-900 shadow-xl sm:top-[10vh] sm:left-1/2 sm:max-h-[80vh] sm:max-w-xl sm:-translate-x-1/2 sm:rounded-xl sm:p-5 dark:border-stone-700 dark:bg-stone-900 dark:text-stone-100"
        >
          <div className="flex items-start justify-between gap-3">
            <Dialog.Title className="text-lg font-semibold">Quick log</Dialog.Title>
            <Dialog.Close asChild>
              <button type="button" aria-label="Close" className="-m-1 inline-flex size-10 items-center justify-center rounded-md text-stone-600 hover:bg-stone-100 dark:text-stone-300 dark:hover:bg-stone-800">
                <X aria-hidden className="size-5" />
              </button>
            </Dialog.Close>
          </div>
          <Dialog.Description className="mt-1 text-sm text-stone-600 dark:text-stone-400">Type what happened in one line. Enter saves it.</Dialog.Description>

          <form onSubmit={onSubmit} noValidate aria-busy={pending} className="mt-3 grid gap-3" aria-label="Quick log">
            <div>
              <label htmlFor={`${ids}-line`} className="block text-sm font-medium text-stone-800 dark:text-stone-200">
                What happened?
              </label>
              <div className="mt-1 flex min-h-11 flex-wrap items-center gap-1.5 rounded-md border border-stone-300 bg-white px-2 py-1 focus-within:border-sky-600 focus-within:ring-2 focus-within:ring-sky-600/30 dark:border-stone-600 dark:bg-stone-950">
                {client ? <ChipButton chip={client} what="client" onRemove={() => {
                      setClient(null);
                      setQuote(null);
                      inputRef.current?.focus();
                    }} /> : null}
                {quote ? <ChipButton chip={quote} what="quote" onRemove={() => {
                      setQuote(null);
                      inputRef.current?.focus();
                    }} /> : null}
                {!client && page ? (
                  <ChipButton chip={page.client} what="client" fromPage setAside={pageSetAside} onRemove={() => {
                      setPage(null);
                      inputRef.current?.focus();
                    }} />
                ) : null}
                {!client && !quote && page?.quote ? (
                  <ChipButton chip={page.quote} what="quote" fromPage setAside={pageSetAside} onRemove={() => {
                      setPage({ ...page, quote: null });
                      inputRef.current?.focus();
                    }} />
                ) : null}
                <input
                  ref={inputRef}
                  id={`${ids}-line`}
                  type="text"
                  role="combobox"
                  autoComplete="off"
                  autoCapitalize="off"
                  spellCheck={false}
                  enterKeyHint="done"
                  aria-autocomplete="list"
                  aria-expanded={expanded}
                  aria-controls={expanded ? listId : undefined}
                  aria-activedescendant={expanded && active >= 0 ? `${listId}-${active}` : undefined}
                  aria-describedby={lineError ? `${hintId} ${errorId}` : hintId}
                  aria-invalid={lineError ? true : undefined}
                  value={line}
                  onChange={(e) => {
                    setLine(e.target.value);
                    setNudge(false);
                    if (!e.target.value.trim()) setState(null);
                  }}
                  onKeyDown={onKeyDown}
                  placeholder="Pebble asked 20% off"
                  className="min-w-40 flex-1 bg-transparent px-1 py-1.5 text-base text-stone-900 outline-none placeholder:text-stone-500 sm:text-sm dark:text-stone-100 dark:placeholder:text-stone-500"
                />
              </div>
              <p id={hintId} className="mt-1 text-xs text-stone-600 dark:text-stone-400">
                {EXAMPLES}
              </p>
              {lineError ? (
                <p id={errorId} role="alert" className="mt-1 text-sm text-red-700 dark:text-red-400">
                  {lineError}
                </p>
              ) : null}
            </div>

            {expanded ? (
              <div>
                <p id={`${listId}-label`} className="text-sm font-medium text-stone-800 dark:text-stone-200">
                  {p?.optionsLabel} <span className="font-normal text-stone-600 dark:text-stone-400"><span className="hidden sm:inline">(arrow keys, then Enter)</span><span className="sm:hidden">(tap one)</span></span>
                </p>
                <ul id={listId} role="listbox" aria-labelledby={`${listId}-label`} className="mt-1 max-h-56 overflow-y-auto rounded-md border border-stone-200 dark:border-stone-700">
                  {options.map((o, i) => (
                    <li
                      key={`${o.kind}-${o.id}`}
                      id={`${listId}-${i}`}
                      role="option"
                      aria-selected={i === active}
                      onMouseDown={(e) => e.preventDefault()}
                      onClick={() => pick(o)}
                      className={`flex min-h-11 cursor-pointer items-center justify-between gap-3 px-3 py-2 text-sm ${i === active ? "bg-sky-100 text-sky-950 dark:bg-sky-900 dark:text-sky-50" : "hover:bg-stone-100 dark:hover:bg-stone-800"}`}
                    >
                      <span className="font-medium">{o.label}</span>
                      {o.detail && o.detail.trim().toLowerCase() !== o.label.trim().toLowerCase() ? (
                        <span className={`text-xs ${i === active ? "" : "text-stone-600 dark:text-stone-400"}`}>{o.detail}</span>
                      ) : null}
                    </li>
                  ))}
                </ul>
              </div>
            ) : null}

            <PreviewPanel preview={p} error={state?.status === "error" && !lineError ? (state.message ?? null) : null} />

            <div className="flex flex-wrap items-center justify-between gap-3">
              <p id={saveHintId} aria-live="polite" className={`text-sm sm:flex-1 ${blocked ? (nudge ? "font-medium text-amber-900 dark:text-amber-200" : "text-stone-700 dark:text-stone-300") : "hidden text-xs text-stone-600 sm:block dark:text-stone-400"}`}>
                {blocked ? `${nudge ? "Not saved yet. " : ""}${blocked}` : "Enter saves · Esc closes"}
              </p>
              <button
                type="submit"
                disabled={pending}
                aria-disabled={pending || blocked != null}
                aria-describedby={blocked ? saveHintId : undefined}
                className="inline-flex min-h-10 w-full items-center justify-center gap-2 rounded-md bg-sky-700 px-4 py-2 text-sm font-medium text-white hover:bg-sky-800 disabled:cursor-not-allowed disabled:bg-sky-700/60 aria-disabled:cursor-not-allowed aria-disabled:bg-stone-200 aria-disabled:text-stone-700 aria-disabled:hover:bg-stone-200 sm:w-auto dark:aria-disabled:bg-stone-700 dark:aria-disabled:text-stone-200 dark:aria-disabled:hover:bg-stone-700"
              >
                {pending ? <Loader2 aria-hidden className="size-4 animate-spin" /> : <CornerDownLeft aria-hidden className="size-4" />}
                {pending ? "Saving…" : "Save"}
              </button>
            </div>
          </form>

          <SavedPanel saved={saved} onOpenClient={() => onOpenChange(false)} />
        </Dialog.Content>
      </Dialog.Portal>
    </Dialog.Root>
  );
}
