"use client";
import { startTransition, useActionState, useEffect, useRef, useState } from "react";
import { Loader2 } from "lucide-react";
import type { FormAction } from "@/lib/action-state";
import type { OfferActionState } from "@/server/offers";
import { LEAD_SOURCES, REJECTION_REASONS, label, type Service } from "@/lib/domain";
import { formatMoney, toDecimalString } from "@/lib/money";
import { CHOOSE_CLIENT, NEW_PROSPECT, NO_SERVICE } from "@/lib/offer-check/form";
import { Checkbox, FormMessage, SelectField, TextArea, TextField } from "@/components/ui/field";
import { Button } from "@/components/ui/button";
import { RateRuler } from "@/components/rate-ruler";
import { CopyMessage } from "./copy-message";
import { OfferActions } from "./offer-actions";
import { card, OfferTerms, OfferVerdict, OfferWhy } from "./offer-answer";
import { OfferTierCard } from "./tier-card";

/** The record form's own fields; everything else is the checked offer, sent again as it was checked. */
const RECORD_FIELDS = ["decision", "reason", "counterAmount"];
const RECORD_FORM = "offer-record-form";

export interface OfferPrefill {
  clientId?: number;
  quoteId?: number;
  /** the service select's value: a service id, or NO_SERVICE ("not on my rate card"); absent = not chosen */
  service?: string;
  scopeAmount?: string;
  offeredAmount?: string;
  title?: string;
  /** check the prefilled offer once on arrival (from Today's "Check their offer": the answer without another click) */
  autoCheck?: boolean;
  /** from a quote: the price already on the table (mine); a "counter" at it is recorded as holding firm */
  standingPrice?: number;
}


