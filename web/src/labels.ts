// The Chinese and English words the page shows for the hub's enum values.
export const DIRECTION: Record<string, string> = {
  INBOUND: "来访 inbound",
  OUTBOUND: "出访 outbound",
};

export const PURPOSE: Record<string, string> = {
  GOVERNMENT: "政务 government",
  TRADE_INVESTMENT: "经贸 trade",
  CULTURE: "文化 culture",
  EDUCATION: "教育 education",
  SCIENCE_TECH: "科技 science",
  AGRICULTURE: "农业 agriculture",
  HEALTH: "卫生 health",
  YOUTH: "青少年 youth",
  OVERSEAS_CHINESE: "侨务 overseas Chinese",
  CONSULAR: "领事 consular",
  OTHER: "其他 other",
};

export const STAGE: Record<string, string> = {
  PROSPECT: "意向 prospect",
  CONTACT: "接触 contact",
  NEGOTIATING: "商谈 negotiating",
  ESTABLISHED: "已缔结 established",
  SUSPENDED: "中止 suspended",
  ENDED: "终止 ended",
};

export const METRIC: Record<string, string> = {
  NEW_SISTER_CITIES: "新缔结友好城市 new sister cities",
  NEW_FRIENDLY_EXCHANGES: "新友好交流城市 new friendly-exchange cities",
  NEW_PROSPECTS: "新友城发展对象 new prospects",
  INBOUND_DELEGATIONS: "来访团组 inbound delegations",
  OUTBOUND_DELEGATIONS: "出访团组 outbound delegations",
  INVESTMENT_SIGNED_AMOUNT: "签约金额 investment signed",
};

export const REGION: Record<string, string> = {
  AFRICA: "非洲 Africa",
  AMERICAS: "美洲 Americas",
  ASIA: "亚洲 Asia",
  EUROPE: "欧洲 Europe",
  OCEANIA: "大洋洲 Oceania",
  ANTARCTICA: "南极洲 Antarctica",
};

export const NODE_TYPE: Record<string, string> = {
  City: "城市 city",
  Country: "国家 country",
  Person: "人员 person",
  Organization: "组织 organization",
  Delegation: "团组 delegation",
  InvestmentIntention: "投资意向 investment",
  LiaisonOffice: "联络处 liaison office",
};

export const EDGE_KIND: Record<string, string> = {
  PARTNERSHIP: "友城关系 partnership",
  VISIT: "来访出访 visit",
  MEMBERSHIP: "任职 membership",
  AFFILIATION: "关联 affiliation",
  INVESTMENT: "投资 investment",
  RESIDENCE: "居住 residence",
  LIAISON_OFFICE: "联络处 liaison office",
};

/** UN M49 sub-regions, as the hub names them. */
export const SUBREGION: Record<string, string> = {
  Antarctica: "南极洲",
  "Australia and New Zealand": "澳大利亚和新西兰",
  Caribbean: "加勒比",
  "Central America": "中美洲",
  "Central Asia": "中亚",
  "Eastern Africa": "东非",
  "Eastern Asia": "东亚",
  "Eastern Europe": "东欧",
  Melanesia: "美拉尼西亚",
  Micronesia: "密克罗尼西亚",
  "Middle Africa": "中非",
  "Northern Africa": "北非",
  "Northern America": "北美",
  "Northern Europe": "北欧",
  Polynesia: "波利尼西亚",
  "South America": "南美洲",
  "South-eastern Asia": "东南亚",
  "Southern Africa": "南部非洲",
  "Southern Asia": "南亚",
  "Southern Europe": "南欧",
  "Western Africa": "西非",
  "Western Asia": "西亚",
  "Western Europe": "西欧",
};

export const label = (words: Record<string, string>, value: string): string =>
  words[value] ?? value;
