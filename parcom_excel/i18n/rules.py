"""Sentences of the rules (§IV–V): criterion reasons, notes and drafted achievement summaries.

Every template here is filled from facts the rules computed (rows of the period, settings), so a
clause exists only when its fact does. `{cite}` is a setting as the reason names it.
"""

from __future__ import annotations

TEXTS: dict[str, tuple[str, str]] = {
    # ---- the criteria's names (rules/criteria.py), as the plan states them
    "ref.plan.second": ("{ref} (thứ hai)", "{ref} (second)"),
    "criterion.TT1": ("Hoàn thành nhiệm vụ CCHC đúng và vượt tiến độ", "PAR tasks done on time"),
    "criterion.TT2": ("Tham mưu văn bản, kế hoạch CCHC", "Advised on PAR documents"),
    "criterion.TT3": ("Có sáng kiến được công nhận", "Recognised initiative"),
    "criterion.TT4": (
        "Đạt chỉ tiêu KT-XH, dự toán ngân sách, chương trình",
        "Targets, budget, programmes met",
    ),
    "criterion.TT5": ("Không có cán bộ bị kỷ luật, vi phạm pháp luật", "No discipline or breach"),
    "criterion.TT6": ("100% cán bộ hoàn thành tốt nhiệm vụ trở lên", "All staff rated well or better"),
    "criterion.CN1": ("Có sáng kiến được công nhận", "Recognised initiative"),
    "criterion.CN2": ("Xếp loại hoàn thành tốt nhiệm vụ trở lên", "Rated well or better"),
    "criterion.CN3": ("Không bị kỷ luật, không vi phạm pháp luật", "No discipline or breach"),
    # ---- statuses and shared pieces
    "status.met": ("Đạt", "Met"),
    "status.unmet": ("Không đạt", "Not met"),
    "status.missing": ("Thiếu dữ liệu", "Lacks data"),
    "cite": ("{setting} = {value} ({sheet}!{cell})", "{setting} = {value} ({sheet}!{cell})"),
    "cite.bare": ("{setting} = {value}", "{setting} = {value}"),
    "year_item": ("{year}: {text}", "{year}: {text}"),
    "years_failed": ("{items:sep=; }", "{items:sep=; }"),
    "no_year_to_judge": (
        "Không có năm nào phải xét trong kỳ (đơn vị thành lập, cán bộ vào hoặc nghỉ ngoài kỳ; {cite})",
        "No year to judge in the period (founded, joined or left outside it; {cite})",
    ),
    "no_results_row": ("không có dòng ở sheet {sheet}", "no row in sheet {sheet}"),
    "initiative_ref": ("{id} ({level} {year}, {cell})", "{id} ({level} {year}, {cell})"),
    "initiatives_met": ("Sáng kiến: {items:sep=; }", "Initiatives: {items:sep=; }"),
    "no_initiative": (
        "Không có sáng kiến được công nhận trong kỳ {from_year}–{to_year} ({cite})",
        "No initiative recognised in {from_year}–{to_year} ({cite})",
    ),
    "discipline_ref": ("{who}{form}{number} {date} ({cell})", "{who}{form}{number} {date} ({cell})"),
    "discipline_in_effect": (
        "Có kỷ luật còn hiệu lực trong kỳ: {items:sep=; } ({cite})",
        "Discipline in effect: {items:sep=; } ({cite})",
    ),
    # ---- TT1
    "tt1.no_task": ("không được giao nhiệm vụ", "no task assigned"),
    "tt1.ratio": ("{on_time}/{assigned}", "{on_time}/{assigned}"),
    "tt1.below": (
        "{on_time}/{assigned} nhiệm vụ đúng hạn ({cell}), dưới {pct}% ({cite})",
        "{on_time}/{assigned} tasks on time ({cell}), below {pct}% ({cite})",
    ),
    "tt1.met": ("Hoàn thành đúng hạn {items}", "On time {items}"),
    # ---- TT2
    "tt2.count": ("{docs}", "{docs}"),
    "tt2.below": (
        "{docs} văn bản ({cell}), cần ít nhất {min} ({cite})",
        "{docs} documents ({cell}), at least {min} needed ({cite})",
    ),
    "tt2.met": ("Số văn bản tham mưu {items}", "Advisory documents {items}"),
    # ---- TT4
    "tt4.item": ("{column} {value} ({cell})", "{column} {value} ({cell})"),
    "tt4.bad": ("{items}", "{items}"),
    "tt4.met": ("Đạt hoặc vượt các chỉ tiêu mọi năm", "Targets met or exceeded every year"),
    # ---- TT5 / CN3
    "tt5.met": (
        "Không có cán bộ bị kỷ luật, vi phạm pháp luật còn hiệu lực trong kỳ ({cite})",
        "No discipline or breach of law in effect in the period ({cite})",
    ),
    "cn3.met": (
        "Không bị kỷ luật, vi phạm pháp luật còn hiệu lực trong kỳ ({cite})",
        "No discipline or breach of law in effect in the period ({cite})",
    ),
    # ---- TT6
    "tt6.no_staff": ("không có cán bộ", "no staff"),
    "tt6.ratio": ("{good}/{total}", "{good}/{total}"),
    "tt6.low_item": ("{name} {rating} ({cell})", "{name} {rating} ({cell})"),
    "tt6.below": (
        "{good}/{total} cán bộ đạt ({cite}, {pct}%): {items}",
        "{good}/{total} staff at the rating ({cite}, {pct}%): {items}",
    ),
    "tt6.missing": (
        "thiếu xếp loại của {items} ở sheet {sheet}",
        "no rating for {items} in sheet {sheet}",
    ),
    "person_ref": ("{name} ({id})", "{name} ({id})"),
    "tt6.met": ("Cán bộ đạt xếp loại: {items}", "Staff at the rating: {items}"),
    # ---- CN1 / CN2
    "cn1.replicable_unknown": (
        "chưa ghi cột Có thể nhân rộng của sáng kiến {items:sep=; } ({cite})",
        "Replicable not filled for {items:sep=; } ({cite})",
    ),
    "cn1.initiative_cell": ("{id} ({cell})", "{id} ({cell})"),
    "cn2.no_rating": ("không có xếp loại ở sheet {sheet}", "no rating in sheet {sheet}"),
    "cn2.rating": ("{rating}", "{rating}"),
    "cn2.below": ("{rating} ({cell}), dưới mức {cite}", "{rating} ({cell}), below {cite}"),
    "cn2.met": ("{items}", "{items}"),
    # ---- notes on candidates
    "note.left": (
        "Đã nghỉ từ {date}: được đánh giá nhưng không đề nghị khen thưởng",
        "Left on {date}: evaluated but not nominated",
    ),
    "note.no_year": (
        "Không có năm nào trong kỳ đủ thời gian công tác để xét ({cite}): được đánh giá nhưng không đề nghị khen thưởng",
        "No year of the period with enough time on staff to judge ({cite}): evaluated but not nominated",
    ),
    "tie.next": (
        "Đồng hạng – Hội đồng xem xét: chọn {seats} trong {count} cho {award}; số còn lại đề nghị {next}",
        "Tied – the council decides: choose {seats} of {count} for the {award}; the others are proposed for the {next}",
    ),
    "tie.last": (
        "Đồng hạng – Hội đồng xem xét: chọn {seats} trong {count} cho {award}",
        "Tied – the council decides: choose {seats} of {count} for the {award}",
    ),
    "who.collectives": ("tập thể", "collectives"),
    "who.individuals": ("cá nhân", "individuals"),
    "tied_suffix": ("{name} (đồng hạng)", "{name} (tied)"),
    # ---- drafted achievement summaries: one clause per fact
    "summary.decision": (", Quyết định số {number}", ", Decision No. {number}"),
    "summary.decision_dated": (
        ", Quyết định số {number} ngày {date}",
        ", Decision No. {number} of {date}",
    ),
    "summary.initiative": (
        'sáng kiến "{title}" được công nhận cấp {level} năm {year}{decision}',
        'initiative "{title}" recognised at {level} level in {year}{decision}',
    ),
    "summary.author_of": ("Là tác giả {items:sep=; }", "Author of {items:sep=; }"),
    "summary.has_initiatives": ("có {items:sep=; }", "{items:sep=; }"),
    "summary.more_initiatives": (
        "và {count} sáng kiến khác",
        "and {count} other {count:initiative|initiatives}",
    ),
    "summary.counted_from": (
        "thành tích tính từ {date}, khi hết thời hạn kỷ luật (NĐ 152/2025 Đ.4 k.4)",
        "achievements counted from {date}, the end of a discipline period (Decree 152/2025 Art.4(4))",
    ),
    "summary.rated": ("xếp loại {items}", "rated {items}"),
    "summary.rated_year": ("năm {year}: {rating}", "{year}: {rating}"),
    "summary.not_rated": (
        "chưa có xếp loại năm {years}",
        "no rating for {years}",
    ),
    "summary.no_discipline_person": (
        "không bị kỷ luật, không vi phạm pháp luật trong kỳ",
        "no disciplinary action or breach of law in effect in the period",
    ),
    "summary.discipline_person": (
        "có {count} quyết định kỷ luật, vi phạm còn hiệu lực trong kỳ",
        "{count} disciplinary {count:record|records} in effect in the period",
    ),
    "summary.tasks": (
        "hoàn thành đúng hạn {on_time}/{assigned} nhiệm vụ CCHC được giao {period}",
        "completed {on_time} of {assigned} assigned PAR tasks on time {period}",
    ),
    "summary.no_tasks": (
        "không được giao nhiệm vụ CCHC {period}",
        "no PAR task assigned {period}",
    ),
    "period.range": ("giai đoạn {from_year}–{to_year}", "in {from_year}–{to_year}"),
    "period.year": ("năm {year}", "in {year}"),
    "summary.docs": (
        "tham mưu {docs} văn bản, kế hoạch về CCHC",
        "drafted {docs} PAR {docs:document|documents} and plans",
    ),
    "summary.target.exceeded": ("vượt {target} năm {years}", "exceeded {target} in {years}"),
    "summary.target.met": ("đạt {target} năm {years}", "met {target} in {years}"),
    "summary.target.failed": ("không đạt {target} năm {years}", "did not meet {target} in {years}"),
    "target.socio": ("chỉ tiêu kinh tế – xã hội", "the socio-economic targets"),
    "target.budget": ("dự toán ngân sách", "the budget estimate"),
    "summary.programmes.done": (
        "hoàn thành các chương trình được giao năm {years}",
        "completed the assigned programmes in {years}",
    ),
    "summary.programmes.failed": (
        "không hoàn thành chương trình được giao năm {years}",
        "did not complete the assigned programmes in {years}",
    ),
    "summary.staff_all_rated": (
        "100% cán bộ được xếp loại từ {rating} trở lên ({total} lượt xếp loại)",
        "all staff rated {rating} or better ({total} {total:rating|ratings})",
    ),
    "summary.staff_rated": (
        "{good}/{total} lượt cán bộ được xếp loại từ {rating} trở lên",
        "{good} of {total} staff ratings at {rating} or better",
    ),
    "summary.staff_not_rated": (
        "{count} lượt cán bộ chưa có xếp loại",
        "{count} staff {count:rating|ratings} missing",
    ),
    "summary.no_discipline_unit": (
        "không có cán bộ bị kỷ luật, vi phạm pháp luật trong kỳ",
        "no staff member disciplined or in breach of law in the period",
    ),
    "summary.discipline_unit": (
        "có {count} quyết định kỷ luật, vi phạm còn hiệu lực trong kỳ",
        "{count} disciplinary {count:record|records} in effect in the period",
    ),
}
