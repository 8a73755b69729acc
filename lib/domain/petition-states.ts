// The case life cycle (spec §3): states, actions, and which role may take which action in which state.
// The UI draws its buttons from `availableActions`; the data layer re-checks `transitionFor` inside the
// transaction. Nothing else decides what may happen to a case.

export const STATES = [
  "SUBMITTED", // 待受理
  "ACCEPTED", // 办理中
  "NOT_ACCEPTED", // 不予受理
  "REPLIED", // 已答复
  "IN_REVIEW", // 复查中
  "REVIEWED", // 已复查
  "IN_RECHECK", // 复核中
  "FINAL", // 已终结
  "CLOSED", // 已办结
  "WITHDRAWN", // 已撤回
] as const;
export type PetitionState = (typeof STATES)[number];

export const TERMINAL_STATES: ReadonlySet<PetitionState> = new Set(["NOT_ACCEPTED", "FINAL", "CLOSED", "WITHDRAWN"]);

/**
 * The open states: the case waits for staff, and a deadline runs (lib/domain/current-deadline.ts) — 待受理,
 * 办理中, 复查中, 复核中. The one list that means "open": the queue's deadline tabs, the home page's figures
 * and the transition table all read it.
 */
export const OPEN_STATES: readonly PetitionState[] = ["SUBMITTED", "ACCEPTED", "IN_REVIEW", "IN_RECHECK"];

export function isOpen(state: PetitionState): boolean {
  return OPEN_STATES.includes(state);
}

/** Who acts. Staff roles match the User.role column; `petitioner` holds the query code; `system` is the scheduler. */
export type ActorRole = "petitioner" | "handler" | "supervisor" | "admin" | "system";
export const ACTOR_ROLES: readonly ActorRole[] = ["petitioner", "handler", "supervisor", "admin", "system"];

export const ACTIONS = [
  "route", // 转送/交办 (bureau → unit)
  "return", // 退回 (unit → bureau, ≤ 5 working days)
  "accept", // 受理
  "notAccept", // 不予受理
  "assign", // 分派
  "internalNote", // 内部备注
  "publicNote", // 公开进展
  "requestInfo", // 要求补充材料
  "supplement", // 信访人补充材料
  "withdraw", // 信访人撤回
  "requestExtension", // 申请延期
  "approveExtension", // 批准延期
  "rejectExtension", // 不批准延期
  "reply", // 答复
  "publish", // 公开（脱敏文本经审核）
  "supervise", // 督办 (a supervision order)
  "answerSupervision", // 督办答复 (the unit answers an order in writing)
  "escalateSupervision", // 督办升级 (a stronger measure replaces an order)
  "takeCharge", // 领导包案
  "endCharge", // 包案结束（化解 or not）
  "evaluate", // 评价
  "requestReview", // 申请复查
  "reviewReply", // 复查答复
  "requestRecheck", // 申请复核
  "recheckReply", // 复核答复
  "close", // 办结
  "linkRepeat", // 关联已终结案件（重复信访）
  // The deadline job's actions (lib/data/deadline-pass.ts), taken by "system" only:
  "markOverdue", // a running deadline (or the 上级交办 feedback deadline) passed: one OVERDUE event
  "markOrderOverdue", // a supervision order's answer deadline passed unanswered
  "expireEvaluation", // the evaluation window closed without an evaluation
] as const;
export type PetitionAction = (typeof ACTIONS)[number];

export type Transition = {
  from: readonly PetitionState[];
  /** The state after the action; `null` = the state does not change. */
  to: PetitionState | null;
  roles: readonly ActorRole[];
};

const OPEN = OPEN_STATES;
const ANSWERED: readonly PetitionState[] = ["REPLIED", "REVIEWED", "FINAL", "CLOSED"];
const STAFF: readonly ActorRole[] = ["handler", "supervisor"];
const SYSTEM: readonly ActorRole[] = ["system"];

