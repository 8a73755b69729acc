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

/** The proper channels a 不予受理 decision points the petitioner to (条例第31条). */
export const PROPER_CHANNELS = ["LITIGATION", "ARBITRATION", "ADMIN_REVIEW", "OTHER"] as const;
export type ProperChannel = (typeof PROPER_CHANNELS)[number];

