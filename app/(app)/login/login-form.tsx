"use client";
import { controlClass } from "@/components/ui/field";
import { useState } from "react";
import { Button } from "@/components/ui/button";

/**
 * Posts to /api/auth/login with fetch (so a 401 or 429 shows as a message); without JavaScript
 * the same form posts natively and the route answers with redirects.
 */
export function LoginForm({ next, initialError }: { next: string; initialError?: string }) {
  const [error, setError] = useState(initialError);
  const [pending, setPending] = useState(false);
  return (
    <form
      method="post"
      action="/api/auth/login"
      aria-label="Sign in"
      className="space-y-4"
      onSubmit={async (e) => {
        e.preventDefault();
        setPending(true);
        setError(undefined);
        const password = String(new FormData(e.currentTarget).get("password") ?? "");
        try {
          const res = await fetch("/api/auth/login", { method: "POST", headers: { "content-type": "application/json", accept: "application/json" }, body: JSON.stringify({ password, next }) });
          const body = (await res.json().catch(() => ({}))) as { next?: string; error?: { message?: string } };
          if (res.ok) {
            window.location.assign(body.next ?? "/");
            return;
          }
          setError(body.error?.message ?? "Could not sign in");
        } catch {
          setError("Could not reach Walkaway. Is it running?");
        }
        setPending(false);
      }}
    >
      <input type="hidden" name="next" value={next} />
      <div>
        <label htmlFor="password" className="block text-sm font-medium">
          Password
        </label>
        <input
          id="password"
          name="password"
          type="password"
          autoComplete="current-password"
          required
          autoFocus
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? "password-error" : undefined}
          className={controlClass}
        />
        {error ? (
          <p id="password-error" role="alert" className="mt-1 text-sm text-red-700 dark:text-red-400">
            {error}
          </p>
        ) : null}
      </div>
      <Button type="submit" disabled={pending}>
        {pending ? "Signing in…" : "Sign in"}
      </Button>
    </form>
  );
}
