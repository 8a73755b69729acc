// The unit tree of 示例县 with stable ids, so tests, e2e journeys and the README can name units.
import type { Prisma, UnitKind } from "../../generated/prisma/client";

export type UnitDef = {
  id: string;
  code: string;
  name: string;
  shortName: string;
  kind: UnitKind;
  parentId: string | null;
};

type Top = { key: string; code: string; name: string; shortName: string; kind: UnitKind };

const GOV: Top = { key: "gov", code: "XZF", name: "示例县人民政府", shortName: "县政府", kind: "GOVERNMENT" };
const BUREAU: Top = { key: "bureau", code: "XFJ", name: "示例县信访局", shortName: "信访局", kind: "BUREAU" };

/** 县直部门, 政法机关 (涉法涉诉) and 纪委监委 (检举控告), all directly under the county government. */
const COUNTY_UNITS: readonly Top[] = [
  { key: "zjj", code: "ZJJ", name: "示例县住房和城乡建设局", shortName: "住建局", kind: "DEPARTMENT" },
  { key: "rsj", code: "RSJ", name: "示例县人力资源和社会保障局", shortName: "人社局", kind: "DEPARTMENT" },
  { key: "zrzyj", code: "ZRZYJ", name: "示例县自然资源局", shortName: "自然资源局", kind: "DEPARTMENT" },
  { key: "jyj", code: "JYJ", name: "示例县教育局", shortName: "教育局", kind: "DEPARTMENT" },
  { key: "wjw", code: "WJW", name: "示例县卫生健康委员会", shortName: "卫健委", kind: "DEPARTMENT" },
  { key: "scjgj", code: "SCJGJ", name: "示例县市场监督管理局", shortName: "市场监管局", kind: "DEPARTMENT" },
  { key: "jtysj", code: "JTYSJ", name: "示例县交通运输局", shortName: "交通运输局", kind: "DEPARTMENT" },
  { key: "sthjj", code: "STHJJ", name: "示例县生态环境局", shortName: "生态环境局", kind: "DEPARTMENT" },
  { key: "nyncj", code: "NYNCJ", name: "示例县农业农村局", shortName: "农业农村局", kind: "DEPARTMENT" },
  { key: "mzj", code: "MZJ", name: "示例县民政局", shortName: "民政局", kind: "DEPARTMENT" },
  { key: "cgj", code: "CGJ", name: "示例县城市管理局", shortName: "城管局", kind: "DEPARTMENT" },
  { key: "slj", code: "SLJ", name: "示例县水利局", shortName: "水利局", kind: "DEPARTMENT" },
  { key: "gaj", code: "GAJ", name: "示例县公安局", shortName: "公安局", kind: "LEGAL" },
  { key: "fy", code: "FY", name: "示例县人民法院", shortName: "县法院", kind: "LEGAL" },
  { key: "jcy", code: "JCY", name: "示例县人民检察院", shortName: "县检察院", kind: "LEGAL" },
  { key: "jw", code: "JWJW", name: "示例县纪委监委", shortName: "纪委监委", kind: "DISCIPLINE" },
];

/** 乡镇（街道） and their 村（社区）. */
const TOWNSHIPS: ReadonlyArray<{ key: string; code: string; name: string; villages: readonly string[] }> = [
  { key: "cgz", code: "CGZ", name: "城关镇", villages: ["解放路社区", "新华街社区", "东关村", "西关村"] },
  { key: "dhjd", code: "DHJD", name: "东湖街道", villages: ["湖滨社区", "东湖社区", "望湖社区"] },
  { key: "xsz", code: "XSZ", name: "西山镇", villages: ["西山村", "石门村", "枫林村"] },
  { key: "nhx", code: "NHX", name: "南河乡", villages: ["南河村", "柳湾村"] },
  { key: "btz", code: "BTZ", name: "北塘镇", villages: ["北塘村", "荷花村", "新塘村"] },
  { key: "qsz", code: "QSZ", name: "青石镇", villages: ["青石村", "白沙村", "马鞍村", "龙泉村"] },
  { key: "tyx", code: "TYX", name: "桃源乡", villages: ["桃源村", "杏花村"] },
  { key: "lxz", code: "LXZ", name: "柳溪镇", villages: ["柳溪社区", "下溪村", "上溪村"] },
];

const unitId = (key: string) => `u-${key}`;

function buildDefs(): UnitDef[] {
  const defs: UnitDef[] = [];
  const add = (t: Top, parentId: string | null) =>
    defs.push({ id: unitId(t.key), code: t.code, name: t.name, shortName: t.shortName, kind: t.kind, parentId });
  add(GOV, null);
  add(BUREAU, unitId(GOV.key));
  for (const u of COUNTY_UNITS) add(u, unitId(GOV.key));
  for (const t of TOWNSHIPS) {
    add({ key: t.key, code: t.code, name: t.name, shortName: t.name, kind: "TOWNSHIP" }, unitId(GOV.key));
    t.villages.forEach((v, i) => {
      const n = String(i + 1).padStart(2, "0");
      add({ key: `${t.key}-${n}`, code: `${t.code}-${n}`, name: v, shortName: v, kind: "VILLAGE" }, unitId(t.key));
    });
  }
  return defs;
}

/** Every unit, parents before children. */
export const UNITS: readonly UnitDef[] = buildDefs();

const BY_ID = new Map(UNITS.map((u) => [u.id, u]));

export function unitById(id: string): UnitDef {
  const u = BY_ID.get(id);
  if (!u) throw new Error(`unknown unit ${id}`);
  return u;
}

/** "/gov/…/self/": the ids from the root down to the unit itself. */
export function unitPath(id: string): string {
  const ids: string[] = [];
  for (let u: UnitDef | undefined = unitById(id); u; u = u.parentId ? BY_ID.get(u.parentId) : undefined)
    ids.unshift(u.id);
  return `/${ids.join("/")}/`;
}

export function childrenOf(id: string): UnitDef[] {
  return UNITS.filter((u) => u.parentId === id);
}

export const TOWNSHIP_IDS: readonly string[] = TOWNSHIPS.map((t) => unitId(t.key));

/** Key ids and codes for tests, e2e and the README. */
export const DEMO = {
  units: Object.fromEntries(UNITS.map((u) => [u.id.slice(2), u.id])) as Record<string, string>,
  gov: { id: unitId("gov"), code: GOV.code },
  bureau: { id: unitId("bureau"), code: BUREAU.code },
  zjj: { id: unitId("zjj"), code: "ZJJ" }, // 住建局
  rsj: { id: unitId("rsj"), code: "RSJ" }, // 人社局
  jw: { id: unitId("jw"), code: "JWJW" }, // 纪委监委
  fy: { id: unitId("fy"), code: "FY" }, // 县法院
  cgz: { id: unitId("cgz"), code: "CGZ" }, // 城关镇
  cgzVillage: { id: unitId("cgz-01"), code: "CGZ-01" }, // 城关镇解放路社区
  dhjd: { id: unitId("dhjd"), code: "DHJD" }, // 东湖街道
} as const;

export function unitRows(createdAt: Date): Prisma.UnitCreateManyInput[] {
  return UNITS.map((u, i) => ({
    id: u.id,
    code: u.code,
    name: u.name,
    shortName: u.shortName,
    kind: u.kind,
    parentId: u.parentId,
    path: unitPath(u.id),
    sortOrder: i,
    createdAt,
  }));
}
