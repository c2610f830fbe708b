import Link from "next/link";
import { requestDb } from "@/app/_lib/db";
import { scoreAllClients } from "@/db/scores";
import { getSettings } from "@/db/queries";
import { formatMoney } from "@/lib/money";
import { Card, PageHeader } from "@/components/ui/card";
import { ScoreBar, VerdictBadge } from "@/components/fit";

/** Interim home: every client's fit, worst first. The full charted dashboard replaces this. */
export async function Dashboard({ searchParams }: { searchParams: Record<string, string | string[] | undefined> }) {
  void searchParams;
  const db = await requestDb();
  const settings = getSettings(db);
  const rows = scoreAllClients(db).sort((a, b) => (a.assessment.score ?? 101) - (b.assessment.score ?? 101));
  const left = rows.reduce((s, r) => s + r.assessment.settling.moneyLeftOnTable, 0);
  return (
    <>
      <PageHeader title="Dashboard">Money left on the table: {formatMoney(left, settings.currency, settings.locale)}</PageHeader>
      <Card title="Fit by client">
        <ul className="divide-y divide-stone-100 dark:divide-stone-800">
          {rows.map((r) => (
            <li key={r.client.id} className="flex flex-wrap items-center justify-between gap-2 py-2">
              <Link href={`/clients/${r.client.id}`} className="font-medium underline-offset-2 hover:underline">
                {r.client.name}
              </Link>
              <span className="flex items-center gap-3">
                <ScoreBar score={r.assessment.score} verdict={r.assessment.verdict} />
                <VerdictBadge verdict={r.assessment.verdict} />
              </span>
            </li>
          ))}
        </ul>
      </Card>
    </>
  );
}
