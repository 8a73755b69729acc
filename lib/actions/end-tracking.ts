"use server";
import { redirect } from "next/navigation";
import { closePetitionerSession } from "@/lib/petitioner-session";

export async function endTracking(): Promise<void> {
  await closePetitionerSession();
  redirect("/track");
}
