import "server-only";
import { CaseChangedError, ForbiddenError, NotFoundError } from "@/lib/data/errors";
import type { FormState } from "./form-state";

/** Turns the data layer's refusals into the message a petitioner reads; anything else is unexpected. */
export function refusal(e: unknown, values: Record<string, string | undefined>): FormState<never> {
  if (e instanceof CaseChangedError) return { status: "error", message: { key: "errors.stateChanged" }, fieldErrors: {}, values };
  if (e instanceof ForbiddenError || e instanceof NotFoundError) return { status: "error", message: { key: "track.expired" }, fieldErrors: {}, values };
  console.error("petitioner action failed:", e instanceof Error ? e.name : "unknown");
  return { status: "error", message: { key: "errors.unexpected" }, fieldErrors: {}, values };
}
