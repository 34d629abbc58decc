"""A grade matrix (the grades as column headings, each area in a cell under its grade, as PEEL
reports since 2021 print their judgments) in a PDF, a saved web page or a Word document. A PDF's
is read from where each box sits on the page: pdfminer gives the cells in no reliable order, so
read as text each area took a wrong grade or none (inspections/report_reader/pdf_grade_table.py).
A web page's or Word document's cell often lists several areas, which ran into one name
(grade_matrix.py)."""

import io

from inspections.report_reader import read_report
from inspections.report_reader.grade_matrix import grade_run, matrix_rows
from inspections.report_reader.pdf_grade_table import Box, grade_tables

# Five headings on one row ("Requires improvement" wrapped on two lines), 90 points apart.
HEADINGS = [
    Box("Outstanding", 77, 131, 603, 613),
    Box("Good", 168, 192, 603, 613),
    Box("Adequate", 258, 301, 603, 613),
    Box("Requires improvement", 349, 407, 603, 625),
    Box("Inadequate", 440, 490, 603, 613),
]


def rows(boxes: list[Box]) -> list[str]:
    tables, _ = grade_tables(boxes)
    return [row for table in tables.values() for row in table]


def test_each_area_takes_the_grade_of_the_column_it_sits_in():
    cells = [
        Box("Police powers and public treatment", 168, 230, 561, 595),
        Box("Preventing crime", 258, 333, 561, 571),
        Box("Investigating crime", 440, 496, 561, 583),
        Box("Leadership and force management", 168, 237, 519, 553),
        Box("Protecting vulnerable people", 349, 395, 519, 553),
    ]
    paragraph = Box(
        "We also inspected how effective the force is at recording crime.", 78, 478, 456, 466
    )
    boxes = [*HEADINGS, *cells, paragraph]
    tables, taken = grade_tables(boxes)
    assert tables == {
        0: [
            "Police powers and public treatment\tGood",
            "Leadership and force management\tGood",
            "Preventing crime\tAdequate",
            "Protecting vulnerable people\tRequires improvement",
            "Investigating crime\tInadequate",
        ]
    }
    assert taken == set(range(10))  # the paragraph under the table is read as text


def test_a_cell_wider_than_its_heading_and_a_column_of_several_areas():
    """One row whose cells each list the areas of their grade (PEEL 2021/22), set left-aligned:
    "Preventing crime" reaches past the middle between "Good" and "Adequate"."""
    cells = [
        Box("Treatment of the public", 258, 332, 573, 595),
        Box("Responding to the public", 258, 323, 543, 565),
        Box("Developing a positive workplace", 258, 317, 471, 505),
        Box("Protecting vulnerable people", 349, 395, 501, 535),
        Box("Preventing crime", 168, 243, 513, 523),
        Box("Managing offenders and suspects", 168, 229, 471, 505),
    ]
    assert rows([*HEADINGS, *cells]) == [
        "Preventing crime\tGood",
        "Managing offenders and suspects\tGood",
        "Treatment of the public\tAdequate",
        "Responding to the public\tAdequate",
        "Developing a positive workplace\tAdequate",
        "Protecting vulnerable people\tRequires improvement",
    ]


def test_centred_cells_take_the_heading_nearest_their_centre():
    centred = [
        Box("Preventing crime", 148, 212, 570, 580),
        Box("Investigating crime", 432, 498, 570, 580),
    ]
    assert rows([*HEADINGS, *centred]) == [
        "Preventing crime\tGood",
        "Investigating crime\tInadequate",
    ]


def test_worst_first_and_a_four_point_scale_are_tables_too():
    headings = [
        Box("Inadequate", 80, 130, 600, 610),
        Box("Requires improvement", 180, 260, 600, 610),
        Box("Good", 280, 300, 600, 610),
        Box("Outstanding", 380, 430, 600, 610),
    ]
    assert rows([*headings, Box("Managing offenders", 275, 340, 570, 580)]) == [
        "Managing offenders\tGood"
    ]


def test_grades_out_of_order_twice_or_too_few_are_no_table():
    area = Box("Preventing crime", 168, 230, 570, 580)
    shuffled = [HEADINGS[1], Box("Outstanding", 258, 301, 603, 613), HEADINGS[3]]
    assert rows([*shuffled, area]) == []
    twice = [HEADINGS[1], Box("Good", 258, 301, 603, 613), HEADINGS[3]]
    assert rows([*twice, area]) == []
    assert rows([*HEADINGS[:2], area]) == []


