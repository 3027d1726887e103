"""The console's catalog in zh_TW / zh_CN / en, and picking the operator's language.

A small dict instead of gettext files: the console has a few hundred strings and the
catalog is easier to review side by side. A missing key shows the key, never an error.
"""

from babel import Locale
from starlette.requests import Request

from . import i18n_campaigns, i18n_history, i18n_program, i18n_review, i18n_risk

LANGUAGES = ("zh_TW", "zh_CN", "en")
DEFAULT = "zh_TW"
LANGUAGE_NAMES = {"zh_TW": "繁體中文", "zh_CN": "简体中文", "en": "English"}
BABEL_LOCALES = {"zh_TW": "zh_Hant_TW", "zh_CN": "zh_Hans_CN", "en": "en_US"}
COOKIE = "hq_lang"

# key: (zh_TW, zh_CN, en)
_CATALOG: dict[str, tuple[str, str, str]] = {
    "app.title": ("總部會員管理後台", "总部会员管理后台", "HQ loyalty console"),
    "nav.dashboard": ("總覽", "总览", "Dashboard"),
    "nav.members": ("會員", "会员", "Members"),
    "nav.rfm": ("RFM 分群", "RFM 分群", "RFM segments"),
    "nav.review": ("風險審核", "风险审核", "Review"),
    "nav.stores": ("門市與終端", "门店与终端", "Stores & terminals"),
    "nav.audit": ("稽核紀錄", "审计日志", "Audit log"),
    "nav.logout": ("登出", "退出登录", "Log out"),
    "login.title": ("操作員登入", "操作员登录", "Operator sign-in"),
    "login.username": ("帳號", "账号", "Username"),
    "login.password": ("密碼", "密码", "Password"),
    "login.submit": ("登入", "登录", "Sign in"),
    "login.refused": (
        "無法登入：帳號或密碼錯誤，或目前無法登入。若一再發生，請洽系統管理員。",
        "无法登录：账号或密码错误，或目前无法登录。如反复出现，请联系系统管理员。",
        "Could not sign in: wrong username or password, or signing in is not possible right now. "
        "If this keeps happening, ask an administrator.",
    ),  # fmt: skip
    "login.expired": (
        "工作階段已逾時，請重新登入。",
        "会话已超时，请重新登录。",
        "Your session has expired; please sign in again.",
    ),  # fmt: skip
    "error.title": ("無法完成", "无法完成", "Could not do that"),
    "error.csrf": (
        "表單已過期或來源不明，請重新整理頁面再試。",
        "表单已过期或来源不明，请刷新页面再试。",
        "The form has expired or did not come from this console; reload the page and try again.",
    ),  # fmt: skip
    "error.forbidden": ("您的角色無權執行此操作。", "您的角色无权执行此操作。", "Your role may not do this."),
    "error.other_store": (
        "您只能查看自己門市的資料。",
        "您只能查看自己门店的数据。",
        "You can only see your own store.",
    ),
    "error.not_found": ("找不到。", "找不到。", "Not found."),
    "error.invalid_date": ("日期格式應為 YYYY-MM-DD。", "日期格式应为 YYYY-MM-DD。", "Dates are written YYYY-MM-DD."),
    "error.invalid_range": (
        "日期區間無效（結束早於開始，或超過三年）。",
        "日期区间无效（结束早于开始，或超过三年）。",
        "Invalid date range (ends before it starts, or longer than three years).",
    ),  # fmt: skip
    "error.invalid_store_id": (
        "門市代號無效（英數字、_ 與 -）。",
        "门店代码无效（字母数字、_ 与 -）。",
        "Invalid store id (letters, digits, _ and -).",
    ),  # fmt: skip
    "error.invalid_terminal_id": ("終端代號無效。", "终端代码无效。", "Invalid terminal id."),
    "error.invalid_channel": ("通路名稱無效。", "渠道名称无效。", "Invalid channel name."),
    "error.invalid_name": ("名稱須為 1 到 120 個字。", "名称须为 1 到 120 个字。", "A name has 1 to 120 characters."),
    "error.store_exists": ("此門市已存在。", "此门店已存在。", "That store already exists."),
    "error.unknown_store": ("沒有這個門市。", "没有这个门店。", "No such store."),
    "error.terminal_exists": ("此終端已存在。", "此终端已存在。", "That terminal already exists."),
    "error.unknown_terminal": ("沒有這個終端。", "没有这个终端。", "No such terminal."),
    "error.channel_exists": ("此通路已存在。", "此渠道已存在。", "That channel already exists."),
    "error.unknown_channel": ("沒有這個通路。", "没有这个渠道。", "No such channel."),
    "error.invalid_points": (
        "點數須為非零整數。",
        "积分须为非零整数。",
        "Points must be a whole number other than zero.",
    ),
    "error.over_limit": (
        "超過您角色的調整上限（{limit} 點）。",
        "超过您角色的调整上限（{limit} 积分）。",
        "Beyond your role's adjustment limit ({limit} points).",
    ),  # fmt: skip
    "error.over_day_limit": (
        "超過您角色的每日調整上限（{limit} 點；今天還可調整 {left} 點）。",
        "超过您角色的每日调整上限（{limit} 积分；今天还可调整 {left} 积分）。",
        "Beyond your role's daily adjustment limit ({limit} points; {left} left today).",
    ),  # fmt: skip
    "error.invalid_reason": (
        "請填寫 1 到 200 字的原因。",
        "请填写 1 到 200 字的原因。",
        "Give a reason of 1 to 200 characters.",
    ),
    "error.invalid_segment": ("沒有這個分群。", "没有这个分群。", "No such segment."),
    "error.invalid_query": (
        "請輸入 1 到 40 字的會員編號、電話或姓名。",
        "请输入 1 到 40 字的会员编号、电话或姓名。",
        "Type a member code, phone or name (1 to 40 characters).",
    ),  # fmt: skip
    "error.invalid_flag": ("沒有這個標記。", "没有这个标记。", "No such flag."),
    "error.unknown_member": ("沒有這位會員。", "没有这位会员。", "No such member."),
    "error.generic": ("輸入無效。", "输入无效。", "Invalid input."),
    "filter.from": ("開始日", "开始日", "From"),
    "filter.to": ("結束日", "结束日", "To"),
    "filter.store": ("門市", "门店", "Store"),
    "filter.all_stores": ("全部門市", "全部门店", "All stores"),
    "filter.apply": ("套用", "应用", "Apply"),
    "dash.members": ("會員", "会员", "Members"),
    "dash.members_total": ("會員總數", "会员总数", "Members in total"),
    "dash.members_new": ("新增會員", "新增会员", "New members"),
    "dash.active30": ("近 30 天活躍", "近 30 天活跃", "Active, last 30 days"),
    "dash.active90": ("近 90 天活躍", "近 90 天活跃", "Active, last 90 days"),
    "dash.members_active": ("期間內消費會員", "期间内消费会员", "Members who bought"),
    "dash.members_total_hint": (
        "依入會門市計算：選定門市時，只算在該門市入會的會員。",
        "按入会门店计算：选定门店时，只算在该门店入会的会员。",
        "Counted by home store: with a store chosen, the members who enrolled there.",
    ),
    "dash.members_active_hint": (
        "依消費門市計算：選定門市時，算期間內在該門市消費過的會員，不論其入會門市。",
        "按消费门店计算：选定门店时，算期间内在该门店消费过的会员，不论其入会门店。",
        "Counted where they bought: with a store chosen, the members who bought there in the period, "
        "whatever their home store.",
    ),
    "dash.store_counts_hint": (
        "「會員總數」與「新增會員」是入會門市為 {store} 的會員；「期間內消費會員」與銷售是在 {store} 消費的會員，"
        "可能來自其他門市。",
        "“会员总数”与“新增会员”是入会门店为 {store} 的会员；“期间内消费会员”与销售是在 {store} 消费的会员，"
        "可能来自其他门店。",
        "Members in total and new members are those whose home store is {store}; members who bought and the "
        "sales are those who bought at {store}, who may come from other stores.",
    ),
    "dash.cohorts_store_hint": (
        "入會門市為 {store} 的會員，不論在哪家門市消費。",
        "入会门店为 {store} 的会员，不论在哪家门店消费。",
        "Members whose home store is {store}, wherever they bought.",
    ),
    "dash.cohorts_none": (
        "這段期間沒有新入會的會員。",
        "这段期间没有新入会的会员。",
        "No member enrolled in these months.",
    ),
    "dash.sales": ("銷售", "销售", "Sales"),
    "dash.sales_count": ("會員交易筆數", "会员交易笔数", "Member sales"),
    "dash.sales_cents": ("會員消費金額（扣除退貨）", "会员消费金额（扣除退货）", "Member spend (net of returns)"),
    "dash.spend_per_buyer": ("每位消費會員平均消費", "每位消费会员平均消费", "Spend per buying member"),
    "dash.members_only": (
        "總部只收到會員交易；非會員交易不在此系統中。",
        "总部只收到会员交易；非会员交易不在此系统中。",
        "HQ receives member sales only; non-member sales are not in this system.",
    ),  # fmt: skip
    "dash.points": ("點數", "积分", "Points"),
    "dash.points_issued": ("發出點數", "发放积分", "Points issued"),
    "dash.points_redeemed": ("兌換點數", "兑换积分", "Points redeemed"),
    "dash.points_expired": ("過期點數", "过期积分", "Points expired"),
    "dash.points_outstanding": ("流通在外點數", "未使用积分", "Points outstanding"),
    "dash.liability": ("點數負債", "积分负债", "Points liability"),
    "dash.redemption_rate": ("兌換率", "兑换率", "Redemption rate"),
    "dash.repurchase_rate": ("復購率", "复购率", "Repurchase rate"),
    "dash.cohorts": ("依入會月份的留存率", "按入会月份的留存率", "Retention by enrollment month"),
    "dash.cohort_month": ("入會月份", "入会月份", "Enrolled"),
    "dash.cohort_size": ("人數", "人数", "Members"),
    "dash.month_0": ("入會當月", "入会当月", "Joining month"),
    # plural forms (translate_plural): CLDR's category of n in the language, "other" when there is no other
    "dash.month_n.one": ("+{n} 個月", "+{n} 个月", "+{n} month"),
    "dash.month_n.other": ("+{n} 個月", "+{n} 个月", "+{n} months"),
    "dash.stores": ("門市與終端狀態", "门店与终端状态", "Stores and their tills"),
    "dash.export": ("匯出 CSV", "导出 CSV", "Export CSV"),
    "store.id": ("代號", "代码", "Id"),
    "store.name": ("名稱", "名称", "Name"),
    "store.terminals": ("終端", "终端", "Terminals"),
    "store.last_contact": ("最後連線", "最后连线", "Last contact"),
    "store.rejected": ("被拒事件", "被拒事件", "Rejected events"),
    "store.clock_skew": ("時鐘異常事件", "时钟异常事件", "Events with a wrong clock"),
    "store.never": ("從未連線", "从未连线", "never"),
    "store.revoked": ("已撤銷", "已撤销", "revoked"),
    "store.add": ("新增門市", "新增门店", "Add a store"),
    "store.add_terminal": ("新增終端／重發權杖", "新增终端／重发令牌", "Add a terminal / new token"),
    "store.revoke": ("撤銷", "撤销", "Revoke"),
    "store.token_once": (
        "權杖只顯示這一次，請立即複製到終端：",
        "令牌只显示这一次，请立即复制到终端：",
        "This token is shown once only; copy it to the terminal now:",
    ),  # fmt: skip
    "store.channels": ("線上通路", "线上渠道", "Online channels"),
    "store.add_channel": ("新增通路／重發權杖", "新增渠道／重发令牌", "Add a channel / new token"),
    "store.terminal_id": ("終端代號", "终端代码", "Terminal id"),
    "store.channel": ("通路", "渠道", "Channel"),
    "store.created": ("建立於", "创建于", "Created"),
    "members.search": (
        "搜尋會員（編號、電話或姓名）",
        "搜索会员（编号、电话或姓名）",
        "Find a member (code, phone or name)",
    ),
    "members.none": ("沒有符合的會員。", "没有符合的会员。", "No member matches."),
    "member.code": ("會員編號", "会员编号", "Member code"),
    "member.name": ("姓名", "姓名", "Name"),
    "member.phone": ("電話", "电话", "Phone"),
    "member.birthday": ("生日", "生日", "Birthday"),
    "member.tier": ("等級", "等级", "Tier"),
    "member.status": ("狀態", "状态", "Status"),
    "member.home_store": ("入會門市", "入会门店", "Home store"),
    "member.enrolled_at": ("入會時間", "入会时间", "Enrolled"),
    "member.consent_terms": ("同意會員條款", "同意会员条款", "Accepted the terms"),
    "member.consent_marketing": ("同意行銷", "同意营销", "Marketing consent"),
    "member.balance": ("點數餘額", "积分余额", "Points balance"),
    "member.spend": ("近 12 個月消費", "近 12 个月消费", "Spend, last 12 months"),
    "member.flags": ("標記", "标记", "Flags"),
    "member.merged": ("已合併的編號", "已合并的编号", "Merged codes"),
    "member.ledger": ("點數明細", "积分明细", "Points ledger"),
    "member.running": ("累計", "累计", "Balance"),
    "member.lots": ("點數批次與到期日", "积分批次与到期日", "Lots and when they expire"),
    "member.expires": ("到期日", "到期日", "Expires"),
    "member.remaining": ("剩餘", "剩余", "Remaining"),
    "member.never_expires": ("不會到期", "不会到期", "never"),
    "member.sales": ("消費與退貨", "消费与退货", "Sales and returns"),
    "member.coupons": ("優惠券", "优惠券", "Coupons"),
    "member.used": ("已使用", "已使用", "used"),
    "member.unused": ("未使用", "未使用", "unused"),
    "member.adjust": ("調整點數", "调整积分", "Adjust points"),
    "member.adjust_limit": (
        "您的角色每次最多調整 ±{limit} 點，每天合計最多 {day} 點，每筆調整都會記入稽核紀錄。",
        "您的角色每次最多调整 ±{limit} 积分，每天合计最多 {day} 积分，每笔调整都会记入审计日志。",
        "Your role may adjust at most ±{limit} points at a time and {day} points a day; every adjustment is audited.",
    ),  # fmt: skip
    "member.reason": ("原因", "原因", "Reason"),
    "member.adjusted": ("已調整 {points} 點。", "已调整 {points} 积分。", "Adjusted by {points} points."),
    "member.yes": ("是", "是", "yes"),
    "member.no": ("否", "否", "no"),
    "col.date": ("日期", "日期", "Date"),
    "col.kind": ("類別", "类别", "Kind"),
    "col.points": ("點數", "积分", "Points"),
    "col.cents": ("金額", "金额", "Amount"),
    "col.store": ("門市", "门店", "Store"),
    "col.source": ("來源", "来源", "Source"),
    "rfm.title": ("RFM 分群（近 12 個月）", "RFM 分群（近 12 个月）", "RFM segments (last 12 months)"),
    "rfm.segment": ("分群", "分群", "Segment"),
    "rfm.members": ("人數", "人数", "Members"),
    "rfm.spend": ("消費", "消费", "Spend"),
    "rfm.recency": ("距上次消費天數", "距上次消费天数", "Days since last purchase"),
    "rfm.frequency": ("次數", "次数", "Purchases"),
    "rfm.churn": ("流失風險（高價值、久未消費）", "流失风险（高价值、久未消费）", "Churn risk (high value, long gone)"),
    "rfm.export": ("匯出（僅限同意行銷者）", "导出（仅限同意营销者）", "Export (marketing consent only)"),
    "rfm.at": ("基準日", "基准日", "As of"),
    "seg.important_value": ("重要價值客戶", "重要价值客户", "Important value"),
    "seg.important_retain": ("重要保持客戶", "重要保持客户", "Important to retain"),
    "seg.important_develop": ("重要發展客戶", "重要发展客户", "Important to develop"),
    "seg.important_win_back": ("重要挽留客戶", "重要挽留客户", "Important to win back"),
    "seg.general_value": ("一般價值客戶", "一般价值客户", "General value"),
    "seg.general_retain": ("一般保持客戶", "一般保持客户", "General retain"),
    "seg.general_develop": ("一般發展客戶", "一般发展客户", "General develop"),
    "seg.general_win_back": ("一般挽留客戶", "一般挽留客户", "General win back"),
    "review.title": ("待審核的會員標記", "待审核的会员标记", "Flagged members to review"),
    "review.explain": (
        "總部已接受這些交易（商品已售出），並標記以供審核。",
        "总部已接受这些交易（商品已售出），并标记以供审核。",
        "HQ accepted these events (the goods are gone) and flagged them for review.",
    ),  # fmt: skip
    "review.clear": ("審核完成，清除標記", "审核完成，清除标记", "Reviewed: clear the flag"),
    "review.note": ("備註", "备注", "Note"),
    "review.none": ("目前沒有待審核項目。", "目前没有待审核项目。", "Nothing to review."),
    "review.held": (
        "超過政策或風險門檻、待核准的點數調整與銷售",
        "超过政策或风险门槛、待核准的积分调整与销售",
        "Adjustments and sales held beyond policy",
    ),
    "review.held_none": ("沒有待核准的調整或銷售。", "没有待核准的调整或销售。", "No adjustment or sale is waiting."),
    "review.kind.adjust": ("點數調整", "积分调整", "Adjustment"),
    "review.kind.sale": ("銷售（收據）", "销售（收据）", "Sale (receipt)"),
    "review.why": ("暫緩原因", "暂缓原因", "Why held"),
    "review.supervisor": ("主管", "主管", "Supervisor"),
    "review.approve": ("核准", "核准", "Approve"),
    "review.reject": ("駁回", "驳回", "Reject"),
    "review.approved": (
        "已核准，點數已入帳並會在下次同步送到各門市。",
        "已核准，积分已入账并会在下次同步送到各门店。",
        "Approved: booked, and on its way to every till at its next sync.",
    ),  # fmt: skip
    "review.rejected": ("已駁回。", "已驳回。", "Rejected."),
    "error.unknown_review": ("沒有這筆待審調整。", "没有这笔待审调整。", "No such held adjustment."),
    "error.already_decided": (
        "這筆調整已經處理過了。",
        "这笔调整已经处理过了。",
        "That adjustment was already decided.",
    ),
    "review.cleared": ("已清除標記。", "已清除标记。", "Flag cleared."),
    "flag.overdraft": ("點數透支", "积分透支", "Overdraft"),
    "flag.coupon_reuse": ("優惠券重複使用", "优惠券重复使用", "Coupon reuse"),
    "flag.duplicate_phone": ("電話重複", "电话重复", "Duplicate phone"),
    "audit.title": ("稽核紀錄", "审计日志", "Audit log"),
    "audit.at": ("時間", "时间", "When"),
    "audit.who": ("操作員", "操作员", "Who"),
    "audit.action": ("動作", "动作", "Action"),
    "audit.target": ("對象", "对象", "Target"),
    "audit.before": ("變更前", "变更前", "Before"),
    "audit.after": ("變更後", "变更后", "After"),
    "role.admin": ("系統管理員", "系统管理员", "Administrator"),
    "role.marketing": ("行銷", "营销", "Marketing"),
    "role.finance": ("財務", "财务", "Finance"),
    "role.store_manager": ("店長", "店长", "Store manager"),
    "role.auditor": ("稽核", "审计", "Auditor"),
    "common.save": ("送出", "提交", "Submit"),
    "common.back": ("返回", "返回", "Back"),
}
# Feature pages keep their strings beside them (i18n_<feature>.py): smaller files, fewer merge conflicts.
for _feature in (i18n_program, i18n_campaigns, i18n_review, i18n_history, i18n_risk):
    _CATALOG.update(_feature.CATALOG)


