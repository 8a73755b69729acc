// Titles, contents, notes and replies for demo cases: templates per category with {slots}.
import type { Outcome } from "../../generated/prisma/client";
import { PLACE_WORDS } from "./people";
import type { Random } from "./random";

type Template = readonly [title: string, body: string];

const TEMPLATES: Readonly<Record<string, readonly Template[]>> = {
  CXJS: [
    [
      "关于{estate}小区物业维修基金使用的问题",
      "{estate}小区{n}号楼屋面漏水已{months}个月，业主多次向物业公司反映，物业称需动用专项维修基金，但申请至今未获审批。雨天楼道积水，墙体发霉，存在安全隐患。请求相关部门督促尽快启用维修基金进行维修。",
    ],
    [
      "{estate}小区开发商逾期未办理不动产权证",
      "我们是{estate}小区业主，于{year}年购房并已付清全部房款，开发商承诺交房后一年内办理不动产权证，至今已逾期{months}个月仍未办理，影响子女入学和房屋抵押。请求督促开发商尽快办证。",
    ],
    [
      "{road}旧城改造项目拆迁补偿标准不明",
      "{road}旧城改造项目涉及我家房屋，征收部门只给了一个补偿总数，未公开评估报告和补偿标准。我们希望依法公开评估结果和补偿安置方案，保障被征收人的知情权。",
    ],
    [
      "{estate}小区电梯频繁故障无人维修",
      "{estate}小区{n}号楼电梯近两个月已发生故障{n}次，其中一次困人近一小时。物业公司以维保合同到期为由推诿。楼内多为老年住户，出行十分困难，请求相关部门督促维修并加强监管。",
    ],
    [
      "关于{town}{village}农房危改补助未发放的问题",
      "本人{year}年申报了农村危房改造，房屋已按要求拆除重建并通过验收，但{amount}元补助资金至今未到账。多次到镇里询问，答复是资金未拨付。请求查明原因，尽快发放。",
    ],
  ],
  LDSB: [
    [
      "{company}拖欠农民工工资",
      "我们{n}名工人在{company}承建的项目上务工，{year}年共拖欠工资约{amount}元，包工头失联，公司称已将工资支付给包工头。临近年关，工人生活困难，请求有关部门帮助追讨欠薪。",
    ],
    [
      "关于{company}未依法缴纳社会保险的问题",
      "本人在{company}工作已{n}年，公司一直未为员工缴纳社会保险，也未签订书面劳动合同。请求劳动保障部门依法查处，督促单位为员工补缴社会保险。",
    ],
    [
      "养老保险待遇核定有误申请复核",
      "本人于{year}年办理退休，社保部门核定的缴费年限比实际少了{n}年，导致每月养老金少发。本人有原单位档案和工资表可以证明，请求重新核定养老保险待遇。",
    ],
    [
      "工伤认定申请超期未作出决定",
      "本人在{company}上班期间受伤，{months}个月前已向人社局提交工伤认定申请及全部材料，至今未收到认定结论，医疗费用无法报销。请求尽快作出工伤认定。",
    ],
  ],
  GTZY: [
    [
      "{town}{village}宅基地审批问题",
      "本人家庭人口增加，原有住房拥挤，{year}年向村里申请新建住房宅基地，材料齐全，至今已{months}个月未获审批，也没有书面答复。请求说明原因并依法审批。",
    ],
    [
      "关于{village}土地征收补偿款分配不公的问题",
      "{village}{n}组土地被征收用于工业园建设，补偿款由村组分配，但分配方案未经村民会议讨论，部分外嫁女和新生儿未分到补偿款。请求依法公开分配方案并纠正。",
    ],
    [
      "{town}非法占用基本农田建厂",
      "{town}{village}附近有人占用基本农田约{n}亩建设厂房，已施工{months}个月，村民多次反映无人制止。请求自然资源部门依法查处，恢复耕地。",
    ],
    [
      "不动产登记信息错误申请更正",
      "本人房屋的不动产登记证上面积与实际测绘面积相差{n}平方米，去登记中心办理更正被告知需要提供多项证明。请求简化程序，依法予以更正。",
    ],
  ],
  JYWT: [
    [
      "{school}违规收取补课费",
      "{school}在周末和寒暑假组织学生集中补课，每生收取{amount}元，名义上自愿，实际上不参加的学生会被区别对待。请求教育部门调查处理，退还所收费用。",
    ],
    [
      "孩子入学划片不合理",
      "我家住在{estate}小区，离{school}只有几百米，却被划入较远学校的学区，孩子上学需要横穿{road}，存在安全隐患。请求重新研究学区划分方案。",
    ],
    [
      "关于{town}村小撤并后学生上学难的问题",
      "{town}{village}小学撤并后，村里{n}名小学生需到镇中心校就读，距离较远，没有校车，家长每天接送困难。请求开通校车或在村里保留教学点。",
    ],
    [
      "{school}食堂饭菜质量差价格高",
      "{school}食堂饭菜质量差、分量少，每餐收费却比周边学校高，学生家长意见很大。请求对学校食堂承包经营情况进行检查。",
    ],
  ],
  WSJK: [
    [
      "{hospital}收费不透明",
      "家人在{hospital}住院{n}天，结算时发现清单中有多项未使用的检查和耗材费用，共计约{amount}元，向医院询问没有得到合理解释。请求卫生健康部门核查。",
    ],
    [
      "{town}卫生院医生服务态度差",
      "本人带孩子到{town}卫生院就诊，值班医生态度冷漠，不认真问诊就开药，孩子病情加重后转到县医院才确诊。希望加强对基层医务人员的管理。",
    ],
    [
      "建议延长县医院周末门诊时间",
      "目前{hospital}周末只开放急诊，上班族看病只能请假。建议周末开设普通门诊和专家门诊，方便群众就医。",
    ],
  ],
  SCJG: [
    [
      "{shop}销售过期食品",
      "本人于{year}年在{shop}购买的食品已超过保质期，与商家协商退换遭拒绝。请求市场监管部门依法查处，维护消费者权益。",
    ],
    [
      "{company}预付卡关门跑路",
      "{company}健身房突然关门，老板联系不上，本人办理的会员卡尚余{amount}元未消费，受影响的会员有{n}十人。请求有关部门介入处理。",
    ],
    [
      "{road}农贸市场缺斤短两",
      "{road}农贸市场部分摊贩使用作弊电子秤，顾客买一斤往往少一二两。请求加强计量器具检查，规范市场秩序。",
    ],
  ],
  JTYS: [
    [
      "{town}至县城班车停运",
      "{town}至县城的客运班车已停运{months}个月，村民进城看病、办事只能搭乘非法营运车辆，既不方便也不安全。请求尽快恢复班车或开通公交。",
    ],
    [
      "{road}路面破损严重",
      "{road}{n}公里处路面坑洼不平，雨天积水严重，已发生多起电动车摔倒事故。请求交通部门尽快修复。",
    ],
    [
      "关于{village}通村公路修建的问题",
      "{village}通往{town}的道路仍是砂石路，每逢下雨泥泞难行，农产品运不出去。请求将该路段纳入农村公路建设计划。",
    ],
  ],
  STHJ: [
    [
      "{company}夜间排放刺鼻废气",
      "{town}工业园内{company}经常在夜间排放刺鼻气体，周边{village}村民晚上不敢开窗，多人出现咳嗽、头痛症状。请求环保部门夜间突击检查。",
    ],
    [
      "{village}河道被倾倒建筑垃圾",
      "{village}附近河道两岸被大量倾倒建筑垃圾，河水发黑发臭，影响下游灌溉。请求查处倾倒行为并清理河道。",
    ],
    [
      "{estate}小区周边餐饮油烟扰民",
      "{estate}小区临街商铺开设多家烧烤店，油烟直排，噪音持续到凌晨，严重影响居民休息。请求相关部门依法整治。",
    ],
  ],
  NYNC: [
    [
      "{village}耕地地力保护补贴未足额发放",
      "本人承包{village}耕地{n}亩，{year}年耕地地力保护补贴只发放了一部分，询问村里说是面积核定有误。请求核实承包面积并补发。",
    ],
    [
      "{village}灌溉水渠年久失修",
      "{village}灌溉主渠道多处垮塌渗漏，下游{n}百亩农田无法正常灌溉，今年春耕受到影响。请求列入水利建设项目尽快维修。",
    ],
    [
      "土地流转合同到期后租金未付",
      "本人家庭承包地{n}亩流转给{company}种植，合同约定每年支付租金，{year}年起租金一直未付，共计{amount}元。请求协调解决。",
    ],
    [
      "{village}村务公开不及时",
      "{village}近两年的集体收入和支出情况一直没有公开，村民对集体资产处置有疑问。请求督促村委会依法公开村务和财务。",
    ],
  ],
  MZJZ: [
    [
      "申请最低生活保障未获批准",
      "本人患慢性病丧失劳动能力，家中无其他收入来源，{months}个月前申请最低生活保障，至今未获批准，也未告知原因。请求重新审核。",
    ],
    [
      "{village}高龄津贴停发",
      "本人父亲今年{n}十多岁，高龄津贴从{year}年起突然停发，询问村里说是系统问题。请求查明原因并补发。",
    ],
    [
      "残疾人两项补贴申请问题",
      "本人孩子为二级肢体残疾，申请困难残疾人生活补贴和重度残疾人护理补贴已{months}个月，至今未有结果。请求尽快办理。",
    ],
  ],
  CSGL: [
    [
      "{road}占道经营严重",
      "{road}两侧流动摊贩占道经营，早晚高峰车辆和行人通行困难，地面垃圾无人清理。请求城管部门加强管理。",
    ],
    [
      "{estate}小区违章搭建",
      "{estate}小区{n}号楼顶层住户在楼顶违章搭建房屋，存在安全隐患，并导致楼下住户屋顶漏水。请求依法拆除。",
    ],
    [
      "{road}路灯长期不亮",
      "{road}从{estate}小区至{school}路段的路灯已经{months}个月不亮，夜间行人和学生出行很不安全。请求尽快维修。",
    ],
  ],
  ZCJY: [
    [
      "建议在{road}增设人行横道和信号灯",
      "{road}与{school}交叉路口车流量大，学生上下学横穿马路十分危险。建议增设人行横道和信号灯，并在上下学时段安排交通协管员。",
    ],
    [
      "关于建设城区停车场的建议",
      "城区停车位严重不足，{road}一带乱停乱放现象突出。建议利用闲置地块建设公共停车场，并推行智慧停车。",
    ],
    [
      "建议在{town}建设老年人日间照料中心",
      "{town}老年人口多，子女多在外务工。建议利用{village}闲置校舍建设老年人日间照料中心，提供助餐、休闲服务。",
    ],
    [
      "关于推进农村生活垃圾分类的建议",
      "建议在{town}试点农村生活垃圾分类，配置分类垃圾桶，建立保洁员考核制度，改善农村人居环境。",
    ],
  ],
  JJKG: [
    [
      "举报{village}村干部虚报冒领补贴",
      "{village}村干部在办理{project}过程中，虚报冒领补贴资金，涉及金额约{amount}元，部分资金被用于个人开支。请求纪检监察机关调查核实。",
    ],
    [
      "反映{accused}工作人员吃拿卡要",
      "本人在办理{project}时，{accused}个别工作人员以各种理由拖延办理，暗示需要请客送礼。请求纪检监察机关调查处理。",
    ],
    [
      "举报{village}工程项目违规发包",
      "{village}{project}未经公开招标，直接发包给村干部亲属的施工队，工程质量差，造价明显偏高。请求调查。",
    ],
  ],
  SFSS: [
    [
      "对民事判决不服要求再审",
      "本人与{company}合同纠纷一案，县法院判决认定事实不清，本人不服，已提交新证据，请求启动再审程序。",
    ],
    [
      "执行案件长期未执结",
      "本人申请执行的借款纠纷案件已立案{months}个月，被执行人有房有车，法院至今未采取执行措施，执行款{amount}元未到位。请求督促执行。",
    ],
    [
      "报警后公安机关未立案",
      "本人于{year}年被人诈骗{amount}元，已向派出所报案并提供转账记录，至今未立案，也未告知结果。请求依法立案侦查。",
    ],
    [
      "对检察机关不起诉决定有异议",
      "本人作为被害人对检察院作出的不起诉决定不服，认为犯罪嫌疑人的行为已构成犯罪，请求复查该案。",
    ],
  ],
};

