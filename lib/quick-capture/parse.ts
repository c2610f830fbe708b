/**
 * Quick capture: one typed line ("Pebble asked 20% off", "2h unpaid call", "follow-up, no answer") read
 * into what happened, with the words left over (the client's name, maybe a quote's title). Pure: no
 * clients, no quotes, no clock. Amounts stay as typed decimals (their currency is the quote's, known
 * later); percents, durations and days are whole numbers already.
 */
import type { Answer, AskKind, GiveKind } from "../domain";

export type Capture =
  | { kind: "discount_request"; percentBp: number | null; amountOff: string | null }
  | { kind: "client_counter"; amount: string | null }
  | { kind: "my_counter"; amount: string | null }
  | { kind: "my_answer"; answer: Answer; amount: string | null }
  | { kind: "accepted"; amount: string | null }
  | { kind: "follow_up"; answered: boolean }
  | { kind: "ask"; subtype: AskKind | null; minutes: number | null; paid: boolean }
  | { kind: "give"; subtype: GiveKind }
  | { kind: "payment"; daysLate: number | null; amount: string | null };

export type CaptureKind = Capture["kind"];

/** When it happened, as typed: "yesterday", "3 days ago" or a calendar day. Null: today. */
export type CaptureWhen = { daysAgo: number } | { date: string } | null;

export interface ParsedLine {
  /** null: nothing in the line says what happened */
  capture: Capture | null;
  /** the words left once what happened is taken out: a client's name, perhaps a quote's title */
  nameWords: string[];
  when: CaptureWhen;
  /** amounts typed that could not be read ("1,2,3") */
  unreadable: string[];
}

// ---- numbers ----

/** "20" → 2000, "12.5" → 1250 (basis points), from a typed percent; null when it has more than two decimals. */
export function percentToBp(text: string): number | null {
  const m = /^(\d{1,5})(?:[.,](\d{1,2}))?$/.exec(text);
  if (!m) return null;
  return Number(m[1]) * 100 + (m[2] ? Number(m[2].padEnd(2, "0")) : 0);
}

/** "2" h → 120, "1.5" h → 90, "1,25" h → 75 minutes (whole minutes, rounded half up). */
export function hoursToMinutes(whole: string, frac: string | undefined): number {
  const hundredths = frac ? Number(frac.padEnd(2, "0").slice(0, 2)) : 0;
  return Number(whole) * 60 + Math.floor((hundredths * 60 + 50) / 100);
}

/** "1.8k" → "1800", "2k" → "2000", "1,200" stays "1,200": a typed amount, still without a currency. */
export function expandThousands(text: string, k: boolean): string {
  if (!k) return text;
  const m = /^(\d{1,9})(?:\.(\d{1,3}))?$/.exec(text);
  if (!m) return text;
  return String(Number(m[1]) * 1000 + (m[2] ? Number(m[2].padEnd(3, "0")) : 0));
}

// ---- the words ----

/** Lower case, one kind of apostrophe and dash, single spaces. */
export function normalizeLine(line: string): string {
  return line
    .toLowerCase()
    .replace(/[\u2018\u2019\u02bc]/g, "'")
    .replace(/[\u2010-\u2015]/g, "-")
    .replace(/\s+/g, " ")
    .trim();
}

interface Found {
  text: string;
  rest: string;
}
/** The first match of `re` (no global flag) taken out of `s`, or null. */
function take(s: string, re: RegExp): (RegExpExecArray & Found) | null {
  const m = re.exec(s);
  if (!m) return null;
  return Object.assign(m, { text: m[0], rest: `${s.slice(0, m.index)} ${s.slice(m.index + m[0].length)}` });
}
/** Every match of a global `re` blanked out. */
const strip = (s: string, re: RegExp) => s.replace(re, " ");

