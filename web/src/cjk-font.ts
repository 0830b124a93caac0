/// <reference types="vite/client" />
// The pages' Chinese font ships with them: Noto Sans SC (SIL Open Font License 1.1, from
// @fontsource/noto-sans-sc), its simplified-Chinese subset as one 1.1 MB woff2 that the browser
// fetches from the hub when a page first shows Chinese. A machine without a CJK font then shows
// the names instead of boxes; the stylesheets name "Noto Sans SC" after the system's CJK fonts.
import notoSansSc from "@fontsource/noto-sans-sc/files/noto-sans-sc-chinese-simplified-400-normal.woff2?url";

document.fonts.add(
  new FontFace("Noto Sans SC", `url(${notoSansSc}) format("woff2")`, { display: "swap" }),
);
