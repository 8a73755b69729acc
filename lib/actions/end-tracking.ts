"use server";
import { redirect } from "next/navigation";
import { closePetitionerSession } from "@/lib/petitioner-session";
import { formLocale } from "@/lib/i18n/form-locale";
import { localePath } from "@/lib/i18n/locale-path";

export async function endTracking(form: FormData): Promise<void> {
  await closePetitionerSession();
  redirect(localePath(formLocale(form), "/track"));
}
