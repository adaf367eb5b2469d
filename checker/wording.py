"""The interface's wording: every label, heading and prompt the handbook, the public site,
the browser checker and the terminal show, in Chinese and English, in one place.

Build-time and CPython only. Keys are grouped by where they are used (``term.``, ``ui.``,
``policy.`` ...). Each entry says who may see it: "all", or "staff" for wording the public
site must never ship. The browser gets its subset inside the checker data (``words``), so it
never imports this module.
"""

WORDING = {
    # Names of the engine's codes (statuses, resolutions, payers, weekdays) and the verdict's
    # labels; the customers' checker gets only those marked all.
    "term.eligible": {"zh": "符合", "en": "Eligible", "audience": "all"},
    "term.not_eligible": {"zh": "不符合", "en": "Not eligible", "audience": "all"},
    "term.pending": {"zh": "待定", "en": "Pending", "audience": "all"},
    "term.registered": {"zh": "已登记", "en": "Registered", "audience": "staff"},
    "term.refund": {"zh": "退货退款", "en": "Refund", "audience": "all"},
    "term.exchange": {"zh": "换货", "en": "Exchange", "audience": "all"},
    "term.partial_compensation": {"zh": "折价补偿", "en": "Partial compensation", "audience": "staff"},
    "term.send_missing_item": {"zh": "补发少件", "en": "Send the missing item", "audience": "all"},
    "term.warranty_repair": {"zh": "保修维修", "en": "Warranty repair", "audience": "all"},
    "term.refuse_at_delivery": {"zh": "拒签后重发", "en": "Refuse at delivery, then resend", "audience": "all"},
    "term.none": {"zh": "无", "en": "None", "audience": "all"},
    "term.buyer": {"zh": "买家", "en": "buyer", "audience": "all"},
    "term.shop": {"zh": "店铺", "en": "shop", "audience": "all"},
    "term.return_leg": {"zh": "寄回", "en": "Return leg", "audience": "all"},
    "term.resend_leg": {"zh": "重新寄出", "en": "Resend leg", "audience": "all"},
    "term.outbound_postage": {"zh": "原寄出运费", "en": "the original outbound postage", "audience": "all"},
    "term.mon": {"zh": "周一", "en": "Monday", "audience": "staff"},
    "term.tue": {"zh": "周二", "en": "Tuesday", "audience": "staff"},
    "term.wed": {"zh": "周三", "en": "Wednesday", "audience": "staff"},
    "term.thu": {"zh": "周四", "en": "Thursday", "audience": "staff"},
    "term.fri": {"zh": "周五", "en": "Friday", "audience": "staff"},
    "term.sat": {"zh": "周六", "en": "Saturday", "audience": "staff"},
    "term.sun": {"zh": "周日", "en": "Sunday", "audience": "staff"},
    "term.status": {"zh": "判定", "en": "Decision", "audience": "all"},
    "term.otherwise": {"zh": "否则", "en": "otherwise", "audience": "staff"},
    "term.resolution": {"zh": "处理方式", "en": "Resolution", "audience": "all"},
    "term.say": {"zh": "对客户说", "en": "Tell the customer", "audience": "all"},
    "term.postage": {"zh": "运费", "en": "Postage", "audience": "all"},
    "term.price_difference": {"zh": "差价", "en": "Price difference", "audience": "all"},
    "term.flag": {"zh": "订单旗帜", "en": "Order flag", "audience": "staff"},
    "term.note": {"zh": "备注", "en": "Note", "audience": "staff"},
    "term.department": {"zh": "转交部门", "en": "Goes to", "audience": "staff"},
    "term.deadlines": {"zh": "时限", "en": "Deadlines", "audience": "staff"},
    "term.follow_up": {"zh": "跟进", "en": "Follow-up", "audience": "staff"},
    "term.compared": {"zh": "比较", "en": "Compared", "audience": "staff"},
    "term.escalation": {"zh": "升级", "en": "Escalation", "audience": "staff"},
    "term.rules": {"zh": "依据", "en": "Rules", "audience": "all"},
    "term.warnings": {"zh": "注意", "en": "Warnings", "audience": "all"},
    "term.why": {"zh": "为什么问", "en": "Why this is asked", "audience": "all"},
    "term.pays": {"zh": "付", "en": "pays", "audience": "all"},
    "term.prepays": {"zh": "先垫付，由店铺报销", "en": "prepays; the shop reimburses", "audience": "all"},
    "term.cap": {"zh": "上限", "en": "up to", "audience": "all"},
    # The customers' checker speaks to the customer: these replace the term of the same code there.
    "customer.status": {"zh": "结果", "en": "Result", "audience": "all"},
    "customer.pending": {"zh": "还差一步", "en": "One more step first", "audience": "all"},
    "customer.eligible": {"zh": "可以办理", "en": "Yes, you can", "audience": "all"},
    "customer.not_eligible": {"zh": "无法办理", "en": "Sorry, not this time", "audience": "all"},
    "customer.say": {"zh": "我们的答复", "en": "Our answer", "audience": "all"},
    "customer.steps": {"zh": "接下来怎么做", "en": "What happens next", "audience": "all"},
    "customer.contact": {"zh": "联系我们", "en": "Contact us", "audience": "all"},
    "customer.rules": {"zh": "相关政策", "en": "Our policy on this", "audience": "all"},
    "customer.resolution": {"zh": "处理方式", "en": "What we do", "audience": "all"},
    "customer.buyer": {"zh": "您", "en": "you", "audience": "all"},
    "customer.shop": {"zh": "本店", "en": "we", "audience": "all"},
    "customer.pays": {"zh": "付", "en": "pay", "audience": "all"},
    "customer.prepays": {"zh": "先垫付，本店收货后报销", "en": "pay first; we pay you back", "audience": "all"},
    "customer.return_leg": {"zh": "寄回给我们", "en": "Sending it to us", "audience": "all"},
    "customer.resend_leg": {"zh": "寄给您", "en": "Sending it to you", "audience": "all"},
    "customer.phone": {"zh": "电话", "en": "Phone", "audience": "all"},
    "customer.email": {"zh": "邮箱", "en": "Email", "audience": "all"},
    "customer.chat_hours": {"zh": "在线客服时间", "en": "Chat hours", "audience": "all"},
    "customer.hours": {"zh": "服务时间", "en": "Hours", "audience": "all"},
    "customer.address": {"zh": "地址", "en": "Address", "audience": "all"},
    "customer.return_address": {"zh": "退货地址", "en": "Return address", "audience": "all"},
    # The checker's screens (checker.browser.view).
    "ui.training": {"zh": "培训", "en": "Training", "audience": "staff"},
    "ui.step": {"zh": "第 %d 步", "en": "Step %d", "audience": "all"},
    "ui.next": {"zh": "下一步", "en": "Next", "audience": "all"},
    "ui.back": {"zh": "上一步", "en": "Back", "audience": "all"},
    "ui.restart": {"zh": "重新开始", "en": "Restart", "audience": "all"},
    "ui.copy": {"zh": "复制", "en": "Copy", "audience": "all"},
    "ui.share": {"zh": "分享此案例的链接", "en": "Link to this case", "audience": "all"},
    "ui.how": {"zh": "判定过程", "en": "How this was decided", "audience": "all"},
    "ui.answered": {"zh": "已回答", "en": "Answered so far", "audience": "all"},
    "ui.loading": {"zh": "正在加载检查器……", "en": "Loading the checker…", "audience": "all"},
    "ui.error_title": {"zh": "出错了", "en": "Something went wrong", "audience": "all"},
    "ui.error_body": {
        "zh": "检查器无法继续。请把下面的文字发给主管，然后重新开始。",
        "en": "The checker cannot go on. Send the text below to your supervisor, then restart.",
        "audience": "staff",
    },
    "ui.error_body_public": {
        "zh": "检查器出了点问题。请点“重新开始”再试一次；如果仍然不行，请联系我们的客服。",
        "en": "Something went wrong in the checker. Press Restart to try again; if it happens again, please contact our service team.",
        "audience": "all",
    },
    "ui.bad_link": {
        "zh": "这个链接里的回答无法使用",
        "en": "This link holds an answer the checker cannot use",
        "audience": "all",
    },
    "ui.story": {"zh": "案例", "en": "The case", "audience": "staff"},
    "ui.correct": {"zh": "回答正确", "en": "Correct", "audience": "staff"},
    "ui.wrong": {"zh": "不对，正确答案是：", "en": "Not quite. The right answer:", "audience": "staff"},
    "ui.continue": {"zh": "继续", "en": "Continue", "audience": "staff"},
    "ui.pick_verdict": {"zh": "你的判定是？", "en": "What is your verdict?", "audience": "staff"},
    "ui.score": {"zh": "得分", "en": "Score", "audience": "staff"},
    "ui.reset": {"zh": "清除培训进度", "en": "Reset training progress", "audience": "staff"},
    "ui.scenarios": {"zh": "培训案例", "en": "Training scenarios", "audience": "staff"},
    "ui.done": {"zh": "已完成", "en": "done", "audience": "staff"},
    "ui.all_scenarios": {"zh": "返回案例列表", "en": "All scenarios", "audience": "staff"},
    "ui.check": {"zh": "判断", "en": "Check", "audience": "all"},
    # The training screens (checker.browser.training_view).
    "training.right": {"zh": "✓ 判定正确", "en": "✓ Verdict right", "audience": "staff"},
    "training.wrong": {"zh": "✗ 判定错误，再试一次", "en": "✗ Verdict wrong, try again", "audience": "staff"},
    "training.new": {"zh": "未做", "en": "Not tried", "audience": "staff"},
    "training.tally": {"zh": "正确 %d · 错误 %d · 未做 %d", "en": "Right %d · wrong %d · not tried %d", "audience": "staff"},
    "training.confirm": {
        "zh": "确定清除全部培训进度吗？各案例的结果和得分都会删除。",
        "en": "Clear all training progress? Every scenario's result and score will be deleted.",
        "audience": "staff",
    },
    "training.confirm_yes": {"zh": "确定清除", "en": "Yes, clear it", "audience": "staff"},
    "training.confirm_no": {"zh": "取消", "en": "Cancel", "audience": "staff"},
    # The checker page around the checker.
    "checker.title": {"zh": "案例检查器", "en": "Case checker", "audience": "all"},
    "checker.intro": {
        "zh": "回答问题，看规则怎么判定，并学习每一步的依据。",
        "en": "Answer the questions, see what the rules decide, and why.",
        "audience": "all",
    },
    "checker.no_script": {
        "zh": "检查器需要启用 JavaScript。",
        "en": "The checker needs JavaScript turned on.",
        "audience": "all",
    },
    # Who a rule is for, as the handbook shows it.
    "audience.public": {"zh": "公开", "en": "public", "audience": "staff"},
    "audience.staff": {"zh": "仅员工", "en": "staff only", "audience": "staff"},
    # The handbook's policy pages (checker.site.policies).
    "policy.effective": {"zh": "生效", "en": "Effective", "audience": "staff"},
    "policy.owner": {"zh": "负责", "en": "Owner", "audience": "staff"},
    "policy.source": {"zh": "来源", "en": "Source", "audience": "staff"},
    "policy.customer": {"zh": "对客户的说法", "en": "Customer wording", "audience": "staff"},
    "policy.flow": {"zh": "判定流程与流程图", "en": "Decision flow and flowchart", "audience": "staff"},
    "policy.shifts": {"zh": "班次表", "en": "Shift table", "audience": "staff"},
    "policy.timeline": {"zh": "每日与每周时间节点", "en": "Daily and weekly timeline", "audience": "staff"},
    "policy.legend": {"zh": "旗帜图例", "en": "Flag legend", "audience": "staff"},
    "policy.routing": {"zh": "投诉转交", "en": "Complaint routing", "audience": "staff"},
    "policy.details": {"zh": "来源与负责人", "en": "Source and owner", "audience": "staff"},
    "policy.note": {"zh": "与来源不同", "en": "Differs from the source", "audience": "staff"},
    "policy.shift": {"zh": "班次", "en": "Shift", "audience": "staff"},
    "policy.hours": {"zh": "时间", "en": "Hours", "audience": "staff"},
    "policy.when": {"zh": "时间", "en": "When", "audience": "staff"},
    "policy.what": {"zh": "事项", "en": "What", "audience": "staff"},
    "policy.rule": {"zh": "规则", "en": "Rule", "audience": "staff"},
    "policy.flag": {"zh": "旗帜", "en": "Flag", "audience": "staff"},
    "policy.note_format": {"zh": "备注格式", "en": "Note", "audience": "staff"},
    "policy.category": {"zh": "类别", "en": "Category", "audience": "staff"},
    "policy.goes_to": {"zh": "转交", "en": "Goes to", "audience": "staff"},
    "policy.daily": {"zh": "每天", "en": "daily", "audience": "staff"},
    # The tooltip of the link beside every heading (Markdown's toc permalink).
    "policy.permalink": {"zh": "本节链接", "en": "Permanent link", "audience": "all"},
    # The working-day calendar page.
    "calendar.title": {"zh": "工作日历", "en": "Working-day calendar", "audience": "staff"},
    "calendar.intro": {
        "zh": "按工作日计算的时限（如投诉解决时限）按本日历计数：周末与法定节假日不计，调休上班日计入；截止时间为最后一个计数工作日的下班时间",
        "en": "Deadlines counted in working days (such as the complaint resolution deadline) follow this calendar: weekends and public holidays do not count, swapped working days do; a deadline ends at close of business on the last counted working day, at",
        "audience": "staff",
    },
    "calendar.weekend": {"zh": "周末", "en": "Weekend", "audience": "staff"},
    "calendar.holidays": {"zh": "放假", "en": "Days off", "audience": "staff"},
    "calendar.working": {"zh": "调休上班（周末上班）", "en": "Working weekends and days in lieu", "audience": "staff"},
    "calendar.shop": {"zh": "店铺自定", "en": "Shop's own", "audience": "staff"},
    "calendar.dates": {"zh": "日期", "en": "Dates", "audience": "staff"},
    "calendar.name": {"zh": "名称", "en": "Name", "audience": "staff"},
    "calendar.days": {"zh": "天数", "en": "Days", "audience": "staff"},
    "calendar.day": {"zh": "星期", "en": "Day", "audience": "staff"},
    "calendar.status": {"zh": "依据", "en": "Basis", "audience": "staff"},
    "calendar.official": {"zh": "国务院公布", "en": "Published by the State Council", "audience": "staff"},
    "calendar.estimated": {"zh": "估算", "en": "Estimated", "audience": "staff"},
    "calendar.estimated_note": {
        "zh": "年放假安排尚未公布：下表只列法律规定的节日（农历节日的日期为推算），不含调休。落在这一年的时限会标注“估算”。",
        "en": "holiday arrangement is not published yet: the table lists only the holidays fixed by law (lunar dates worked out in advance), with no swapped working days. Deadlines that fall in this year are marked estimated.",
        "audience": "staff",
    },
    "calendar.none": {"zh": "无", "en": "None", "audience": "staff"},
    "calendar.update": {
        "zh": "国务院每年公布下一年的放假安排后，手册会随之更新，该年即由“估算”变为“国务院公布”。",
        "en": "Once the State Council publishes a year's arrangement, the handbook is updated and that year turns from estimated to published.",
        "audience": "staff",
    },
    # Units of the quick reference's time limits.
    "unit.days": {"zh": "天", "en": "days", "audience": "staff"},
    "unit.hours": {"zh": "小时", "en": "hours", "audience": "staff"},
    "unit.working_days": {"zh": "个工作日", "en": "working days", "audience": "staff"},
    "unit.minutes": {"zh": "分钟", "en": "minutes", "audience": "staff"},
    # The quick reference and the rule index.
    "reference.title": {"zh": "速查", "en": "Quick reference", "audience": "staff"},
    "reference.time": {"zh": "时限", "en": "Time limits", "audience": "staff"},
    "reference.what": {"zh": "事项", "en": "What", "audience": "staff"},
    "reference.limit": {"zh": "时限", "en": "Limit", "audience": "staff"},
    "reference.rule": {"zh": "规则", "en": "Rule", "audience": "staff"},
    "reference.day": {"zh": "班次与每日", "en": "Shifts and the day", "audience": "staff"},
    "reference.postage": {"zh": "运费", "en": "Postage", "audience": "staff"},
    "reference.case": {"zh": "情形", "en": "Case", "audience": "staff"},
    "reference.escalation": {"zh": "升级", "en": "Escalation", "audience": "staff"},
    "reference.when": {"zh": "情形", "en": "When", "audience": "staff"},
    "reference.to": {"zh": "交给", "en": "To", "audience": "staff"},
    "reference.flags": {"zh": "旗帜", "en": "Flags", "audience": "staff"},
    "reference.index": {"zh": "规则索引", "en": "Rule index", "audience": "staff"},
    "reference.id": {"zh": "编号", "en": "Id", "audience": "staff"},
    "reference.rule_title": {"zh": "标题", "en": "Title", "audience": "staff"},
    "reference.area": {"zh": "领域", "en": "Area", "audience": "staff"},
    "reference.audience": {"zh": "对象", "en": "Audience", "audience": "staff"},
    "reference.owner": {"zh": "负责", "en": "Owner", "audience": "staff"},
    "reference.effective": {"zh": "生效", "en": "Effective", "audience": "staff"},
    "reference.rules": {"zh": "条规则", "en": "rules", "audience": "staff"},
    # The public site's pages.
    "public.effective": {"zh": "本页规则生效日期", "en": "These rules apply from", "audience": "all"},
    "public.summary": {"zh": "一览", "en": "At a glance", "audience": "all"},
    "public.details": {"zh": "详情", "en": "Details", "audience": "all"},
    "public.contact": {"zh": "联系我们", "en": "Contact us", "audience": "all"},
    "public.phone": {"zh": "电话", "en": "Phone", "audience": "all"},
    "public.email": {"zh": "邮箱", "en": "Email", "audience": "all"},
    "public.chat_hours": {"zh": "在线客服", "en": "Online chat", "audience": "all"},
    "public.return_address": {"zh": "退货地址", "en": "Return address", "audience": "all"},
    # The printable handbook.
    "print.nav": {"zh": "打印版手册", "en": "Printable handbook", "audience": "staff"},
    "print.contents": {"zh": "目录", "en": "Contents", "audience": "staff"},
    "print.signoff": {"zh": "阅读确认", "en": "Acknowledgement", "audience": "staff"},
    "print.statement": {
        "zh": "本人已阅读并理解本手册（上述版本）的全部规则，并将在工作中遵守。",
        "en": "I have read and understood every rule in this handbook (the edition above) and will follow them at work.",
        "audience": "staff",
    },
    "print.field_name": {"zh": "姓名", "en": "Name", "audience": "staff"},
    "print.field_staff_number": {"zh": "工号", "en": "Staff number", "audience": "staff"},
    "print.field_date": {"zh": "日期", "en": "Date", "audience": "staff"},
    "print.field_signature": {"zh": "签名", "en": "Signature", "audience": "staff"},
    # Flow pages and flowcharts (checker.site.flows, flowchart, flowtext).
    "flow.overview": {"zh": "概览", "en": "Overview", "audience": "staff"},
    "flow.branch": {"zh": "分支", "en": "Branch", "audience": "staff"},
    "flow.step": {"zh": "步骤", "en": "step", "audience": "staff"},
    "flow.flowchart": {"zh": "流程图", "en": "Flowchart", "audience": "staff"},
    "flow.steps": {"zh": "步骤", "en": "Steps", "audience": "staff"},
    "flow.check": {"zh": "判断", "en": "Check", "audience": "staff"},
    "flow.outcomes": {"zh": "结果", "en": "Outcomes", "audience": "staff"},
    "flow.hint": {
        "zh": "点击任一步骤打开它的规则；紫色虚线框通往下面的分图。",
        "en": "Click a step to open its rule; a purple dashed box leads to a chart below.",
        "audience": "staff",
    },
    "flow.continued": {"zh": "见分图", "en": "see chart", "audience": "staff"},
    "flow.asked_when": {"zh": "结果为 {when} 时再问", "en": "asked once the outcome is {when}", "audience": "staff"},
    "flow.not": {"zh": "非 ", "en": "not ", "audience": "staff"},
    "flow.all": {"zh": " 且 ", "en": " and ", "audience": "staff"},
    "flow.any": {"zh": " 或 ", "en": " or ", "audience": "staff"},
    # The edition line (version and rules date).
    "edition.version": {"zh": "版本", "en": "Version", "audience": "staff"},
    "edition.date": {"zh": "规则日期", "en": "Rules dated", "audience": "staff"},
    # The terminal walk's prompts (python -m checker walk).
    "cli.back": {"zh": "b 返回上一题", "en": "b back", "audience": "staff"},
    "cli.restart": {"zh": "r 重新开始", "en": "r restart", "audience": "staff"},
    "cli.quit": {"zh": "q 退出", "en": "q quit", "audience": "staff"},
    "cli.again": {"zh": "r 重新开始 · q 退出", "en": "r restart · q quit", "audience": "staff"},
    "cli.today": {"zh": "回车 = 今天", "en": "Enter = today", "audience": "staff"},
    "cli.now": {"zh": "回车 = 现在", "en": "Enter = now", "audience": "staff"},
}


# The heading each area view (the schema's `views`) puts over its table.
VIEW_HEADINGS = {
    "shift_table": "policy.shifts",
    "timeline": "policy.timeline",
    "flag_legend": "policy.legend",
    "routing_table": "policy.routing",
}


def word(key):
    """The {zh, en} pair of ``key``, for build-time code (which shows it to whoever it renders for)."""
    entry = WORDING[key]
    return {"zh": entry["zh"], "en": entry["en"]}


def words(group, audience):
    """{name: {zh, en}} of the group's entries (keys ``group.name``) that ``audience`` may see:
    the public gets only entries marked "all", the staff every one."""
    prefix = group + "."
    return {
        key[len(prefix) :]: word(key)
        for key, entry in WORDING.items()
        if key.startswith(prefix) and (audience == "staff" or entry["audience"] == "all")
    }
