// zh-TW is written in Traditional characters and zh-CN in Simplified: a character of the other script
// is a conversion leak (or a string pasted from the other locale), whatever the words around it.
import { expect } from 'chai';
import { FILES, at, expectNone, leaves, textsOf, type LocaleFile } from './localeFiles.js';

/**
 * Simplified → Traditional character pairs, each written Simplified first ("这這").
 * Every Simplified form here is in GB2312 and not in Big5; every Traditional form is in Big5 and
 * not in GB2312 (checked below), so each is unambiguous: the Simplified one never belongs in
 * Taiwan text, the Traditional one never in mainland text.
 */
const PAIRS = `
  这這 们們 个個 为為 发發 经經 销銷 关關 户戶 务務 订訂 阅閱 许許 证證 资資 区區 选選 择擇 认認 请請 问問 题題 帮幫 开開
  说說 时時 间間 过過 还還 没沒 对對 应應 该該 样樣 点點 击擊 页頁 设設 络絡 计計 费費 额額 账賬 帐帳 号號 码碼 数數 丢丟
  迁遷 转轉 换換 来來 会會 国國 学學 实實 现現 动動 长長 门門 见見 东東 车車 书書 马馬 鱼魚 鸟鳥 龙龍 风風 飞飛 专專 业業
  丝絲 两兩 严嚴 临臨 丽麗 举舉 义義 乐樂 习習 乡鄉 买買 乱亂 争爭 亏虧 亚亞 产產 亲親 亿億 仅僅 从從 仓倉 仪儀 众眾 伟偉
  传傳 伤傷 伦倫 伪偽 侧側 债債 倾傾 偿償 储儲 兑兌 兰蘭 兴興 养養 内內 册冊 写寫 军軍 农農 决決 况況 冻凍 净淨 凉涼 减減
  凭憑 刘劉 则則 刚剛 创創 删刪 别別 剂劑 剑劍 剧劇 劝勸 办辦 励勵 劲勁 劳勞 势勢 匀勻 医醫 华華 协協 单單 卖賣 卢盧 卫衛
  却卻 厅廳 压壓 厌厭 县縣 参參 双雙 变變 叙敘 叠疊 叹嘆 吓嚇 吗嗎 启啟 员員 响響 唤喚 喷噴 嘱囑 团團 园園 围圍 图圖 圆圓
  场場 块塊 坚堅 坛壇 执執 扩擴 扫掃 扬揚 抚撫 抛拋 抢搶 护護 报報 担擔 拟擬 拥擁 拦攔 拨撥 挡擋 挤擠 挥揮 损損 捡撿 揽攬
  搅攪 携攜 摄攝 摆擺 摇搖 撑撐 敌敵 断斷 无無 旧舊 显顯 晓曉 暂暫 术術 杀殺 杂雜 权權 条條 枪槍 标標 栏欄 树樹 桥橋 检檢
  楼樓 横橫 欢歡 欧歐 岁歲 归歸 毕畢 毁毀 汉漢 汤湯 沟溝 泪淚 泽澤 浅淺 测測 济濟 浏瀏 浓濃 润潤 涨漲 渐漸 温溫 湾灣 湿濕
  满滿 滚滾 滞滯 灭滅 灯燈 灵靈 灾災 炉爐 炼煉 烂爛 热熱 焕煥 爱愛 牵牽 犹猶 状狀 独獨 狭狹 猎獵 猫貓 献獻 环環 电電 画畫
  畅暢 疗療 盖蓋 盘盤 监監 盗盜 础礎 礼禮 祸禍 积積 称稱 税稅 稳穩 穷窮 窃竊 竞競 笔筆 笼籠 简簡 类類 粮糧 紧緊 纠糾 红紅
  约約 级級 纪紀 纯純 纲綱 纳納 纸紙 纷紛 线線 练練 组組 细細 织織 终終 绍紹 结結 绕繞 绘繪 给給 绝絕 统統 继繼 绩績 续續
  维維 综綜 绿綠 缓緩 编編 缘緣 缩縮 缴繳 罗羅 罚罰 职職 联聯 聪聰 肃肅 肠腸 肤膚 胁脅 脑腦 脚腳 脱脫 舰艦 节節 艺藝 苏蘇
  荣榮 药藥 营營 蓝藍 虑慮 虚虛 虽雖 补補 装裝 观觀 规規 视視 览覽 觉覺 誉譽 讨討 让讓 训訓 议議 讯訊 记記 讲講 论論 访訪
  评評 识識 诉訴 词詞 译譯 试試 诚誠 话話 询詢 详詳 语語 误誤 读讀 课課 谁誰 调調 谈談 谢謝 谨謹 谱譜 贝貝 负負 贡貢 财財
  责責 败敗 货貨 质質 购購 贯貫 贵貴 贷貸 贸貿 贴貼 贺賀 赏賞 赔賠 赖賴 赚賺 赛賽 赞贊 赠贈 赵趙 趋趨 跃躍 践踐 踪蹤 轨軌
  轮輪 软軟 轻輕 载載 较較 辅輔 辆輛 输輸 辑輯 边邊 达達 迈邁 运運 进進 远遠 违違 连連 迟遲 递遞 逻邏 遗遺 邮郵 邻鄰 释釋
  鉴鑒 针針 钟鐘 钢鋼 钥鑰 钱錢 铁鐵 银銀 链鏈 锁鎖 错錯 键鍵 镇鎮 闭閉 闲閒 闻聞 队隊 阳陽 阴陰 阵陣 阶階 际際 陆陸 陈陳
  险險 随隨 隐隱 难難 雾霧 静靜 韩韓 顶頂 项項 顺順 须須 顾顧 顿頓 预預 领領 频頻 颜顏 饭飯 饮飲 馆館 驱驅 验驗 骗騙 鲜鮮
  鸡雞 黄黃 齐齊 齿齒 龄齡 处處 备備 宝寶 审審 导導 层層 币幣 师師 带帶 广廣 庆慶 库庫 废廢 张張 弹彈 强強 录錄 彻徹 径徑
  总總 恋戀 恶惡 悬懸 惯慣 忆憶 态態 敛斂 晋晉 档檔 梦夢 残殘 滤濾 烦煩 烧燒 筛篩 纵縱 绑綁 腾騰 萨薩 钮鈕 馈饋 属屬 届屆
  岛島 诊診 诺諾 谓謂 谋謀 赢贏 轰轟 辞辭 迹跡 逊遜 郑鄭 酱醬 闪閃 阀閥 阁閣 阐闡 陕陝 隶隸 韦韋 顷頃 颁頒 颇頗 饰飾 饱飽
  驶駛 驻駐 骤驟 鲁魯 鸣鳴 麦麥 签簽 汇匯 获獲 尽盡 历歷 冲衝 叶葉 奖獎 弃棄 寻尋 将將 尔爾 尘塵 尝嘗 帅帥 岗崗 峡峽 庙廟
  忧憂 恳懇 恼惱 悦悅 惧懼 惨慘 愤憤 戏戲 战戰 拣揀 拧擰 挣掙 挚摯 捞撈 掳擄 搀攙 搁擱 摊攤 撵攆 斩斬 旷曠 枢樞 枣棗 栋棟
  椭橢 歼殲 殡殯 毙斃 汹洶 沦淪 沧滄 浆漿 浊濁 涡渦 涩澀 渔漁 溃潰 滥濫 滨濱 潜潛 灿燦 烛燭 烟煙 烫燙 爷爺 牍牘 猪豬 玛瑪
  琐瑣 疮瘡 疯瘋 瘾癮 皱皺 盏盞 睁睜 矫矯 矿礦 砖磚 硕碩 碍礙 祷禱 秃禿 窍竅 窑窯 笃篤 笋筍 筹籌 粪糞 纤纖 纬緯 纹紋 纺紡
  绅紳 绒絨 绣繡 绸綢 绳繩 绵綿 绪緒 缆纜 缔締 缝縫 缠纏 罢罷 聋聾 肾腎 肿腫 胀脹 胆膽 脉脈 脏髒 腻膩 舱艙 艰艱 芦蘆 苍蒼
  茎莖 荡蕩 莲蓮 萤螢 蚀蝕 蚁蟻 蛮蠻 袄襖 袜襪 袭襲 觅覓 讥譏 讶訝 讼訟 诀訣 诈詐 诞誕 诡詭 诫誡 诱誘 诵誦 诸諸 谅諒 谊誼
  谍諜 谎謊 谐諧 谜謎 谦謙 谬謬 谴譴 贞貞 贩販 贪貪 贫貧 贬貶 贱賤 贼賊 贿賄 赁賃 赋賦 赌賭 赎贖 赐賜 跷蹺 轩軒 轴軸 轿轎
  辉輝 辖轄 辩辯 邓鄧 酿釀 钉釘 钓釣 钙鈣 钝鈍 钞鈔 钦欽 钩鉤 钻鑽 铃鈴 铅鉛 铜銅 铝鋁 铭銘 铲鏟 铺鋪 锅鍋 锈鏽 锋鋒 锐銳
  锡錫 锤錘 锦錦 锯鋸 锻鍛 镜鏡 闯闖 闸閘 闹鬧 阔闊 陨隕 韧韌 顽頑 颈頸 颗顆 飘飄 饥飢 饲飼 饶饒 饼餅 驰馳 驳駁 驴驢 骂罵
  骄驕 骑騎 鲸鯨 鸭鴨 鸿鴻 鹅鵝 鹤鶴 龟龜
`;

