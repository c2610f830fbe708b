/**
 * The demo book's data: a dozen clients, some good and some draining, with quotes, negotiations and
 * interactions spread over the last year (days before today). Loaded by server/demo.ts.
 *
 * Time spent tells three stories: Juniper's ticketing integration ran 60% over its estimate (72 h for
 * 45 h quoted, with an unpaid scope-creep ask on that job), so its true rate fell below the floor;
 * Lumen's security review finished a little under its estimate; Fjord's Q4 landing pages are in
 * progress, under their estimate.
 *
 * Today has something to show: Sable and Brightline wait on an answer, Atlas's new quote is due its one
 * follow-up, Kestrel ignored two follow-ups (stop chasing), Marlow's intranet work is overdue (30-day terms).
 *
 * Two proposals (good / better / best, priced from the rate card at target): Atlas's spring catalogue
 * pages were sent as three options and wait for an answer — with the link OFF (a demo never publishes
 * a link); Northwind chose the middle option of the CMS migration's proposal, at the price it was
 * accepted for, so the dashboard has an answer to learn from.
 */
import type { QuoteStatus, RejectionReason } from "@/lib/domain";
import type { CreateInteraction, CreateQuoteEvent, UpsertClient } from "@/lib/schemas";

type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;
export type Svc = "web" | "brand" | "copy" | "consult";
export interface DemoQuote {
  service: Svc;
  title: string;
  hours: number;
  /** major units */
  quoted: number;
  status: QuoteStatus;
  sent: number;
  decided?: number;
  agreed?: number;
  reason?: RejectionReason;
  events?: (DistributiveOmit<CreateQuoteEvent, "occurredOn"> & { at: number })[];
  /** time spent: days before today, hours (whole or half) */
  time?: { at: number; hours: number; note?: string }[];
  /** the work was finished this many days ago */
  doneAt?: number;
  /** accepted: the payment terms agreed (days); absent: payment not tracked (the demo's older work, paid before Walkaway) */
  terms?: number;
  /** sent as a proposal on the day the quote was sent (link off), open `expires` days from then */
  proposal?: DemoProposal;
}
export interface DemoProposal {
  items: { name: string; hours: number }[];
  /** each option's items, by position in `items` */
  options: { name: string; summary: string; items: number[] }[];
  expires: number;
  /** the option the client chose (its position), on the day the quote was decided */
  chosen?: number;
  intro?: string;
  terms?: string;
}
export interface DemoClient {
  client: UpsertClient;
  quotes: DemoQuote[];
  /** `onQuote`: the title of this client's quote the interaction is about */
  interactions?: (CreateInteraction & { at: number; onQuote?: string })[];
}

const ask = (subtype: "unpaid_favour" | "quick_question" | "scope_creep" | "rush_demand" | "free_consult", minutes: number, at: number, note?: string, paid = false, onQuote?: string) =>
  ({ kind: "ask", subtype, minutes, paid, at, note, onQuote }) as const;
/** a working day: `hours` on the day `at` days ago */
const day = (at: number, hours: number, note?: string) => ({ at, hours, note });
const give = (subtype: "referral" | "testimonial" | "repeat_work" | "prompt_payment", at: number, note?: string) => ({ kind: "give", subtype, at, note }) as const;
const chase = (answered: boolean, at: number) => ({ kind: "follow_up", answered, at }) as const;
const paid = (daysLate: number, at: number) => ({ kind: "payment", daysLate, at }) as const;

