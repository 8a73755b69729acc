import { ClientMessages } from "@/lib/i18n/client-messages";
import { PETITIONER_CLIENT_NAMESPACES } from "@/lib/i18n/client-namespaces";

/** The client forms below need the viewer's catalog (one language, the petitioner's sections only). */
export default function Layout({ children }: { children: React.ReactNode }) {
  return <ClientMessages sections={PETITIONER_CLIENT_NAMESPACES}>{children}</ClientMessages>;
}
