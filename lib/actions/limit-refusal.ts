import "server-only";
import { retryAfter } from "@/lib/domain/filing-limits";
import { toCivilDate } from "@/lib/domain/civil-date";
import { formatDateTime, formatTime, type MessageKey } from "@/lib/i18n";
import { refused, type FormState } from "./form-state";

/**
 * A refusal for a spent budget: says why and when to try again — "HH:mm" (Shanghai time) when that is today,
 * else the date too — and gives back what was typed so nothing is lost.
 */
export function limitRefusal(
  key: MessageKey,
  limit: number | undefined,
  at: Date,
  retryAfterMs: number,
  values: Record<string, string | undefined>,
): FormState<never> {
  const { retryAt, minutes } = retryAfter(at, retryAfterMs);
  const time = toCivilDate(retryAt) === toCivilDate(at) ? formatTime(retryAt) : formatDateTime(retryAt);
  return refused(key, values, { time, minutes, ...(limit === undefined ? {} : { limit }) });
}
