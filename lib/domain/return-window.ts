// 退回 (条例第23条): a unit that is not the right one sends the case back within 5 working days of its
// arrival (returnDeadline sets returnDueAt, the end of that last working day). After it, the unit must decide.

/** Whether 退回 may happen at `at`; a case without a return deadline (never set) is not limited by it. */
export function isWithinReturnWindow(returnDueAt: Date | null, at: Date): boolean {
  return !returnDueAt || at.getTime() <= returnDueAt.getTime();
}
