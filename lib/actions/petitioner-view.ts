import { revalidatePath } from "next/cache";

/** After a petitioner's action: the petitioner's view (/track/case, /en/track/case) is rendered again in the answer. */
export function refreshPetitionerView(): void {
  revalidatePath("/[locale]/track/case", "page");
}
