// The signed-in staff member for tests of server actions. The actions read the viewer from next-auth and revalidate
// Next's cache; neither exists in a test process, so the viewer is whoever the test says, revalidation is a no-op
// and a redirect is thrown (with `redirectTo`).
//
//   const session = mockStaffSession();                            // before the actions are imported
//   const actions = await import("@/lib/actions/staff/case-actions");
//   session.viewer = { ...viewer, username: "u", displayName: "…", unitName: "…" };
import { vi } from "vitest";
import { ForbiddenError } from "@/lib/data/errors";
import type { StaffViewer } from "@/lib/domain/authority";

export type SessionViewer = StaffViewer & { username: string; displayName: string; unitName: string };

/**
 * Mocks next/cache, next/navigation and lib/auth/viewer for every module imported from now on (vi.doMock: import the
 * server actions dynamically after this call) and returns the session whose `viewer` requireViewer answers with.
 */
export function mockStaffSession(): { viewer: SessionViewer | null } {
  const session: { viewer: SessionViewer | null } = { viewer: null };
  vi.doMock("next/cache", () => ({ revalidatePath: () => undefined }));
  vi.doMock("next/navigation", () => ({
    redirect: (to: string) => {
      throw Object.assign(new Error("redirect"), { redirectTo: to });
    },
  }));
  vi.doMock("@/lib/auth/viewer", () => ({
    requireViewer: async (roles?: readonly string[]) => {
      if (!session.viewer || (roles && !roles.includes(session.viewer.role))) throw new ForbiddenError();
      return session.viewer;
    },
  }));
  return session;
}
