import "server-only";
import type { Tx } from "@/lib/db";
import { knownPersonalDataOf, type KnownPersonalData } from "@/lib/domain/personal-data-scanner";

/**
 * Everything a case records about people — the petitioner's name, phone, ID number, e-mail and address, and
 * each representative's name, phone and ID number — for the scanner that guards what is published.
 * Read inside the caller's transaction, from the row itself.
 */
export async function findKnownPersonalData(tx: Tx, petitionId: string): Promise<KnownPersonalData> {
  const row = await tx.petition.findUniqueOrThrow({
    where: { id: petitionId },
    select: {
      petitionerName: true,
      petitionerPhone: true,
      petitionerIdNumber: true,
      petitionerEmail: true,
      address: true,
      representatives: { select: { name: true, phone: true, idNumber: true } },
    },
  });
  return knownPersonalDataOf(row);
}