const COMPANIES = [
  "示例县宏达建筑工程有限公司",
  "示例县鑫源食品有限公司",
  "恒通物流有限公司",
  "华美装饰工程有限公司",
  "示例县长青农业开发有限公司",
  "金鼎置业有限公司",
  "示例县顺发纺织有限公司",
  "强盛健身会所",
];
const SCHOOLS = ["示例县第一中学", "示例县实验小学", "城关第二小学", "示例县职业中专", "东湖中学", "示例县第二中学"];
const HOSPITALS = ["示例县人民医院", "示例县中医院", "示例县妇幼保健院"];
const SHOPS = ["佳佳乐超市", "万家福超市", "惠民便利店", "红星粮油店"];
const PROJECTS = ["危房改造补助", "低保审批", "土地确权", "产业扶持项目", "道路硬化工程", "惠农补贴发放"];

export type TextSlots = { town: string; village: string; accused?: string };

function fill(text: string, slots: Record<string, string>): string {
  return text.replace(/\{(\w+)\}/g, (_, key: string) => slots[key] ?? key);
}

/** A title and content for a category, mentioning the petitioner's own details now and then (so masking has work to do). */
export function petitionText(
  rnd: Random,
  categoryCode: string,
  slots: TextSlots,
  person: { name: string; phone: string | null; address: string },
  year: number,
): { title: string; content: string } {
  const templates = TEMPLATES[categoryCode];
  if (!templates) throw new Error(`no templates for ${categoryCode}`);
  const [title, body] = rnd.pick(templates);
  const values: Record<string, string> = {
    ...slots,
    accused: slots.accused ?? "有关部门",
    estate: rnd.pick(PLACE_WORDS.ESTATES),
    road: rnd.pick(PLACE_WORDS.ROADS),
    company: rnd.pick(COMPANIES),
    school: rnd.pick(SCHOOLS),
    hospital: rnd.pick(HOSPITALS),
    shop: rnd.pick(SHOPS),
    project: rnd.pick(PROJECTS),
    amount: String(rnd.int(3, 160) * 500),
    months: String(rnd.int(2, 10)),
    n: String(rnd.int(2, 9)),
    year: String(year - rnd.int(0, 3)),
  };
  const intro = rnd.weighted({
    self: 3,
    villager: 2,
    none: 5,
  });
  const opening =
    intro === "self"
      ? `本人${person.name}，家住${person.address}。`
      : intro === "villager"
        ? `我是${slots.town}${slots.village}的居民。`
        : "";
  const closing = rnd.chance(0.25) && person.phone ? `联系电话：${person.phone}。` : "";
  return {
    title: fill(title, values),
    content: `${opening}${fill(body, values)}${rnd.pick(["恳请有关部门尽快调查处理。", "请求依法处理，谢谢！", "望领导重视。", ""])}${closing}`,
  };
}

