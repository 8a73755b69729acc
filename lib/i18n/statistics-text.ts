// The statistics in words (统计, 年度报告): a rate in percent, a 同比 change, the period's name, and the annual
// report's paragraphs in the style of a county's petition-work summary ("2025年共受理信访总量1628件次，同比增18.5%。
// 其中来信50件，同比减53.7%；来访296批1580人次……"). The figures are lib/domain/statistics.ts's, so the report says
// exactly what stats.json and the statistics page show.
import { percentOneDecimal } from "@/lib/domain/scorecard";
import type { StatRate, Statistics, StatsPeriod } from "@/lib/domain/statistics";
import type { Translate } from "./index";

/** A rate as the pages and the report show it: percent with one decimal, rounded half up; "—" with no denominator. */
export function ratePercentText(r: Pick<StatRate, "num" | "den">): string {
  const p = percentOneDecimal(r.num, r.den);
  return p === null ? "—" : `${p.toFixed(1)}%`;
}

/** 同比增18.5% · 同比减53.7% · 与上年同期持平 · 上年同期为零 */
export function yoyText(t: Translate, pct: number | null): string {
  if (pct === null) return t("stats.yoy.none");
  if (pct === 0) return t("stats.yoy.flat");
  return t(pct > 0 ? "stats.yoy.up" : "stats.yoy.down", { pct: Math.abs(pct).toFixed(1) });
}

/** 2025年 · 2025年第一季度 (2025 · Q1 2025) */
export function periodText(t: Translate, p: StatsPeriod): string {
  return p.quarter === null
    ? t("stats.periodYear", { year: p.year })
    : t("stats.periodQuarter", { year: p.year, quarterName: t(`stats.quarterName.q${p.quarter}`) });
}

/** The report's paragraphs for `scope` (the county or a unit) over the period. */
export function reportParagraphs(t: Translate, scope: string, period: StatsPeriod, s: Statistics): string[] {
  const { counts: c, yoy, rates: r, shares } = s;
  const volume = t("report.volume", {
    scope,
    period: periodText(t, period),
    personTimes: c.total_person_times,
    cases: c.cases,
    yoy: yoyText(t, yoy.total_person_times),
    casesYoy: yoyText(t, yoy.cases),
  });
  const channels = t("report.channels", {
    letters: c.letters,
    lettersYoy: yoyText(t, yoy.letters),
    visitBatches: c.visit_batches,
    visitPersons: c.visit_persons,
    visitBatchesYoy: yoyText(t, yoy.visit_batches),
    visitPersonsYoy: yoyText(t, yoy.visit_persons),
    online: c.online,
    onlineYoy: yoyText(t, yoy.online),
    phone: c.phone,
    phoneYoy: yoyText(t, yoy.phone),
    fax: c.fax,
    faxYoy: yoyText(t, yoy.fax),
    fromHigher: c.from_higher,
    fromHigherYoy: yoyText(t, yoy.from_higher),
  });
  const collective =
    c.collective_batches === 0
      ? t("report.noCollective")
      : t("report.collective", {
          batches: c.collective_batches,
          persons: c.collective_persons,
          batchShare: ratePercentText(shares.collective_batch_share),
          personShare: ratePercentText(shares.collective_person_share),
          batchesYoy: yoyText(t, yoy.collective_batches),
          personsYoy: yoyText(t, yoy.collective_persons),
        });
  const rates = t("report.rates", {
    timely: ratePercentText(r.timely_acceptance_rate),
    onTime: ratePercentText(r.on_time_completion_rate),
    completion: ratePercentText(r.completion_rate),
    participation: ratePercentText(r.participation_rate),
    satisfaction: ratePercentText(r.satisfaction_rate),
    satisfied: ratePercentText(r.satisfied_rate),
  });
  const follow = t("report.followUp", {
    repeat: r.repeat_rate.num,
    repeatRate: ratePercentText(r.repeat_rate),
    supervised: r.supervision_rate.num,
    supervisionRate: ratePercentText(r.supervision_rate),
    reviews: r.review_rate.num,
    reviewRate: ratePercentText(r.review_rate),
  });
  return [`${volume}${channels}`, collective, rates, follow];
}
