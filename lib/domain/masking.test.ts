import { describe, expect, it } from "vitest";
import {
  MOBILE,
  isValidEmail,
  isValidIdNumber,
  isValidMobile,
  maskEmail,
  maskFreeText,
  maskIdNumber,
  maskName,
  maskPhone,
} from "./masking";
import { scanPersonalData, type PersonalDataKind } from "./personal-data-scanner";

/**
 * GB 11643-1999 check character, derived from the standard's definition rather than copied tables:
 * weight of position i (0-based, 17 body digits) = 2^(17−i) mod 11; check value = (12 − Σ mod 11) mod 11,
 * written as 'X' when it is 10.
 */
function gbCheckChar(body17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) {
    let w = 1;
    for (let k = 0; k < 17 - i; k++) w = (w * 2) % 11;
    sum += Number(body17[i]) * w;
  }
  const c = (12 - (sum % 11)) % 11;
  return c === 10 ? "X" : String(c);
}
function makeId(region: string, yyyymmdd: string, seq3: string): string {
  const body = region + yyyymmdd + seq3;
  return body + gbCheckChar(body);
}
/** The same ID with any other check character. */
function wrongCheck(id: string): string {
  const right = id.slice(-1);
  const other = right === "0" ? "1" : "0";
  return id.slice(0, 17) + other;
}

describe("isValidIdNumber (GB 11643-1999)", () => {
  it("the independent check-character oracle agrees with the well-known examples", () => {
    expect(gbCheckChar("11010519491231002")).toBe("X"); // the standard's own example
    expect(gbCheckChar("11010119900307451")).toBe("4");
  });

  it.each([
    "11010519491231002X",
    "110101199003074514",
    makeId("330106", "19850615", "123"),
    makeId("440305", "20000229", "001"),
  ])("accepts %s", (id) => {
    expect(isValidIdNumber(id)).toBe(true);
  });

  it("accepts a lower-case x check character", () => {
    expect(isValidIdNumber("11010519491231002x")).toBe(true);
  });

  it("rejects a wrong check character", () => {
    expect(isValidIdNumber("110101199003074515")).toBe(false);
    expect(isValidIdNumber("110105194912310021")).toBe(false);
    expect(isValidIdNumber(wrongCheck(makeId("330106", "19850615", "123")))).toBe(false);
  });

  it("exactly one of the 11 check characters is valid, for 300 generated bodies", () => {
    let seed = 12345;
    const rnd = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    for (let n = 0; n < 300; n++) {
      const y = 1930 + Math.floor(rnd() * 90);
      const m = 1 + Math.floor(rnd() * 12);
      const d = 1 + Math.floor(rnd() * 28);
      const body = `${100000 + Math.floor(rnd() * 800000)}${y}${String(m).padStart(2, "0")}${String(d).padStart(2, "0")}${String(Math.floor(rnd() * 1000)).padStart(3, "0")}`;
      const valid = [..."0123456789X"].filter((c) => isValidIdNumber(body + c));
      expect(valid, body).toEqual([gbCheckChar(body)]);
    }
  });

  it("rejects impossible birth dates even with a correct check character", () => {
    expect(isValidIdNumber(makeId("110101", "19900230", "451"))).toBe(false); // 30 February
    expect(isValidIdNumber(makeId("110101", "19900431", "451"))).toBe(false); // 31 April
    expect(isValidIdNumber(makeId("110101", "19901301", "451"))).toBe(false); // month 13
    expect(isValidIdNumber(makeId("110101", "19900000", "451"))).toBe(false);
    expect(isValidIdNumber(makeId("110101", "19000229", "451"))).toBe(false); // 1900 is not a leap year
    expect(isValidIdNumber(makeId("110101", "18991231", "451"))).toBe(false); // before 1900
    // and the leap day of a leap year is fine
    expect(isValidIdNumber(makeId("110101", "19960229", "451"))).toBe(true);
  });

  it.each([
    "",
    "11010519491231002",
    "11010519491231002X1",
    "1101051949123100X2",
    "11010519491231002Y",
    "110105 19491231002X",
  ])("rejects malformed %j", (id) => {
    expect(isValidIdNumber(id)).toBe(false);
  });
});