const FINDINGS: Readonly<Record<Outcome, readonly string[]>> = {
  SUPPORT: [
    "经调查核实，您反映的情况基本属实。我单位已责成相关责任方限期整改，目前问题已得到解决",
    "经核查，您的诉求符合相关政策规定，我单位已协调有关方面予以办理，相关款项已发放到位",
  ],
  EXPLAIN: [
    "经调查核实，您反映的问题涉及的政策依据和办理程序如下，相关部门已按规定办理，现就有关情况向您解释说明",
    "经核查，您反映的事项已在处理之中，因需履行法定程序，办理周期较长，我单位将跟踪督促并及时告知进展",
  ],
  NOT_SUPPORT: [
    "经调查核实，您反映的情况与事实不符，有关单位的做法符合政策规定，您的诉求缺乏政策依据",
    "经核查，您提出的要求超出现行政策规定范围，依法不予支持",
  ],
  ADOPT: ["您的建议具有较强的针对性和可操作性，我单位予以采纳，已纳入下一年度工作计划"],
  PARTIAL_ADOPT: ["您的建议我们进行了认真研究，其中部分内容已纳入工作计划，其余内容受资金和规划限制暂不具备实施条件"],
  NOT_ADOPT: ["您的建议我们进行了认真研究，因与现行规划和政策不符，暂不予采纳，感谢您对我县工作的关心"],
};

