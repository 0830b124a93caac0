// A refused row's reason in Chinese, beside the English that the import and the services write:
// the import's own reasons each have their Chinese here; any other refusal (a service's check)
// is named as one, with its English kept.
const IN_CHINESE: [RegExp, (...parts: string[]) => string][] = [
  [/^a second (.+) column$/, (zh) => `第二个「${zh}」列`],
  [/^the required column (\S+) \(.+\) is missing$/, (zh) => `缺少必填列「${zh}」`],
  [/^no heading row naming (.+)$/, (names) => `没有写明 ${names} 的标题行`],
  [/^is empty; it is required$/, () => "必填，不能为空"],
  [/^"(.*)" is not a date \(YYYY-MM-DD\)$/, (text) => `「${text}」不是日期（年-月-日）`],
  [/^"(.*)" is not one of (.+)$/, (text, words) => `「${text}」不在可选值中：${words}`],
  [/^unknown country "(.*)"$/, (text) => `未知国家「${text}」`],
  [/^unknown city "(.*)"(?: in (.+))?$/, (text, where) => `${where ?? ""}未知城市「${text}」`],
  [
    /^"(.*)" names (\d+) cities \((.+)\); name the country too$/,
    (text, n, countries) => `「${text}」对应 ${n} 个城市（${countries}），请同时写明国家`,
  ],
  [/^"(.*)" is not a city in China$/, (text) => `「${text}」不是中国城市`],
  [
    /^"(.*)" is in China; a partner city is abroad$/,
    (text) => `「${text}」在中国；友好城市应在国外`,
  ],
  [/^must be a whole number above 0, not (.+)$/, (text) => `应为大于 0 的整数，而不是 ${text}`],
  [
    /^the visit ends \((.+)\) before it starts \((.+)\)$/,
    (end, start) => `结束日期（${end}）早于开始日期（${start}）`,
  ],
  [
    /^needs a start date; an undated visit leaves both empty$/,
    () => "须有开始日期；日期不详则两者都留空",
  ],
  [
    /^unknown investor "(.*)": no person or organization has that name$/,
    (text) => `未知投资方「${text}」：没有此名的人员或组织`,
  ],
  [
    /^"(.*)" names (\d+) people or organizations$/,
    (text, n) => `「${text}」对应 ${n} 个人员或组织`,
  ],
  [/^the record belongs to a city outside your claim$/, () => "记录所属城市不在令牌授权的城市之内"],
  [/^is required with an amount$/, () => "填写金额时必填"],
  [
    /^duplicate of row (\d+)(?: of (.+))? \(same (.+)\)$/,
    (row, sheet) => `与${sheet ? `「${sheet}」` : ""}第 ${row} 行重复`,
  ],
];

export function reasonInChinese(reason: string): string {
  for (const [pattern, words] of IN_CHINESE) {
    const match = reason.match(pattern);
    if (match) return words(...match.slice(1));
  }
  return `记录未通过检查：${reason}`;
}