describe("isValidMobile", () => {
  it.each(["13812345678", "15000000000", "19912345678", "17012345678"])("accepts %s", (m) => {
    expect(isValidMobile(m)).toBe(true);
  });

  it.each([
    "12812345678",
    "10012345678",
    "1381234567",
    "138123456789",
    "+8613812345678",
    "138 1234 5678",
    "138-1234-5678",
    "23812345678",
    "",
  ])("rejects %j", (m) => {
    expect(isValidMobile(m)).toBe(false);
  });

  it("MOBILE is anchored", () => {
    expect(MOBILE.test("x13812345678")).toBe(false);
  });
});

describe("isValidEmail", () => {
  it.each(["zhangsan@example.com", "zhang.san+xf@mail.example.cn", "a@b.co"])("accepts %s", (e) => {
    expect(isValidEmail(e)).toBe(true);
  });

  it.each([
    "",
    "zhangsan",
    "zhangsan@",
    "@example.com",
    "zhang san@example.com",
    "a@b.c",
    "a@b",
    "<a>@b.com",
    `${"a".repeat(250)}@b.com`,
  ])("rejects %j", (e) => {
    expect(isValidEmail(e)).toBe(false);
  });
});

describe("maskName", () => {
  it.each([
    ["张三", "张*"],
    ["欧阳娜娜", "欧***"],
    ["李小明", "李**"],
    [" 王五 ", "王*"],
    ["𠀋三", "𠀋*"], // U+2000B is one character (a surrogate pair in UTF-16)
    ["𠀋𠀋𠀋", "𠀋**"],
    ["", ""],
  ])("%j → %j", (name, masked) => {
    expect(maskName(name)).toBe(masked);
  });

  it("never shows the whole of a one-character name", () => {
    expect(maskName("李")).toBe("*");
    expect(maskName("𠀋")).toBe("*");
  });

  it("never splits a surrogate pair (the output is well-formed Unicode)", () => {
    for (const name of ["𠀋三", "𠀋𠀋𠀋", "张𠀋"]) {
      const out = maskName(name);
      expect(out).toBe(Buffer.from(out, "utf8").toString("utf8"));
      expect(out).not.toMatch(/[\uD800-\uDFFF]/u);
      expect(Array.from(out)).toHaveLength(Array.from(name).length);
    }
  });

  it("keeps the length in characters and hides everything after the first", () => {
    const name = "司马相如";
    const out = maskName(name);
    expect(Array.from(out)).toHaveLength(4);
    expect(out.includes("马") || out.includes("相") || out.includes("如")).toBe(false);
  });
});

describe("maskPhone", () => {
  it("mobile: first 3 and last 4 digits", () => {
    expect(maskPhone("13812345678")).toBe("138****5678");
    expect(maskPhone("138-1234-5678")).toBe("138****5678");
    expect(maskPhone("138 1234 5678")).toBe("138****5678");
  });

  it("a +86 mobile keeps at most the last 4 digits", () => {
    const out = maskPhone("+86 138-1234-5678");
    expect(out.endsWith("5678")).toBe(true);
    expect(out.replace(/\*/g, "")).toBe("5678");
  });

  it("landline: only the last 4 digits", () => {
    expect(maskPhone("0571-88888888")).toBe("********8888");
    expect(maskPhone("010-12345678")).toBe("*******5678");
  });

  it("short numbers are masked entirely", () => {
    expect(maskPhone("1234")).toBe("****");
    expect(maskPhone("110")).toBe("***");
    expect(maskPhone("")).toBe("");
  });
});

