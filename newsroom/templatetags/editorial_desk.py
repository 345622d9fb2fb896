"""The editors' dashboard counts on the admin home (`{% desk_counts as counts %}`)."""

from django import template

from newsroom.editorial import dashboard

register = template.Library()


@register.simple_tag(takes_context=True)
def desk_counts(context):
    """The dashboard's section counts for the signed-in user (newsroom.editorial.dashboard)."""
    return dashboard.home_counts(context["request"])
