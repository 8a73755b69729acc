import { describe, expect, it } from "vitest";
import {
  addressParts,
  knownPersonalDataOf,
  normalizeForScan,
  scanPersonalData,
  type KnownPersonalData,
  type PersonalDataKind,
} from "./personal-data-scanner";
import { maskFreeText } from "./masking";

// The scanner guards publication: a miss puts a person's data on a public page, a false alarm makes staff
// rewrite a harmless text. Both directions are tested on strings as people really write them.

/** A case as the scanner is given it: the petitioner and one representative of a collective visit. */
const CASE: KnownPersonalData = knownPersonalDataOf({
  petitionerName: "李建国",
  petitionerPhone: "13912345678",
  petitionerIdNumber: "11010519491231002X",
  petitionerEmail: "lijianguo@example.com",
  address: "示例县城关镇幸福路88号",
  representatives: [
    { name: "欧阳娜娜", phone: "0571-87654321", idNumber: "110101199003074514" },
    { name: "王芳", phone: null, idNumber: null },
  ],
});

const found = (text: string, known: KnownPersonalData = CASE) =>
  scanPersonalData(text, known).map((f) => [f.kind, f.text] as [PersonalDataKind, string]);

// [text, kind, the exact text found]
const FOUND: readonly [string, PersonalDataKind, string][] = [
  // mobiles: prefixes, separators, full-width digits
  ["请打008613812345678联系", "mobile", "008613812345678"],
  ["电话 0086 138 1234 5678", "mobile", "0086 138 1234 5678"],
  ["联系(+86)13812345678", "mobile", "(+86)13812345678"],
  ["手机+86-138-1234-5678。", "mobile", "+86-138-1234-5678"],
  ["手机１３８１２３４５６７８", "mobile", "１３８１２３４５６７８"],
  ["手机号1381 234 5678", "mobile", "1381 234 5678"],
  ["尾号不对，应为13812345678谢谢", "mobile", "13812345678"],
  ["call me at 15912345678 please", "mobile", "15912345678"],
  // landlines in every common form
  ["办公室(0571)88888888", "landline", "(0571)88888888"],
  ["办公室（0571）88888888", "landline", "（0571）88888888"],
  ["办公室（０５７１）８８８８８８８８", "landline", "（０５７１）８８８８８８８８"],
  ["办公室0571-88888888转", "landline", "0571-88888888"],
  ["办公室0571 88888888", "landline", "0571 88888888"],
  ["办公室0571 8888 8888", "landline", "0571 8888 8888"],
  ["办公室0571-8888-8888", "landline", "0571-8888-8888"],
  ["办公室0571—88888888", "landline", "0571—88888888"],
  ["老家0570-8123456", "landline", "0570-8123456"],
  ["座机057188888888", "landline", "057188888888"],
  ["+86 571 8888 8888", "landline", "+86 571 8888 8888"],
  ["联系电话：8888 8888", "landline", "8888 8888"],
  ["Tel: 88888888", "landline", "88888888"],
  // ID numbers glued to letters or Chinese, lower-case x, full-width, mistyped after a label, the old 15 digits
  ["身份证号11010519491231002X。", "idNumber", "11010519491231002X"],
  ["ID11010519491231002X", "idNumber", "11010519491231002X"],
  ["证件号码：11010519491231002x", "idNumber", "11010519491231002x"],
  ["abc110101199003074514def", "idNumber", "110101199003074514"],
  ["身份证１１０１０１１９９００３０７４５１４", "idNumber", "１１０１０１１９９００３０７４５１４"],
  ["身份证号110105194912310021X", "idNumber", "110105194912310021"], // one digit too many: the 18 that look like one
  ["公民身份号码110101199003074515", "idNumber", "110101199003074515"], // wrong check digit, but labelled
  ["身份证号码：110105491231002", "idNumber", "110105491231002"],
  // e-mail, full-width @ and dot
  ["邮箱 zhang.san@example.com 谢谢", "email", "zhang.san@example.com"],
  ["邮箱zhangsan＠qq．com", "email", "zhangsan＠qq．com"],
  ["ＺＨＡＮＧ＠ＥＸＡＭＰＬＥ．ＣＯＭ", "email", "ＺＨＡＮＧ＠ＥＸＡＭＰＬＥ．ＣＯＭ"],
  // the case's own values: names spaced out, representatives, partial addresses, numbers as recorded
  ["李建国反映的问题已处理", "name", "李建国"],
  ["李 建 国反映的问题", "name", "李 建 国"],
  ["李　建国反映", "name", "李　建国"],
  ["代表欧阳·娜娜到场", "name", "欧阳·娜娜"],
  ["代表王芳签字", "name", "王芳"],
  ["住示例县城关镇幸福路88号", "address", "示例县城关镇幸福路88号"],
  ["住城关镇幸福路88号", "address", "城关镇幸福路88号"],
  ["家住幸福路88号的居民", "address", "幸福路88号"],
  ["住幸福路 88 号", "address", "幸福路 88 号"],
  ["住幸福路８８号", "address", "幸福路８８号"],
  ["代表的电话 0571 8765 4321", "landline", "0571 8765 4321"],
  ["请回电139-1234-5678", "mobile", "139-1234-5678"],
  ["代表证件110101199003074514", "idNumber", "110101199003074514"],
  ["来信邮箱LiJianGuo@Example.com", "email", "LiJianGuo@Example.com"],
];