export const TRANSITIONS: Readonly<Record<PetitionAction, Transition>> = {
  route: { from: ["SUBMITTED"], to: null, roles: STAFF },
  return: { from: ["SUBMITTED"], to: null, roles: STAFF },
  accept: { from: ["SUBMITTED"], to: "ACCEPTED", roles: STAFF },
  notAccept: { from: ["SUBMITTED"], to: "NOT_ACCEPTED", roles: STAFF },
  assign: { from: OPEN, to: null, roles: STAFF },
  internalNote: { from: STATES, to: null, roles: STAFF },
  publicNote: { from: OPEN, to: null, roles: STAFF },
  requestInfo: { from: OPEN, to: null, roles: STAFF },
  // Wherever staff may request information, the petitioner must be able to supply it (复查/复核 too).
  supplement: { from: OPEN, to: null, roles: ["petitioner"] },
  withdraw: { from: ["SUBMITTED", "ACCEPTED"], to: "WITHDRAWN", roles: ["petitioner"] },
  requestExtension: { from: ["ACCEPTED"], to: null, roles: ["handler"] },
  approveExtension: { from: ["ACCEPTED"], to: null, roles: ["supervisor"] },
  rejectExtension: { from: ["ACCEPTED"], to: null, roles: ["supervisor"] },
  reply: { from: ["ACCEPTED"], to: "REPLIED", roles: STAFF },
  publish: { from: ANSWERED, to: null, roles: STAFF },
  supervise: { from: OPEN, to: null, roles: ["supervisor"] },
  // An order outlives the stage it was issued in: the unit still owes its written answer after replying.
  answerSupervision: { from: STATES, to: null, roles: STAFF },
  escalateSupervision: { from: OPEN, to: null, roles: ["supervisor"] },
  takeCharge: { from: OPEN, to: null, roles: ["supervisor"] },
  endCharge: { from: STATES, to: null, roles: ["supervisor"] },
  // The window (lib/domain/evaluation-rule.ts) decides; a case closed by its lapsed review window may still be rated.
  evaluate: { from: ANSWERED, to: null, roles: ["petitioner"] },
  requestReview: { from: ["REPLIED"], to: "IN_REVIEW", roles: ["petitioner"] },
  reviewReply: { from: ["IN_REVIEW"], to: "REVIEWED", roles: STAFF },
  requestRecheck: { from: ["REVIEWED"], to: "IN_RECHECK", roles: ["petitioner"] },
  recheckReply: { from: ["IN_RECHECK"], to: "FINAL", roles: STAFF },
  close: { from: ["REPLIED", "REVIEWED"], to: "CLOSED", roles: ["system", "petitioner"] },
  linkRepeat: { from: STATES, to: null, roles: STAFF },
  markOverdue: { from: OPEN, to: null, roles: SYSTEM },
  markOrderOverdue: { from: STATES, to: null, roles: SYSTEM },
  // A reply's window may close while its 复查 runs: the unused window still counts (参评率, spec §6).
  expireEvaluation: { from: [...ANSWERED, "IN_REVIEW", "IN_RECHECK"], to: null, roles: SYSTEM },
};

export function isPetitionState(value: unknown): value is PetitionState {
  return typeof value === "string" && (STATES as readonly string[]).includes(value);
}

/** The state after `action`, or null when the action is not allowed for this role in this state. */
export function transitionFor(
  state: PetitionState,
  action: PetitionAction,
  role: ActorRole,
): { to: PetitionState } | null {
  const t = TRANSITIONS[action];
  if (!t.from.includes(state) || !t.roles.includes(role)) return null;
  return { to: t.to ?? state };
}

export function canTake(state: PetitionState, action: PetitionAction, role: ActorRole): boolean {
  return transitionFor(state, action, role) !== null;
}

/** The actions a role may take in a state, in the table's order (the order buttons are drawn in). */
export function availableActions(state: PetitionState, role: ActorRole): PetitionAction[] {
  return ACTIONS.filter((a) => canTake(state, a, role));
}

export function isTerminal(state: PetitionState): boolean {
  return TERMINAL_STATES.has(state);
}