describe("maskIdNumber", () => {
  it("keeps the first 3 and last 4 characters", () => {
    expect(maskIdNumber("110101199003074514")).toBe("110***********4514");
    expect(maskIdNumber("11010519491231002X")).toBe("110***********002X");
  });

  it("hides the birth date", () => {
    expect(maskIdNumber("110101199003074514")).not.toContain("19900307");
    expect(maskIdNumber("110101199003074514")).toHaveLength(18);
  });

  it("masks short values entirely", () => {
    expect(maskIdNumber("1234567")).toBe("*******");
    expect(maskIdNumber("")).toBe("");
  });
});

describe("maskEmail", () => {
  it("keeps the first character and the domain", () => {
    expect(maskEmail("zhangsan@example.com")).toBe("z*******@example.com");
    expect(maskEmail("ab@example.com")).toBe("a*@example.com");
  });

  it("never shows the whole of a one-character local part", () => {
    expect(maskEmail("a@example.com")).toBe("*@example.com");
  });

  it("uses the last @", () => {
    expect(maskEmail('"a@b"@example.com')).toBe('"****@example.com');
  });

  it("masks a value without a local part entirely", () => {
    expect(maskEmail("zhangsan")).toBe("********");
    expect(maskEmail("@example.com")).toBe("************");
  });
});

describe("scanPersonalData", () => {
  const kinds = (text: string, known?: Parameters<typeof scanPersonalData>[1]) =>
    scanPersonalData(text, known).map((f) => [f.kind, f.text] as [PersonalDataKind, string]);

  it("finds a bare mobile number", () => {
    expect(kinds("我的电话13812345678，请回电")).toEqual([["mobile", "13812345678"]]);
  });

  it.each([
    "+86 138-1234-5678",
    "+8613812345678",
    "86-13812345678",
    "+86 138 1234 5678",
    "138-1234-5678",
    "138 1234 5678",
  ])("finds the mobile written as %j, prefix and separators included", (written) => {
    expect(kinds(`联系：${written}。`)).toEqual([["mobile", written]]);
  });

  it("finds landlines with an area code", () => {
    expect(kinds("办公室0571-88888888转")).toEqual([["landline", "0571-88888888"]]);
    expect(kinds("北京010-12345678")).toEqual([["landline", "010-12345678"]]);
  });

  it("finds checksum-valid ID numbers only", () => {
    expect(kinds("身份证号11010519491231002X。")).toEqual([["idNumber", "11010519491231002X"]]);
    expect(kinds("身份证号11010519491231002x。")).toEqual([["idNumber", "11010519491231002x"]]);
    expect(kinds("身份证号110101199003074514")).toEqual([["idNumber", "110101199003074514"]]);
    expect(kinds("编号110101199003074515")).toEqual([]); // wrong check digit
    expect(kinds(`编号${makeId("110101", "19900230", "451")}`)).toEqual([]); // impossible date
  });

  it("finds e-mail addresses", () => {
    expect(kinds("邮箱 zhang.san@example.com 谢谢")).toEqual([["email", "zhang.san@example.com"]]);
  });

  it("finds the petitioner's known name and address, every occurrence", () => {
    const text = "我叫张三，住在杭州市西湖区文三路100号。张三再次反映。";
    expect(kinds(text, { names: ["张三"], addresses: ["杭州市西湖区文三路100号"] })).toEqual([
      ["name", "张三"],
      ["address", "杭州市西湖区文三路100号"],
      ["name", "张三"],
    ]);
  });

  it("ignores known values of fewer than 2 characters and trims them", () => {
    expect(kinds("张三说", { names: ["张", " ", ""] })).toEqual([]);
    expect(kinds("张三说", { names: [" 张三 "] })).toEqual([["name", "张三"]]);
  });

  it("does not flag tracking numbers or query codes", () => {
    for (const s of [
      "XF2026000123",
      "XF2026138123",
      "XF2026999999",
      "ABCD-2345-EFGH",
      "XF2026000123 的查询码 ABCD2345EFGH",
    ]) {
      expect(scanPersonalData(`案件${s}已受理`), s).toEqual([]);
    }
  });

  it("does not flag an 11-digit run inside a longer number", () => {
    expect(scanPersonalData("订单号2138123456789")).toEqual([]);
    expect(scanPersonalData("订单号13812345678901")).toEqual([]);
    expect(scanPersonalData("卡号6222021381234567890")).toEqual([]);
    // a mobile-shaped run at the end or the start of a longer number
    expect(scanPersonalData("订单号9913812345678。")).toEqual([]);
    expect(scanPersonalData("订单号8613812345678901")).toEqual([]);
    expect(scanPersonalData("编号 2013812345678")).toEqual([]);
  });

  it("does not flag dates, amounts or short numbers", () => {
    expect(scanPersonalData("2026-03-02 支付 1380 元，共 12345678 件")).toEqual([]);
  });

  it("reports exact positions, in order, so the text can be masked", () => {
    const text = "张三 13812345678 a@example.com 0571-88888888 11010519491231002X";
    const found = scanPersonalData(text, { names: ["张三"] });
    expect(found.map((f) => f.kind)).toEqual(["name", "mobile", "email", "landline", "idNumber"]);
    for (const f of found) expect(text.slice(f.start, f.end)).toBe(f.text);
    for (let i = 1; i < found.length; i++) expect(found[i]!.start).toBeGreaterThanOrEqual(found[i - 1]!.end);
  });

  it("reports one finding for overlapping matches (an e-mail made of a phone number)", () => {
    expect(kinds("邮箱13812345678@163.com")).toEqual([["email", "13812345678@163.com"]]);
  });

  it("positions are in UTF-16 units even after astral characters", () => {
    const text = "𠀋𠀋 电话13812345678";
    const [f] = scanPersonalData(text);
    expect(f && text.slice(f.start, f.end)).toBe("13812345678");
  });
});