/**
 * Simplified forms Big5 also holds, but only as rare or archaic characters (网 a variant, 机 a tree,
 * 云 classical "to say" ...): in modern Taiwan text they are Simplified leaks, so zh-TW may not use them.
 */
const RARE_IN_TRADITIONAL = `
  网網 万萬 与與 价價 优優 体體 儿兒 党黨 圣聖 坏壞 扰擾 挂掛 机機 极極 构構 气氣 洁潔 确確 离離 种種 筑築 胜勝 荐薦 触觸
  适適 宁寧 异異 惊驚 怀懷 赶趕 云雲 么麼 怜憐 泞濘 洼窪
`;

/**
 * Simplified forms that are also everyday Traditional characters (面 in 頁面, 系 in 系統, 台 in 台灣,
 * 才, 只, 制度, 准許 ...): allowed in zh-TW. Their Traditional forms are still checked in zh-CN.
 * Left out entirely: 于/於, 伙/夥, 后/後, 着/著, whose second form is also in GB2312
 * (合作伙伴 vs 合作夥伴 is a terminology check instead).
 */
const EVERYDAY_IN_BOTH = `
  准準 复復 范範 松鬆 板闆 斗鬥 丑醜 余餘 谷穀 表錶 卜蔔 郁鬱 朴樸 舍捨 向嚮 沈瀋 周週 占佔 帘簾 吊弔 愿願 致緻 面麵 系係
  里裡 台臺 干幹 几幾 据據 划劃 只隻 才纔 出齣 制製 咸鹹 仆僕 庄莊 扑撲 晒曬 杆桿 杠槓 杰傑 炖燉 痒癢 踊踴
`;

