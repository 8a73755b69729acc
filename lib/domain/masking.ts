// Personal data: validation of what petitioners type, masking for display, and a scanner that finds
// unmasked personal data in free text (used before publication and by the public-page tests).

/** Mainland mobile numbers: 11 digits starting 13–19. */
export const MOBILE = /^1[3-9]\d{9}$/;

export function isValidMobile(value: string): boolean {
  return MOBILE.test(value);
}

const ID_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const ID_CHECK = "10X98765432";

/** GB 11643-1999 18-digit citizen ID: format, birth date and check character. */
export function isValidIdNumber(value: string): boolean {
  const v = value.toUpperCase();
  if (!/^\d{17}[\dX]$/.test(v)) return false;
  const y = Number(v.slice(6, 10));
  const m = Number(v.slice(10, 12));
  const d = Number(v.slice(12, 14));
  const birth = new Date(Date.UTC(y, m - 1, d));
  if (y < 1900 || birth.getUTCFullYear() !== y || birth.getUTCMonth() !== m - 1 || birth.getUTCDate() !== d) return false;
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(v[i]) * (ID_WEIGHTS[i] ?? 0);
  return ID_CHECK[sum % 11] === v[17];
}

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

export type PersonalDataKind = "mobile" | "landline" | "idNumber" | "email" | "name" | "address";

export type PersonalDataFinding = { kind: PersonalDataKind; start: number; end: number; text: string };

// Digit runs must not be part of a longer number, so a tracking number is not a phone number.
const PATTERNS: ReadonlyArray<{ kind: PersonalDataKind; re: RegExp; accept?: (s: string) => boolean }> = [
  { kind: "idNumber", re: /(?<![\dA-Za-z])\d{17}[\dXx](?![\dA-Za-z])/g, accept: isValidIdNumber },
  { kind: "mobile", re: /(?<!\d)(?:\+?86[- ]?)?1[3-9]\d[- ]?\d{4}[- ]?\d{4}(?!\d)/g },
  { kind: "landline", re: /(?<!\d)0\d{2,3}-\d{7,8}(?!\d)/g },
  { kind: "email", re: /[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}/g },
];

/**
 * Finds personal data in free text: ID numbers (checksum-valid), mobile and landline numbers, e-mail
 * addresses, and any of the `known` strings (the petitioner's own name and address).
 */
export function scanPersonalData(
  text: string,
  known: { names?: readonly string[]; addresses?: readonly string[] } = {},
): PersonalDataFinding[] {
  const findings: PersonalDataFinding[] = [];
  for (const { kind, re, accept } of PATTERNS) {
    for (const m of text.matchAll(re)) {
      if (accept && !accept(m[0])) continue;
      findings.push({ kind, start: m.index, end: m.index + m[0].length, text: m[0] });
    }
  }
  const addKnown = (kind: PersonalDataKind, values: readonly string[] | undefined) => {
    for (const value of values ?? []) {
      const v = value.trim();
      if (Array.from(v).length < 2) continue; // one character would match everywhere
      for (let i = text.indexOf(v); i !== -1; i = text.indexOf(v, i + v.length)) {
        findings.push({ kind, start: i, end: i + v.length, text: v });
      }
    }
  };
  addKnown("name", known.names);
  addKnown("address", known.addresses);
  // Keep the first of overlapping findings (an ID number also contains digit runs).
  findings.sort((a, b) => a.start - b.start || b.end - a.end);
  const kept: PersonalDataFinding[] = [];
  for (const f of findings) if (!kept.length || f.start >= (kept[kept.length - 1]?.end ?? 0)) kept.push(f);
  return kept;
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
export function maskFreeText(text: string, known: Parameters<typeof scanPersonalData>[1] = {}): string {
  let out = "";
  let at = 0;
  for (const f of scanPersonalData(text, known)) {
    out += text.slice(at, f.start) + maskFinding(f);
    at = f.end;
  }
  return out + text.slice(at);
}
