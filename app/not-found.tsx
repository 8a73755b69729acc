import { headers } from "next/headers";
import { NOT_FOUND_OF_HEADER, notFoundOf } from "@/lib/http/not-found";
import { PublicFrame } from "@/components/ui/public-frame";
import { NotFoundNotice } from "@/components/ui/not-found-notice";

/** Every unmatched URL, and what proxy.ts rewrites here (malformed URLs, unknown case numbers): rendered
 *  into the HTML, so the 404 reads the same with JavaScript off. */
export default async function NotFound() {
  const of = notFoundOf((await headers()).get(NOT_FOUND_OF_HEADER));
  return (
    <PublicFrame>
      <NotFoundNotice of={of} />
    </PublicFrame>
  );
}
