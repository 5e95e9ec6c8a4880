"""Makes the PDF fixture from a Corpus notice, the way the ICO's notices look to pdftotext: A4 pages,
one block per paragraph, a reference footer on every page.

    pip install fpdf2
    python3 make-pdf-fixture.py ../../../Corpus/2024-03-26-ic-279903-f2h6-ofwat.txt ofwat-notice.pdf

Run once; the PDF is committed, so tests and CI need only poppler's pdftotext, not this script.
"""
import sys
from fpdf import FPDF

FONT = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"


def main(source, target):
    text = open(source, encoding="utf-8").read()
    reference = next((line.split(":", 1)[1].strip() for line in text.splitlines() if line.startswith("Reference:")), "")

    class Notice(FPDF):
        def footer(self):
            self.set_y(-15)
            self.set_font("body", size=8)
            self.cell(0, 8, f"{self.page_no()} Reference: {reference}", align="C")

    pdf = Notice(format="A4")
    pdf.add_font("body", fname=FONT)
    pdf.set_auto_page_break(auto=True, margin=20)
    pdf.add_page()
    pdf.set_font("body", size=11)
    for block in text.split("\n\n"):
        block = block.strip()
        if block:
            pdf.multi_cell(0, 6, block)
            pdf.ln(4)
    pdf.set_creation_date(__import__("datetime").datetime(2024, 3, 26))
    pdf.output(target)


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
