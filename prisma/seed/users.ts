// Demo staff accounts: every role, bound to units. DEMO ONLY — the password is published in the README.
import { hash } from "@node-rs/argon2";
import type { Prisma, Role } from "../../generated/prisma/client";
import { unitById } from "./units";

export const DEMO_PASSWORD = "demo-pass-2026";

export type StaffDef = { id: string; username: string; displayName: string; role: Role; unitId: string };

const staff = (username: string, displayName: string, role: Role, unitKey: string): StaffDef => ({
  id: `user-${username}`,
  username,
  displayName,
  role,
  unitId: `u-${unitKey}`,
});

/** One handler for each unit that receives cases: username = unit key + "1" (zjj1 = 住建局). */
const UNIT_HANDLERS: ReadonlyArray<[unitKey: string, displayName: string]> = [
  ["zjj", "王建华"],
  ["rsj", "李秀梅"],
  ["zrzyj", "张国强"],
  ["jyj", "刘晓燕"],
  ["wjw", "陈志刚"],
  ["scjgj", "杨丽娟"],
  ["jtysj", "赵伟"],
  ["sthjj", "黄海涛"],
  ["nyncj", "周春生"],
  ["mzj", "吴桂芳"],
  ["cgj", "徐明"],
  ["slj", "孙立军"],
  ["gaj", "胡振华"],
  ["fy", "朱文静"],
  ["jcy", "高峰"],
  ["jw", "林正清"],
  ["cgz", "何红梅"],
  ["dhjd", "郭志远"],
  ["xsz", "马玉兰"],
  ["nhx", "罗建军"],
  ["btz", "梁小平"],
  ["qsz", "宋文博"],
  ["tyx", "郑淑珍"],
  ["lxz", "谢国庆"],
];

export const STAFF: readonly StaffDef[] = [
  staff("admin", "系统管理员", "admin", "bureau"),
  staff("bureau1", "韩晓东", "handler", "bureau"), // 信访局登记、转送
  staff("bureau2", "唐雪", "handler", "bureau"),
  staff("super1", "冯建国", "supervisor", "gov"), // 县级督办: the whole county is its subtree
  staff("xzf1", "曹颖", "handler", "gov"), // 县政府: 复查、复核 (the next-higher body)
  staff("super2", "邓卫东", "supervisor", "cgz"), // 城关镇督办: 城关镇 and its villages
  ...UNIT_HANDLERS.map(([key, name]) => staff(`${key}1`, name, "handler", key)),
];

/** Usernames the README and e2e tests use; all share DEMO_PASSWORD. */
export const DEMO_USERS = {
  admin: "admin",
  bureauHandler: "bureau1",
  bureauHandler2: "bureau2",
  countySupervisor: "super1",
  governmentHandler: "xzf1",
  townshipSupervisor: "super2",
  zjjHandler: "zjj1",
  rsjHandler: "rsj1",
  cgzHandler: "cgz1",
  dhjdHandler: "dhjd1",
} as const;

const BY_USERNAME = new Map(STAFF.map((s) => [s.username, s]));

export function staffByUsername(username: string): StaffDef {
  const s = BY_USERNAME.get(username);
  if (!s) throw new Error(`unknown demo user ${username}`);
  return s;
}

/** The handler of a unit (the first one listed). */
export function handlerOf(unitId: string): StaffDef {
  const s = STAFF.find((u) => u.unitId === unitId && u.role === "handler");
  if (!s) throw new Error(`no handler for ${unitById(unitId).name}`);
  return s;
}

/** argon2id (the library's default). Hash once and reuse: hashing is deliberately slow. */
export function hashDemoPassword(password = DEMO_PASSWORD): Promise<string> {
  return hash(password);
}

export function userRows(passwordHash: string, createdAt: Date): Prisma.UserCreateManyInput[] {
  return STAFF.map((s) => ({ ...s, passwordHash, createdAt }));
}
