"""Display names for the engine's codes (statuses, resolutions, payers, UI labels); role names
(escalation targets, departments) come from the shop file.

Build-time and CPython only: each site ships just the names its pages use (see
checker.site.checker_page.checker_data), so the public site carries no staff-only wording.
"""

TERMS = {
    "eligible": {"zh": "符合", "en": "Eligible"},
    "not_eligible": {"zh": "不符合", "en": "Not eligible"},
    "pending": {"zh": "待定", "en": "Pending"},
    "registered": {"zh": "已登记", "en": "Registered"},
    "refund": {"zh": "退货退款", "en": "Refund"},
    "exchange": {"zh": "换货", "en": "Exchange"},
    "partial_compensation": {"zh": "折价补偿", "en": "Partial compensation"},
    "send_missing_item": {"zh": "补发少件", "en": "Send the missing item"},
    "warranty_repair": {"zh": "保修维修", "en": "Warranty repair"},
    "refuse_at_delivery": {"zh": "拒签后重发", "en": "Refuse at delivery, then resend"},
    "none": {"zh": "无", "en": "None"},
    "buyer": {"zh": "买家", "en": "buyer"},
    "shop": {"zh": "店铺", "en": "shop"},
    "return_leg": {"zh": "寄回", "en": "Return leg"},
    "resend_leg": {"zh": "重新寄出", "en": "Resend leg"},
    "outbound_postage": {"zh": "原寄出运费", "en": "the original outbound postage"},
    "mon": {"zh": "周一", "en": "Monday"},
    "tue": {"zh": "周二", "en": "Tuesday"},
    "wed": {"zh": "周三", "en": "Wednesday"},
    "thu": {"zh": "周四", "en": "Thursday"},
    "fri": {"zh": "周五", "en": "Friday"},
    "sat": {"zh": "周六", "en": "Saturday"},
    "sun": {"zh": "周日", "en": "Sunday"},
    "status": {"zh": "判定", "en": "Decision"},
    "otherwise": {"zh": "否则", "en": "otherwise"},
    "resolution": {"zh": "处理方式", "en": "Resolution"},
    "say": {"zh": "对客户说", "en": "Tell the customer"},
    "postage": {"zh": "运费", "en": "Postage"},
    "price_difference": {"zh": "差价", "en": "Price difference"},
    "flag": {"zh": "订单旗帜", "en": "Order flag"},
    "note": {"zh": "备注", "en": "Note"},
    "department": {"zh": "转交部门", "en": "Goes to"},
    "deadlines": {"zh": "时限", "en": "Deadlines"},
    "follow_up": {"zh": "跟进", "en": "Follow-up"},
    "compared": {"zh": "比较", "en": "Compared"},
    "escalation": {"zh": "升级", "en": "Escalation"},
    "rules": {"zh": "依据", "en": "Rules"},
    "warnings": {"zh": "注意", "en": "Warnings"},
    "why": {"zh": "为什么问", "en": "Why this is asked"},
    "pays": {"zh": "付", "en": "pays"},
    "prepays": {"zh": "先垫付，由店铺报销", "en": "prepays; the shop reimburses"},
    "cap": {"zh": "上限", "en": "up to"},
}


# What the customers' checker may show: nothing about flags, escalation or internal routing.
PUBLIC_CODES = (
    "eligible",
    "not_eligible",
    "pending",
    "refund",
    "exchange",
    "send_missing_item",
    "warranty_repair",
    "refuse_at_delivery",
    "none",
    "buyer",
    "shop",
    "return_leg",
    "resend_leg",
    "outbound_postage",
    "status",
    "resolution",
    "say",
    "postage",
    "price_difference",
    "rules",
    "why",
    "warnings",
    "pays",
    "prepays",
    "cap",
)


def terms_for(audience):
    if audience == "public":
        return {code: TERMS[code] for code in PUBLIC_CODES}
    return dict(TERMS)
