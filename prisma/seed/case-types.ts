// The demo case's shapes, shared by the player (lifecycle.ts), the recorder (case-recorder.ts) and the
// inserter (insert.ts) — kept apart so that none of them imports another in a circle.
import type { HolidayCalendar } from "../../lib/domain/deadlines";
import type { Channel, PetitionState, Prisma } from "../../generated/prisma/client";
import type { ChainedRow } from "./chain-builder";
import type { CategoryDef } from "./categories";
import type { Person } from "./people";
import type { Random } from "./random";

export type CaseInput = {
  id: string;
  trackingNo: string;
  queryCodeHash: string;
  channel: Channel;
  category: CategoryDef;
  title: string;
  content: string;
  /** The township where the matter arose (public at that level only). */
  placeId: string;
  accusedUnitId: string | null;
  person: Person;
  address: string;
  consentPublic: boolean;
  personCount: number;
  /** 集体访 representatives (条例第20条: at most 5); the first one is the petitioner of record. */
  representatives: readonly Person[];
  sourceDocNo: string | null;
  receivedAt: Date;
  repeatOfId: string | null;
};

type PetitionInput = Prisma.PetitionCreateManyInput;
/** The petition row as the seed builds it: every instant a Date (Prisma would also take strings). */
export type PetitionRow = {
  [K in keyof PetitionInput]: Date extends PetitionInput[K] ? Exclude<PetitionInput[K], string> : PetitionInput[K];
} & {
  id: string;
  state: PetitionState;
};

export type BuiltCase = {
  petition: PetitionRow;
  representatives: Prisma.RepresentativeCreateManyInput[];
  events: ChainedRow[];
  /** 申请延期 records, one per EXTENSION_REQUESTED event, decided by the approval or rejection that followed. */
  extensionRequests: Prisma.ExtensionRequestCreateManyInput[];
  /** 督办 orders, one per SUPERVISED event, answered or marked overdue by the events that followed. */
  supervisionOrders: Prisma.SupervisionOrderCreateManyInput[];
};

export type SimContext = { now: Date; cal: HolidayCalendar; rnd: Random };
