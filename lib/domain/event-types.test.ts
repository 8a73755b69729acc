import { describe, expect, it } from "vitest";
import {
  EVENT_TYPES,
  EVENT_VISIBILITY,
  visibilitiesFor,
  visibleTo,
  type EventType,
  type Visibility,
} from "./event-types";

const AUDIENCES = ["public", "petitioner", "staff"] as const;
const VISIBILITIES: Visibility[] = ["PUBLIC", "PETITIONER", "INTERNAL"];

describe("visibleTo", () => {
  // spec §4: PUBLIC → everyone; PETITIONER → the petitioner and staff; INTERNAL → staff only.
  const table: Record<Visibility, Record<(typeof AUDIENCES)[number], boolean>> = {
    PUBLIC: { public: true, petitioner: true, staff: true },
    PETITIONER: { public: false, petitioner: true, staff: true },
    INTERNAL: { public: false, petitioner: false, staff: true },
  };

  for (const v of VISIBILITIES) {
    for (const a of AUDIENCES) {
      it(`${v} is ${table[v][a] ? "" : "not "}visible to ${a}`, () => {
        expect(visibleTo(v, a)).toBe(table[v][a]);
      });
    }
  }
});

describe("visibilitiesFor", () => {
  it("public sees only PUBLIC events", () => {
    expect(visibilitiesFor("public")).toEqual(["PUBLIC"]);
  });

  it("the petitioner sees PUBLIC and PETITIONER events, never INTERNAL", () => {
    expect(visibilitiesFor("petitioner")).toEqual(["PUBLIC", "PETITIONER"]);
  });

  it("staff see everything", () => {
    expect(visibilitiesFor("staff")).toEqual(["PUBLIC", "PETITIONER", "INTERNAL"]);
  });

  it("each audience sees a superset of the one before it", () => {
    const pub = new Set(visibilitiesFor("public"));
    const pet = new Set(visibilitiesFor("petitioner"));
    const staff = new Set(visibilitiesFor("staff"));
    for (const v of pub) expect(pet.has(v)).toBe(true);
    for (const v of pet) expect(staff.has(v)).toBe(true);
  });
});

describe("EVENT_TYPES", () => {
  it("lists every key of EVENT_VISIBILITY once", () => {
    expect([...EVENT_TYPES].sort()).toEqual(Object.keys(EVENT_VISIBILITY).sort());
    expect(new Set(EVENT_TYPES).size).toBe(EVENT_TYPES.length);
  });

  it("every event type has one of the three visibilities", () => {
    for (const t of EVENT_TYPES) expect(VISIBILITIES, t).toContain(EVENT_VISIBILITY[t]);
  });

  it("includes an event for every step of the life cycle (spec §3, §4)", () => {
    const required: string[] = [
      "SUBMITTED",
      "REGISTERED",
      "ROUTED",
      "RETURNED",
      "ACCEPTED",
      "NOT_ACCEPTED",
      "ASSIGNED",
      "NOTE_INTERNAL",
      "NOTE_PUBLIC",
      "INFO_REQUESTED",
      "SUPPLEMENTED",
      "WITHDRAWN",
      "EXTENSION_REQUESTED",
      "EXTENSION_APPROVED",
      "EXTENSION_REJECTED",
      "REPLIED",
      "PUBLISHED",
      "SUPERVISED",
      "EVALUATED",
      "REVIEW_REQUESTED",
      "REVIEW_REPLIED",
      "RECHECK_REQUESTED",
      "RECHECK_REPLIED",
      "CLOSED",
    ];
    for (const t of required) expect(EVENT_TYPES as string[]).toContain(t);
  });
});

describe("what each audience sees (spec §4–§5)", () => {
  const vis = (t: EventType) => EVENT_VISIBILITY[t];

  it("staff-only facts are INTERNAL: assignment (staff identities), internal notes, extension requests and refusals", () => {
    for (const t of ["ASSIGNED", "NOTE_INTERNAL", "EXTENSION_REQUESTED", "EXTENSION_REJECTED"] as const) {
      expect(vis(t), t).toBe("INTERNAL");
    }
  });

  it("the petitioner sees what concerns them: information requests, their material, not-accepted reasons, approved extensions (条例第34条)", () => {
    for (const t of [
      "INFO_REQUESTED",
      "SUPPLEMENTED",
      "NOT_ACCEPTED_REASON",
      "EXTENSION_APPROVED",
      "WITHDRAWAL_REASON",
    ] as const) {
      expect(visibleTo(vis(t), "petitioner"), t).toBe(true);
    }
  });

  it("the petitioner's own material and reasons are never public (they may hold personal data)", () => {
    for (const t of ["SUPPLEMENTED", "WITHDRAWAL_REASON", "NOT_ACCEPTED_REASON", "INFO_REQUESTED"] as const) {
      expect(visibleTo(vis(t), "public"), t).toBe(false);
    }
  });

  it("the accountability record is PUBLIC: filing, routing, acceptance, reply, supervision issued, evaluation, review, recheck, closing", () => {
    for (const t of [
      "SUBMITTED",
      "REGISTERED",
      "ROUTED",
      "RETURNED",
      "ACCEPTED",
      "NOT_ACCEPTED",
      "NOTE_PUBLIC",
      "WITHDRAWN",
      "REPLIED",
      "PUBLISHED",
      "SUPERVISED",
      "EVALUATED",
      "REVIEW_REQUESTED",
      "REVIEW_REPLIED",
      "RECHECK_REQUESTED",
      "RECHECK_REPLIED",
      "CLOSED",
    ] as const) {
      expect(vis(t), t).toBe("PUBLIC");
    }
  });
});