describe("maskFreeText", () => {
  const known = { names: ["张三", "欧阳娜娜"], addresses: ["杭州市西湖区文三路100号", "某某村3组"] };
  const texts = [
    "我叫张三，电话13812345678，身份证11010519491231002X，住杭州市西湖区文三路100号。",
    "联系人欧阳娜娜 +86 138-1234-5678 / 0571-88888888，邮箱 ouyang.nana@example.com",
    "张三张三张三，某某村3组，138 1234 5678，010-12345678。",
    "邮箱13812345678@163.com，身份证号110101199003074514，身份证号11010519491231002x",
    "No personal data here: XF2026000123, ABCD-2345-EFGH, 2026-03-02.",
    "",
    "𠀋欧阳娜娜𠀋 86-13812345678𠀋",
  ];

  it.each(texts)("re-scanning the masked text finds nothing: %j", (text) => {
    const masked = maskFreeText(text, known);
    expect(scanPersonalData(masked, known)).toEqual([]);
  });

  it.each(texts)("no found value survives masking: %j", (text) => {
    const masked = maskFreeText(text, known);
    for (const f of scanPersonalData(text, known)) expect(masked).not.toContain(f.text);
  });

  it("leaves text without personal data untouched", () => {
    const text = "No personal data here: XF2026000123, ABCD-2345-EFGH, 2026-03-02.";
    expect(maskFreeText(text, known)).toBe(text);
  });

  it("replaces each finding by its masked form and keeps the rest", () => {
    expect(maskFreeText("我叫张三，电话13812345678，住杭州市西湖区文三路100号。", known)).toBe(
      "我叫张*，电话138****5678，住***。",
    );
    expect(maskFreeText("身份证11010519491231002X，邮箱zhangsan@example.com", known)).toBe(
      "身份证110***********002X，邮箱z*******@example.com",
    );
  });
});
