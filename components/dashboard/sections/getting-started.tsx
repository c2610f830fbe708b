import Link from "next/link";
import type { ReactNode } from "react";
import { Card } from "@/components/ui/card";
import type { DashboardView } from "@/server/dashboard";

/** For a book with one client (or none) in the filters: what would make the dashboard say more. */
export function GettingStarted({ d }: { d: DashboardView }) {
  const steps: { done: boolean; text: ReactNode }[] = [
    { done: d.counts.services > 0, text: <><Link className="underline" href="/rates">Add your services</Link> with market, target and floor rates, so every accepted quote can be measured.</> },
    { done: d.counts.acceptedQuotes > 0, text: "Mark a quote accepted, linked to a service: its effective rate and money left on the table appear here." },
    { done: d.negotiation.haggledQuotes > 0, text: "When a client asks for money off, log the request and your answer on the quote." },
    { done: d.chasing.sent > 0, text: "Log the follow-ups you send and whether they answered." },
    { done: d.fit.length > 1, text: <><Link className="underline" href="/clients/new">Add your other clients</Link>: the dashboard is a comparison, and one client has nothing to compare with.</> },
  ];
  return (
    <Card title="Getting started" id="getting-started">
      <p className="text-sm text-stone-700 dark:text-stone-300">
        {d.fit.length === 1 ? `Only ${d.fit[0].name} has anything logged here so far.` : "Nothing is logged here yet."} Each of these makes the dashboard say more:
      </p>
      <ul className="mt-3 space-y-2 text-sm">
        {steps.map((s, i) => (
          <li key={i} className="flex gap-2">
            <span aria-hidden className={s.done ? "text-emerald-700 dark:text-emerald-400" : "text-stone-500"}>
              {s.done ? "\u2713" : "\u25cb"}
            </span>
            <span>
              <span className="sr-only">{s.done ? "Done: " : "To do: "}</span>
              {s.text}
            </span>
          </li>
        ))}
      </ul>
    </Card>
  );
}
