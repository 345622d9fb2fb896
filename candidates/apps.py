from django.apps import AppConfig


class CandidatesConfig(AppConfig):
    name = "candidates"
    verbose_name = "Candidates"

    def ready(self):
        from . import citing  # noqa: F401  (registers candidate rows for source pages)