def test_the_table_ends_at_a_box_across_columns_a_sentence_a_number_or_a_wide_gap():
    inside = Box("Preventing crime", 168, 230, 570, 580)
    for end in [
        Box("Across the columns", 78, 478, 550, 560),
        Box("The force is good at this.", 168, 230, 550, 560),
        Box("2019", 168, 190, 550, 560),
    ]:
        after = Box("Responding to the public", 258, 330, 530, 540)
        assert rows([*HEADINGS, inside, end, after]) == ["Preventing crime\tGood"]
    far_below = Box("Responding to the public", 258, 330, 400, 410)
    assert rows([*HEADINGS, inside, far_below]) == ["Preventing crime\tGood"]


def _pdf(
    title: str, grid: list[list[str]], widths: list[int], after: list[tuple[str, str]]
) -> bytes:
    """A page as reportlab sets it: the title, a line about judgments, the table (each cell a
    paragraph, so long names wrap in their column; widths in mm), then (style, text) pairs."""
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import getSampleStyleSheet
    from reportlab.lib.units import mm
    from reportlab.platypus import Paragraph, SimpleDocTemplate, Table

    styles = getSampleStyleSheet()
    body = styles["BodyText"]
    story = [
        Paragraph(title, styles["Title"]),
        Paragraph("We make graded judgments in the following areas:", body),
        Table(
            [[Paragraph(cell, body) for cell in row] for row in grid],
            colWidths=[width * mm for width in widths],
        ),
        *(Paragraph(text, styles[style]) for style, text in after),
    ]
    buffer = io.BytesIO()
    SimpleDocTemplate(buffer, pagesize=A4).build(story)
    return buffer.getvalue()


def _matrix_pdf() -> bytes:
    grid = [
        ["Outstanding", "Good", "Adequate", "Requires improvement", "Inadequate"],
        [
            "",
            "Police powers and public treatment",
            "Preventing crime",
            "Responding to the public",
            "Investigating crime",
        ],
        [
            "",
            "Leadership and force management",
            "Managing offenders",
            "Protecting vulnerable people",
            "",
        ],
    ]
    after = [
        ("BodyText", "We also inspected how effective the force is at recording crime."),
        ("Heading2", "Areas for improvement"),
        ("BodyText", "The force should answer emergency calls within national standards."),
    ]
    return _pdf("PEEL 2023–25: An inspection of Kent Police", grid, [32] * 5, after)


def test_a_pdf_grade_matrix_gives_every_area_its_grade():
    report = read_report(_matrix_pdf(), "kent-peel.pdf")
    assert {(j.area, j.grade) for j in report.judgments} == {
        ("Police powers and public treatment", "good"),
        ("Leadership and force management", "good"),
        ("Preventing crime", "adequate"),
        ("Managing offenders", "adequate"),
        ("Responding to the public", "requires_improvement"),
        ("Protecting vulnerable people", "requires_improvement"),
        ("Investigating crime", "inadequate"),
    }
    assert [f.text for f in report.findings] == [
        "The force should answer emergency calls within national standards."
    ]


EXPECTED = {
    ("Preventing crime", "good"),
    ("Managing offenders", "good"),  # the area's name in the framework's vocabulary
    ("Treatment of the public", "adequate"),
    ("Responding to the public", "adequate"),
    ("Protecting vulnerable people", "requires_improvement"),
    ("Good use of resources", "requires_improvement"),
}
LEAD = (
    "<h1>PEEL 2021/22: An inspection of Suffolk Constabulary</h1>"
    "<p>We make graded judgments in nine of these ten areas as follows:</p>"
)


def test_a_web_pages_grade_matrix_with_several_areas_in_a_cell():
    page = f"""<html><body><main>{LEAD}
    <table><thead><tr><th>Outstanding</th><th>Good</th><th>Adequate</th>
    <th>Requires improvement</th><th>Inadequate</th></tr></thead>
    <tbody><tr><td></td><td><p>Preventing crime</p><p>Managing offenders and suspects</p></td>
    <td><ul><li>Treatment of the public</li><li>Responding to the public</li></ul></td>
    <td>Protecting vulnerable people<br>Good use of resources</td><td></td></tr></tbody></table>
    <p>We also inspected how effective a service the constabulary gives to victims.</p>
    </main></body></html>"""
    report = read_report(page.encode(), "suffolk.html")
    assert {(j.area, j.grade) for j in report.judgments} == EXPECTED


