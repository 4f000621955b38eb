# Writes openpyxl-sales.xlsx, a workbook made by a producer other than the tests' Apache POI (openpyxl 3.0.9,
# Debian's python3-openpyxl). Run: /usr/bin/python3 make-openpyxl-fixture.py
# openpyxl saves formulas without their results, as a workbook never opened in Excel would have them.
import datetime
import openpyxl

book = openpyxl.Workbook()
sheet = book.active
sheet.title = "Orders"
sheet.append(["Orders export"])
sheet.append([])
sheet.append(["order", "placed", "shipped_at", "qty", "unit_price", "line_total", "paid", "customer"])
rows = [
    (1001, datetime.date(2024, 1, 31), datetime.datetime(2024, 2, 1, 9, 15), 2, 9.99, True, "Zoë Ångström"),
    (1002, datetime.date(2024, 2, 29), datetime.datetime(2024, 3, 1, 17, 0, 30), 1, 120.0, False, "René Müller"),
    (1003, datetime.date(2024, 3, 1), None, 5, 0.5, True, "“Quoted” & Co"),
]
for i, (order, placed, shipped, qty, price, paid, customer) in enumerate(rows, start=4):
    sheet.append([order, placed, shipped, qty, price, f"=D{i}*E{i}", paid, customer])
    sheet.cell(row=i, column=2).number_format = "dd.mm.yyyy"
sheet.merge_cells("H5:H6")
other = book.create_sheet("Rates")
other.append(["currency", "rate"])
other.append(["EUR", 1.0])
other.append(["CHF", 0.95])
book.save("openpyxl-sales.xlsx")
