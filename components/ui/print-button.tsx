"use client";

/** Prints the page; without JavaScript the browser's own print command does the same. */
export function PrintButton({ label }: { label: string }) {
  return (
    <button
      type="button"
      onClick={() => window.print()}
      className="rounded-md bg-stone-800 px-4 py-2 font-semibold text-white hover:bg-stone-900"
    >
      {label}
    </button>
  );
}
