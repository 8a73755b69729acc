// Limits and choices of the staff case page's forms, without zod, so client forms can import them.
import { LIMITS } from "@/lib/domain/petition-rules";

/** Lengths of the texts staff write (characters as a person counts them). */
export const STAFF_LIMITS = {
  note: LIMITS.note, // notes, reasons, requests: 2–2000
  routeNote: { min: 0 as const, max: LIMITS.note.max },
  replyText: { min: 10, max: 5000 },
  publicTitle: LIMITS.title,
  publicSummary: { min: 10, max: 5000 },
  publicReply: { min: 0 as const, max: 5000 },
  channelDetail: { min: 0 as const, max: 200 },
} as const;

export { PROPER_CHANNELS, type ProperChannel } from "@/lib/domain/petition-rules";
