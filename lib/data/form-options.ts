import "server-only";
import { db } from "@/lib/db";
import { ACCUSABLE_ONLINE } from "@/lib/domain/authority";

/**
 * The units a petitioner may name in an accusation, in this order: the county government, the bureau, the
 * departments, the townships. Short on purpose (villages, courts and the discipline organ are left to 登记);
 * an accusation against the government or the bureau starts at the discipline organ (initialUnitFor).
 */

/** Categories, townships and accusable units a petitioner can choose from. */
export async function findFilingOptions() {
  const [categories, townships, units] = await Promise.all([
    db.category.findMany({ where: { active: true }, orderBy: [{ sortOrder: "asc" }, { code: "asc" }], select: { id: true, name: true, kind: true } }),
    db.unit.findMany({ where: { kind: "TOWNSHIP", active: true }, orderBy: [{ sortOrder: "asc" }, { code: "asc" }], select: { id: true, name: true } }),
    db.unit.findMany({ where: { kind: { in: [...ACCUSABLE_ONLINE] }, active: true }, orderBy: [{ sortOrder: "asc" }, { code: "asc" }], select: { id: true, name: true, kind: true } }),
  ]);
  const rank = (kind: string) => (ACCUSABLE_ONLINE as readonly string[]).indexOf(kind);
  const accusableUnits = [...units].sort((a, b) => rank(a.kind) - rank(b.kind)).map((u) => ({ id: u.id, name: u.name }));
  return { categories, townships, accusableUnits };
}
