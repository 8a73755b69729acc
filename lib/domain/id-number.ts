// Citizen ID numbers (居民身份证号码, GB 11643-1999): the checksum test for what petitioners type, and the
// looser shape tests the personal-data scanner uses for mistyped and old 15-digit numbers.

const ID_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const ID_CHECK = "10X98765432";

function isRealDate(y: number, m: number, d: number): boolean {
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}

/** 18 characters with a region code (first digit 1–8) and a real birth date from 1900 on: an ID number's shape, check character not tested. */
export function hasIdNumberShape(value: string): boolean {
  const v = value.toUpperCase();
  if (!/^[1-8]\d{16}[\dX]$/.test(v)) return false;
  const y = Number(v.slice(6, 10));
  return y >= 1900 && y <= 2099 && isRealDate(y, Number(v.slice(10, 12)), Number(v.slice(12, 14)));
}

/** GB 11643-1999 18-digit citizen ID: format, birth date and check character. */
export function isValidIdNumber(value: string): boolean {
  const v = value.toUpperCase();
  if (!/^\d{17}[\dX]$/.test(v)) return false;
  const y = Number(v.slice(6, 10));
  if (y < 1900 || !isRealDate(y, Number(v.slice(10, 12)), Number(v.slice(12, 14)))) return false;
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(v[i]) * (ID_WEIGHTS[i] ?? 0);
  return ID_CHECK[sum % 11] === v[17];
}

/** The 15-digit ID numbers issued until 1999: region code, birth date as YYMMDD in the 1900s, sequence. No check digit. */
export function hasOldIdNumberShape(value: string): boolean {
  if (!/^[1-8]\d{14}$/.test(value)) return false;
  return isRealDate(1900 + Number(value.slice(6, 8)), Number(value.slice(8, 10)), Number(value.slice(10, 12)));
}
