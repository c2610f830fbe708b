/** What to suggest when Today is empty, from what the book has (server/today-glance.ts gathers it; pure). */
export interface BookGlance {
  /** accepted work not marked done yet, most recent first */
  workUnderWay: { quoteId: number; title: string; clientName: string }[];
  /** quotes sent or being negotiated */
  openQuotes: number;
}

export interface NextStep {
  text: string;
  label: string;
  href: string;
}

/**
 * Work under way → log the time it takes (the true hourly rate needs it); quotes out → an offer may land,
 * check it before answering; else → the dashboard, to see who is worth keeping.
 */
export function nextStep(g: BookGlance): NextStep {
  const work = g.workUnderWay[0];
  if (work)
    return {
      text: `Log the time you spend on “${work.title}” for ${work.clientName}: it shows what the job really pays by the hour.`,
      label: "Log time",
      href: `/quotes/${work.quoteId}`,
    };
  if (g.openQuotes > 0)
    return {
      text: `You have ${g.openQuotes === 1 ? "a quote" : `${g.openQuotes} quotes`} out. When an offer or a discount request lands, check it before you answer.`,
      label: "Check an offer",
      href: "/offer",
    };
  return { text: "See which clients are worth keeping, and where you sell yourself short.", label: "Review the dashboard", href: "/dashboard" };
}
