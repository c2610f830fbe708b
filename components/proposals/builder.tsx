"use client";
import { startTransition, useActionState, useId, useRef, useState, type FormEvent } from "react";
import { Plus, Trash2, TriangleAlert } from "lucide-react";
import { idle, type ActionState, type FormAction } from "@/lib/action-state";
import { formatHours, formatMoney } from "@/lib/money";
import { emptyPriceHint, priceOption, proposalRates, type PricedOption } from "@/lib/proposals/pricing";
import { ladderProblems } from "@/lib/proposals/rules";
import { hoursToMinutes, typedPrice, type ProposalForm } from "@/lib/proposals/form";
import { repriceChangeWords, sameItemsNotes } from "@/lib/proposals/builder-notes";
import { MAX_OPTIONS, MAX_PROPOSAL_ITEMS, MIN_OPTIONS } from "@/lib/proposals/schemas";
import type { ProposalPricing } from "@/lib/proposals/types";
import { plural } from "@/lib/text";
import { Button } from "@/components/ui/button";
import { control } from "@/components/ui/field-shell";
import { FormMessage } from "@/components/ui/field";
import { SubmitButton } from "@/components/ui/submit-button";
import { described, Err, Labelled, perUnitText } from "./builder-parts";
import { OptionFigures, ScopeItemRow, TermsSection, type ScopeItem } from "./builder-sections";

interface OptionCol {
  key: number;
  name: string;
  summary: string;
  /** item keys */
  included: number[];
  price: string;
}

/** The names a third option and later ones get by default. */
export const DEFAULT_OPTION_NAMES = ["Essentials", "Standard", "Complete"];

/**
 * The proposal builder: scope items with hours, two or three options as columns choosing items, each
 * priced live from the rate card (at target, rush-adjusted, lifted to the minimum fee, or a typed price)
 * with its rate against floor, target and market. The server checks the same rules and answers with
 * field errors named like `items.0.minutes`; what was typed stays.
 */
