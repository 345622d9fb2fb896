"""Hostile requests: malformed and oversized query strings, SQL-looking searches, path
traversal in slugs, open redirects after login and from the basket, and CSRF on every form
that changes something."""

import pytest
from django.contrib.auth import get_user_model
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse

from candidates.models import Candidate
from results.models import ImportBatch
from tests.security.hostile import Findings, audit_response
from tests.support import factories
from tests.support.world import public_patterns

HOSTILE_QUERIES = [
    "q=%ff%fe%00",
    "q=" + "a" * 100_000,
    "&".join(f"f{n}=x" for n in range(5_000)),
    "page=-1",
    "page=abc",
    "page=99999999999999999999999999",
    "page=1e308",
    "style=%3Cscript%3Ealert(1)%3C/script%3E",
    "format=%22%3E%3Csvg%20onload=alert(1)%3E",
    "next=javascript:alert(1)",
    "q[]=x&q[]=y",
    "%3Cscript%3E=1",
    "year=2024%27%20OR%201=1--",
    "party=%00",
    "jurisdiction=../../etc/passwd",
]
SQL_LOOKING_TERMS = [
    "' OR 1=1 --",
    '"; DROP TABLE candidates_candidate; --',
    "%' UNION SELECT password FROM auth_user --",
    "%",
    "_",
    "\\",
    "')) OR ((1=1",
    "!& | :* <-> (",
    "palmer' AND pg_sleep(5) --",
    "1; SELECT * FROM auth_user",
]
TRAVERSALS = [
    "/candidates/..%2F..%2Fetc%2Fpasswd/",
    "/candidates/%2e%2e/",
    "/sources/..%5c..%5cballotdesk%5csettings.py/",
    "/contests/%252e%252e%252fsettings/",
    "/places/....//....//etc/passwd/",
    "/quotes/1%2F..%2F..%2F/",
    "/cite/quote/1.%2e%2e%2f%2e%2e%2fetc%2fpasswd",
    "/cite/../../../etc/passwd",
    "/static/../ballotdesk/settings.py",
    "/static/..%2fballotdesk%2fsettings.py",
    "/static/%2e%2e/%2e%2e/etc/passwd",
    "/feeds/..%2f..%2fsettings.py",
]
FOREIGN_TARGETS = [
    "https://evil.example/",
    "//evil.example/",
    "/\\evil.example/",
    "https:evil.example",
    "javascript:alert(1)",
    "http://testserver@evil.example/",
]


def parameterless_pages():
    for name, _route, takes_arguments in public_patterns():
        if not takes_arguments and not name.startswith("citations:basket_"):
            yield reverse(name)


@pytest.fixture
def newsroom(seed_newsroom):
    return seed_newsroom


@pytest.mark.django_db
def test_malformed_and_oversized_query_strings_never_fail(client, newsroom):
    findings, tried = Findings(), 0
    for page in parameterless_pages():
        for query in HOSTILE_QUERIES:
            response = client.get(f"{page}?{query}")
            tried += 1
            if response.status_code not in {200, 301, 302, 400, 404, 405, 413}:
                findings.add(f"{page}?{query[:40]}", f"status {response.status_code}")
            audit_response(f"{page}?{query[:40]}", response, findings)

    assert tried > 100
    assert findings == [], "\n".join(findings[:40])


@pytest.mark.django_db
def test_too_many_query_parameters_are_rejected_with_400(client, newsroom):
    query = "&".join(f"f{n}=x" for n in range(5_000))

    assert client.get(f"{reverse('search')}?{query}").status_code == 400


@pytest.mark.django_db
@pytest.mark.parametrize("term", SQL_LOOKING_TERMS)
def test_sql_looking_search_terms_are_only_text(client, newsroom, term):
    candidates_before = Candidate.objects.count()

    response = client.get(reverse("search"), {"q": term})

    assert response.status_code == 200
    assert Candidate.objects.count() == candidates_before
    assert "pbkdf2_sha256$" not in response.text


@pytest.mark.django_db
@pytest.mark.parametrize("path", TRAVERSALS)
def test_path_traversal_in_slugs_finds_nothing(client, newsroom, path):
    response = client.get(path)

    assert response.status_code in {400, 404}
    assert b"SECRET_KEY" not in response.content
    assert b"root:x:" not in response.content


