export function Card({
  title,
  children,
  className = "",
}: {
  title?: React.ReactNode;
  children: React.ReactNode;
  className?: string;
}) {
  return (
    <section className={`rounded-lg border border-stone-200 bg-white p-5 shadow-sm ${className}`}>
      {title ? <h2 className="mb-3 text-lg font-semibold text-stone-900">{title}</h2> : null}
      {children}
    </section>
  );
}

export function Notice({
  tone = "info",
  children,
  role,
}: {
  tone?: "info" | "warning" | "error" | "success";
  children: React.ReactNode;
  role?: "alert" | "status";
}) {
  const tones = {
    info: "border-sky-300 bg-sky-50 text-sky-950",
    warning: "border-amber-400 bg-amber-50 text-amber-950",
    error: "border-red-400 bg-red-50 text-red-950",
    success: "border-emerald-400 bg-emerald-50 text-emerald-950",
  } as const;
  return (
    <div role={role} className={`rounded-md border-l-4 px-4 py-3 text-sm ${tones[tone]}`}>
      {children}
    </div>
  );
}
