#!/usr/bin/env python3
"""Plugin ngoài mẫu của cchc: kiểm tra mã số thuế (MST) của đơn vị.

Giao thức (mọi plugin ngoài của cchc): cchc chạy tệp này một lần cho mỗi lời gọi khác nhau,
gửi vào stdin một đối tượng JSON {"function": "<tên hàm>", "args": [<đối số>...]} và đọc từ
stdout {"value": <kết quả>} hoặc {"error": "<vì sao>"}. Quá thời gian timeout_ms khai báo
trong pack.yaml thì plugin bị dừng. Plugin phải là hàm thuần: cùng đối số, cùng kết quả.

Mã số thuế: 10 chữ số — N1N2 là mã tỉnh, N3…N9 là số thứ tự, N10 là chữ số kiểm tra — hoặc,
với đơn vị phụ thuộc, 10 chữ số của đơn vị chủ quản, dấu '-' và 3 chữ số từ 001 đến 999.
Chữ số kiểm tra: lấy tổng N1…N9 nhân lần lượt với 31, 29, 23, 19, 17, 13, 7, 5, 3;
N10 = 10 − (tổng chia 11 lấy dư). Khi tổng chia hết cho 11 thì không chữ số nào đúng.
"""
import json
import re
import sys

TRONG_SO = (31, 29, 23, 19, 17, 13, 7, 5, 3)
DANG_MA = re.compile(r"([0-9]{10})(?:-([0-9]{3}))?")


def loi_ma_so_thue(ma):
    """Lỗi của mã số thuế bằng lời, hoặc "" khi mã hợp lệ."""
    if not isinstance(ma, str):
        return "mã số thuế phải viết dạng chuỗi (đặt trong dấu nháy), không phải số"
    khop = DANG_MA.fullmatch(ma.strip())
    if khop is None:
        return "phải gồm 10 chữ số, hoặc 10 chữ số, dấu '-' và 3 chữ số"
    chinh, phu_thuoc = khop.groups()
    if chinh[2:9] == "0000000":
        return "số thứ tự (chữ số thứ 3 đến 9) không được toàn số 0"
    if phu_thuoc == "000":
        return "mã đơn vị phụ thuộc phải từ 001 đến 999"
    kiem_tra = 10 - sum(int(so) * w for so, w in zip(chinh, TRONG_SO)) % 11
    if kiem_tra == 10:
        return "không có chữ số kiểm tra nào đúng với 9 chữ số đầu"
    if int(chinh[9]) != kiem_tra:
        return "chữ số kiểm tra phải là %d, không phải %s" % (kiem_tra, chinh[9])
    return ""


HAM = {"loi_ma_so_thue": loi_ma_so_thue}


def main():
    try:
        yeu_cau = json.loads(sys.stdin.buffer.read().decode("utf-8"))
        ham = HAM.get(yeu_cau.get("function"))
        if ham is None:
            tra_loi = {"error": "không có hàm %r" % yeu_cau.get("function")}
        else:
            tra_loi = {"value": ham(*yeu_cau.get("args", []))}
    except (ValueError, TypeError, AttributeError) as loi:
        tra_loi = {"error": "yêu cầu không hợp lệ: %s" % loi}
    sys.stdout.write(json.dumps(tra_loi))  # ASCII-only: đúng với mọi locale


if __name__ == "__main__":
    main()