export function ProposalBuilder({
  action,
  initial,
  pricing: savedPricing,
  repriceTo = null,
  saved = false,
  locale,
  readOnly,
}: {
  action: FormAction;
  initial: ProposalForm;
  /** what it is priced with: a saved proposal's stored pricing, or today's rate card for a new one (rush off: the form's rush applies) */
  pricing: ProposalPricing;
  /** a saved proposal: today's rate card when it prices differently (offered as "Reprice"); null: the same, or none */
  repriceTo?: ProposalPricing | null;
  /** the proposal is saved (its pricing is the one it was saved with) */
  saved?: boolean;
  locale: string;
  /** why it cannot be changed (answered, decided quote); null: it can */
  readOnly: string | null;
}) {
  const uid = useId();
  // keys are counted from the initial rows, so the server's render and the browser's agree
  const lastKey = useRef(initial.items.length + initial.options.length);
  const newKey = () => ++lastKey.current;
  const [items, setItems] = useState<ScopeItem[]>(() => initial.items.map((i, n) => ({ key: n + 1, ...i })));
  const [options, setOptions] = useState<OptionCol[]>(() =>
    initial.options.map((o, n) => ({ key: initial.items.length + n + 1, name: o.name, summary: o.summary, price: o.price, included: o.items.filter((p) => p >= 0 && p < initial.items.length).map((p) => p + 1) })),
  );
  const [rush, setRush] = useState(initial.rush);
  const [expiresOn, setExpiresOn] = useState(initial.expiresOn);
  const [intro, setIntro] = useState(initial.intro);
  const [terms, setTerms] = useState(initial.terms);
  const [confirmBelowFloor, setConfirm] = useState(initial.confirmBelowFloor);
  const [reprice, setReprice] = useState(false);
  const pricing = reprice && repriceTo ? repriceTo : savedPricing;
  const [state, formAction, pending] = useActionState<ActionState, FormData>(action, idle);
  const errors = state.status === "error" ? (state.fields ?? {}) : {};
  const f = (key: string) => errors[key];

  const rates = { ...pricing, rush };
  const minutesOf = (o: OptionCol) => items.filter((i) => o.included.includes(i.key)).reduce((sum, i) => sum + (hoursToMinutes(i.hours) ?? 0), 0);
  const priced: (PricedOption | null)[] = options.map((o) => {
    const minutes = minutesOf(o);
    if (minutes <= 0) return null;
    const typed = typedPrice(o.price, pricing.currency);
    return priceOption(rates, minutes, typed ?? null);
  });
  const anyBelow = priced.some((p) => p?.standing === "below_floor");
  // the same good / better / best rule the server checks, live (options with items only)
  const positionsOf = (o: OptionCol) => items.map((item, position) => (o.included.includes(item.key) ? position : -1)).filter((n) => n >= 0);
  const itemMinutes = items.map((i) => ({ name: i.name, minutes: Math.max(0, hoursToMinutes(i.hours) ?? 0) }));
  // an option with an item whose hours are not typed yet is left out until they are
  const ready = (o: OptionCol) => positionsOf(o).every((n) => itemMinutes[n].minutes > 0);
  const ladder = ladderProblems(
    {
      items: itemMinutes,
      options: options.map((o, n) => ({ name: o.name.trim() || `Option ${n + 1}`, summary: null, items: ready(o) ? positionsOf(o) : [], price: typedPrice(o.price, pricing.currency) ?? null })),
    },
    rates,
    locale,
  );
  // options with the same items (the schema refuses them on Save): said before Save
  const sameItems = sameItemsNotes(options.map(positionsOf));
  // what "Reprice at today's rate card" would change
  const repriceChanges = repriceTo
    ? repriceChangeWords(
        options.map((o, index) => ({ name: o.name.trim() || `Option ${index + 1}`, minutes: minutesOf(o), typed: typedPrice(o.price, savedPricing.currency) ?? null })),
        { ...savedPricing, rush },
        { ...repriceTo, rush },
        locale,
      )
    : [];
  const shownRates = proposalRates(rates);
  const money = (n: number) => formatMoney(n, pricing.currency, locale);
  const rateText = (n: number) => perUnitText(n, pricing.currency, pricing.unit, locale);

  const setItem = (key: number, patch: Partial<ScopeItem>) => setItems((list) => list.map((i) => (i.key === key ? { ...i, ...patch } : i)));
  const moveItem = (index: number, by: -1 | 1) =>
    setItems((list) => {
      const next = [...list];
      const [row] = next.splice(index, 1);
      next.splice(index + by, 0, row);
      return next;
    });
  const removeItem = (key: number) => {
    setItems((list) => list.filter((i) => i.key !== key));
    setOptions((list) => list.map((o) => ({ ...o, included: o.included.filter((k) => k !== key) })));
  };
  const addItem = () => {
    const key = newKey();
    setItems((list) => [...list, { key, name: "", hours: "" }]);
    // a new item goes into the largest option (the last one) by default
    setOptions((list) => list.map((o, i) => (i === list.length - 1 ? { ...o, included: [...o.included, key] } : o)));
  };
  const setOption = (key: number, patch: Partial<OptionCol>) => setOptions((list) => list.map((o) => (o.key === key ? { ...o, ...patch } : o)));
  const toggle = (option: OptionCol, itemKey: number, on: boolean) => setOption(option.key, { included: on ? [...option.included, itemKey] : option.included.filter((k) => k !== itemKey) });
  const addOption = () =>
    setOptions((list) => {
      const used = new Set(list.map((o) => o.name.trim().toLowerCase()));
      const name = DEFAULT_OPTION_NAMES.find((n) => !used.has(n.toLowerCase())) ?? "";
      return [...list, { key: newKey(), name, summary: "", price: "", included: items.map((i) => i.key) }];
    });

  function onSubmit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const form: ProposalForm = {
      rush,
      intro,
      terms,
      expiresOn,
      confirmBelowFloor: confirmBelowFloor && (anyBelow || Boolean(f("confirmBelowFloor"))),
      reprice: reprice && repriceTo != null,
      items: items.map((i) => ({ name: i.name, hours: i.hours })),
      options: options.map((o) => ({
        name: o.name,
        summary: o.summary,
        price: o.price,
        items: positionsOf(o),
      })),
    };
    const data = new FormData();
    data.set("payload", JSON.stringify(form));
    startTransition(() => formAction(data));
  }

  const cols = options.length === 3 ? "lg:grid-cols-3" : "lg:grid-cols-2";
  return (
    <form onSubmit={onSubmit} noValidate className="space-y-6" aria-label="Proposal">
      {readOnly ? (
        <p role="status" className="rounded-md bg-stone-100 p-3 text-sm dark:bg-stone-800">
          {readOnly}
        </p>
      ) : null}
      <fieldset disabled={Boolean(readOnly)} className="space-y-6">
        <section aria-labelledby={`${uid}-items`} className="rounded-lg border border-stone-200 bg-white p-4 shadow-sm dark:border-stone-800 dark:bg-stone-900">
          <h2 id={`${uid}-items`} className="text-base font-semibold">
            Scope items
          </h2>
          <p className="mb-3 text-sm text-stone-600 dark:text-stone-400">The pieces of work, each with its hours. Options below choose which items they include.</p>
          <ol className="space-y-3">
            {items.map((item, index) => (
              <ScopeItemRow key={item.key} uid={uid} item={item} index={index} count={items.length} errors={f} onChange={(patch) => setItem(item.key, patch)} onMove={(by) => moveItem(index, by)} onRemove={() => removeItem(item.key)} />
            ))}
          </ol>
          <Err id={`${uid}-items-error`} errors={f("items")} />
          <div className="mt-3">
            <Button type="button" variant="secondary" onClick={addItem} disabled={items.length >= MAX_PROPOSAL_ITEMS}>
              <Plus aria-hidden className="size-4" />
              Add an item
            </Button>
          </div>
        </section>

        <section aria-labelledby={`${uid}-options`}>
          <h2 id={`${uid}-options`} className="text-base font-semibold">
            Options
          </h2>
          <p className="text-sm text-stone-700 dark:text-stone-300" data-testid="proposal-rates">
            {saved && !reprice ? "Priced with the rates saved on this proposal" : "Priced from your rate card today"}
            {rush ? ` — rush ×${(Math.max(100, pricing.rushMultiplierPct) / 100).toLocaleString(locale)}` : ""}: floor {rateText(shownRates.floor)}, target {rateText(shownRates.target)}, market {rateText(shownRates.market)}
            {pricing.minimumFee > 0 ? `; minimum fee ${money(pricing.minimumFee)}` : ""}.
          </p>
          {repriceTo ? (
            <div className="mt-2 rounded-md border border-sky-200 bg-sky-50 p-3 text-sm dark:border-sky-900 dark:bg-sky-950/40" data-testid="reprice">
              <label className="flex min-h-10 items-center gap-2 font-medium">
                <input type="checkbox" checked={reprice} onChange={(e) => setReprice(e.target.checked)} aria-describedby={`${uid}-reprice-what`} className="size-4 accent-sky-700" />
                Reprice at today’s rate card
              </label>
              <p id={`${uid}-reprice-what`} className="text-stone-700 dark:text-stone-300">
                Your rate card changed since this proposal was saved
                {repriceChanges.length ? `: ${repriceChanges.join("; ")}` : "; no option’s price changes"}. Unticked, saving keeps the prices it was saved with.
              </p>
            </div>
          ) : null}
          <p className="mt-2 mb-3 text-sm text-stone-600 dark:text-stone-400">
            Cheaper means less: each option is a smaller or larger set of items, priced at target
            {pricing.minimumFee > 0 ? `, never below your minimum fee of ${money(pricing.minimumFee)}` : ""}.
          </p>
          <div className={`grid gap-4 ${cols}`}>
            {options.map((o, index) => {
              const p = priced[index];
              const nameId = `${uid}-opt-${o.key}-name`;
              const summaryId = `${uid}-opt-${o.key}-summary`;
              const priceId = `${uid}-opt-${o.key}-price`;
              const optionLabel = o.name.trim() || `option ${index + 1}`;
              const typed = typedPrice(o.price, pricing.currency);
              const rateCard = p ? p.rateCardPrice : null;
              const live = ladder[`options.${index}.price`];
              const server = f(`options.${index}.price`);
              const priceErrors = server || live ? [...(server ?? []), ...(live && !server?.includes(live) ? [live] : [])] : undefined;
              return (
                <fieldset key={o.key} className="min-w-0 rounded-lg border border-stone-200 bg-white p-4 shadow-sm dark:border-stone-800 dark:bg-stone-900" data-testid="proposal-option">
                  <legend className="sr-only">Option {index + 1}</legend>
                  <div className="space-y-3">
                    <Labelled id={nameId} label={`Option ${index + 1} name`} error={f(`options.${index}.name`)}>
                      <input id={nameId} value={o.name} onChange={(e) => setOption(o.key, { name: e.target.value })} maxLength={60} aria-invalid={f(`options.${index}.name`) ? true : undefined} aria-describedby={described(nameId, false, f(`options.${index}.name`))} className={control} />
                    </Labelled>
                    <Labelled id={summaryId} label="Summary (optional)" error={f(`options.${index}.summary`)}>
                      <input id={summaryId} value={o.summary} onChange={(e) => setOption(o.key, { summary: e.target.value })} maxLength={300} placeholder="One line for the client" className={control} />
                    </Labelled>
                    <fieldset aria-describedby={f(`options.${index}.items`) ? `${uid}-opt-${o.key}-items-error` : undefined}>
                      <legend className="text-sm font-medium">Includes</legend>
                      <ul className="mt-1 space-y-1">
                        {items.map((item, i) => (
                          <li key={item.key}>
                            <label className="flex min-h-10 items-center gap-2 text-sm">
                              <input type="checkbox" checked={o.included.includes(item.key)} onChange={(e) => toggle(o, item.key, e.target.checked)} className="size-4 accent-sky-700" />
                              <span>
                                <span className="sr-only">Include </span>
                                {item.name.trim() || `Item ${i + 1}`}
                                <span className="sr-only"> in {optionLabel}</span>
                                {hoursToMinutes(item.hours) ? <span className="text-stone-600 dark:text-stone-400"> · {formatHours(hoursToMinutes(item.hours)!, locale)}</span> : null}
                              </span>
                            </label>
                          </li>
                        ))}
                      </ul>
                      <Err id={`${uid}-opt-${o.key}-items-error`} errors={f(`options.${index}.items`)} />
                    </fieldset>
                    <Labelled
                      id={priceId}
                      label="Your price (optional)"
                      hint={rateCard != null ? emptyPriceHint(rateCard, pricing.minimumFee, money) : "Empty: priced from your rate card"}
                      error={priceErrors}
                    >
                      <input
                        id={priceId}
                        value={o.price}
                        inputMode="decimal"
                        autoComplete="off"
                        onChange={(e) => setOption(o.key, { price: e.target.value })}
                        aria-invalid={priceErrors ? true : undefined}
                        aria-describedby={described(priceId, true, priceErrors)}
                        className={control}
                      />
                    </Labelled>
                    {typed === null ? <p className="text-sm text-amber-800 dark:text-amber-300">That price cannot be read: it is priced from your rate card until it can.</p> : null}
                    <OptionFigures priced={p} pricing={pricing} locale={locale} floor={shownRates.floor} />
                    {options.length > MIN_OPTIONS ? (
                      <Button type="button" variant="ghost" onClick={() => setOptions((list) => list.filter((x) => x.key !== o.key))}>
                        <Trash2 aria-hidden className="size-4" />
                        Remove {optionLabel}
                      </Button>
                    ) : null}
                  </div>
                </fieldset>
              );
            })}
          </div>
          <Err id={`${uid}-options-error`} errors={f("options")} />
          {options.length < MAX_OPTIONS ? (
            <div className="mt-3">
              <Button type="button" variant="secondary" onClick={addOption}>
                <Plus aria-hidden className="size-4" />
                Add a third option
              </Button>
            </div>
          ) : null}
        </section>

        <TermsSection
          uid={uid}
          values={{ expiresOn, rush, intro, terms }}
          set={{ expiresOn: setExpiresOn, rush: setRush, intro: setIntro, terms: setTerms }}
          rushMultiplierPct={pricing.rushMultiplierPct}
          locale={locale}
          errors={f}
        />
        {anyBelow || f("confirmBelowFloor") ? (
          <div className="rounded-md border border-red-300 bg-red-50 p-3 text-sm dark:border-red-800 dark:bg-red-950/40" data-testid="below-floor-warning">
            <p className="font-medium">
              {(() => {
                const n = priced.filter((p) => p?.standing === "below_floor").length;
                return n ? `${plural(n, "option")} ${n === 1 ? "is" : "are"} priced below your floor.` : "An option was priced below your floor.";
              })()}
            </p>
            <label className="mt-2 flex min-h-10 items-center gap-2">
              <input type="checkbox" checked={confirmBelowFloor} onChange={(e) => setConfirm(e.target.checked)} aria-describedby={f("confirmBelowFloor") ? `${uid}-confirm-error` : undefined} className="size-4 accent-sky-700" />I know — offer it below my floor
            </label>
            <Err id={`${uid}-confirm-error`} errors={f("confirmBelowFloor")} />
          </div>
        ) : null}
      </fieldset>

      {sameItems.length && !readOnly ? (
        <ul className="space-y-1 text-sm text-amber-800 dark:text-amber-300" data-testid="same-items-note">
          {sameItems.map((m) => (
            <li key={m} className="flex gap-1">
              <TriangleAlert aria-hidden className="mt-0.5 size-4 shrink-0" />
              {m}
            </li>
          ))}
        </ul>
      ) : null}
      <div className="flex flex-wrap items-center gap-3">
        <SubmitButton pending={pending} pendingText="Saving…" disabled={pending || Boolean(readOnly)}>
          Save proposal
        </SubmitButton>
        <FormMessage state={state} />
      </div>
    </form>
  );
}

