"""Strings of the risk queue (velocity and pattern flags against fraud farming), in zh_TW / zh_CN / en."""

CATALOG: dict[str, tuple[str, str, str]] = {
    "risk.title": ("風險標記", "风险标记", "Risk flags"),
    "risk.explain": ("總部依自己的時鐘計數：單一終端每小時入會數、單一推薦人每日推薦數、門市每日售出後即退的次數，超過規則上限即標記。"
                     "標記不會擋下交易；確認「推薦洗點」會取消該推薦人所有尚未入帳的推薦點數（終端本來就沒有這些點數，不需同步）。"
                     "駁回只記錄判斷。兩者都會寫入稽核紀錄。",
                     "总部按自己的时钟计数：单一终端每小时入会数、单一推荐人每日推荐数、门店每日售出后即退的次数，超过规则上限即标记。"
                     "标记不会拦下交易；确认“推荐刷分”会取消该推荐人所有尚未入账的推荐积分（终端本来就没有这些积分，无需同步）。"
                     "驳回只记录判断。两者都会写入审计记录。",
                     "HQ counts on its own clock: enrollments per terminal per hour, referrals per referrer per day, quick "
                     "returns per store per day; a count over its rules number is flagged. A flag holds nothing back. "
                     "Confirming a referral farm cancels every referral bonus of the referrer not booked yet (no till "
                     "ever had them, so nothing is synced); dismissing only records the judgement. Both are audited."),
    "risk.kind": ("類型", "类型", "Kind"),
    "risk.kind.enrollments": ("大量入會", "大量入会", "Many enrollments"),
    "risk.kind.referral_farm": ("推薦洗點", "推荐刷分", "Referral farm"),
    "risk.kind.quick_returns": ("售出即退", "售出即退", "Quick returns"),
    "risk.kind.cashier_outlier": ("收銀員異常", "收银员异常", "Cashier outlier"),
    "risk.what.returns": ("退貨", "退货", "returns"),
    "risk.what.adjustments": ("點數調整", "积分调整", "adjustments"),
    "risk.ev.what": ("項目", "项目", "What"),
    "risk.ev.store_norm": ("同店其他收銀員平均", "同店其他收银员平均", "Store's other cashiers' average"),
    "risk.ev.store_total": ("門市當日合計", "门店当日合计", "Store's total that day"),
    "risk.who": ("對象", "对象", "Who"),
    "risk.terminal": ("終端", "终端", "terminal"),
    "risk.cashier": ("收銀員", "收银员", "cashier"),
    "risk.evidence": ("證據", "证据", "Evidence"),
    "risk.pending": ("{n} 筆推薦點數待入帳", "{n} 笔推荐积分待入账", "{n} referral bonuses pending"),
    "risk.dismiss": ("駁回（誤判）", "驳回（误判）", "Dismiss (false alarm)"),
    "risk.confirm": ("確認為舞弊", "确认为舞弊", "Confirm fraud"),
    "risk.dismissed": ("已駁回標記。", "已驳回标记。", "The flag is dismissed."),
    "risk.confirmed": ("已確認標記。", "已确认标记。", "The flag is confirmed."),
    "risk.ev.count": ("次數", "次数", "Count"),
    "risk.ev.limit": ("上限", "上限", "Limit"),
    "risk.ev.hour_utc": ("小時（UTC）", "小时（UTC）", "Hour (UTC)"),
    "risk.ev.hq_day": ("總部營業日", "总部营业日", "HQ business day"),
    "risk.ev.members": ("會員", "会员", "Members"),
    "risk.ev.referees": ("被推薦人", "被推荐人", "Referees"),
    "risk.ev.points": ("推薦點數", "推荐积分", "Referral points"),
    "risk.ev.stores": ("門市", "门店", "Stores"),
    "risk.ev.cashiers": ("收銀員", "收银员", "Cashiers"),
    "risk.ev.terminals": ("終端", "终端", "Terminals"),
    "risk.ev.receipts": ("收據", "收据", "Receipts"),
    "risk.ev.minutes": ("分鐘內", "分钟内", "Within minutes"),
    "error.unknown_risk_flag": ("沒有這個風險標記。", "没有这个风险标记。", "No such risk flag."),
    "error.risk_already_decided": ("這個標記已經處理過了。", "这个标记已经处理过了。", "That flag was already decided."),
}
