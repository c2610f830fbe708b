"use client";
import { Banknote, DoorOpen, Hourglass, MessageSquareReply, Send, TrendingUp, type LucideIcon } from "lucide-react";
import { ButtonLink } from "@/components/ui/button";
import { formatDay } from "@/lib/format-date";
import { formatMoney } from "@/lib/money";
import { plural } from "@/lib/text";
import type { TodayAction, TodayItem, TodayKind } from "@/lib/today/types";
import { TodayActionButton } from "./action-button";
import { ItemStateForm } from "./item-state-form";
import { TodayPaymentForm } from "./payment-form";
import { MessageBox } from "./message-box";
import type { TodayActions } from "./types";

/** Each kind's label and icon; `since`: what its day is; `amount`: what its money is. */
const KIND: Record<TodayKind, { label: string; Icon: LucideIcon; since: string; amount: string; tone: string }> = {
  answer_owed: { label: "Answer owed", Icon: MessageSquareReply, since: "Waiting since", amount: "Their offer", tone: "text-sky-800 dark:text-sky-300" },
  follow_up: { label: "Follow up", Icon: Send, since: "Sent", amount: "Quoted", tone: "text-sky-800 dark:text-sky-300" },
  stop_chasing: { label: "Stop chasing", Icon: Hourglass, since: "Sent", amount: "Quoted", tone: "text-amber-800 dark:text-amber-300" },
  payment_overdue: { label: "Payment overdue", Icon: Banknote, since: "Due", amount: "Owed", tone: "text-red-700 dark:text-red-400" },
  walk_away: { label: "Walk away", Icon: DoorOpen, since: "Last activity", amount: "Amount", tone: "text-red-700 dark:text-red-400" },
  raise_due: { label: "Raise due", Icon: TrendingUp, since: "Last raise or first job", amount: "Amount", tone: "text-emerald-800 dark:text-emerald-300" },
};

/** "4 days", "4 days late"; nothing to say on the day itself. */
function daysText(item: TodayItem): string | null {
  if (item.days <= 0) return item.kind === "payment_overdue" ? "due today" : "today";
  const d = plural(item.days, "day");
  return item.kind === "payment_overdue" ? `${d} late` : `${d} ago`;
}

/** The message box's label: what the message is for. */
function messageLabel(kind: TodayKind): string {
  if (kind === "follow_up") return "Your one follow-up";
  if (kind === "stop_chasing") return "A last word, if you want to send one";
  if (kind === "raise_due") return "The notice letter's opening";
  return "Message to send";
}

/**
 * One Today item: what, why, how long, how much; its actions (main one first); done / snooze / not relevant.
 * A client component: the page sends the item's facts once (not its rendered tree too), and binds the ids here.
 */
export function TodayCard({ item, index, actions, today, locale }: { item: TodayItem; index: number; actions: TodayActions; today: string; locale: string }) {
  const k = KIND[item.kind];
  const headingId = `today-item-${index}`;
  const days = daysText(item);
  return (
    <li className="list-none">
      <article aria-labelledby={headingId} data-testid="today-item" data-key={item.key} className="rounded-lg border border-stone-200 bg-white p-4 shadow-sm dark:border-stone-800 dark:bg-stone-900">
        <p className={`flex items-center gap-1.5 text-xs font-semibold uppercase tracking-wide ${k.tone}`}>
          <k.Icon aria-hidden className="size-4" />
          {k.label}
        </p>
        <h3 id={headingId} className="mt-1 text-lg font-semibold leading-snug">
          {item.title}
        </h3>
        <p className="mt-1 text-sm text-stone-700 dark:text-stone-300">{item.reason}</p>
        <dl className="mt-2 flex flex-wrap gap-x-4 gap-y-1 text-sm text-stone-600 dark:text-stone-400">
          <div className="flex gap-1">
            <dt>{k.since}</dt>
            <dd>
              <time dateTime={item.since}>{formatDay(item.since, locale)}</time>
              {days ? ` (${days})` : null}
            </dd>
          </div>
          {item.amount ? (
            <div className="flex gap-1">
              <dt>{k.amount}</dt>
              <dd className="font-medium tabular-nums text-stone-900 dark:text-stone-100">{formatMoney(item.amount.value, item.amount.currency, locale)}</dd>
            </div>
          ) : null}
        </dl>
        {item.message ? (
          <div className="mt-3">
            <MessageBox itemKey={item.key} text={item.message} label={messageLabel(item.kind)} />
          </div>
        ) : null}
        {item.actions.length ? (
          <div className="mt-3 flex flex-wrap items-start gap-2" role="group" aria-label={`What to do about “${item.title}”`}>
            {item.actions.map((a, i) => (
              <ItemAction key={`${a.type}-${i}`} action={a} main={i === 0} item={item} actions={actions} today={today} locale={locale} />
            ))}
          </div>
        ) : null}
        <div className="mt-3 border-t border-stone-200 pt-2 dark:border-stone-800">
          <ItemStateForm action={actions.setState} itemKey={item.key} title={item.title} today={today} />
        </div>
      </article>
    </li>
  );
}

/** Today logs a payment in place (the form needs the amount owed); its links then sit in the form's button row. */
const paymentFormShown = (item: TodayItem, actions: TodayActions) => Boolean(actions.logPayment && item.amount && item.actions.some((x) => x.type === "log_payment"));

function ItemAction({ action: a, main, item, actions, today, locale }: { action: TodayAction; main: boolean; item: TodayItem; actions: TodayActions; today: string; locale: string }) {
  const variant = main ? "primary" : "secondary";
  switch (a.type) {
    case "link":
      if (paymentFormShown(item, actions)) return null;
      return (
        <ButtonLink href={a.href} variant={variant}>
          {a.label}
        </ButtonLink>
      );
    case "follow_up":
      return <TodayActionButton action={actions.followUp.bind(null, a.quoteId)} label={a.label} pendingText="Logging…" variant={variant} />;
    case "mark_expired":
      return <TodayActionButton action={actions.markExpired.bind(null, a.quoteId)} label={a.label} pendingText="Marking expired…" variant={variant} />;
    case "client_walked_away":
      return (
        <TodayActionButton
          action={actions.clientWalkedAway.bind(null, a.quoteId)}
          label={a.label}
          pendingText="Recording…"
          variant={variant}
          confirm={`Record that ${item.clientName} walked away from this quote? It is marked rejected, with no answer from them.`}
        />
      );
    case "walk_away_client":
      return (
        <TodayActionButton
          action={actions.walkAwayClient.bind(null, a.clientId)}
          label={a.label}
          pendingText="Walking away…"
          variant={main ? "danger" : "secondary"}
          confirm={`Walk away from ${item.clientName}? Their status becomes “walked away”; their history stays.`}
        />
      );
    case "log_payment":
      // the form needs the amount owed as its default; without it (or without the action) the quote page logs it
      return actions.logPayment && item.amount ? (
        <div className="w-full">
          <TodayPaymentForm quoteId={a.quoteId} action={actions.logPayment.bind(null, a.quoteId)} today={today} defaultAmount={item.amount.value} currency={item.amount.currency} locale={locale}>
            {item.actions.map((x, i) =>
              x.type === "link" ? (
                <ButtonLink key={`link-${i}`} href={x.href} variant="secondary">
                  {x.label}
                </ButtonLink>
              ) : null,
            )}
          </TodayPaymentForm>
        </div>
      ) : (
        <ButtonLink href={`/quotes/${a.quoteId}`} variant={variant}>
          {a.label}
        </ButtonLink>
      );
  }
}
