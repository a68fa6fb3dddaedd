"""The help of the commands and their options (trợ giúp), in Vietnamese and English.

Help texts go through argparse, which formats them with ``%``: a help text
here holds no ``%`` of its own. The refusals of the commands and argparse's
own messages are in :mod:`govindex.catalogue.cli`.
"""

from __future__ import annotations

from govindex.catalogue import Entry

__all__ = ["Help"]


class Help(Entry):
    """The help of the commands and their options."""

    PROG = (
        "help-prog",
        "Chấm điểm, xếp loại và xếp hạng cơ quan nhà nước theo các bộ chỉ số chính quyền số.",
        "Score, band and rank state agencies on digital-government indices.",
    )
    VERSION = ("help-version", "in phiên bản rồi thoát", "show the version and exit")
    COMMAND = ("help-command", "LỆNH", "COMMAND")
    INPUTS = ("help-inputs", "đọc bảng điểm", "reading score tables")
    OUTPUTS = ("help-outputs", "kết quả", "output")
    RUBRIC = (
        "help-rubric",
        "mã bộ tiêu chí có sẵn (xem `govindex rubrics`), mã bộ số liệu công bố, hoặc tệp bộ tiêu chí",
        "a bundled rubric id (see `govindex rubrics`), a published dataset id, or a rubric file",
    )
    RUBRIC_OPTION = (
        "help-rubric-option",
        "bộ tiêu chí (mã có sẵn hoặc tệp) để đối chiếu các tệp",
        "the rubric (bundled id or file) to check the files against",
    )
    SCORES = (
        "help-scores",
        "các tệp điểm: bảng CSV/XLSX (dạng rộng hoặc dạng dài), phiếu đã điền, tệp YAML/JSON, "
        "hoặc mã bộ số liệu công bố; nhiều tệp là một nhóm cơ quan",
        "score files: CSV/XLSX tables (wide or long form), filled forms, YAML/JSON files, or a published "
        "dataset id; several files are one cohort",
    )
    VALUES = (
        "help-values",
        "cách đọc giá trị: points (điểm, mặc định) hoặc index (tỷ lệ trên thang công bố của bộ tiêu chí: "
        "0,7804 của chỉ số 100 điểm là 78,04 điểm)",
        "how values are read: points (default), or index: a share of the node's maximum on the rubric's "
        "published scale (0.7804 of a 100-point index is 78.04 points)",
    )
    MERGE_INTO = (
        "help-merge-into",
        "chấm các đơn vị sau sắp xếp của năm sau theo danh mục cơ quan này (tệp hoặc mã): chỉ số chính của đơn vị "
        "hợp nhất là trung bình của các đơn vị tiền thân (như DTI 2024), xếp hạng thành nhóm riêng",
        "score the units after the next year's mergers in this agency directory (file or id) instead: a merged "
        "unit's main indices are the mean of its predecessors' (as the DTI 2024), ranked as a cohort of its own",
    )
    MERGE_YEAR = (
        "help-merge-year",
        "với --merge-into: các lần sắp xếp đến hết NĂM này (mặc định: năm sau năm của bộ tiêu chí)",
        "with --merge-into: the mergers up to the end of YEAR (default: the year after the rubric's)",
    )
    RULES = (
        "help-rules",
        "chạy tệp quy tắc Python này (định nghĩa RULES: tên → lớp quy tắc) cho các quy tắc bộ tiêu chí dùng "
        "(lặp lại được). Tệp quy tắc là mã lệnh và được chạy: chỉ dùng tệp tin cậy",
        "run this Python rules file (defining RULES: name → rule class) for rule names the rubric uses "
        "(repeatable). A rules file is code and is run as such: use only files you trust",
    )
    TRUST_RULES = (
        "help-trust-rules",
        "chạy các tệp quy tắc mà chính bộ tiêu chí nêu (khóa rule_files); không có tùy chọn này, đọc bộ tiêu chí "
        "không bao giờ chạy mã",
        "run the rules files the rubric itself names (its key rule_files); without it, reading a rubric never "
        "runs code",
    )
    REGISTRY = (
        "help-registry",
        "danh mục cơ quan (tệp CSV/YAML hoặc mã có sẵn) cho mã ổn định của cơ quan nêu theo tên, danh sách cơ quan "
        "của kỳ đánh giá và lịch sử sáp nhập",
        "an agency directory (a CSV or YAML file, or a bundled id) giving agencies named in a table their stable "
        "ids, the agencies of the round and their lineage",
    )
    SHEET = (
        "help-sheet",
        "trang tính của tệp .xlsx (mặc định: trang đầu tiên có dòng tiêu đề)",
        "the worksheet of an .xlsx table (default: the first with a header row)",
    )
    IGNORE_COLUMN = (
        "help-ignore-column",
        "bỏ qua cột có tiêu đề này (lặp lại được); cột lạ khác bị từ chối",
        "leave the column with this header unread (repeatable); any other unknown column is refused",
    )
    BLANK_ROWS = (
        "help-blank-rows",
        "dòng của cơ quan không có điểm nào: từ chối (refuse, mặc định) hoặc coi là chưa đánh giá (not-assessed)",
        "an agency's row without any score: refuse it (default), or report it as not assessed (not-assessed)",
    )
    MAX_BYTES = (
        "help-max-bytes",
        "từ chối tệp lớn hơn N byte trước khi đọc (mặc định: %(default)s)",
        "refuse a file larger than N bytes before reading it (default: %(default)s)",
    )
    MAX_CELLS = (
        "help-max-cells",
        "từ chối bảng có hơn N ô (mặc định: %(default)s)",
        "refuse a table of more than N cells (default: %(default)s)",
    )
    FORMAT = (
        "help-format",
        "định dạng kết quả (mặc định: theo phần mở rộng của --output, nếu không thì table)",
        "output format (default: from the --output extension, else table)",
    )
    OUTPUT = ("help-output", "ghi ra TỆP thay vì đầu ra chuẩn", "write to FILE instead of standard output")
    FORCE = (
        "help-force",
        "ghi đè tệp --output đã có (không có tùy chọn này, tệp đã có được giữ nguyên)",
        "write over an existing --output file (without it, an existing file is kept)",
    )
    LANG = (
        "help-lang",
        "ngôn ngữ: vi (tiếng Việt, dấu phẩy thập phân; mặc định) hoặc en (tiếng Anh)",
        "language: vi (Vietnamese, decimal comma; default) or en (English)",
    )
    EXCEL_VN = (
        "help-excel-vn",
        "CSV như Excel ở Việt Nam đọc: UTF-8 có BOM, dấu ';' giữa các ô, dấu phẩy thập phân",
        "CSV as Excel reads it in Vietnam: UTF-8 with BOM, ';' between cells, decimal comma",
    )
    TABLE = (
        "help-table",
        "chỉ in bảng này (CSV chỉ chứa một bảng: bảng đầu tiên nếu không nêu tên)",
        "show only this table (CSV holds one table: the first unless named)",
    )
    INDENT = (
        "help-indent",
        "thụt lề JSON N dấu cách (mặc định: JSON gọn trên một dòng)",
        "indent JSON by N spaces (default: compact JSON on one line)",
    )
    PLOT = (
        "help-plot",
        "vẽ thêm biểu đồ ra TỆP.png hoặc TỆP.svg (cần gói mở rộng plot)",
        "also draw a chart to FILE.png or FILE.svg (extra 'plot')",
    )
    # score
    SCORE = ("help-score", "chấm điểm, xếp loại và xếp hạng", "score, band and rank the agencies of score files")
    SCORE_DESCRIPTION = (
        "help-score-description",
        "Chấm điểm, xếp loại và xếp hạng các cơ quan của một hay nhiều tệp điểm theo một bộ tiêu chí. Tệp điểm là "
        "bảng CSV hoặc XLSX (dòng tiêu đề nêu cột cơ quan theo mã hoặc tên, rồi mỗi tiêu chí một cột), dạng dài "
        "agency,group,node,score, phiếu đã điền, hoặc tệp YAML/JSON; dấu chấm hoặc dấu phẩy thập phân; ô trống là "
        "chưa có điểm. Nhiều tệp được đọc cùng nhau; một cơ quan có mặt ở hai tệp bị từ chối.",
        "Score, band and rank the agencies of one or more score files under a rubric. A score file is a CSV or "
        "XLSX table (a header row naming the agency column, by id or by name, then a column per criterion), its "
        "long form agency,group,node,score, a filled form, or a YAML/JSON file; a decimal point or a decimal "
        "comma; an empty cell means 'not given'. Several files are read together; an agency found in two of "
        "them is refused.",
    )
    # validate
    VALIDATE = (
        "help-validate",
        "kiểm tra tệp bộ tiêu chí, tệp đánh giá và bảng điểm, liệt kê mọi lỗi",
        "check rubric, assessment and score files and list every problem",
    )
    VALIDATE_DESCRIPTION = (
        "help-validate-description",
        "Kiểm tra tệp bộ tiêu chí, tệp đánh giá (YAML/JSON) và bảng điểm (CSV/XLSX). Mọi lỗi được liệt kê với "
        "tệp, dòng (hoặc trang!ô), cơ quan và tiêu chí, không chỉ lỗi đầu tiên. Mã thoát 2 khi có lỗi.",
        "Check rubric files, assessment files (YAML/JSON) and score tables (CSV/XLSX). Every problem is listed "
        "with its file, line (or sheet!cell), agency and criterion, not only the first. Exit status 2 when any "
        "is found.",
    )
    FILES = ("help-files", "các tệp cần kiểm tra", "files to check")
    TOGETHER = (
        "help-together",
        "các bảng điểm là một nhóm cơ quan như `govindex score` đọc: một cơ quan ở hai tệp là lỗi",
        "the score files are one cohort, as `govindex score` reads them: an agency in two of them is a problem",
    )
    MAX_PROBLEMS = (
        "help-max-problems",
        "liệt kê tối đa N lỗi của mỗi tệp, rồi số lỗi còn lại (mặc định: %(default)s)",
        "list at most N problems of each file, then how many more there are (default: %(default)s)",
    )
    # explain
    EXPLAIN = (
        "help-explain",
        "giải thích điểm của một cơ quan trên một tiêu chí (mặc định: tổng điểm)",
        "explain how an agency's score on a node (default: the total) came to be",
    )
    EXPLAIN_DESCRIPTION = (
        "help-explain-description",
        "Chấm điểm các cơ quan của các tệp điểm và giải thích điểm của một cơ quan trên một tiêu chí (mặc định: "
        "tổng điểm): điểm đã cho hoặc tổng các tiêu chí con, mỗi quy tắc đã đặt hay đổi điểm với công thức, dữ "
        "liệu và căn cứ pháp lý, quy tắc đã đọc dữ kiện mà không đổi gì, xếp loại và xếp hạng trong cả nhóm. "
        "Các đối số cuối không phải tệp là CƠ-QUAN [TIÊU-CHÍ]; cơ quan nêu theo mã hoặc tên.",
        "Score the agencies of the score files and explain one agency's score on one node (default: the "
        "total): the score given or the sum of its children, every rule that set or changed it with its "
        "formula, inputs and legal basis, the rules that read its facts and changed nothing, its band and its "
        "rank in the whole cohort. The last arguments that are not files are AGENCY [NODE]; the agency by id "
        "or by name.",
    )
    EXPLAIN_ITEMS = (
        "help-explain-items",
        "các tệp điểm (hoặc mã bộ số liệu công bố), rồi CƠ-QUAN (mã hoặc tên) và có thể TIÊU-CHÍ (mã tiêu chí "
        "hoặc trụ cột)",
        "score files (or a published dataset id), then AGENCY (id or name) and optionally NODE (a node or view id)",
    )
    AGENCY = ("help-agency", "cơ quan (mã hoặc tên)", "the agency (id or name)")
    NODE = ("help-node", "tiêu chí hoặc trụ cột (mặc định: tổng điểm)", "a node or view id (default: the total)")
    # report
    REPORT = (
        "help-report",
        "điểm trung bình theo nhóm, số lượng và tỷ lệ theo mức xếp loại, cơ quan dẫn đầu",
        "group means, band counts and shares, leaders",
    )
    REPORT_DESCRIPTION = (
        "help-report-description",
        "Chấm điểm và tổng hợp như quyết định công bố: điểm trung bình từng nhóm, trung bình chung (trung bình "
        "không trọng số của các nhóm) và trung bình gộp, số lượng và tỷ lệ theo mức xếp loại (phần trăm nguyên "
        "cộng lại bằng 100), các cơ quan dẫn đầu.",
        "Score and summarise as the decisions publish it: the mean of each group, the overall mean (the "
        "unweighted mean of the group means) and the pooled mean, band counts and shares as whole percentages "
        "summing to 100, and the leaders of each group.",
    )
    TOP = ("help-top", "cơ quan dẫn đầu: xếp hạng N trở lên (mặc định: 3)", "leaders: ranked N or better (default: 3)")
    DECIMALS = (
        "help-decimals",
        "số chữ số thập phân của điểm trung bình (mặc định: của bộ tiêu chí)",
        "decimals of the means (default: the rubric's)",
    )
    CHART = (
        "help-chart",
        "biểu đồ --plot vẽ: bands (số lượng theo mức), shares (tỷ lệ) hoặc ranking (xếp hạng); mặc định bands",
        "the chart --plot draws: bands (counts per group), shares, or ranking (default: bands)",
    )
    # publish
    PUBLISH = (
        "help-publish",
        "ghi phụ lục kết quả của quyết định công bố (Word, Excel, HTML hoặc Markdown)",
        "write the appendix of a results decision (Word, Excel, HTML or Markdown)",
    )
    PUBLISH_DESCRIPTION = (
        "help-publish-description",
        "Chấm điểm và ghi phụ lục của quyết định công bố kết quả như Quyết định 3247/QĐ-UBND: mỗi nhóm cơ quan "
        "một bảng xếp hạng chia theo mức xếp loại với tỷ lệ, một bảng cho mỗi chỉ số chính và mỗi trụ cột, chỉ "
        "số công bố bên cạnh điểm khi bộ tiêu chí có thang công bố, phần tổng hợp, các cơ quan chưa đánh giá "
        "với lý do và, với --missing list, các cơ quan trong danh mục chưa nộp phiếu. Mỗi trang nêu nguồn điểm "
        "(tự đánh giá, thẩm định, đã công bố). Định dạng theo --format hoặc phần mở rộng của --output: .docx, "
        ".xlsx, .html, .md. Với --each-agency: mỗi cơ quan một thông báo kết quả trong thư mục --output.",
        "Score and write the appendix of the results decision, laid out as Decision 3247/QĐ-UBND prints it: per "
        "agency group the ranking split into band sections with their shares, one ranking per main index and "
        "per view (the DTI's pillars), the published index beside the points when the rubric has a publication "
        "scale, the summary, the agencies not assessed with the reason and, with --missing list, the agencies of "
        "the directory that sent no form. Every page says where the scores come from (self-assessed, appraised, "
        "published). The format from --format or the extension of --output: .docx, .xlsx, .html, .md. With "
        "--each-agency: one result sheet per agency in the folder --output.",
    )
    MISSING = (
        "help-missing",
        "cơ quan trong danh mục của tỉnh chưa nộp phiếu: từ chối công bố (mặc định) hoặc liệt kê trong một mục "
        "của phụ lục; danh mục là của tỉnh theo bộ tiêu chí hoặc --registry",
        "agencies of the province's list that sent no form: refuse to publish (default) or list them in a section "
        "of the appendix; the list is the rubric's province's directory or --registry",
    )
    EACH_AGENCY = (
        "help-each-agency",
        "ghi mỗi cơ quan một thông báo kết quả vào thư mục --output (tên tệp theo mã cơ quan): tổng điểm, xếp "
        "loại, thứ hạng, từng tiêu chí, các quy định đã áp dụng và tài liệu kiểm chứng; định dạng theo --format "
        "(mặc định docx)",
        "write one result sheet per agency into the folder --output, named from the agency's id: total, band, "
        "rank, each criterion, the rules applied and the evidence; in the format of --format (default docx)",
    )
    SELF_FILES = (
        "help-self-files",
        "với --each-agency: các tệp tự đánh giá của cơ quan, ghi bên cạnh điểm của SCORES",
        "with --each-agency: the agencies' self-assessments, shown beside the scores of SCORES",
    )
    TITLE = (
        "help-title",
        "tiêu đề phụ lục (mặc định: của bộ tiêu chí)",
        "the appendix's title (default: the rubric's)",
    )
    SUBTITLE = (
        "help-subtitle",
        "dòng dưới tiêu đề (mặc định: quyết định kèm theo)",
        "the line under the title (default: the decision it is attached to)",
    )
    CAPTION = (
        "help-caption",
        "chú thích của một bảng: NHÓM.TIÊU-CHÍ=VĂN-BẢN (lặp lại được)",
        "the caption of one table: GROUP.NODE=TEXT (repeatable)",
    )
    MEAN_DECIMALS = (
        "help-mean-decimals",
        "số chữ số thập phân của điểm trung bình in ra",
        "decimals of the printed means",
    )
    FIRST_TABLE = ("help-first-table", "số của bảng đầu tiên (Bảng N.)", "the number of the first table (Bảng N.)")
    # reconcile
    RECONCILE = (
        "help-reconcile",
        "đối chiếu kết quả tự đánh giá với kết quả thẩm định, hoặc với số liệu công bố",
        "compare a self-assessment with the appraisal, or with published figures",
    )
    RECONCILE_DESCRIPTION = (
        "help-reconcile-description",
        "Chấm điểm phần tự đánh giá và phần thẩm định của cùng các cơ quan theo một bộ tiêu chí và liệt kê theo "
        "từng cơ quan các tiêu chí chênh lệch (lớn nhất trước; chênh = thẩm định - tự đánh giá) và ảnh hưởng tới "
        "tổng điểm, xếp loại, xếp hạng. Với --published: đối chiếu với bảng số liệu công bố.",
        "Score a self-assessment and the appraisal of the same agencies under one rubric, and list per agency "
        "the nodes that differ (largest first; difference = appraised - self) and the effect on total, band and "
        "rank. With --published: against a published table.",
    )
    RECONCILE_FILES = (
        "help-reconcile-files",
        "TỰ-ĐÁNH-GIÁ THẨM-ĐỊNH; với --appraised, mọi TỆP là phần tự đánh giá; với --published, các tệp điểm",
        "SELF APPRAISED; with --appraised, every FILE is part of the self-assessment; with --published, the "
        "score files",
    )
    APPRAISED = (
        "help-appraised",
        "phần thẩm định gồm một hay nhiều tệp (các TỆP trước đó là phần tự đánh giá)",
        "the appraisal as one or more files (then the FILEs before are the self-assessment)",
    )
    PUBLISHED = (
        "help-published",
        "bảng số liệu công bố (CSV: agency,published[,rank]): với từng cơ quan, khớp, chênh do làm tròn, hoặc "
        "sai khác; mã thoát 1 khi có sai khác",
        "a published table (CSV: agency,published[,rank]): per agency an exact match, a difference the "
        "rounding explains, or a real difference; exit status 1 on a real difference",
    )
    # compare
    COMPARE = (
        "help-compare",
        "so sánh kết quả giữa các năm: thay đổi thứ hạng, điểm, xếp loại, sáp nhập",
        "compare results across years: rank movement, score and band change, mergers",
    )
    COMPARE_DESCRIPTION = (
        "help-compare-description",
        "So sánh hai hay nhiều kết quả, cũ trước: với từng cơ quan, thứ hạng mỗi kỳ và số bậc tăng (+) hay giảm "
        "(-) trong nhóm, thay đổi điểm và xếp loại, và với danh mục cơ quan, các lần sáp nhập. Mỗi đầu vào là "
        "[NHÃN=]NGUỒN: BỘ-TIÊU-CHÍ:TỆP-ĐIỂM, KẾT-QUẢ.json (của `govindex score --format json`) hoặc mã bộ số "
        "liệu công bố. Các tùy chọn đọc bảng điểm áp dụng cho mọi BỘ-TIÊU-CHÍ:TỆP-ĐIỂM.",
        "Compare two or more results, oldest first: per agency the rank in each period and the places gained "
        "(+) or lost (-) within its group, the score and band change, and, with a registry, mergers. Each input "
        "is [LABEL=]SOURCE: RUBRIC:SCORES, RESULT.json (from `govindex score --format json`) or a published "
        "dataset id. The options of reading score tables apply to every RUBRIC:SCORES.",
    )
    OLD = ("help-old", "kết quả cũ hơn", "the older result")
    NEW = ("help-new", "một hay nhiều kết quả mới hơn, cũ trước", "one or more newer results, oldest first")
    # template
    TEMPLATE = (
        "help-template",
        "ghi biểu mẫu để điền: phiếu tự đánh giá, bảng điểm thẩm định của cả nhóm, phiếu thẩm định",
        "write forms to fill in: self-assessment forms, the cohort sheet, appraisal forms",
    )
    TEMPLATE_DESCRIPTION = (
        "help-template-description",
        "Ghi biểu mẫu Excel cho bộ tiêu chí. Với --group và --agency: phiếu tự đánh giá (phiếu tự chấm) của cơ "
        "quan đó, mỗi tiêu chí một dòng, các dòng tiêu chí cộng bằng công thức, kèm các thông tin về cơ quan mà "
        "quy tắc của bộ tiêu chí cần. Chỉ với --group: bảng điểm thẩm định, mỗi cơ quan một dòng (theo danh mục "
        "cơ quan) và mỗi tiêu chí con một cột. Với --from TỆP_TỰ_ĐÁNH_GIÁ...: phiếu thẩm định cho từng cơ quan, "
        "điền sẵn điểm tự chấm (khóa) để sửa kèm lý do. Biểu mẫu đã điền được score, collect, reconcile và "
        "validate đọc lại. Cần gói mở rộng excel.",
        "Write Excel forms for a rubric. With --group and --agency: that agency's self-assessment form, one row "
        "per criterion, its criterion rows adding up by formulas, asking the agency facts the rubric's rules "
        "read. With --group alone: the appraisal team's cohort sheet, one row per agency of the group (from the "
        "agency directory) and one column per sub-criterion. With --from SELF_FILE...: per agency of those "
        "self-assessments, its appraisal form, pre-filled with the self-assessed points (locked) to change with "
        "a reason. Filled forms are read back by score, collect, reconcile and validate. Needs the excel extra.",
    )
    TEMPLATE_FROM = (
        "help-template-from",
        "các tệp tự đánh giá (phiếu đã điền, bảng hoặc YAML): mỗi cơ quan trong đó một phiếu thẩm định",
        "self-assessment files (filled forms, tables or YAML): an appraisal form per agency they hold",
    )
    TEMPLATE_OUTPUT = (
        "help-template-output",
        "tệp Excel cần ghi; với --from, một thư mục (mỗi cơ quan một tệp MÃ-CƠ-QUAN.xlsx) hoặc, nếu chỉ một cơ "
        "quan, một tệp",
        "the workbook to write; with --from, a folder (one AGENCY-ID.xlsx each) or, for one agency, a file",
    )
    COLLECT = (
        "help-collect",
        "gộp các phiếu đã điền và tệp điểm vào một tệp, kiểm tra cùng nhau",
        "collect filled forms and score files into one file, checked together",
    )
    COLLECT_DESCRIPTION = (
        "help-collect-description",
        "Đọc cùng nhau các phiếu đã điền (tự đánh giá, thẩm định, bảng điểm) và tệp điểm, liệt kê mọi lỗi của "
        "mọi tệp và từ chối cơ quan có mặt ở hai tệp (nêu cả hai), rồi ghi mọi cơ quan vào một tệp: YAML hoặc "
        "JSON (nguồn, thông tin cơ quan, điểm, minh chứng và lý do), hoặc bảng CSV/XLSX dạng dài (kèm minh "
        "chứng), theo phần mở rộng của --output.",
        "Read filled forms (self-assessment, appraisal, cohort sheets) and score files together, every problem "
        "of every file listed and an agency found in two files refused naming both, then write every agency in "
        "one file: YAML or JSON (source, flags, facts, scores, evidence and reasons), or a long CSV or XLSX "
        "table (with evidence), by the extension of --output.",
    )
    COLLECT_FILES = (
        "help-collect-files",
        "các phiếu đã điền và tệp điểm; một thư mục là các tệp điểm trong đó",
        "filled forms and score files; a folder stands for its score files",
    )
    COLLECT_OUTPUT = (
        "help-collect-output",
        "tệp cần ghi (.xlsx .csv .yaml .json)",
        "the file to write (.xlsx .csv .yaml .json)",
    )
    GROUP = ("help-group", "nhóm cơ quan (ví dụ provincial, district)", "the agency group (e.g. provincial, district)")
    FORM_AGENCY = (
        "help-form-agency",
        "cơ quan (tên hoặc mã) của phiếu tự đánh giá",
        "the agency (its name or id) for a self-assessment form",
    )
    FORM_OUTPUT = ("help-form-output", "tệp Excel cần ghi", "the workbook to write")
    SERVE = (
        "help-serve",
        "chạy API HTTP và trang để cơ quan tự kiểm tra phiếu (gói mở rộng server)",
        "serve the HTTP API and the page where an agency checks its form (extra 'server')",
    )
    SERVE_DESCRIPTION = (
        "help-serve-description",
        "Chạy govindex qua HTTP: API JSON (score, validate, explain, publish, reconcile, template, rubrics; "
        "/openapi.json và trang /docs) và, tại /, trang để cơ quan kiểm tra phiếu đã điền. Chỉ nghe trên "
        "127.0.0.1 nếu không được chỉ định khác. Cần gói mở rộng server (Litestar, uvicorn).",
        "Serve govindex over HTTP: the JSON API (score, validate, explain, publish, reconcile, template, rubrics; "
        "/openapi.json and its page /docs) and, at /, the page where an agency checks its filled form. Listens "
        "on 127.0.0.1 unless told otherwise. Needs the extra 'server' (Litestar, uvicorn).",
    )
    SERVE_HOST = (
        "help-serve-host",
        "địa chỉ lắng nghe (mặc định: 127.0.0.1)",
        "the address to listen on (default: 127.0.0.1)",
    )
    SERVE_PORT = ("help-serve-port", "cổng (mặc định: 8000)", "the port (default: 8000)")
    SERVE_WORKERS = ("help-serve-workers", "số tiến trình phục vụ (mặc định: 1)", "worker processes (default: 1)")
    SERVE_TOKEN = (
        "help-serve-token",
        "yêu cầu mọi truy vấn /api/ có mã truy cập (bearer token) trong TỆP (mặc định: biến GOVINDEX_TOKEN nếu "
        "có; nếu không, không yêu cầu)",
        "ask every /api/ request for the bearer token in FILE (default: GOVINDEX_TOKEN, if set; else none)",
    )
    SERVE_MAX_BYTES = (
        "help-serve-max-bytes",
        "từ chối truy vấn có nội dung lớn hơn N byte (mặc định: {default})",
        "refuse a request body larger than N bytes (default: {default})",
    )
    SERVE_MAX_CELLS = ("help-serve-max-cells", "từ chối bảng có hơn N ô", "refuse a table of more than N cells")
    SERVE_TIMEOUT = (
        "help-serve-timeout",
        "từ chối truy vấn chạy lâu hơn S giây (mặc định: {default})",
        "refuse a request that runs longer than S seconds (default: {default})",
    )
    # rubrics, schema, reproduce
    RUBRICS = ("help-rubrics", "liệt kê các bộ tiêu chí có sẵn", "list the bundled rubrics")
    RUBRICS_DESCRIPTION = (
        "help-rubrics-description",
        "Liệt kê các bộ tiêu chí có sẵn: căn cứ pháp lý, nhóm cơ quan, điểm tối đa, cách xếp hạng đồng điểm, "
        "thang công bố và trụ cột.",
        "List the bundled rubrics: legal basis, groups, maxima, tie policy, publication scale and views.",
    )
    SCHEMA = (
        "help-schema",
        "in JSON Schema của tệp bộ tiêu chí hoặc tệp đánh giá",
        "print the JSON Schema of rubric or assessment files",
    )
    SCHEMA_DESCRIPTION = (
        "help-schema-description",
        "In JSON Schema của một định dạng tệp của govindex, để kiểm tra tệp trong hệ thống khác.",
        "Print the JSON Schema of a govindex file format, for validating files in other systems.",
    )
    KIND = ("help-kind", "rubric hoặc assessment", "rubric or assessment")
    REPRODUCE = (
        "help-reproduce",
        "tính lại một kết quả đã công bố và kiểm tra từng số liệu công bố",
        "recompute a published result and check every published figure",
    )
    REPRODUCE_DESCRIPTION = (
        "help-reproduce-description",
        "Tính lại một kết quả đã công bố từ điểm và kiểm tra mọi số liệu quyết định đã in: tổng điểm, xếp loại, "
        "xếp hạng, xếp hạng theo hạng mục, cơ quan chưa đánh giá, điểm trung bình, cơ quan dẫn đầu và tỷ lệ theo "
        "mức. Mã thoát 1 khi có sai khác; sai sót đã ghi nhận của văn bản và chênh do làm tròn không phải sai khác.",
        "Recompute a published result from its scores and check every figure the decision printed: totals, "
        "bands, ranks, ranks per category, agencies not assessed, means, leaders and band shares. Exit status 1 "
        "on any difference; a recorded error of the source and a difference the rounding explains are none.",
    )
    DATASET = (
        "help-dataset",
        "mã bộ số liệu công bố có sẵn hoặc tệp bộ số liệu",
        "a bundled dataset id or a dataset file",
    )