def translate(language: str, key: str, **values: object) -> str:
    row = _CATALOG.get(key)
    text = row[LANGUAGES.index(language)] if row else key
    return text.format(**values) if values else text


def translate_plural(language: str, key: str, n: int, **values: object) -> str:
    """`key.<form>` for the plural form CLDR gives n in the language ("one", "other", ...), else `key.other`;
    n is passed on as {n}. Chinese has one form; English says "+1 month" but "+2 months"."""
    form = Locale.parse(BABEL_LOCALES[language]).plural_form(n)
    chosen = f"{key}.{form}" if f"{key}.{form}" in _CATALOG else f"{key}.other"
    return translate(language, chosen, n=n, **values)


def has(key: str) -> bool:
    return key in _CATALOG


def pick(request: Request) -> str:
    """?lang= first, then the cookie, then Accept-Language; Traditional Chinese if nothing says."""
    for candidate in (request.query_params.get("lang"), request.cookies.get(COOKIE)):
        if candidate in LANGUAGES:
            return candidate
    return from_accept_language(request.headers.get("accept-language", ""))


def from_accept_language(header: str) -> str:
    ranked = []
    for i, part in enumerate(header.split(",")[:20]):
        tag, _, params = part.strip().partition(";")
        q = 1.0
        if params.strip().startswith("q="):
            try:
                q = float(params.strip()[2:])
            except ValueError:
                q = 0.0
        ranked.append((-q, i, tag.strip().lower()))
    for _, _, tag in sorted(ranked):
        if tag.startswith("zh"):
            simplified = any(x in tag for x in ("hans", "-cn", "-sg", "-my")) or tag == "zh"
            return "zh_CN" if simplified and "hant" not in tag else "zh_TW"
        if tag.startswith("en"):
            return "en"
    return DEFAULT
