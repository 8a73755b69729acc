// Personal data: validation of what petitioners type, masking for display, and the masked draft of a public
// text. The scanner that finds personal data in free text is lib/domain/personal-data-scanner.ts.
import {
  normalizeForScan,
  scanPersonalData,
  type KnownPersonalData,
  type PersonalDataFinding,
} from "./personal-data-scanner";

/** Mainland mobile numbers: 11 digits starting 13–19. */
export const MOBILE = /^1[3-9]\d{9}$/;

export function isValidMobile(value: string): boolean {
  return MOBILE.test(value);
}

export { isValidIdNumber } from "./id-number";

export function isValidEmail(value: string): boolean {
  return value.length <= 254 && /^[^\s@<>()]+@[^\s@<>()]+\.[^\s@<>()]{2,}$/.test(value);
}

/** 张三 → 张*, 欧阳娜娜 → 欧***: only the first character (usually the surname's) remains. */
export function maskName(name: string): string {
  const chars = Array.from(name.trim());
  if (chars.length === 0) return "";
  if (chars.length === 1) return "*"; // keeping the first character would show the whole name
  return chars[0] + "*".repeat(chars.length - 1);
}

/** 13812345678 → 138****5678; other phone numbers keep only their last 4 digits. */
export function maskPhone(phone: string): string {
  const digits = phone.replace(/\D/g, "");
  if (MOBILE.test(digits)) return `${digits.slice(0, 3)}****${digits.slice(7)}`;
  if (digits.length <= 4) return "*".repeat(digits.length);
  return "*".repeat(digits.length - 4) + digits.slice(-4);
}

/** 110101199003074514 → 110***********4514 */
export function maskIdNumber(id: string): string {
  if (id.length < 8) return "*".repeat(id.length);
  return id.slice(0, 3) + "*".repeat(id.length - 7) + id.slice(-4);
}

/** zhangsan@example.com → z*******@example.com */
export function maskEmail(email: string): string {
  const at = email.lastIndexOf("@");
  if (at <= 0) return "*".repeat(email.length);
  if (at === 1) return "*" + email.slice(at); // a one-character local part would be shown whole
  return email[0] + "*".repeat(at - 1) + email.slice(at);
}

function maskFinding(f: PersonalDataFinding): string {
  switch (f.kind) {
    case "name":
      return maskName(f.text);
    case "mobile":
    case "landline":
      return maskPhone(f.text);
    case "idNumber":
      return maskIdNumber(f.text);
    case "email":
      return maskEmail(f.text);
    case "address":
      return "***";
  }
}

/** Replaces every finding of `scanPersonalData` by its masked form: the draft of a public text. */
export function maskFreeText(text: string, known: KnownPersonalData = {}): string {
  const normalized = normalizeForScan(text); // masked from ASCII digits, so ８８８ loses its digits too
  let out = "";
  let at = 0;
  for (const f of scanPersonalData(text, known)) {
    out += text.slice(at, f.start) + maskFinding({ ...f, text: normalized.slice(f.start, f.end) });
    at = f.end;
  }
  return out + text.slice(at);
}
