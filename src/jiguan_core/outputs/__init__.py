"""The office's outputs, at the edge: the activity list (:mod:`jiguan_core.activity_list`) as
.docx, .xlsx and printable HTML, and pictures as self-contained SVG. Each writer returns the
file's content (bytes or text) and writes nothing; the command line writes the files.

.docx and .xlsx need the ``office`` extra (``pip install jiguan-core[office]``: python-docx,
openpyxl); without it they raise :class:`~jiguan_core.errors.MissingExtra`. HTML and SVG need
nothing beyond the standard library.
"""

from jiguan_core.outputs._common import BODY_FONTS, TITLE_FONTS, OfficeStyle
from jiguan_core.outputs.docx_writer import list_docx
from jiguan_core.outputs.html_writer import list_html, week_body_size
from jiguan_core.outputs.svg_charts import (
    coverage_svg,
    leaders_week_svg,
    list_pictures,
    workload_svg,
)
from jiguan_core.outputs.xlsx_writer import list_xlsx

__all__ = [
    "BODY_FONTS",
    "TITLE_FONTS",
    "OfficeStyle",
    "coverage_svg",
    "leaders_week_svg",
    "list_docx",
    "list_html",
    "list_pictures",
    "list_xlsx",
    "week_body_size",
    "workload_svg",
]
