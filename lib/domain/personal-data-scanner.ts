// The personal-data scanner: finds unmasked personal data in free text before anything is published
// (公开答复, 公开进展) and in the public pages' tests. Two halves:
// - shapes: mobile and landline numbers in the ways people write them, ID numbers, e-mail addresses;
// - the case's own values: every name, phone, ID number, e-mail and address recorded on it (representatives
//   included), also written with spaces, and the parts of an address that still point at a home.
// Text is first normalised unit for unit (full-width digits, letters, ＠ and brackets to ASCII), so a position
// found in the normalised text is the same position in the original.
import { hasIdNumberShape, hasOldIdNumberShape, isValidIdNumber } from "./id-number";

export type PersonalDataKind = "mobile" | "landline" | "idNumber" | "email" | "name" | "address";

export type PersonalDataFinding = { kind: PersonalDataKind; start: number; end: number; text: string };

/** What the case records about people: the petitioner's and every representative's. */
export type KnownPersonalData = {
  names?: readonly string[];
  phones?: readonly string[];
  idNumbers?: readonly string[];
  emails?: readonly string[];
  addresses?: readonly string[];
};

/** Full-width forms (０-９, Ａ-ｚ, ＠, （）, －, ．…) to ASCII, the ideographic space to a space, dashes to "-"; one UTF-16 unit each. */
export function normalizeForScan(text: string): string {
  let out = "";
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0xff01 && c <= 0xff5e) out += String.fromCharCode(c - 0xfee0);
    else if (c === 0x3000) out += " ";
    else if ((c >= 0x2010 && c <= 0x2015) || c === 0x2212 || c === 0xfe63) out += "-";
    else out += text[i];
  }
  return out;
}

/** Words that announce an ID number (身份证号, 证件号码, 公民身份号码, ID): a mistyped or 15-digit number after them is one too. */
const ID_LABEL = /(?:身份证|身份号码|证件|公民身份|(?<![A-Za-z])I\.?D\.?)[^0-9\n]{0,8}$/;
const labelledAsId = (n: string, at: number) => ID_LABEL.test(n.slice(Math.max(0, at - 16), at));

type Pattern = { kind: PersonalDataKind; re: RegExp; accept?: (match: string, n: string, at: number) => boolean };

// A separator between digit groups: one space or dash. Digit runs never continue a longer number, so a
// tracking number, an order number or a bank card is not a phone number; letters and Chinese may touch them.
// Order matters only for equal spans: the first pattern's kind is reported.
const PATTERNS: readonly Pattern[] = [
  // 18 digits: checksum-valid anywhere; a wrong check character still counts after an ID label.
  {
    kind: "idNumber",
    re: /(?<!\d)\d{17}[\dXx](?!\d)/g,
    accept: (m, n, at) => isValidIdNumber(m) || (hasIdNumberShape(m) && labelledAsId(n, at)),
  },
  // The old 15-digit numbers have no check digit: only after an ID label, or every 15-digit number would be suspect.
  {
    kind: "idNumber",
    re: /(?<!\d)\d{15}(?![\dXx])/g,
    accept: (m, n, at) => hasOldIdNumberShape(m) && labelledAsId(n, at),
  },
  // 138 1234 5678 / 1381 234 5678, with +86, 0086, 86 or (+86) in front.
  {
    kind: "mobile",
    re: /(?<![\d+])(?:\(?(?:\+|00)?86\)?[ \t-]?)?1[3-9]\d(?:[ \t-]?\d{4}[ \t-]?\d{4}|\d[ \t-]?\d{3}[ \t-]?\d{4})(?!\d)/g,
  },
  // (0571)88888888, (0571) 8888 8888
  { kind: "landline", re: /\(0\d{2,3}\)[ \t-]?\d{3,4}[ \t-]?\d{4}(?!\d)/g },
  // 0571-88888888, 0571 88888888, 0571 8888 8888, 0571-8888-8888, 010-1234567
  { kind: "landline", re: /(?<!\d)0\d{2,3}[ \t-]\d{3,4}[ \t-]?\d{4}(?!\d)/g },
  // 057188888888: area code and local number run together (11–12 digits from 0, never a mobile)
  { kind: "landline", re: /(?<!\d)0[1-9]\d{9,10}(?!\d)/g },
  // +86 571 8888 8888, 0086-571-88888888
  { kind: "landline", re: /(?<![\d+])(?:\+|00)86[ \t-]?\(?0?[1-9]\d{1,2}\)?[ \t-]?\d{3,4}[ \t-]?\d{4}(?!\d)/g },
  // 电话：8888 8888 — a local number without its area code, where the text says it is a phone number
  { kind: "landline", re: /(?<=(?:电话|座机|固话|Tel|TEL|tel)\.?[: \t]{0,2})[2-9]\d{2,3}[ \t-]?\d{4}(?!\d)/g },
  { kind: "email", re: /[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}/g },
];

const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/** A value matched however it is spaced: `between` may stand between any two of its characters. */
function loose(chars: readonly string[], between: string, flags = "g"): RegExp {
  return new RegExp(chars.map(escapeRe).join(between), flags);
}

/** A phone or ID number on record, matched digit for digit with any spaces or dashes between, never inside a longer number. */
function looseNumber(value: string): RegExp | null {
  const digits = normalizeForScan(value).replace(/[^0-9Xx]/g, "");
  if (digits.length < 7) return null;
  return new RegExp(`(?<!\\d)${Array.from(digits).map(escapeRe).join("[ \\t-]*")}(?!\\d)`, "gi");
}