const pairsOf = (data: string) => data.trim().split(/\s+/).map((p) => [...p] as [string, string]);
const PAIR_LISTS = { PAIRS: pairsOf(PAIRS), RARE_IN_TRADITIONAL: pairsOf(RARE_IN_TRADITIONAL), EVERYDAY_IN_BOTH: pairsOf(EVERYDAY_IN_BOTH) };

/** Characters zh-TW may not use, each mapped to the Traditional form to use instead. */
const SIMPLIFIED_ONLY = new Map([...PAIR_LISTS.PAIRS, ...PAIR_LISTS.RARE_IN_TRADITIONAL]);
/** Characters zh-CN may not use, each mapped to the Simplified form to use instead. */
const TRADITIONAL_ONLY = new Map(
  [...PAIR_LISTS.PAIRS, ...PAIR_LISTS.RARE_IN_TRADITIONAL, ...PAIR_LISTS.EVERYDAY_IN_BOTH].map(([s, t]) => [t, s]),
);

/** A language's own name may appear in the other script where it names that language (the language picker). */
const AUTONYMS: Record<string, string[]> = { 'zh-TW': ['简体中文'], 'zh-CN': ['繁體中文'] };

function charsOf(file: LocaleFile, forbidden: Map<string, string>): string[] {
  const problems: string[] = [];
  for (const [key, leaf] of leaves(file.data)) {
    for (const text of textsOf(leaf)) {
      const checked = (AUTONYMS[file.lng] ?? []).reduce((t, name) => t.split(name).join(''), text);
      const found = [...new Set([...checked].filter((c) => forbidden.has(c)))];
      if (found.length) {
        problems.push(`${at(file, key)}: ${found.map((c) => `${c}→${forbidden.get(c)}`).join(' ')} in ${JSON.stringify(text)}`);
      }
    }
  }
  return problems;
}