const PERCENT = /(?<![\w.,])(\d[\d.,]*)\s*(?:%|percent\b|pct\b|per cent\b)/;
const HOURS = /(?<![\w.,])(\d{1,4})(?:[.,](\d{1,2}))?\s*(?:h|hrs?|hours?)(?![a-z])(?:\s*(\d{1,2})\s*(?:m|mins?|minutes?)?\b)?/;
const MINUTES = /(?<![\w.,])(\d{1,5})\s*(?:m|mins?|minutes?)\b/;
const HALF_HOUR = /\b(?:half an hour|half hour)\b/;
const DAYS_LATE = /(?<![\w.,])(\d{1,4})\s*days?\s+late\b/;
const ISO_DAY = /\b(\d{4}-\d{2}-\d{2})\b/;
const DAYS_AGO = /(?<![\w.,])(\d{1,3})\s*days?\s+ago\b/;
const MONEY = /(?<![\w.,])(?:[$€£¥]\s?|(?:usd|eur|gbp|chf|cad|aud)\s?)?(\d(?:[\d.,']*\d)?)(\s?k\b)?(?:\s?(?:usd|eur|gbp|chf|cad|aud|dollars?|euros?|pounds?)\b)?/;

/** What happened: the first rule (in this order) whose words are in the line. */
interface Rule {
  kind: CaptureKind;
  re: RegExp;
  answer?: Answer;
}
const RULES: Rule[] = [
  { kind: "my_answer", answer: "held_firm", re: /\b(?:held|hold|holding|stood|stayed|kept|keeping)\s+(?:firm|my ground|(?:my|the) price)\b|\bsaid no\b|\bno discount\b|\brefused\b/g },
  { kind: "my_answer", answer: "met_halfway", re: /\b(?:met|meet|meeting)\s+(?:them\s+)?(?:halfway|half way|in the middle)\b|\bsplit the difference\b/g },
  { kind: "my_answer", answer: "conceded", re: /\b(?:conceded|concede|gave in|caved|agreed to (?:their|the) (?:price|discount))\b|\bgave\b(?=.*\b(?:the|a|that|their) discount\b)|(?<=\bgave\b.*)\b(?:the|a|that|their) discount\b/g },
  { kind: "my_counter", re: /\b(?:i|we)\s+(?:countered|counter|counter-offered|proposed|offered|came back (?:with|at))\b|\bmy counter(?:[\s-]?offer)?\b/g },
  { kind: "accepted", re: /\b(?:accepted|accepts|accept|said yes|signed|won (?:it|the (?:job|project|work|deal))|went ahead|approved)\b/g },
  { kind: "discount_request", re: /\b(?:off|discount(?:ed)?|cheaper|reduction|lower (?:the )?price)\b/g },
  { kind: "client_counter", re: /\b(?:countered|counters|counter(?:[\s-]?offer(?:ed)?)?|offered|offers|came back (?:with|at)|can (?:only )?pay|could pay|would pay|want(?:s|ed)? to pay|budget(?: is| of)?|proposed|asked for)\b/g },
  { kind: "follow_up", re: /\bfollow(?:ed|ing)?[\s-]?ups?\b|\bchased\b|\bchasing\b|\bnudged\b|\bpinged\b|\bsent a reminder\b|\breminded(?: them)?\b/g },
  { kind: "payment", re: /\b(?:paid|payment)\s+(?:(?:on time)|late)\b|\bpaid\b(?=.*\blate\b)|\bdays?\s+late\b|\blate payment\b/g },
  { kind: "give", re: /\breferr(?:al|als|ed)\b|\bintroduced (?:me|us)\b|\btestimonial\b|\breview\b|\brepeat (?:work|job|project|business)\b|\bhired (?:me|us) again\b|\bpaid (?:early|promptly|upfront)\b|\bprompt payment\b/g },
  {
    kind: "ask",
    re: /\b(?:unpaid|free|favou?r|quick questions?|questions?|scope creep|extras?|one more thing|more work|rush(?:ed)?|urgent|asap|consult(?:ation)?|call|meeting|advice|picked my brain|pick my brain|chat)\b/g,
  },
];

const ASK_SUBTYPES: [AskKind, RegExp][] = [
  ["quick_question", /\bquestions?\b/],
  ["scope_creep", /\bscope creep\b|\bextras?\b|\bone more thing\b|\bmore work\b/],
  ["rush_demand", /\brush(?:ed)?\b|\burgent\b|\basap\b/],
  ["free_consult", /\bconsult(?:ation)?\b|\bcall\b|\bmeeting\b|\badvice\b|\bpick(?:ed)? my brain\b|\bchat\b/],
  ["unpaid_favour", /\bfavou?r\b|\bunpaid\b|\bfree\b/],
];

const GIVE_SUBTYPES: [GiveKind, RegExp][] = [
  ["referral", /\breferr(?:al|als|ed)\b|\bintroduced (?:me|us)\b/],
  ["testimonial", /\btestimonial\b|\breview\b/],
  ["repeat_work", /\brepeat (?:work|job|project|business)\b|\bhired (?:me|us) again\b/],
  ["prompt_payment", /\bpaid (?:early|promptly|upfront)\b|\bprompt payment\b/],
];

const NO_ANSWER = /\bno (?:answer|reply|response|news)\b|\bunanswered\b|\bghosted\b|\bsilence\b|\b(?:did not|didn'?t|not) (?:answer|reply|respond)(?:ed)?\b|\bnothing back\b/g;
const ANSWERED = /\banswered\b|\breplied\b|\bresponded\b|\bgot (?:an? )?(?:answer|reply)\b|\bthey (?:answered|replied|got back)\b|\bgot back\b/g;
const UNPAID = /\bunpaid\b|\bfree\b|\bnot paid\b|\bfor nothing\b/;
const PAID = /\bpaid\b|\bbilled\b|\bbillable\b|\binvoiced\b/g;

/** Words that are never part of a client's name or a quote's title in a captured line. */
const FILLER = new Set(
  "a an the they them their theirs he she his her it its i me my we us our you client clients customer for of to at on in with and or but again just today now also then so by from is was were are be been has have had did do does asked asks ask wants want wanted said says told about up about as still yet only all price quote job project new -".split(" "),
);

/** The words of a line, without punctuation and filler. */
export function words(s: string): string[] {
  return s
    .toLowerCase()
    .replace(/[^\p{L}\p{N}&'-]+/gu, " ")
    .split(" ")
    .map((w) => w.replace(/^['-]+|['-]+$/g, "").replace(/'s$/, ""))
    .filter((w) => w.length > 0 && !FILLER.has(w));
}

export function parseCaptureLine(line: string): ParsedLine {
  let s = ` ${normalizeLine(line)} `;
  const unreadable: string[] = [];

  // when: a calendar day, "yesterday", "N days ago" (taken out first: their digits are not amounts)
  let when: CaptureWhen = null;
  const iso = take(s, ISO_DAY);
  if (iso) {
    when = { date: iso[1] };
    s = iso.rest;
  }
  const ago = take(s, DAYS_AGO);
  if (ago) {
    when ??= { daysAgo: Number(ago[1]) };
    s = ago.rest;
  }
  if (/\byesterday\b/.test(s)) {
    when ??= { daysAgo: 1 };
    s = strip(s, /\byesterday\b/g);
  }

  // numbers with a unit: percent, time, days late
  let percentBp: number | null = null;
  const pct = take(s, PERCENT);
  if (pct) {
    percentBp = percentToBp(pct[1]);
    if (percentBp == null) unreadable.push(pct.text.trim());
    s = pct.rest;
  }
  let minutes: number | null = null;
  const hours = take(s, HOURS);
  const mins = hours ? null : take(s, MINUTES);
  if (hours) {
    minutes = hoursToMinutes(hours[1], hours[2]) + (hours[3] ? Number(hours[3]) : 0);
    s = hours.rest;
  } else if (mins) {
    minutes = Number(mins[1]);
    s = mins.rest;
  } else if (HALF_HOUR.test(s)) {
    minutes = 30;
    s = strip(s, new RegExp(HALF_HOUR.source, "g"));
  }
  let daysLate: number | null = null;
  const late = take(s, DAYS_LATE);
  if (late) {
    daysLate = Number(late[1]);
    s = `${late.rest} late `;
  }

  // the first plain amount is money ("$1,800", "1800", "1.8k"); a second one is not read
  let amount: string | null = null;
  const money = take(s, MONEY);
  if (money) {
    amount = expandThousands(money[1].replace(/'/g, ""), Boolean(money[2]));
    s = money.rest;
  }

  const rule = RULES.find((r) => new RegExp(r.re.source).test(s)) ?? null;
  let capture: Capture | null = null;
  let rest = rule ? strip(s, rule.re) : s;
  switch (rule?.kind ?? (percentBp != null ? "discount_request" : amount != null ? "client_counter" : minutes != null ? "ask" : null)) {
    case "discount_request":
      // a percent is what they asked off; an amount with "off" too; an amount without it is the price they want
      if (percentBp != null || amount == null || /\boff\b/.test(s)) capture = { kind: "discount_request", percentBp, amountOff: percentBp == null ? amount : null };
      else capture = { kind: "client_counter", amount };
      break;
    case "client_counter":
      capture = percentBp != null ? { kind: "discount_request", percentBp, amountOff: null } : { kind: "client_counter", amount };
      break;
    case "my_counter":
      capture = { kind: "my_counter", amount };
      break;
    case "my_answer":
      capture = { kind: "my_answer", answer: rule!.answer!, amount };
      break;
    case "accepted":
      capture = { kind: "accepted", amount };
      break;
    case "follow_up": {
      const answered = !new RegExp(NO_ANSWER.source).test(s) && new RegExp(ANSWERED.source).test(s);
      rest = strip(strip(rest, NO_ANSWER), ANSWERED);
      capture = { kind: "follow_up", answered };
      break;
    }
    case "payment":
      capture = { kind: "payment", daysLate: /\bon time\b/.test(s) ? 0 : daysLate, amount };
      rest = strip(rest, /\b(?:paid|payment|on time|late|days?)\b/g);
      break;
    case "give":
      capture = { kind: "give", subtype: GIVE_SUBTYPES.find(([, re]) => re.test(s))![0] };
      break;
    case "ask": {
      const subtype = ASK_SUBTYPES.find(([, re]) => re.test(s))?.[0] ?? null;
      const paid = !UNPAID.test(s) && new RegExp(PAID.source).test(s);
      rest = strip(strip(rest, PAID), /\bnot\b|\bnothing\b/g);
      capture = { kind: "ask", subtype, minutes, paid };
      break;
    }
    default:
      capture = null;
  }
  return { capture, nameWords: words(rest), when, unreadable };
}

/** What the palette can log, for a line it cannot read. */
export const CAN_LOG = [
  "“Pebble asked 20% off” or “$500 off”",
  "“Pebble countered 1800”",
  "“held firm”, “met halfway”, “conceded”",
  "“I countered 3600”",
  "“accepted” (at the price on the table) or “accepted at 3800”",
  "“follow-up, no answer”",
  "“2h unpaid call”, “15 min quick question”, “3h scope creep”",
  "“paid 10 days late”, “paid on time”",
  "“referral”, “testimonial”",
] as const;
