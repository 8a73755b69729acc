import "server-only";
import { db } from "@/lib/db";

/** Categories and townships a petitioner can choose from. */
export async function findFilingOptions() {
  const [categories, townships] = await Promise.all([
    db.category.findMany({ where: { active: true }, orderBy: [{ sortOrder: "asc" }, { code: "asc" }], select: { id: true, name: true, kind: true } }),
    db.unit.findMany({ where: { kind: "TOWNSHIP", active: true }, orderBy: [{ sortOrder: "asc" }, { code: "asc" }], select: { id: true, name: true } }),
  ]);
  return { categories, townships };
}