// Text a public reply or note really contains, none of it personal data.
const NOT_PERSONAL: readonly string[] = [
  "信件编号XF2026000123，查询码ABCD-2345-EFGH",
  "XF2026138123号信件已受理",
  "于2026-03-02受理，2026年3月2日答复",
  "2026/03/02 14:30 召开协调会",
  "受理时间 2026-03-02 09:30:00",
  "补偿款￥12,345.00已于本月发放",
  "共计 1,380,000 元",
  "依据浙信〔2026〕12号文件办理",
  "根据示政办发〔2025〕88号",
  "依照《信访工作条例》第34条、第46条",
  "涉及12户38人，占地1380平方米",
  "邮编310000，邮编 32100",
  "订单号2138123456789",
  "订单号13812345678901",
  "卡号6222021381234567890",
  "编号110101199003074515（非身份证）",
  "统计期 2019-2026 年",
  "电话会议于10:30开始",
  "路灯 120 盏，已修复 88 盏",
  "幸福路路灯已全部修复", // the street alone is a public place
  "城关镇人民政府已答复",
  "第88号公告",
  "版本 v1.2.3，共 5 页",
  "李主任和王科长参加了座谈", // surnames alone are not the names on the case
];

describe("scanPersonalData: what it finds", () => {
  it.each(FOUND)("%j → %s %j", (text, kind, value) => {
    expect(found(text)).toEqual([[kind, value]]);
  });
});

describe("scanPersonalData: no false alarms", () => {
  it.each(NOT_PERSONAL)("%j", (text) => {
    expect(found(text)).toEqual([]);
  });
});

describe("the table", () => {
  it("has at least 40 strings each way in total", () => {
    expect(FOUND.length + NOT_PERSONAL.length).toBeGreaterThanOrEqual(40);
    expect(FOUND.length).toBeGreaterThanOrEqual(20);
    expect(NOT_PERSONAL.length).toBeGreaterThanOrEqual(20);
  });
});

describe("normalizeForScan", () => {
  it("keeps every position (one unit for one unit)", () => {
    const text = "（０５７１）８８８８８８８８　ｚｈａｎｇ＠ｑｑ．ｃｏｍ—𠀋";
    const n = normalizeForScan(text);
    expect(n).toBe("(0571)88888888 zhang@qq.com-𠀋");
    expect(n.length).toBe(text.length);
  });
});

describe("addressParts", () => {
  it("gives the address, the address without its county, and the street and number", () => {
    expect(addressParts("示例县城关镇幸福路88号")).toEqual([
      "示例县城关镇幸福路88号",
      "城关镇幸福路88号",
      "幸福路88号",
    ]);
    expect(addressParts("浙江省杭州市西湖区文三路100号")).toEqual([
      "浙江省杭州市西湖区文三路100号",
      "杭州市西湖区文三路100号",
      "西湖区文三路100号",
      "文三路100号",
    ]);
    expect(addressParts("示例县城关镇幸福小区5幢2单元301室")).toEqual([
      "示例县城关镇幸福小区5幢2单元301室",
      "城关镇幸福小区5幢2单元301室",
      "幸福小区5幢2单元301室",
    ]);
    expect(addressParts("示例县东关镇东关村三组")).toEqual([
      "示例县东关镇东关村三组",
      "东关镇东关村三组",
      "东关村三组",
    ]);
  });

  it("never a part without a number or one that starts with the number (88号 is in every 文号)", () => {
    expect(addressParts("示例县城关镇东关村")).toEqual(["示例县城关镇东关村"]);
    expect(addressParts("某某村3组")).toEqual(["某某村3组"]);
  });
});

describe("knownPersonalDataOf", () => {
  it("collects the petitioner's and every representative's values, skipping blanks", () => {
    expect(CASE).toEqual({
      names: ["李建国", "欧阳娜娜", "王芳"],
      phones: ["13912345678", "0571-87654321"],
      idNumbers: ["11010519491231002X", "110101199003074514"],
      emails: ["lijianguo@example.com"],
      addresses: ["示例县城关镇幸福路88号"],
    });
  });
});

describe("maskFreeText with the case's values", () => {
  const texts = FOUND.map(([text]) => text);
  it.each(texts)("leaves nothing to find in %j", (text) => {
    expect(scanPersonalData(maskFreeText(text, CASE), CASE)).toEqual([]);
  });

  it("masks full-width digits like ASCII ones", () => {
    expect(maskFreeText("手机１３８１２３４５６７８", CASE)).toBe("手机138****5678");
    expect(maskFreeText("住城关镇幸福路88号，李 建 国", CASE)).toBe("住***，李****");
  });
});
