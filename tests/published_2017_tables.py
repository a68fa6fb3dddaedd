"""The tables of Decision 3247/QĐ-UBND (Sơn La, 20 Dec 2017), written out as printed.

Kept apart from the dataset file (rubrics/published/sonla-2017-it.yaml) on
purpose: the tests compare the two, so a wrong dataset file cannot pass.
Scores and totals are the decision's text, with its decimal comma.
"""

from __future__ import annotations

# Bảng 1: agency, total (as printed, decimal comma), band (the table's section), rank.
TABLE_1 = [
    ("so-thong-tin-va-truyen-thong", "83,8", "fair", 1),
    ("so-noi-vu", "77,2", "fair", 2),
    ("so-giao-duc-va-dao-tao", "75,8", "fair", 3),
    ("ban-dan-toc", "74,6", "fair", 4),
    ("so-ke-hoach-va-dau-tu", "73,4", "fair", 5),
    ("so-y-te", "72,8", "fair", 6),
    ("so-xay-dung", "72,5", "fair", 7),
    ("so-tai-chinh", "71,5", "fair", 8),
    ("so-giao-thong-van-tai", "71,5", "fair", 8),
    ("so-cong-thuong", "70,9", "fair", 9),
    ("so-tai-nguyen-va-moi-truong", "70,6", "fair", 10),
    ("thanh-tra-tinh", "70,2", "fair", 11),
    ("so-tu-phap", "64,9", "average", 12),
    ("so-van-hoa-the-thao-va-du-lich", "62,4", "average", 13),
    ("so-ngoai-vu", "57,4", "average", 14),
    ("so-khoa-hoc-va-cong-nghe", "54,3", "average", 15),
    ("so-lao-dong-thuong-binh-va-xa-hoi", "51,7", "average", 16),
    ("so-nong-nghiep-va-phat-trien-nong-thon", "41,3", "weak", 17),
]
# Bảng 1.1: agency, infrastructure score (as printed), rank.
TABLE_1_1 = [
    ("so-thong-tin-va-truyen-thong", "9,0", 1),
    ("so-tai-chinh", "9,0", 1),
    ("so-giao-thong-van-tai", "9,0", 1),
    ("so-van-hoa-the-thao-va-du-lich", "9,0", 1),
    ("so-giao-duc-va-dao-tao", "8,0", 2),
    ("so-khoa-hoc-va-cong-nghe", "8,0", 2),
    ("so-noi-vu", "7,0", 3),
    ("so-cong-thuong", "7,0", 3),
    ("so-xay-dung", "7,0", 3),
    ("so-y-te", "7,0", 3),
    ("so-tu-phap", "7,0", 3),
    ("so-tai-nguyen-va-moi-truong", "7,0", 3),
    ("so-nong-nghiep-va-phat-trien-nong-thon", "7,0", 3),
    ("so-lao-dong-thuong-binh-va-xa-hoi", "7,0", 3),
    ("thanh-tra-tinh", "6,7", 4),
    ("so-ke-hoach-va-dau-tu", "6,0", 5),
    ("so-ngoai-vu", "6,0", 5),
    ("ban-dan-toc", "4,0", 6),
]
# Bảng 1.2: agency, internal_use score (as printed), rank.
TABLE_1_2 = [
    ("so-thong-tin-va-truyen-thong", "24,8", 1),
    ("so-xay-dung", "24,4", 2),
    ("so-tu-phap", "22,6", 3),
    ("so-tai-nguyen-va-moi-truong", "22,5", 4),
    ("so-tai-chinh", "22,1", 5),
    ("so-giao-duc-va-dao-tao", "21,8", 6),
    ("so-noi-vu", "21,7", 7),
    ("so-cong-thuong", "20,4", 8),
    ("thanh-tra-tinh", "19,8", 9),
    ("ban-dan-toc", "19,8", 9),
    ("so-y-te", "18,5", 10),
    ("so-lao-dong-thuong-binh-va-xa-hoi", "17,9", 11),
    ("so-giao-thong-van-tai", "17,4", 12),
    ("so-ke-hoach-va-dau-tu", "16,3", 13),
    ("so-khoa-hoc-va-cong-nghe", "16,3", 13),
    ("so-van-hoa-the-thao-va-du-lich", "15,7", 14),
    ("so-ngoai-vu", "15,0", 15),
    ("so-nong-nghiep-va-phat-trien-nong-thon", "12,9", 16),
]
# Bảng 1.3: agency, public_services score (as printed), rank.
TABLE_1_3 = [
    ("so-ke-hoach-va-dau-tu", "30,5", 1),
    ("ban-dan-toc", "28,8", 2),
    ("thanh-tra-tinh", "25,7", 3),
    ("so-noi-vu", "23,5", 4),
    ("so-thong-tin-va-truyen-thong", "23,0", 5),
    ("so-giao-duc-va-dao-tao", "22,0", 6),
    ("so-tai-nguyen-va-moi-truong", "22,0", 6),
    ("so-tai-chinh", "21,4", 7),
    ("so-y-te", "21,3", 8),
    ("so-khoa-hoc-va-cong-nghe", "21,0", 9),
    ("so-xay-dung", "20,1", 10),
    ("so-tu-phap", "20,0", 11),
    ("so-cong-thuong", "19,0", 12),
    ("so-giao-thong-van-tai", "18,6", 13),
    ("so-van-hoa-the-thao-va-du-lich", "18,1", 14),
    ("so-ngoai-vu", "16,6", 15),
    ("so-lao-dong-thuong-binh-va-xa-hoi", "10,8", 16),
    ("so-nong-nghiep-va-phat-trien-nong-thon", "9,4", 17),
]
# Bảng 1.4: agency, security score (as printed), rank.
TABLE_1_4 = [
    ("so-noi-vu", "9,0", 1),
    ("so-thong-tin-va-truyen-thong", "8,0", 2),
    ("so-giao-duc-va-dao-tao", "8,0", 2),
    ("so-y-te", "8,0", 2),
    ("so-giao-thong-van-tai", "7,5", 3),
    ("ban-dan-toc", "7,0", 4),
    ("so-cong-thuong", "6,5", 5),
    ("so-tai-chinh", "6,0", 6),
    ("so-tu-phap", "5,5", 7),
    ("so-ngoai-vu", "5,2", 8),
    ("so-xay-dung", "4,8", 9),
    ("so-ke-hoach-va-dau-tu", "4,6", 10),
    ("so-van-hoa-the-thao-va-du-lich", "4,6", 10),
    ("thanh-tra-tinh", "4,0", 11),
    ("so-tai-nguyen-va-moi-truong", "3,1", 12),
    ("so-lao-dong-thuong-binh-va-xa-hoi", "2,0", 13),
    ("so-khoa-hoc-va-cong-nghe", "2,0", 13),
    ("so-nong-nghiep-va-phat-trien-nong-thon", "1,0", 14),
]
# Bảng 1.5: agency, staff score (as printed), rank.
TABLE_1_5 = [
    ("so-noi-vu", "10", 1),
    ("so-thong-tin-va-truyen-thong", "10", 1),
    ("so-giao-thong-van-tai", "10", 1),
    ("so-giao-duc-va-dao-tao", "10", 1),
    ("so-y-te", "10", 1),
    ("so-van-hoa-the-thao-va-du-lich", "10", 1),
    ("so-tai-nguyen-va-moi-truong", "9,0", 2),
    ("so-ke-hoach-va-dau-tu", "8,0", 3),
    ("so-tai-chinh", "8,0", 3),
    ("so-cong-thuong", "8,0", 3),
    ("so-lao-dong-thuong-binh-va-xa-hoi", "8,0", 3),
    ("ban-dan-toc", "8,0", 3),
    ("so-ngoai-vu", "7,6", 4),
    ("so-xay-dung", "7,2", 5),
    ("so-nong-nghiep-va-phat-trien-nong-thon", "7,0", 6),
    ("thanh-tra-tinh", "6,0", 7),
    ("so-tu-phap", "5,8", 8),
    ("so-khoa-hoc-va-cong-nghe", "5,0", 9),
]
# Bảng 1.6: agency, policy score (as printed), rank.
TABLE_1_6 = [
    ("so-cong-thuong", "10", 1),
    ("so-giao-thong-van-tai", "9,0", 2),
    ("so-thong-tin-va-truyen-thong", "9,0", 2),
    ("so-xay-dung", "9,0", 2),
    ("so-ke-hoach-va-dau-tu", "8,0", 3),
    ("so-y-te", "8,0", 3),
    ("thanh-tra-tinh", "8,0", 3),
    ("so-tai-nguyen-va-moi-truong", "7,0", 4),
    ("ban-dan-toc", "7,0", 4),
    ("so-ngoai-vu", "7,0", 4),
    ("so-giao-duc-va-dao-tao", "6,0", 5),
    ("so-noi-vu", "6,0", 5),
    ("so-lao-dong-thuong-binh-va-xa-hoi", "6,0", 5),
    ("so-tai-chinh", "5,0", 6),
    ("so-van-hoa-the-thao-va-du-lich", "5,0", 6),
    ("so-nong-nghiep-va-phat-trien-nong-thon", "4,0", 7),
    ("so-tu-phap", "4,0", 7),
    ("so-khoa-hoc-va-cong-nghe", "2,0", 8),
]

CATEGORY_TABLES = {
    "infrastructure": TABLE_1_1,
    "internal_use": TABLE_1_2,
    "public_services": TABLE_1_3,
    "security": TABLE_1_4,
    "staff": TABLE_1_5,
    "policy": TABLE_1_6,
}
