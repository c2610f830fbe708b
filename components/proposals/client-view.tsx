/**
 * The proposal as the client sees it through the shared link: who it is from and for, the options side
 * by side (stacked on a phone) with what each includes, the terms and the expiry, and the answer forms
 * while it is open. Also the printed document: the print stylesheet (Tailwind `print:`) hides the
 * buttons and forms, sets black on white and keeps the options in one row.
 */
import { Check, CircleCheck, Minus } from "lucide-react";
import type { PublicProposal } from "@/server/proposal-answers";
import { answerAcknowledgement, effortWords } from "@/lib/proposals/answer-words";
import { formatMoney } from "@/lib/money";
import { formatDay } from "@/lib/format-date";
import { ChooseOptionForm, DeclineForm } from "./answer-forms";
import { PrintButton } from "./share-print";

const cols: Record<number, string> = { 1: "md:grid-cols-1", 2: "md:grid-cols-2 print:grid-cols-2", 3: "md:grid-cols-3 print:grid-cols-3" };

export function ClientProposalView({
  proposal: p,
  answerUrl,
  notice,
  declineProblem,
  autoPrint = false,
  preview = false,
}: {
  proposal: PublicProposal;
  /** where the answer forms post; null in the user's preview (no forms) */
  answerUrl: string | null;
  /** opened with ?print=1: the print dialog once shown */
  autoPrint?: boolean;
  /** the user's preview: what the client sees, without the answer forms */
  preview?: boolean;
  /** said above the options: the answer came too late (already answered), or named no option of this proposal */
  notice?: string | null;
  /** a refused field of the decline form */
  declineProblem?: string | null;
}) {
  const money = (n: number) => formatMoney(n, p.currency, p.locale);
  const open = p.state === "open" && !preview && answerUrl != null;
  const ack = answerAcknowledgement(p, p.businessName);
  return (
    <article className="space-y-8 print:space-y-6" aria-labelledby="proposal-title">
      <header className="flex flex-wrap items-start justify-between gap-4 border-b border-stone-200 pb-6 dark:border-stone-700 print:border-stone-400! print:pb-4">
        <div className="min-w-0">
          {p.businessName ? <p className="text-sm font-medium uppercase tracking-wide text-stone-600 dark:text-stone-400 print:text-stone-700!">Proposal from {p.businessName}</p> : <p className="text-sm font-medium uppercase tracking-wide text-stone-600 dark:text-stone-400 print:text-stone-700!">Proposal</p>}
          <h1 id="proposal-title" className="mt-1 text-3xl font-semibold tracking-tight">
            {p.quoteTitle}
          </h1>
          {p.clientName ? <p className="mt-1 text-stone-700 dark:text-stone-300 print:text-black!">Prepared for {p.clientName}</p> : null}
          <p className="mt-1 text-sm text-stone-700 dark:text-stone-300 print:text-black!">
            {/* the last day is today: say so, the date alone reads as some day ahead */}
            This proposal is valid until {p.expiresToday ? "today (" : null}
            <time dateTime={p.expiresOn}>{formatDay(p.expiresOn, p.locale)}</time>
            {p.expiresToday ? ")" : null}.
          </p>
        </div>
        <PrintButton auto={autoPrint} />
      </header>

      {notice ? (
        <p role="alert" className="rounded-lg border border-amber-400 bg-amber-50 p-4 text-sm font-medium text-amber-950 dark:border-amber-700 dark:bg-amber-950 dark:text-amber-50 print:hidden">
          {notice}
        </p>
      ) : null}
      {ack ? (
        <div role="status" className="flex gap-3 rounded-lg border border-emerald-300 bg-emerald-50 p-4 text-emerald-950 dark:border-emerald-800 dark:bg-emerald-950 dark:text-emerald-50 print:border-stone-400! print:bg-white! print:text-black!">
          <CircleCheck aria-hidden className="mt-0.5 size-5 shrink-0" />
          <div>
            <p className="font-semibold">{ack.title}</p>
            {ack.detail ? <p className="mt-1 text-sm">{ack.detail}</p> : null}
          </div>
        </div>
      ) : null}
      {p.state === "closed" ? (
        <p role="status" className="rounded-lg border border-stone-300 p-4 dark:border-stone-600">
          This proposal is no longer open for an answer{p.businessName ? `: ask ${p.businessName} if you would like to go ahead` : ""}.
        </p>
      ) : null}

      {p.intro ? <p className="max-w-prose whitespace-pre-wrap text-lg leading-relaxed print:text-base">{p.intro}</p> : null}

      <section aria-labelledby="options-title">
        <h2 id="options-title" className="sr-only">
          The options
        </h2>
        <ul className={`grid gap-4 ${cols[p.options.length] ?? "md:grid-cols-3"}`}>
          {p.options.map((o) => {
            const chosen = p.chosenOptionId === o.id;
            const included = new Set(o.itemIds);
            return (
              <li
                key={o.id}
                aria-labelledby={`option-${o.id}`}
                className={`flex flex-col rounded-lg border bg-white p-5 shadow-sm dark:bg-stone-900 print:break-inside-avoid print:bg-white! print:p-4 print:shadow-none! ${chosen ? "border-emerald-600 ring-2 ring-emerald-600 dark:border-emerald-400 dark:ring-emerald-400" : "border-stone-200 dark:border-stone-700 print:border-stone-400!"}`}
              >
                <div className="flex flex-wrap items-baseline justify-between gap-2">
                  <h3 id={`option-${o.id}`} className="text-xl font-semibold">
                    {o.name}
                  </h3>
                  {chosen ? <span className="rounded-full bg-emerald-100 px-2 py-0.5 text-xs font-medium text-emerald-900 dark:bg-emerald-900 dark:text-emerald-50 print:border print:bg-white! print:text-black!">Your choice</span> : null}
                </div>
                {o.summary ? <p className="mt-1 text-sm text-stone-700 dark:text-stone-300 print:text-black!">{o.summary}</p> : null}
                <p className="mt-4 text-3xl font-semibold tabular-nums tracking-tight">{money(o.price)}</p>
                <p className="mt-1 text-xs text-stone-600 dark:text-stone-400 print:text-stone-700!">{effortWords(o.minutes, p.locale)}</p>
                <ul className="mt-4 flex-1 space-y-1.5 text-sm" aria-label={`What ${o.name} includes`}>
                  {p.items.map((item) => {
                    const has = included.has(item.id);
                    return (
                      <li key={item.id} className={`flex items-start gap-2 ${has ? "" : "text-stone-600 dark:text-stone-400 print:text-stone-600!"}`}>
                        {has ? <Check aria-hidden className="mt-0.5 size-4 shrink-0 text-emerald-700 dark:text-emerald-400 print:text-black!" /> : <Minus aria-hidden className="mt-0.5 size-4 shrink-0" />}
                        <span>
                          <span className="sr-only">{has ? "Included: " : "Not included: "}</span>
                          {has ? item.name : <span className="line-through decoration-stone-400 print:no-underline">{item.name}</span>}
                        </span>
                      </li>
                    );
                  })}
                </ul>
                {open ? (
                  <div className="mt-5">
                    <ChooseOptionForm action={answerUrl ?? ""} optionId={o.id} optionName={o.name} />
                  </div>
                ) : null}
              </li>
            );
          })}
        </ul>
      </section>

      {p.terms ? (
        <section aria-labelledby="terms-title" className="print:break-inside-avoid">
          <h2 id="terms-title" className="text-lg font-semibold">
            Terms
          </h2>
          <p className="mt-2 max-w-prose whitespace-pre-wrap text-sm leading-relaxed text-stone-800 dark:text-stone-200 print:text-black!">{p.terms}</p>
        </section>
      ) : null}

      {open ? (
        <section aria-labelledby="decline-title" className="rounded-lg border border-stone-200 bg-white p-5 dark:border-stone-700 dark:bg-stone-900 print:hidden">
          <h2 id="decline-title" className="text-lg font-semibold">
            Not the right fit?
          </h2>
          <p className="mt-1 text-sm text-stone-700 dark:text-stone-300">You can decline the proposal. A short reason helps{p.businessName ? ` ${p.businessName}` : ""} a lot.</p>
          <div className="mt-4">
            <DeclineForm action={answerUrl ?? ""} problem={declineProblem} />
          </div>
        </section>
      ) : null}

      <footer className="border-t border-stone-200 pt-4 text-xs text-stone-600 dark:border-stone-700 dark:text-stone-400 print:border-stone-400! print:text-stone-700!">
        {p.businessName ? `${p.businessName} · ` : ""}Valid until {formatDay(p.expiresOn, p.locale)}
      </footer>
    </article>
  );
}

/** An expired link: the date, and nothing of the offer (no prices). */
export function ExpiredProposalView({ expiresOn, locale, businessName }: { expiresOn: string; locale: string; businessName: string }) {
  return (
    <div className="mx-auto max-w-xl py-10 text-center">
      <h1 className="text-2xl font-semibold tracking-tight">This proposal expired on {formatDay(expiresOn, locale)}</h1>
      <p className="mt-2 text-stone-700 dark:text-stone-300">{businessName ? `Ask ${businessName} for an up-to-date proposal.` : "Ask for an up-to-date proposal."}</p>
    </div>
  );
}

/** An unknown or revoked link: nothing about anyone. */
export function InvalidLinkView() {
  return (
    <div className="mx-auto max-w-xl py-10 text-center">
      <h1 className="text-2xl font-semibold tracking-tight">This link is not valid</h1>
      <p className="mt-2 text-stone-700 dark:text-stone-300">It may have been mistyped, or withdrawn. Ask the person who sent it for a new link.</p>
    </div>
  );
}
