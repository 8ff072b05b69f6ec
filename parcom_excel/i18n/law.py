"""Sentences of the law's gates (NĐ 152/2025/NĐ-CP Điều 4, Luật TĐKT 2022 Đ.5), the award
history and the council's vote (SPEC §2b, §2c). See parcom_excel/i18n/__init__.py."""

from __future__ import annotations

TEXTS: dict[str, tuple[str, str]] = {
    # ---- settings
    "law_hint_ratio": ("hãy ghi tỷ lệ dạng 2/3 hoặc 67%", "write a share such as 2/3 or 67%"),
    "law_hint_date": ("hãy nhập ngày dạng dd/mm/yyyy", "enter a date as dd/mm/yyyy"),
    "law_with_note": ("{reason}. {note}", "{reason}. {note}"),
    "law_with_aside": ("{reason} {note}", "{reason} {note}"),
    "law_notes": ("{first}; {then}", "{first}; {then}"),
    # ---- legal references a criterion or a ranking key applies (rules/kinds.Criterion.law)
    "ref.nd152.4.4": ("NĐ 152/2025 Đ.4 k.4", "Decree 152/2025 Art.4(4)"),
    "ref.nd152.4.5": ("NĐ 152/2025 Đ.4 k.5", "Decree 152/2025 Art.4(5)"),
    "ref.nd152.4.6": ("NĐ 152/2025 Đ.4 k.6", "Decree 152/2025 Art.4(6)"),
    "ref.luat2022.5.2c": (
        "Luật TĐKT 2022 Đ.5 k.2 điểm c",
        "Law on Emulation and Commendation 2022 Art.5(2)(c)",
    ),
    "not_in_force": (
        "Không áp dụng cho kỳ này: quy định có hiệu lực từ {date}",
        "Not applied to this period: in force from {date}",
    ),
}
TEXTS.update(
    {
        # ---- reasons on the KQ sheets
        "law_initiative_used": (
            "{initiative} đã dùng cho khen thưởng Quyết định số {decision} ngày {date} ({cell})",
            "{initiative} already cited by the award of Decision No. {decision} of {date} ({cell})",
        ),
        "law_initiatives_not_counted": (
            "Không tính lại: {items} ({setting})",
            "Not counted again: {items} ({setting})",
        ),
        "law_discipline_years": (
            "(năm {years} không tính: thành tích chỉ tính từ {end}, khi hết thời hạn kỷ luật {form}{number} ngày {date} ({cell}); {cite}; NĐ 152/2025 Đ.4 k.4)",
            "({years} not counted: achievements count only from {end}, the end of the discipline period of {form}{number} of {date} ({cell}); {cite}; Decree 152/2025 Art.4(4))",
        ),
        "law_no_year_after_discipline": (
            "Không năm nào của kỳ được tính ({years}): thành tích chỉ tính từ {end}, khi hết thời hạn kỷ luật {form}{number} ngày {date} ({cell}); {cite}; NĐ 152/2025 Đ.4 k.4",
            "No year of the period counts ({years}): achievements count only from {end}, the end of the discipline period of {form}{number} of {date} ({cell}); {cite}; Decree 152/2025 Art.4(4)",
        ),
        "law_maternity_year": (
            "(nghỉ thai sản, {cell}: xét theo xếp loại đã ghi – NĐ 152/2025 Đ.4 k.5)",
            "(maternity leave, {cell}: judged on the rating given – Decree 152/2025 Art.4(5))",
        ),
    }
)
TEXTS.update(
    {
        # ---- women first among equals (NĐ 152/2025 Đ.4 k.6)
        "law_gender_blank": (
            "{name} đủ tiêu chuẩn nhưng chưa ghi Giới tính: không được ưu tiên nữ khi ngang nhau về thành tích (NĐ 152/2025 Đ.4 k.6). Hãy ghi Nam hoặc Nữ.",
            "{name} is eligible but Gender is blank: no priority for women among equals (Decree 152/2025 Art.4(6)). Enter Male or Female.",
        ),
        "law_unit_gender_blank": (
            "Tập thể {name} đủ tiêu chuẩn nhưng {count} cán bộ chưa ghi Giới tính ({cells}): tỷ lệ nữ chỉ tính người đã ghi Nữ (NĐ 152/2025 Đ.4 k.6). Hãy ghi Nam hoặc Nữ.",
            "Collective {name} is eligible but {count} staff have no Gender ({cells}): the share of women counts only those marked Female (Decree 152/2025 Art.4(6)). Enter Male or Female.",
        ),
        "law.priority.person": (
            "Ngang thành tích với {names}: được xếp trên vì ưu tiên cá nhân nữ (NĐ 152/2025 Đ.4 k.6)",
            "Equal in merit to {names}: placed ahead as a woman (Decree 152/2025 Art.4(6))",
        ),
        "law.priority.person_behind": (
            "Ngang thành tích với {name}: xếp sau vì ưu tiên cá nhân nữ (NĐ 152/2025 Đ.4 k.6)",
            "Equal in merit to {name}: placed behind, women go first (Decree 152/2025 Art.4(6))",
        ),
        "law.priority.unit": (
            "Ngang thành tích với {names}: được xếp trên vì có tỷ lệ nữ từ {pct}% trở lên (NĐ 152/2025 Đ.4 k.6)",
            "Equal in merit to {names}: placed ahead with at least {pct}% women (Decree 152/2025 Art.4(6))",
        ),
        "law.priority.unit_behind": (
            "Ngang thành tích với {name}: xếp sau vì tập thể đó có tỷ lệ nữ từ {pct}% trở lên (NĐ 152/2025 Đ.4 k.6)",
            "Equal in merit to {name}: placed behind a collective with at least {pct}% women (Decree 152/2025 Art.4(6))",
        ),
        # ---- pending proceedings (Đ.4 k.4) and repeated awards (Luật TĐKT 2022 Đ.5 k.2 c)
        "law_record": ("{form}{number} từ {date} ({cell})", "{form}{number} since {date} ({cell})"),
        "law_pending_note": (
            "Tạm chưa đề nghị: đang {records} chưa có kết luận; vẫn được đánh giá, người kế tiếp được đề nghị thay (NĐ 152/2025 Đ.4 k.4)",
            "Held back for now: {records} pending, not concluded; still evaluated, the next in rank takes the seat (Decree 152/2025 Art.4(4))",
        ),
        "law_past_award": (
            "{award}, Quyết định số {decision} ngày {date}, kỳ {years} ({cell})",
            "{award}, Decision No. {decision} of {date}, for {years} ({cell})",
        ),
        "law_repeat_note": (
            "Không đề nghị lại: đã được khen của phong trào này cho kỳ trùng kỳ xét – {awards} (Luật TĐKT 2022 Đ.5 k.2 điểm c)",
            "Not proposed again: already awarded by this movement for an overlapping period – {awards} (Law on Emulation and Commendation 2022 Art.5(2)(c))",
        ),
        "law_repeat_award": (
            "{name} đã được khen của phong trào này cho kỳ trùng kỳ xét: {awards}. {outcome} ({setting}).",
            "{name} already received an award of this movement for an overlapping period: {awards}. {outcome} ({setting}).",
        ),
        "law_repeat_held": ("Không đề nghị lại", "Not proposed again"),
        "law_repeat_kept": (
            "Vẫn được xếp hạng; Hội đồng cân nhắc",
            "Still ranked; the council should weigh it",
        ),
        "law_proceeding_not_pending": (
            '"{form}" là việc đang xem xét, chưa phải quyết định kỷ luật: hãy ghi Trạng thái "Đang xem xét", hoặc "Đã kết luận không vi phạm" khi đã có kết luận (NĐ 152/2025 Đ.4 k.4).',
            '"{form}" is a proceeding, not a disciplinary decision: set Status to "Pending", or "Concluded without a breach" once it concluded so (Decree 152/2025 Art.4(4)).',
        ),
        "law_decision_cleared": (
            '"{form}" là quyết định kỷ luật, không phải việc đang xác minh: Trạng thái "Đã kết luận không vi phạm" chỉ dùng cho xem xét kỷ luật, thanh tra, kiểm tra, khiếu nại, tố cáo, vụ việc báo chí nêu. Hãy ghi "Đã quyết định", hoặc xóa dòng nếu quyết định đã bị hủy.',
            '"{form}" is a disciplinary decision, not a verification: the Status "Concluded without a breach" is for proceedings only (discipline under consideration, inspection, examination, complaint, denunciation, a press-raised case). Set "Decided", or delete the row if the decision was annulled.',
        ),
        "law_past_award_no_target": (
            "Dòng khen thưởng đã nhận không ghi Mã cán bộ cũng không ghi Mã đơn vị: hãy ghi một trong hai.",
            "The past award row names neither a staff code nor a unit code: enter one.",
        ),
        "law_past_award_years": (
            "Từ năm {from_year} sau Đến năm {to_year}: hãy sửa lại kỳ của khen thưởng này.",
            "From year {from_year} is after To year {to_year}: correct this award's period.",
        ),
        # ---- the council's vote (SPEC §2c)
        "law_tie_council": (
            "Đồng hạng – Hội đồng xem xét: chọn {seats} trong {count} cho {award}",
            "Tied – the council decides: choose {seats} of {count} for the {award}",
        ),
        "law_vote_no_count": (
            "Đã ghi Quyết định nhưng chưa ghi Số phiếu đồng ý: hãy ghi số phiếu.",
            "A decision is entered without Votes for: enter the number of votes.",
        ),
        "law_vote_no_decision": (
            "Đã ghi {value} phiếu đồng ý nhưng chưa ghi Quyết định: hãy chọn Đồng ý hoặc Không đồng ý.",
            "{value} votes for are entered without a Decision: choose Approved or Rejected.",
        ),
        "law_vote_unknown": (
            'Mã "{value}" không có ở sheet Đơn vị hay Cán bộ: hãy ghi đúng mã người hoặc tập thể được biểu quyết.',
            'Code "{value}" is in neither Units nor Staff: enter the code of the person or collective voted on.',
        ),
        "law_vote_not_eligible": (
            "Hội đồng biểu quyết cho {value} nhưng {value} không được đề nghị: {why}. Hãy xem lại dòng này.",
            "The council voted on {value}, who may not be proposed: {why}. Check this row.",
        ),
        "law_vote_reason_not_eligible": (
            "không đủ tiêu chuẩn (xem sheet KQ)",
            "not eligible (see the results sheets)",
        ),
        "law_vote_twice": (
            "{value} được Đồng ý hai lần (cả ô {other}): mỗi người, tập thể chỉ nhận một hình thức khen thưởng.",
            "{value} is approved twice (also {other}): each winner gets one award.",
        ),
        "law_vote_over_quota": (
            "Hội đồng Đồng ý {value} cho {award} nhưng chỉ có {seats} suất: hãy giữ Đồng ý cho {seats}.",
            "The council approved {value} for the {award} but there are {seats} places: approve {seats}.",
        ),
        "law_meeting_missing": (
            'Sheet Hội đồng đã có quyết định nhưng chưa ghi "{name}" ở sheet "{sheet}": hãy ghi số thành viên.',
            'The Council sheet holds decisions but "{name}" is not filled on sheet "{sheet}": enter the number.',
        ),
        "law_present_gt_members": (
            "Số thành viên có mặt {value} nhiều hơn số thành viên Hội đồng {members}: hãy sửa lại.",
            "Members present ({value}) exceed the members in office ({members}): correct it.",
        ),
        "law_no_quorum": (
            "Cuộc họp không đủ số thành viên: có mặt {value}/{members} ({quorum}); các quyết định chưa có giá trị.",
            "No quorum: {value} of {members} present ({quorum}); the decisions are not valid.",
        ),
        "law_votes_gt_present": (
            "{value} phiếu đồng ý nhiều hơn số thành viên có mặt ({present}): hãy sửa lại.",
            "{value} votes for exceed the members present ({present}): correct it.",
        ),
        "law_votes_too_few": (
            "Đồng ý với {value}/{present} phiếu, cần ít nhất {needed} ({majority}): hãy sửa Quyết định hoặc số phiếu.",
            "Approved with {value} of {present} votes; at least {needed} are needed ({majority}): correct the decision or the count.",
        ),
        # ---- an old workbook
        "law_additions_missing": (
            "Sổ này theo mẫu cũ, chưa có: {items}. Kết quả được tính như trước; thêm vào (parcom init tạo mẫu mới) thì: {effects}.",
            "This workbook follows the previous template and lacks: {items}. Results are computed as before; with them (parcom init makes the new template): {effects}.",
        ),
        "law.effect.gender": (
            "ưu tiên cá nhân nữ, tập thể có tỷ lệ nữ cao khi ngang nhau về thành tích",
            "women and collectives of mostly women go first among equals",
        ),
        "law.effect.status": (
            "người đang bị xem xét kỷ luật, thanh tra, khiếu nại, tố cáo được tạm chưa đề nghị",
            "who faces pending proceedings is held back",
        ),
        "law.effect.past_awards": (
            "sáng kiến đã dùng để khen thưởng không tính lại, người đã được khen không đề nghị lại",
            "initiatives already rewarded do not count again, who was already awarded is not proposed again",
        ),
        "law.effect.council": (
            "danh sách theo kết quả biểu quyết của Hội đồng",
            "the list follows the council's vote",
        ),
    }
)
TEXTS.update(
    {
        # ---- result sheets and the list
        "law.conclusion.pending": ("Đạt – tạm chưa đề nghị", "Met – held back for now"),
        "law.conclusion.repeat": ("Đạt – không đề nghị lại", "Met – not proposed again"),
        "law_council_column": ("Hội đồng biểu quyết", "Council's vote"),
        "law.council.approved": (
            "Đồng ý {votes}/{present} thành viên có mặt",
            "Approved by {votes} of the {present} members present",
        ),
        "law.council.rejected": ("Không đồng ý", "Rejected"),
        "law.council.not_voted": ("chưa biểu quyết", "not voted yet"),
        "law.council.needs_council": ("cần Hội đồng xét", "needs the council's vote"),
        "law_list_proposal": (
            "Danh sách đề xuất (chưa có quyết định của Hội đồng thi đua – khen thưởng)",
            "Proposed list (the emulation council has not decided yet)",
        ),
        "law_list_final": (
            "Danh sách Hội đồng đã thông qua, ngày {date}, {present}/{members} thành viên có mặt",
            "List passed by the council on {date}, {present} of its {members} members present",
        ),
        "law_list_partial": (
            "Danh sách đề xuất: Hội đồng chưa thông qua {waiting}/{count} người, tập thể trong danh sách",
            "Proposed list: the council has not yet approved {waiting} of the {count} listed",
        ),
    }
)
TEXTS.update(
    {
        "law_prefill_user_sheet": (
            'Sheet "{sheet}" do người dùng tạo nên không được điền sẵn (để không mất dữ liệu): hãy thêm dòng bằng tay, hoặc đổi tên sheet đó rồi chạy lại để parcom tạo sheet Hội đồng mới.',
            'Sheet "{sheet}" was made by a user, so it is not pre-filled (nothing of yours is rewritten): add rows by hand, or rename it and run again so parcom makes a new Council sheet.',
        ),
    }
)
TEXTS.update(
    {
        # ---- the guide sheet of the template
        "law.guide.title": (
            "Quy định của Nghị định 152/2025/NĐ-CP, Luật Thi đua, khen thưởng 2022 và biểu quyết của Hội đồng",
            "Rules of Decree 152/2025/NĐ-CP, the Law on Emulation and Commendation 2022, and the council's vote",
        ),
        "law.guide.setting": ("Tham số (sheet Cấu hình)", "Setting (sheet Settings)"),
        "law.guide.meaning": ("Ý nghĩa và căn cứ", "Meaning and source"),
        # ---- an old workbook: what it lacks
        "law.item.column": ('"{column}" ({sheet})', '"{column}" ({sheet})'),
        "law.item.sheet": ('sheet "{sheet}"', 'sheet "{sheet}"'),
    }
)
TEXTS.update(
    {
        "help.evaluate.council_sheet": (
            "Điền sẵn sheet Hội đồng những người, tập thể trong danh sách chưa có dòng (dòng, phiếu đã nhập giữ nguyên), thư ký chỉ cần ghi phiếu.",
            "Pre-fill the Council sheet with the listed candidates that have no row (rows and votes typed are kept); the secretary only types the votes.",
        ),
    }
)
TEXTS.update({"law.report.awaiting": ("{name} ({status})", "{name} ({status})")})
TEXTS.update(
    {
        "law_sheet_not_ours": (
            'Sheet "{sheet}" không có dòng tiêu đề ({columns}) nên không được đọc: coi như sổ chưa có sheet này. Nếu đó là sheet riêng của anh/chị thì không cần làm gì.',
            'Sheet "{sheet}" has no header row ({columns}), so it is not read: the workbook is taken to lack this sheet. If it is a sheet of your own, nothing needs doing.',
        ),
    }
)
