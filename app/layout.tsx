import type { Metadata, Viewport } from "next";
import "./globals.css";
import { NavBar } from "@/components/nav-bar";
import { QuickCapture } from "@/components/quick-capture/quick-capture";
import { previewQuickCaptureAction, saveQuickCaptureAction } from "@/app/actions/quick-capture";

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

export default function RootLayout({ children }: { children: React.ReactNode }) {
  return (
    <html lang="en">
      <body className="min-h-dvh font-sans">
        <a href="#main" className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:z-50 focus:rounded focus:bg-white focus:p-2 focus:text-black">
          Skip to content
        </a>
        <NavBar quickLog={<QuickCapture preview={previewQuickCaptureAction} save={saveQuickCaptureAction} />} />
        <main id="main" className="mx-auto w-full max-w-6xl px-4 py-6 sm:px-6">
          {children}
        </main>
      </body>
    </html>
  );
}
