"""The LLR taxonomy: seeded by migration, one code namespace, read as plain data, CSV in/out."""

import io

import pytest
from django.contrib.auth.models import Group
from django.core.exceptions import ValidationError
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext

from cms.models import Collaborative, Pathway, Pledge
from cms.roles import Role
from cms.selectors import active_taxonomy
from cms.services import CSV_COLUMNS, taxonomy_export_csv, taxonomy_import_csv
from tests.cms.factories import PathwayFactory, PledgeFactory, staff_user

pytestmark = pytest.mark.django_db

PATHWAYS = {
    "annual-health-checks",
    "dynamic-support",
    "crisis-support",
    "respite-and-carers",
    "autism-team",
    "autism-assessment",
    "forensic",
    "hospital-discharge",
    "cyp-keyworker",
    "transitions",
    "leder",
}


def test_migration_seeds_the_13_pledges_in_order_and_the_11_pathways():
    assert list(Pledge.objects.values_list("code", flat=True)) == [
        f"pledge-{n}" for n in range(1, 14)
    ]
    assert list(Pledge.objects.values_list("number", flat=True)) == list(range(1, 14))
    assert set(Pathway.objects.values_list("code", flat=True)) == PATHWAYS
    lda = Collaborative.objects.get(code="lda-collaborative")
    assert set(lda.pathways.values_list("code", flat=True)) == PATHWAYS
    pledge9 = Pledge.objects.get(code="pledge-9")
    assert pledge9.collaborative == lda
    assert pledge9.keyword_list and pledge9.example_list and pledge9.easy_read


def test_publishing_roles_can_edit_the_taxonomy_and_glossary():
    editor = Group.objects.get(name=Role.EDITOR)
    codenames = set(editor.permissions.values_list("codename", flat=True))
    assert {
        "change_pledge",
        "add_pathway",
        "change_collaborative",
        "add_glossaryterm",
    } <= codenames


def test_active_taxonomy_is_plain_data_in_three_queries():
    Pathway.objects.filter(code="leder").update(active=False)
    with CaptureQueriesContext(connection) as queries:
        items = active_taxonomy()
    assert len(queries) == 3  # pledges, pathways, themes: one each
    codes = [i.code for i in items]
    assert codes[:13] == [f"pledge-{n}" for n in range(1, 14)]
    assert "leder" not in codes
    health = next(i for i in items if i.code == "annual-health-checks")
    assert health.kind == "pathway"
    assert health.collaborative == "lda-collaborative"
    assert isinstance(health.keywords, tuple) and health.keywords
    assert isinstance(health.examples, tuple) and health.examples


def test_a_code_is_unique_across_pledges_and_pathways():
    pathway = Pathway(code="pledge-1", name="Clash", description="x")
    with pytest.raises(ValidationError) as error:
        pathway.full_clean()
    assert "code" in error.value.message_dict


def csv_text(*rows: str) -> str:
    return "\r\n".join([",".join(CSV_COLUMNS), *rows]) + "\r\n"


def test_csv_round_trip_changes_nothing():
    out = io.StringIO()
    assert taxonomy_export_csv(out=out) == 24
    result = taxonomy_import_csv(source=out.getvalue())
    assert result.ok
    assert result.created == result.updated == []
    assert len(result.unchanged) == 24
    again = io.StringIO()
    taxonomy_export_csv(out=again)
    assert again.getvalue() == out.getvalue()


def test_csv_import_creates_and_updates_and_keeps_what_is_not_in_the_file():
    before = Pathway.objects.get(code="leder")
    result = taxonomy_import_csv(
        source=csv_text(
            "pledge-9,pledge,Health checks for all,New description,health check;AHC",
            "new-pathway,pathway,A new pathway,Something new,one;two ; ;three",
            "pledge-14,pledge,A 14th pledge,Something else,",
        )
    )
    assert result.ok, result.errors
    assert result.updated == ["pledge-9"]
    assert sorted(result.created) == ["new-pathway", "pledge-14"]
    pledge9 = Pledge.objects.get(code="pledge-9")
    assert pledge9.keyword_list == ["health check", "AHC"]
    assert pledge9.examples  # not in the CSV, so kept
    assert pledge9.revisions.count() == 1
    assert Pathway.objects.get(code="new-pathway").keyword_list == ["one", "two", "three"]
    assert Pledge.objects.get(code="pledge-14").number == 14
    assert Pathway.objects.get(code="leder").description == before.description


