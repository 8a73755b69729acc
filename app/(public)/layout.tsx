import { PublicFrame } from "@/components/ui/public-frame";

export default function PublicLayout({ children }: { children: React.ReactNode }) {
  return <PublicFrame>{children}</PublicFrame>;
}
