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

export const label = (words: Record<string, string>, value: string): string =>
  words[value] ?? value;
