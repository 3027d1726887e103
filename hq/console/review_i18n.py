"""Strings of the review queues (overdrafts, terminals), in zh_TW / zh_CN / en."""

from . import i18n

i18n.extend({
    "rq.overdrafts": ("點數透支", "积分透支", "Overdrafts"),
    "rq.overdrafts_explain": ("餘額低於零的會員（例如離線時在兩家門市兌換）。沖銷會記一筆補償分錄，讓餘額回到零，並同步至各終端。",
                              "余额低于零的会员（例如离线时在两家门店兑换）。核销会记一笔补偿分录，使余额回到零，并同步至各终端。",
                              "Members whose balance went below zero (e.g. offline redemptions at two stores). A write-off "
                              "books a compensating entry that brings the balance back to zero and reaches every till."),
    "rq.write_off": ("沖銷透支", "核销透支", "Write off"),
    "rq.written_off": ("已沖銷透支，餘額已歸零。", "已核销透支，余额已归零。", "Written off: the balance is back to zero."),
    "rq.none": ("目前沒有項目。", "目前没有项目。", "Nothing here."),
    "rq.filter_store": ("門市", "门店", "Store"),
    "rq.filter": ("篩選", "筛选", "Filter"),
    "rq.terminals": ("終端時鐘與拒收", "终端时钟与拒收", "Terminal clocks and rejections"),
    "rq.last_contact": ("最後連線", "最后连接", "Last contact"),
    "rq.skew_events": ("時鐘偏差事件", "时钟偏差事件", "Clock-skewed events"),
    "rq.skew_at": ("最近偏差", "最近偏差", "Last skew"),
    "rq.rejections": ("拒收事件", "拒收事件", "Rejected events"),
    "rq.reason": ("原因", "原因", "Reason"),
    "rq.message": ("說明", "说明", "Message"),
    "rq.event": ("事件", "事件", "Event"),
    "rq.tier_history": ("等級異動紀錄", "等级变动记录", "Tier history"),
    "rq.tier_from": ("原等級", "原等级", "From"),
    "rq.tier_to": ("新等級", "新等级", "To"),
    "rq.tier_spend": ("累計消費", "累计消费", "Rolling spend"),
    "rq.tier_unchanged": ("入會以來等級未曾變動。", "入会以来等级未曾变动。", "The tier has not changed since enrollment."),
    "error.not_overdrawn": ("此會員的餘額並未低於零。", "此会员的余额并未低于零。", "This member's balance is not below zero."),
    "error.unknown_terminal": ("找不到此終端。", "找不到此终端。", "No such terminal."),
})  # fmt: skip
