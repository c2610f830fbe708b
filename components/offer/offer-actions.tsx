"use client";
import { Loader2 } from "lucide-react";
import type { OfferEvaluation } from "@/lib/offer-check";
import type { OfferActionState } from "@/server/offers";
import { Button } from "@/components/ui/button";
import { CopyButton } from "@/components/ui/copy-button";
import { RecordedNote } from "./recorded-note";

/**
 * The offer check's actions: copy the decline, and one click to record declining, countering (at the
 * counter price, or with the option their budget buys) or accepting. A bar stuck to the bottom of a
 * phone's screen while the answer is in view; it rests once the checked offer is recorded.
 */
export function OfferActions({
  ev,
  recorded,
  recording,
  recordDisabled,
  alreadyRecorded,
  clicked,
  onClick,
  declineText,
  money,
  holdsFirm,
  form,
}: {
  ev: OfferEvaluation;
  recorded: OfferActionState;
  recording: boolean;
  recordDisabled: boolean;
  alreadyRecorded: boolean;
  /** the decision button last pressed (its spinner while recording) */
  clicked: string | null;
  onClick: (decision: string) => void;
  declineText: string;
  money: (n: number) => string;
  /** a counter at the price already on the quote is holding firm */
  holdsFirm: (price: number) => boolean;
  /** the record form's id: the buttons submit it */
  form: string;
}) {
  return (
    <div
      className="sticky bottom-0 z-10 -mx-1 rounded-t-lg border border-stone-300 bg-white/95 p-3 shadow-[0_-4px_12px_rgba(0,0,0,0.08)] backdrop-blur lg:static lg:mx-0 lg:rounded-lg lg:shadow-none dark:border-stone-700 dark:bg-stone-900/95"
      data-testid="offer-actions"
      role="group"
      aria-label="Act on this offer"
    >
      {recorded.status === "ok" && recorded.recorded ? <RecordedNote recorded={recorded.recorded} /> : null}
      <div className="grid grid-cols-2 gap-2 sm:flex sm:flex-wrap">
        <CopyButton text={declineText} selectId="msg-decline-message" label="Copy decline" announce="Decline message copied to the clipboard" />
        {(
          [
            ["declined", "Decline and record", "walk_away"],
            [
              "countered",
              ev.counter.counterPrice == null
                ? "Record a counter"
                : ev.counter.tier
                  ? `Offer ${ev.counter.tier.optionName} at ${money(ev.counter.tier.price)}`
                  : `${holdsFirm(ev.counter.counterPrice) ? "Hold firm at" : "Counter at"} ${money(ev.counter.counterPrice)}`,
              "counter",
            ],
            ["accepted", "Accept and record", "accept"],
          ] as const
        ).map(([decision, text, answer]) => (
          <Button
            key={decision}
            type="submit"
            form={form}
            name="decision"
            value={decision}
            variant={ev.answer === answer ? "primary" : "secondary"}
            disabled={recordDisabled}
            aria-disabled={recordDisabled}
            // visibly resting once recorded, not just unresponsive; the line above says what was recorded
            className={alreadyRecorded ? "opacity-50" : ""}
            aria-describedby={alreadyRecorded ? "offer-recorded-status" : undefined}
            onClick={() => onClick(decision)}
            data-testid={`record-${decision}`}
          >
            {recording && clicked === decision ? <Loader2 aria-hidden className="size-4 animate-spin" /> : null}
            {recording && clicked === decision ? "Recording…" : text}
          </Button>
        ))}
      </div>
    </div>
  );
}
