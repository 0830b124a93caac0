// Names for synthetic records, in Chinese and English together: Chinese place and personal names
// from pinyin syllables, foreign ones from syllables with their usual transliteration, so that
// search over nameZh, nameEn and aliases has realistic text to match.
import { Random } from "./random";

type Pair = [en: string, zh: string];

/** Pairs written as "en=中 en=中 …". */
function pairs(text: string): Pair[] {
  return text.split(/\s+/).map((pair) => pair.split("=") as Pair);
}

const CHINESE_PLACE = pairs(
  `an=安 bai=白 bao=宝 bin=滨 chang=昌 cheng=城 chun=春 da=大 dan=丹 de=德 dong=东 feng=丰 fu=福 gu=古
  guang=广 gui=桂 hai=海 he=河 heng=衡 hu=湖 hua=华 huai=淮 jia=嘉 jian=建 jiang=江 jin=金 jing=景
  kai=开 lan=兰 le=乐 li=丽 lin=林 long=龙 lu=鹿 luo=洛 mei=梅 ming=明 nan=南 ning=宁 ping=平 qing=清
  quan=泉 rui=瑞 shan=山 shao=韶 tai=泰 tian=天 wen=文 xi=西 xia=夏 xin=新 xing=兴 yang=阳 yi=义 yong=永
  yu=玉 yuan=源 yun=云 zhang=漳 zhou=州`,
);

const FOREIGN_PLACE = pairs(
  `ka=卡 ro=罗 len=伦 ma=马 ri=里 ber=贝尔 go=戈 na=纳 sa=萨 to=托 vi=维 mon=蒙 ter=特 ham=汉 burg=堡
  ville=维尔 ton=顿 ster=斯特 ia=亚 la=拉 de=德 sen=森 vo=沃 nik=尼克 pol=波尔 gra=格拉 dan=丹 ta=塔 mi=米
  lo=洛 ko=科 po=波 san=桑 el=埃尔 an=安 or=奥尔 ba=巴 ri=利 shi=希 ne=内 ki=基 zo=佐`,
);

/** Variant transliterations, as 瓦尔济考斯基 / 瓦尔基考斯基: a second spelling becomes an alias. */
const VARIANT: Record<string, string> = {
  里: "利",
  利: "里",
  基: "吉",
  维: "韦",
  罗: "洛",
  洛: "罗",
  特: "德",
  纳: "那",
  亚: "娅",
};

const SURNAME = pairs(
  `Wang=王 Li=李 Zhang=张 Liu=刘 Chen=陈 Yang=杨 Huang=黄 Zhao=赵 Wu=吴 Zhou=周 Xu=徐 Sun=孙 Ma=马 Zhu=朱
  Hu=胡 Guo=郭 He=何 Lin=林 Luo=罗 Gao=高 Zheng=郑 Liang=梁 Xie=谢 Song=宋 Tang=唐 Han=韩 Feng=冯
  Deng=邓 Cao=曹 Weng=翁`,
);

const GIVEN = pairs(
  `wei=伟 fang=芳 min=敏 jing=静 li=丽 qiang=强 lei=磊 jun=军 yang=洋 yong=勇 yan=艳 jie=杰 tao=涛
  ming=明 chao=超 hua=华 hui=慧 ping=平 gang=刚 hong=红 bin=斌 xin=鑫 hao=浩 yu=宇 kai=凯 ning=宁 zhi=志
  guo=国 jian=建 qing=清`,
);

const FOREIGN_GIVEN = pairs(
  `John=约翰 Maria=玛丽亚 Peter=彼得 Anna=安娜 David=大卫 Elena=叶莲娜 Michael=迈克尔 Sophie=索菲 Thomas=托马斯
  Olga=奥尔加 Hans=汉斯 Laura=劳拉 Carlos=卡洛斯 Ivan=伊万`,
);

const capitalized = (text: string) => text[0].toUpperCase() + text.slice(1);

export interface Name {
  en: string;
  zh: string;
}

function compose(random: Random, syllables: Pair[], count: number): Name {
  const parts = Array.from({ length: count }, () => random.pick(syllables));
  return {
    en: capitalized(parts.map(([en]) => en).join("")),
    zh: parts.map(([, zh]) => zh).join(""),
  };
}

export function chinesePlace(random: Random): Name {
  return compose(random, CHINESE_PLACE, random.chance(0.85) ? 2 : 3);
}

export function foreignPlace(random: Random): Name {
  return compose(random, FOREIGN_PLACE, random.int(2, 4));
}

/** A second transliteration of a foreign name, or null when none of its characters varies. */
export function variantSpelling(zh: string): string | null {
  const at = [...zh].findIndex((c) => VARIANT[c]);
  if (at < 0) return null;
  const chars = [...zh];
  chars[at] = VARIANT[chars[at]];
  return chars.join("");
}

export function chinesePerson(random: Random): Name {
  const [familyEn, familyZh] = random.pick(SURNAME);
  const given = compose(random, GIVEN, random.chance(0.7) ? 2 : 1);
  return { en: `${familyEn} ${given.en}`, zh: `${familyZh}${given.zh}` };
}

export function foreignPerson(random: Random): Name {
  const [givenEn, givenZh] = random.pick(FOREIGN_GIVEN);
  const family = foreignPlace(random);
  return { en: `${givenEn} ${family.en}`, zh: `${givenZh}·${family.zh}` };
}
