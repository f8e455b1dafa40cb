// Text handling for tax-code matching. What a bookkeeper types as 项目名称 carries brands, model
// numbers, specs, units and periods ("联想ThinkPad E14笔记本电脑", "2024年1月物业管理费") that say
// nothing about the category; they are cut here. What is left is cut into character uni- and
// bigrams (Chinese has no spaces) and whole Latin words.

const CJK = /[\u3400-\u9fff]/

export const isCjk = (ch: string): boolean => CJK.test(ch)

/** full-width to half-width, lower case, one kind of space */
export function normalizeText(s: string): string {
  return s.normalize('NFKC').toLowerCase().replace(/\s+/g, ' ').trim()
}

// periods: 2024年度, 2023-2024, 1月份, 第一季度, 上半年 …
const PERIOD = /\d{2,4}\s*[-~至到]\s*\d{2,4}\s*年?度?|\d{2,4}\s*年度?|\d{1,2}\s*月份?|\d{1,2}\s*[日号]|第?[一二三四1-4]\s*季度|[上下]半年/g
// a run holding a digit (model numbers, specs: hrb400e, 205/55r16, 800*800, 98%) with its unit
const UNITS =
  '英寸|寸|匹|吨|公斤|千克|克|斤|升|毫升|米|厘米|毫米|平方|平米|立方|芯|口|层|抽|张|包|盒|瓶|罐|听|箱|支|粒|片|袋|桶|件|个|只|套|台|条|根|卷|次|度|号|级|大卡|人|座|位|天|小时|瓦|千瓦|伏|安|兆|寸'
const SPEC = new RegExp(`[a-z0-9.\\-/+#%*×φ]*\\d[a-z0-9.\\-/+#%*×φ]*(?:\\s*(?:${UNITS}))?`, 'g')
// Latin words that are marketing, not meaning
const LATIN_NOISE = new Set(['pro', 'max', 'plus', 'mini', 'air', 'ultra', 'lite', 'new', 'the', 'of', 'and', 'se', 'x', 'v'])

