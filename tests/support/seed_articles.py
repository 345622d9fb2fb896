"""The three seed articles, read from `../shared/seeds/` (beside the project, present in CI):
the project's own files never carry their text. Each is keyed as seed/data.py keys its
sources (`fox`, `abc`, `cnn`)."""

from pathlib import Path

from django.conf import settings

from newsroom.models import Source
from seed import data

DIRECTORY = Path(settings.BASE_DIR).parent / "shared" / "seeds"

FILES = {
    "fox": "000_5d0c8b027134dc3d.txt",
    "abc": "001_33c10dd3f0ab8a79.txt",
    "cnn": "002_6cb349240cab35ab.txt",
}

SOURCES = {source["key"]: source for source in data.SOURCES}


def text_of(key: str) -> str:
    return (DIRECTORY / FILES[key]).read_text(encoding="utf-8")


def put_on_file() -> dict[str, Source]:
    """Give the seed newsroom's three sources their text, as an editor pasting it would."""
    sources = {}
    for key, spec in SOURCES.items():
        source = Source.objects.get(slug=spec["slug"])
        source.article_text = text_of(key)
        source.save()
        sources[key] = source
    return sources
