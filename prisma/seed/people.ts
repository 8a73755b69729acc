// Fake petitioners: names, mobile numbers, GB 11643 ID numbers, e-mail addresses and home addresses.
// Every value is invented; e-mail uses reserved example domains so nobody real is ever written to.
import { isValidIdNumber, isValidMobile } from "../../lib/domain/masking";
import type { Random } from "./random";
import { childrenOf, unitById } from "./units";

// Surnames roughly by frequency (more common ones repeated).
const SURNAMES = Array.from(
  "王王王李李李张张张刘刘陈陈杨杨赵黄周吴徐孙胡朱高林何郭马罗梁宋郑谢韩唐冯于董萧程曹袁邓许傅沈曾彭吕苏卢蒋蔡贾丁魏薛叶阎余潘杜戴夏钟汪田任姜范方石姚谭廖邹熊金陆郝孔白崔康毛邱秦江史顾侯邵孟龙万段雷钱汤尹黎易常武乔贺赖龚文",
);
const GIVEN = Array.from(
  "伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超秀兰霞平刚桂英华玉兰建国建华志强春梅海燕红梅玉梅金凤淑珍立新文斌德明永红小红晓东晓明国华国平卫东红霞海涛志刚俊杰子涵浩然欣怡雨涵梓轩一鸣思远佳琪",
);
const DOUBLE_SURNAMES = ["欧阳", "司马", "诸葛", "上官"];

const MOBILE_PREFIXES = [
  "130",
  "131",
  "132",
  "133",
  "135",
  "136",
  "137",
  "138",
  "139",
  "150",
  "151",
  "152",
  "153",
  "155",
  "156",
  "157",
  "158",
  "159",
  "166",
  "173",
  "177",
  "180",
  "181",
  "182",
  "183",
  "185",
  "186",
  "187",
  "188",
  "189",
  "191",
  "198",
  "199",
];

/** Region code of the fictional 示例县 (prefix of a real province, county number that does not exist). */
const REGION_CODE = "439921";

const ID_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const ID_CHECK = "10X98765432";

const EMAIL_DOMAINS = ["example.com", "example.net", "example.org", "mail.example.cn"];
const PINYIN = [
  "wang",
  "li",
  "zhang",
  "liu",
  "chen",
  "yang",
  "zhao",
  "huang",
  "zhou",
  "wu",
  "xu",
  "sun",
  "hu",
  "zhu",
  "gao",
  "lin",
  "he",
  "guo",
  "ma",
  "luo",
];

const ROADS = ["人民路", "建设路", "解放路", "迎宾大道", "滨河路", "文化路", "新华街", "育才路", "光明路", "东风路"];
const ESTATES = [
  "幸福家园",
  "阳光花园",
  "锦绣华庭",
  "滨江御府",
  "金色港湾",
  "翠湖苑",
  "学府名居",
  "富康新村",
  "和谐家园",
  "龙湖嘉园",
];

/** `phone` is null only for a letter or a higher-level transfer that gave no number (online, visits and calls always have one). */
export type Person = { name: string; phone: string | null; idNumber: string | null; email: string | null };

export function fakeName(rnd: Random): string {
  const surname = rnd.chance(0.01) ? rnd.pick(DOUBLE_SURNAMES) : rnd.pick(SURNAMES);
  return surname + rnd.pick(GIVEN) + (rnd.chance(0.7) ? rnd.pick(GIVEN) : "");
}

export function fakeMobile(rnd: Random): string {
  const m = rnd.pick(MOBILE_PREFIXES) + rnd.digits(8);
  if (!isValidMobile(m)) throw new Error(`bad mobile ${m}`);
  return m;
}

/** An 18-digit citizen ID with a real birth date and the GB 11643-1999 check character. */
export function fakeIdNumber(rnd: Random): string {
  const y = rnd.int(1950, 2004);
  const m = rnd.int(1, 12);
  const d = rnd.int(1, 28);
  const body = `${REGION_CODE}${y}${String(m).padStart(2, "0")}${String(d).padStart(2, "0")}${rnd.digits(3)}`;
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(body[i]) * ID_WEIGHTS[i]!;
  const id = body + ID_CHECK[sum % 11];
  if (!isValidIdNumber(id)) throw new Error(`bad id number ${id}`);
  return id;
}

export function fakeEmail(rnd: Random): string {
  return `${rnd.pick(PINYIN)}${rnd.pick(PINYIN)}${rnd.digits(rnd.int(2, 4))}@${rnd.pick(EMAIL_DOMAINS)}`;
}

export function fakePerson(rnd: Random, opts: { idShare: number; emailShare: number }): Person {
  return {
    name: fakeName(rnd),
    phone: fakeMobile(rnd),
    idNumber: rnd.chance(opts.idShare) ? fakeIdNumber(rnd) : null,
    email: rnd.chance(opts.emailShare) ? fakeEmail(rnd) : null,
  };
}

/** A home address in one of the township's villages or communities, with the village's unit id. */
export function fakeAddress(rnd: Random, townshipId: string): { address: string; villageId: string; village: string } {
  const town = unitById(townshipId);
  const village = rnd.pick(childrenOf(townshipId));
  const prefix = `示例县${town.name}${village.name}`;
  const address = village.name.endsWith("社区")
    ? `${prefix}${rnd.pick(ROADS)}${rnd.pick(ESTATES)}${rnd.int(1, 18)}栋${rnd.int(1, 4)}单元${rnd.int(1, 18)}0${rnd.int(1, 4)}室`
    : `${prefix}${rnd.pick(["一", "二", "三", "四", "五", "六", "七"])}组${rnd.int(1, 88)}号`;
  return { address, villageId: village.id, village: village.name };
}

export const PLACE_WORDS = { ROADS, ESTATES };