// Brands say nothing about the category, and some read as categories (小米 is millet, 金龙鱼 a
// fish). They are cut only at the start of a run of Chinese, and only when something is left.
// (a list read as rows of brands by trade, not one per line)
// prettier-ignore
const BRANDS = [
  // computers, phones, electronics
  '联想', '华为', '小米', '苹果', '三星', '戴尔', '惠普', '华硕', '宏碁', '神舟', '荣耀', 'vivo', 'oppo', '一加', '魅族', '中兴',
  '佳能', '爱普生', '兄弟', '理光', '京瓷', '柯尼卡美能达', '富士施乐', '奔图', '得力', '晨光', '齐心', '真彩', '国誉', '百乐', '斑马', '三菱',
  '罗技', '雷蛇', '金士顿', '闪迪', '希捷', '西部数据', '东芝', '索尼', '松下', '飞利浦', '漫步者', '海康威视', '大华', '萤石', '普联', '腾达', '水星', '锐捷', '新华三',
  '深信服', '奇安信', '天融信', '绿盟', '山特', '公牛', '正泰', '德力西', '施耐德', '西门子', 'abb', '欧普', '雷士', '佛山照明', '摩托罗拉', '希沃', '鸿合', '七彩虹', '英伟达', '英特尔', '超威',
  // appliances
  '海尔', '美的', '格力', '格兰仕', '海信', '创维', '长虹', '康佳', '奥克斯', '志高', '小天鹅', '西门子', '博世', '戴森', '苏泊尔', '九阳', '老板', '方太', '万和', '万家乐', '史密斯', '艾美特', '先锋',
  // food and drink
  '农夫山泉', '怡宝', '娃哈哈', '康师傅', '统一', '可口可乐', '百事', '王老吉', '加多宝', '元气森林', '红牛', '东鹏', '伊利', '蒙牛', '光明', '君乐宝', '飞鹤',
  '金龙鱼', '鲁花', '福临门', '胡姬花', '多力', '海天', '李锦记', '千禾', '厨邦', '太太乐', '老干妈', '中盐', '金沙河', '五得利', '思念', '三全', '湾仔码头', '双汇', '雨润', '金锣',
  '汇源', '洽洽', '三只松鼠', '良品铺子', '百草味', '桃李', '达利园', '盼盼', '奥利奥', '德芙', '费列罗', '好丽友', '乐事', '雀巢', '星巴克', '瑞幸', '哈根达斯', '和路雪', '五芳斋', '稻香村', '美心', '广州酒家', '元祖',
  '贵州茅台', '茅台', '五粮液', '泸州老窖', '洋河', '剑南春', '汾酒', '郎酒', '古井贡', '青岛', '雪花', '百威', '燕京', '哈尔滨', '张裕', '长城', '古越龙山', '塔牌', '会稽山', '六个核桃', '露露', '维维',
  // daily use
  '立白', '蓝月亮', '奥妙', '汰渍', '雕牌', '白猫', '超能', '海飞丝', '飘柔', '潘婷', '沙宣', '清扬', '舒肤佳', '六神', '云南白药', '佳洁士', '高露洁', '黑人', '大宝', '百雀羚', '自然堂', '维达', '清风', '心相印', '洁柔', '南孚', '双鹿', '天堂', '邦迪', '欧姆龙', '鱼跃',
  // building materials, steel, industry
  '海螺', '华新', '金隅', '冀东', '拉法基', '北新', '龙牌', '泰山', '东方雨虹', '科顺', '立邦', '多乐士', '三棵树', '嘉宝莉', '圣象', '大自然', '德尔', '马可波罗', '东鹏', '诺贝尔', '蒙娜丽莎', '联塑', '伟星', '日丰', '道康宁', '汉高',
  '宝钢', '鞍钢', '首钢', '沙钢', '河钢', '中铝', '江铜', '中化', '史丹利', '金正大', '心连心', '云天化',
  '三一', '徐工', '柳工', '中联', '卡特彼勒', '小松', '玉柴', '潍柴', '康明斯', '阿特拉斯', '英格索兰', '格兰富', '南方泵业', '合力', '杭叉', '林德', '沈阳机床', '大连机床', '哈轴', '瓦轴', '人本', '奥的斯', '迅达', '通力', '三菱电梯',
  // vehicles and parts
  '大众', '丰田', '本田', '日产', '别克', '奥迪', '宝马', '奔驰', '比亚迪', '吉利', '长安', '奇瑞', '蔚来', '理想', '小鹏', '特斯拉', '解放', '东风', '福田', '重汽', '陕汽', '江淮', '五菱', '雅迪', '爱玛', '台铃', '捷安特', '美利达', '凤凰', '永久',
  '米其林', '普利司通', '固特异', '马牌', '倍耐力', '玲珑', '朝阳', '美孚', '壳牌', '嘉实多', '长城润滑油', '瓦尔塔', '风帆', '电装',
  // medicine
  '以岭', '同仁堂', '白云山', '哈药', '华北制药', '石药', '扬子江', '三九', '康恩贝', '汤臣倍健', '江中', '东阿阿胶',
  // clothing, furniture, other
  '海澜之家', '波司登', '李宁', '安踏', '耐克', '阿迪达斯', '特步', '匹克', '鸿星尔克', '优衣库', '雅戈尔', '七匹狼', '九牧王', '红蜻蜓', '奥康', '百丽', '森马', '新秀丽', '爱华仕',
  '宜家', '全友', '顾家', '曲美', '红苹果', '林氏木业', '慕思', '喜临门', '席梦思', '斯伯丁', '舒华', '雅马哈', '珠江', '乐高', '依视路', '蔡司', '天梭', '浪琴', '卡西欧',
  // services
  '顺丰', '中通', '圆通', '申通', '韵达', '极兔', '京东', '德邦', '百世', '滴滴', '如家', '汉庭', '全季', '锦江', '携程', '美团', '饿了么', '百度', '抖音', '腾讯', '阿里云', '阿里', '微信', '中国移动', '中国联通', '中国电信', '用友', '金蝶', '微软', '甲骨文',
]
const BRAND_SET = new Set(BRANDS)
const BRAND_LENGTHS = [...new Set(BRANDS.map((b) => b.length))].sort((a, b) => b - a)

function cutBrandAt(text: string, at: number): number {
  for (const n of BRAND_LENGTHS) if (BRAND_SET.has(text.slice(at, at + n))) return n
  return 0
}

/** Drops a brand at the start of each run of Chinese when enough Chinese is left to go by. */
function stripBrands(text: string): string {
  const cjkCount = (s: string) => [...s].filter(isCjk).length
  let out = text
  for (let i = 0; i < out.length; i++) {
    const startsRun = isCjk(out[i]!) && (i === 0 || !isCjk(out[i - 1]!))
    if (!startsRun) continue
    const n = cutBrandAt(out, i)
    if (n === 0) continue
    const rest = out.slice(0, i) + ' ' + out.slice(i + n)
    if (cjkCount(rest) >= 2) out = rest
  }
  return out
}

/**
 * What is left of a 项目名称 once periods, specs, model numbers, brands and punctuation are cut:
 * Chinese runs and meaningful Latin words separated by single spaces.
 */
