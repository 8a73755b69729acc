import { NotFoundNotice } from "@/components/ui/not-found-notice";
import { PublicFrame } from "@/components/ui/public-frame";

// proxy.ts answers unknown numbers before the page runs (app/global-not-found.tsx); this stays for a case the
// page itself cannot find.
export default function CaseNotFound() {
  return (
    <PublicFrame path="/">
      <NotFoundNotice of="case" />
    </PublicFrame>
  );
}
