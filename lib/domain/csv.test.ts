import { describe, expect, it } from "vitest";
import { attachmentDisposition, csvCell, parseCsv, toCsv, UTF8_BOM } from "./csv";

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

describe("parseCsv", () => {
  const fieldsOf = (text: string) => {
    const parsed = parseCsv(text);
    if (!parsed.ok) throw new Error(`${parsed.problem} at line ${parsed.line}`);
    return parsed.records.map((r) => r.fields);
  };
  const linesOf = (text: string) => {
    const parsed = parseCsv(text);
    return parsed.ok ? parsed.records.map((r) => r.line) : [];
  };

  it("splits records on CRLF, LF or CR and fields on commas, keeping empty fields and spaces", () => {
    expect(fieldsOf("a,b\r\nc,d\ne,f\rg,h")).toEqual([
      ["a", "b"],
      ["c", "d"],
      ["e", "f"],
      ["g", "h"],
    ]);
    expect(fieldsOf(",x,, y ,")).toEqual([["", "x", "", " y ", ""]]);
  });

  it("reads quoted fields: commas, doubled quotes and line breaks inside, an empty quoted field", () => {
    expect(fieldsOf('"a,b","say ""hi""","two\r\nlines",""')).toEqual([["a,b", 'say "hi"', "two\r\nlines", ""]]);
    expect(fieldsOf('""')).toEqual([[""]]);
    expect(fieldsOf('x,""\n""\n')).toEqual([["x", ""], [""]]);
  });

  it("keeps a quote inside an unquoted field as it is", () => {
    expect(fieldsOf('5"2,b')).toEqual([['5"2', "b"]]);
  });

  it("drops the byte-order mark and blank lines, and a final line break adds no record", () => {
    expect(fieldsOf("\uFEFFa,b\r\n\r\nc,d\r\n\r\n")).toEqual([
      ["a", "b"],
      ["c", "d"],
    ]);
    expect(fieldsOf("")).toEqual([]);
    expect(fieldsOf("\n\n")).toEqual([]);
  });

  it("numbers each record by the line it starts on, counting the line breaks inside quotes", () => {
    expect(linesOf('h1,h2\n"a\nb",c\n\nd,e\r\n"x\r\ny\rz",w\nlast,1')).toEqual([1, 2, 5, 6, 9]);
  });

  it("reads back what toCsv writes (less its formula apostrophes)", () => {
    const records = [
      ["单位", "备注"],
      ["住建局", 'a "quoted", multi\nline text'],
      ["", "x"],
    ];
    expect(fieldsOf(toCsv(records))).toEqual(records);
  });

  it("refuses a quoted field that never ends, and text after a closing quote, naming the line", () => {
    expect(parseCsv('a,b\nc,"open\nstill open')).toEqual({ ok: false, line: 2, problem: "unclosedQuote" });
    expect(parseCsv('a,b\n"x\ny"z,c')).toEqual({ ok: false, line: 3, problem: "strayQuote" });
  });

  it("reads a large file quickly", () => {
    const row = 'online,2024-03-01,CXJS,CGZ,ZJJ,1,标题,"内容，有逗号",张三,13800000000\r\n';
    const text = row.repeat(100_000);
    const t = performance.now();
    const parsed = parseCsv(text);
    expect(parsed.ok && parsed.records.length).toBe(100_000);
    expect(performance.now() - t).toBeLessThan(2_000);
  });
});