export function cleanName(raw: string): string {
  let t = normalizeText(raw)
  t = t.replace(PERIOD, ' ').replace(SPEC, ' ')
  t = t.replace(/[^\u3400-\u9fffa-z]+/g, ' ')
  t = t
    .split(' ')
    .filter((w) => w !== '' && !(/^[a-z]+$/.test(w) && (w.length < 2 || LATIN_NOISE.has(w))))
    .join(' ')
  return stripBrands(t).replace(/\s+/g, ' ').trim()
}

/**
 * A name and its qualifier: what follows the name in brackets (a period, a route, a spec:
 * "运输费（上海-杭州）", "鲜猪肉（五花肉）"), both cleaned. The head noun is the name's; without
 * enough name before the bracket, it is all name.
 */
export function splitQualifier(raw: string): { name: string; qualifier: string } {
  const t = normalizeText(raw)
  const inBrackets = /[([【]([^)\]】]*)[)\]】]/g
  const name = cleanName(t.replace(inBrackets, ' '))
  if (cjkLength(name) < 2) return { name: cleanName(t), qualifier: '' }
  const qualifier = [...t.matchAll(inBrackets)].map((m) => m[1]).join(' ')
  return { name, qualifier: cleanName(qualifier) }
}

/**
 * One unit of matching: a Chinese character, a pair of them (one small integer each: no string
 * is made, and V8 keeps small integers unboxed), or a whole Latin word ('#word').
 */
export type GramKey = number | string

const CJK_FIRST = 0x3400
const CJK_LAST = 0x9fff
const isCjkCode = (c: number) => c >= CJK_FIRST && c <= CJK_LAST
// characters are 0 … 0x6bff, pairs PAIR_BASE and up (below 2^30)
const PAIR_BASE = 0x8000
const pairOf = (c: number, d: number) => PAIR_BASE + (c - CJK_FIRST) * PAIR_BASE + (d - CJK_FIRST)

/** the key of a pair of Chinese characters */
export const pairKey = (pair: string): number => pairOf(pair.charCodeAt(0), pair.charCodeAt(1))

/** a pair of characters, not a single one or a Latin word */
export const isPair = (key: GramKey): key is number => typeof key === 'number' && key >= PAIR_BASE

/** a single character */
export const isSingle = (key: GramKey): boolean => typeof key === 'number' && key < PAIR_BASE

/**
 * Visits the grams of a text with the index just past each: characters, pairs of neighbouring
 * characters, Latin words. Nothing spans a space or a cut.
 */
export function forEachGram(text: string, visit: (key: GramKey, end: number) => void): void {
  const n = text.length
  for (let i = 0; i < n;) {
    const c = text.charCodeAt(i)
    if (isCjkCode(c)) {
      visit(c - CJK_FIRST, i + 1)
      const d = i + 1 < n ? text.charCodeAt(i + 1) : 0
      if (isCjkCode(d)) visit(pairOf(c, d), i + 2)
      i++
    } else if (c >= 97 && c <= 122) {
      let j = i + 1
      while (j < n && text.charCodeAt(j) >= 97 && text.charCodeAt(j) <= 122) j++
      visit(`#${text.slice(i, j)}`, j)
      i = j
    } else i++
  }
}

/** the set of grams of a text (the table side, where places do not matter) */
export function gramSet(text: string): Set<GramKey> {
  const out = new Set<GramKey>()
  forEachGram(text, (key) => out.add(key))
  return out
}

/** number of Chinese characters */
export function cjkLength(text: string): number {
  let n = 0
  for (const ch of text) if (isCjk(ch)) n++
  return n
}

/** Trailing fee words (费, 费用, 款) that end many service names without naming the service. */
export function withoutFeeSuffix(text: string): string {
  return text.replace(/(服务费|费用|费|款)$/u, (m) => (m === '服务费' ? '服务' : '')).trim()
}

/**
 * The thing named and what qualifies it: a name runs to the end of its first word (as typed,
 * between spaces or cuts) holding two or more Chinese characters — its head noun is there
 * ("A4复印纸 80g 5包/箱", "移动白板 带支架", "中药饮片 黄芪", but "苹果MacBook" whole); later
 * words — a packing, a use, a variety — only qualify it.
 */
export function mainAndRest(name: string): { main: string; rest: string } {
  const words = name.split(' ')
  const at = words.findIndex((w) => /[\u3400-\u9fff]{2}/.test(w))
  if (at < 0) return { main: name, rest: '' }
  return { main: words.slice(0, at + 1).join(' '), rest: words.slice(at + 1).join(' ') }
}

/** What the head noun ends: no fee word, no packing (套装, 礼盒) and no deal (转让, 销售) after it. */
export function headPart(name: string): string {
  const head = withoutFeeSuffix(name)
    .replace(/(套装|礼盒装?|礼包|组合装?|转让|销售|出售|采购|购买)$/u, '')
    .trim()
  return head.length > 0 ? head : name
}
