import type { Metadata, Viewport } from "next";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "Walkaway", template: "%s · Walkaway" },
  description: "Know your worth: a haggling log, a fit score for every client and a walk-away answer when a low offer lands.",
};

export const viewport: Viewport = {
  width: "device-width",
  initialScale: 1,
  themeColor: [
    { media: "(prefers-color-scheme: light)", color: "#fafaf9" },
    { media: "(prefers-color-scheme: dark)", color: "#0c0a09" },
  ],
};

/**
 * The document only. The app's chrome (nav, quick log, Today's count) is in app/(app)/layout.tsx; the
 * pages a client opens through a shared link (app/(public)/) get none of it, so nothing of the book shows.
 */
export default function RootLayout({ children }: { children: React.ReactNode }) {
  return (
    <html lang="en">
      <body className="min-h-dvh font-sans">{children}</body>
    </html>
  );
}
