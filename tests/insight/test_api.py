"""The read-only insight API: schema, tokens, same rules and same figures as the page."""

import pytest

from feedback.models import Response
from insight.api import insight_dict
from insight.models import ApiToken
from insight.services import api_token_create

from .factories import as_members_see, tagged_response

pytestmark = pytest.mark.django_db


def _data(world):
    for _ in range(11):
        tagged_response(world.survey, "pledge-t9", voice="self", area="leicester")
    tagged_response(world.survey, "pledge-t9", voice="carer", area="rutland")


def _auth(raw: str) -> dict:
    return {"HTTP_AUTHORIZATION": f"Bearer {raw}"}


def test_openapi_schema_is_valid_and_lists_the_paths(client, world):
    response = client.get("/api/v1/openapi.json")
    assert response.status_code == 200
    schema = response.json()
    assert schema["openapi"].startswith("3.")
    assert {"/api/v1/insight/", "/api/v1/insight/{code}/"} <= set(schema["paths"])
    detail = schema["paths"]["/api/v1/insight/{code}/"]["get"]
    assert detail["security"] == [{"TokenAuth": []}]
    assert "CountOut" in schema["components"]["schemas"]
    _check_openapi(schema)


def _check_openapi(schema: dict) -> None:
    """Structural checks (no OpenAPI validator is installed): every $ref resolves, every
    operation has an id and responses, every parameter is well formed, schemes exist."""
    assert schema["info"]["title"] and schema["info"]["version"]
    components = schema["components"]

    def walk(node):
        if isinstance(node, dict):
            ref = node.get("$ref")
            if ref is not None:
                section, name = ref.removeprefix("#/components/").split("/")
                assert name in components[section], ref
            for value in node.values():
                walk(value)
        elif isinstance(node, list):
            for value in node:
                walk(value)

    walk(schema)
    for path, item in schema["paths"].items():
        for method, op in item.items():
            assert method in {"get", "post", "put", "patch", "delete"}, (path, method)
            assert op["operationId"] and op["responses"], path
            for param in op.get("parameters", []):
                assert param["in"] in {"path", "query", "header"} and param["name"], param
                assert "schema" in param, param
                if param["in"] == "path":
                    assert param["required"] is True and "{" + param["name"] + "}" in path
            for requirement in op.get("security", []):
                assert set(requirement) <= set(components["securitySchemes"])


def test_no_token_or_a_wrong_token_is_401(client, world):
    assert client.get("/api/v1/insight/").status_code == 401
    assert client.get("/api/v1/insight/", **_auth("ev_not-a-token")).status_code == 401


def test_token_is_stored_hashed_and_can_be_revoked(client, world):
    client.force_login(world.member)
    page = client.post("/insight/tokens/", {"name": "Power BI"})
    raw = page.context["created"]["raw"]
    token = ApiToken.objects.get()
    assert raw not in (token.key_hash, token.prefix) and raw.startswith(token.prefix)
    client.logout()
    assert client.get("/api/v1/insight/", **_auth(raw)).status_code == 200
    client.force_login(world.member)
    client.post(f"/insight/tokens/{token.pk}/revoke/")
    client.logout()
    assert client.get("/api/v1/insight/", **_auth(raw)).status_code == 401


def test_same_access_rules_as_the_pages(client, world):
    _, raw = api_token_create(user=world.member, name="test")
    listed = client.get("/api/v1/insight/", **_auth(raw)).json()
    assert [item["theme"]["code"] for item in listed] == ["pledge-t9"]
    assert client.get("/api/v1/insight/pledge-t10/", **_auth(raw)).status_code == 403


def test_api_matches_the_page_with_and_without_filters(client, world):
    _data(world)
    _, raw = api_token_create(user=world.member, name="test")
    client.force_login(world.member)
    for query in ("", "voice=carer", "area=leicester&voice=self"):
        page = client.get(f"/insight/pledge-t9/?{query}").context["insight"]
        api = client.get(f"/api/v1/insight/pledge-t9/?{query}", **_auth(raw)).json()
        assert api == insight_dict(page), query
    api = client.get("/api/v1/insight/pledge-t9/?voice=carer", **_auth(raw)).json()
    assert api["total"] == {
        "value": None,
        "text": "fewer than 5",
        "suppressed": True,
        "rounded": False,
    }


def test_api_overview_matches_the_index_page(client, world):
    _data(world)
    _, raw = api_token_create(user=world.member, name="test")
    client.force_login(world.member)
    page = client.get("/insight/").context["pledges"]
    api = client.get("/api/v1/insight/", **_auth(raw)).json()
    everyone = as_members_see(Response.objects.filter(status="submitted"))
    assert [i["total"]["text"] for i in api] == [c.total.text for c in page] == [everyone.text]
    assert everyone.value in (10, 15)  # 12, rounded by the key


def test_bad_filters_are_422(client, world):
    _, raw = api_token_create(user=world.member, name="test")
    response = client.get("/api/v1/insight/pledge-t9/?voice=martian", **_auth(raw))
    assert response.status_code == 422
