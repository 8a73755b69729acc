import { describe, expect, it } from "vitest";
import { attachmentDisposition, csvCell, toCsv, UTF8_BOM } from "./csv";

describe("csvCell", () => {
  it("numbers as they are, null empty", () => {
    expect(csvCell(87.5)).toBe("87.5");
    expect(csvCell(0)).toBe("0");
    expect(csvCell(null)).toBe("");
  });
  it("quotes commas, quotes and line breaks (quotes doubled)", () => {
    expect(csvCell("a,b")).toBe('"a,b"');
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
    expect(csvCell("two\nlines")).toBe('"two\nlines"');
    expect(csvCell("住建局")).toBe("住建局");
  });
  it("defuses formulas: = + - @ and a leading tab or carriage return get an apostrophe", () => {
    expect(csvCell('=HYPERLINK("http://x")')).toBe('"\'=HYPERLINK(""http://x"")"');
    expect(csvCell("+1")).toBe("'+1");
    expect(csvCell("-2+3")).toBe("'-2+3");
    expect(csvCell("@SUM(A1)")).toBe("'@SUM(A1)");
    expect(csvCell("\t=1")).toBe("'\t=1");
    expect(csvCell("\r=1")).toBe('"\'\r=1"');
    expect(csvCell("a=b")).toBe("a=b");
  });
});

describe("toCsv", () => {
  it("starts with the byte-order mark and ends every record with CRLF", () => {
    const text = toCsv([
      ["单位", "收件"],
      ["住建局", 3],
    ]);
    expect(text.startsWith(UTF8_BOM)).toBe(true);
    expect(text).toBe("\uFEFF单位,收件\r\n住建局,3\r\n");
    expect(Buffer.from(text, "utf8").subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
  });
});

describe("attachmentDisposition", () => {
  it("gives an ASCII fallback and the UTF-8 name (RFC 5987)", () => {
    expect(attachmentDisposition("单位考评_2026-05-01_2026-05-31.csv", "scorecards_2026-05-01_2026-05-31.csv")).toBe(
      "attachment; filename=\"scorecards_2026-05-01_2026-05-31.csv\"; filename*=UTF-8''%E5%8D%95%E4%BD%8D%E8%80%83%E8%AF%84_2026-05-01_2026-05-31.csv",
    );
  });
  it("keeps quotes, backslashes and non-ASCII out of the fallback, and encodes ' ( ) *", () => {
    expect(attachmentDisposition("a'(b)*.csv", 'x"\\é.csv')).toBe(
      "attachment; filename=\"x___.csv\"; filename*=UTF-8''a%27%28b%29%2A.csv",
    );
  });
});
