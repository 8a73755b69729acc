import "server-only";
import { db } from "@/lib/db";
import { ForbiddenError } from "@/lib/data/errors";
import type { StaffViewer } from "@/lib/domain/authority";
import { buildUnitTree } from "@/lib/domain/unit-tree";

/**
 * The admin's read-only overview: the unit tree and the staff accounts. Admins manage users and units and
 * never handle cases, so nothing here touches a petition or a petitioner (spec §1). Checks the viewer
 * itself: a page that forgot to would still get nothing.
 */
export async function findAdminOverview(viewer: StaffViewer) {
  if (viewer.role !== "admin") throw new ForbiddenError();
  const [units, users] = await Promise.all([
    db.unit.findMany({ select: { id: true, code: true, name: true, kind: true, parentId: true, sortOrder: true, active: true } }),
    db.user.findMany({
      // An explicit list: never the password hash, never the failure counter's history.
      select: { id: true, username: true, displayName: true, role: true, active: true, lockedUntil: true, unit: { select: { name: true } } },
      orderBy: { username: "asc" },
    }),
  ]);
  return { unitCount: units.length, unitTree: buildUnitTree(units), users };
}

export type AdminOverview = Awaited<ReturnType<typeof findAdminOverview>>;
export type AdminUnitNode = AdminOverview["unitTree"][number];
