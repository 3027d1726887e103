"""Codes HQ stores, in words (zh_TW, zh_CN, en): one table per kind of code.

Templates print them through the `code` filter (hq/console/web.py): `{{ m.status|code('status') }}`.
A code missing from its table is shown as it is, never an error. Tier names come first from the
published program (each tier's `names`); the TIERS table covers a tier the program does not name.
"""

CodeTable = dict[str, tuple[str, str, str]]

TIERS: CodeTable = {
    "basic": ("普通", "普通", "Basic"),
    "silver": ("銀卡", "银卡", "Silver"),
    "gold": ("金卡", "金卡", "Gold"),
    "platinum": ("白金卡", "白金卡", "Platinum"),
    "diamond": ("鑽石", "钻石", "Diamond"),
}

MEMBER_STATUSES: CodeTable = {
    "active": ("有效", "有效", "Active"),
    "merged": ("已合併", "已合并", "Merged"),
    "stopped": ("已停止處理", "已停止处理", "Processing stopped"),
    "closed": ("已註銷", "已注销", "Closed"),
}

LEDGER_KINDS: CodeTable = {
    "earn": ("消費累點", "消费积分", "Purchase"),
    "signup": ("入會禮", "入会礼", "Sign-up bonus"),
    "referral": ("推薦禮", "推荐礼", "Referral bonus"),
    "bonus": ("獎勵點數", "奖励积分", "Bonus"),
    "redeem": ("兌換", "兑换", "Redeemed"),
    "return_earn": ("退貨扣回", "退货扣回", "Return (points taken back)"),
    "return_redeem": ("退貨退還", "退货退还", "Return (points given back)"),
    "adjust": ("調整", "调整", "Adjustment"),
    "expire": ("到期", "到期", "Expired"),
    "merge_in": ("合併轉入", "合并转入", "Merged in"),
}

ADJUST_REASONS: CodeTable = {
    "goodwill": ("善意補償", "善意补偿", "Goodwill"),
    "correction": ("更正", "更正", "Correction"),
    "complaint": ("客訴處理", "客诉处理", "Complaint"),
    "migration": ("資料移轉", "数据迁移", "Migration"),
    "fraud": ("舞弊處理", "舞弊处理", "Fraud"),
    "recover": ("透支追回", "透支追回", "Overdraft recovered"),
    "write_off": ("透支沖銷", "透支核销", "Overdraft written off"),
}

EVENT_TYPES: CodeTable = {
    "member.enrolled": ("入會", "入会", "Enrollment"),
    "member.updated": ("會員資料變更", "会员资料变更", "Member details changed"),
    "sale.confirmed": ("銷售", "销售", "Sale"),
    "sale.returned": ("退貨", "退货", "Return"),
    "points.adjusted": ("點數調整", "积分调整", "Points adjustment"),
    "coupon.issued": ("發放優惠券", "发放优惠券", "Coupon issued"),
}

# hq.services.held_reasons: code -> the sentence, with the same {names} as the English one there.
HELD_REASONS: CodeTable = {
    "over_adjust": (
        "調整 {points} 點，超過每次調整上限 {limit} 點",
        "调整 {points} 积分，超过每次调整上限 {limit} 积分",
        "{points} points is over the limit of {limit} per adjustment",
    ),
    "over_store_day": (
        "門市 {store} 在 {day} 的調整將超過每日上限 {limit} 點",
        "门店 {store} 在 {day} 的调整将超过每日上限 {limit} 积分",
        "Store {store} would adjust more than {limit} points on {day}",
    ),
    "over_store_received_day": (
        "門市 {store} 在總部 {day} 收到的調整將超過每日上限 {limit} 點",
        "门店 {store} 在总部 {day} 收到的调整将超过每日上限 {limit} 积分",
        "Store {store} would adjust more than {limit} points received on {day} (HQ's day)",
    ),
    "over_basket": (
        "單筆購物金額 {basket_cents}，超過上限 {limit_cents}",
        "单笔购物金额 {basket_cents}，超过上限 {limit_cents}",
        "A basket of {basket_cents} is over the {limit_cents} a sale may have",
    ),
    "over_units": (
        "{lines} 個品項共 {units} 件，超過上限 {max_units} 件／{max_lines} 個品項",
        "{lines} 个品项共 {units} 件，超过上限 {max_units} 件／{max_lines} 个品项",
        "{units} units on {lines} lines is over {max_units} units / {max_lines} lines",
    ),
    "over_earn": (
        "單筆累積 {points} 點，超過上限 {limit} 點",
        "单笔累积 {points} 积分，超过上限 {limit} 积分",
        "{points} points earned is over the {limit} a sale may earn",
    ),
    "over_balance": (
        "兌換 {points} 點，超過餘額 {balance} 點加離線額度 {allowance} 點",
        "兑换 {points} 积分，超过余额 {balance} 积分加离线额度 {allowance} 积分",
        "Redeems {points} points: more than the balance of {balance} plus the offline allowance of {allowance}",
    ),
    "redeems_per_day": (
        "會員在 {day} 的第 {number} 次（或以上）兌換",
        "会员在 {day} 的第 {number} 次（或以上）兑换",
        "The member's redemption number {number} or more on {day}",
    ),
    "coupon_over_face": (
        "折抵 {claimed_cents}，超過優惠券最多可折抵的 {cap_cents}",
        "抵扣 {claimed_cents}，超过优惠券最多可抵扣的 {cap_cents}",
        "Claims {claimed_cents} off a coupon that carries at most {cap_cents}",
    ),
    "coupon_other_member": (
        "此優惠券發給了另一位會員",
        "此优惠券发给了另一位会员",
        "The coupon was issued to another member",
    ),
    "coupon_min_spend": (
        "消費金額 {amount_cents} 未達優惠券最低消費 {min_cents}",
        "消费金额 {amount_cents} 未达优惠券最低消费 {min_cents}",
        "The sale ({amount_cents}) is below the coupon's minimum spend of {min_cents}",
    ),
}

TABLES: dict[str, CodeTable] = {
    "tier": TIERS,
    "status": MEMBER_STATUSES,
    "ledger": LEDGER_KINDS,
    "adjust_reason": ADJUST_REASONS,
    "event": EVENT_TYPES,
    "held": HELD_REASONS,
}
