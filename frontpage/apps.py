from django.apps import AppConfig


class FrontpageConfig(AppConfig):
    name = "frontpage"
    verbose_name = "Front page and site-wide pages"