/** The written answer (答复意见书) to the petitioner, addressed by name as such letters are. */
export function replyText(rnd: Random, outcome: Outcome, name: string, unitName: string, title: string): string {
  return `${name}同志：您反映的“${title}”已收悉。${rnd.pick(FINDINGS[outcome])}。如对本答复意见不服，可自收到本答复意见书之日起30日内向示例县人民政府书面申请复查。\n${unitName}`;
}

export function reviewText(rnd: Random, upheld: boolean, stage: "复查" | "复核"): string {
  return upheld
    ? `经${stage}，原处理意见认定事实清楚、适用政策正确，予以维持。${stage === "复查" ? "如不服，可在收到本意见之日起30日内申请复核。" : "本复核意见为最终意见，同一事实和理由不再受理。"}`
    : `经${stage}，原处理意见部分认定事实不清，责成原办理单位重新核实并妥善处理。`;
}

export const PUBLIC_NOTES = [
  "已安排工作人员到现场核实情况",
  "已召集相关单位召开协调会，研究解决方案",
  "已向有关企业发出整改通知，限期整改",
  "相关问题正在调查核实中，将在法定期限内答复",
  "已完成现场勘查，正在制定处理方案",
  "已与信访人沟通，告知办理进度",
];

export const INTERNAL_NOTES = [
  "已电话联系信访人，约定现场查看时间",
  "经初步了解，该问题涉及多个部门，需协调住建、自然资源等部门共同处理",
  "此前已有类似来信，请合并调查",
  "请核实合同原件及付款凭证后再行答复",
  "领导批示：高度重视，依法依规妥善处理",
  "信访人情绪较激动，请注意沟通方式",
];