export const DEMO_BOOK: DemoClient[] = [
  {
    client: { name: "Northwind Studio", company: "Northwind Studio Ltd", email: "hello@northwind.example", leadSource: "referral", status: "active", notes: "Design agency; sends me their dev overflow. Always on time." },
    quotes: [
      { service: "web", title: "Marketing site rebuild", hours: 60, quoted: 6600, status: "accepted", sent: 300, decided: 295 },
      {
        service: "web",
        title: "CMS migration",
        hours: 40,
        quoted: 4400,
        status: "accepted",
        sent: 150,
        decided: 148,
        // they chose the middle option: 40 h at $110 = $4,400, the quote's price
        proposal: {
          items: [
            { name: "Content model and import", hours: 14 },
            { name: "Page templates", hours: 16 },
            { name: "Redirects and SEO checks", hours: 10 },
            { name: "Editor training and guides", hours: 8 },
          ],
          options: [
            { name: "Essentials", summary: "Your content moved, on the new templates.", items: [0, 1] },
            { name: "Standard", summary: "Moved, with every old link redirected and checked.", items: [0, 1, 2] },
            { name: "Complete", summary: "All of it, and your team trained to run it.", items: [0, 1, 2, 3] },
          ],
          expires: 30,
          chosen: 1,
          terms: "Half on acceptance, half on launch.",
        },
      },
      { service: "consult", title: "Performance audit", hours: 12, quoted: 1800, status: "accepted", sent: 40, decided: 38 },
    ],
    interactions: [give("referral", 200, "Introduced me to Fjord & Co"), give("prompt_payment", 290), paid(0, 260), paid(0, 120), give("testimonial", 100), chase(true, 45)],
  },
  {
    client: { name: "Fjord & Co", company: "Fjord & Co", email: "ops@fjord.example", leadSource: "referral", status: "active", notes: "Repeat work every quarter." },
    quotes: [
      { service: "brand", title: "Brand refresh", hours: 48, quoted: 5000, status: "accepted", sent: 190, decided: 185 },
      { service: "copy", title: "Website copy", hours: 20, quoted: 1800, status: "accepted", sent: 90, decided: 88 },
      {
        service: "web",
        title: "Landing pages Q4",
        hours: 24,
        quoted: 2700,
        status: "accepted",
        sent: 20,
        decided: 18,
        // in progress: 10 h of 24 so far
        time: [day(15, 3, "Wireframes"), day(12, 4), day(8, 3, "First page built")],
      },
    ],
    interactions: [give("repeat_work", 90), give("repeat_work", 20), paid(0, 160), paid(2, 60), give("referral", 30, "Sent Lumen Health my way")],
  },
  {
    client: { name: "Lumen Health", company: "Lumen Health Inc", email: "it@lumen.example", leadSource: "inbound", status: "active", notes: null },
    quotes: [
      {
        service: "web",
        title: "Patient portal prototype",
        hours: 80,
        quoted: 9600,
        status: "accepted",
        sent: 120,
        decided: 110,
        events: [
          { kind: "discount_request", percentBp: 1000, at: 115, note: "Budget approved at 10% less" },
          { kind: "my_answer", answer: "cut_scope", scopeMinutes: 4320, at: 113, note: "Dropped the admin dashboard instead" },
        ],
      },
      {
        service: "consult",
        title: "Security review",
        hours: 10,
        quoted: 1500,
        status: "accepted",
        sent: 25,
        decided: 22,
        // done a little under the estimate: 9.5 h
        time: [day(20, 4, "Threat model"), day(19, 3.5, "Code and config review"), day(18, 2, "Report")],
        doneAt: 18,
      },
    ],
    interactions: [paid(5, 80), ask("quick_question", 30, 60), chase(true, 50)],
  },
  {
    client: { name: "Atlas Outdoors", company: "Atlas Outdoors", email: "web@atlas.example", leadSource: "referral", status: "active", notes: "Seasonal retailer." },
    quotes: [
      {
        service: "web",
        title: "Shop redesign",
        hours: 70,
        quoted: 7700,
        status: "accepted",
        sent: 210,
        decided: 200,
        events: [
          { kind: "discount_request", percentBp: 1500, at: 205 },
          { kind: "my_answer", answer: "met_halfway", at: 203, note: "Met them at 7.5% off" },
        ],
      },
      { service: "copy", title: "Product descriptions", hours: 30, quoted: 2550, status: "accepted", sent: 70, decided: 65 },
      {
        service: "web",
        title: "Spring catalogue pages",
        hours: 24,
        quoted: 2640,
        status: "sent",
        sent: 9,
        // three options; Complete is the quote's 24 h at $110
        proposal: {
          items: [
            { name: "Catalogue landing page", hours: 6 },
            { name: "Product pages for the spring range", hours: 10 },
            { name: "Search and filters", hours: 5 },
            { name: "Printable catalogue (PDF)", hours: 3 },
          ],
          options: [
            { name: "Essentials", summary: "The landing page and the product pages.", items: [0, 1] },
            { name: "Standard", summary: "Plus search and filters across the range.", items: [0, 1, 2] },
            { name: "Complete", summary: "Plus a printable catalogue for your stores.", items: [0, 1, 2, 3] },
          ],
          expires: 30,
          intro: "Three ways to launch the spring range: each one complete in itself, priced for what it includes.",
          terms: "Half on acceptance, half on launch. Prices hold until the expiry date.",
        },
      },
    ],
    interactions: [paid(10, 150), paid(0, 40), give("testimonial", 35)],
  },
  {
    client: { name: "Pebble Apps", company: "Pebble Apps", email: "founder@pebble.example", leadSource: "platform", status: "active", notes: "Asks for a discount on everything." },
    quotes: [
      {
        service: "web",
        title: "MVP build",
        hours: 100,
        quoted: 11000,
        status: "accepted",
        sent: 240,
        decided: 230,
        events: [
          { kind: "discount_request", percentBp: 2500, at: 238, note: "Startup budget" },
          { kind: "my_answer", answer: "conceded", at: 236 },
        ],
      },
      {
        service: "web",
        title: "Feature sprint",
        hours: 40,
        quoted: 4400,
        status: "accepted",
        sent: 100,
        decided: 95,
        events: [
          { kind: "discount_request", percentBp: 2000, at: 99 },
          { kind: "my_answer", answer: "met_halfway", at: 97 },
        ],
      },
      {
        service: "consult",
        title: "Tech due diligence",
        hours: 16,
        quoted: 2240,
        status: "rejected",
        sent: 30,
        decided: 25,
        reason: "price",
        events: [{ kind: "discount_request", percentBp: 4000, at: 28 }, { kind: "my_answer", answer: "held_firm", at: 27 }],
      },
    ],
    interactions: [ask("scope_creep", 240, 200), ask("rush_demand", 120, 90), paid(21, 200), paid(14, 80), chase(false, 20)],
  },
  {
    client: { name: "Brightline Media", company: "Brightline Media Group", email: "deals@brightline.example", leadSource: "platform", status: "active", notes: "\"It's a great opportunity for your portfolio.\"" },
    quotes: [
      {
        service: "web",
        title: "Campaign microsite",
        hours: 50,
        quoted: 5500,
        status: "accepted",
        sent: 280,
        decided: 270,
        events: [
          { kind: "discount_request", percentBp: 3500, at: 278, note: "\"Great exposure\"" },
          { kind: "my_answer", answer: "conceded", at: 275 },
        ],
      },
      {
        service: "copy",
        title: "Ad copy batch",
        hours: 25,
        quoted: 2125,
        status: "accepted",
        sent: 160,
        decided: 150,
        events: [
          { kind: "client_counter", amount: 120000, at: 158 },
          { kind: "my_answer", answer: "conceded", at: 155 },
        ],
      },
      {
        service: "web",
        title: "Video landing page",
        hours: 30,
        quoted: 3300,
        status: "negotiating",
        sent: 12,
        events: [{ kind: "discount_request", percentBp: 4000, at: 10, note: "Says another dev will do it for less" }],
      },
    ],
    interactions: [
      ask("unpaid_favour", 180, 250, "Resize banners \"real quick\""),
      ask("free_consult", 90, 180),
      ask("quick_question", 60, 140),
      ask("scope_creep", 300, 145),
      paid(45, 220),
      paid(38, 110),
      chase(false, 60),
      chase(false, 45),
      chase(false, 30),
    ],
  },
  {
    client: { name: "Kestrel Labs", company: "Kestrel Labs", email: "cto@kestrel.example", leadSource: "cold_outreach", status: "prospect", notes: "Revisit in spring." },
    quotes: [
      { service: "consult", title: "Architecture review", hours: 20, quoted: 2800, status: "rejected", sent: 60, decided: 50, reason: "wrong_timing" },
      { service: "consult", title: "Platform migration plan", hours: 16, quoted: 2240, status: "sent", sent: 30 },
    ],
    interactions: [
      chase(true, 55),
      { kind: "follow_up", answered: false, at: 21, onQuote: "Platform migration plan" },
      { kind: "follow_up", answered: false, at: 12, onQuote: "Platform migration plan" },
    ],
  },
  {
    client: { name: "Juniper Events", company: "Juniper Events", email: "team@juniper.example", leadSource: "inbound", status: "paused", notes: "Everything is urgent." },
    quotes: [
      {
        service: "web",
        title: "Ticketing integration",
        hours: 45,
        quoted: 4950,
        status: "accepted",
        sent: 170,
        decided: 165,
        // quoted 45 h, took 72 h: a second payment provider asked for on the way (the scope-creep ask below)
        time: [
          day(163, 8, "Ticket API"),
          day(162, 8),
          day(161, 8),
          day(158, 8, "Checkout"),
          day(155, 8),
          day(150, 8, "Second payment provider"),
          day(149, 8, "Second payment provider"),
          day(145, 8, "Fixes after launch"),
          day(142, 8, "Fixes after launch"),
        ],
        doneAt: 142,
      },
      { service: "copy", title: "Event brochure", hours: 12, quoted: 1020, status: "rejected", sent: 45, decided: 40, reason: "wrong_fit" },
    ],
    interactions: [
      ask("rush_demand", 240, 160),
      ask("scope_creep", 180, 150, "A second payment provider, \"same thing really\"", false, "Ticketing integration"),
      ask("quick_question", 45, 120),
      paid(7, 140),
      chase(true, 100),
    ],
  },
  {
    client: { name: "Orbit Coffee", company: "Orbit Coffee Roasters", email: "owner@orbit.example", leadSource: "referral", status: "walked_away", notes: "Wanted a full brand for half price. Declined politely." },
    quotes: [
      {
        service: "brand",
        title: "Full brand identity",
        hours: 64,
        quoted: 6400,
        status: "declined_by_me",
        sent: 75,
        decided: 70,
        reason: "price",
        events: [{ kind: "client_counter", amount: 320000, at: 72 }, { kind: "my_answer", answer: "held_firm", at: 71 }],
      },
    ],
  },
  {
    client: { name: "Marlow Legal", company: "Marlow & Partners", email: "office@marlow.example", leadSource: "inbound", status: "active", notes: "Pays well, pays slowly." },
    quotes: [
      { service: "consult", title: "Compliance tooling advice", hours: 24, quoted: 3600, status: "accepted", sent: 130, decided: 125 },
      { service: "web", title: "Intranet refresh", hours: 60, quoted: 7200, status: "accepted", sent: 55, decided: 50, terms: 30 },
    ],
    interactions: [paid(30, 95), paid(21, 20), chase(true, 25), chase(false, 10)],
  },
  {
    client: { name: "Sable Fitness", company: "Sable Fitness", email: "gm@sable.example", leadSource: "platform", status: "prospect", notes: null },
    quotes: [
      {
        service: "web",
        title: "Booking app",
        hours: 50,
        quoted: 5500,
        status: "negotiating",
        sent: 8,
        events: [{ kind: "discount_request", percentBp: 1500, at: 6 }],
      },
    ],
    interactions: [ask("free_consult", 60, 9)],
  },
  {
    client: { name: "Tidewater NGO", company: "Tidewater Conservation", email: "comms@tidewater.example", leadSource: "referral", status: "active", notes: "Non-profit; I chose a lower rate." },
    quotes: [
      {
        service: "copy",
        title: "Annual report copy",
        hours: 30,
        quoted: 2550,
        status: "accepted",
        sent: 100,
        decided: 96,
        events: [{ kind: "discount_request", percentBp: 2000, at: 98 }, { kind: "my_answer", answer: "conceded", at: 97 }],
      },
    ],
    interactions: [give("referral", 60), give("testimonial", 50), paid(0, 70)],
  },
];

export const SERVICES: Record<Svc, { name: string; unit: "hour" | "day"; market: number; target: number; floor: number }> = {
  web: { name: "Web development", unit: "hour", market: 120, target: 110, floor: 85 },
  brand: { name: "Brand identity", unit: "day", market: 900, target: 800, floor: 600 },
  copy: { name: "Copywriting", unit: "hour", market: 90, target: 85, floor: 60 },
  consult: { name: "Technical consulting", unit: "hour", market: 150, target: 140, floor: 100 },
};
