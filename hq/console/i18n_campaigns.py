"""The campaign pages' strings (zh_TW, zh_CN, en), merged into the console catalog by hq/console/i18n.py."""

CATALOG: dict[str, tuple[str, str, str]] = {
    "nav.campaigns": ("活動與優惠券", "活动与优惠券", "Campaigns"),
    "flag.campaign_coupon": ("活動優惠券異常使用", "活动优惠券异常使用", "Campaign coupon misuse"),
    "campaign.new": ("新增活動", "新增活动", "New campaign"),
    "campaign.none": ("尚無活動。", "尚无活动。", "No campaigns yet."),
    "campaign.name": ("活動名稱", "活动名称", "Name"),
    "campaign.kind": ("折扣方式", "折扣方式", "Discount"),
    "campaign.kind_amount": ("折抵金額（分）", "抵扣金额（分）", "Amount off (cents)"),
    "campaign.kind_percent": ("折扣百分比", "折扣百分比", "Percent off"),
    "campaign.value": ("折扣值", "折扣值", "Value"),
    "campaign.value_help": ("金額以「分」為單位；百分比填 1–100。", "金额以“分”为单位；百分比填 1–100。",
                            "Amount in cents; percent 1-100."),  # fmt: skip
    "campaign.min_spend": ("最低消費（分）", "最低消费（分）", "Minimum spend (cents)"),
    "campaign.valid_from": ("開始日期", "开始日期", "Valid from"),
    "campaign.valid_until": ("結束日期", "结束日期", "Valid until"),
    "campaign.per_member": ("每位會員張數上限", "每位会员张数上限", "Per-member limit"),
    "campaign.budget_cents": ("預算金額（分）", "预算金额（分）", "Budget (cents)"),
    "campaign.budget_count": ("預算張數", "预算张数", "Budget (coupons)"),
    "campaign.audience": ("發送對象", "发送对象", "Audience"),
    "campaign.audience_list": ("上傳會員代碼清單（CSV）", "上传会员代码清单（CSV）", "Uploaded member list (CSV)"),
    "campaign.list_file": ("CSV 檔（第一欄為會員代碼）", "CSV 文件（第一列为会员代码）", "CSV file (member code in the first column)"),
    "campaign.issued": ("已發送", "已发送", "Issued"),
    "campaign.used": ("已使用", "已使用", "Used"),
    "campaign.cost": ("成本", "成本", "Cost"),
    "campaign.reserved": ("已保留預算", "已保留预算", "Budget reserved"),
    "campaign.users": ("使用者", "使用者", "Members who used one"),
    "campaign.others": ("未使用者", "未使用者", "Members who did not"),
    "campaign.members": ("人數", "人数", "Members"),
    "campaign.spend": ("活動期間消費", "活动期间消费", "Spend in the window"),
    "campaign.created": ("已建立活動，發送 {issued} 張；{left_out} 張因預算不足未發送。",
                         "已创建活动，发送 {issued} 张；{left_out} 张因预算不足未发送。",
                         "Campaign created: {issued} coupons issued; {left_out} not issued (budget reached)."),  # fmt: skip
    "campaign.by": ("建立者", "创建者", "Created by"),
    "campaign.tracking": ("使用追蹤", "使用追踪", "Redemption tracking"),
    "campaign.state": ("狀態", "状态", "State"),
    "campaign.state_active": ("進行中", "进行中", "Active"),
    "campaign.state_paused": ("已暫停", "已暂停", "Paused"),
    "campaign.state_stopped": ("已停止", "已停止", "Stopped"),
    "campaign.pause": ("暫停活動", "暂停活动", "Pause"),
    "campaign.resume": ("恢復活動", "恢复活动", "Resume"),
    "campaign.stop": ("停止活動", "停止活动", "Stop"),
    "campaign.state_help": ("暫停或停止後，活動不再發送優惠券；已發送的優惠券仍可使用。停止後無法恢復。",
                            "暂停或停止后，活动不再发送优惠券；已发送的优惠券仍可使用。停止后无法恢复。",
                            "A paused or stopped campaign issues no more coupons; coupons already issued stay valid. "
                            "A stopped campaign cannot be resumed."),  # fmt: skip
    "campaign.done_pause": ("活動已暫停。", "活动已暂停。", "The campaign is paused."),
    "campaign.done_resume": ("活動已恢復。", "活动已恢复。", "The campaign is active again."),
    "campaign.done_stop": ("活動已停止。", "活动已停止。", "The campaign is stopped."),
    "campaign.left_out": ("未發送的會員", "未发送的会员", "Members left out"),
    "campaign.left_out_none": ("沒有會員被排除。", "没有会员被排除。", "No member was left out."),
    "campaign.left_out_more": ("僅顯示前 {shown} 位，共 {total} 位。", "仅显示前 {shown} 位，共 {total} 位。",
                               "Showing the first {shown} of {total}."),  # fmt: skip
    "campaign.member": ("會員代碼", "会员代码", "Member"),
    "campaign.why": ("原因", "原因", "Reason"),
    "campaign.coupons_short": ("少發張數", "少发张数", "Coupons not issued"),
    "campaign.why_overdraft": ("點數透支", "积分透支", "In overdraft"),
    "campaign.why_coupon_reuse": ("風險標記：優惠券重複使用", "风险标记：优惠券重复使用", "Risk flag: coupon reuse"),
    "campaign.why_campaign_coupon": ("風險標記：活動優惠券異常使用", "风险标记：活动优惠券异常使用",
                                     "Risk flag: campaign coupon misuse"),  # fmt: skip
    "campaign.why_duplicate_phone": ("風險標記：電話重複", "风险标记：电话重复", "Risk flag: duplicate phone"),
    "campaign.why_budget": ("預算用完", "预算用完", "Budget ran out"),
    "error.campaign_state": ("活動目前的狀態不允許此操作（可能已暫停或已停止）。", "活动当前的状态不允许此操作（可能已暂停或已停止）。",
                             "The campaign's state does not allow that (it may already be paused or stopped)."),  # fmt: skip
    "error.unknown_campaign": ("沒有這個活動。", "没有这个活动。", "No such campaign."),
    "error.campaign_name": ("活動名稱須為 1–120 個可列印字元。", "活动名称须为 1–120 个可打印字符。",
                            "The name must be 1-120 printable characters."),  # fmt: skip
    "error.campaign_kind": ("請選擇折抵金額或百分比。", "请选择抵扣金额或百分比。", "Choose amount or percent."),
    "error.campaign_value": ("折扣值須為 {low} 到 {high} 的整數。", "折扣值须为 {low} 到 {high} 的整数。",
                             "The value must be a whole number from {low} to {high}."),  # fmt: skip
    "error.campaign_min_spend_cents": ("最低消費須為 {low} 到 {high} 的整數（分）。", "最低消费须为 {low} 到 {high} 的整数（分）。",
                                       "The minimum spend must be whole cents from {low} to {high}."),  # fmt: skip
    "error.campaign_per_member_limit": ("每位會員上限須為 {low} 到 {high} 的整數。", "每位会员上限须为 {low} 到 {high} 的整数。",
                                        "The per-member limit must be a whole number from {low} to {high}."),  # fmt: skip
    "error.campaign_budget_cents": ("預算金額須為 {low} 到 {high} 的整數（分）。", "预算金额须为 {low} 到 {high} 的整数（分）。",
                                    "The money budget must be whole cents from {low} to {high}."),  # fmt: skip
    "error.campaign_budget_count": ("預算張數須為 {low} 到 {high} 的整數。", "预算张数须为 {low} 到 {high} 的整数。",
                                    "The coupon budget must be a whole number from {low} to {high}."),  # fmt: skip
    "error.campaign_valid_from": ("開始日期格式須為 YYYY-MM-DD。", "开始日期格式须为 YYYY-MM-DD。", "The start must be a date (YYYY-MM-DD)."),
    "error.campaign_valid_until": ("結束日期須為有效日期，不早於開始日與今天，且一年內。",
                                   "结束日期须为有效日期，不早于开始日与今天，且一年内。",
                                   "The end must be a date on or after the start and today, within a year."),  # fmt: skip
    "error.campaign_audience": ("請選擇一個分群或上傳清單。", "请选择一个分群或上传清单。", "Choose a segment or upload a list."),
    "error.campaign_bad_code": ("清單第 {row} 列不是會員代碼。", "清单第 {row} 行不是会员代码。", "Row {row} of the list is not a member code."),
    "error.campaign_empty_list": ("清單中沒有會員代碼。", "清单中没有会员代码。", "The list has no member codes."),
    "error.campaign_list_too_big": ("清單過大（上限 {limit} 位）。", "清单过大（上限 {limit} 位）。", "The list is too big (at most {limit})."),
    "error.campaign_unknown_members": ("清單中有 {count} 個代碼不是有效會員（例如 {first}）。",
                                       "清单中有 {count} 个代码不是有效会员（例如 {first}）。",
                                       "{count} codes in the list are not active members (e.g. {first})."),  # fmt: skip
    "error.sealed_elsewhere": ("總部的優惠券簽章金鑰無法以本機的金鑰檔開啟（POS_HQ_SECRETS_KEY_FILE）。請系統管理員放回正確的金鑰檔。",
                               "总部的优惠券签名密钥无法用本机的密钥文件打开（POS_HQ_SECRETS_KEY_FILE）。请系统管理员放回正确的密钥文件。",
                               "HQ's coupon signing key does not open with this server's secrets key file "
                               "(POS_HQ_SECRETS_KEY_FILE). Ask an administrator to put the right file back."),
}
