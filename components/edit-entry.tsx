"use client";
import { useCallback, useRef, useState } from "react";
import type { ActionState } from "@/lib/action-state";
import type { EntryForm } from "@/lib/entry-edit";
import { DeleteEntryButton, type DeleteEntryActions } from "./delete-entry-button";
import { ENTRY_ICONS } from "./timeline-icons";
import { ScoreChangeNote } from "./score-change-note";
import { DiscountRequestForm, MyAnswerForm, type EditMode } from "./forms/negotiation-forms";
import { AskForm, FollowUpForm, GiveForm, PaymentForm } from "./forms/interaction-forms";

/** Which stored row an entry is: a negotiation step of a quote, or an interaction of a client. */
export type EntryRef = { type: "event"; quoteId: number; id: number } | { type: "interaction"; clientId: number; id: number };
type Entry = EntryRef;

/** Edit and delete, passed down by the page: plain ids in, so a long timeline sends a few numbers per entry. */
export interface EntryActions extends DeleteEntryActions {
  updateEvent: (quoteId: number, eventId: number, prev: ActionState, fd: FormData) => Promise<ActionState>;
  updateInteraction: (clientId: number, interactionId: number, prev: ActionState, fd: FormData) => Promise<ActionState>;
}

/**
 * "Edit" and "Remove" next to a timeline entry. Edit opens the form the entry was logged with, pre-filled,
 * right under it; once saved it closes and says how the client's score moved.
 */
export function EntryControls({ entry, what, form, actions, currency, today }: { entry: Entry; what: string; form?: EntryForm; actions: EntryActions; currency: string; today: string }) {
  const [open, setOpen] = useState(false);
  const [saved, setSaved] = useState<ActionState | null>(null);
  const editButton = useRef<HTMLButtonElement>(null);
  const close = useCallback(() => {
    setOpen(false);
    editButton.current?.focus();
  }, []);
  const save = useCallback(
    async (prev: ActionState, fd: FormData) => {
      const state = entry.type === "event" ? await actions.updateEvent(entry.quoteId, entry.id, prev, fd) : await actions.updateInteraction(entry.clientId, entry.id, prev, fd);
      if (state.status === "ok") {
        setSaved(state);
        close();
      }
      return state;
    },
    [actions, entry, close],
  );
  const edit: EditMode | undefined = form ? { what, values: form.values, onCancel: close } : undefined;
  const props = { action: save, today, edit };
  return (
    <>
      {form ? (
        <button
          ref={editButton}
          type="button"
          onClick={() => {
            setSaved(null);
            setOpen((o) => !o);
          }}
          aria-expanded={open}
          aria-label={`Edit: ${what}`}
          title="Edit this entry"
          className="inline-flex size-10 items-center justify-center rounded text-stone-500 hover:bg-stone-100 hover:text-sky-800 dark:text-stone-400 dark:hover:bg-stone-800 dark:hover:text-sky-300"
        >
          <svg aria-hidden className="size-4">
            <use href={`#${ENTRY_ICONS.edit}`} />
          </svg>
        </button>
      ) : null}
      <DeleteEntryButton entry={entry} what={what} actions={actions} />
      {open && form ? (
        <div className="mt-2 basis-full rounded-md border border-stone-200 p-3 dark:border-stone-700">
          {form.kind === "discount_request" || form.kind === "client_counter" ? (
            <DiscountRequestForm {...props} quoteId={entry.type === "event" ? entry.quoteId : undefined} currency={currency} />
          ) : form.kind === "my_answer" || form.kind === "my_counter" ? (
            <MyAnswerForm {...props} quoteId={entry.type === "event" ? entry.quoteId : undefined} currency={currency} />
          ) : form.kind === "ask" ? (
            <AskForm {...props} quotes={[]} />
          ) : form.kind === "follow_up" ? (
            <FollowUpForm {...props} />
          ) : form.kind === "give" ? (
            <GiveForm {...props} />
          ) : (
            <PaymentForm {...props} currency={currency} />
          )}
        </div>
      ) : null}
      {!open && saved ? (
        <div className="mt-1 basis-full" role="status">
          <span className="text-sm text-emerald-700 dark:text-emerald-400">Saved.</span> <ScoreChangeNote change={saved.scoreChange} at={saved.okAt} />
        </div>
      ) : null}
    </>
  );
}
