"use client";
import { useState } from "react";
import { CalendarClock, Check, Clock, Loader2, X } from "lucide-react";
import { Button } from "@/components/ui/button";
import { FormMessage, TextField } from "@/components/ui/field";
import { addDays } from "@/lib/dates";
import type { FormAction } from "@/lib/action-state";
import { useTodayForm } from "./flash";

const CHOICES = [
  { state: "done", label: "Done", pending: "Marking done…", Icon: Check },
  { state: "snoozed", label: "Snooze a week", pending: "Snoozing…", Icon: Clock },
  { state: "not_relevant", label: "Not relevant", pending: "Putting it away…", Icon: X },
] as const;

/**
 * "Done", "Snooze" (a week, or until a day picked) and "Not relevant" for one Today item. The mark holds
 * while the item's facts are unchanged (the server keeps the facts it was made from). What was done is said
 * in the page's status line, with "Undo".
 */
export function ItemStateForm({ action, itemKey, title, today }: { action: FormAction; itemKey: string; title: string; today: string }) {
  const { state, formAction, onSubmit, pending, v, errors } = useTodayForm(action);
  const [clicked, setClicked] = useState<string | null>(null);
  const [pickDay, setPickDay] = useState(Boolean(errors?.snoozedUntil));
  const button = (value: string, label: string, pendingText: string, Icon: typeof Check, extra = {}) => (
    <Button type="submit" name="state" value={value} variant="ghost" className="px-3" disabled={pending} aria-disabled={pending} onClick={() => setClicked(value)} {...extra}>
      {pending && clicked === value ? <Loader2 aria-hidden className="size-4 animate-spin" /> : <Icon aria-hidden className="size-4" />}
      {pending && clicked === value ? pendingText : label}
    </Button>
  );
  return (
    // unnamed: a named form is a landmark, and two items may share a title (axe landmark-unique); the group says what it marks
    <form action={formAction} onSubmit={onSubmit} noValidate className="grid gap-2">
      <input type="hidden" name="key" value={itemKey} />
      <div role="group" aria-label={`Mark “${title}”`} className="flex flex-wrap items-center gap-1">
        {CHOICES.map((c) => (pickDay && c.state === "snoozed" ? null : <span key={c.state}>{button(c.state, c.label, c.pending, c.Icon)}</span>))}
        {!pickDay ? (
          <Button type="button" variant="ghost" className="px-3" onClick={() => setPickDay(true)} disabled={pending}>
            <CalendarClock aria-hidden className="size-4" />
            Snooze until…
          </Button>
        ) : null}
      </div>
      {pickDay ? (
        <div className="flex flex-wrap items-end gap-2">
          <TextField name="snoozedUntil" label="Snooze until" type="date" min={addDays(today, 1)} defaultValue={v("snoozedUntil", addDays(today, 7))} errors={errors} className="min-w-44" />
          <span className="mb-0.5">{button("snoozed", "Snooze", "Snoozing…", Clock)}</span>
          <Button type="button" variant="ghost" className="mb-0.5 px-3" onClick={() => setPickDay(false)} disabled={pending}>
            Cancel
          </Button>
        </div>
      ) : null}
      {state.status === "error" ? (
        <div>
          <FormMessage state={state} />
          {/* the key and the choice are not fields the user sees: say what was wrong with them in words */}
          {Object.entries(state.fields ?? {})
            .filter(([field]) => field !== "_form" && !(pickDay && field === "snoozedUntil"))
            .map(([field, messages]) => (
              <p key={field} className="text-sm text-red-700 dark:text-red-400">
                {messages[0]}
              </p>
            ))}
        </div>
      ) : null}
    </form>
  );
}
