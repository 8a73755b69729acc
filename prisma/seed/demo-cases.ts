// Three well-known demo cases with FIXED query codes, for the README and e2e journeys:
// one waiting at the bureau, one being handled by 住建局, one answered and published.
// Their tracking numbers are demo numbers (XFD…, never the real series) in a reserved block (900001–900003)
// of the year they were received in, above anything the generated history uses (DEMO_HISTORY_MAX_SEQUENCE).
import { civilYear } from "../../lib/domain/civil-date";
import type { HolidayCalendar } from "../../lib/domain/deadlines";
import { formatDemoTrackingNo, hashQueryCode, normalizeQueryCode } from "../../lib/domain/tracking";
import type { Channel, PetitionState } from "../../generated/prisma/client";
import { categoryById } from "./categories";
import type { BuiltCase } from "./case-types";
import { buildCase } from "./lifecycle";
import { CALM_PLAN, randomPlan, type Plan } from "./plan";
import { Random } from "./random";
import { DAY } from "./time";
import { DEMO } from "./units";

type DemoCaseDef = {
  sequence: number;
  queryCode: string;
  /** The state the case is left in. */
  state: PetitionState;
  daysAgo: number;
  channel: Channel;
  categoryId: string;
  placeId: string;
  title: string;
  content: string;
  person: { name: string; phone: string; idNumber: string | null; email: string | null };
  address: string;
  plan: Partial<Plan>;
};

export const DEMO_CASES = {
  /** 待受理 at 信访局 (bureau1 routes it). */
  submitted: {
    sequence: 900001,
    queryCode: "DEMQSUBMT2N8",
    state: "SUBMITTED",
    daysAgo: 1,
    channel: "ONLINE",
    categoryId: "cat-csgl",
    placeId: DEMO.dhjd.id,
    title: "滨河路路灯长期不亮",
    content:
      "本人李明华，家住示例县东湖街道湖滨社区阳光花园5栋1单元302室。滨河路从阳光花园小区至东湖中学路段的路灯已经三个月不亮，夜间行人和学生出行很不安全。请求尽快维修。联系电话：13912340001。",
    person: { name: "李明华", phone: "13912340001", idNumber: null, email: "liminghua88@example.com" },
    address: "示例县东湖街道湖滨社区阳光花园5栋1单元302室",
    plan: { stopAfter: "RECEIVED" },
  },
  /** 办理中 at 住建局, assigned to zjj1. */
  accepted: {
    sequence: 900002,
    queryCode: "DEMQACCPT3K7",
    state: "ACCEPTED",
    daysAgo: 20,
    channel: "ONLINE",
    categoryId: "cat-cxjs",
    placeId: DEMO.cgz.id,
    title: "翠湖苑小区电梯频繁故障无人维修",
    content:
      "翠湖苑小区3号楼电梯近两个月已发生故障5次，其中一次困人近一小时。物业公司以维保合同到期为由推诿。楼内多为老年住户，出行十分困难，请求相关部门督促维修并加强监管。本人王桂兰，联系电话13607310002。",
    person: { name: "王桂兰", phone: "13607310002", idNumber: null, email: null },
    address: "示例县城关镇新华街社区翠湖苑3栋2单元601室",
    plan: { routeTo: DEMO.zjj.id, decision: "accept", assign: true, stopAfter: "ACCEPTED" },
  },
  /** 已答复 by 住建局 and published (consent + approved redaction); the review window is still open. */
  replied: {
    sequence: 900003,
    queryCode: "DEMQANSWR4W9",
    state: "REPLIED",
    daysAgo: 28,
    channel: "ONLINE",
    categoryId: "cat-cxjs",
    placeId: DEMO.cgz.id,
    title: "关于幸福家园小区物业维修基金使用的问题",
    content:
      "本人张建国，家住示例县城关镇解放路社区幸福家园3栋2单元502室。幸福家园小区3号楼屋面漏水已六个月，业主多次向物业公司反映，物业称需动用专项维修基金，但申请至今未获审批。雨天楼道积水，墙体发霉，存在安全隐患。请求相关部门督促尽快启用维修基金进行维修。联系电话：13800731234。",
    person: { name: "张建国", phone: "13800731234", idNumber: null, email: "zhangjianguo@example.net" },
    address: "示例县城关镇解放路社区幸福家园3栋2单元502室",
    plan: {
      routeTo: DEMO.zjj.id,
      decision: "accept",
      assign: true,
      outcome: "SUPPORT",
      publish: true,
      stopAfter: "PUBLISHED",
    },
  },
} as const satisfies Record<string, DemoCaseDef>;

export type DemoCaseKey = keyof typeof DEMO_CASES;

for (const def of Object.values(DEMO_CASES)) {
  if (normalizeQueryCode(def.queryCode) !== def.queryCode) throw new Error(`bad demo query code ${def.queryCode}`);
}

const receivedAtOf = (def: DemoCaseDef, now: Date) => new Date(now.getTime() - def.daysAgo * DAY - 2 * 60 * 60 * 1000);

/** The tracking number a demo case gets when seeded at `now` (its year is the year it was received). */
export function demoCaseTrackingNo(key: DemoCaseKey, now: Date): string {
  const def: DemoCaseDef = DEMO_CASES[key];
  return formatDemoTrackingNo(civilYear(receivedAtOf(def, now)), def.sequence);
}

export function buildDemoCases(ctx: { now: Date; cal: HolidayCalendar; secret: string }): BuiltCase[] {
  return (Object.keys(DEMO_CASES) as DemoCaseKey[]).map((key) => {
    const def: DemoCaseDef = DEMO_CASES[key];
    const rnd = new Random(`demo-case:${key}`);
    const category = categoryById(def.categoryId);
    const trackingNo = demoCaseTrackingNo(key, ctx.now);
    const base = randomPlan(rnd, category, def.placeId, true);
    const built = buildCase(
      { now: ctx.now, cal: ctx.cal, rnd },
      {
        id: `demo-${key}`,
        trackingNo,
        queryCodeHash: hashQueryCode(def.queryCode, trackingNo, ctx.secret),
        channel: def.channel,
        category,
        title: def.title,
        content: def.content,
        placeId: def.placeId,
        accusedUnitId: null,
        person: def.person,
        address: def.address,
        consentPublic: true,
        personCount: 1,
        representatives: [],
        sourceDocNo: null,
        receivedAt: receivedAtOf(def, ctx.now),
        repeatOfId: null,
      },
      { ...CALM_PLAN, routeTo: base.routeTo, outcome: base.outcome, ...def.plan },
    );
    if (built.petition.state !== def.state) {
      throw new Error(`demo case ${key} ended in ${built.petition.state}, not ${def.state} (a step fell after "now")`);
    }
    return built;
  });
}
