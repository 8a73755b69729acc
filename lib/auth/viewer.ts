import "server-only";
import { cache } from "react";
import { redirect } from "next/navigation";
import { getServerSession } from "next-auth";
import { findStaffSessionUser } from "@/lib/data/staff-sessions";
import { ForbiddenError } from "@/lib/data/errors";
import type { StaffRole, StaffViewer } from "@/lib/domain/authority";
import { authOptions } from "./options";

export type Viewer = StaffViewer & { username: string; displayName: string; unitName: string };

/**
 * The signed-in staff member, re-read from the database once per request; null when signed out (here or
 * with another copy of the cookie), idle for 30 minutes, past the 10-hour limit, or deactivated.
 */
export const getViewer = cache(async (): Promise<Viewer | null> => {
  const session = (await getServerSession(authOptions)) as { uid?: string; sid?: string } | null;
  if (!session?.uid || !session.sid) return null;
  const user = await findStaffSessionUser(session.uid, session.sid);
  if (!user) return null;
  return {
    userId: user.id,
    username: user.username,
    displayName: user.displayName,
    role: user.role,
    unit: { id: user.unit.id, path: user.unit.path, kind: user.unit.kind },
    unitName: user.unit.name,
  };
});

/** For pages: the viewer, or a redirect to sign-in (or to the workspace when the role does not fit). */
export async function requireViewerPage(roles?: readonly StaffRole[]): Promise<Viewer> {
  const viewer = await getViewer();
  if (!viewer) redirect("/staff/login");
  if (roles && !roles.includes(viewer.role)) redirect("/staff");
  return viewer;
}

/** For actions and data functions: the viewer, or a ForbiddenError that writes nothing. */
export async function requireViewer(roles?: readonly StaffRole[]): Promise<Viewer> {
  const viewer = await getViewer();
  if (!viewer || (roles && !roles.includes(viewer.role))) throw new ForbiddenError();
  return viewer;
}
