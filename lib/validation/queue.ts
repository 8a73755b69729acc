import { z } from "zod";
import { isCivilDate, type CivilDate } from "@/lib/domain/civil-date";
import { CHANNELS, type Channel } from "@/lib/domain/petition-rules";
import { QUEUE_TABS, type QueueTab } from "@/lib/domain/queue";
import type { MessageKey } from "@/lib/i18n";

// The queue's GET form (工作台 filters): what the address bar says, parsed leniently. A value that does not
// parse is dropped (the queue shows unfiltered) and, for the fields a person types, reported back.

export const QUEUE_SEARCH_MAX = 100;

export type QueueFilters = {
  categoryId?: string;
  channel?: Channel;
  /** The township where the matter arose (Petition.placeId). */
  placeId?: string;
  /** Registration (receivedAt) from this civil date, Asia/Shanghai, inclusive. */
  receivedFrom?: CivilDate;
  /** … to this civil date, inclusive. */
  receivedTo?: CivilDate;
  /** A tracking number (exact, after normalising) or words of the title. */
  q?: string;
};

export type QueueParams = QueueFilters & { tab: QueueTab; page: number };

const id = z.string().trim().min(1).max(64);
const civilDate = z.string().trim().refine(isCivilDate);

const ZQueueParams = z.object({
  tab: z.enum(QUEUE_TABS).catch("pending"),
  page: z.coerce.number().int().min(1).max(100_000).catch(1),
  category: id.optional().catch(undefined),
  channel: z.enum(CHANNELS).optional().catch(undefined),
  township: id.optional().catch(undefined),
  from: civilDate.optional().catch(undefined),
  to: civilDate.optional().catch(undefined),
  q: z.string().trim().max(QUEUE_SEARCH_MAX).optional().catch(undefined),
});

export type QueueParamProblem = { field: "from" | "to" | "q"; key: MessageKey };

type SearchParams = Record<string, string | string[] | undefined>;

/** The first value of each parameter; an empty field of the form counts as absent. */
function firstValues(sp: SearchParams): Record<string, string | undefined> {
  const out: Record<string, string | undefined> = {};
  for (const [k, v] of Object.entries(sp)) {
    const s = Array.isArray(v) ? v[0] : v;
    out[k] = s === undefined || s.trim() === "" ? undefined : s;
  }
  return out;
}

export function parseQueueParams(sp: SearchParams): { params: QueueParams; problems: QueueParamProblem[] } {
  const raw = firstValues(sp);
  const p = ZQueueParams.parse(raw);
  const problems: QueueParamProblem[] = [];
  if (raw.from && !p.from) problems.push({ field: "from", key: "queue.errors.invalidDate" });
  if (raw.to && !p.to) problems.push({ field: "to", key: "queue.errors.invalidDate" });
  if (raw.q && p.q === undefined) problems.push({ field: "q", key: "queue.errors.searchTooLong" });
  let { from, to } = p;
  if (from && to && from > to) {
    problems.push({ field: "to", key: "queue.errors.dateOrder" });
    to = undefined;
    from = undefined;
  }
  return {
    params: {
      tab: p.tab,
      page: p.page,
      categoryId: p.category,
      channel: p.channel,
      placeId: p.township,
      receivedFrom: from,
      receivedTo: to,
      q: p.q || undefined,
    },
    problems,
  };
}

/** The query string for a queue address (empty filters left out), e.g. for tab and page links. */
export function queueSearch(params: QueueFilters & { tab?: QueueTab; page?: number }): string {
  const pairs: [string, string | number | undefined][] = [
    ["tab", params.tab],
    ["category", params.categoryId],
    ["channel", params.channel],
    ["township", params.placeId],
    ["from", params.receivedFrom],
    ["to", params.receivedTo],
    ["q", params.q],
    ["page", params.page && params.page > 1 ? params.page : undefined],
  ];
  const qs = new URLSearchParams();
  for (const [k, v] of pairs) if (v !== undefined && v !== "") qs.set(k, String(v));
  const s = qs.toString();
  return s ? `?${s}` : "";
}
