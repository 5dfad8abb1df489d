"""A post belongs to the body the text ties it to (issues 14 and 18): another council's Director is that council's,
a Secretary of State's post is nobody's council post, and a council post named with no body is the publisher's."""

from __future__ import annotations

from caregraph.pipeline.build import build
from caregraph.store import open_store

PAGE = """Children's Services Improvement - Cabinet, Tuesday, 4th June, 2024 10.00 am

The peer review was led by Gloucestershire County Council's Director of Children's Services, Jane Example.
A letter from the Secretary of State for Education, Sam Sample MP, was noted.
Councillor Pat Person, Cabinet Member for Children and Families, introduced the report.
"""

QUERY = """
SELECT ?title ?body WHERE {
  ?post a cg:Post ; skos:prefLabel ?title .
  OPTIONAL { ?post org:postIn ?body }
}"""


def test_posts_are_filed_under_the_body_the_text_names(tmp_path):
    folder = tmp_path / "docs"
    folder.mkdir()
    (folder / "page.txt").write_text(PAGE, encoding="utf-8")
    (folder / "manifest.csv").write_text(
        "file,url\npage.txt,https://worcestershire.moderngov.co.uk/mgAi.aspx?ID=1\n", encoding="utf-8"
    )
    with open_store(tmp_path / "store") as store:
        build(store, [folder], manifest=folder / "manifest.csv")
        from caregraph.query import run_query

        rows = {r["title"]: r["body"] or "" for r in run_query(store, QUERY, inline=True).values()}
    assert rows["Director of Children's Services"].endswith("/council/gloucestershire")
    assert rows["Secretary of State for Education"] == ""
    assert rows["Cabinet Member for Children and Families"].endswith("/council/worcestershire")