def test_csv_bad_rows_are_reported_and_good_rows_still_imported():
    result = taxonomy_import_csv(
        source=csv_text(
            "good-one,pathway,Good,Fine,a;b",
            "Bad Code!,pathway,Bad,x,",
            "pledge-1,pathway,Clash,Uses a pledge code,",
            "x-kind,service,Wrong kind,x,",
            "no-name,pathway,,x,",
            "good-one,pathway,Again,Duplicate,",
            "weird-pledge,pledge,Weird,x,",
            "pledge-99,pledge,Name,,",
        )
    )
    assert Pathway.objects.filter(code="good-one").exists()
    by_line = {e.line: e.message for e in result.errors}
    assert sorted(by_line) == [3, 4, 5, 6, 7, 8, 9]
    assert "small letters" in by_line[3]
    assert "pledge" in by_line[4] and "share codes" in by_line[4]
    assert "kind" in by_line[5]
    assert "name is empty" in by_line[6]
    assert "line 2" in by_line[7]
    assert "pledge-14" in by_line[8]
    assert "description is empty" in by_line[9]
    assert Pledge.objects.get(code="pledge-1").name != "Clash"
    assert not Pledge.objects.filter(code="weird-pledge").exists()


def test_csv_with_wrong_header_imports_nothing():
    result = taxonomy_import_csv(source="code,name\npledge-1,Changed\n")
    assert [e.line for e in result.errors] == [1]
    assert "Nothing was imported" in result.errors[0].message
    assert Pledge.objects.get(code="pledge-1").name == "Narrow the health gap"


def test_csv_export_guards_against_spreadsheet_formulas_and_round_trips():
    PathwayFactory(code="formula", name="=HYPERLINK(1)", description="-minus")
    out = io.StringIO()
    taxonomy_export_csv(out=out)
    assert "'=HYPERLINK(1)" in out.getvalue()
    result = taxonomy_import_csv(source=out.getvalue())
    assert "formula" in result.unchanged
    assert Pathway.objects.get(code="formula").name == "=HYPERLINK(1)"


def test_taxonomy_commands(tmp_path):
    path = tmp_path / "taxonomy.csv"
    call_command("taxonomy_export", str(path), stderr=io.StringIO())
    text = path.read_text(encoding="utf-8")
    assert text.startswith("code,kind,name,description,keywords")
    path.write_text(text + "bad code,pathway,x,y,\r\n", encoding="utf-8")
    out, err = io.StringIO(), io.StringIO()
    with pytest.raises(Exception, match="1 row"):
        call_command("taxonomy_import", str(path), stdout=out, stderr=err)
    assert "unchanged 24" in out.getvalue()
    assert "line 26" in err.getvalue()


def test_admin_csv_screen_imports_and_lists_bad_rows(client):
    client.force_login(staff_user())
    page = client.get("/admin/taxonomy/csv/")
    assert page.status_code == 200
    upload = io.BytesIO(csv_text("new-one,pathway,New,Desc,a", "bad,nope,x,y,").encode())
    upload.name = "taxonomy.csv"
    response = client.post("/admin/taxonomy/csv/", {"file": upload})
    assert response.status_code == 200
    assert b"Added 1" in response.content
    assert b"The kind must be" in response.content
    export = client.get("/admin/taxonomy/csv/export/")
    assert export["Content-Type"].startswith("text/csv")
    assert b"new-one,pathway,New,Desc,a" in export.content


def test_admin_csv_screen_needs_taxonomy_permissions(client):
    user = staff_user(
        superuser=False, username="safe", groups=[Group.objects.get(name=Role.SAFEGUARDING_LEAD)]
    )
    client.force_login(user)
    assert client.get("/admin/taxonomy/csv/").status_code in (302, 403)
    assert client.get("/admin/taxonomy/csv/export/").status_code in (302, 403)
    editor = staff_user(
        superuser=False, username="ed", groups=[Group.objects.get(name=Role.EDITOR)]
    )
    client.force_login(editor)
    assert client.get("/admin/taxonomy/csv/").status_code == 200


def test_pledges_are_editable_snippets_with_revisions(client):
    client.force_login(staff_user())
    pledge = PledgeFactory()
    response = client.get(f"/admin/snippets/cms/pledge/edit/{pledge.pk}/")
    assert response.status_code == 200
    assert client.get("/admin/snippets/cms/pathway/").status_code == 200
    assert client.get("/admin/snippets/easyread/glossaryterm/").status_code == 200
