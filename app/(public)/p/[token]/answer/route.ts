/**
 * The client's answer, posted by the public page's plain HTML forms (no JavaScript needed): parsed,
 * recorded once by the use case, then a 303 back to the page, which shows what happened (the thanks,
 * or "already answered" with the first answer). Past its expiry an answer is refused with a 410. An unknown, revoked or malformed link is a 404 with nothing in it.
 * Cross-site posts are refused before this runs (proxy.ts, the CSRF rule for every write).
 */
import { readyDb } from "@/server/database";
import { todayFor } from "@/server/clock";
import { toAppError } from "@/server/errors";
import { answerProposal } from "@/server/proposal-answers";
import { readLimitedBody } from "@/server/request-body";
import { looksLikeShareToken } from "@/server/share-token";
import { MAX_ANSWER_FORM_BYTES, parseAnswerForm } from "@/lib/proposals/answer-form";

const PRIVATE_HEADERS = { "cache-control": "no-store", "referrer-policy": "same-origin", "x-robots-tag": "noindex" };

const plain = (status: number, text: string) => new Response(text, { status, headers: { ...PRIVATE_HEADERS, "content-type": "text/plain; charset=utf-8" } });
/** Back to the page (relative: right behind any proxy), optionally naming a refused field. */
const backTo = (token: string, problem?: string) => new Response(null, { status: 303, headers: { ...PRIVATE_HEADERS, location: `/p/${token}${problem ? `?problem=${problem}` : ""}` } });

/** The form body, refused when it is not a form or larger than an answer can be. */
async function readForm(req: Request): Promise<URLSearchParams | null> {
  if (!/^application\/x-www-form-urlencoded\b/i.test(req.headers.get("content-type") ?? "")) return null;
  const bytes = await readLimitedBody(req, MAX_ANSWER_FORM_BYTES);
  return bytes == null ? null : new URLSearchParams(bytes.toString("utf8"));
}

export async function POST(req: Request, ctx: { params: Promise<{ token: string }> }): Promise<Response> {
  const { token } = await ctx.params;
  if (!looksLikeShareToken(token)) return plain(404, "This link is not valid.");
  try {
    const form = await readForm(req);
    if (!form) return plain(400, "Send the answer from the proposal's page.");
    const parsed = parseAnswerForm(form);
    if (!parsed.ok) return backTo(token, parsed.problem);
    const db = await readyDb();
    answerProposal(db, { token }, parsed.input, todayFor(db), new Date().toISOString());
    return backTo(token);
  } catch (e) {
    const err = toAppError(e);
    if (err.code === "not_found") return plain(404, "This link is not valid.");
    // already answered (another tab, a replay): the page shows the first answer, which stands
    if (err.code === "conflict") return backTo(token, "already");
    // expired, or its quote decided otherwise: refused, nothing recorded
    if (err.code === "gone") return plain(410, `${err.message}: your answer was not recorded. Ask for an up-to-date proposal.`);
    if (err.code === "invalid_input") return backTo(token, "option");
    return plain(err.status, err.code === "internal" ? "Something went wrong: your answer was not saved. Please try again." : err.message);
  }
}