// Where an address divides: 省/市/县/区, 镇/乡/街道, 村/社区/小区, 路/街/巷, 号/栋/单元/室, 组 … (longer ones first).
const ADDRESS_SEGMENT =
  /.*?(?:特别行政区|自治区|自治州|自治县|街道|社区|小区|新村|单元|大道|大街|号院|号楼|省|市|州|盟|县|旗|区|镇|乡|村|路|街|巷|弄|号|栋|幢|座|楼|层|室|组)/gy;
const HOUSE_NUMBER = /[0-9]|[一二三四五六七八九十百零〇两]+(?:号|组|栋|幢|单元|室|楼|层)/;

/**
 * The address and the parts of it that still point at a home: 示例县城关镇幸福路88号 → itself, 城关镇幸福路88号,
 * 幸福路88号. A part must start with a name of 2+ characters (not 88号 or 路88号, which any 文号 or street
 * has), hold a number, and have 4+ characters.
 */
export function addressParts(address: string): string[] {
  const a = normalizeForScan(address).replace(/\s+/g, "");
  const segments: string[] = [];
  ADDRESS_SEGMENT.lastIndex = 0;
  let at = 0;
  for (let m = ADDRESS_SEGMENT.exec(a); m && m[0].length > 0; m = ADDRESS_SEGMENT.exec(a)) {
    segments.push(m[0]);
    at = ADDRESS_SEGMENT.lastIndex;
  }
  if (at < a.length) segments.push(a.slice(at));
  const parts = Array.from(a).length >= 2 ? [a] : [];
  for (let i = 1; i < segments.length; i++) {
    const tail = segments.slice(i).join("");
    const head = segments[i] ?? "";
    if (!/[0-9]/.test(head) && Array.from(head).length >= 2 && HOUSE_NUMBER.test(tail) && Array.from(tail).length >= 4)
      parts.push(tail);
  }
  return parts;
}

/** Every value of `known` as a pattern with the kind it is reported as. */
function knownPatterns(known: KnownPersonalData): Pattern[] {
  const out: Pattern[] = [];
  for (const name of known.names ?? []) {
    const chars = Array.from(normalizeForScan(name).replace(/[\s·・•]/g, ""));
    if (chars.length >= 2) out.push({ kind: "name", re: loose(chars, "[\\s·・•]*", "gi") }); // one character would match everywhere
  }
  for (const address of known.addresses ?? []) {
    for (const part of addressParts(address)) out.push({ kind: "address", re: loose(Array.from(part), "\\s*") });
  }
  for (const phone of known.phones ?? []) {
    const re = looseNumber(phone);
    if (re) out.push({ kind: /^(?:86)?1[3-9]\d{9}$/.test(phone.replace(/\D/g, "")) ? "mobile" : "landline", re });
  }
  for (const id of known.idNumbers ?? []) {
    const re = looseNumber(id);
    if (re) out.push({ kind: "idNumber", re });
  }
  for (const email of known.emails ?? []) {
    const v = normalizeForScan(email).trim();
    if (v.includes("@")) out.push({ kind: "email", re: new RegExp(escapeRe(v), "gi") });
  }
  return out;
}

/**
 * Finds personal data in free text: ID numbers, mobile and landline numbers, e-mail addresses, and any of the
 * `known` values of the case. Findings are in order and never overlap (the earliest, then the longest, wins),
 * with positions and text of the original string.
 */
export function scanPersonalData(text: string, known: KnownPersonalData = {}): PersonalDataFinding[] {
  const n = normalizeForScan(text);
  const findings: PersonalDataFinding[] = [];
  for (const { kind, re, accept } of [...PATTERNS, ...knownPatterns(known)]) {
    for (const m of n.matchAll(re)) {
      if (m[0].length === 0 || (accept && !accept(m[0], n, m.index))) continue;
      findings.push({
        kind,
        start: m.index,
        end: m.index + m[0].length,
        text: text.slice(m.index, m.index + m[0].length),
      });
    }
  }
  findings.sort((a, b) => a.start - b.start || b.end - a.end);
  const kept: PersonalDataFinding[] = [];
  for (const f of findings) if (!kept.length || f.start >= (kept[kept.length - 1]?.end ?? 0)) kept.push(f);
  return kept;
}

/** Everything a case records about people, for the scanner: the petitioner's and each representative's. */
export function knownPersonalDataOf(c: {
  petitionerName: string;
  petitionerPhone?: string | null;
  petitionerIdNumber?: string | null;
  petitionerEmail?: string | null;
  address: string;
  representatives?: readonly { name: string; phone?: string | null; idNumber?: string | null }[];
}): KnownPersonalData {
  const reps = c.representatives ?? [];
  const present = (values: readonly (string | null | undefined)[]) => values.filter((v): v is string => !!v);
  return {
    names: present([c.petitionerName, ...reps.map((r) => r.name)]),
    phones: present([c.petitionerPhone, ...reps.map((r) => r.phone)]),
    idNumbers: present([c.petitionerIdNumber, ...reps.map((r) => r.idNumber)]),
    emails: present([c.petitionerEmail]),
    addresses: present([c.address]),
  };
}
