import { ClientMessages } from "@/lib/i18n/client-messages";

/** The client forms below need the viewer's catalog (one language only). */
export default function Layout({ children }: { children: React.ReactNode }) {
  return <ClientMessages>{children}</ClientMessages>;
}
