"use client";
import Link from "next/link";
import { usePathname } from "next/navigation";

export type StaffNavItem = { href: string; label: string };

/** The workspace's main links; the current one is marked for assistive technology, not by colour alone. */
export function StaffNav({ items, label }: { items: readonly StaffNavItem[]; label: string }) {
  const pathname = usePathname();
  const current = (href: string) =>
    href === "/staff"
      ? pathname === href || pathname.startsWith("/staff/cases")
      : pathname === href || pathname.startsWith(`${href}/`);
  return (
    <nav aria-label={label}>
      <ul className="flex flex-wrap items-center gap-1">
        {items.map((item) => {
          const here = current(item.href);
          return (
            <li key={item.href}>
              <Link
                href={item.href}
                aria-current={here ? "page" : undefined}
                className={`block rounded-md px-3 py-1.5 font-medium underline-offset-4 hover:bg-stone-100 hover:underline ${here ? "bg-brand-50 text-brand-800 underline decoration-2" : "text-stone-800"}`}
              >
                {item.label}
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
