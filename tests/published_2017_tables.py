"""The tables of Decision 3247/QĐ-UBND (Sơn La, 20 Dec 2017), written out as printed: 1-4 and section E.

Kept apart from the dataset files (rubrics/published/sonla-2017-it.yaml and -web.yaml) on
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

# Bảng 2: agency, total (as printed, decimal comma), band (the table's section), rank.
TABLE_2 = [
    ("huyen-song-ma", "70,0", "fair", 1),
    ("huyen-yen-chau", "69,8", "average", 2),
    ("huyen-phu-yen", "61,6", "average", 3),
    ("huyen-van-ho", "60,1", "average", 4),
    ("huyen-moc-chau", "59,5", "average", 5),
    ("huyen-sop-cop", "57,1", "average", 6),
    ("thanh-pho-son-la", "56,4", "average", 7),
    ("huyen-quynh-nhai", "51,8", "average", 8),
    ("huyen-mai-son", "47,9", "weak", 9),
    ("huyen-bac-yen", "47,0", "weak", 10),
    ("huyen-muong-la", "43,2", "weak", 11),
    ("huyen-thuan-chau", "41,7", "weak", 12),
]
# Bảng 2.1: agency, infrastructure score (as printed), rank.
TABLE_2_1 = [
    ("huyen-moc-chau", "4,0", 1),
    ("huyen-sop-cop", "4,0", 1),
    ("thanh-pho-son-la", "3,0", 2),
    ("huyen-yen-chau", "3,0", 2),
    ("huyen-van-ho", "3,0", 2),
    ("huyen-quynh-nhai", "3,0", 2),
    ("huyen-muong-la", "3,0", 2),
    ("huyen-song-ma", "2,0", 3),
    ("huyen-phu-yen", "2,0", 3),
    ("huyen-mai-son", "2,0", 3),
    ("huyen-bac-yen", "2,0", 3),
    ("huyen-thuan-chau", "2,0", 3),
]
# Bảng 2.2: agency, internal_use score (as printed), rank.
TABLE_2_2 = [
    ("huyen-yen-chau", "20,2", 1),
    ("huyen-song-ma", "19,5", 2),
    ("thanh-pho-son-la", "18,9", 3),
    ("huyen-van-ho", "18,4", 4),
    ("huyen-moc-chau", "17,9", 5),
    ("huyen-quynh-nhai", "17,8", 6),
    ("huyen-sop-cop", "17,7", 7),
    ("huyen-mai-son", "16,4", 8),
    ("huyen-phu-yen", "16,2", 9),
    ("huyen-bac-yen", "15,6", 10),
    ("huyen-muong-la", "15,1", 11),
    ("huyen-thuan-chau", "12,2", 12),
]
# Bảng 2.3: agency, public_services score (as printed), rank.
TABLE_2_3 = [
    ("huyen-yen-chau", "19,6", 1),
    ("huyen-phu-yen", "18,9", 2),
    ("huyen-song-ma", "17,5", 3),
    ("huyen-sop-cop", "14,7", 4),
    ("thanh-pho-son-la", "13,6", 5),
    ("huyen-quynh-nhai", "13,4", 6),
    ("huyen-moc-chau", "13,2", 7),
    ("huyen-van-ho", "13,2", 7),
    ("huyen-bac-yen", "11,6", 8),
    ("huyen-mai-son", "11,2", 9),
    ("huyen-muong-la", "9,2", 10),
    ("huyen-thuan-chau", "8,7", 11),
]
# Bảng 2.4: agency, commune score (as printed), rank.
TABLE_2_4 = [
    ("huyen-yen-chau", "10,2", 1),
    ("huyen-song-ma", "9,0", 2),
    ("huyen-van-ho", "7,0", 3),
    ("huyen-sop-cop", "6,9", 4),
    ("huyen-muong-la", "6,6", 5),
    ("huyen-quynh-nhai", "6,4", 6),
    ("huyen-bac-yen", "6,3", 7),
    ("huyen-moc-chau", "6,1", 8),
    ("thanh-pho-son-la", "6,1", 8),
    ("huyen-thuan-chau", "5,8", 9),
    ("huyen-phu-yen", "5,5", 10),
    ("huyen-mai-son", "5,1", 11),
]
# Bảng 2.5: agency, security score (as printed), rank.
TABLE_2_5 = [
    ("huyen-song-ma", "4,0", 1),
    ("huyen-van-ho", "3,5", 2),
    ("huyen-bac-yen", "3,5", 2),
    ("huyen-phu-yen", "3,0", 3),
    ("huyen-moc-chau", "2,3", 4),
    ("huyen-sop-cop", "2,0", 5),
    ("huyen-yen-chau", "1,9", 6),
    ("huyen-muong-la", "1,3", 7),
    ("huyen-mai-son", "1,2", 8),
    ("huyen-thuan-chau", "1,0", 9),
    ("thanh-pho-son-la", "0,8", 10),
    ("huyen-quynh-nhai", "0,4", 11),
]
# Bảng 2.6: agency, staff score (as printed), rank.
TABLE_2_6 = [
    ("huyen-song-ma", "10", 1),
    ("huyen-moc-chau", "9,0", 2),
    ("thanh-pho-son-la", "8,0", 3),
    ("huyen-thuan-chau", "8,0", 3),
    ("huyen-van-ho", "8,0", 3),
    ("huyen-phu-yen", "8,0", 3),
    ("huyen-sop-cop", "7,8", 4),
    ("huyen-quynh-nhai", "6,8", 5),
    ("huyen-mai-son", "6,0", 6),
    ("huyen-muong-la", "5,0", 7),
    ("huyen-bac-yen", "5,0", 7),
    ("huyen-yen-chau", "4,9", 8),
]
# Bảng 2.7: agency, policy score (as printed), rank.
TABLE_2_7 = [
    ("huyen-yen-chau", "10", 1),
    ("huyen-phu-yen", "8,0", 2),
    ("huyen-song-ma", "8,0", 2),
    ("huyen-moc-chau", "7,0", 3),
    ("huyen-van-ho", "7,0", 3),
    ("thanh-pho-son-la", "6,0", 4),
    ("huyen-mai-son", "6,0", 4),
    ("huyen-sop-cop", "4,0", 5),
    ("huyen-quynh-nhai", "4,0", 5),
    ("huyen-thuan-chau", "4,0", 5),
    ("huyen-muong-la", "3,0", 6),
    ("huyen-bac-yen", "3,0", 6),
]

DISTRICT_CATEGORY_TABLES = {
    "infrastructure": TABLE_2_1,
    "internal_use": TABLE_2_2,
    "public_services": TABLE_2_3,
    "commune": TABLE_2_4,
    "security": TABLE_2_5,
    "staff": TABLE_2_6,
    "policy": TABLE_2_7,
}
# Bảng 3 (web portals, departments): agency, total (as printed), band (the table's section), rank.
TABLE_3 = [
    ("so-noi-vu", "81,0", "good", 1),
    ("ban-dan-toc", "79,7", "fair", 2),
    ("so-cong-thuong", "76,5", "fair", 3),
    ("so-giao-duc-va-dao-tao", "74,0", "fair", 4),
    ("so-ke-hoach-va-dau-tu", "73,5", "fair", 5),
    ("so-xay-dung", "72,5", "fair", 6),
    ("so-tai-nguyen-va-moi-truong", "70,5", "fair", 7),
    ("thanh-tra-tinh", "69,2", "fair", 8),
    ("so-thong-tin-va-truyen-thong", "68,5", "fair", 9),
    ("so-giao-thong-van-tai", "61,5", "average", 10),
    ("so-tu-phap", "60,5", "average", 11),
    ("so-van-hoa-the-thao-va-du-lich", "60,0", "average", 12),
    ("so-khoa-hoc-va-cong-nghe", "51,5", "average", 13),
    ("so-y-te", "50,5", "average", 14),
    ("so-nong-nghiep-va-phat-trien-nong-thon", "41,0", "weak", 15),
    ("so-lao-dong-thuong-binh-va-xa-hoi", "38,5", "weak", 16),
    ("so-tai-chinh", "34,5", "weak", 17),
    ("so-ngoai-vu", "34,1", "weak", 18),
]
# Bảng 4 (web portals, districts): agency, total (as printed), band (the table's section), rank.
TABLE_4 = [
    ("huyen-moc-chau", "77,5", "fair", 1),
    ("huyen-yen-chau", "71,5", "fair", 2),
    ("huyen-phu-yen", "71,0", "fair", 3),
    ("huyen-mai-son", "66,0", "fair", 4),
    ("huyen-song-ma", "60,0", "average", 5),
    ("huyen-van-ho", "51,5", "average", 6),
    ("huyen-quynh-nhai", "42,5", "weak", 7),
    ("thanh-pho-son-la", "41,0", "weak", 8),
    ("huyen-sop-cop", "38,0", "weak", 9),
    ("huyen-bac-yen", "32,0", "weak", 10),
    ("huyen-thuan-chau", "31,0", "weak", 11),
    ("huyen-muong-la", "14,5", "weak", 12),
]

# The shares printed in the band-section headings of each table ("A. Mức khá (67%)").
SECTION_SHARES = {
    "1": {"fair": 67, "average": 28, "weak": 5},
    "2": {"fair": 8, "average": 59, "weak": 33},
    "3": {"good": 5, "fair": 45, "average": 28, "weak": 22},
    "4": {"fair": 33, "average": 17, "weak": 50},
}
# Section B/C (group means, leaders) and E (means and band-share tables), as printed.
SUMMARY_IT = {
    "provincial": {
        "assessed": 18,
        "mean": "68",
        "leader": ("so-thong-tin-va-truyen-thong", "83,8"),
        "shares": {"good": 0, "fair": 67, "average": 28, "weak": 5},
    },
    "district": {
        "assessed": 12,
        "mean": "56",
        "leader": ("huyen-song-ma", "70"),
        "shares": {"good": 0, "fair": 8, "average": 59, "weak": 33},
    },
    "overall_mean": "62",
}
SUMMARY_WEB = {
    "provincial": {
        "assessed": 18,
        "mean": "61",
        "leader": ("so-noi-vu", "81"),
        "shares": {"good": 5, "fair": 45, "average": 28, "weak": 22},
    },
    "district": {
        "assessed": 12,
        "mean": "50",
        "leader": ("huyen-moc-chau", "77,5"),
        "shares": {"good": 0, "fair": 33, "average": 17, "weak": 50},
    },
    "overall_mean": "55",
}