@pytest.mark.django_db
@pytest.mark.parametrize("target", FOREIGN_TARGETS)
def test_admin_login_never_redirects_to_another_site(client, target):
    get_user_model().objects.create_superuser("desk", "", "correct horse 42")

    response = client.post(
        f"{reverse('admin:login')}?next={target}",
        {"username": "desk", "password": "correct horse 42", "next": target},
    )

    assert response.status_code == 302
    assert response["Location"].startswith("/")
    assert not response["Location"].startswith(("//", "/\\"))


@pytest.mark.django_db
@pytest.mark.parametrize("target", FOREIGN_TARGETS)
def test_admin_login_with_an_unsafe_next_lands_on_the_admin_home(client, target):
    get_user_model().objects.create_superuser("desk", "", "correct horse 42")

    response = client.post(
        f"{reverse('admin:login')}?next={target}",
        {"username": "desk", "password": "correct horse 42", "next": target},
        follow=True,
    )

    assert response.redirect_chain[-1][0] == reverse("admin:index")
    assert response.status_code == 200


@pytest.mark.django_db
@pytest.mark.parametrize("target", FOREIGN_TARGETS)
def test_basket_flows_never_redirect_to_another_site(client, target):
    quote = factories.QuoteFactory()
    forms = {
        "citations:basket_add": {"kind": "quote", "pk": quote.pk, "next": target},
        "citations:basket_remove": {"kind": "quote", "pk": quote.pk, "next": target},
        "citations:basket_clear": {"next": target},
    }

    for name, data in forms.items():
        response = client.post(reverse(name), data, headers={"Referer": target})

        assert response.status_code == 302, name
        assert response["Location"].startswith("/"), name
        assert not response["Location"].startswith(("//", "/\\")), name


@pytest.mark.django_db
def test_every_state_changing_form_requires_a_csrf_token(newsroom):
    quote = factories.QuoteFactory()
    get_user_model().objects.create_superuser("desk", "", "correct horse 42")
    guarded = Client(enforce_csrf_checks=True)
    posts = {
        reverse("citations:basket_add"): {"kind": "quote", "pk": quote.pk},
        reverse("citations:basket_remove"): {"kind": "quote", "pk": quote.pk},
        reverse("citations:basket_clear"): {},
        reverse("admin:login"): {"username": "desk", "password": "correct horse 42"},
        reverse("results_import:import"): {},
    }

    for url, data in posts.items():
        assert guarded.post(url, data).status_code == 403, url


@pytest.mark.django_db
def test_every_public_post_form_carries_a_csrf_token(client, newsroom):
    quote = factories.QuoteFactory()
    pages = [
        quote.get_absolute_url(),
        quote.candidate.get_absolute_url(),
        reverse("citations:cite", args=["quote", quote.pk]),
        reverse("citations:basket"),
    ]
    client.post(reverse("citations:basket_add"), {"kind": "quote", "pk": quote.pk})

    for page in pages:
        html = client.get(page).text
        for form in html.split("<form")[1:]:
            if 'method="post"' in form.split(">", 1)[0]:
                assert 'name="csrfmiddlewaretoken"' in form.split("</form>", 1)[0], page


@pytest.mark.django_db
def test_logged_in_staff_cannot_be_made_to_post_without_a_token(superuser):
    staff = Client(enforce_csrf_checks=True)
    staff.force_login(superuser)

    response = staff.post(reverse("admin:candidates_candidate_add"), {"full_name": "Forged"})

    assert response.status_code == 403
    assert not Candidate.objects.filter(full_name="Forged").exists()


@pytest.mark.django_db
def test_results_upload_is_limited_in_size(admin_client_logged_in):
    oversized = SimpleUploadedFile("results.csv", b"a" * (5 * 1024 * 1024 + 1), "text/csv")

    response = admin_client_logged_in.post(reverse("results_import:import"), {"file": oversized})

    assert response.status_code == 200
    assert "larger than 5 MB" in response.text
    assert not ImportBatch.objects.exists()


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("name", "content"),
    [("results.exe", b"MZ\x90\x00\x03"), ("results.html", b"<script>alert(1)</script>")],
)
def test_results_upload_refuses_other_file_types(admin_client_logged_in, name, content):
    upload = SimpleUploadedFile(name, content, "application/octet-stream")

    response = admin_client_logged_in.post(reverse("results_import:import"), {"file": upload})

    assert response.status_code in {200, 400}
    assert "<script>alert(1)</script>" not in response.text
    assert not ImportBatch.objects.exists()