export function OfferCheck({
  clients,
  services,
  currency,
  locale,
  hoursPerDay,
  prefill,
  check,
  record,
  currencyChoices,
}: {
  clients: { id: number; name: string }[];
  services: Service[];
  currency: string;
  locale: string;
  hoursPerDay: number;
  prefill: OfferPrefill;
  /** the offer check and the one-click record, passed down by the page */
  check: FormAction<OfferActionState>;
  record: FormAction<OfferActionState>;
  /** ISO codes with their names, named by the server (lib/currency-conversion currencyOptions) */
  currencyChoices: { value: string; label: string }[];
}) {
  const [checked, checkAction, checking] = useActionState<OfferActionState, FormData>(check, { status: "idle" });
  const [recorded, recordAction, recording] = useActionState<OfferActionState, FormData>(record, { status: "idle" });
  // one decision per checked offer: once it is recorded, the buttons rest until another offer is checked
  const offerKey = (values: Record<string, string> | undefined) => JSON.stringify(Object.entries(values ?? {}).filter(([k]) => !RECORD_FIELDS.includes(k)));
  const alreadyRecorded = recorded.status === "ok" && !!recorded.recorded && offerKey(recorded.values) === offerKey(checked.values);
  const recordDisabled = recording || alreadyRecorded;
  const [clicked, setClicked] = useState<string | null>(null);
  // a "counter" at the price already on the quote is recorded as holding firm (lib/offer-check/record.ts)
  const holdsFirm = (price: number) => Boolean(prefill.quoteId) && price === prefill.standingPrice;
  const v = (name: string, initial?: string | number | null) => checked.values?.[name] ?? (initial == null ? undefined : String(initial));
  // nothing preselected silently: the page passes a client and a service only when it knows them
  const [clientChoice, setClientChoice] = useState<string>(v("clientId", prefill.clientId) ?? "");
  const [serviceChoice, setServiceChoice] = useState<string>(v("serviceId", prefill.service) ?? "");
  const service = services.find((s) => String(s.id) === serviceChoice);
  // the scope unit follows the chosen service (hours for an hourly one, days for a day rate) unless changed after
  const [scopeUnit, setScopeUnit] = useState<string | null>(v("scopeUnit") ?? null);
  const unit = scopeUnit ?? (service?.unit === "day" ? "days" : "hours");
  // a service fixes the currency (its rates are in it); an offer off the rate card may come in any
  const [freeCurrency, setFreeCurrency] = useState<string>(v("currency", currency) ?? currency);
  const cur = service?.currency ?? freeCurrency;
  // named on the server: the browser's currency names differ from Node's, and the page must hydrate as rendered
  const currencies = currencyChoices.some((c) => c.value === currency) ? currencyChoices : [{ value: currency, label: currency }, ...currencyChoices];
  const errors = checked.status === "error" ? checked.fields : recorded.status === "error" ? recorded.fields : undefined;
  const result = checked.status === "ok" ? checked.result : undefined;
  const ev = result?.evaluation;
  const money = (n: number) => formatMoney(n, cur, locale);
  const [declineText, setDeclineText] = useState("");

  // a fresh answer scrolls into view and takes the focus (screen readers hear the verdict first)
  const answerHeading = useRef<HTMLHeadingElement>(null);

  // from Today: the prefilled offer is checked once on arrival, as if "Check" had been pressed
  const offerForm = useRef<HTMLFormElement>(null);
  const autoChecked = useRef(false);
  useEffect(() => {
    if (!prefill.autoCheck || autoChecked.current || !offerForm.current) return;
    autoChecked.current = true;
    offerForm.current.requestSubmit();
  }, [prefill.autoCheck]);
  useEffect(() => {
    if (checked.status !== "ok" || !answerHeading.current) return;
    const reduce = window.matchMedia?.("(prefers-reduced-motion: reduce)").matches;
    answerHeading.current.focus({ preventScroll: true });
    answerHeading.current.scrollIntoView({ block: "start", behavior: reduce ? "auto" : "instant" });
    setDeclineText(checked.result?.messages.decline[0]?.text ?? "");
  }, [checked]);

  return (
    <div className="grid gap-6 lg:grid-cols-5">
      <form
        ref={offerForm}
        id="offer-form"
        // submitted by hand so the form is never reset: the user tweaks the offer and checks again
        onSubmit={(e) => {
          e.preventDefault();
          const data = new FormData(e.currentTarget);
          startTransition(() => checkAction(data));
        }}
        noValidate
        className="grid min-w-0 content-start gap-3 lg:col-span-2"
        aria-label="Offer"
      >
        {prefill.quoteId ? <input type="hidden" name="quoteId" value={prefill.quoteId} /> : null}
        <SelectField
          name="clientId"
          label="Client"
          value={clientChoice}
          onChange={setClientChoice}
          required
          options={[{ value: "", label: CHOOSE_CLIENT }, { value: NEW_PROSPECT, label: "A new prospect…" }, ...clients.map((c) => ({ value: String(c.id), label: c.name }))]}
          errors={errors}
        />
        {clientChoice === NEW_PROSPECT ? (
          <div className="grid gap-3 sm:grid-cols-2">
            <TextField name="newClientName" label="Prospect's name" defaultValue={v("newClientName")} errors={errors} />
            <SelectField name="leadSource" label="Lead source" options={LEAD_SOURCES.map((s) => ({ value: s, label: label(s) }))} defaultValue={v("leadSource", "inbound")} errors={errors} />
          </div>
        ) : null}
        <SelectField
          name="serviceId"
          label="Service"
          value={serviceChoice}
          onChange={(value) => {
            setServiceChoice(value);
            // a new service: its own unit again
            setScopeUnit(null);
          }}
          required
          options={[
            { value: "", label: "Choose a service" },
            ...services.map((sv) => ({ value: String(sv.id), label: `${sv.name} (${sv.currency}/${sv.unit})` })),
            { value: NO_SERVICE, label: "Not on my rate card" },
          ]}
          errors={errors}
        />
        <TextField name="title" label="What is it? (optional)" defaultValue={v("title", prefill.title)} errors={errors} placeholder="e.g. Booking app" />
        <div className="grid grid-cols-2 gap-3">
          <TextField
            name="scopeAmount"
            label={`Scope (${unit})`}
            inputMode="decimal"
            defaultValue={v("scopeAmount", prefill.scopeAmount)}
            errors={errors}
            placeholder="e.g. 40"
            hint={service ? `${service.name} is priced per ${service.unit}.` : undefined}
          />
          <SelectField
            name="scopeUnit"
            label="In"
            value={unit}
            onChange={setScopeUnit}
            options={[
              { value: "hours", label: "hours" },
              { value: "days", label: `days (${hoursPerDay} h)` },
            ]}
            errors={errors}
          />
        </div>
        <div className="grid grid-cols-3 gap-3">
          <TextField name="offeredAmount" label="They offer" typed="money" currency={cur} locale={locale} inputMode="decimal" defaultValue={v("offeredAmount", prefill.offeredAmount)} errors={errors} placeholder="e.g. 3000" className="col-span-2" />
          {service ? (
            <div>
              <span className="block text-sm font-medium">Currency</span>
              <p className="mt-1 flex min-h-10 items-center text-sm" data-testid="offer-currency">
                {cur}
              </p>
              <input type="hidden" name="currency" value={cur} />
            </div>
          ) : (
            <SelectField name="currency" label="Currency" options={currencies} value={freeCurrency} onChange={setFreeCurrency} errors={errors} />
          )}
        </div>
        <div className="grid grid-cols-2 items-end gap-3">
          <TextField name="deadline" label="Deadline (optional)" type="date" defaultValue={v("deadline")} errors={errors} />
          <Checkbox name="rush" label="Rush job" defaultChecked={v("rush") === "on"} />
        </div>
        <TextArea name="note" label="Note (optional)" defaultValue={v("note")} errors={errors} rows={2} />
        <div className="flex flex-wrap items-center gap-3">
          <Button type="submit" disabled={checking} aria-disabled={checking}>
            {checking ? <Loader2 aria-hidden className="size-4 animate-spin" /> : null}
            {checking ? "Checking…" : "Check this offer"}
          </Button>
          {checked.status === "error" ? <FormMessage state={checked} /> : null}
        </div>
      </form>

      <div className="min-w-0 space-y-4 lg:col-span-3" aria-live="polite">
        {!ev || !result ? (
          <div className="rounded-lg border border-dashed border-stone-300 p-6 text-sm text-stone-600 dark:border-stone-700 dark:text-stone-400">
            <p className="font-medium text-stone-800 dark:text-stone-200">Type who, what and how much.</p>
            <p className="mt-1">You get a straight answer — accept, counter, or walk away — with the reasons, a counter-offer you can send, and a graceful decline to copy.</p>
            <p className="mt-3 italic">“Your job isn&rsquo;t to convince them otherwise.”</p>
          </div>
        ) : (
          <>
            <OfferVerdict evaluation={ev} client={result.client} headingRef={answerHeading} />

            {ev.tiers ? <OfferTierCard tiers={ev.tiers} currency={cur} locale={locale} /> : null}

            <div className="grid gap-3 md:grid-cols-2">
              <CopyMessage key={`d-${result.messages.decline.map((m) => m.text).join()}`} title="Graceful decline" messages={result.messages.decline} testId="decline-message" onTextChange={setDeclineText} />
              {/* their offer meets the target: a yes (on your terms), never a counter below their offer */}
              {result.messages.counter.length ? (
                <CopyMessage key={`c-${result.messages.counter.map((m) => m.text).join()}`} title="Counter-offer" messages={result.messages.counter} testId="counter-message" />
              ) : result.messages.accept.length ? (
                <CopyMessage
                  key={`a-${result.messages.accept.map((m) => m.text).join()}`}
                  title={ev.counter.conditions.length ? "Yes, on your terms" : "Yes"}
                  messages={result.messages.accept}
                  testId="accept-message"
                />
              ) : null}
            </div>

            {ev.rates && ev.effectiveRate != null && ev.unit ? (
              <div className={card}>
                <RateRuler rate={ev.effectiveRate} floor={ev.rates.floor} target={ev.rates.target} market={ev.rates.market} currency={cur} unit={ev.unit} locale={locale} label={ev.rateLabel ?? undefined} />
              </div>
            ) : null}

            <OfferWhy evaluation={ev} />

            <OfferTerms evaluation={ev} />

            <section aria-labelledby="offer-record" className={card}>
              <h3 id="offer-record" className="mb-2 text-sm font-semibold">
                Record my decision
              </h3>
              <form
                id={RECORD_FORM}
                action={recordAction}
                onSubmit={(e) => {
                  // server-side too, a second submission of the same decision writes nothing
                  if (recordDisabled) e.preventDefault();
                }}
                className="flex flex-wrap items-end gap-3"
                aria-label="Record my decision"
              >
                {/* record exactly the offer that was checked */}
                {Object.entries(checked.values ?? {})
                  .filter(([k]) => !RECORD_FIELDS.includes(k))
                  .map(([k, val]) => (
                    <input key={k} type="hidden" name={k} value={val} />
                  ))}
                <div>
                  <label htmlFor="offer-reason" className="block text-xs font-medium">
                    If I decline, the reason
                  </label>
                  <select id="offer-reason" name="reason" defaultValue="price" className="mt-1 min-h-10 rounded-md border border-stone-300 bg-white px-2 text-sm dark:border-stone-600 dark:bg-stone-900">
                    {REJECTION_REASONS.map((r) => (
                      <option key={r} value={r}>
                        {label(r)}
                      </option>
                    ))}
                  </select>
                </div>
                {ev.counter.counterPrice != null ? (
                  <input type="hidden" name="counterAmount" value={toDecimalString(ev.counter.counterPrice, cur)} />
                ) : (
                  <TextField
                    name="counterAmount"
                    label="If I counter, my price"
                    typed="money"
                    currency={cur}
                    locale={locale}
                    inputMode="decimal"
                    errors={recorded.status === "error" ? recorded.fields : undefined}
                    placeholder="e.g. 4400"
                    hint={ev.rates ? "Above their offer: to take their price, accept it." : undefined}
                  />
                )}
              </form>
              {recorded.status === "error" ? (
                <div className="mt-3">
                  <FormMessage state={recorded} />
                  {/* the fields may be out of view: say which */}
                  <ul className="mt-1 list-disc pl-5 text-sm text-red-700 dark:text-red-400">
                    {Object.entries(recorded.fields ?? {}).map(([field, messages]) => (
                      <li key={field}>
                        {field}: {messages.join(" ")}
                      </li>
                    ))}
                  </ul>
                </div>
              ) : null}
            </section>

            {/* the actions: a bar stuck to the bottom of a phone's screen while the answer is in view */}
            <OfferActions
              ev={ev}
              recorded={recorded}
              recording={recording}
              recordDisabled={recordDisabled}
              alreadyRecorded={alreadyRecorded}
              clicked={clicked}
              onClick={setClicked}
              declineText={declineText}
              money={money}
              holdsFirm={holdsFirm}
              form={RECORD_FORM}
            />
          </>
        )}
      </div>
    </div>
  );
}