describe('Chinese script', () => {
  for (const file of FILES.filter((f) => f.lng === 'zh-TW')) {
    it(`${file.name} has no Simplified-only characters`, () => {
      const problems = charsOf(file, SIMPLIFIED_ONLY);
      expectNone(problems);
    });
  }
  for (const file of FILES.filter((f) => f.lng === 'zh-CN')) {
    it(`${file.name} has no Traditional-only characters`, () => {
      const problems = charsOf(file, TRADITIONAL_ONLY);
      expectNone(problems);
    });
  }
});

describe('Chinese script character lists', () => {
  it('hold at least 300 pairs, each two different characters, no character listed twice', () => {
    const all = Object.values(PAIR_LISTS).flat();
    expect(SIMPLIFIED_ONLY.size).to.be.at.least(300);
    expect(all.filter(([s, t]) => s === t)).to.deep.equal([]);
    const chars = all.flat();
    expect(chars.filter((c, i) => chars.indexOf(c) !== i)).to.deep.equal([]);
  });

  // Decoding every GB2312 and Big5 code point tells which script set a character belongs to.
  function charset(encoding: string, ranges: Array<[number, number]>, lows: Array<[number, number]>, skip: (code: number) => boolean) {
    const decoder = new TextDecoder(encoding, { fatal: false });
    const set = new Set<string>();
    for (const [from, to] of ranges) {
      for (let lead = from; lead <= to; lead++) {
        for (const [lo, hi] of lows) {
          for (let trail = lo; trail <= hi; trail++) {
            if (skip((lead << 8) | trail)) continue;
            const c = decoder.decode(new Uint8Array([lead, trail]));
            if ([...c].length === 1 && c !== '\ufffd') set.add(c);
          }
        }
      }
    }
    return set;
  }

  it('are right about which script each character belongs to (GB2312 vs Big5)', function () {
    let gb2312: Set<string>;
    let big5: Set<string>;
    try {
      // GB2312 hanzi: rows 0xB0–0xF7 (read through the GBK decoder, its superset).
      gb2312 = charset('gbk', [[0xb0, 0xf7]], [[0xa1, 0xfe]], () => false);
      // Big5 hanzi: 0xA440–0xC67E and 0xC940–0xF9D5 (the WHATWG decoder adds HKSCS/ETEN extras; skip them).
      big5 = charset('big5', [[0xa4, 0xf9]], [[0x40, 0x7e], [0xa1, 0xfe]], (c) => (c >= 0xc6a1 && c <= 0xc8fe) || c > 0xf9d5);
    } catch {
      this.skip(); // a Node build without full ICU has no legacy decoders
    }
    const problems: string[] = [];
    for (const [list, pairs] of Object.entries(PAIR_LISTS)) {
      for (const [s, t] of pairs) {
        if (!gb2312.has(s)) problems.push(`${list}: ${s} is not a GB2312 character`);
        if (!big5.has(t) || gb2312.has(t)) problems.push(`${list}: ${t} must be in Big5 and not in GB2312`);
        const sInBig5 = big5.has(s);
        if (list === 'PAIRS' && sInBig5) problems.push(`PAIRS: ${s} is also a Big5 character: move it to RARE_IN_TRADITIONAL or EVERYDAY_IN_BOTH`);
        if (list !== 'PAIRS' && !sInBig5) problems.push(`${list}: ${s} is not in Big5: move it to PAIRS`);
      }
    }
    expectNone(problems);
  });
});