def test_a_word_documents_grade_matrix_with_several_areas_in_a_cell():
    import docx

    document = docx.Document()
    document.add_heading("PEEL 2021/22: An inspection of Suffolk Constabulary", 0)
    document.add_paragraph("We make graded judgments in nine of these ten areas as follows:")
    table = document.add_table(rows=2, cols=5)
    for column, grade in enumerate(
        ["Outstanding", "Good", "Adequate", "Requires improvement", "Inadequate"]
    ):
        table.rows[0].cells[column].text = grade
    for column, areas in [
        (1, ["Preventing crime", "Managing offenders and suspects"]),
        (2, ["Treatment of the public", "Responding to the public"]),
        (3, ["Protecting vulnerable people", "Good use of resources"]),
    ]:
        cell = table.rows[1].cells[column]
        cell.text = areas[0]
        cell.add_paragraph(areas[1])
    buffer = io.BytesIO()
    document.save(buffer)
    report = read_report(buffer.getvalue(), "suffolk.docx")
    assert {(j.area, j.grade) for j in report.judgments} == EXPECTED


def test_a_table_headed_by_anything_but_the_scale_is_no_grade_matrix():
    assert matrix_rows([[["Good"], ["Adequate"], ["Good"]], [["A"], ["B"], ["C"]]]) is None
    assert matrix_rows([[["Area"], ["Grade"]], [["Preventing crime"], ["Good"]]]) is None
    assert matrix_rows([[["Outstanding"], ["Good"], ["Adequate"]], [[], ["Preventing crime"]]]) == [
        "Preventing crime\tGood"
    ]


def test_a_ticked_matrix_gives_each_labelled_row_the_grade_of_its_mark():
    """Areas as rows labelled on the left, a mark under the grade of each (PEEL 2018/19's
    pillars and questions, an OPCC paper's summary)."""
    headings = [
        Box("Outstanding", 199, 254, 674, 683),
        Box("Good", 279, 302, 674, 683),
        Box("Requires improvement", 339, 442, 674, 683),
        Box("Inadequate", 449, 500, 674, 683),
    ]
    labels = [
        Box("Effectiveness", 89, 149, 657, 666),
        Box("Efficiency", 89, 132, 640, 649),
        Box("Legitimacy", 89, 138, 623, 632),
    ]
    marks = [
        Box("✓", 229, 236, 640, 649),
        Box("✓", 299, 306, 657, 666),
        Box("✓", 299, 306, 623, 632),
    ]
    after = Box("The force's questions were graded as follows:", 78, 307, 536, 546)
    tables, taken = grade_tables([*headings, *labels, *marks, after])
    assert tables == {0: ["Effectiveness\tGood", "Efficiency\tOutstanding", "Legitimacy\tGood"]}
    assert len(taken) == 10  # the sentence under the table is read as text


def test_grade_headings_run_together_are_cut_apart():
    assert grade_run("requiresimprovementinadequate") == [
        (0, 19, "Requires improvement"),
        (19, 29, "Inadequate"),
    ]
    assert grade_run("goodadequate") == [(0, 4, "Good"), (4, 12, "Adequate")]
    assert grade_run("inadequate") is None  # one grade is a box of its own already
    assert grade_run("goodpractice") is None


def _ticked_pdf() -> bytes:
    grid = [
        ["", "Outstanding", "Good", "Requires improvement", "Inadequate"],
        # Marked with a cross: the standard fonts have no tick ("✓" in Helvetica is read "3").
        ["Effectiveness", "", "X", "", ""],
        ["Efficiency", "X", "", "", ""],
        ["Legitimacy", "", "", "X", ""],
    ]
    title = "PEEL: Police effectiveness, efficiency and legitimacy 2018/19: Norfolk Constabulary"
    return _pdf(title, grid, [40, 28, 20, 40, 25], [])


def test_a_pdfs_ticked_matrix_gives_every_pillar_its_grade():
    report = read_report(_ticked_pdf(), "norfolk-peel.pdf")
    assert {(j.area, j.grade) for j in report.judgments} == {
        ("Effectiveness", "good"),
        ("Efficiency", "outstanding"),
        ("Legitimacy", "requires_improvement"),
    }
