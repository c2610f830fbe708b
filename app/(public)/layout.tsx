/**
 * Pages a client opens through a shared link: none of the app's chrome (no nav, no quick log, no
 * Today count), only the page itself in its own landmark. Printed, the page is an A4/Letter document.
 */
export default function PublicLayout({ children }: { children: React.ReactNode }) {
  return (
    <>
      {/*
        the printed page: its margins, and black on white even when the screen is in the dark scheme (the
        body's colours come from globals.css, outside this page's reach with Tailwind classes; Tailwind
        has no @page utility). Inline styles are allowed by the CSP.
      */}
      <style>{"@page { margin: 16mm 14mm; } @media print { :root { color-scheme: light; } html, body { background: #fff !important; color: #000 !important; } }"}</style>
      <main id="main" className="mx-auto w-full max-w-5xl px-4 py-6 sm:px-6 sm:py-10 print:max-w-none print:p-0 print:text-black!">
        {children}
      </main>
    </>
  );
}
