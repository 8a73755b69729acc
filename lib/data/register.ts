import { countMetric } from "@/lib/metrics";
import "server-only";
import { db } from "@/lib/db";
import { canRegister, mayBeAccused, type StaffViewer } from "@/lib/domain/authority";
import { endOfCivilDay, type CivilDate } from "@/lib/domain/civil-date";
import { isConfidentialKind } from "@/lib/domain/petition-rules";
import { checkRegistration, keepApplicable, type RegisterChannel, type RegistrationProblems, type Representative } from "@/lib/domain/registration";
import { createPetition } from "./petitions";
import { REGISTRATION_PROBLEM_MESSAGE } from "@/lib/validation/register";
import type { MessageKey } from "@/lib/i18n";
import { caseTransaction } from "./public-pages";
import { FieldsRefusedError, ForbiddenError, InvalidReferenceError } from "./errors";

// 登记: the bureau's staff record a petition that came by letter, visit, call, fax or from a higher level.
// Authority → rules → one transaction (the case, its representatives, its REGISTERED event) — or nothing.

export type RegisterPetitionInput = {
  channel: RegisterChannel;
  receivedAt: Date;
  categoryId: string;
  placeId: string;
  title: string;
  content: string;
  address: string;
  name: string;
  phone?: string;
  idNumber?: string;
  email?: string;
  consentPublic: boolean;
  /** Kept only for 检举控告; a stale choice left on another category is dropped. */
  accusedUnitId?: string;
  personCount: number;
  representatives: readonly Representative[];
  sourceDocNo?: string;
  feedbackDueDate?: CivilDate;
};

export type Registered = {
  trackingNo: string;
  /** In clear, once: for the receipt. */
  queryCode: string;
  channel: RegisterChannel;
  receivedAt: Date;
  registeredAt: Date;
  routeDueAt: Date;
  unitName: string;
  personCount: number;
  isCollective: boolean;
};

/** The rules of lib/domain/registration.ts refused the input; nothing was written. Each problem is its field's message. */
export class RegistrationRefusedError extends FieldsRefusedError {
  constructor(readonly problems: RegistrationProblems) {
    const fields: Record<string, MessageKey> = {};
    for (const [field, problem] of Object.entries(problems)) fields[field] = REGISTRATION_PROBLEM_MESSAGE[problem];
    super(fields, "registration refused");
  }
}

/** Registers a petition at the bureau. Throws ForbiddenError, RegistrationRefusedError or InvalidReferenceError, writing nothing. */
export async function registerPetition(viewer: StaffViewer, input: RegisterPetitionInput, at: Date): Promise<Registered> {
  if (!canRegister(viewer)) throw new ForbiddenError();
  const facts = keepApplicable(input);
  const problems = checkRegistration(facts, at);
  if (Object.keys(problems).length > 0) throw new RegistrationRefusedError(problems);

  const registered = await caseTransaction(async (tx) => {
    // Authority as the database says now, not as the caller's copy says: a user deactivated or moved to
    // another unit since signing in registers nothing.
    const actor = await tx.user.findUnique({
      where: { id: viewer.userId },
      select: { id: true, role: true, active: true, unit: { select: { id: true, kind: true, active: true } } },
    });
    if (!actor || !actor.active || !actor.unit.active || !canRegister(actor)) throw new ForbiddenError();
    const category = await tx.category.findFirst({ where: { id: facts.categoryId, active: true }, select: { kind: true } });
    if (!category) throw new InvalidReferenceError("categoryId");

    const created = await createPetition(
      tx,
      {
        channel: facts.channel,
        categoryId: facts.categoryId,
        placeId: facts.placeId,
        title: facts.title,
        content: facts.content,
        address: facts.address,
        petitionerName: facts.name,
        petitionerPhone: facts.phone,
        petitionerIdNumber: facts.idNumber,
        petitionerEmail: facts.email,
        consentPublic: facts.consentPublic,
        personCount: facts.personCount,
        representatives: facts.representatives,
        sourceDocNo: facts.sourceDocNo,
        feedbackDueAt: facts.feedbackDueDate ? endOfCivilDay(facts.feedbackDueDate) : undefined,
        accusedUnitId: isConfidentialKind(category.kind) ? facts.accusedUnitId : undefined,
        receivedAt: facts.receivedAt,
        registeredAt: at,
      },
      { type: "STAFF", userId: actor.id, unitId: actor.unit.id },
    );
    const row = await tx.petition.findUniqueOrThrow({
      where: { id: created.id },
      select: { personCount: true, isCollective: true, currentUnit: { select: { name: true } } },
    });
    return {
      trackingNo: created.trackingNo,
      queryCode: created.queryCode,
      channel: facts.channel,
      receivedAt: facts.receivedAt,
      registeredAt: at,
      routeDueAt: created.routeDueAt,
      unitName: row.currentUnit.name,
      personCount: row.personCount,
      isCollective: row.isCollective,
    };
  });
  countMetric("filings", { channel: input.channel }); // committed
  return registered;
}

const UNIT_KIND_ORDER = ["GOVERNMENT", "BUREAU", "DEPARTMENT", "LEGAL", "DISCIPLINE", "TOWNSHIP", "VILLAGE"] as const;

/** The lists of the 登记 form: categories (with their kind), townships, and every active unit an accusation may name. */
export async function findRegisterOptions(viewer: StaffViewer) {
  if (!canRegister(viewer)) throw new ForbiddenError();
  const [categories, townships, units] = await Promise.all([
    db.category.findMany({ where: { active: true }, orderBy: [{ sortOrder: "asc" }, { code: "asc" }], select: { id: true, name: true, kind: true } }),
    db.unit.findMany({ where: { kind: "TOWNSHIP", active: true }, orderBy: [{ sortOrder: "asc" }, { code: "asc" }], select: { id: true, name: true } }),
    db.unit.findMany({
      // The county government and the bureau included: such an accusation starts at the discipline organ
      // (createPetition, initialUnitFor); which kinds may be named at all is lib/domain's mayBeAccused.
      where: { active: true, kind: { in: UNIT_KIND_ORDER.filter(mayBeAccused) } },
      orderBy: [{ sortOrder: "asc" }, { code: "asc" }],
      select: { id: true, name: true, kind: true, parent: { select: { name: true, kind: true } } },
    }),
  ]);
  const rank = (u: (typeof units)[number]) => UNIT_KIND_ORDER.indexOf(u.kind);
  const accusable = [...units]
    .sort((a, b) => rank(a) - rank(b))
    // A village is named with its township: there may be a 东关村 in two townships.
    .map((u) => ({ id: u.id, name: u.kind === "VILLAGE" && u.parent ? `${u.parent.name} ${u.name}` : u.name }));
  return { categories, townships, units: accusable };
}
