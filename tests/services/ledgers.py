"""Earlier ledgers (台账) as stations keep them: the headers, rows and an .xlsx writer the ledger tests share."""

from __future__ import annotations

from datetime import datetime

from openpyxl import Workbook

HEADERS = [
    "序号",
    "登记日期",
    "投诉人",
    "联系电话",
    "被投诉人",
    "商品或服务",
    "类别",
    "性质",
    "金额（元）",
    "诉求",
    "处理结果",
    "挽回损失",
    "办结日期",
]


ROWS = [
    [1, datetime(2025, 3, 5), "张三", 13800138000, "新集镇华联超市", "海尔冰箱", "家用电子电器类", "质量问题",
     1550, "退货退款", "调解成功", 1550, datetime(2025, 3, 20)],
    [2, "2025/4/1", "李四", "0550-7654321", "王记饭店", "聚餐", "生活、社会服务类", "价格", "120.50",
     "退还多收费用", "和解", "60.5", "2025-04-03"],
    [3, "2025年5月6日", "王五", "13900139000", "某装修公司", "家装", "房屋装修及物业服务类", "合同", 30000,
     "", "不予受理", None, None],
    [4, "2025-06-01", "赵六", "13700137000", "顺达快递", "快递丢件", "邮政业服务", "售后服务", "200", "赔偿",
     None, None, None],
    [5, "2025-07-01", "钱七", "13600136000", "某4S店", "小轿车", "交通工具类", "质量", 150000, "换车",
     "调解不成，建议向法院起诉", None, "2025-08-30"],
    [6, "2025-07-02", "孙八", "13500135000", "康民药店", "感冒药", "医药及医疗用品类", "假冒", 50, "赔偿",
     "转办县市场监管局", None, "2025-07-03"],
]  # fmt: skip


def write_xlsx(path, headers, rows, *, title: str | None = "2025年消费投诉台账"):
    workbook = Workbook()
    sheet = workbook.active
    if title:
        sheet.append([title])  # a title row above the header (one cell: not the header)
    sheet.append(headers)
    for row in rows:
        sheet.append(row)
    sheet.append(["合计", None, None])
    workbook.save(path)
    return path


# A monthly sheet as stations keep it: a title merged across the top, then a two-row header whose 投诉人 spans
# 姓名 | 电话 (the ledger import joins the two rows).
TWO_ROW_TOP = [
    "序号",
    "登记日期",
    "投诉人",
    None,
    "被投诉人",
    "商品或服务",
    "类别",
    "性质",
    "金额（元）",
    "处理结果",
    "办结日期",
]
TWO_ROW_SUB = [None, None, "姓名", "电话", None, None, None, None, None, None, None]


def monthly_sheet(book, month: int, extra_columns: tuple[str, ...] = ()):
    """A new sheet 「N月」 of ``book`` with its merged title and two-row header (``extra_columns`` after them)."""
    sheet = book.create_sheet(f"{month}月")
    sheet.append([f"2025年{month}月消费投诉台账"])
    sheet.merge_cells(start_row=1, start_column=1, end_row=1, end_column=len(TWO_ROW_TOP))
    sheet.append([*TWO_ROW_TOP, *extra_columns])
    sheet.append([*TWO_ROW_SUB, *(None for _ in extra_columns)])
    sheet.merge_cells(start_row=2, start_column=3, end_row=2, end_column=4)  # 投诉人 over 姓名 | 电话
    return sheet
