"""The program pages' catalog (zh_TW, zh_CN, en), kept apart so the main catalog stays reviewable."""

CATALOG: dict[str, tuple[str, str, str]] = {
    "nav.program": ("點數方案", "积分方案", "Program"),
    "program.in_force": ("現行規則（版本 {version}）", "现行规则（版本 {version}）", "Rules in force (version {version})"),
    "program.tiers": ("會員等級", "会员等级", "Tiers"),
    "program.promotions": ("促銷活動", "促销活动", "Promotions"),
    "program.risk": ("風險保留門檻", "风险保留门槛", "Risk holds"),
    "program.risk_help": ("超過下列任一門檻的銷售不入帳，保留待審核（在草稿的 risk 中修改）。",
                          "超过下列任一门槛的销售不入账，保留待审核（在草稿的 risk 中修改）。",
                          "A sale beyond any of these is not booked but held for review (change them under risk in a draft)."),  # fmt: skip
    "program.draft": ("草稿（下一版）", "草稿（下一版）", "Draft (next version)"),
    "program.draft_open": ("草稿 #{n}，由 {who} 建立，以版本 {base} 為基礎。", "草稿 #{n}，由 {who} 创建，基于版本 {base}。",
                           "Draft #{n} by {who}, based on version {base}."),  # fmt: skip
    "program.no_draft": ("目前沒有草稿。", "目前没有草稿。", "There is no draft."),
    "program.new_draft": ("建立草稿", "创建草稿", "Start a draft"),
    "program.edit": ("編輯草稿", "编辑草稿", "Edit the draft"),
    "program.edit_help": (
        "以 JSON 編輯等級（tiers）與促銷（promotions）；其餘規則沿用現行版本。儲存前會先檢查。",
        "以 JSON 编辑等级（tiers）与促销（promotions）；其余规则沿用现行版本。保存前会先检查。",
        "Edit tiers and promotions as JSON; everything else is kept from the version in force. "
        "It is checked before it is saved.",
    ),
    "program.save": ("檢查並儲存草稿", "检查并保存草稿", "Check and save the draft"),
    "program.diff": ("與現行版本的差異", "与现行版本的差异", "Changes against the version in force"),
    "program.no_changes": ("草稿與現行版本相同。", "草稿与现行版本相同。", "The draft is the same as the version in force."),
    "program.simulate": ("以近 30 天銷售模擬", "以近 30 天销售模拟", "Simulate on the last 30 days"),
    "program.publish": ("發布", "发布", "Publish"),
    "program.discard": ("捨棄草稿", "舍弃草稿", "Discard the draft"),
    "program.history": ("版本紀錄", "版本记录", "History"),
    "program.current": ("現行", "现行", "in force"),
    "program.rolled_back": ("回復", "回滚", "rollback"),
    "program.rollback": ("回復到版本 {version} 的內容（發布為新版本）", "回滚到版本 {version} 的内容（发布为新版本）",
                         "Roll back to version {version}'s content (published as a new version)"),  # fmt: skip
    "program.sim_result": (
        "此版本在 {first} 至 {last} 的 {sales} 筆銷售會多發 {n} 點，成本 {x}。",
        "此版本在 {first} 至 {last} 的 {sales} 笔销售会多发 {n} 积分，成本 {x}。",
        "On the {sales} sales from {first} to {last} this version would have issued {n} more points, costing {x}.",
    ),
    "program.sim_totals": ("現行版本：{now} 點；草稿：{draft} 點。", "现行版本：{now} 积分；草稿：{draft} 积分。",
                           "Version in force: {now} points; draft: {draft} points."),  # fmt: skip
    "program.sim_skipped": ("（{n} 筆銷售無法以其中一版計價，未計入。）", "（{n} 笔销售无法以其中一版计价，未计入。）",
                            "({n} sales could not be priced under one of the versions and are left out.)"),  # fmt: skip
    "program.done.saved": ("草稿已儲存。", "草稿已保存。", "The draft is saved."),
    "program.done.published": ("已發布；各門市終端下次同步時取得。", "已发布；各门店终端下次同步时获取。",
                               "Published; the tills get it at their next sync."),  # fmt: skip
    "program.done.rolled_back": ("已回復並發布為新版本。", "已回滚并发布为新版本。", "Rolled back, as a new version."),
    "program.done.discarded": ("草稿已捨棄。", "草稿已舍弃。", "The draft is discarded."),
    "program.col.what": ("項目", "项目", "What"),
    "program.col.field": ("欄位", "字段", "Field"),
    "program.col.before": ("現行", "现行", "Before"),
    "program.col.after": ("草稿", "草稿", "After"),
    "program.col.version": ("版本", "版本", "Version"),
    "program.col.published_at": ("發布時間", "发布时间", "Published"),
    "program.col.by": ("發布者", "发布者", "By"),
    "program.section.tier": ("等級", "等级", "Tier"),
    "program.section.promotion": ("促銷", "促销", "Promotion"),
    "program.section.risk": ("風險保留", "风险保留", "Risk holds"),
    "program.f.max_sale_cents": ("單筆銷售金額上限（分）", "单笔销售金额上限（分）", "Largest sale (cents)"),
    "program.f.max_sale_units": ("單筆銷售件數上限", "单笔销售件数上限", "Most units in a sale"),
    "program.f.max_sale_lines": ("單筆銷售品項數上限", "单笔销售品项数上限", "Most lines in a sale"),
    "program.f.max_sale_points": ("單筆銷售累點上限", "单笔销售积分上限", "Most points one sale earns"),
    "program.f.max_redeems_per_member_day": ("每位會員每日折抵次數上限", "每位会员每日抵扣次数上限",
                                             "Redemptions per member per day"),  # fmt: skip
    "program.f.referral_clear_days": ("推薦點數入帳前的退貨觀察天數", "推荐积分入账前的退货观察天数",
                                      "Days a referee's first purchase must stand before the referral bonus"),
    "program.f.max_enrollments_terminal_hour": ("每台終端每小時入會數上限（超過即標記）", "每台终端每小时入会数上限（超过即标记）",
                                                "Enrollments per terminal per hour before a flag"),
    "program.f.max_referrals_referrer_day": ("每位推薦人每日推薦數上限（超過即標記）", "每位推荐人每日推荐数上限（超过即标记）",
                                             "Referrals per referrer per day before a flag"),
    "program.f.quick_return_minutes": ("售出後幾分鐘內退貨視為即退", "售出后几分钟内退货视为即退",
                                       "Minutes after a sale within which a return is a quick return"),
    "program.f.cashier_min_day": ("收銀員每日退貨／調整數的下限（不會被視為異常）", "收银员每日退货／调整数的下限（不会被视为异常）",
                                  "Returns / adjustments per cashier per day never flagged"),
    "program.f.cashier_outlier_pct": ("收銀員超過同店其他收銀員平均的百分比即標記", "收银员超过同店其他收银员平均的百分比即标记",
                                      "Percent of the store's other cashiers' average before a flag"),
    "program.f.max_quick_returns_store_day": ("每家門市每日即退數上限（超過即標記）", "每家门店每日即退数上限（超过即标记）",
                                              "Quick returns per store per day before a flag"),
    "program.f.redeem_identity_points": ("超過此點數折抵須掃會員卡或簡訊驗證碼", "超过此积分抵扣须扫会员卡或短信验证码",
                                         "Redeeming more points needs the card or a code"),  # fmt: skip
    "program.change.added": ("新增", "新增", "added"),
    "program.change.removed": ("移除", "移除", "removed"),
    "program.change.changed": ("變更", "变更", "changed"),
    "program.f.code": ("代碼", "代码", "Code"),
    "program.f.id": ("代碼", "代码", "Id"),
    "program.f.names": ("名稱", "名称", "Names"),
    "program.f.detail": ("內容", "内容", "Details"),
    "program.f.kind": ("類型", "类型", "Kind"),
    "program.f.threshold": ("門檻消費", "门槛消费", "Qualifying spend"),
    "program.f.earn": ("累點倍率", "累积倍率", "Earn rate"),
    "program.f.discount": ("會員價折扣", "会员价折扣", "Member discount"),
    "program.f.threshold_cents": ("門檻消費（分）", "门槛消费（分）", "Threshold (cents)"),
    "program.f.earn_permille": ("累點倍率（‰）", "累积倍率（‰）", "Earn rate (‰)"),
    "program.f.discount_bp": ("會員價折扣（基點）", "会员价折扣（基点）", "Member discount (bp)"),
    "program.f.multiplier_permille": ("倍率（‰）", "倍率（‰）", "Multiplier (‰)"),
    "program.f.weekday": ("星期（週一=0）", "星期（周一=0）", "Weekday (Mon=0)"),
    "program.f.sku": ("商品編號", "商品编号", "SKU"),
    "program.f.category": ("品類", "品类", "Category"),
    "program.f.points_per_unit": ("每件加贈點數", "每件加赠积分", "Points per unit"),
    "program.f.points": ("點數", "积分", "Points"),
    "program.f.stackable": ("可疊加", "可叠加", "Stackable"),
    "program.f.valid_from": ("開始日", "开始日", "Valid from"),
    "program.f.valid_to": ("結束日", "结束日", "Valid to"),
    "program.kind.weekday_multiplier": ("會員日倍數", "会员日倍数", "Weekday multiplier"),
    "program.kind.birthday_multiplier": ("生日月倍數", "生日月倍数", "Birthday multiplier"),
    "program.kind.sku_bonus": ("商品加贈", "商品加赠", "SKU bonus"),
    "program.kind.category_bonus": ("品類加贈", "品类加赠", "Category bonus"),
    "program.kind.referral": ("推薦獎勵", "推荐奖励", "Referral"),
    "program.err.title": ("草稿未儲存，請修正：", "草稿未保存，请修正：", "The draft was not saved; please fix:"),
    "program.err.empty": ("請輸入草稿內容。", "请输入草稿内容。", "The draft is empty."),
    "program.err.too_long": ("草稿過長（上限 {limit} 字）。", "草稿过长（上限 {limit} 字）。",
                             "The draft is too long (at most {limit} characters)."),  # fmt: skip
    "program.err.json": ("JSON 格式錯誤（第 {line} 行第 {column} 字）。", "JSON 格式错误（第 {line} 行第 {column} 字）。",
                         "The JSON is malformed (line {line}, column {column})."),  # fmt: skip
    "program.err.shape": ("草稿須為含 tiers 與 promotions 兩個清單的物件。", "草稿须为含 tiers 与 promotions 两个列表的对象。",
                          "The draft must be an object with a tiers list and a promotions list."),  # fmt: skip
    "program.err.unknown_key": ("草稿只能修改 tiers、promotions 與 risk（多了：{names}）。",
                                "草稿只能修改 tiers、promotions 与 risk（多了：{names}）。",
                                "A draft changes only tiers, promotions and risk (unexpected: {names})."),  # fmt: skip
    "program.err.risk_shape": ("risk 須為物件（名稱對應整數）。", "risk 须为对象（名称对应整数）。",
                               "risk must be an object of names and whole numbers."),  # fmt: skip
    "program.err.risk_value": ("risk 的 {field} 須為 1 以上的整數。", "risk 的 {field} 须为 1 以上的整数。",
                               "risk: {field} must be a whole number, 1 or more."),  # fmt: skip
    "program.err.too_many": ("等級或促銷最多 {limit} 項。", "等级或促销最多 {limit} 项。", "At most {limit} tiers or promotions."),
    "program.err.no_tiers": ("至少需要一個等級。", "至少需要一个等级。", "There must be at least one tier."),
    "program.err.tier_code": ("第 {n} 個等級缺少有效代碼（英數字、- 與 _，最多 20 字）。",
                              "第 {n} 个等级缺少有效代码（字母数字、- 与 _，最多 20 字）。",
                              "Tier {n} has no valid code (letters, digits, - and _, up to 20)."),  # fmt: skip
    "program.err.tier_duplicate": ("等級代碼 {code} 重複。", "等级代码 {code} 重复。", "Tier code {code} appears twice."),
    "program.err.tier_threshold": ("等級 {code} 的門檻須為 0 以上的整數（分）。", "等级 {code} 的门槛须为 0 以上的整数（分）。",
                                   "Tier {code}: the threshold must be a whole number of cents, 0 or more."),  # fmt: skip
    "program.err.tier_overlap": ("等級 {code} 與 {other} 的門檻相同，等級區間重疊。", "等级 {code} 与 {other} 的门槛相同，等级区间重叠。",
                                 "Tiers {code} and {other} have the same threshold: they overlap."),  # fmt: skip
    "program.err.tier_earn": ("等級 {code} 的累點倍率須為 0 到 {high} 的整數（‰）。", "等级 {code} 的累积倍率须为 0 到 {high} 的整数（‰）。",
                              "Tier {code}: the earn rate must be a whole number from 0 to {high} (‰)."),  # fmt: skip
    "program.err.tier_discount": ("等級 {code} 的折扣須為 0 到 10000 基點。", "等级 {code} 的折扣须为 0 到 10000 基点。",
                                  "Tier {code}: the discount must be 0 to 10000 basis points."),  # fmt: skip
    "program.err.tier_lowest": ("最低等級的門檻須為 0。", "最低等级的门槛须为 0。", "The lowest tier must start at 0."),
    "program.err.names": ("{code} 的名稱須為 en / zh_TW / zh_CN 對應 1 到 80 字的文字。",
                          "{code} 的名称须为 en / zh_TW / zh_CN 对应 1 到 80 字的文字。",
                          "{code}: names map en / zh_TW / zh_CN to texts of 1 to 80 characters."),  # fmt: skip
    "program.err.unknown_field": ("{code} 含未知欄位：{names}。", "{code} 含未知字段：{names}。", "{code} has unknown fields: {names}."),
    "program.err.promo_id": ("第 {n} 個促銷缺少有效代碼。", "第 {n} 个促销缺少有效代码。", "Promotion {n} has no valid id."),
    "program.err.promo_duplicate": ("促銷代碼 {id} 重複。", "促销代码 {id} 重复。", "Promotion id {id} appears twice."),
    "program.err.promo_kind": ("促銷 {id} 的類型須為：{kinds}。", "促销 {id} 的类型须为：{kinds}。",
                               "Promotion {id}: the kind must be one of {kinds}."),  # fmt: skip
    "program.err.promo_multiplier": ("促銷 {id} 的倍率須為 1000 到 {high} 的整數（‰，不可為負或低於 1 倍）。",
                                     "促销 {id} 的倍率须为 1000 到 {high} 的整数（‰，不可为负或低于 1 倍）。",
                                     "Promotion {id}: the multiplier must be a whole number from 1000 to {high} "
                                     "(‰; never negative or below x1)."),  # fmt: skip
    "program.err.promo_weekday": ("促銷 {id} 的星期須為 0（週一）到 6。", "促销 {id} 的星期须为 0（周一）到 6。",
                                  "Promotion {id}: the weekday must be 0 (Monday) to 6."),  # fmt: skip
    "program.err.promo_sku": ("促銷 {id} 需要商品編號。", "促销 {id} 需要商品编号。", "Promotion {id} needs a SKU."),
    "program.err.promo_category": ("促銷 {id} 需要品類。", "促销 {id} 需要品类。", "Promotion {id} needs a category."),
    "program.err.promo_points": ("促銷 {id} 的 {field} 須為 0 到 1000000 的整數。", "促销 {id} 的 {field} 须为 0 到 1000000 的整数。",
                                 "Promotion {id}: {field} must be a whole number from 0 to 1000000."),  # fmt: skip
    "program.err.promo_stackable": ("促銷 {id} 的 stackable 須為 true 或 false。", "促销 {id} 的 stackable 须为 true 或 false。",
                                    "Promotion {id}: stackable is true or false."),  # fmt: skip
    "program.err.promo_date": ("促銷 {id} 的 {field} 須為 YYYY-MM-DD。", "促销 {id} 的 {field} 须为 YYYY-MM-DD。",
                               "Promotion {id}: {field} is written YYYY-MM-DD."),  # fmt: skip
    "program.err.promo_dates": ("促銷 {id} 的結束日早於開始日。", "促销 {id} 的结束日早于开始日。",
                                "Promotion {id} ends before it starts."),  # fmt: skip
    "program.err.core": ("規則檢查未通過：{detail}", "规则检查未通过：{detail}", "The rules check refused it: {detail}"),
    "program.err.stale": ("草稿與現行版本不再相容，請重新編輯。", "草稿与现行版本不再兼容，请重新编辑。",
                          "The draft no longer fits the version in force; edit it again."),  # fmt: skip
    "error.no_draft": ("目前沒有草稿。", "目前没有草稿。", "There is no draft."),
    "error.nothing_to_roll_back": ("沒有更早的版本可回復。", "没有更早的版本可回滚。", "There is no earlier version to go back to."),
    "error.stale_rules_version": ("版本已被他人更新，請重新整理再試。", "版本已被他人更新，请刷新再试。",
                                  "Someone published meanwhile; reload and try again."),  # fmt: skip
}
