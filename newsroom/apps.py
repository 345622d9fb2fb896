from django.apps import AppConfig
from django.utils.module_loading import autodiscover_modules


class NewsroomConfig(AppConfig):
    name = "newsroom"
    verbose_name = "Newsroom: outlets and sources"

    def ready(self):
        from . import constraints  # noqa: F401 (registers the constraint message check)
        from .citations import box

        autodiscover_modules("citables")
        box.invalidate_on_change()
