import { NotFoundNotice } from "@/components/ui/not-found-notice";

// proxy.ts answers unknown numbers before the page runs (app/not-found.tsx); this stays for a case the
// page itself cannot find.
export default function CaseNotFound() {
  return <NotFoundNotice of="case" />;
}