export const ROUTING_NOTES = [
  "请依法受理并在规定期限内答复信访人",
  "请重点核实有关资金使用情况",
  "属地管理，请乡镇会同相关部门办理",
  "事关群众切身利益，请从快办理",
];

export const RETURN_REASONS = [
  "该事项不属于本单位职责范围，请重新转送",
  "该事项属于乡镇属地管理，建议转送属地乡镇办理",
  "该事项涉及其他部门主管，建议改转相关部门",
];

export const INFO_REQUESTS = [
  "请补充提供相关合同、收据等证明材料",
  "请提供具体的时间、地点和涉及人员",
  "请补充提供身份证明及房屋权属证明",
];

export const SUPPLEMENTS = [
  "已补充提交购房合同和付款凭证复印件",
  "补充说明：问题发生在上月中旬，现场有照片",
  "已补充提供相关证明材料",
];

export const WITHDRAWAL_REASONS = ["问题已经协商解决，申请撤回", "已通过其他途径解决", "对方已主动整改，不再反映"];

export const EXTENSION_REASONS = [
  "案情复杂，需多部门会商及现场测量，申请延期办理",
  "涉及历史遗留问题，需调阅档案核实，申请延期",
  "需等待第三方鉴定结论，申请延期办理",
];

/** Why a case is not accepted and where it belongs instead (条例第31条: 告知信访人依法通过相应途径解决). */
export function notAcceptedReason(kind: string, code: string): string {
  if (kind === "LEGAL")
    return "您反映的事项属于已经或者依法应当通过诉讼、仲裁、行政复议等法定途径解决的事项，根据《信访工作条例》第三十一条，信访部门不予受理。请依法向示例县人民法院提起诉讼或申请再审。";
  if (code === "LDSB")
    return "您反映的事项属于劳动争议，依法应当通过劳动仲裁途径解决，请向示例县劳动人事争议仲裁委员会申请仲裁。";
  if (code === "GTZY")
    return "您反映的事项属于对行政行为不服，可依法向示例县人民政府申请行政复议或向人民法院提起行政诉讼。";
  return "您反映的事项已经受理并正在办理，属于重复信访事项，不再重复受理。办理结果将按期告知您。";
}
