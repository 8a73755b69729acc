// Minimal reference rows for integration tests on the real (SQLite) database: a bureau, two townships,
// a department and three categories. Each call makes new rows with unique codes, so test files can share
// one database without seeing each other's data.
import { randomUUID } from "node:crypto";
import { db } from "@/lib/db";
import { createPetition, type NewPetition } from "@/lib/data/petitions";

export async function makeReferenceData() {
  const tag = randomUUID().slice(0, 8);
  const mk = async (name: string, kind: "GOVERNMENT" | "BUREAU" | "DEPARTMENT" | "TOWNSHIP", parent?: { id: string; path: string }) => {
    const id = `u-${tag}-${name}`;
    return db.unit.create({ data: { id, code: `${tag}-${name}`, name: `${name}-${tag}`, kind, parentId: parent?.id ?? null, path: `${parent?.path ?? "/"}${id}/` } });
  };
  const gov = await mk("gov", "GOVERNMENT");
  const bureau = (await db.unit.findFirst({ where: { kind: "BUREAU" }, orderBy: { path: "asc" } })) ?? (await mk("bureau", "BUREAU", gov));
  const township = await mk("town", "TOWNSHIP", gov);
  const otherTownship = await mk("town2", "TOWNSHIP", gov);
  const department = await mk("dept", "DEPARTMENT", gov);
  const cat = (name: string, kind: "APPEAL" | "ACCUSATION" | "LEGAL") => db.category.create({ data: { code: `${tag}-${name}`, name: `${name}-${tag}`, kind } });
  const [appeal, accusation, legal] = [await cat("appeal", "APPEAL"), await cat("accusation", "ACCUSATION"), await cat("legal", "LEGAL")];
  return { bureau, township, otherTownship, department, categories: { appeal, accusation, legal } };
}

export const PERSON = {
  name: "测试人甲",
  phone: "13912345678",
  idNumber: "11010519491231002X",
  email: "tester@example.com",
  address: "示例县城关镇幸福路88号",
} as const;

type ReferenceData = Awaited<ReturnType<typeof makeReferenceData>>;

/** An online petition (an appeal about street lights from PERSON), with any field overridden. */
export function onlinePetition(ref: ReferenceData, over: Partial<NewPetition> = {}): NewPetition {
  return {
    channel: "ONLINE",
    categoryId: ref.categories.appeal.id,
    placeId: ref.township.id,
    title: "关于小区路灯长期不亮的问题",
    content: "小区东门到菜市场一段路灯已经坏了三个月，晚上出行很不安全，请有关部门尽快维修。",
    address: PERSON.address,
    petitionerName: PERSON.name,
    petitionerPhone: PERSON.phone,
    petitionerIdNumber: PERSON.idNumber,
    petitionerEmail: PERSON.email,
    consentPublic: true,
    receivedAt: new Date("2026-03-02T02:00:00Z"),
    ...over,
  };
}

/** Files `onlinePetition(ref, over)` as its petitioner would, in one transaction. */
export function fileOnline(ref: ReferenceData, over: Partial<NewPetition> = {}) {
  return db.$transaction((tx) => createPetition(tx, onlinePetition(ref, over), { type: "PETITIONER" }));
}
