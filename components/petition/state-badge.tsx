import type { PetitionState } from "@/lib/domain/petition-states";

const TONES: Record<PetitionState, string> = {
  SUBMITTED: "bg-amber-100 text-amber-900 border-amber-300",
  ACCEPTED: "bg-sky-100 text-sky-900 border-sky-300",
  NOT_ACCEPTED: "bg-stone-200 text-stone-800 border-stone-400",
  REPLIED: "bg-emerald-100 text-emerald-900 border-emerald-300",
  IN_REVIEW: "bg-violet-100 text-violet-900 border-violet-300",
  REVIEWED: "bg-emerald-100 text-emerald-900 border-emerald-300",
  IN_RECHECK: "bg-violet-100 text-violet-900 border-violet-300",
  FINAL: "bg-stone-200 text-stone-900 border-stone-400",
  CLOSED: "bg-emerald-50 text-emerald-900 border-emerald-300",
  WITHDRAWN: "bg-stone-100 text-stone-700 border-stone-300",
};

/** State as text in a coloured chip: the text carries the meaning, the colour only helps. */
export function StateBadge({ state, label }: { state: PetitionState; label: string }) {
  return <span className={`inline-block rounded border px-2 py-0.5 text-sm font-medium ${TONES[state]}`}>{label}</span>;
}
