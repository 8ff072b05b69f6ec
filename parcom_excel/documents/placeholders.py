"""Every placeholder the dossier's templates may use, with its meaning (a catalog key): the
guide sheet and the README list them, and a test checks that the templates use no other."""

from __future__ import annotations

# (placeholder as a clerk types it in Word, catalog key of its meaning)
PLACEHOLDERS: tuple[tuple[str, str], ...] = (
    ("{{ co_quan_chu_quan }}", "ph_co_quan_chu_quan"),
    ("{{ co_quan }}", "ph_co_quan"),
    ("{{ co_quan_ten }}", "ph_co_quan_ten"),
    ("{{ co_quan_viet_tat }}", "ph_co_quan_viet_tat"),
    ("{{ dia_danh }}", "ph_dia_danh"),
    ("{{ ngay }} {{ thang }} {{ nam }}", "ph_ngay"),
    ("{{ phong_trao }}", "ph_phong_trao"),
    ("{{ giai_doan }} {{ tu_nam }} {{ den_nam }} {{ ky_giai_doan }}", "ph_giai_doan"),
    ("{{ ky_bao_cao }} {{ ky_bao_cao_hoa }}", "ph_ky_bao_cao"),
    ("{{ ke_hoach_tinh }}", "ph_ke_hoach_tinh"),
    ("{{ ke_hoach_co_quan }}", "ph_ke_hoach_co_quan"),
    ("{{ kinh_gui }}", "ph_kinh_gui"),
    ("{{ qua }}", "ph_qua"),
    ("{{ nguoi_ky }}", "ph_nguoi_ky"),
    ("{{ chuc_vu_nguoi_ky }} {{ tham_quyen }} {{ tham_quyen_ten }}", "ph_chuc_vu_nguoi_ky"),
    ("{{ bang_khen }} {{ giay_khen }} (…_hoa)", "ph_hinh_thuc"),
    ("{{ so_tap_the }} {{ so_ca_nhan }}", "ph_so_tap_the"),
    ("{%tr for r in tap_the %} … {%tr for r in ca_nhan %}", "ph_danh_sach"),
    ("{%p if du_thao %} … {%p for n in chua_quyet_dinh %}", "ph_du_thao"),
    ("{{ tien_thuong.… }}", "ph_tien_thuong"),
    ("{{ hoi_dong.ngay }} … {%tr for v in phieu %} {{ con_lai }} {{ ket_luan }}", "ph_hoi_dong"),
    ("{{ tong_hop.… }}", "ph_tong_hop"),
    ("{{ nguoi.… }} {{ xep_loai }} {{ sang_kien }} {{ ky_luat }}", "ph_nguoi"),
    ("{{ don_vi.… }} {{ ket_qua_nam }} {{ xep_loai_nam }}", "ph_don_vi"),
    ("{{ don_vi_hoa }} {{ thu_truong.… }}", "ph_thu_truong"),
    ("{{ hinh_thuc }} {{ ten }}", "ph_hinh_thuc"),
)
