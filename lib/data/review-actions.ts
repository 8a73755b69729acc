import "server-only";
import type { StaffViewer } from "@/lib/domain/authority";
import { linkRepeatEffect, recheckReplyEffect, reviewReplyEffect } from "@/lib/domain/case-effects";
import { outcomesFor, type Outcome } from "@/lib/domain/petition-rules";
import { isUpheld, mayLinkRepeat } from "@/lib/domain/review-chain";
import { normalizeTrackingNo, parseTrackingNo } from "@/lib/domain/tracking";
import type { Tx } from "@/lib/db";
import { loadCalendar } from "./calendar";
import { RuleError } from "./errors";
import { loadSettings } from "./settings";
import { act, staff, type Common } from "./staff-act";

// The reviewing bodies' answers (复查 条例第35条, 复核 第36条) and the 重复信访 link. Each through changeCase: the
// viewer's authority over the case as stored — the scope that holds its current unit, which for a case in 复查 or
// 复核 is the reviewing body's, so the unit that handled it first no longer sees it — then the rule re-checked inside
// the transaction, then the change and its events. A refusal writes nothing.

type Answer = Common & { outcome: Outcome; text: string };

async function answerFacts(tx: Tx, petitionId: string) {
  return tx.petition.findUniqueOrThrow({
    where: { id: petitionId },
    select: { outcome: true, reviewOutcome: true },
  });
}

/**
 * 复查答复 (条例第35条): the reviewing body's own outcome (by category kind) and text, kept as fields for the
 * petitioner. The PUBLIC event says only whether the original outcome was upheld, and the new outcome: its note
 * stays empty. The 复核 window and a new evaluation window open.
 */
export function reviewReply(viewer: StaffViewer, c: Answer) {
  return act(viewer, "reviewReply", c, async (row, tx) => {
    if (!outcomesFor(row.category.kind).includes(c.outcome)) throw new RuleError("review.outcome");
    const [facts, cal, settings] = [await answerFacts(tx, row.id), await loadCalendar(tx), await loadSettings(tx)];
    return {
      data: reviewReplyEffect(c.at, c.outcome, c.text, cal, settings.evaluationWindowDays),
      event: {
        type: "REVIEW_REPLIED",
        ...staff(viewer, row.currentUnitId, c.at),
        data: { upheld: isUpheld(c.outcome, facts.outcome), outcome: c.outcome },
      },
    };
  });
}

/** 复核答复 (条例第36条): final. `upheld` compares with the 复查 answer's outcome, the decision under re-review. */
export function recheckReply(viewer: StaffViewer, c: Answer) {
  return act(viewer, "recheckReply", c, async (row, tx) => {
    if (!outcomesFor(row.category.kind).includes(c.outcome)) throw new RuleError("review.outcome");
    const [facts, cal, settings] = [await answerFacts(tx, row.id), await loadCalendar(tx), await loadSettings(tx)];
    return {
      data: recheckReplyEffect(c.at, c.outcome, c.text, cal, settings.evaluationWindowDays),
      event: {
        type: "RECHECK_REPLIED",
        ...staff(viewer, row.currentUnitId, c.at),
        data: { upheld: isUpheld(c.outcome, facts.reviewOutcome ?? facts.outcome), outcome: c.outcome },
      },
    };
  });
}

/**
 * 重复信访 (条例第36条): staff link a new petition to the FINAL case on the same facts and reasons — by its tracking
 * number, which must name a final case. Once, at the first instance. INTERNAL: the public never sees the link.
 */
export function linkRepeat(viewer: StaffViewer, c: Common & { trackingNo: string }) {
  return act(viewer, "linkRepeat", c, async (row, tx) => {
    const current = await tx.petition.findUniqueOrThrow({ where: { id: row.id }, select: { isRepeat: true } });
    if (current.isRepeat) throw new RuleError("repeat.already");
    if (!mayLinkRepeat({ state: row.state, isRepeat: false })) throw new RuleError("repeat.notNow");
    const trackingNo = normalizeTrackingNo(c.trackingNo);
    const target = parseTrackingNo(trackingNo)
      ? await tx.petition.findUnique({ where: { trackingNo }, select: { id: true, state: true, trackingNo: true } })
      : null;
    if (!target || target.id === row.id) throw new RuleError("repeat.unknown");
    if (target.state !== "FINAL") throw new RuleError("repeat.notFinal");
    return {
      data: linkRepeatEffect(target.id),
      event: {
        type: "REPEAT_LINKED",
        ...staff(viewer, row.currentUnitId, c.at),
        data: { ofPetitionId: target.id, ofTrackingNo: target.trackingNo },
      },
    };
  });
}
