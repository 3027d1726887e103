"""Strings of the member's ledger history, the held-adjustment approval limits and the audit log's filters
(zh_TW, zh_CN, en), merged into the console catalog by hq/console/i18n.py."""

CATALOG: dict[str, tuple[str, str, str]] = {
    # approving held adjustments
    "review.approve_limit": (
        "您的角色可核准最多 ±{limit} 點的暫緩調整。",
        "您的角色可核准最多 ±{limit} 积分的暂缓调整。",
        "Your role may approve held adjustments of up to ±{limit} points.",
    ),
    "review.approve_limit_any": ("您的角色可核准任何暫緩調整。", "您的角色可核准任何暂缓调整。",
                                 "Your role may approve any held adjustment."),  # fmt: skip
    "review.approve_none": (
        "您的角色不能核准暫緩調整（可駁回）；由財務或系統管理員核准。",
        "您的角色不能核准暂缓调整（可驳回）；由财务或系统管理员核准。",
        "Your role approves no held adjustment (it may reject one); finance or an admin approves.",
    ),
    "review.over_approve_limit": ("超過您的核准上限", "超过您的核准上限", "Over your approval limit"),
    "error.over_approve_limit": (
        "超過您角色的核准上限（{limit} 點）。",
        "超过您角色的核准上限（{limit} 积分）。",
        "Beyond your role's approval limit ({limit} points).",
    ),
    # the member's ledger, a page at a time
    "member.ledger_page": (
        "每頁 {n} 筆，最新的在前（依日期）。",
        "每页 {n} 笔，最新的在前（按日期）。",
        "{n} entries a page, newest first (by date).",
    ),
    "member.newer": ("← 較新", "← 较新", "← Newer"),
    "member.older": ("較舊 →", "较旧 →", "Older →"),
    "member.newest": ("最新", "最新", "Newest"),
    "member.lots_first_page": ("點數批次（依到期日）列在第一頁。", "积分批次（按到期日）列在第一页。",
                               "The point lots (by expiry date) are on the first page."),  # fmt: skip
    "member.ledger_none": ("沒有點數紀錄。", "没有积分记录。", "No ledger entries."),
    "member.detail": ("主管／核准／操作員", "主管／核准／操作员", "Supervisor / approved by / operator"),
    "member.approved_by": ("核准：{who}", "核准：{who}", "approved by {who}"),
    "member.supervisor_by": ("主管：{who}", "主管：{who}", "supervisor {who}"),
    "member.operator_by": ("操作員：{who}", "操作员：{who}", "operator {who}"),
    "error.invalid_cursor": ("頁面連結無效，請從第一頁開始。", "页面链接无效，请从第一页开始。",
                             "That page link is not valid; start from the first page."),  # fmt: skip
    # the audit log's filters and summaries
    "audit.filter": ("篩選", "筛选", "Filter"),
    "audit.any": ("全部", "全部", "any"),
    "audit.from": ("起日", "起始日期", "From"),
    "audit.to": ("迄日", "截止日期", "To"),
    "audit.store": ("門市", "门店", "Store"),
    "audit.changes": ("變更內容", "变更内容", "What changed"),
    "audit.newer": ("← 較新", "← 较新", "← Newer"),
    "audit.older": ("較舊 →", "较旧 →", "Older →"),
    "audit.none": ("沒有符合條件的紀錄。", "没有符合条件的记录。", "No entry matches."),
    "audit.nothing_changed": ("（無變更）", "（无变更）", "(nothing changed)"),
    "audit.version": ("規則版本 {before} → {after}", "规则版本 {before} → {after}", "rules version {before} → {after}"),
    "audit.more": ("另有 {n} 項變更", "另有 {n} 项变更", "{n} more changes"),
    "error.invalid_filter": (
        "篩選條件無效（日期格式為 YYYY-MM-DD，其他欄位最多 40 字）。",
        "筛选条件无效（日期格式为 YYYY-MM-DD，其他字段最多 40 字）。",
        "A filter is not valid (dates as YYYY-MM-DD, other fields at most 40 characters).",
    ),
}
