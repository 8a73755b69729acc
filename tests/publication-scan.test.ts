// What the server checks before anything is made public (公开答复, 公开进展): every value the case records about
// people — the petitioner's and each representative's name, phone and ID number, the e-mail, and the address
// with its partial forms — not only the petitioner's name and exact address. A refusal writes nothing.
import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { createPetition } from "@/lib/data/petitions";
import * as A from "@/lib/data/staff-case-actions";
import { findStaffCase } from "@/lib/data/staff-case";
import { RuleError } from "@/lib/data/errors";
import { scanPersonalData, knownPersonalDataOf } from "@/lib/domain/personal-data-scanner";
import type { StaffViewer } from "@/lib/domain/authority";
import { makeReferenceData, staff } from "./factories";

const TAG = `公开检查${randomUUID().slice(0, 6)}`;
const PETITIONER = {
  name: "赵大海",
  phone: "13611112222",
  idNumber: "11010519491231002X",
  email: "zhaodahai@example.com",
  address: "示例县城关镇幸福路88号",
};
const REPS = [
  { name: "欧阳娜娜", phone: "13733334444", idNumber: "110101199003074514" },
  { name: "钱小山", phone: "0571-87654321" },
];

let ref: Awaited<ReturnType<typeof makeReferenceData>>;
let bureauHandler: StaffViewer;
let deptHandler: StaffViewer;
let caseId: string;
let version: number;

beforeAll(async () => {
  ref = await makeReferenceData();
  bureauHandler = await staff("handler", ref.bureau, { name: "bh" });
  deptHandler = await staff("handler", ref.department, { name: "dh" });
  // A collective visit (条例第20条): five persons, two representatives; consented to publication.
  const c = await db.$transaction((tx) =>
    createPetition(
      tx,
      {
        channel: "VISIT",
        categoryId: ref.categories.appeal.id,
        placeId: ref.township.id,
        title: `${TAG} 幸福路88号一带路灯不亮`,
        content: "五户居民集体反映路灯长期不亮，代表欧阳娜娜、钱小山到场，电话13733334444。",
        address: PETITIONER.address,
        petitionerName: PETITIONER.name,
        petitionerPhone: PETITIONER.phone,
        petitionerIdNumber: PETITIONER.idNumber,
        petitionerEmail: PETITIONER.email,
        consentPublic: true,
        personCount: 5,
        representatives: REPS,
        receivedAt: new Date("2026-03-02T02:00:00Z"),
      },
      { type: "STAFF", userId: bureauHandler.userId, unitId: ref.bureau.id },
    ),
  );
  caseId = c.id;
  await A.routeCase(bureauHandler, {
    petitionId: caseId,
    expectedVersion: 1,
    at: new Date("2026-03-03T02:00:00Z"),
    targetUnitId: ref.department.id,
    note: "",
  });
  await A.acceptCase(deptHandler, { petitionId: caseId, expectedVersion: 2, at: new Date("2026-03-04T02:00:00Z") });
  version = 3;
});

const snapshot = async () => ({
  row: await db.petition.findUniqueOrThrow({ where: { id: caseId } }),
  events: await db.petitionEvent.count({ where: { petitionId: caseId } }),
});
const at = new Date("2026-03-05T02:00:00Z");

// Each slipped past the old check (petitioner's name and exact address only).
const LEAKS = [
  "已与代表欧阳娜娜沟通", // a representative's name
  "已与代表欧阳 娜娜沟通", // spaced out
  "钱小山已到现场", // the second representative
  "已到幸福路88号查看", // the street and number of the address
  "已到城关镇幸福路88号查看", // the address without its county
  "已致电0571 8765 4321", // a representative's landline as written by hand
  "请拨打（0571）87654321", // … in brackets
  "已致电００８６１３７３３３３４４４４", // a representative's mobile, full-width with 0086
  "身份证号110101199003074514已核验", // a representative's ID number
  "赵 大 海反映的问题已处理", // the petitioner's name spaced out
];

describe("公开进展 is checked against everything the case records", () => {
  it.each(LEAKS)("refuses %j and writes nothing", async (text) => {
    const before = await snapshot();
    const e = await A.addPublicNote(deptHandler, { petitionId: caseId, expectedVersion: version, at, text }).catch(
      (x: unknown) => x,
    );
    expect(e).toBeInstanceOf(RuleError);
    expect((e as RuleError).key).toBe("publish.personalData");
    expect(await snapshot()).toEqual(before);
  });

  it("takes a note without personal data", async () => {
    await A.addPublicNote(deptHandler, {
      petitionId: caseId,
      expectedVersion: version,
      at,
      text: "已安排人员现场查看，路灯将于本周内修复",
    });
    version += 1;
  });
});

describe("公开答复 is checked the same way, in every text", () => {
  beforeAll(async () => {
    await A.replyCase(deptHandler, {
      petitionId: caseId,
      expectedVersion: version,
      at: new Date("2026-03-10T02:00:00Z"),
      outcome: "SUPPORT",
      replyText: "经核查，路灯线路老化，已更换。",
    });
    version += 1;
  });

  it.each(LEAKS)("refuses %j in the title, the summary or the reply", async (leak) => {
    const clean = {
      publicTitle: "关于路灯不亮的问题",
      publicSummary: "居民反映路灯长期不亮。",
      publicReply: "已更换老化线路。",
    };
    for (const field of ["publicTitle", "publicSummary", "publicReply"] as const) {
      const before = await snapshot();
      const e = await A.publishCase(deptHandler, {
        petitionId: caseId,
        expectedVersion: version,
        at,
        ...clean,
        [field]: leak,
      }).catch((x: unknown) => x);
      expect((e as RuleError).key, field).toBe("publish.personalData");
      expect(await snapshot()).toEqual(before);
    }
  });

  it("the page's masked draft passes the server's check, and publishes", async () => {
    const page = await findStaffCase(deptHandler, caseId);
    const draft = page!.forms.publishDraft;
    const known = knownPersonalDataOf({
      ...PETITIONER,
      petitionerName: PETITIONER.name,
      petitionerPhone: PETITIONER.phone,
      petitionerIdNumber: PETITIONER.idNumber,
      petitionerEmail: PETITIONER.email,
      representatives: REPS,
    });
    for (const text of [draft.title, draft.summary, draft.reply]) expect(scanPersonalData(text, known)).toEqual([]);
    expect(draft.title).not.toContain("幸福路88号");
    expect(draft.summary).not.toContain("欧阳娜娜");
    await A.publishCase(deptHandler, {
      petitionId: caseId,
      expectedVersion: version,
      at,
      publicTitle: draft.title,
      publicSummary: draft.summary,
      publicReply: draft.reply,
    });
    expect((await db.petition.findUniqueOrThrow({ where: { id: caseId } })).publishedAt).toEqual(at);
  });
});
