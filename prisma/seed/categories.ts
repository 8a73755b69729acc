// 信访事项分类. Each category says which units the bureau usually routes it to (条例第22条: 按照
// 属地管理、分级负责，谁主管、谁负责), and what share goes to the township where it happened (属地).
import type { CategoryKind, Prisma } from "../../generated/prisma/client";

export type CategoryDef = {
  id: string;
  code: string;
  name: string;
  kind: CategoryKind;
  /** Unit keys (see units.ts: id = "u-" + key) that handle it at county level. */
  units: readonly string[];
  /** Share of cases routed to the township of the place instead. */
  township: number;
  /** Relative frequency among all cases. */
  weight: number;
};

export const CATEGORIES: readonly CategoryDef[] = [
  { id: "cat-cxjs", code: "CXJS", name: "城乡建设", kind: "APPEAL", units: ["zjj"], township: 0.3, weight: 17 },
  { id: "cat-ldsb", code: "LDSB", name: "劳动社保", kind: "APPEAL", units: ["rsj"], township: 0.1, weight: 14 },
  { id: "cat-gtzy", code: "GTZY", name: "国土资源", kind: "APPEAL", units: ["zrzyj"], township: 0.4, weight: 9 },
  { id: "cat-jywt", code: "JYWT", name: "教育文体", kind: "APPEAL", units: ["jyj"], township: 0.05, weight: 7 },
  { id: "cat-wsjk", code: "WSJK", name: "卫生健康", kind: "APPEAL", units: ["wjw"], township: 0.05, weight: 6 },
  { id: "cat-scjg", code: "SCJG", name: "市场监管", kind: "APPEAL", units: ["scjgj"], township: 0, weight: 7 },
  { id: "cat-jtys", code: "JTYS", name: "交通运输", kind: "APPEAL", units: ["jtysj"], township: 0.2, weight: 5 },
  { id: "cat-sthj", code: "STHJ", name: "生态环境", kind: "APPEAL", units: ["sthjj"], township: 0.25, weight: 6 },
  { id: "cat-nync", code: "NYNC", name: "农村农业", kind: "APPEAL", units: ["nyncj", "slj"], township: 0.5, weight: 8 },
  { id: "cat-mzjz", code: "MZJZ", name: "民政救助", kind: "APPEAL", units: ["mzj"], township: 0.4, weight: 5 },
  { id: "cat-csgl", code: "CSGL", name: "城市管理", kind: "APPEAL", units: ["cgj"], township: 0.2, weight: 5 },
  {
    id: "cat-zcjy",
    code: "ZCJY",
    name: "政策建议",
    kind: "SUGGESTION",
    units: ["zjj", "jyj", "jtysj", "wjw", "cgj", "nyncj"],
    township: 0,
    weight: 3,
  },
  { id: "cat-jjkg", code: "JJKG", name: "检举控告", kind: "ACCUSATION", units: ["jw"], township: 0, weight: 3 },
  {
    id: "cat-sfss",
    code: "SFSS",
    name: "涉法涉诉",
    kind: "LEGAL",
    units: ["fy", "jcy", "gaj"],
    township: 0,
    weight: 7,
  },
];

const BY_ID = new Map(CATEGORIES.map((c) => [c.id, c]));

export function categoryById(id: string): CategoryDef {
  const c = BY_ID.get(id);
  if (!c) throw new Error(`unknown category ${id}`);
  return c;
}

export function categoryRows(): Prisma.CategoryCreateManyInput[] {
  return CATEGORIES.map((c, i) => ({ id: c.id, code: c.code, name: c.name, kind: c.kind, sortOrder: i }));
}
