import type { Metadata } from "next";
import Link from "next/link";
import { connection } from "next/server";
import { signInEnabled } from "@/server/auth/state";
import { safeNextPath } from "@/server/auth/session";
import { Card, PageHeader } from "@/components/ui/card";
import { LoginForm } from "./login-form";

export const metadata: Metadata = { title: "Sign in" };

export default async function LoginPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  await connection();
  const sp = await searchParams;
  const next = safeNextPath(typeof sp.next === "string" ? sp.next : "/");
  if (!signInEnabled()) {
    return (
      <>
        <PageHeader title="Sign in">No password is set: Walkaway only answers on this machine, so there is nothing to sign in to.</PageHeader>
        <Link href="/" className="text-sky-800 underline dark:text-sky-300">
          Go to Today
        </Link>
      </>
    );
  }
  return (
    <div className="mx-auto max-w-sm">
      <PageHeader title="Sign in">Your negotiation history is private. Enter the password set in WALKAWAY_PASSWORD.</PageHeader>
      <Card>
        <LoginForm next={next} initialError={sp.error === "wrong" ? "Wrong password" : undefined} />
      </Card>
    </div>
  );
}
