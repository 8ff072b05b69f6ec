"""Sentences of the dossier (SPEC §5): the Word templates' wording, the placeholders' meanings,
the gaps shown where the data has no value, and what `parcom documents` says.

Template lines (`doc_*`) name context fields in braces, `{co_quan}` (`{hoi_dong__ngay}` for
`hoi_dong.ngay`); the template builder turns each into a Jinja tag, `{{ co_quan }}`, so the wording
stays here and the facts in the context.
"""

from __future__ import annotations

TEXTS: dict[str, tuple[str, str]] = {
    # ---- the heading every document shares (Nghị định 30/2020, Phụ lục I)
    "doc_nation": ("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "SOCIALIST REPUBLIC OF VIET NAM"),
    "doc_motto": ("Độc lập - Tự do - Hạnh phúc", "Independence - Freedom - Happiness"),
    "doc_date_line": (
        "{dia_danh}, ngày {ngay} tháng {thang} năm {nam}",
        "{dia_danh}, {ngay}/{thang}/{nam}",
    ),
    "doc_number_ttr": ("Số:       /TTr-{co_quan_viet_tat}", "No.:       /TTr-{co_quan_viet_tat}"),
    "doc_number_qd": ("Số:       /QĐ-{co_quan_viet_tat}", "No.:       /QD-{co_quan_viet_tat}"),
    "doc_number_bb": ("Số:       /BB-HĐTĐKT", "No.:       /BB-HDTDKT"),
    "doc_number_bc": ("Số:       /BC-{co_quan_viet_tat}", "No.:       /BC-{co_quan_viet_tat}"),
    "doc_recipients": ("Nơi nhận:", "Recipients:"),
    "doc_sign_hint": ("(Ký, ghi rõ họ tên, đóng dấu)", "(Signature, full name, seal)"),
    "doc_sign_hint_plain": ("(Ký, ghi rõ họ tên)", "(Signature, full name)"),
    "doc_attached_list": ("DANH SÁCH", "LIST"),
    "doc_collectives": ("I. TẬP THỂ ({so_tap_the})", "I. COLLECTIVES ({so_tap_the})"),
    "doc_individuals": ("II. CÁ NHÂN ({so_ca_nhan})", "II. INDIVIDUALS ({so_ca_nhan})"),
    "doc_none": ("(Không có)", "(None)"),
    "doc_draft": (
        "DỰ THẢO",
        "DRAFT",
    ),
    "doc_draft_note": (
        "Dự thảo: Hội đồng Thi đua – Khen thưởng chưa quyết định các suất dưới đây; văn bản chỉ trình ký khi mọi suất đã được quyết định.",
        "Draft: the Emulation and Commendation Council has not decided the seats below; the document goes for signature only once every seat is decided.",
    ),
    "doc_who_unit": (
        "tập thể",
        "collectives",
    ),
    "doc_who_person": (
        "cá nhân",
        "individuals",
    ),
    "doc_collective_name": (
        "{name}, {agency}",
        "{name}, {agency}",
    ),
    "doc_open_tie": (
        "[Chờ Hội đồng chọn {count} trong {total} đồng hạng: {names}]",
        "[Awaiting the council's choice of {count} of the {total} tied: {names}]",
    ),
    "doc_open_loser": (
        "[Suất dành cho người không được chọn {higher} trong số đồng hạng: {names}]",
        "[Seat for whoever of the tied is not chosen for the {higher}: {names}]",
    ),
    "doc_open_awaiting": (
        "[Chờ Hội đồng biểu quyết: {names}]",
        "[Awaiting the council's vote: {names}]",
    ),
    "doc_open_next": (
        "[Chờ Hội đồng xét: {names}, kế tiếp theo thứ hạng sau biểu quyết của Hội đồng]",
        "[Awaiting the council: {names}, next in rank after the council's vote]",
    ),
    "doc_seat_tie": (
        "{award} – {who} ({count} suất): Hội đồng chọn {count} trong {total} đồng hạng: {names}; số còn lại được đề nghị {other}.",
        "{award}, {who} ({count} {count:seat|seats}): the council chooses {count} of the {total} tied: {names}; the others are proposed for the {other}.",
    ),
    "doc_seat_tie_last": (
        "{award} – {who} ({count} suất): Hội đồng chọn {count} trong {total} đồng hạng: {names}.",
        "{award}, {who} ({count} {count:seat|seats}): the council chooses {count} of the {total} tied: {names}.",
    ),
    "doc_seat_open": (
        "{award} – {who} ({count} suất): dành cho người không được chọn {other} trong số đồng hạng ({names}); xác định khi Hội đồng chọn.",
        "{award}, {who} ({count} {count:seat|seats}): for whoever of the tied ({names}) is not chosen for the {other}; settled by the council's choice.",
    ),
    "doc_seat_awaiting": (
        "{award} – {who} ({count} suất): {names} – chờ Hội đồng biểu quyết.",
        "{award}, {who} ({count} {count:seat|seats}): {names} – awaiting the council's vote.",
    ),
    "doc_seat_next": (
        "{award} – {who} ({count} suất): {names} – kế tiếp theo thứ hạng sau biểu quyết của Hội đồng, chờ Hội đồng xét.",
        "{award}, {who} ({count} {count:seat|seats}): {names} – next in rank after the council's vote, awaiting the council.",
    ),
    # ---- 01 Tờ trình (Bằng khen của Chủ tịch UBND tỉnh)
    "doc_ttr_title": ("TỜ TRÌNH", "SUBMISSION"),
    "doc_ttr_subject": (
        "Về việc đề nghị tặng Bằng khen của Chủ tịch Ủy ban nhân dân tỉnh cho tập thể, cá nhân có thành tích xuất sắc trong phong trào thi đua “{phong_trao}”, {ky_giai_doan}",
        "Proposing the Provincial Chairman's Merit for collectives and individuals with outstanding achievements in the emulation movement “{phong_trao}”, {ky_giai_doan}",
    ),
    "doc_ttr_to": ("Kính gửi: {kinh_gui}.", "To: {kinh_gui}."),
    "doc_ttr_through": ("(Qua {qua})", "(Through {qua})"),
    "doc_basis_law": (
        "Căn cứ Luật Thi đua, khen thưởng số 06/2022/QH15 ngày 15 tháng 6 năm 2022 của Quốc hội;",
        "Pursuant to the Law on Emulation and Commendation No. 06/2022/QH15 of 15 June 2022 of the National Assembly;",
    ),
    "doc_basis_decree": (
        "Căn cứ Nghị định số 152/2025/NĐ-CP ngày 14 tháng 6 năm 2025 của Chính phủ quy định chi tiết một số điều của Luật Thi đua, khen thưởng;",
        "Pursuant to Government Decree No. 152/2025/ND-CP of 14 June 2025 detailing the Law on Emulation and Commendation;",
    ),
    "doc_basis_province": ("Căn cứ {ke_hoach_tinh};", "Pursuant to {ke_hoach_tinh};"),
    "doc_basis_agency": (
        "Căn cứ {ke_hoach_co_quan} về việc phát động phong trào thi đua “{phong_trao}”;",
        "Pursuant to {ke_hoach_co_quan} launching the emulation movement “{phong_trao}”;",
    ),
    "doc_basis_minutes": (
        "Căn cứ Biên bản họp Hội đồng Thi đua – Khen thưởng {co_quan_ten} ngày {hoi_dong__ngay},",
        "Pursuant to the minutes of the Emulation and Commendation Council of {co_quan_ten} of {hoi_dong__ngay},",
    ),
    "doc_ttr_body": (
        "{co_quan_ten} kính trình {kinh_gui} xem xét, tặng Bằng khen cho {so_tap_the} tập thể và {so_ca_nhan} cá nhân đã có thành tích xuất sắc trong phong trào thi đua “{phong_trao}”, {ky_giai_doan} (có danh sách và báo cáo thành tích kèm theo).",
        "{co_quan_ten} respectfully proposes that {kinh_gui} award the Merit to {so_tap_the} collectives and {so_ca_nhan} individuals with outstanding achievements in the emulation movement “{phong_trao}”, {ky_giai_doan} (list and achievement reports attached).",
    ),
    "doc_ttr_close": (
        "Kính trình {kinh_gui} xem xét, quyết định./.",
        "Respectfully submitted to {kinh_gui} for decision./.",
    ),
    "doc_ttr_rcpt_1": ("- Như trên;", "- As above;"),
    "doc_ttr_rcpt_2": ("- {qua};", "- {qua};"),
    "doc_rcpt_archive": ("- Lưu: VT, VP.", "- Archive: VT, VP."),
    "doc_ttr_list_title": (
        "ĐỀ NGHỊ TẶNG {bang_khen_hoa}",
        "PROPOSED FOR THE {bang_khen_hoa}",
    ),
    "doc_ttr_list_ref": (
        "(Kèm theo Tờ trình số       /TTr-{co_quan_viet_tat} của {co_quan_ten})",
        "(Attached to Submission No.       /TTr-{co_quan_viet_tat} by {co_quan_ten})",
    ),
    # ---- 02 Báo cáo thành tích (khen thưởng thi đua theo chuyên đề)
    "doc_bc_title": ("BÁO CÁO THÀNH TÍCH", "ACHIEVEMENT REPORT"),
    "doc_bc_subject": (
        "Đề nghị tặng {hinh_thuc} trong phong trào thi đua “{phong_trao}”, {ky_giai_doan}",
        "Proposed for the {hinh_thuc} in the emulation movement “{phong_trao}”, {ky_giai_doan}",
    ),
    "doc_bc_part1": ("I. SƠ LƯỢC LÝ LỊCH", "I. PROFILE"),
    "doc_bc_part2": ("II. THÀNH TÍCH ĐẠT ĐƯỢC", "II. ACHIEVEMENTS"),
    "doc_bc_part3": ("III. CÁC HÌNH THỨC KHEN THƯỞNG ĐÃ ĐƯỢC GHI NHẬN", "III. AWARDS ALREADY RECEIVED"),
    "doc_p_name": ("- Họ và tên: {nguoi__ho_ten}", "- Full name: {nguoi__ho_ten}"),
    "doc_p_gender": ("- Giới tính: {nguoi__gioi_tinh}", "- Gender: {nguoi__gioi_tinh}"),
    "doc_p_born": ("- Ngày, tháng, năm sinh: {nguoi__ngay_sinh}", "- Date of birth: {nguoi__ngay_sinh}"),
    "doc_p_kind": ("- Đối tượng: {nguoi__doi_tuong}", "- Staff kind: {nguoi__doi_tuong}"),
    "doc_p_position": ("- Chức vụ: {nguoi__chuc_vu}", "- Position: {nguoi__chuc_vu}"),
    "doc_p_unit": ("- Đơn vị công tác: {nguoi__don_vi}", "- Unit: {nguoi__don_vi}"),
    "doc_p_more": (
        "- [Cá nhân bổ sung: quê quán, nơi thường trú, trình độ chuyên môn, lý luận chính trị.]",
        "- [To be added by the person: home town, residence, qualifications.]",
    ),
    "doc_p_duties": (
        "1. Quyền hạn, nhiệm vụ được giao: [Cá nhân bổ sung: tóm tắt chức năng, nhiệm vụ được giao.]",
        "1. Duties: [To be added by the person: summary of the duties assigned.]",
    ),
    "doc_p_results": (
        "2. Thành tích đạt được trong phong trào thi đua (theo tiêu chí mục IV.2 của Kế hoạch):",
        "2. Achievements in the movement (criteria of plan §IV.2):",
    ),
    "doc_p_ratings": ("a) Kết quả đánh giá, xếp loại hằng năm:", "a) Yearly ratings:"),
    "doc_col_year": ("Năm", "Year"),
    "doc_col_rating": ("Xếp loại", "Rating"),
    "doc_p_initiatives": (
        "b) Sáng kiến, giải pháp được Hội đồng sáng kiến công nhận:",
        "b) Initiatives recognised by an initiative council:",
    ),
    "doc_col_initiative": ("Tên sáng kiến, giải pháp", "Initiative"),
    "doc_col_level": ("Cấp công nhận", "Level"),
    "doc_col_decision": ("Quyết định công nhận", "Recognition decision"),
    "doc_col_index": ("Chỉ số tác động", "Index impacted"),
    "doc_initiative_effect": (
        "[Đơn vị/cá nhân bổ sung: hiệu quả, phạm vi áp dụng và khả năng nhân rộng của sáng kiến, "
        "đóng góp vào PAR INDEX, SIPAS, PAPI.]",
        "[To be added by the nominee: effect, scope and replicability of the initiatives, contribution "
        "to PAR INDEX, SIPAS, PAPI.]",
    ),
    "doc_p_discipline": ("c) Chấp hành kỷ luật, kỷ cương hành chính:", "c) Discipline:"),
    "doc_award_history_none": (
        "[Đơn vị/cá nhân bổ sung: các hình thức khen thưởng đã nhận (hình thức, số, ngày quyết định, "
        "cơ quan ban hành).]",
        "[To be added by the nominee: awards received (form, number and date of decision, issuer).]",
    ),
    "doc_award_history_row": (
        "- {k__hinh_thuc}: Quyết định số {k__so_qd} ngày {k__ngay_qd}{k__noi_dung}",
        "- {k__hinh_thuc}: Decision No. {k__so_qd} of {k__ngay_qd}{k__noi_dung}",
    ),
    "doc_bc_reporter": ("NGƯỜI BÁO CÁO THÀNH TÍCH", "REPORTED BY"),
    "doc_bc_upper_confirm": (
        "XÁC NHẬN CỦA CẤP TRÌNH KHEN THƯỞNG",
        "CONFIRMED BY THE PROPOSING AUTHORITY",
    ),
    "doc_u_name": ("- Tên tập thể: {don_vi__ten}", "- Collective: {don_vi__ten}"),
    "doc_u_kind": ("- Loại đơn vị: {don_vi__loai}", "- Kind: {don_vi__loai}"),
    "doc_u_founded": ("- Ngày thành lập: {don_vi__ngay_thanh_lap}", "- Founded on: {don_vi__ngay_thanh_lap}"),
    "doc_u_address": (
        "- Địa chỉ, điện thoại: [Đơn vị bổ sung: địa chỉ trụ sở, điện thoại, thư điện tử.]",
        "- Address, phone: [To be added by the unit.]",
    ),
    "doc_u_duties": (
        "- Chức năng, nhiệm vụ: [Đơn vị bổ sung: chức năng, nhiệm vụ được giao.]",
        "- Functions and duties: [To be added by the unit.]",
    ),
    "doc_u_staff": (
        "- Tổ chức bộ máy: {don_vi__so_can_bo} người tại thời điểm cuối kỳ xét ({don_vi__co_cau}); "
        "lãnh đạo đơn vị: {don_vi__lanh_dao}. [Đơn vị bổ sung: các bộ phận trực thuộc.]",
        "- Organisation: {don_vi__so_can_bo} staff at the end of the period ({don_vi__co_cau}); "
        "leaders: {don_vi__lanh_dao}. [To be added by the unit: its sections.]",
    ),
    "doc_u_results": (
        "1. Kết quả thực hiện nhiệm vụ theo tiêu chí mục IV.1 của Kế hoạch:",
        "1. Results against the criteria of plan §IV.1:",
    ),
    "doc_col_tasks": ("Nhiệm vụ CCHC được giao", "PAR tasks assigned"),
    "doc_col_on_time": ("Hoàn thành đúng hạn", "Done on time"),
    "doc_col_docs": ("Văn bản tham mưu", "Advisory documents"),
    "doc_col_socio": ("Chỉ tiêu KT-XH", "Socio-economic targets"),
    "doc_col_budget": ("Dự toán ngân sách", "Budget estimate"),
    "doc_col_programmes": ("Chương trình được giao", "Programmes"),
    "doc_u_ratings": (
        "2. Kết quả đánh giá, xếp loại cán bộ của đơn vị hằng năm:",
        "2. Yearly ratings of the unit's staff:",
    ),
    "doc_col_staff": ("Số người được xếp loại", "Staff rated"),
    "doc_u_initiatives": ("3. Sáng kiến, giải pháp được công nhận:", "3. Recognised initiatives:"),
    "doc_u_discipline": ("4. Chấp hành kỷ luật, kỷ cương hành chính:", "4. Discipline:"),
    "doc_u_more": (
        "5. [Đơn vị bổ sung: các giải pháp, cách làm hay trong cải cách hành chính, kết quả nổi bật khác.]",
        "5. [To be added by the unit: good practices in administrative reform, other results.]",
    ),
    # ---- 03 Quyết định (Giấy khen của Giám đốc Sở)
    "doc_qd_title": ("QUYẾT ĐỊNH", "DECISION"),
    "doc_qd_subject": (
        "Về việc tặng Giấy khen cho tập thể, cá nhân có thành tích xuất sắc trong phong trào thi đua “{phong_trao}”, {ky_giai_doan}",
        "Awarding the Director's Certificate to collectives and individuals with outstanding achievements in the emulation movement “{phong_trao}”, {ky_giai_doan}",
    ),
    "doc_qd_basis_functions": (
        "Căn cứ [Văn phòng bổ sung: quyết định quy định chức năng, nhiệm vụ, quyền hạn và cơ cấu tổ chức của "
        "{co_quan_ten}];",
        "Pursuant to [To be added by the office: the decision on the functions and organisation of "
        "{co_quan_ten}];",
    ),
    "doc_qd_basis_proposal": (
        "Theo đề nghị của Chánh Văn phòng {co_quan_ten}.",
        "At the proposal of the Chief of Office of {co_quan_ten}.",
    ),
    "doc_qd_decides": ("QUYẾT ĐỊNH:", "DECIDES:"),
    "doc_qd_art1": (
        "Điều 1. Tặng {giay_khen} cho {so_tap_the} tập thể và {so_ca_nhan} cá nhân (có danh sách kèm theo) đã có thành tích xuất sắc trong phong trào thi đua “{phong_trao}”, {ky_giai_doan}.",
        "Article 1. The {giay_khen} is awarded to {so_tap_the} collectives and {so_ca_nhan} individuals (list attached) for outstanding achievements in the emulation movement “{phong_trao}”, {ky_giai_doan}.",
    ),
    "doc_qd_art2": (
        "Điều 2. Mỗi tập thể được tặng Giấy khen kèm theo tiền thưởng bằng {tien_thuong__tap_the} lần mức lương cơ sở; mỗi cá nhân được tặng Giấy khen kèm theo tiền thưởng bằng {tien_thuong__ca_nhan} lần mức lương cơ sở (theo {tien_thuong__can_cu}). Kinh phí khen thưởng chi từ {tien_thuong__nguon}.",
        "Article 2. Each collective awarded receives {tien_thuong__tap_the} times the base salary, each individual {tien_thuong__ca_nhan} times the base salary (under {tien_thuong__can_cu}). The reward is paid from {tien_thuong__nguon}.",
    ),
    "doc_qd_art3": (
        "Điều 3. Quyết định có hiệu lực kể từ ngày ký. Chánh Văn phòng, Thủ trưởng các phòng, đơn vị "
        "thuộc và trực thuộc {co_quan_ten} và các tập thể, cá nhân có tên tại Điều 1 chịu trách nhiệm thi "
        "hành Quyết định này./.",
        "Article 3. This decision takes effect on signature. The Chief of Office, the heads of the "
        "divisions and units of {co_quan_ten} and those named in Article 1 shall implement it./.",
    ),
    "doc_qd_rcpt_1": ("- Như Điều 3;", "- As in Article 3;"),
    "doc_qd_list_title": (
        "ĐƯỢC TẶNG {giay_khen_hoa}",
        "AWARDED THE {giay_khen_hoa}",
    ),
    "doc_qd_list_ref": (
        "(Kèm theo Quyết định số       /QĐ-{co_quan_viet_tat} của {tham_quyen_ten})",
        "(Attached to Decision No.       /QD-{co_quan_viet_tat} by {tham_quyen_ten})",
    ),
    # ---- 04 Biên bản họp Hội đồng
    "doc_bb_council": ("HỘI ĐỒNG THI ĐUA – KHEN THƯỞNG", "EMULATION AND COMMENDATION COUNCIL"),
    "doc_bb_title": ("BIÊN BẢN", "MINUTES"),
    "doc_bb_subject": (
        "Họp Hội đồng Thi đua – Khen thưởng xét đề nghị khen thưởng phong trào thi đua “{phong_trao}”, {ky_giai_doan}",
        "Meeting of the Emulation and Commendation Council on the awards of the movement “{phong_trao}”, {ky_giai_doan}",
    ),
    "doc_bb_time": ("1. Thời gian: {hoi_dong__ngay}.", "1. Date: {hoi_dong__ngay}."),
    "doc_bb_place": ("2. Địa điểm: [Văn phòng bổ sung: địa điểm họp.]", "2. Place: [To be added.]"),
    "doc_bb_members": (
        "3. Thành phần: Hội đồng có {hoi_dong__thanh_vien} thành viên; có mặt {hoi_dong__co_mat} thành viên. "
        "Chủ trì: [Văn phòng bổ sung]. Thư ký: [Văn phòng bổ sung].",
        "3. Attendance: the council has {hoi_dong__thanh_vien} members; {hoi_dong__co_mat} present. "
        "Chair: [to be added]. Secretary: [to be added].",
    ),
    "doc_bb_content": ("4. Nội dung:", "4. Business:"),
    "doc_bb_figures": (
        "Hội đồng xem xét kết quả đánh giá theo tiêu chí của Kế hoạch: {tong_hop__tap_the_xet} tập thể được "
        "đánh giá, {tong_hop__tap_the_dat} tập thể đủ tiêu chuẩn; {tong_hop__ca_nhan_xet} cá nhân được đánh "
        "giá, {tong_hop__ca_nhan_dat} cá nhân đủ tiêu chuẩn.",
        "The council reviewed the evaluation against the plan's criteria: {tong_hop__tap_the_xet} "
        "collectives evaluated, {tong_hop__tap_the_dat} eligible; {tong_hop__ca_nhan_xet} individuals "
        "evaluated, {tong_hop__ca_nhan_dat} eligible.",
    ),
    "doc_bb_votes": ("5. Kết quả biểu quyết:", "5. Votes:"),
    "doc_bb_pending": (
        "6. Các nội dung Hội đồng còn phải quyết định:",
        "6. Decisions still to make:",
    ),
    "doc_bb_pending_none": (
        "Không còn nội dung nào: mọi suất của danh sách đã được Hội đồng quyết định.",
        "None: the council has decided every seat of the list.",
    ),
    "doc_bb_decided": (
        "- {decision}: {names}.",
        "- {decision}: {names}.",
    ),
    "doc_col_award": ("Hình thức khen thưởng", "Award"),
    "doc_col_votes": ("Số phiếu đồng ý", "Votes for"),
    "doc_col_decision_vote": ("Kết luận", "Decision"),
    "doc_bb_conclusion": (
        "7. Kết luận:",
        "7. Conclusion:",
    ),
    "doc_bb_close": (
        "[Văn phòng bổ sung: ý kiến kết luận khác của Chủ tịch Hội đồng.] Cuộc họp kết thúc vào hồi ... giờ ... cùng ngày./.",
        "[To be added by the office: the chair's other conclusions.] The meeting closed at ... the same day./.",
    ),
    "doc_bb_secretary": ("THƯ KÝ", "SECRETARY"),
    "doc_bb_chair": ("CHỦ TỊCH HỘI ĐỒNG", "CHAIR OF THE COUNCIL"),
    # ---- 05 Báo cáo sơ kết / tổng kết
    "doc_rp_title": ("BÁO CÁO", "REPORT"),
    "doc_rp_subject": (
        "{ky_bao_cao_hoa} phong trào thi đua “{phong_trao}” giai đoạn {giai_doan}",
        "{ky_bao_cao_hoa} of the emulation movement “{phong_trao}”, {giai_doan}",
    ),
    "doc_rp_part1": ("I. CÔNG TÁC TRIỂN KHAI", "I. ORGANISATION"),
    "doc_rp_part1_text": (
        "[Văn phòng bổ sung: việc quán triệt, tuyên truyền, triển khai {ke_hoach_co_quan} tại các phòng, "
        "đơn vị.]",
        "[To be added by the office: how {ke_hoach_co_quan} was made known and carried out.]",
    ),
    "doc_rp_part2": ("II. KẾT QUẢ THỰC HIỆN CÁC TIÊU CHÍ THI ĐUA", "II. RESULTS AGAINST THE CRITERIA"),
    "doc_rp_scope": (
        "Kỳ xét từ năm {tu_nam} đến năm {den_nam}: {tong_hop__tap_the_xet} tập thể và "
        "{tong_hop__ca_nhan_xet} cá nhân được đánh giá; {tong_hop__tap_the_dat} tập thể và "
        "{tong_hop__ca_nhan_dat} cá nhân đạt đủ các tiêu chí.",
        "Period {tu_nam} to {den_nam}: {tong_hop__tap_the_xet} collectives and {tong_hop__ca_nhan_xet} "
        "individuals evaluated; {tong_hop__tap_the_dat} collectives and {tong_hop__ca_nhan_dat} individuals "
        "met every criterion.",
    ),
    "doc_rp_collective": ("1. Đối với tập thể (mục IV.1 của Kế hoạch):", "1. Collectives (plan §IV.1):"),
    "doc_rp_individual": ("2. Đối với cá nhân (mục IV.2 của Kế hoạch):", "2. Individuals (plan §IV.2):"),
    "doc_col_criterion": ("Tiêu chí", "Criterion"),
    "doc_col_met": ("Số đạt", "Met"),
    "doc_col_evaluated": ("Số được xét", "Evaluated"),
    "doc_col_share": ("Tỷ lệ", "Share"),
    "doc_col_unmet": (
        "Số không đạt",
        "Not met",
    ),
    "doc_col_missing": (
        "Thiếu dữ liệu",
        "Lacks data",
    ),
    "doc_rp_initiatives": (
        "3. Sáng kiến, giải pháp được công nhận trong kỳ: {tong_hop__sang_kien_tong} sáng kiến.",
        "3. Initiatives recognised in the period: {tong_hop__sang_kien_tong}.",
    ),
    "doc_col_count": ("Số sáng kiến", "Initiatives"),
    "doc_rp_part3": ("III. ĐỀ NGHỊ KHEN THƯỞNG", "III. PROPOSED AWARDS"),
    "doc_rp_award_line": (
        "- {a__hinh_thuc}: {a__so_tap_the} tập thể, {a__so_ca_nhan} cá nhân{a__ten}.",
        "- {a__hinh_thuc}: {a__so_tap_the} collectives, {a__so_ca_nhan} individuals{a__ten}.",
    ),
    "doc_rp_part4": ("IV. ĐÁNH GIÁ CHUNG VÀ PHƯƠNG HƯỚNG", "IV. ASSESSMENT AND NEXT STEPS"),
    "doc_rp_part4_text": (
        "[Văn phòng bổ sung: ưu điểm, hạn chế, nguyên nhân và phương hướng thời gian tới.]",
        "[To be added by the office: strengths, shortcomings and next steps.]",
    ),
    "doc_rp_rcpt_1": ("- {qua} (để báo cáo);", "- {qua} (for information);"),
    "doc_rp_rcpt_2": ("- Các phòng, đơn vị thuộc và trực thuộc Sở;", "- Divisions and units;"),
    # ---- sheets that print (issue #13): the dashboard's first page
    "dash.rates": ("Tỷ lệ đạt của từng tiêu chí", "Pass rate of each criterion"),
    "dash.col.criterion": ("Tiêu chí", "Criterion"),
    "dash.col.rate": ("Tỷ lệ đạt", "Pass rate"),
    "dash.col.met": ("Số đạt", "Met"),
    "dash.col.evaluated": ("Số được xét", "Evaluated"),
    # ---- values the context builder writes
    "doc_gap": ("[chưa có: {what}]", "[missing: {what}]"),
    "doc_gap_signer": ("họ tên người ký", "signer's name"),
    "doc_gap_agency_plan": ("số, ngày kế hoạch của cơ quan", "the agency's plan number and date"),
    "doc_gap_province_plan": ("kế hoạch của tỉnh", "the province's plan"),
    "doc_gap_meeting_date": ("ngày họp Hội đồng", "the council's meeting date"),
    "doc_gap_members": ("số thành viên", "number of members"),
    "doc_gap_present": ("số có mặt", "number present"),
    "doc_gap_gender": ("giới tính", "gender"),
    "doc_gap_born": ("ngày sinh", "date of birth"),
    "doc_gap_position": ("chức vụ", "position"),
    "doc_gap_decision": ("số quyết định", "decision number"),
    "doc_gap_rating": ("xếp loại năm {year}", "rating of {year}"),
    "doc_gap_result": ("kết quả năm {year}", "results of {year}"),
    "doc_gap_vote": ("...........", "..........."),
    "doc_no_leader": ("không ghi nhận trong sổ", "none recorded"),
    "doc_review_preliminary": ("sơ kết", "preliminary review"),
    "doc_review_final": ("tổng kết", "final review"),
    "doc_period_phrase": (
        "{review} giai đoạn {period}",
        "{review}, {period}",
    ),
    "doc_gap_founded": (
        "ngày thành lập",
        "founding date",
    ),
    "doc_gap_reward_collective": (
        "hệ số tiền thưởng tập thể",
        "the collectives' reward coefficient",
    ),
    "doc_gap_reward_person": (
        "hệ số tiền thưởng cá nhân",
        "the individuals' reward coefficient",
    ),
    "doc_gap_reward_basis": (
        "căn cứ mức tiền thưởng",
        "the legal basis of the reward",
    ),
    "doc_gap_reward_fund": (
        "nguồn kinh phí khen thưởng",
        "the reward fund",
    ),
    "doc_fill_word": (
        "bổ sung",
        "to be added",
    ),
    "doc_deputy": (
        "Phó",
        "Deputy",
    ),
    "doc_head_division": (
        "TRƯỞNG PHÒNG",
        "HEAD OF DIVISION",
    ),
    "doc_head_unit": (
        "THỦ TRƯỞNG ĐƠN VỊ",
        "HEAD OF THE UNIT",
    ),
    "doc_confirm_by": (
        "XÁC NHẬN CỦA {title}",
        "CONFIRMED BY THE {title}",
    ),
    "doc_decision_ref": ("Số {number}", "No. {number}"),
    "doc_decision_ref_dated": ("Số {number} ngày {date}", "No. {number} of {date}"),
    "doc_staff_count": ("{count} {kind}", "{count} {kind}"),
    "doc_vote_pending": ("chưa biểu quyết", "not voted"),
    "doc_discipline_clean_person": (
        "Trong giai đoạn {giai_doan}, {name} chấp hành tốt chủ trương, đường lối của Đảng, chính sách, pháp luật của Nhà nước và các quy định của cơ quan, đơn vị; không bị xử lý kỷ luật.",
        "In {giai_doan}, {name} complied with the Party's guidelines, the State's policies and laws and the agency's rules, and was not disciplined.",
    ),
    "doc_discipline_clean_unit": (
        "Trong giai đoạn {giai_doan}, tập thể và cán bộ của đơn vị chấp hành tốt chủ trương, đường lối của Đảng, chính sách, pháp luật của Nhà nước và các quy định của cơ quan; không có cán bộ bị xử lý kỷ luật.",
        "In {giai_doan}, the unit and its staff complied with the Party's guidelines, the State's policies and laws and the agency's rules; none of its staff was disciplined.",
    ),
    "doc_discipline_records": (
        "Sổ theo dõi ghi nhận {count} quyết định kỷ luật hoặc vi phạm còn hiệu lực trong kỳ: {records}.",
        "The workbook records {count} disciplinary {count:decision|decisions} or breaches in effect in the "
        "period: {records}.",
    ),
    # ---- the placeholders, as the guide sheet and README list them
    "ph_co_quan_chu_quan": (
        "Cơ quan cấp trên (dòng trên của tiêu đề), chữ in hoa",
        "Parent agency, capitals",
    ),
    "ph_co_quan": ("Tên cơ quan ban hành, chữ in hoa", "Issuing agency, capitals"),
    "ph_co_quan_ten": ("Tên cơ quan viết thường, dùng trong câu", "Issuing agency as written in a sentence"),
    "ph_co_quan_viet_tat": ("Chữ viết tắt tên cơ quan (số, ký hiệu)", "Agency abbreviation"),
    "ph_dia_danh": ("Địa danh ở dòng ngày tháng", "Place on the date line"),
    "ph_ngay": ("Ngày soạn (2 chữ số), cùng thang và nam", "Day drafted (2 digits), with thang, nam"),
    "ph_phong_trao": ("Tên phong trào thi đua", "Movement"),
    "ph_giai_doan": (
        "Kỳ xét, ví dụ 2022–2025; tu_nam, den_nam; ky_giai_doan: “sơ kết giai đoạn 2022–2023” hoặc “tổng kết giai đoạn 2022–2025”",
        "Period, e.g. 2022–2025; tu_nam, den_nam; ky_giai_doan: “preliminary review, 2022–2023” or “final review, 2022–2025”",
    ),
    "ph_ky_bao_cao": (
        "sơ kết hoặc tổng kết (theo Đến năm và Năm kết thúc phong trào)",
        "Preliminary or final",
    ),
    "ph_ke_hoach_tinh": ("Kế hoạch phát động của tỉnh", "Province's plan"),
    "ph_ke_hoach_co_quan": ("Kế hoạch phát động của cơ quan", "Agency's plan"),
    "ph_kinh_gui": ("Người nhận tờ trình Bằng khen", "Addressee of the submission"),
    "ph_qua": ("Cơ quan tờ trình gửi qua", "Body the submission goes through"),
    "ph_nguoi_ky": ("Họ tên người ký", "Signer's name"),
    "ph_chuc_vu_nguoi_ky": ("Chức vụ người ký, chữ in hoa", "Signer's title, capitals"),
    "ph_so_tap_the": (
        "Số tập thể được đề nghị (2 chữ số), cùng so_ca_nhan",
        "Collectives proposed, with so_ca_nhan",
    ),
    "ph_danh_sach": (
        "Danh sách kèm theo: tap_the và ca_nhan, mỗi dòng một suất: stt, ma, ten, chuc_vu, don_vi, thanh_tich; mo là đúng khi suất chưa quyết định (ten nói ai, điều gì quyết định)",
        "The attached list: tap_the and ca_nhan, one row per seat: stt, ma, ten, chuc_vu, don_vi, thanh_tich; mo is true for an undecided seat (ten says who and what decides it)",
    ),
    "ph_hoi_dong": (
        "Cuộc họp Hội đồng: hoi_dong.ngay, hoi_dong.thanh_vien, hoi_dong.co_mat; phieu: stt, ten, hinh_thuc, dong_y, ket_luan; con_lai: các nội dung còn phải quyết định; ket_luan: các dòng Đồng ý / Không đồng ý",
        "The council meeting: hoi_dong.ngay, hoi_dong.thanh_vien, hoi_dong.co_mat; phieu: stt, ten, hinh_thuc, dong_y, ket_luan; con_lai: decisions still to make; ket_luan: the Approved / Rejected lines",
    ),
    "ph_tong_hop": (
        "Số liệu: tong_hop.tap_the_xet, tap_the_dat, ca_nhan_xet, ca_nhan_dat, sang_kien_tong; bảng tieu_chi_tap_the, tieu_chi_ca_nhan (ten, dat, khong_dat, thieu, so_xet, ty_le), sang_kien_cap (cap, so), khen_thuong (hinh_thuc, so_tap_the, so_ca_nhan, ten)",
        "Figures: tong_hop.tap_the_xet, tap_the_dat, ca_nhan_xet, ca_nhan_dat, sang_kien_tong; tables tieu_chi_tap_the, tieu_chi_ca_nhan (ten, dat, khong_dat, thieu, so_xet, ty_le), sang_kien_cap (cap, so), khen_thuong (hinh_thuc, so_tap_the, so_ca_nhan, ten)",
    ),
    "ph_nguoi": (
        "Báo cáo thành tích cá nhân: nguoi.ho_ten, gioi_tinh, ngay_sinh, doi_tuong, chuc_vu, don_vi; xep_loai (nam, xep_loai); sang_kien (stt, ten, cap, nam, quyet_dinh, chi_so); ky_luat; khen_thuong_da_nhan",
        "Individual report: nguoi.ho_ten, gioi_tinh, ngay_sinh, doi_tuong, chuc_vu, don_vi; xep_loai; sang_kien; ky_luat; khen_thuong_da_nhan",
    ),
    "ph_don_vi": (
        "Báo cáo thành tích tập thể: don_vi.ten, loai, ngay_thanh_lap, so_can_bo, co_cau, lanh_dao; ket_qua_nam (nam, giao, dung_han, van_ban, kt_xh, ngan_sach, chuong_trinh); xep_loai_nam (nam, tong, htxs, htt, ht, kht); sang_kien; ky_luat",
        "Collective report: don_vi.ten, loai, ngay_thanh_lap, so_can_bo, co_cau, lanh_dao; ket_qua_nam; xep_loai_nam; sang_kien; ky_luat",
    ),
    "ph_hinh_thuc": ("Hình thức khen thưởng đề nghị (báo cáo thành tích)", "Award proposed (report)"),
    "ph_du_thao": (
        "Tờ trình, quyết định: du_thao đúng khi còn suất chưa quyết định; chua_quyet_dinh: mỗi suất đó và điều gì quyết định",
        "Submission, decision: du_thao is true while a seat is undecided; chua_quyet_dinh: each such seat and what decides it",
    ),
    "ph_tien_thuong": (
        "Tiền thưởng (Điều 2 quyết định): tien_thuong.tap_the, ca_nhan (số lần mức lương cơ sở), can_cu, nguon",
        "Reward (decision, Article 2): tien_thuong.tap_the, ca_nhan (times the base salary), can_cu, nguon",
    ),
    "ph_thu_truong": (
        "Báo cáo thành tích: don_vi_hoa (tên đơn vị in hoa); thu_truong.chuc_vu, xac_nhan, ky, ho_ten (người xác nhận theo loại đơn vị)",
        "Achievement report: don_vi_hoa (unit in capitals); thu_truong.chuc_vu, xac_nhan, ky, ho_ten (who confirms, by the unit's kind)",
    ),
    # ---- the guide sheet's section on documents
    "guide_docs_title": ("MẪU VĂN BẢN CỦA HỒ SƠ KHEN THƯỞNG", "DOCUMENT TEMPLATES OF THE DOSSIER"),
    "guide_docs_intro": (
        "Lệnh parcom documents (hoặc nút Đánh giá khi “{setting}” là Có) soạn các văn bản Word từ kết quả "
        "đánh giá. Lời văn nằm trong các mẫu Word (thư mục workbook/mau_van_ban); văn phòng có thể sửa "
        "một bản sao rồi ghi thư mục đó vào “{folder}”. Giữ nguyên các chỗ đặt sẵn trong "
        "ngoặc nhọn: chương trình điền số liệu vào đó. Các chỗ đặt sẵn:",
        "parcom documents (or the Evaluate button when “{setting}” is Yes) drafts the Word documents from "
        "the evaluation. The wording is in Word templates (folder workbook/mau_van_ban); the office may edit "
        "a copy and put its folder in “{folder}”. Keep the placeholders in curly "
        "brackets: the tool fills the data in there. The placeholders:",
    ),
    "guide_docs_header": ("Chỗ đặt sẵn|Ý nghĩa", "Placeholder|Meaning"),
    # ---- `parcom documents --help`
    "short.documents": (
        "Soạn các văn bản Word của hồ sơ khen thưởng từ kết quả đánh giá.",
        "Draft the dossier's Word documents from a workbook's evaluation.",
    ),
    "help.documents": (
        "Đánh giá sổ làm việc (không sửa sổ) rồi soạn các văn bản Word của hồ sơ khen thưởng: tờ trình, báo cáo thành tích, quyết định, biên bản, báo cáo sơ kết/tổng kết; cho kỳ của lần Đánh giá gần nhất (sheet Nhật ký) nếu không ghi --from-year/--to-year.",
        "Evaluate the workbook (without changing it) and draft the Word documents of the dossier: submission, achievement reports, decision, minutes, review; for the period of the last evaluation (sheet Nhật ký) unless --from-year/--to-year say otherwise.",
    ),
    "help.documents.output": (
        "Thư mục ghi văn bản (mặc định: thư mục cạnh sổ làm việc, tên theo sổ: so_theo_doi_ho_so).",
        "Folder for the documents (default: a folder beside the workbook, named after it: so_theo_doi_ho_so).",
    ),
    "help.documents.pdf": (
        "Chuyển thêm từng văn bản sang PDF (cần LibreOffice).",
        "Also convert each document to PDF (needs LibreOffice).",
    ),
    "help.documents.templates": (
        "Thư mục mẫu Word của văn phòng (thay cho tham số trong Cấu hình).",
        "Folder of the office's own Word templates (overrides the setting).",
    ),
    "help.documents.from_year": (
        "Năm đầu của kỳ soạn hồ sơ (thay cho kỳ của lần Đánh giá gần nhất).",
        "First year of the period drafted for (instead of the last evaluation's).",
    ),
    "help.documents.to_year": (
        "Năm cuối của kỳ soạn hồ sơ (thay cho kỳ của lần Đánh giá gần nhất).",
        "Last year of the period drafted for (instead of the last evaluation's).",
    ),
    "help.documents.final": (
        "Chỉ soạn khi danh sách đã chính thức (Hội đồng quyết định mọi suất); nếu chưa, không ghi gì, nêu các nội dung còn phải quyết định và trả mã 1 (cho lịch chạy tự động).",
        "Draft only once the list is final (the council decided every seat); otherwise write nothing, name what is left to decide and exit 1 (for scheduled runs).",
    ),
    # ---- what the command and the button say
    "docs_written": (
        "Đã soạn {count} văn bản vào thư mục {folder}:",
        "Drafted {count} {count:document|documents} into {folder}:",
    ),
    "docs_none_bk": (
        "Không có tập thể, cá nhân nào được đề nghị Bằng khen: không soạn tờ trình và báo cáo thành tích.",
        "No one is proposed for the Merit: no submission and no achievement report drafted.",
    ),
    "docs_none_gk": (
        "Không có tập thể, cá nhân nào được đề nghị Giấy khen: không soạn quyết định.",
        "No one is proposed for the Certificate: no decision drafted.",
    ),
    "docs_data_errors": (
        "{file}: có {count} lỗi dữ liệu, không soạn văn bản nào. Hãy sửa các lỗi rồi chạy lại.",
        "{file}: {count} data {count:error|errors}, no document drafted. Fix them and run again.",
    ),
    "docs_gaps": (
        "Các văn bản còn {count} chỗ phải điền tay (“[chưa có: …]” do dữ liệu chưa có, “[… bổ sung: …]” do đơn vị, cá nhân, văn phòng viết): hãy điền trước khi trình ký.",
        "The documents have {count} {count:place|places} left to type (“[missing: …]” the data does not fill, “[To be added …]” for the nominee or the office): complete them before signing.",
    ),
    "docs_final": (
        "Hồ sơ chính thức: Hội đồng đã quyết định mọi suất của danh sách.",
        "Final dossier: the council has decided every seat of the list.",
    ),
    "docs_draft": (
        "Hồ sơ là bản DỰ THẢO (tờ trình, quyết định ghi “DỰ THẢO”) vì còn {count} nội dung Hội đồng chưa quyết định:",
        "The dossier is a DRAFT (the submission and the decision say so) because the council has {count} {count:decision|decisions} still to make:",
    ),
    "docs_not_final": (
        "{file}: danh sách chưa chính thức nên không soạn văn bản nào (--final); còn {count} nội dung Hội đồng chưa quyết định:",
        "{file}: the list is not final, so no document was drafted (--final); the council has {count} {count:decision|decisions} still to make:",
    ),
    "docs_period_logged": (
        "Hồ sơ soạn cho kỳ {period} của lần Đánh giá gần nhất (sheet {sheet}); Cấu hình ghi kỳ {settings}.",
        "The dossier is drafted for {period}, the period of the last evaluation (sheet {sheet}); the settings say {settings}.",
    ),
    "docs_period_given": (
        "Hồ sơ soạn cho kỳ {period} (--from-year/--to-year); lần Đánh giá gần nhất xét kỳ {logged}.",
        "The dossier is drafted for {period} (--from-year/--to-year); the last evaluation was for {logged}.",
    ),
    "docs_pdf_done": (
        "Đã chuyển {count} văn bản sang PDF.",
        "Converted {count} {count:document|documents} to PDF.",
    ),
    "docs_pdf_missing": (
        "Không có LibreOffice (lệnh soffice) trên máy này nên không chuyển sang PDF được; các tệp .docx đã được "
        "ghi. Cài LibreOffice hoặc mở tệp bằng Word rồi lưu dạng PDF.",
        "LibreOffice (soffice) is not installed here, so no PDF was made; the .docx files are written. "
        "Install LibreOffice, or open them in Word and save as PDF.",
    ),
    "docs_pdf_failed": (
        "LibreOffice không chuyển được {file} sang PDF ({detail}); tệp .docx vẫn còn nguyên.",
        "LibreOffice could not convert {file} to PDF ({detail}); the .docx is kept.",
    ),
    "docs_template_missing_dir": (
        "Không tìm thấy thư mục mẫu văn bản {folder}: hãy kiểm tra đường dẫn (tham số “Thư mục mẫu văn bản” "
        "hoặc --templates).",
        "The templates folder {folder} was not found: check the path (setting or --templates).",
    ),
    "docs_template_default": (
        "Thư mục {folder} không có mẫu {file}: dùng mẫu có sẵn.",
        "{folder} has no {file}: the built-in template is used.",
    ),
    "docs_template_bad": (
        "Mẫu văn bản {file} không dùng được: {detail}. Hãy sửa lại chỗ đặt sẵn đó trong Word (xem sheet Hướng "
        "dẫn) hoặc chép lại mẫu gốc.",
        "The template {file} cannot be used: {detail}. Fix that placeholder in Word (see the Guide sheet) or "
        "copy the original template again.",
    ),
    "docs_template_unknown": (
        "chỗ đặt sẵn “{name}” không có trong danh sách",
        "placeholder “{name}” is not one of the listed ones",
    ),
    "docs_unsaved_book": (
        "Sổ làm việc chưa được lưu nên chưa có thư mục để ghi hồ sơ: hãy lưu sổ rồi bấm Đánh giá lại.",
        "The workbook is not saved yet, so there is no folder for the dossier: save it and click Evaluate again.",
    ),
}
