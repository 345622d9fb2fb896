from django.apps import AppConfig


class ResultsConfig(AppConfig):
    name = "results"
    verbose_name = "Results"

    def ready(self):
        # Register results rows for source pages and the contest history for profiles.
        from . import citing, history  # noqa: F401
