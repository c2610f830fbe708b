import type { FormAction } from "@/lib/action-state";
import { formatDay } from "@/lib/format-date";
import { formatMoney } from "@/lib/money";
import { daysFrom, type PaymentState } from "@/lib/payment-terms";
import { plural } from "@/lib/text";
import { Badge, Card } from "@/components/ui/card";
import { LogPaymentForm } from "./log-payment-form";
import { PaymentTermsForm } from "./payment-terms-form";

const dt = "text-stone-600 dark:text-stone-400";

/**
 * The quote page's "Payment" card for an accepted quote: its terms, the expected payment date, paid or
 * overdue, "Log payment", and the terms to change. Without terms (imported, or accepted before terms
 * existed) it says payment is not tracked and offers to start tracking.
 */
export function PaymentCard({
  payment,
  quoteId,
  currency,
  defaultTermsDays,
  today,
  locale,
  actions,
}: {
  payment: PaymentState;
  quoteId: number;
  currency: string;
  /** the client's own terms, else the book's: what "start tracking" offers */
  defaultTermsDays: number;
  today: string;
  locale: string;
  actions: { logPayment: FormAction; setTerms: FormAction };
}) {
  if (!payment.tracked) {
    if (payment.reason === "not_accepted") return null;
    return (
      <Card title="Payment" id="payment">
        <p className="mb-3 text-sm" data-testid="payment-status">
          Payment not tracked: this quote has no payment terms (it was imported, or accepted before terms existed). Set its terms to see when it is due.
        </p>
        <PaymentTermsForm action={actions.setTerms} termsDays={null} defaultDays={defaultTermsDays} />
      </Card>
    );
  }
  const day = (iso: string) => formatDay(iso, locale);
  const untilDue = daysFrom(today, payment.dueOn);
  return (
    <Card title="Payment" id="payment">
      <dl className="mb-4 grid grid-cols-2 gap-3 text-sm">
        <div>
          <dt className={dt}>Terms</dt>
          <dd data-testid="payment-terms">{payment.termsDays === 0 ? "On delivery" : `${plural(payment.termsDays, "day")} after the work is done`}</dd>
        </div>
        <div>
          <dt className={dt}>Expected payment</dt>
          <dd className="font-medium tabular-nums" data-testid="payment-due">
            <time dateTime={payment.dueOn}>{day(payment.dueOn)}</time>
          </dd>
        </div>
        <div className="col-span-2">
          <dt className={dt}>Counted from</dt>
          <dd>{payment.basis === "work_done" ? `The work was done on ${day(payment.invoiceOn)}` : `Accepted on ${day(payment.invoiceOn)}: mark the work done to count from that day`}</dd>
        </div>
      </dl>
      <div className="mb-4 text-sm" data-testid="payment-status" role="status">
        {payment.paid ? (
          <p>
            <Badge tone={payment.paid.daysLate > 0 ? "warn" : "good"}>Paid</Badge>{" "}
            Paid on {day(payment.paid.paidOn)}
            {payment.paid.amount != null ? `: ${formatMoney(payment.paid.amount, currency, locale)}` : ""} ({payment.paid.daysLate > 0 ? `${plural(payment.paid.daysLate, "day")} late` : "on time"}).
          </p>
        ) : payment.overdue ? (
          <p>
            <Badge tone="bad">Overdue: {plural(payment.daysLate, "day")}</Badge> {formatMoney(payment.amount, currency, locale)} was due on {day(payment.dueOn)}.
          </p>
        ) : (
          <p>
            <Badge tone="info">{untilDue === 0 ? "Due today" : `Due in ${plural(untilDue, "day")}`}</Badge> {formatMoney(payment.amount, currency, locale)} expected by {day(payment.dueOn)}.
          </p>
        )}
      </div>
      {payment.paid ? null : (
        <div className="border-t border-stone-200 pt-4 dark:border-stone-800">
          <h3 className="mb-2 text-sm font-semibold">Log payment</h3>
          <LogPaymentForm quoteId={quoteId} defaultAmount={payment.amount} currency={currency} action={actions.logPayment} today={today} locale={locale} withNote />
        </div>
      )}
      <details className="mt-4 border-t border-stone-200 pt-3 dark:border-stone-800">
        <summary className="flex min-h-10 cursor-pointer items-center text-sm font-medium">Change the payment terms</summary>
        <div className="pt-2">
          <PaymentTermsForm action={actions.setTerms} termsDays={payment.termsDays} defaultDays={defaultTermsDays} />
        </div>
      </details>
    </Card>
  );
}
