/** The secret in a proposal's public link: 32 random bytes (256 bits), base64url (43 characters). */
import { randomBytes } from "node:crypto";

export const SHARE_TOKEN_BYTES = 32;

export function newShareToken(): string {
  return randomBytes(SHARE_TOKEN_BYTES).toString("base64url");
}

/** What a link's secret looks like: anything else is refused before the database is asked. */
export function looksLikeShareToken(token: string): boolean {
  return /^[A-Za-z0-9_-]{43}$/.test(token);
}
